import { type DayNumber, formatIso, fromYmd, toYmd, weekday } from "../_lib/calendar";
import type { Bound } from "./criteria";

/**
 * The calendar periods the dashboard counts in, each as a day number for the engine and as the
 * formula the sheet recalculates with TODAY(), so both agree on every day of the year.
 */

/**
 * Monday of today's week: weeks start on Monday (the Chinese working week and ISO 8601), so on a
 * Sunday "this week" still began six days ago.
 * @example weekStart(fromYmd(2026, 5, 3)) // 2026-04-27, a Monday
 */
export function weekStart(today: DayNumber): Bound {
  const back = (weekday(today) + 6) % 7;
  return { value: today - back, formula: "TODAY()-WEEKDAY(TODAY(),2)+1" };
}

/** Sunday closing today's week. */
export function weekEnd(today: DayNumber): Bound {
  return { value: weekStart(today).value + 6, formula: "TODAY()-WEEKDAY(TODAY(),2)+7" };
}

export function todayBound(today: DayNumber): Bound {
  return { value: today, formula: "TODAY()" };
}

/** Today and the six days before: "the last 7 days". */
export function last7Start(today: DayNumber): Bound {
  return { value: today - 6, formula: "TODAY()-6" };
}

/**
 * First day of the month `offset` months from today's (0 = this month, -11 = eleven months ago, 1 =
 * next month). DATE() rolls a month below 1 or above 12 into the neighbouring year, as here.
 * @example monthStart(fromYmd(2026, 1, 15), -1).value === fromYmd(2025, 12, 1)
 */
export function monthStart(today: DayNumber, offset: number): Bound {
  const { year, month } = toYmd(today);
  const m0 = year * 12 + (month - 1) + offset;
  const value = fromYmd(Math.floor(m0 / 12), (m0 % 12) + 1, 1) as DayNumber;
  const sign = offset === 0 ? "" : offset > 0 ? `+${offset}` : `${offset}`;
  return { value, formula: `DATE(YEAR(TODAY()),MONTH(TODAY())${sign},1)` };
}

/** `2026-05` for the month a day falls in. */
export function monthLabel(d: DayNumber): string {
  return formatIso(d).slice(0, 7);
}
