import fc from "fast-check";
import { complaintStatus, isLate } from "../../src/core/health/complaintStatus";
import { valueTier, type TierInput } from "../../src/core/health/valueTier";
import { wallTime, type WallTime } from "../../src/core/health/wallClock";
import { defaultRules } from "../../src/core/rules/rules";
import { RANKED_TIERS } from "../../src/core/health/types";
import { day } from "../support/builders";

const rules = defaultRules();
const d0 = day("2026-05-01");
const minute = (m: number): WallTime => (wallTime(d0, 0, 0) + m / 1440) as WallTime;

describe("properties of the complaint clock", () => {
  const times = fc.record({
    respond: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
    solve: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: null }),
    back: fc.option(fc.integer({ min: 0, max: 12000 }), { nil: null }),
  });
  it("once late, a complaint nobody touches stays late as time passes", () => {
    fc.assert(
      fc.property(times, fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 20000 }), (t, a, extra) => {
        const c = {
          receivedAt: minute(0),
          respondedAt: t.respond === null ? null : minute(t.respond),
          solvedAt: t.solve === null ? null : minute(t.solve),
          calledBackOn: t.back === null ? null : minute(t.back),
        };
        const early = complaintStatus(c, rules, minute(a));
        const later = complaintStatus(c, rules, minute(a + extra));
        return !isLate(early) || isLate(later);
      }),
    );
  });
  it("a response recorded before the solution deadline gives 处理中 until 24 hours after receipt, then 解决超时", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 4000 }), (respond, now) => {
        fc.pre(now >= respond);
        const answered = { receivedAt: minute(0), respondedAt: minute(respond), solvedAt: null, calledBackOn: null };
        return complaintStatus(answered, rules, minute(now)) === (now > 1440 ? "solutionLate" : "inProgress");
      }),
    );
  });
});

describe("properties of the value tier", () => {
  const input: fc.Arbitrary<TierInput> = fc.record({
    stage: fc.constantFrom("open", "maintenance", "closed"),
    intent: fc.constantFrom(null, "high", "medium", "low"),
    accountTier: fc.constantFrom(null, "strategic", "key", "standard"),
    need: fc.constantFrom("", "扩产", " "),
    amount: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
    closeDate: fc.option(
      fc.integer({ min: d0 - 30, max: d0 + 400 }).map((n) => n as never),
      { nil: null },
    ),
    wonAmount: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
    wonDate: fc.option(
      fc.integer({ min: d0 - 500, max: d0 + 5 }).map((n) => n as never),
      { nil: null },
    ),
    status: fc.constantFrom("ok", "overdue", "dormant", "closed"),
    complaints: fc.record({ recent: fc.integer({ min: 0, max: 4 }), late: fc.integer({ min: 0, max: 2 }) }),
  }) as fc.Arbitrary<TierInput>;
  it("the tier is the first that applies, every tier that applies has a fact, and standard has none", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = valueTier(i, rules, d0);
        if (i.stage === "closed") return r === null;
        if (!r) return false;
        const factTiers = new Set(r.facts.map((f) => f.tier));
        const ordered = RANKED_TIERS.filter((t) => factTiers.has(t));
        return r.tier === (ordered[0] ?? "standard") && r.applies.join() === ordered.join();
      }),
    );
  });
});
