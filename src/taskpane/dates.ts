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
