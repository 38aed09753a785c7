/**
 * Calendar dates as whole day numbers on Excel's 1900 date system (serial 1 = 1900-01-01,
 * 45000 = 2023-03-15). Core never does calendar arithmetic in milliseconds: a day number has
 * no time zone and no daylight-saving hour, so "30 days later" is always 30.
 */
export type DayNumber = number & { readonly __brand: "DayNumber" };

/** Serial of 1970-01-01 in the 1900 system (Excel's 1900 leap-year bug is before any date we handle). */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

export function dayNumber(n: number): DayNumber {
  return Math.floor(n) as DayNumber;
}

/** @example fromYmd(2026, 5, 1) === 46143 */
export function fromYmd(year: number, month: number, day: number): DayNumber | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March; a calendar date that does not exist is not a date.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return dayNumber(ms / MS_PER_DAY + UNIX_EPOCH_SERIAL);
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function toYmd(d: DayNumber): Ymd {
  const date = new Date((d - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO form `2026-05-01`. */
export function formatIso(d: DayNumber): string {
  const { year, month, day } = toYmd(d);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: DayNumber): number {
  // Valid for every serial after 1900-02-28, where Excel's phantom 1900-02-29 no longer matters.
  return (((d - 1) % 7) + 7) % 7;
}

/** The local calendar date of a JS Date (the user's wall clock, not UTC). */
export function fromLocalDate(date: Date): DayNumber | null {
  if (Number.isNaN(date.getTime())) return null;
  return fromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Parses `YYYY-MM-DD` strictly (used for `--today` and stored settings). */
export function parseIsoDay(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  return fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A date a person types as an argument: `2026-05-20`, `2026/5/20`, `2026.5.20` or `2026年5月20日`;
 * nothing looser (no serials, no times), so a typo is an error rather than another day.
 * @example parseTypedDay("2026年5月20日") === parseIsoDay("2026-05-20")
 */
export function parseTypedDay(text: string): DayNumber | null {
  const m = /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?$/.exec(text.trim());
  return m ? fromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Days between the 1904 and 1900 date systems. */
export const DATE1904_OFFSET = 1462;

/**
 * A day as a JS Date at UTC midnight, for libraries that write dates from Date objects.
 * @example toUtcDate(fromYmd(2026, 5, 1)!).toISOString() === "2026-05-01T00:00:00.000Z"
 */
export function toUtcDate(d: DayNumber): Date {
  return new Date((d - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

/**
 * Excel's serial for a wall-clock moment in the user's time zone (day and time of day), as an
 * audit log shows it.
 * @example localDateTimeSerial(new Date(2026, 4, 1, 12)) === 46143.5
 */
export function localDateTimeSerial(now: Date): number {
  const days = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return days + (now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds()) / 86_400;
}

/**
 * The `YYYYMM` of a day, as customer IDs carry it.
 * @example yearMonth(fromYmd(2026, 5, 20)!) === "202605"
 */
export function yearMonth(d: DayNumber): string {
  const { year, month } = toYmd(d);
  return `${year}${String(month).padStart(2, "0")}`;
}
