/** Excel's host rules: cell-edit mode, payload refusals on writes, calculation suspended per batch, newer error values. */
import { ExcelDouble } from "../double/excelDouble";
import { installTemplate, gradeWorkbook, logFollowUp, templateStatus, checkWorkbook, listCustomers, watchChanges, readAuditLog } from "../../src/excel/usecases";
import { CardSource } from "../../src/excel/card";
import { toRaw } from "../../src/excel/structure";
import { installedDouble } from "../support/installedDouble";
import { day } from "../support/builders";

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 9, 30);

function workbook(n: number, into = new ExcelDouble()): Promise<ExcelDouble> {
  const customers = Array.from({ length: n }, (_, i) => ({ id: `KH-202601-${i + 1}`, name: `公司${i}`, industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "中", created: day("2026-01-05") }));
  return installedDouble({ now, user: "u", customers, into });
}

describe("host rules", () => {
  it("waits while the user edits a cell instead of failing with InvalidOperation", async () => {
    const x = await workbook(3);
    x.cellEditing = true;
    await gradeWorkbook(today, "u", now);
    expect(x.delayedForCellEdit).toBe(1);
    x.cellEditing = true;
    await logFollowUp({ customerId: "KH-202601-1", date: today, by: "张三", method: "电话", summary: "x" }, today, "u", now);
    expect(x.delayedForCellEdit).toBe(2);
  });
  it("every use-case waits for a cell edit", async () => {
    const x = await workbook(3);
    const uses: Array<[string, () => Promise<unknown>]> = [
      ["status", () => templateStatus()], ["check", () => checkWorkbook(today)], ["customers", () => listCustomers(today)],
      ["card", () => new CardSource(() => today, 0).card(2)], ["watch", () => watchChanges(() => undefined)], ["audit", () => readAuditLog()],
      ["install", () => installTemplate("zh-CN", false, "u", now)],
    ];
    for (const [name, use] of uses) {
      x.cellEditing = true;
      const n = x.delayedForCellEdit;
      await use();
      expect([name, x.delayedForCellEdit > n]).toEqual([name, true]);
    }
  });
  it("a write chunk refused for its size is retried in halves, and every value lands", async () => {
    const x = await workbook(600, new ExcelDouble({ limits: { requestBytes: 120_000 } }));
    const out = await gradeWorkbook(today, "u", now);
    expect(out.summary.customers).toBe(600);
    const refused = x.syncs.filter((s) => s.requestBytes > 120_000);
    expect(refused.length).toBeGreaterThan(0);
    expect(x.grid("客户信息", "AH2:AH601").every((r) => r[0] === "A" || r[0] === "B")).toBe(true);
  });
  it("suspends calculation in every write batch, not only the first", async () => {
    const x = await workbook(5000);
    await gradeWorkbook(today, "u", now);
    const writeBatches = x.syncs.filter((s) => s.requestBytes > 100_000).length;
    expect(writeBatches).toBeGreaterThan(1);
    expect(x.calculationSuspensions).toBe(writeBatches);
  });
  it("never writes a generated ID over an ID cell holding an error value", async () => {
    const x = await workbook(2);
    x.userTypes("客户信息", "A3", [["=NA()"]]);
    x.cell("客户信息", "A3")!.v = "#N/A";
    const out = await gradeWorkbook(today, "u", now);
    expect(out.idsFilled).toBe(0);
    expect(x.cell("客户信息", "A3")).toMatchObject({ v: "#N/A", f: "=NA()" });
  });
  it("reads the newer error values as errors", () => {
    for (const e of ["#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#BUSY!", "#CONNECT!"]) expect(toRaw(e)).toEqual({ error: e });
    expect(toRaw("#hashtag")).toBe("#hashtag");
  });
});

describe("logging under a filter", () => {
  const input = { customerId: "KH-202601-1", date: today, by: "张三", method: "电话", summary: "跟进" };
  it("appends below a filtered table and leaves the filter on", async () => {
    const x = await workbook(4);
    await logFollowUp(input, today, "u", now);
    x.remoteFilter("CRM_FollowUps", "跟进人*", (v) => v === "李四");
    const out = await logFollowUp({ ...input, summary: "第二次" }, today, "u", now);
    expect(out.row).toBe(3);
    expect(x.table("CRM_FollowUps").filtered).toBe(true);
    expect([...x.sheet("跟进记录").hiddenRows]).toEqual([1]);
  });
  it("with a shown totals row under a filter, refuses with a message instead of failing half-way", async () => {
    const x = await workbook(4);
    await logFollowUp(input, today, "u", now);
    await x.api.run(async (context) => { context.workbook.tables.getItem("CRM_FollowUps").showTotals = true; await context.sync(); });
    x.remoteFilter("CRM_FollowUps", "跟进人*", (v) => v === "李四");
    const before = x.snapshot();
    const err = await logFollowUp({ ...input, summary: "第二次" }, today, "u", now).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "FilteredTable", step: "log" });
    expect(String((err as Error).message)).toContain("跟进记录");
    expect(x.snapshot()).toEqual(before);
  });
});
