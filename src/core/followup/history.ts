import type { DayNumber } from "../_lib/calendar";
import type { RawCell, TableModel } from "../model/workbookModel";
import { parseDate, parseText } from "../model/parse";
import type { ContactHistory } from "./derive";
import { rawText, type IssueSink } from "../issues/issueSink";

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
    const f = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
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
    return {
      first: this.first[s] as DayNumber,
      last: this.last[s] as DayNumber,
      count: this.count[s] as number,
      plannedNext: Number.isNaN(p) ? null : (p as DayNumber),
    };
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
