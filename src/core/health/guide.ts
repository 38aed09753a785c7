import type { Lang } from "../i18n/lang";
import type { GuideRow } from "../template/guide";
import { sheetName } from "../template/sheets";
import { defaultRules } from "../rules/rules";
import { formatAmountShort } from "../i18n/messages";
import { fill, healthText } from "./messages";
import { RANKED_TIERS } from "./types";

/** The Rules defaults the Guide quotes, amounts in 万 / k. */
function ruleValues(lang: Lang): Record<string, string | number> {
  const r = defaultRules();
  return {
    riskComplaints: r.riskComplaints,
    riskWindowDays: r.riskWindowDays,
    highValueWon: formatAmountShort(r.highValueWon, lang),
    highValueWindowDays: r.highValueWindowDays,
    potentialAmount: formatAmountShort(r.potentialAmount, lang),
    potentialCloseDays: r.potentialCloseDays,
    complaintRespondHours: r.complaintRespondHours,
    complaintSolveHours: r.complaintSolveHours,
    complaintCallbackDays: r.complaintCallbackDays,
    customers: sheetName("customers", lang),
    rules: sheetName("rules", lang),
    complaints: sheetName("complaints", lang),
  };
}

/** The Guide's section on value tiers (each with seed 000's strategy) and the complaint clock. */
export function healthGuideRows(lang: Lang): GuideRow[] {
  const h = healthText(lang);
  const v = ruleValues(lang);
  const rows: GuideRow[] = [
    { kind: "heading", text: h.guide.heading },
    { kind: "text", text: fill(h.guide.intro, v) },
  ];
  for (const t of [...RANKED_TIERS, "standard"] as const) {
    rows.push({ kind: "text", text: fill(h.guide.tierLine, { tier: h.tier[t], when: fill(h.guide.when[t], v), strategy: h.strategy[t] }) });
  }
  rows.push({ kind: "text", text: fill(h.guide.complaints, v) });
  return rows;
}

/** Help for the derived columns this section adds (tier, reason, complaint name and status). */
export function healthDerivedHelp(key: string, lang: Lang): string {
  const d = healthText(lang).guide.derived;
  return key in d ? d[key as keyof typeof d] : "";
}
