import { complaintStatus, complaintDeadline, isLate, isOpen, type ComplaintTimes } from "../../src/core/health/complaintStatus";
import { wallTime, type WallTime } from "../../src/core/health/wallClock";
import { defaultRules, readRules } from "../../src/core/rules/rules";
import type { ComplaintStatus } from "../../src/core/health/types";
import { day, makeModel } from "../support/builders";

const rules = defaultRules();
const d0 = day("2026-05-01");
const at = (dayOffset: number, h: number, m: number): WallTime => wallTime((d0 + dayOffset) as never, h, m);
const none: ComplaintTimes = { receivedAt: null, respondedAt: null, solvedAt: null, calledBackOn: null };
const received = at(0, 9, 0);
const c = (over: Partial<ComplaintTimes>): ComplaintTimes => ({ ...none, receivedAt: received, ...over });

describe("SLA status at the boundaries (respond 1 h, solve 24 h, call back 3 days)", () => {
  it.each<[string, ComplaintTimes, WallTime, ComplaintStatus]>([
    ["just received", c({}), at(0, 9, 0), "awaitingResponse"],
    ["60 minutes without a response", c({}), at(0, 10, 0), "awaitingResponse"],
    ["61 minutes without a response", c({}), at(0, 10, 1), "responseLate"],
    ["responded, 24 h after receipt", c({ respondedAt: at(0, 9, 30) }), at(1, 9, 0), "inProgress"],
    ["responded, 24 h 1 min after receipt", c({ respondedAt: at(0, 9, 30) }), at(1, 9, 1), "solutionLate"],
    ["a late response still moves on to 处理中", c({ respondedAt: at(0, 11, 0) }), at(0, 11, 5), "inProgress"],
    ["solved, 3rd day after the solution", c({ respondedAt: at(0, 9, 10), solvedAt: at(0, 15, 0) }), at(3, 23, 59), "awaitingCallback"],
    ["solved, 4th day after the solution", c({ respondedAt: at(0, 9, 10), solvedAt: at(0, 15, 0) }), at(4, 0, 0), "callbackLate"],
    ["solved without a recorded response", c({ solvedAt: at(0, 9, 40) }), at(0, 12, 0), "awaitingCallback"],
    ["called back", c({ respondedAt: at(0, 9, 10), solvedAt: at(0, 15, 0), calledBackOn: at(2, 0, 0) }), at(30, 0, 0), "done"],
    ["called back late is still done", c({ respondedAt: at(0, 9, 10), solvedAt: at(0, 15, 0), calledBackOn: at(9, 0, 0) }), at(30, 0, 0), "done"],
  ])("%s → %s", (_what, times, now, expected) => {
    expect(complaintStatus(times, rules, now)).toBe(expected);
  });

  it("a row without a receipt time has no status", () => {
    expect(complaintStatus(none, rules, at(0, 9, 0))).toBeNull();
  });
});

describe("a complaint logged at 23:30 and read the next day", () => {
  const late = c({ receivedAt: at(0, 23, 30) });
  it("at 00:20 it is still awaiting a response: the clock counts minutes, not calendar days", () => {
    expect(complaintStatus(late, rules, at(1, 0, 20))).toBe("awaitingResponse");
  });
  it("at 00:31 the hour has passed", () => {
    expect(complaintStatus(late, rules, at(1, 0, 31))).toBe("responseLate");
  });
  it("responded at 23:50, the solution is due at 23:30 the next day", () => {
    const r = { ...late, respondedAt: at(0, 23, 50) };
    expect(complaintStatus(r, rules, at(1, 23, 30))).toBe("inProgress");
    expect(complaintStatus(r, rules, at(1, 23, 31))).toBe("solutionLate");
    expect(complaintDeadline(r, rules)).toEqual({ step: "solve", by: expect.closeTo(at(1, 23, 30), 9) });
  });
  it("solved at 23:45, call-back days count from the solution's calendar day", () => {
    const r = { ...late, respondedAt: at(0, 23, 40), solvedAt: at(0, 23, 45) };
    expect(complaintStatus(r, rules, at(3, 23, 0))).toBe("awaitingCallback");
    expect(complaintStatus(r, rules, at(4, 0, 1))).toBe("callbackLate");
  });
});

describe("hours and days come from the Rules sheet", () => {
  it("a 2-hour response window read from its row", () => {
    const { rules: r } = readRules(makeModel({ rules: { "投诉-响应时限(小时)": 2 } }));
    expect(complaintStatus(c({}), r, at(0, 10, 30))).toBe("awaitingResponse");
    expect(complaintStatus(c({}), r, at(0, 11, 1))).toBe("responseLate");
  });
  it("half an hour is allowed", () => {
    const { rules: r, issues } = readRules(makeModel({ lang: "en-US", rules: { "Complaint - respond in (hours)": 0.5 } }));
    expect(issues).toEqual([]);
    expect(complaintStatus(c({}), r, at(0, 9, 31))).toBe("responseLate");
  });
  it("a call-back window of 0 days means the same day", () => {
    const { rules: r } = readRules(makeModel({ rules: { "投诉-回访时限(天)": 0 } }));
    const solved = c({ respondedAt: at(0, 9, 5), solvedAt: at(0, 10, 0) });
    expect(complaintStatus(solved, r, at(0, 23, 59))).toBe("awaitingCallback");
    expect(complaintStatus(solved, r, at(1, 0, 0))).toBe("callbackLate");
  });
  it("an unreadable value is an issue and keeps the default", () => {
    const { rules: r, issues } = readRules(makeModel({ rules: { "投诉-解决时限(小时)": "一天" } }));
    expect(r.complaintSolveHours).toBe(24);
    expect(issues.map((i) => i.code)).toEqual(["invalidRule"]);
  });
});

describe("late and open", () => {
  it.each<[ComplaintStatus, boolean, boolean]>([
    ["awaitingResponse", false, true],
    ["responseLate", true, true],
    ["inProgress", false, true],
    ["solutionLate", true, true],
    ["awaitingCallback", false, true],
    ["callbackLate", true, true],
    ["done", false, false],
  ])("%s: late %s, open %s", (s, late, open) => {
    expect(isLate(s)).toBe(late);
    expect(isOpen(s)).toBe(open);
  });
});
