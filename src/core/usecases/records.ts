import type { DayNumber } from "../_lib/calendar";
import type { Issue, IssueCode } from "../checks/issue";
import { type RawCell, type TableModel, type WorkbookModel, cell, isBlank, sheetRow } from "../model/workbookModel";
import { LabelMap, parseAmount, parseDate, parseText, type Parsed } from "../model/parse";
import { LEVELS, STAGES, TIERS, type LevelKey, type StageKey, type TierKey } from "../template/lists";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../template/columns";
import type { Letter } from "../grading/gradeCustomer";
import type { ContactHistory } from "../followup/derive";
import type { WorkCalendar } from "../followup/workdays";
import type { Lang } from "../i18n/lang";

export const stageMap = new LabelMap(STAGES);
export const levelMap = new LabelMap(LEVELS);
export const tierMap = new LabelMap(TIERS);
const overrideMap = new LabelMap({ A: { zh: "A", en: "A" }, B: { zh: "B", en: "B" }, C: { zh: "C", en: "C" } } as const);

export interface CustomerRecord {
  readonly index: number;
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly stage: StageKey | null;
  readonly closeDate: DayNumber | null;
  readonly amount: number | null;
  readonly fit: LevelKey | null;
  readonly intent: LevelKey | null;
  readonly tier: TierKey | null;
  readonly override: Letter | null;
  readonly created: DayNumber | null;
  readonly owner: string;
  readonly contact: string;
}

/** Collects "present but unreadable" cells as issues while parsing. */
export class IssueSink {
  readonly issues: Issue[] = [];
  constructor(private readonly table: TableModel, private readonly headerOf: (key: string) => string) {}
  take<T>(p: Parsed<T>, key: string, i: number, code: IssueCode, raw: RawCell): T | null {
    if (p.ok) return p.value;
    if (!p.blank) this.push(code, key, i, rawText(raw));
    return null;
  }
  push(code: IssueCode, key: string | null, i: number | null, value?: string, other?: number): void {
    this.issues.push({
      code, severity: code === "unknownLabel" || code === "unreadableDate" || code === "unreadableAmount" ? "error" : "warning",
      sheet: this.table.sheet, sheetName: this.table.sheetName, row: i === null ? null : sheetRow(this.table, i),
      column: key === null ? null : this.headerOf(key), columnKey: key, ...(value !== undefined ? { value } : {}), ...(other !== undefined ? { other } : {}),
    });
  }
}

export function rawText(v: RawCell): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return String(v);
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

/** Normalised ID for joining follow-ups to customers (case and spaces ignored). */
export function idKey(id: string): string {
  return id.normalize("NFKC").replace(/\s/g, "").toUpperCase();
}

interface MutableHistory { first: DayNumber; last: DayNumber; count: number; plannedNext: DayNumber | null }

/**
 * One pass over the follow-up log into a hash map by customer ID. Future-dated rows are left out
 * (and reported); on one date the later row's planned next date wins.
 */
export function readHistories(t: TableModel | null, today: DayNumber, sink: IssueSink | null, known?: ReadonlySet<string>): Map<string, ContactHistory> {
  const map = new Map<string, MutableHistory>();
  if (!t) return map;
  const dates = t.cols.date ?? [];
  const ids = t.cols.customerId ?? [];
  const nexts = t.cols.nextDate;
  for (let i = 0; i < t.rowCount; i++) {
    const rawId = ids[i] ?? null;
    const rawDate = dates[i] ?? null;
    if (isBlank(rawId) && isBlank(rawDate)) continue;
    const d = parseDate(rawDate);
    if (!d.ok) {
      if (!d.blank) sink?.push("unreadableDate", "date", i, rawText(rawDate));
      continue;
    }
    const day = d.value;
    if (day > today) {
      sink?.push("futureFollowUp", "date", i, rawText(rawDate));
      continue;
    }
    const id = idKey(parseText(rawId));
    if (id === "") continue;
    if (known && !known.has(id)) sink?.push("unknownCustomerId", "customerId", i, parseText(rawId));
    let planned: DayNumber | null = null;
    if (nexts) {
      const n = parseDate(nexts[i] ?? null);
      if (n.ok) planned = n.value;
      else if (!n.blank) sink?.push("unreadableDate", "nextDate", i, rawText(nexts[i] ?? null));
    }
    const h = map.get(id);
    if (!h) map.set(id, { first: day, last: day, count: 1, plannedNext: planned });
    else {
      h.count++;
      if (day < h.first) h.first = day;
      if (day >= h.last) {
        h.last = day;
        h.plannedNext = planned;
      }
    }
  }
  return map;
}

/** Holidays and make-up workdays from the Lists sheet, or the template's defaults when absent. */
export function readCalendar(model: WorkbookModel, defaults: WorkCalendar): WorkCalendar {
  const toSet = (cells: readonly RawCell[] | undefined, fallback: ReadonlySet<number>): ReadonlySet<number> => {
    if (!cells) return fallback;
    const s = new Set<number>();
    for (const c of cells) {
      const p = parseDate(c);
      if (p.ok) s.add(p.value);
    }
    return s;
  };
  return { holidays: toSet(model.lists.holidays, defaults.holidays), workdays: toSet(model.lists.workdays, defaults.workdays) };
}
