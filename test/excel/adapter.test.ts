import { TEMPLATE_VERSION } from "../../src/core/template/sheets";
import { ExcelDouble } from "../double/excelDouble";
import { installTemplate, gradeWorkbook, logFollowUp, checkWorkbook, templateStatus, selectCell, listCustomers, customerCard, readAuditLog } from "../../src/excel/usecases";
import { ExcelDoorError } from "../../src/excel/errors";
import { seed } from "./seed";
import { installedDouble } from "../support/installedDouble";
import { day } from "../support/builders";

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 9, 30);
let x: ExcelDouble;
beforeEach(() => {
  x = new ExcelDouble();
  x.install();
});

async function installed(lang: "zh-CN" | "en-US" = "zh-CN") {
  const out = await installTemplate(lang, false, "张三", now);
  expect(out.kind).toBe("installed");
  x.resetCounters();
}

describe("install", () => {
  it("creates the six sheets with tables, validations, highlights and names, in two syncs", async () => {
    x.resetCounters();
    await installTemplate("zh-CN", false, "张三", now);
    expect(x.store.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "Visible"], ["客户信息", "Visible"], ["跟进记录", "Visible"], ["联系人", "Visible"], ["投诉记录", "Visible"], ["分级规则", "Visible"], ["下拉选项", "Hidden"], ["使用说明", "Visible"], ["操作日志", "VeryHidden"],
    ]);
    const cu = x.sheet("客户信息");
    expect(x.grid("客户信息", "A1:C1")).toEqual([["客户编号*", "客户名称*", "简称"]]);
    expect(cu.frozenRows).toBe(1);
    expect(cu.conditionalFormats).toHaveLength(3);
    for (const cf of cu.conditionalFormats.slice(0, 2)) expect(cf.formula).toContain("TODAY()");
    // The pool countdown's red sits on its own column and reads that live cell.
    expect(cu.conditionalFormats[2]).toMatchObject({ fill: "#C00000", rect: { c0: 41, c1: 41 } });
    const industry = cu.validations.find((v) => v.rect.c0 === 5);
    expect(industry).toMatchObject({ rule: { list: { inCellDropDown: true, source: "=CRM_List_Industry" } }, prompt: { title: "所属行业" }, errorAlert: { style: "Stop" } });
    expect(industry?.rect.r1).toBe(1_048_575);
    expect(x.store.names.get("CRM_DormantDays")).toBe("='分级规则'!$B$23");
    expect(x.grid("分级规则", "A2:B3")).toEqual([["工作簿语言", "zh-CN"], ["模板版本", TEMPLATE_VERSION]]);
    expect(x.grid("分级规则", "A23:B23")).toEqual([["沉睡天数", 180]]);
    expect(x.table("CRM_T_industry").rect.r1).toBe(20);
    expect(String(x.cell("客户信息", "AO2")?.f)).toMatch(/^=IF\(AND\(\$A2="",\$B2=""\),"",/);
    expect(x.syncCount).toBeLessThanOrEqual(4);
    // The Guide's paragraphs span the page: merged A:D, wrapped, with room for their lines.
    const guide = x.sheet("使用说明");
    expect(guide.merges.length).toBeGreaterThanOrEqual(8);
    expect(guide.merges[0]).toMatchObject({ r0: 0, c0: 0, c1: 3 });
    expect(guide.rowHeights.get(1)).toBeGreaterThanOrEqual(32);
  });
  it("installs English sheets for an en-US workbook", async () => {
    await installTemplate("en-US", false, "Ann", now);
    expect(x.store.sheets.map((s) => s.name)).toEqual(["Sheet1", "Customers", "Follow-ups", "Contacts", "Complaints", "Rules", "Lists", "Guide", "Audit log"]);
    expect(x.grid("Customers", "A1:B1")).toEqual([["Customer ID*", "Customer name*"]]);
  });
  it("re-running on a current workbook changes nothing", async () => {
    await installed();
    const before = x.snapshot();
    const out = await installTemplate("en-US", false, "张三", now);
    expect(out).toEqual({ kind: "current", lang: "zh-CN", version: TEMPLATE_VERSION });
    expect(x.snapshot()).toEqual(before);
  });
  it("upgrades in place: missing columns at the table's end, user columns and cells untouched", async () => {
    x.userTypes("Sheet1", "A1", [["客户编号", "我的备注", "客户名称", "所属行业", "联系人", "当前阶段", "负责人"], ["KH-1", "老客户", "甲公司", "C 制造业", "王", "新线索", "张三"]]);
    await x.api.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:G2", true).name = "CRM_Customers";
      context.workbook.worksheets.getItem("Sheet1").name = "客户信息";
      await context.sync();
    });
    const before = x.grid("客户信息", "A1:G2");
    const out = await installTemplate("zh-CN", false, "张三", now);
    expect(out.kind).toBe("upgraded");
    expect(x.grid("客户信息", "A1:G2")).toEqual(before);
    expect(x.grid("客户信息", "H1:I1")).toEqual([["简称", "客户类型"]]);
    // 6 of our 44 columns were there: 38 added after the user's 7.
    expect(x.table("CRM_Customers").rect.c1).toBe(6 + 38);
  });
  it("adopts an existing sheet with matching headers only after a preview", async () => {
    x.userTypes("Sheet1", "A1", [["客户名称", "所属行业", "联系人", "当前阶段", "负责人"], ["甲公司", "C 制造业", "王", "新线索", "张三"]]);
    await x.api.run(async (context) => { context.workbook.worksheets.getItem("Sheet1").name = "客户信息"; await context.sync(); });
    const preview = await installTemplate("zh-CN", false, "张三", now);
    expect(preview).toMatchObject({ kind: "preview", adopt: [{ sheet: "客户信息", range: "客户信息!A1:E2" }] });
    expect(x.store.tables).toHaveLength(0);
    const done = await installTemplate("zh-CN", true, "张三", now);
    expect(done.kind).toBe("upgraded");
    expect(x.grid("客户信息", "A2:E2")).toEqual([["甲公司", "C 制造业", "王", "新线索", "张三"]]);
    expect(x.table("CRM_Customers").rect).toMatchObject({ r0: 0, r1: 1, c0: 0 });
  });
  it("refuses a sheet of ours whose headers lack required columns, touching nothing", async () => {
    x.userTypes("Sheet1", "A1", [["名字", "电话"], ["甲", "138"]]);
    await x.api.run(async (context) => { context.workbook.worksheets.getItem("Sheet1").name = "客户信息"; await context.sync(); });
    const before = x.snapshot();
    const out = await installTemplate("zh-CN", true, "张三", now);
    expect(out).toMatchObject({ kind: "refused", sheet: "客户信息", missing: ["客户名称*", "所属行业*", "联系人*", "当前阶段*", "负责人*"] });
    expect(x.snapshot()).toEqual(before);
  });
});

describe("grade", () => {
  it("writes derived cells only, fills blank IDs, and reports counts", async () => {
    await installed();
    seed(x, "CRM_Customers", [
      { id: "KH-202601-001", name: "甲公司", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", closeDate: day("2026-06-01"), amount: "20万", fit: "高", intent: "中", notes: "=老客户" },
      { id: null, name: "乙公司", industry: "C 制造业", contact: "李", stage: "初步接触", owner: "张三", fit: "低", intent: "低", created: day("2026-05-10") },
    ]);
    seed(x, "CRM_FollowUps", [{ date: day("2026-05-11"), customerId: "KH-202601-001", by: "张三", method: "电话", summary: "聊了" }]);
    const before = x.snapshot();
    const out = await gradeWorkbook(today, "张三", now);
    expect(out.summary.byGrade).toMatchObject({ A: 1, C: 1 });
    expect(out.idsFilled).toBe(1);
    expect(x.grid("客户信息", "AH2:AM2")).toEqual([["A", "30天内成交A · 20万B · 匹配高A · 意向中B → A", day("2026-05-11"), day("2026-05-11"), 1, day("2026-05-18")]]);
    expect(x.cell("客户信息", "AM2")?.nf).toBe("yyyy-mm-dd");
    expect(x.grid("客户信息", "AN2:AO2")).toEqual([[-2, expect.stringMatching(/^=IF\(/)]]);
    expect(x.cell("客户信息", "A3")).toMatchObject({ v: "KH-202605-001", nf: "@" });
    // Every cell that changed is a derived cell, the filled ID, the Rules date or the audit log.
    const after = x.snapshot();
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    for (const k of changed) expect(k).toMatch(/^(客户信息!(A3|A[H-R]\d+)|分级规则!B4|操作日志!.*)$/);
    expect(x.cell("客户信息", "AG2")?.v).toBe("=老客户");
    expect(x.grid("分级规则", "B4")).toEqual([[today]]);
    expect(x.calculationSuspensions).toBe(1);
  });
  it("keeps the sync count flat from 100 to 2,000 customers, and a chunk per payload (not per row) at 5,000", async () => {
    const counts: number[] = [];
    for (const n of [100, 2000, 5000]) {
      x = await installedDouble({
        now,
        customers: Array.from({ length: n }, (_, i) => ({ id: `KH-202601-${i + 1}`, name: `公司${i}`, industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "中", created: day("2026-01-05") })),
        followUps: Array.from({ length: n * 3 }, (_, i) => ({ date: day("2026-05-01") - (i % 90), customerId: `KH-202601-${(i % n) + 1}`, by: "张三", method: "电话", summary: "沟通" })),
      });
      await gradeWorkbook(today, "张三", now);
      counts.push(x.syncCount);
    }
    expect(counts[0]).toBe(3);
    expect(counts[1]).toBe(counts[0]);
    // Each row's guard costs request bytes: 5,000 customers take two write chunks, never thousands of syncs.
    expect(counts[2]).toBeLessThanOrEqual((counts[0] ?? 0) + 1);
  });
  it("fails clearly when the template is not installed", async () => {
    await expect(gradeWorkbook(today, "张三", now)).rejects.toMatchObject({ code: "NotInstalled", step: "read" });
  });
});

describe("log follow-up", () => {
  const input = { customerId: "KH-202601-001", date: today, by: "张三", method: "电话", summary: "=HYPERLINK(\"http://evil\",\"点我\")", feedback: "+86 138 0013 8000", nextStep: "@SUM(1)", nextDate: day("2026-05-22") };
  async function withCustomer(opts: { autoExpand?: boolean } = {}) {
    x = new ExcelDouble({ autoExpandTables: opts.autoExpand ?? true });
    x.install();
    await installed();
    seed(x, "CRM_Customers", [{ id: "KH-202601-001", name: "甲公司", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "高" }]);
  }
  it("fills the fresh table's placeholder row, text stays text, and updates that customer", async () => {
    await withCustomer();
    const out = await logFollowUp(input, today, "张三", now);
    expect(out).toMatchObject({ row: 2, customer: "KH-202601-001", nextDue: day("2026-05-22"), usedFallback: false });
    expect(x.grid("跟进记录", "A2:I2")).toEqual([[today, "KH-202601-001", "甲公司", "张三", "电话", input.summary, input.feedback, input.nextStep, day("2026-05-22")]]);
    for (const a of ["F2", "G2", "H2"]) expect(x.cell("跟进记录", a)).toMatchObject({ f: null, nf: "@" });
    expect(x.cell("跟进记录", "A2")?.nf).toBe("yyyy-mm-dd");
    expect(x.grid("客户信息", "AK2:AM2")).toEqual([[today, 1, day("2026-05-22")]]);
  });
  it("appends below with getRowsBelow and the table grows", async () => {
    await withCustomer();
    await logFollowUp(input, today, "张三", now);
    const out = await logFollowUp({ ...input, summary: "第二次" }, today, "张三", now);
    expect(out.row).toBe(3);
    expect(x.table("CRM_FollowUps").rect.r1).toBe(2);
    expect(x.rowsAddCalls).toBe(0);
  });
  it("falls back to rows.add when the table does not grow (AutoCorrect off)", async () => {
    await withCustomer({ autoExpand: false });
    await logFollowUp(input, today, "张三", now);
    const out = await logFollowUp({ ...input, summary: "第二次" }, today, "张三", now);
    expect(out.usedFallback).toBe(true);
    expect(x.rowsAddCalls).toBe(1);
    expect(x.table("CRM_FollowUps").rect.r1).toBe(2);
    expect(x.grid("跟进记录", "F2:F3")).toEqual([[input.summary], ["第二次"]]);
  });
  it("uses rows.add when a totals row is shown, and pushes data below the table down", async () => {
    await withCustomer();
    await logFollowUp(input, today, "张三", now);
    // Something already sits right below the table (a note typed while AutoExpand was off).
    x.sheet("跟进记录").ensure(2, 0).v = "用户的合计";
    await logFollowUp({ ...input, summary: "第二次" }, today, "张三", now);
    expect(x.grid("跟进记录", "A4")).toEqual([["用户的合计"]]);
    expect(x.grid("跟进记录", "F3")).toEqual([["第二次"]]);
    await x.api.run(async (context) => { context.workbook.tables.getItem("CRM_FollowUps").showTotals = true; await context.sync(); });
    await logFollowUp({ ...input, summary: "第三次" }, today, "张三", now);
    expect(x.rowsAddCalls).toBe(1);
    expect(x.grid("跟进记录", "F4")).toEqual([["第三次"]]);
  });
  it("rejects a bad entry with reasons and writes nothing", async () => {
    await withCustomer();
    const before = x.snapshot();
    const err = (await logFollowUp({ ...input, customerId: "KH-404", summary: "" }, today, "张三", now).catch((e: unknown) => e)) as ExcelDoorError;
    expect(err).toBeInstanceOf(ExcelDoorError);
    expect(err.issues.map((i) => i.code)).toEqual(["unknownCustomerId", "missingRequired"]);
    expect(x.snapshot()).toEqual(before);
  });
});

describe("check, select, pickers and cards", () => {
  it("reports issues with cell addresses and selects them", async () => {
    await installed();
    seed(x, "CRM_Customers", [
      { id: "KH-1", name: "甲公司", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", phone: "12345" },
      { id: "KH-1", name: "乙公司", industry: null, contact: "李", stage: "新线索", owner: "张三", phone: "13812345678" },
    ]);
    const issues = await checkWorkbook(today);
    expect(issues.map((i) => `${i.issue.code}@${i.address}`)).toEqual(expect.arrayContaining(["phoneMalformed@客户信息!P2", "duplicateId@客户信息!A3", "missingRequired@客户信息!F3"]));
    await selectCell("客户信息!P2");
    expect(x.store.selection?.rect).toMatchObject({ r0: 1, c0: 15 });
    // A quoted sheet name with a quote inside, as Excel writes an address.
    const id = await x.api.run(async (c) => {
      const ws = c.workbook.worksheets.add("O'Brien!5");
      ws.load("id");
      await c.sync();
      return ws.id;
    });
    await selectCell("'O''Brien!5'!B2");
    expect(x.store.selection).toMatchObject({ sheetId: id, rect: { r0: 1, c0: 1 } });
  });
  it("lists customers for the picker and builds a card with recent follow-ups", async () => {
    await installed();
    seed(x, "CRM_Customers", [{ id: "KH-1", name: "甲公司", shortName: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "高", phone: "13812345678" }]);
    seed(x, "CRM_FollowUps", [
      { date: day("2026-05-01"), customerId: "KH-1", by: "张三", method: "电话", summary: "第一次" },
      { date: day("2026-05-11"), customerId: "KH-1", by: "张三", method: "微信", summary: "第二次" },
    ]);
    expect(await listCustomers(today)).toEqual([{ id: "KH-1", name: "甲公司", shortName: "甲", contact: "王", owner: "张三", row: 2, cadence: 7, contacts: ["王"] }]);
    const card = await customerCard(2, today);
    expect(card).toMatchObject({ id: "KH-1", grade: "A", status: "overdue", phoneMasked: "138****5678" });
    expect(card?.recent.map((r) => r.summary)).toEqual(["第二次", "第一次"]);
    expect(await customerCard(1, today)).toBeNull();
  });
  it("reports template status", async () => {
    expect(await templateStatus()).toMatchObject({ installed: false });
    await installed("en-US");
    expect(await templateStatus()).toMatchObject({ installed: true, lang: "en-US", version: TEMPLATE_VERSION, missingColumns: [] });
  });
  it("reads the language as the file door does: a blank language cell falls back to the sheet names", async () => {
    await installed("zh-CN");
    // Spaces only: no language stated, so the Chinese sheet names decide (not toLang's English default).
    x.remoteTypes("分级规则", "B2", [["   "]]);
    expect(await templateStatus()).toMatchObject({ installed: true, lang: "zh-CN", version: TEMPLATE_VERSION });
  });
});


describe("audit log", () => {
  it("records who did what, to what, and how many cells changed", async () => {
    const x = await installedDouble({ now, customers: [{ name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "高" }] });
    await gradeWorkbook(today, "李四", now);
    const rows = x.grid("操作日志", "B2:E3");
    expect(rows[0]).toEqual(["张三", "install", expect.stringContaining("客户信息"), 0]);
    // Seven derived values, the missing Status formula, the value tier and its reason, and the generated ID.
    expect(rows[1]).toEqual(["李四", "grade", "客户信息 (1) +1 ID", 11]);
    expect(x.sheet("操作日志").visibility).toBe("VeryHidden");
    // The pane reads it, newest first.
    expect((await readAuditLog()).map((r) => [r.user, r.action, r.cells])).toEqual([["李四", "grade", 11], ["张三", "install", 0]]);
  });
});
