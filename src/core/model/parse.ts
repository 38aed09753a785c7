import { type DayNumber, dayNumber, fromLocalDate, fromYmd } from "../_lib/calendar";
import type { RawCell } from "./workbookModel";
import { isBlank, isCellError } from "./workbookModel";
import { normalizeLabel } from "./headers";
import type { ListEntry } from "../template/lists";

/** Parsed value, blank, or a value present but unreadable (which counts as blank and becomes an issue). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly blank: boolean };

const BLANK = { ok: false, blank: true } as const;
const BAD = { ok: false, blank: false } as const;
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** Parsed results are immutable: one per day number is shared by every cell holding that day. */
const PARSED_DAYS = new Map<number, Parsed<DayNumber>>();

/** Largest serial Excel shows as a date (9999-12-31). */
const MAX_SERIAL = 2_958_465;

/**
 * Reads a calendar date from whatever a cell holds: an Excel serial (1900 system; the door has
 * already shifted 1904 workbooks), a JS Date (its local calendar day), or text such as
 * `2026-05-01`, `2026/5/1`, `2026年5月1日`, `2026.5.1`. Never throws.
 * @example parseDate("2026年5月1日") // { ok: true, value: 46143 }
 */
export function parseDate(v: RawCell | Date | undefined): Parsed<DayNumber> {
  if (v === undefined || isBlank(v as RawCell)) return BLANK;
  if (v instanceof Date) {
    const d = fromLocalDate(v);
    return d === null ? BAD : ok(d);
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v > MAX_SERIAL) return BAD;
    const d = dayNumber(v);
    let r = PARSED_DAYS.get(d);
    if (r === undefined) {
      r = ok(d);
      if (PARSED_DAYS.size < 100_000) PARSED_DAYS.set(d, r);
    }
    return r;
  }
  if (typeof v !== "string") return BAD;
  const s = v.normalize("NFKC").trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  if (m) {
    const d = fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return d === null ? BAD : ok(d);
  }
  // A serial stored as text ("46143") is still a date, when it is a plausible one.
  if (/^\d{5}$/.test(s)) return parseDate(Number(s));
  return BAD;
}

/**
 * Reads an amount in yuan: numbers, `500,000`, `￥500,000`, `50万`, `1.2亿`, `500000元`. Never throws.
 * @example parseAmount("50万") // { ok: true, value: 500000 }
 */
export function parseAmount(v: RawCell | undefined): Parsed<number> {
  if (v === undefined || isBlank(v)) return BLANK;
  if (typeof v === "number") return Number.isFinite(v) ? ok(v) : BAD;
  if (typeof v !== "string") return BAD;
  let s = v.normalize("NFKC").trim().replace(/[,\s]/g, "").replace(/^(?:[¥￥]|RMB|CNY)/i, "").replace(/元$/, "");
  let scale = 1;
  if (s.endsWith("万")) {
    scale = 1e4;
    s = s.slice(0, -1);
  } else if (s.endsWith("亿")) {
    scale = 1e8;
    s = s.slice(0, -1);
  }
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return BAD;
  // Rounded to fen so that 1.2亿 is 120000000, not 119999999.99999999.
  return ok(Math.round(Number(s) * scale * 100) / 100);
}

/** Splits tags on `,` `，` `、` `;` `；`, trimming and dropping empties. */
export function parseTags(v: RawCell | undefined): string[] {
  if (typeof v !== "string") return [];
  return v.split(/[,，、;；]/).map((x) => x.trim()).filter((x) => x !== "");
}

/** Text of a cell, trimmed; numbers as Excel would show them in General. Blank → "". */
export function parseText(v: RawCell | undefined): string {
  if (v === undefined || v === null || isCellError(v)) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Maps dropdown labels in either language (and case, spaces, full-width forms) to a key. */
export class LabelMap<K extends string> {
  private readonly map = new Map<string, K>();
  /** Results by the exact text seen, so a column of repeated labels allocates nothing. */
  private readonly seen = new Map<string, Parsed<K>>();
  constructor(entries: Readonly<Record<K, ListEntry>>) {
    for (const [key, e] of Object.entries(entries) as [K, ListEntry][]) {
      for (const label of Object.values(e)) this.map.set(normalizeLabel(label), key);
    }
  }
  parse(v: RawCell | undefined): Parsed<K> {
    if (v === undefined || isBlank(v)) return BLANK;
    if (typeof v !== "string") return BAD;
    let r = this.seen.get(v);
    if (r === undefined) {
      const k = this.map.get(normalizeLabel(v));
      r = k === undefined ? BAD : ok(k);
      if (this.seen.size < 10_000) this.seen.set(v, r);
    }
    return r;
  }
}
