import { defaultDatePickerStrings } from "@fluentui/react-datepicker-compat";
import type { CalendarStrings } from "@fluentui/react-calendar-compat";
import { fromLocalDate, toYmd, type DayNumber } from "../core/_lib/calendar";
import { parseDate } from "../core/model/parse";
import type { Lang } from "../core/i18n/lang";

/** A calendar day as a local JS Date at midnight (what the DatePicker shows). */
export function dayToDate(d: DayNumber): Date {
  const { year, month, day } = toYmd(d);
  return new Date(year, month - 1, day);
}
export function dateToDay(d: Date): DayNumber | null {
  return fromLocalDate(d);
}

/** `2026年5月1日` / `2026-05-01`. */
export function formatDay(d: DayNumber | null, lang: Lang): string {
  if (d === null) return "—";
  const { year, month, day } = toYmd(d);
  return lang === "zh-CN" ? `${year}年${month}月${day}日` : `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Reads what a user types: 2026/5/1, 2026-05-01, 2026年5月1日, 2026.5.1. */
export function parseTyped(text: string): Date | null {
  const p = parseDate(text);
  return p.ok ? dayToDate(p.value) : null;
}

const ZH: CalendarStrings = {
  ...defaultDatePickerStrings,
  months: ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
  shortMonths: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
  days: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
  shortDays: ["日", "一", "二", "三", "四", "五", "六"],
  goToToday: "转到今天",
  prevMonthAriaLabel: "上个月",
  nextMonthAriaLabel: "下个月",
  prevYearAriaLabel: "上一年",
  nextYearAriaLabel: "下一年",
  closeButtonAriaLabel: "关闭日历",
};

export function calendarStrings(lang: Lang): CalendarStrings {
  return lang === "zh-CN" ? ZH : defaultDatePickerStrings;
}
