import { valueTier, tierOrder, type TierInput } from "../../src/core/health/valueTier";
import { renderTierReason } from "../../src/core/health/tierReason";
import { defaultRules, readRules, type Rules } from "../../src/core/rules/rules";
import type { ValueTier } from "../../src/core/health/types";
import { day, makeModel } from "../support/builders";

const today = day("2026-05-01");
const rules = defaultRules();
const base: TierInput = {
  stage: "open",
  intent: null,
  accountTier: null,
  need: "",
  amount: null,
  closeDate: null,
  wonAmount: null,
  wonDate: null,
  status: "ok",
  complaints: { recent: 0, late: 0 },
};
const tier = (over: Partial<TierInput>, r: Rules = rules) => valueTier({ ...base, ...over }, r, today);
const d = (n: number) => (today + n) as never;

describe("风险 / Risk", () => {
  it.each<[number, ValueTier]>([
    [0, "standard"],
    [1, "standard"],
    [2, "risk"],
    [5, "risk"],
  ])("%i complaints in the window → %s", (n, t) => {
    expect(tier({ complaints: { recent: n, late: 0 } })?.tier).toBe(t);
  });
  it("one complaint past its deadline is enough", () => {
    expect(tier({ complaints: { recent: 1, late: 1 } })?.tier).toBe("risk");
  });
  it.each<[TierInput["stage"], TierInput["intent"], ValueTier]>([
    ["maintenance", "low", "risk"],
    ["maintenance", "medium", "standard"],
    ["maintenance", null, "standard"],
    ["open", "low", "standard"],
  ])("stage %s with intent %s → %s", (stage, intent, t) => {
    expect(tier({ stage, intent })?.tier).toBe(t);
  });
});

describe("高价值 / High value", () => {
  it.each<[number, number, ValueTier]>([
    [499_999.99, 0, "standard"],
    [500_000, 0, "highValue"],
    [500_000, 365, "highValue"],
    [500_000, 366, "standard"],
    [2_000_000, 10, "highValue"],
  ])("won %d, %i days ago → %s", (amount, ago, t) => {
    expect(tier({ stage: "maintenance", wonAmount: amount, wonDate: d(-ago) })?.tier).toBe(t);
  });
  it("a won amount without a won date does not count", () => {
    expect(tier({ stage: "maintenance", wonAmount: 900_000 })?.tier).toBe("standard");
  });
  it("a strategic account is high value, unless the Rules switch is off", () => {
    expect(tier({ accountTier: "strategic" })?.tier).toBe("highValue");
    expect(tier({ accountTier: "key" })?.tier).toBe("standard");
    const { rules: off } = readRules(makeModel({ rules: { 战略客户为高价值: "否" } }));
    expect(tier({ accountTier: "strategic" }, off)?.tier).toBe("standard");
  });
});

describe("潜力 / Potential", () => {
  const potential: Partial<TierInput> = { need: "计划明年扩产,需要整线方案", amount: 100_000, closeDate: d(181) };
  it.each<[string, Partial<TierInput>, ValueTier]>([
    ["all conditions", {}, "potential"],
    ["close exactly 180 days away", { closeDate: d(180) }, "standard"],
    ["deal size just under", { amount: 99_999 }, "standard"],
    ["no core need", { need: "  " }, "standard"],
    ["no close date", { closeDate: null }, "standard"],
    ["no deal size", { amount: null }, "standard"],
    ["won already", { stage: "maintenance" }, "standard"],
  ])("%s → %s", (_what, over, t) => {
    expect(tier({ ...potential, ...over })?.tier).toBe(t);
  });
});

describe("沉睡 / Dormant and 一般 / Standard", () => {
  it("status 沉睡 is dormant", () => {
    expect(tier({ status: "dormant" })?.tier).toBe("dormant");
    expect(tier({ status: "overdue" })?.tier).toBe("standard");
  });
  it("closed customers get no tier", () => {
    expect(tier({ stage: "closed", complaints: { recent: 3, late: 1 } })).toBeNull();
  });
});

describe("precedence: first match in the Rules order; the reason names every tier", () => {
  const everything: Partial<TierInput> = {
    stage: "open",
    complaints: { recent: 2, late: 0 },
    accountTier: "strategic",
    need: "二期扩容",
    amount: 300_000,
    closeDate: d(200),
    status: "dormant",
  };
  it("risk wins over high value, potential and dormant by default", () => {
    const r = tier(everything);
    expect(r?.tier).toBe("risk");
    expect(r?.applies).toEqual(["risk", "highValue", "potential", "dormant"]);
  });
  it("the SPEC's example reason", () => {
    const r = tier({ complaints: { recent: 2, late: 0 }, accountTier: "strategic" });
    expect(renderTierReason(r!, "zh-CN")).toBe("风险:90天内投诉2次;亦为高价值");
    expect(renderTierReason(r!, "en-US")).toBe("Risk: 2 complaints in 90 days; also High value");
  });
  it("every fact of the winning tier is shown", () => {
    const r = tier({ stage: "maintenance", intent: "low", complaints: { recent: 3, late: 1 }, wonAmount: 600_000, wonDate: d(-30) });
    expect(renderTierReason(r!, "zh-CN")).toBe("风险:90天内投诉3次、1次投诉超时、已成交但合作意向低;亦为高价值");
  });
  it("high value over potential and dormant", () => {
    const r = tier({ ...everything, complaints: { recent: 0, late: 0 } });
    expect(r?.tier).toBe("highValue");
    expect(renderTierReason(r!, "zh-CN")).toBe("高价值:战略客户;亦为潜力、沉睡");
    expect(renderTierReason(r!, "en-US")).toBe("High value: strategic account; also Potential, Dormant");
  });
  it("potential over dormant, with the amount and days", () => {
    const r = tier({ need: "二期", amount: 300_000, closeDate: d(200), status: "dormant" });
    expect(renderTierReason(r!, "zh-CN")).toBe("潜力:预计30万、200天后成交;亦为沉睡");
    expect(renderTierReason(r!, "en-US")).toBe("Potential: 300k deal closing in 200 days; also Dormant");
  });
  it("a manager who puts dormant first on the Rules sheet gets dormant first", () => {
    const { rules: r } = readRules(makeModel({ rules: { "分层顺序-沉睡": 1, "分层顺序-风险": 2, "分层顺序-高价值": 3, "分层顺序-潜力": 4 } }));
    expect(tierOrder(r)).toEqual(["dormant", "risk", "highValue", "potential"]);
    expect(tier(everything, r)?.tier).toBe("dormant");
    expect(renderTierReason(tier(everything, r)!, "zh-CN")).toBe("沉睡:跟进状态为沉睡;亦为风险、高价值、潜力");
  });
  it("equal ranks keep the spec's order", () => {
    const { rules: r } = readRules(makeModel({ rules: { "分层顺序-沉睡": 1, "分层顺序-风险": 1, "分层顺序-高价值": 1, "分层顺序-潜力": 1 } }));
    expect(tierOrder(r)).toEqual(["risk", "highValue", "potential", "dormant"]);
  });
  it("standard says no other tier applies", () => {
    expect(renderTierReason(tier({})!, "zh-CN")).toBe("未满足其他分层条件");
  });
});

describe("thresholds and windows come from the Rules sheet", () => {
  it("3 complaints over 30 days", () => {
    const { rules: r } = readRules(makeModel({ lang: "en-US", rules: { "Risk - complaints": 3, "Risk - complaint window (days)": 30 } }));
    expect(r.riskComplaints).toBe(3);
    expect(r.riskWindowDays).toBe(30);
    expect(tier({ complaints: { recent: 2, late: 0 } }, r)?.tier).toBe("standard");
    expect(renderTierReason(tier({ complaints: { recent: 3, late: 0 } }, r)!, "en-US")).toBe("Risk: 3 complaints in 30 days");
  });
  it("high value from 1,000,000 won in 180 days", () => {
    const { rules: r } = readRules(makeModel({ rules: { "高价值-成交金额(元)": "100万", "高价值-成交统计(天)": 180 } }));
    expect(tier({ stage: "maintenance", wonAmount: 900_000, wonDate: d(-10) }, r)?.tier).toBe("standard");
    expect(tier({ stage: "maintenance", wonAmount: 1_000_000, wonDate: d(-180) }, r)?.tier).toBe("highValue");
    expect(renderTierReason(tier({ stage: "maintenance", wonAmount: 1_000_000, wonDate: d(-180) }, r)!, "zh-CN")).toBe("高价值:180天内成交100万");
  });
  it("an order out of range is an issue and keeps the default", () => {
    const { rules: r, issues } = readRules(makeModel({ rules: { "分层顺序-风险": 9 } }));
    expect(r.orderRisk).toBe(1);
    expect(issues).toHaveLength(1);
  });
});
