import fc from "fast-check";
import { gradeCustomer, importanceLetter, urgencyLetter, type GradeInput } from "../../src/core/grading/gradeCustomer";
import { defaultRules, readRules, type Rules } from "../../src/core/rules/rules";
import { renderReason } from "../../src/core/i18n/messages";
import type { StageKey, LevelKey } from "../../src/core/template/lists";
import { day, makeModel } from "../support/builders";

const today = day("2026-05-01");
const rules = defaultRules();
const base: GradeInput = { stage: "lead", closeDate: null, amount: null, fit: null, intent: null, tier: null, override: null };
const g = (over: Partial<GradeInput>, r: Rules = rules) => gradeCustomer({ ...base, ...over }, r, today);

describe("urgency from days until the expected close date", () => {
  it.each([[0, "A"], [30, "A"], [31, "B"], [90, "B"], [91, "C"], [-1, "C"]])("%i days → %s", (days, letter) => {
    expect(urgencyLetter(days, rules)).toBe(letter);
  });
  it("a passed close date is stale C with its own reason", () => {
    const r = g({ closeDate: (today - 1) as never, fit: "high" });
    expect(r?.parts[0]).toMatchObject({ dim: "urgency", letter: "C", bound: null });
    expect(renderReason(r!, "zh-CN")).toContain("成交日期已过C");
  });
});

describe("importance from the deal size", () => {
  it.each([[99999.99, "C"], [100000, "B"], [499999, "B"], [500000, "A"], [0, "C"]])("%d → %s", (amount, letter) => {
    expect(importanceLetter(amount, rules)).toBe(letter);
  });
});

describe("score thresholds", () => {
  // Default weights move in steps of 1/4 and 1/3: custom weights reach the exact boundaries.
  const weighted = (w: [number, number, number, number]): Rules => ({ ...rules, weightUrgency: w[0], weightImportance: w[1], weightFit: w[2], weightIntent: w[3] });
  it("default weights: (3+2+3+2)/4 = 2.5 is A; (3+2+2+2)/4 = 2.25 is B", () => {
    expect(g({ closeDate: (today + 10) as never, amount: 200000, fit: "high", intent: "medium" })?.score).toBe(2.5);
    expect(g({ closeDate: (today + 10) as never, amount: 200000, fit: "high", intent: "medium" })?.final).toBe("A");
    expect(g({ closeDate: (today + 10) as never, amount: 200000, fit: "medium", intent: "medium" })?.final).toBe("B");
  });
  it("weights 3:1 reach 1.75 exactly: B; just below is C", () => {
    const r1 = weighted([0, 0, 1, 3]);
    // fit B (2) ×1 + intent B... use fit A(3)×1 and intent C(1)×3 → 6/4 = 1.5 → C
    expect(g({ fit: "high", intent: "low" }, r1)?.final).toBe("C");
    // fit C(1)×1 + intent B(2)×3 = 7/4 = 1.75 → B
    expect(g({ fit: "low", intent: "medium" }, r1)?.score).toBe(1.75);
    expect(g({ fit: "low", intent: "medium" }, r1)?.final).toBe("B");
  });
  it("weights 1:3 reach 2.5 exactly: A; 2.25 is B", () => {
    const r1 = weighted([0, 0, 1, 3]);
    // fit C(1)×1 + intent A(3)×3 = 10/4 = 2.5
    expect(g({ fit: "low", intent: "high" }, r1)?.final).toBe("A");
    // fit A(3)×1 + intent B(2)×3 = 9/4 = 2.25
    expect(g({ fit: "high", intent: "medium" }, r1)?.final).toBe("B");
  });
  it("the SPEC's example: 30天内成交A · 20万B · 匹配高A · 意向中B → A", () => {
    const r = g({ closeDate: (today + 20) as never, amount: 200000, fit: "high", intent: "medium" });
    expect(r?.final).toBe("A");
    expect(renderReason(r!, "zh-CN")).toBe("30天内成交A · 20万B · 匹配高A · 意向中B → A");
    expect(renderReason(r!, "en-US")).toBe("close ≤30d A · 200k B · fit High A · intent Medium B → A");
  });
});

describe("blanks and fewer than two dimensions", () => {
  it("a blank dimension is left out, not counted as C", () => {
    expect(g({ fit: "high", intent: "high" })?.final).toBe("A");
  });
  it("one filled dimension is 待评估", () => {
    const r = g({ fit: "high" });
    expect(r?.final).toBe("toAssess");
    expect(renderReason(r!, "zh-CN")).toBe("匹配高A · 信息不足 → 待评估");
  });
  it("a negative amount is left out", () => {
    expect(g({ amount: -5, fit: "high" })?.final).toBe("toAssess");
  });
});

describe("tier floor and manual override", () => {
  it("战略 lifts a C to A and says so", () => {
    const r = g({ fit: "low", intent: "low", tier: "strategic" });
    expect(r?.computed).toBe("C");
    expect(r?.final).toBe("A");
    expect(renderReason(r!, "zh-CN")).toBe("匹配低C · 意向低C → C · 战略客户至少A → A");
  });
  it("the floor is a Rules row that can be switched off", () => {
    expect(g({ fit: "low", intent: "low", tier: "strategic" }, { ...rules, strategicFloorOn: false })?.final).toBe("C");
  });
  it("manual grade wins over everything", () => {
    const r = g({ fit: "high", intent: "high", tier: "strategic", override: "C" });
    expect(r?.final).toBe("C");
    expect(renderReason(r!, "en-US")).toContain("manual grade C");
  });
});

describe("stages", () => {
  it.each<[StageKey, boolean]>([
    ["lead", true], ["contacted", true], ["qualified", true], ["proposal", true], ["negotiation", true],
    ["won", false], ["afterSales", false], ["lost", false], ["churned", false], ["invalid", false],
  ])("%s graded: %s", (stage, graded) => {
    expect(g({ stage, fit: "high", intent: "high" }) !== null).toBe(graded);
  });
  it("a blank stage is graded as open", () => {
    expect(g({ stage: null, fit: "high", intent: "high" })?.final).toBe("A");
  });
});

describe("properties", () => {
  const level = fc.constantFrom<LevelKey | null>("high", "medium", "low", null);
  const input = fc.record({
    closeDays: fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
    amount: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
    fit: level, intent: level,
  });
  const weights = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }));
  const rank = { A: 3, B: 2, C: 1, toAssess: 0 } as const;
  const worse: Record<string, LevelKey | null> = { high: "medium", medium: "low", low: "low" };
  it("a grade never improves when a dimension worsens", () => {
    fc.assert(fc.property(input, weights, fc.constantFrom("fit", "intent", "amount", "close"), (x, w, dim) => {
      const r: Rules = { ...rules, weightUrgency: w[0], weightImportance: w[1], weightFit: w[2], weightIntent: w[3] };
      const mk = (v: typeof x) => g({ closeDate: v.closeDays === null ? null : ((today + v.closeDays) as never), amount: v.amount, fit: v.fit, intent: v.intent }, r);
      const y = { ...x };
      if (dim === "fit" && x.fit) y.fit = worse[x.fit] ?? null;
      if (dim === "intent" && x.intent) y.intent = worse[x.intent] ?? null;
      if (dim === "amount" && x.amount !== null) y.amount = Math.floor(x.amount / 2);
      if (dim === "close" && x.closeDays !== null && x.closeDays >= 0) y.closeDays = x.closeDays + 45;
      const a = mk(x)!.final;
      const b = mk(y)!.final;
      if (a !== "toAssess" && b !== "toAssess") expect(rank[b]).toBeLessThanOrEqual(rank[a]);
    }), { numRuns: 3000 });
  });
  it("is deterministic", () => {
    fc.assert(fc.property(input, (x) => {
      const i = { closeDate: x.closeDays === null ? null : ((today + x.closeDays) as never), amount: x.amount, fit: x.fit, intent: x.intent };
      expect(g(i)).toEqual(g(i));
    }));
  });
});

describe("rules from the Rules sheet", () => {
  it("uses SPEC defaults", () => {
    expect(rules).toMatchObject({ weightUrgency: 1, gradeA: 2.5, gradeB: 1.75, cadenceA: 7, cadenceB: 14, cadenceC: 30, dormantDays: 180, firstContactDays: 2, strategicFloorOn: true, workdayAdjustOn: true });
  });
  it("reads edited rows in either language", () => {
    const m = makeModel({ rules: { "沉睡天数": 90, "Cadence A (days)": 5, "遇节假日顺延": "否" } });
    const { rules: r, issues } = readRules(m);
    expect(issues).toEqual([]);
    expect(r.dormantDays).toBe(90);
    expect(r.cadenceA).toBe(5);
    expect(r.workdayAdjustOn).toBe(false);
  });
  it.each([["沉睡天数", "半年"], ["沉睡天数", -3], ["跟进间隔-A(天)", 2.5], ["遇节假日顺延", "也许"]])("an invalid %s = %p is an issue and keeps the default", (label, value) => {
    const { rules: r, issues } = readRules(makeModel({ rules: { [label]: value } }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "invalidRule", sheet: "rules", column: label });
    expect(r).toEqual(defaultRules());
  });
  it("crossed thresholds fall back to the defaults", () => {
    const { rules: r, issues } = readRules(makeModel({ rules: { "A级最低分": 1.5, "B级最低分": 2 } }));
    expect(issues.map((i) => i.code)).toEqual(["invalidRule"]);
    expect([r.gradeA, r.gradeB]).toEqual([2.5, 1.75]);
  });
});
