import { planHandover } from "../../src/core/handover/planHandover";
import { UseCaseError } from "../../src/core/usecases/errors";
import { day, makeCustomer, makeFollowUp, makeModel, type Row } from "../support/builders";

const today = day("2026-05-20");
const A = { fit: "高", intent: "高" };
const C = { fit: "低", intent: "低" };

const book: Row[] = [
  makeCustomer({ id: "KH-01", owner: "张三", ...C }),
  makeCustomer({ id: "KH-02", owner: "张三 ", ...A }),
  makeCustomer({ id: "KH-03", owner: "李四", ...A }),
  makeCustomer({ id: "KH-04", owner: "张三", stage: "已成交" }),
  makeCustomer({ id: "KH-05", owner: "张三", stage: "输单" }),
  makeCustomer({ id: "KH-06", owner: "张三", ...A }),
  makeCustomer({ id: "KH-07", owner: "张三", ...C }),
  makeCustomer({ id: "KH-08", owner: "张三", stage: "商务谈判" }),
];
const model = makeModel({ customers: book, followUps: [makeFollowUp({ customerId: "KH-01", by: "张三" })] });

describe("handover", () => {
  it("moves the rep's open customers to one rep; won and closed stay", () => {
    const p = planHandover(model, { from: "张三", to: ["王五"], allStages: false }, today);
    expect(p.changes.map((c) => [c.id, c.from, c.to])).toEqual([
      ["KH-01", "张三", "王五"], ["KH-02", "张三", "王五"], ["KH-06", "张三", "王五"], ["KH-07", "张三", "王五"], ["KH-08", "张三", "王五"],
    ]);
    expect(p.counts).toEqual([{ to: "王五", count: 5 }]);
    expect(p.byStage).toEqual({ open: 5, maintenance: 0, closed: 0 });
    expect(p.kept).toBe(2);
  });
  it("with --all-stages moves every stage", () => {
    const p = planHandover(model, { from: "张三", to: ["王五"], allStages: true }, today);
    expect(p.changes).toHaveLength(7);
    expect(p.byStage).toEqual({ open: 5, maintenance: 1, closed: 1 });
    expect(p.kept).toBe(0);
  });
  it.each([
    [["王五", "赵六"], [3, 2]],
    [["王五", "赵六", "钱七"], [2, 2, 1]],
    [["王五", "赵六", "钱七", "孙八", "周九", "吴十"], [1, 1, 1, 1, 1, 0]],
  ])("splits evenly among %j: %j", (to, counts) => {
    const p = planHandover(model, { from: "张三", to, allStages: false }, today);
    expect(p.counts.map((c) => c.count)).toEqual(counts);
    const got = new Map<string, number>();
    for (const c of p.changes) got.set(c.to, (got.get(c.to) ?? 0) + 1);
    expect(to.map((n) => got.get(n) ?? 0)).toEqual(counts);
  });
  it("deals the A customers out first, so each rep gets a like share of them", () => {
    const p = planHandover(model, { from: "张三", to: ["王五", "赵六"], allStages: false }, today);
    const aTo = p.changes.filter((c) => c.id === "KH-02" || c.id === "KH-06").map((c) => c.to).sort();
    expect(aTo).toEqual(["王五", "赵六"]);
  });
  it("only plans Owner cells: follow-ups keep their author", () => {
    const p = planHandover(model, { from: "张三", to: ["王五"], allStages: true }, today);
    expect(Object.keys(p)).toEqual(["action", "changes", "idFills", "counts", "byStage", "kept"]);
    expect(p.changes.every((c) => c.to === "王五")).toBe(true);
  });
  it("finds the rep whatever the spacing or case", () => {
    const en = makeModel({ lang: "en-US", customers: [makeCustomer({ owner: "Ann Lee " }), makeCustomer({ owner: "ann lee" })] });
    expect(planHandover(en, { from: " Ann Lee", to: ["Bob"], allStages: false }, today).changes).toHaveLength(2);
  });
  it("a rep with nothing open moves nothing", () => {
    const p = planHandover(model, { from: "无此人", to: ["王五"], allStages: false }, today);
    expect(p.changes).toEqual([]);
    expect(p.counts).toEqual([{ to: "王五", count: 0 }]);
  });
  it.each([
    ["张三", ["张三"], "invalidOwner"], ["张三", ["公海"], "invalidOwner"], ["张三", [" ", ""], "missingRequired"], ["", ["王五"], "missingRequired"],
  ])("refuses from %j to %j: %s", (from, to, code) => {
    expect.assertions(1);
    try { planHandover(model, { from, to, allStages: false }, today); } catch (e) { expect((e as UseCaseError).issues.map((i) => i.code)).toEqual([code]); }
  });
  it("names a target once even when given twice", () => {
    const p = planHandover(model, { from: "张三", to: ["王五", "王五 "], allStages: false }, today);
    expect(p.counts).toEqual([{ to: "王五", count: 5 }]);
  });
});
