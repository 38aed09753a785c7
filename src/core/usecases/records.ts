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

const CLEAN_ID = /^[A-Z0-9_-]*$/;
/** Normalised ID for joining follow-ups to customers (case, spaces and full-width forms ignored). */
export function idKey(id: string): string {
  // Most IDs are already clean ASCII: skip the Unicode work for them (a million follow-ups join here).
  if (CLEAN_ID.test(id)) return id;
  return id.normalize("NFKC").replace(/\s/g, "").toUpperCase();
}

/** Contact history by customer ID, kept in typed arrays: a million follow-ups allocate nothing per row. */
export class HistoryIndex {
  private readonly slotOf = new Map<string, number>();
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);
  private planned = new Float64Array(1024);
  private count = new Int32Array(1024);
  private size = 0;

  /** The slot of an ID as written; the normalised ID is tried when the raw text is new. */
  slot(raw: string, create: boolean): number {
    let s = this.slotOf.get(raw);
    if (s !== undefined) return s;
    const key = idKey(raw.trim());
    s = this.slotOf.get(key);
    if (s === undefined) {
      if (!create || key === "") return -1;
      s = this.size++;
      if (s >= this.count.length) this.grow();
      this.slotOf.set(key, s);
    }
    this.slotOf.set(raw, s);
    return s;
  }

  private grow(): void {
    const n = this.count.length * 2;
    const f = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    this.first = f(this.first);
    this.last = f(this.last);
    this.planned = f(this.planned);
    const c = new Int32Array(n);
    c.set(this.count);
    this.count = c;
  }

  add(slot: number, day: number, planned: number | null): void {
    if (this.count[slot] === 0) {
      this.first[slot] = day;
      this.last[slot] = day;
      this.planned[slot] = planned ?? NaN;
    } else {
      if (day < (this.first[slot] as number)) this.first[slot] = day;
      // On the latest date the later row wins, its planned date with it.
      if (day >= (this.last[slot] as number)) {
        this.last[slot] = day;
        this.planned[slot] = planned ?? NaN;
      }
    }
    this.count[slot] = (this.count[slot] as number) + 1;
  }

  get(id: string): ContactHistory | undefined {
    const s = this.slot(id, false);
    if (s < 0 || this.count[s] === 0) return undefined;
    const p = this.planned[s] as number;
    return { first: this.first[s] as DayNumber, last: this.last[s] as DayNumber, count: this.count[s] as number, plannedNext: Number.isNaN(p) ? null : (p as DayNumber) };
  }
}

/**
 * One pass over the follow-up log into a hash map by customer ID. Future-dated rows are left out
 * (and reported); on one date the later row's planned next date wins.
 */
export function readHistories(t: TableModel | null, today: DayNumber, sink: IssueSink | null, known?: ReadonlySet<string>): HistoryIndex {
  const index = new HistoryIndex();
  if (!t) return index;
  const dates = t.cols.date ?? [];
  const ids = t.cols.customerId ?? [];
  const nexts = t.cols.nextDate;
  const unknownSlots: Array<boolean | undefined> = [];
  // A million rows pass here: serial numbers and clean IDs take a path that allocates nothing.
  const dayOf = (v: RawCell | undefined, key: string, i: number): number | null => {
    if (typeof v === "number" && v >= 1 && v <= 2_958_465) return Math.floor(v);
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return null;
    const p = parseDate(v);
    if (p.ok) return p.value;
    sink?.push("unreadableDate", key, i, rawText(v));
    return NaN;
  };
  for (let i = 0; i < t.rowCount; i++) {
    const day = dayOf(dates[i], "date", i);
    if (day === null || Number.isNaN(day)) continue;
    const rawId = ids[i] ?? null;
    if (day > today) {
      sink?.push("futureFollowUp", "date", i, rawText(dates[i] ?? null));
      continue;
    }
    const slot = index.slot(typeof rawId === "string" ? rawId : parseText(rawId), true);
    if (slot < 0) continue;
    if (known) {
      // Whether an ID is a known customer is asked once per ID, not once per row.
      let unknown = unknownSlots[slot];
      if (unknown === undefined) {
        unknown = !known.has(idKey(parseText(rawId)));
        unknownSlots[slot] = unknown;
      }
      if (unknown) sink?.push("unknownCustomerId", "customerId", i, parseText(rawId));
    }
    const n = nexts ? dayOf(nexts[i], "nextDate", i) : null;
    index.add(slot, day, n === null || Number.isNaN(n) ? null : n);
  }
  return index;
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
