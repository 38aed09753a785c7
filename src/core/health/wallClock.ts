import { fromYmd, localDateTimeSerial, type DayNumber, toYmd } from "../_lib/calendar";
import type { Parsed } from "../model/parse";
import { isBlank, type RawCell } from "../model/workbookModel";

/**
 * A moment on the workbook's wall clock: an Excel date-time serial (1900 system), whole days plus
 * the fraction of the day. It has no time zone: 23:30 typed in Shanghai is 23:30 for a colleague in
 * Los Angeles, and a daylight-saving jump changes nothing stored.
 */
export type WallTime = number & { readonly __brand: "WallTime" };

export const MINUTES_PER_DAY = 1440;

/** @example wallTime(fromYmd(2026, 5, 1)!, 23, 30) // 46143.979166… */
export function wallTime(day: DayNumber, hour = 0, minute = 0, second = 0): WallTime {
  return (day + (hour * 3600 + minute * 60 + second) / 86_400) as WallTime;
}

/**
 * The wall-clock reading of a JS Date in the runtime's local time zone (the user's), built from its
 * local fields rather than from milliseconds (core's `localDateTimeSerial`), so a DST change never
 * shifts it by an hour. Null for an invalid Date.
 * @example fromLocalDateTime(new Date(2026, 2, 8, 3, 15)) // 2026-03-08 03:15 even in America/Los_Angeles
 */
export function fromLocalDateTime(date: Date): WallTime | null {
  if (Number.isNaN(date.getTime())) return null;
  return localDateTimeSerial(date) as WallTime;
}

/** The calendar day a wall time falls on. */
export function dayOf(t: WallTime): DayNumber {
  return Math.floor(t) as DayNumber;
}

/**
 * Whole minutes from `from` to `to`, rounded as the live formula rounds them
 * (`ROUND((NOW()-A2)*1440,0)`), so the engine and the sheet agree to the minute.
 * @example minutesBetween(wallTime(d, 23, 30), wallTime(d + 1, 0, 31)) // 61
 */
export function minutesBetween(from: WallTime, to: WallTime): number {
  return Math.round((to - from) * MINUTES_PER_DAY);
}

const MAX_SERIAL = 2_958_466;
const TEXT_DATE_TIME = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?)?$/;

/**
 * Reads a date and time from a cell: a serial with its fraction (what Excel stores), or text
 * `2026-05-01 09:30`, `2026/5/1 9:30`, `2026年5月1日 09:30`, `2026-05-01T09:30:00`. A date without a
 * time is midnight. Never throws.
 * @example parseDateTime("2026-05-01 23:30") // { ok: true, value: 46143.979166… }
 */
export function parseDateTime(v: RawCell | undefined): Parsed<WallTime> {
  if (v === undefined || isBlank(v)) return { ok: false, blank: true };
  if (typeof v === "number") {
    return Number.isFinite(v) && v >= 1 && v < MAX_SERIAL ? { ok: true, value: v as WallTime } : { ok: false, blank: false };
  }
  if (typeof v !== "string") return { ok: false, blank: false };
  const s = v.normalize("NFKC").trim();
  const m = TEXT_DATE_TIME.exec(s);
  if (m) {
    const day = fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    const h = m[4] === undefined ? 0 : Number(m[4]);
    const min = m[5] === undefined ? 0 : Number(m[5]);
    const sec = m[6] === undefined ? 0 : Number(m[6]);
    if (day === null || h > 23 || min > 59 || sec > 59) return { ok: false, blank: false };
    return { ok: true, value: wallTime(day, h, min, sec) };
  }
  // A serial kept as text ("46143.5") is still a moment.
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return parseDateTime(Number(s));
  return { ok: false, blank: false };
}

/**
 * `YYYY-MM-DD HH:mm`, the form the command line takes and the sheet shows.
 * @example formatDateTime(wallTime(fromYmd(2026, 5, 1)!, 9, 5)) // "2026-05-01 09:05"
 */
export function formatDateTime(t: WallTime): string {
  const minutes = Math.round(t * MINUTES_PER_DAY);
  const day = Math.floor(minutes / MINUTES_PER_DAY) as DayNumber;
  const m = minutes - day * MINUTES_PER_DAY;
  const { year, month, day: d } = toYmd(day);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${year}-${p(month)}-${p(d)} ${p(Math.floor(m / 60))}:${p(m % 60)}`;
}

/** Parses `YYYY-MM-DD HH:mm` strictly (the command line's `--at`). */
export function parseIsoDateTime(text: string): WallTime | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const day = fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  const h = Number(m[4]);
  const min = Number(m[5]);
  if (day === null || h > 23 || min > 59) return null;
  return wallTime(day, h, min);
}
