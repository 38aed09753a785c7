import type { DayNumber } from "../_lib/calendar";
import { type TableModel, cell, isBlank, sheetRow } from "./workbookModel";
import { parseAmount, parseDate, parseText } from "./parse";
import { levelMap, overrideMap, stageMap, tierMap } from "./labelMaps";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../template/columns";
import type { GradeInput } from "../grading/gradeCustomer";
import type { Lang } from "../i18n/lang";
import type { IssueSink } from "../issues/issueSink";

/** Where a customer row is and who it is: what a plan, a preview and an audit row name a customer by. */
export interface CustomerRef {
  /** 0-based data row of the Customers table. */
  readonly index: number;
  /** 1-based worksheet row. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
}

/** A customer row as the rules read it: what grading needs, plus where it is and whose it is. */
export interface CustomerRecord extends GradeInput, CustomerRef {
  readonly created: DayNumber | null;
  readonly owner: string;
  readonly contact: string;
}

/** The header as it stands in the workbook (falls back to ours). */
export function headerLookup(t: TableModel, lang: Lang, defs = CUSTOMER_COLUMNS.concat(FOLLOWUP_COLUMNS)) {
  return (key: string): string => {
    const p = t.positions[key];
    if (p !== undefined && t.headers[p]) return String(t.headers[p]).trim();
    return defs.find((d) => d.key === key)?.header[lang] ?? key;
  };
}

/** A data row with nothing in any of our columns is not a customer (a formatted but empty row). */
export function isEmptyRow(t: TableModel, i: number, keys: readonly string[]): boolean {
  for (const k of keys) if (!isBlank(cell(t, k, i))) return false;
  return true;
}

const CUSTOMER_INPUT_KEYS = CUSTOMER_COLUMNS.filter((c) => !c.derived).map((c) => c.key);

export function readCustomers(t: TableModel, sink: IssueSink): CustomerRecord[] {
  const out: CustomerRecord[] = [];
  const present = CUSTOMER_INPUT_KEYS.filter((k) => t.cols[k] !== undefined);
  for (let i = 0; i < t.rowCount; i++) {
    if (isEmptyRow(t, i, present)) continue;
    const raw = (k: string) => cell(t, k, i);
    out.push({
      index: i,
      row: sheetRow(t, i),
      id: parseText(raw("id")),
      name: parseText(raw("name")),
      stage: sink.take(stageMap.parse(raw("stage")), "stage", i, "unknownLabel", raw("stage")),
      closeDate: sink.take(parseDate(raw("closeDate")), "closeDate", i, "unreadableDate", raw("closeDate")),
      amount: sink.take(parseAmount(raw("amount")), "amount", i, "unreadableAmount", raw("amount")),
      fit: sink.take(levelMap.parse(raw("fit")), "fit", i, "unknownLabel", raw("fit")),
      intent: sink.take(levelMap.parse(raw("intent")), "intent", i, "unknownLabel", raw("intent")),
      tier: sink.take(tierMap.parse(raw("value")), "value", i, "unknownLabel", raw("value")),
      override: sink.take(overrideMap.parse(raw("gradeOverride")), "gradeOverride", i, "unknownLabel", raw("gradeOverride")),
      created: sink.take(parseDate(raw("created")), "created", i, "unreadableDate", raw("created")),
      owner: parseText(raw("owner")),
      contact: parseText(raw("contact")),
    });
  }
  return out;
}
