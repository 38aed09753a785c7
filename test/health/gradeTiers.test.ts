import { grade } from "../../src/core/usecases/grade";
import { day, makeCustomer, makeFollowUp, type Row } from "../support/builders";
import { at, makeHealthModel } from "./builders";

const today = day("2026-05-01");
const now = at("2026-05-01 15:00");

function column(plan: ReturnType<typeof grade>, key: string): unknown[] {
  return (plan.writes.find((w) => w.key === key)?.values ?? []).map((v) => (v && v.kind === "text" ? v.text : v?.kind === "blank" ? "" : (v?.kind ?? null)));
}

describe("the grading run writes each customer's value tier and reason", () => {
  const customers = [
    makeCustomer({ id: "KH-1", value: "战略" }),
    makeCustomer({ id: "KH-2", stage: "已成交", intent: "低", wonAmount: 80000, wonDate: day("2026-03-01") }),
    makeCustomer({ id: "KH-3", need: "明年新建工厂,需要整线方案", amount: "50万", closeDate: day("2026-12-31") }),
    makeCustomer({ id: "KH-4", stage: "输单" }),
    makeCustomer({ id: "KH-5" }),
    makeCustomer({ id: "KH-6", stage: "售后维护", wonAmount: 600000, wonDate: day("2025-09-01") }),
  ];
  const complaints: Row[] = [
    {
      receivedAt: at("2026-03-01 10:00"),
      customerId: "KH-1",
      summary: "交付延期",
      by: "张三",
      respondedAt: at("2026-03-01 10:20"),
      solvedAt: at("2026-03-01 18:00"),
      calledBackOn: day("2026-03-03"),
    },
    {
      receivedAt: at("2026-04-20 10:00"),
      customerId: "kh-1 ",
      summary: "报价错误",
      by: "张三",
      respondedAt: at("2026-04-20 10:30"),
      solvedAt: at("2026-04-21 09:00"),
      calledBackOn: day("2026-04-22"),
    },
    { receivedAt: at("2026-05-01 13:30"), customerId: "KH-5", summary: "电话无人接", by: "李四" },
  ];
  const plan = grade(makeHealthModel({ customers, complaints }), today, now);

  it("tiers in the workbook's language", () => {
    expect(column(plan, "valueTier")).toEqual(["风险", "风险", "潜力", "", "风险", "高价值"]);
  });
  it("reasons name every tier that applies", () => {
    expect(column(plan, "tierReason")).toEqual([
      "风险:90天内投诉2次;亦为高价值",
      "风险:已成交但合作意向低",
      "潜力:预计50万、244天后成交",
      "",
      "风险:1次投诉超时",
      "高价值:365天内成交60万",
    ]);
  });
  it("the summary counts tiers and open and late complaints", () => {
    expect(plan.summary.health).toEqual({
      byTier: { risk: 3, highValue: 1, potential: 1, dormant: 0, standard: 0, none: 1 },
      complaints: { total: 3, open: 1, late: 1 },
    });
  });
  it("each result carries its tier and complaint counts", () => {
    const r = plan.results.find((x) => x.record.id === "KH-1");
    expect(r?.tier?.applies).toEqual(["risk", "highValue"]);
    expect(r?.complaints).toEqual({ recent: 2, open: 0, late: 0, total: 2 });
  });
  it("due items carry the tier, for the pane's filter", () => {
    const due = grade(makeHealthModel({ customers: [makeCustomer({ id: "KH-9", value: "战略", created: day("2026-04-01") })] }), today, now).summary.due;
    expect(due.map((d) => d.tier)).toEqual(["highValue"]);
  });
  it("the same complaint read a minute before its deadline is not late", () => {
    const early = grade(makeHealthModel({ customers, complaints }), today, at("2026-05-01 14:30"));
    expect(early.summary.health.complaints.late).toBe(0);
    expect(column(early, "valueTier")[4]).toBe("一般");
  });
  it("en-US workbooks get English tiers", () => {
    const en = grade(makeHealthModel({ lang: "en-US", customers: [makeCustomer({ value: "Strategic", stage: "Lead" })] }), today, now);
    expect(column(en, "valueTier")).toEqual(["High value"]);
    expect(column(en, "tierReason")).toEqual(["High value: strategic account"]);
  });
  it("a dormant customer is tiered dormant, with the follow-up status", () => {
    const p = grade(
      makeHealthModel({
        customers: [makeCustomer({ id: "KH-7", created: day("2025-01-01") })],
        followUps: [makeFollowUp({ customerId: "KH-7", date: day("2025-06-01") })],
      }),
      today,
      now,
    );
    expect(column(p, "valueTier")).toEqual(["沉睡"]);
  });
  it("a workbook without a Complaints table still tiers", () => {
    const { complaints: _none, ...old } = makeHealthModel({ customers: [makeCustomer({ value: "战略" })] });
    expect(column(grade(old, today), "valueTier")).toEqual(["高价值"]);
  });
  it("an unreadable complaint time is reported, not guessed", () => {
    const p = grade(makeHealthModel({ customers, complaints: [{ receivedAt: "昨天下午", customerId: "KH-5", summary: "x", by: "李四" }] }), today, now);
    expect(p.issues.filter((i) => i.sheet === "complaints").map((i) => [i.code, i.row, i.column])).toEqual([["unreadableDate", 2, "投诉时间*"]]);
  });
});
