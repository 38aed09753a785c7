import type { Lang } from "../i18n/lang";
import type { GuideRow } from "../template/guide";
import type { ColumnDef } from "../template/columns";
import { sheetName } from "../template/sheets";
import { headerText } from "../model/headers";
import { POOL_CUSTOMER_COLUMNS } from "./columns";
import { POOL_RULE_DEFS } from "./poolRuleDefs";
import { poolOwnerLabel } from "./poolOwner";
import { fillText, teamOpsTexts } from "./i18n";

/** A pool rule's default, as the Guide quotes it (a manager may change the row later). */
function ruleDefault(key: string): number {
  return Number(POOL_RULE_DEFS.find((d) => d.key === key)?.defaultValue ?? 0);
}

/**
 * The Guide's part on team operations: the pool's rule in words (quoting the Rules defaults), how
 * release, claim and handover work, the Contacts table, and that these (with the log form's stage
 * change) are the only operations that write a user's cells.
 */
export function teamOpsGuideRows(lang: Lang): GuideRow[] {
  const g = teamOpsTexts(lang).guide;
  const label = (key: string) => POOL_RULE_DEFS.find((d) => d.key === key)?.label[lang] ?? key;
  const column = POOL_CUSTOMER_COLUMNS[0] as ColumnDef;
  return [
    { kind: "heading", text: g.heading },
    { kind: "text", text: fillText(g.pool, {
      switch: label("poolEnabled"), rules: sheetName("rules", lang), a: ruleDefault("releaseA"), b: ruleDefault("releaseB"),
      c: ruleDefault("releaseC"), toAssess: ruleDefault("releaseToAssess"), column: headerText(column, lang), warn: ruleDefault("releaseWarn"),
    }) },
    { kind: "text", text: fillText(g.poolActions, { pool: poolOwnerLabel(lang) }) },
    { kind: "text", text: g.handover },
    { kind: "text", text: fillText(g.ownerWrites, { audit: sheetName("audit", lang) }) },
    { kind: "text", text: fillText(g.contacts, { contacts: sheetName("contacts", lang) }) },
  ];
}

/** How to read a derived column of ours, for the Guide's column lines ("" when not one of ours). */
export function teamOpsDerivedHelp(key: string, lang: Lang): string {
  const d = teamOpsTexts(lang).derived;
  return key === "daysToRelease" ? d.daysToRelease : key === "customerName" ? d.customerName : "";
}

