import type { Rules } from "../rules/rules";
import { dayOf, minutesBetween, type WallTime } from "./wallClock";
import { LATE_STATUSES, type ComplaintStatus } from "./types";

/** The moments a complaint's status depends on; null = not filled in yet. */
export interface ComplaintTimes {
  readonly receivedAt: WallTime | null;
  readonly respondedAt: WallTime | null;
  readonly solvedAt: WallTime | null;
  /** 回访日期: a date (or a date and time). */
  readonly calledBackOn: WallTime | null;
}

/**
 * Where a complaint stands at `now` (wall time, no time zone):
 * - no response and no solution: 待响应, 响应超时 once more than the response hours have passed since receipt;
 * - responded, no solution: 处理中, 解决超时 once more than the solution hours have passed since receipt;
 * - solved, not called back: 待回访, 回访超时 once the day is later than the solution's day + call-back days;
 * - solved and called back: 已完成.
 * Minutes are whole, rounded as the sheet's formula rounds them; "after 1 hour" means more than
 * 60 minutes. A solution without a recorded response counts as responded. Null without a receipt time.
 * @example complaintStatus({ receivedAt: at(23, 30), respondedAt: null, solvedAt: null, calledBackOn: null }, rules, nextDayAt(0, 20)) // "awaitingResponse"
 */
export function complaintStatus(c: ComplaintTimes, rules: Rules, now: WallTime): ComplaintStatus | null {
  if (c.receivedAt === null) return null;
  if (c.solvedAt !== null) {
    if (c.calledBackOn !== null) return "done";
    return dayOf(now) > dayOf(c.solvedAt) + rules.complaintCallbackDays ? "callbackLate" : "awaitingCallback";
  }
  const waited = minutesBetween(c.receivedAt, now);
  if (c.respondedAt === null) return waited > rules.complaintRespondHours * 60 ? "responseLate" : "awaitingResponse";
  return waited > rules.complaintSolveHours * 60 ? "solutionLate" : "inProgress";
}

/** 响应超时, 解决超时 or 回访超时. */
export function isLate(s: ComplaintStatus | null): boolean {
  return s !== null && LATE_STATUSES.includes(s);
}

/** Anything but 已完成. */
export function isOpen(s: ComplaintStatus | null): boolean {
  return s !== null && s !== "done";
}

/**
 * When the current step is due: the response or solution deadline (receipt + hours), or the last
 * day for the call-back (a day number, end of that day). Null once done.
 */
export function complaintDeadline(c: ComplaintTimes, rules: Rules): { readonly step: "respond" | "solve" | "callBack"; readonly by: WallTime } | null {
  if (c.receivedAt === null) return null;
  if (c.solvedAt !== null) {
    if (c.calledBackOn !== null) return null;
    return { step: "callBack", by: (dayOf(c.solvedAt) + rules.complaintCallbackDays) as WallTime };
  }
  const hours = c.respondedAt === null ? rules.complaintRespondHours : rules.complaintSolveHours;
  return { step: c.respondedAt === null ? "respond" : "solve", by: (c.receivedAt + hours / 24) as WallTime };
}
