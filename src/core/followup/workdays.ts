import type { RawCell, WorkbookModel } from "../model/workbookModel";
import { parseDate } from "../model/parse";
import type { DayNumber } from "../_lib/calendar";
import { weekday } from "../_lib/calendar";

export interface WorkCalendar {
  readonly holidays: ReadonlySet<number>;
  /** 调休: weekend days that are working days. */
  readonly workdays: ReadonlySet<number>;
}

export const NO_HOLIDAYS: WorkCalendar = { holidays: new Set(), workdays: new Set() };

export function isWorkingDay(d: DayNumber, cal: WorkCalendar): boolean {
  if (cal.workdays.has(d)) return true;
  if (cal.holidays.has(d)) return false;
  const w = weekday(d);
  return w !== 0 && w !== 6;
}

/**
 * The same day when it is a working day, else the next one: weekends and listed holidays move
 * forward, make-up workdays (调休) do not.
 * @example nextWorkingDay(saturday, cal) // the Monday after, or Saturday itself when it is a 调休 workday
 */
export function nextWorkingDay(d: DayNumber, cal: WorkCalendar): DayNumber {
  let x = d;
  // A year of holidays in a row would be a typo in the list; stop rather than loop forever.
  for (let i = 0; i < 366 && !isWorkingDay(x, cal); i++) x = (x + 1) as DayNumber;
  return x;
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
