import { defaultDatePickerStrings } from "@fluentui/react-datepicker-compat";
import type { CalendarStrings } from "@fluentui/react-calendar-compat";
import { fromLocalDate, toYmd, type DayNumber } from "../core/_lib/calendar";
import { parseDate } from "../core/model/parse";
import type { Lang } from "../core/i18n/lang";
import { fill, section } from "../core/i18n/catalogue";

/** A calendar day as a local JS Date at midnight (what the DatePicker shows). */
export function dayToDate(d: DayNumber): Date {
  const { year, month, day } = toYmd(d);
  return new Date(year, month - 1, day);
}
export function dateToDay(d: Date): DayNumber | null {
  return fromLocalDate(d);
}

/** `2026年5月1日` / `2026-05-01`: the pattern and the padding are the language's. */
export function formatDay(d: DayNumber | null, lang: Lang): string {
  if (d === null) return "—";
  const { year, month, day } = toYmd(d);
  const c = section(lang, "calendar");
  const digits = Number(section(lang, "settings").dayDigits);
  return fill(c.day, { year, month: String(month).padStart(digits, "0"), day: String(day).padStart(digits, "0") });
}

/** Reads what a user types: 2026/5/1, 2026-05-01, 2026年5月1日, 2026.5.1. */
export function parseTyped(text: string): Date | null {
  const p = parseDate(text);
  return p.ok ? dayToDate(p.value) : null;
}

/** The date picker's words from the catalogue; what the catalogue does not name keeps Fluent's default. */
export function calendarStrings(lang: Lang): CalendarStrings {
  const c = section(lang, "calendar");
  const list = (v: string) => v.split(",");
  return {
    ...defaultDatePickerStrings,
    months: list(c.months), shortMonths: list(c.shortMonths), days: list(c.days), shortDays: list(c.shortDays),
    goToToday: c.goToToday,
    prevMonthAriaLabel: c.prevMonth, nextMonthAriaLabel: c.nextMonth,
    prevYearAriaLabel: c.prevYear, nextYearAriaLabel: c.nextYear,
    closeButtonAriaLabel: c.close,
  };
}

/**
 * An audit-log time (Excel serial of a local wall-clock moment) as the language's day and hh:mm,
 * apart so a narrow pane can put them on two lines (null for a blank or broken cell).
 * @example momentParts(46162.5, "en-US") // { day: "2026-05-20", time: "12:00" }
 */
export function momentParts(serial: number, lang: Lang): { readonly day: string; readonly time: string } | null {
  if (!Number.isFinite(serial) || serial <= 0) return null;
  const day = Math.floor(serial);
  // Round to the minute first, so 23:59:59.9 does not print as "24:00".
  const minutes = Math.min(24 * 60 - 1, Math.round((serial - day) * 24 * 60));
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return { day: formatDay(day as DayNumber, lang), time };
}
