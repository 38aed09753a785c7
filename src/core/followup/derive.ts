import type { DayNumber } from "../_lib/calendar";
import type { Rules } from "../rules/rules";
import type { Grade, StageClass } from "../grading/gradeCustomer";
import { nextWorkingDay, type WorkCalendar } from "./workdays";

export type Status = "ok" | "overdue" | "dormant" | "closed";

/** What the follow-up log says about one customer. */
export interface ContactHistory {
  readonly first: DayNumber | null;
  readonly last: DayNumber | null;
  readonly count: number;
  /** Next follow-up date planned on the latest follow-up (the last row wins on one date). */
  readonly plannedNext: DayNumber | null;
}

export const NO_HISTORY: ContactHistory = { first: null, last: null, count: 0, plannedNext: null };

export interface Derived {
  readonly nextDue: DayNumber | null;
  readonly daysToDue: number | null;
  readonly status: Status;
  readonly cadence: number | null;
}

export function cadenceDays(grade: Grade | null, stage: StageClass, rules: Rules): number | null {
  if (stage === "closed") return null;
  if (stage === "maintenance") return rules.cadenceMaintenance;
  switch (grade) {
    case "A": return rules.cadenceA;
    case "B": return rules.cadenceB;
    case "C": return rules.cadenceC;
    default: return rules.cadenceToAssess;
  }
}

/**
 * Next due date, days until it, and the status. Next due is the earlier of the latest follow-up's
 * planned date and last contact + cadence; never contacted: created + first-contact days; moved to
 * a working day. Dormant needs quiet ≥ dormant days and no demand signal (C, 待评估, or won/after-sales).
 * @example deriveFollowUp("B", "open", { first: d, last: d, count: 1, plannedNext: null }, created, rules, cal, today)
 */
export function deriveFollowUp(
  grade: Grade | null, stage: StageClass, history: ContactHistory, created: DayNumber | null,
  rules: Rules, cal: WorkCalendar, today: DayNumber,
): Derived {
  if (stage === "closed") return { nextDue: null, daysToDue: null, status: "closed", cadence: null };
  const cadence = cadenceDays(grade, stage, rules);
  let due: number | null = null;
  if (history.last !== null && cadence !== null) {
    due = history.last + cadence;
    if (history.plannedNext !== null && history.plannedNext < due) due = history.plannedNext;
  } else if (created !== null) {
    due = created + rules.firstContactDays;
  }
  const nextDue = due === null ? null : rules.workdayAdjustOn ? nextWorkingDay(due as DayNumber, cal) : (due as DayNumber);
  const quietSince = history.last ?? created;
  const noDemandSignal = stage === "maintenance" || grade === "C" || grade === "toAssess";
  let status: Status = "ok";
  if (quietSince !== null && today - quietSince >= rules.dormantDays && noDemandSignal) status = "dormant";
  else if (nextDue !== null && today > nextDue) status = "overdue";
  return { nextDue, daysToDue: nextDue === null ? null : nextDue - today, status, cadence };
}
