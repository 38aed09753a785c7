import { planComplaint, planComplaintUpdate } from "../../src/core/health/logComplaint";
import { check } from "../../src/core/usecases/check";
import { UseCaseError } from "../../src/core/usecases/errors";
import { day, makeCustomer, type Row } from "../support/builders";
import { at, makeHealthModel } from "./builders";

const now = at("2026-05-01 10:00");
const customers = [makeCustomer({ id: "KH-202605-001", name: "上海明远精密机械有限公司", owner: "张三" })];
const codes = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof UseCaseError) return e.issues.map((i) => `${i.code}:${i.columnKey}`);
    throw e;
  }
  return [];
};

describe("logging a complaint", () => {
  const model = makeHealthModel({ customers });
  it("appends a row: time with its clock, ID as written on Customers, the name, the owner when By is blank", () => {
    const p = planComplaint(model, { customerId: " kh-202605-001", summary: "交付延期两周", by: "", receivedAt: at("2026-05-01 09:30") }, now);
    expect(p.row).toEqual({
      receivedAt: { kind: "date", day: at("2026-05-01 09:30"), withTime: true },
      customerId: { kind: "text", text: "KH-202605-001" },
      customerName: { kind: "text", text: "上海明远精密机械有限公司" },
      summary: { kind: "text", text: "交付延期两周" },
      by: { kind: "text", text: "张三" },
    });
    expect(p.status).toBe("awaitingResponse");
  });
  it.each(["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(1)", "\tTAB", "\r回车"])("injection payload %j stays text", (payload) => {
    const p = planComplaint(model, { customerId: "KH-202605-001", summary: payload, by: payload, receivedAt: now }, now);
    expect(p.row.summary).toEqual({ kind: "text", text: payload });
    expect(p.row.by).toEqual({ kind: "text", text: payload.trim() });
  });
  it("refuses an unknown customer, a blank problem and a time after now, all at once", () => {
    expect(codes(() => planComplaint(model, { customerId: "KH-999", summary: " ", by: "李四", receivedAt: at("2026-05-01 10:30") }, now))).toEqual([
      "unknownCustomerId:customerId",
      "missingRequired:summary",
      "futureComplaint:receivedAt",
    ]);
  });
  it("a workbook without the Complaints table says so", () => {
    const { complaints: _c, ...old } = model;
    expect(codes(() => planComplaint(old, { customerId: "KH-202605-001", summary: "x", by: "", receivedAt: now }, now))).toEqual(["missingSheet:null"]);
  });
});

describe("filling in an open complaint", () => {
  const open: Row = { receivedAt: at("2026-05-01 09:00"), customerId: "KH-202605-001", summary: "报警停机", by: "张三" };
  const model = (row: Row = open) => makeHealthModel({ customers, complaints: [row] });
  it("the first response moves it to 处理中", () => {
    const p = planComplaintUpdate(model(), { index: 0, respondedAt: at("2026-05-01 09:40") }, now);
    expect(p.writes).toEqual([{ key: "respondedAt", index: 0, value: { kind: "date", day: at("2026-05-01 09:40"), withTime: true } }]);
    expect([p.row, p.status]).toEqual([2, "inProgress"]);
  });
  it("solution and call-back with satisfaction finish it", () => {
    const later = at("2026-05-03 16:00");
    const p = planComplaintUpdate(
      model(),
      {
        index: 0,
        respondedAt: at("2026-05-01 09:40"),
        solution: "更换传感器",
        solvedAt: at("2026-05-02 08:00"),
        calledBackOn: at("2026-05-03 15:00"),
        satisfaction: 4,
        improvement: "出厂老化测试",
      },
      later,
    );
    expect(p.writes.map((w) => w.key)).toEqual(["respondedAt", "solution", "solvedAt", "calledBackOn", "satisfaction", "improvement"]);
    expect(p.writes.find((w) => w.key === "calledBackOn")?.value).toEqual({ kind: "date", day: day("2026-05-03") });
    expect(p.status).toBe("done");
  });
  it("never overwrites what is there", () => {
    expect(
      codes(() => planComplaintUpdate(model({ ...open, respondedAt: at("2026-05-01 09:20") }), { index: 0, respondedAt: at("2026-05-01 09:40") }, now)),
    ).toEqual(["alreadyFilled:respondedAt"]);
  });
  it.each<[string, Parameters<typeof planComplaintUpdate>[1], string[]]>([
    ["a response before receipt", { index: 0, respondedAt: at("2026-05-01 08:59") }, ["complaintOutOfOrder:respondedAt"]],
    ["a response after now", { index: 0, respondedAt: at("2026-05-01 10:30") }, ["futureComplaint:respondedAt"]],
    ["a call-back before a solution", { index: 0, calledBackOn: at("2026-05-01 09:50") }, ["missingRequired:solvedAt"]],
    ["satisfaction 6", { index: 0, satisfaction: 6 }, ["satisfactionRange:satisfaction"]],
    ["satisfaction 3.5", { index: 0, satisfaction: 3.5 }, ["satisfactionRange:satisfaction"]],
    ["a row that is not a complaint", { index: 5, respondedAt: now }, ["missingRequired:receivedAt"]],
  ])("refuses %s", (_what, u, expected) => {
    expect(codes(() => planComplaintUpdate(model(), u, now))).toEqual(expected);
  });
});

describe("the data check", () => {
  it("flags a complaint for an unknown customer, blanks, a future time and a bad satisfaction", () => {
    const m = makeHealthModel({
      customers,
      complaints: [
        { receivedAt: at("2026-04-01 09:00"), customerId: "KH-202605-001", summary: "ok", by: "张三", satisfaction: 5 },
        { receivedAt: at("2026-04-02 09:00"), customerId: "KH-404", summary: "谁?", by: "张三" },
        { receivedAt: at("2026-06-01 09:00"), customerId: "KH-202605-001", summary: "", by: "张三", satisfaction: 9 },
      ],
    });
    const issues = check(m, day("2026-05-01")).filter((i) => i.sheet === "complaints");
    expect(issues.map((i) => [i.code, i.row, i.value ?? null])).toEqual([
      ["unknownCustomerId", 3, "KH-404"],
      ["missingRequired", 4, null],
      ["futureComplaint", 4, "2026-06-01 09:00"],
      ["satisfactionRange", 4, "9"],
    ]);
  });
});
