import fc from "fast-check";
import { deriveFollowUp, NO_HISTORY, type ContactHistory } from "../../src/core/followup/derive";
import { nextWorkingDay, NO_HOLIDAYS } from "../../src/core/followup/workdays";
import { defaultRules } from "../../src/core/rules/rules";
import { DEFAULT_CALENDAR } from "../../src/core/usecases/grade";
import type { Grade, StageClass } from "../../src/core/grading/gradeCustomer";
import { formatIso, type DayNumber } from "../../src/core/_lib/calendar";
import { day } from "../support/builders";

const rules = defaultRules();
const noAdjust = { ...rules, workdayAdjustOn: false };
const today = day("2026-05-20");
const hist = (last: string, plannedNext: string | null = null, count = 1): ContactHistory => ({ first: day(last), last: day(last), count, plannedNext: plannedNext ? day(plannedNext) : null });
const iso = (d: DayNumber | null) => (d === null ? null : formatIso(d));

describe("next due", () => {
  it.each<[Grade, string]>([["A", "2026-05-18"], ["B", "2026-05-25"], ["C", "2026-06-10"], ["toAssess", "2026-06-10"]])("grade %s: last contact + cadence = %s", (grade, due) => {
    expect(iso(deriveFollowUp(grade, "open", hist("2026-05-11"), null, noAdjust, NO_HOLIDAYS, today).nextDue)).toBe(due);
  });
  it("won and after-sales keep a 30-day maintenance cadence", () => {
    expect(iso(deriveFollowUp(null, "maintenance", hist("2026-05-11"), null, noAdjust, NO_HOLIDAYS, today).nextDue)).toBe("2026-06-10");
  });
  it("a planned date before the cadence wins", () => {
    expect(iso(deriveFollowUp("C", "open", hist("2026-05-11", "2026-05-13"), null, noAdjust, NO_HOLIDAYS, today).nextDue)).toBe("2026-05-13");
  });
  it("a planned date after the cadence does not postpone it", () => {
    expect(iso(deriveFollowUp("A", "open", hist("2026-05-11", "2026-07-01"), null, noAdjust, NO_HOLIDAYS, today).nextDue)).toBe("2026-05-18");
  });
  it("never contacted: created + first-contact days", () => {
    expect(iso(deriveFollowUp("B", "open", NO_HISTORY, day("2026-05-18"), noAdjust, NO_HOLIDAYS, today).nextDue)).toBe("2026-05-20");
  });
  it("closed stages have no due date and are never highlighted", () => {
    expect(deriveFollowUp("A", "closed", hist("2025-01-01"), null, rules, DEFAULT_CALENDAR, today)).toEqual({ nextDue: null, daysToDue: null, status: "closed", cadence: null });
  });
  it("days to due is negative when overdue", () => {
    const d = deriveFollowUp("A", "open", hist("2026-05-01"), null, noAdjust, NO_HOLIDAYS, today);
    expect(d.daysToDue).toBe(-12);
    expect(d.status).toBe("overdue");
  });
  it("due today is not overdue yet", () => {
    const d = deriveFollowUp("A", "open", hist("2026-05-13"), null, noAdjust, NO_HOLIDAYS, today);
    expect([d.daysToDue, d.status]).toEqual([0, "ok"]);
  });
});

describe("working days", () => {
  it.each([
    ["2026-05-16", "2026-05-18"], // Saturday → Monday
    ["2026-05-17", "2026-05-18"], // Sunday → Monday
    ["2026-05-01", "2026-05-06"], // 劳动节 1–5 May
    ["2026-05-09", "2026-05-09"], // Saturday 调休 workday
    ["2026-10-01", "2026-10-08"], // 国庆
    ["2026-10-10", "2026-10-10"], // Saturday 调休 workday
    ["2026-02-14", "2026-02-14"], // Saturday before 春节, a workday
    ["2026-02-15", "2026-02-24"], // 春节
    ["2026-05-19", "2026-05-19"], // a Tuesday
  ])("%s moves to %s", (from, to) => {
    expect(formatIso(nextWorkingDay(day(from), DEFAULT_CALENDAR))).toBe(to);
  });
  it("applies to next due when the switch is on", () => {
    // 2026-04-24 + 7 = 2026-05-01, a holiday → 2026-05-06
    expect(iso(deriveFollowUp("A", "open", hist("2026-04-24"), null, rules, DEFAULT_CALENDAR, today).nextDue)).toBe("2026-05-06");
  });
});

describe("dormant", () => {
  const quiet = (days: number) => hist(formatIso((today - days) as DayNumber));
  it.each<[Grade | null, StageClass, number, string]>([
    ["C", "open", 179, "overdue"], ["C", "open", 180, "dormant"],
    ["toAssess", "open", 179, "overdue"], ["toAssess", "open", 180, "dormant"],
    ["A", "open", 180, "overdue"], ["B", "open", 400, "overdue"],
    [null, "maintenance", 179, "overdue"], [null, "maintenance", 180, "dormant"],
  ])("grade %s (%s) quiet %i days → %s", (grade, stage, days, status) => {
    expect(deriveFollowUp(grade, stage, quiet(days), null, noAdjust, NO_HOLIDAYS, today).status).toBe(status);
  });
  it("never contacted: quiet since Created", () => {
    expect(deriveFollowUp("C", "open", NO_HISTORY, (today - 200) as DayNumber, noAdjust, NO_HOLIDAYS, today).status).toBe("dormant");
  });
  it("is exactly: quiet ≥ dormant days without a demand signal (property)", () => {
    fc.assert(fc.property(
      fc.constantFrom<Grade | null>("A", "B", "C", "toAssess", null), fc.constantFrom<StageClass>("open", "maintenance", "closed"),
      fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 400 }),
      (grade, stage, quietDays, dormantDays) => {
        const r = { ...noAdjust, dormantDays };
        const d = deriveFollowUp(grade, stage, quiet(quietDays), null, r, NO_HOLIDAYS, today);
        const noSignal = stage === "maintenance" || grade === "C" || grade === "toAssess";
        if (stage === "closed") expect(d.status).toBe("closed");
        else expect(d.status === "dormant").toBe(quietDays >= dormantDays && noSignal);
      }), { numRuns: 2000 });
  });
});
