/** Every install path ends with names, dropdowns, highlights and the Status calculated column in place. */
import { ExcelDouble } from "../double/excelDouble";
import { installTemplate } from "../../src/excel/usecases";
import { planInstall } from "../../src/core/usecases/planInstall";

const now = new Date(2026, 4, 20, 9, 30);
const NAMES = planInstall("zh-CN").names.map((n) => n.name);
let x: ExcelDouble;
beforeEach(() => {
  x = new ExcelDouble();
  x.install();
});

const letters = (c: number) => { let s = ""; let n = c + 1; while (n > 0) { s = String.fromCharCode(65 + ((n - 1) % 26)) + s; n = Math.floor((n - 1) / 26); } return s; };

function listRules(sheet: string): string[] {
  return x.sheet(sheet).validations.map((v) => (v.rule.list as { source?: string } | undefined)?.source).filter((s): s is string => typeof s === "string");
}

describe("install paths", () => {
  it("first install: a customer row added below the table gets the Status formula", async () => {
    await installTemplate("zh-CN", false, "u", now);
    x.userTypes("客户信息", "A3:B3", [["KH-9", "新客户"]]);
    expect(x.table("CRM_Customers").rect.r1).toBe(2);
    expect(String(x.cell("客户信息", "AO3")?.f)).toMatch(/^=IF\(AND\(\$A3="",\$B3=""\),"",/);
  });
  it("adopting an existing customer sheet: every name, the dropdowns, the highlights and the Status column", async () => {
    x.userTypes("Sheet1", "A1", [["客户名称", "所属行业", "联系人", "当前阶段", "负责人"], ["甲公司", "C 制造业", "王", "新线索", "张三"], ["乙公司", "C 制造业", "李", "新线索", "李四"]]);
    await x.api.run(async (context) => { context.workbook.worksheets.getItem("Sheet1").name = "客户信息"; await context.sync(); });
    const out = await installTemplate("zh-CN", true, "u", now);
    expect(out.kind).toBe("upgraded");
    // No template version yet: the Guide was created with the other sheets, not rewritten.
    expect(out.kind === "upgraded" && out.refreshed).toEqual([]);
    for (const n of NAMES) expect([n, x.store.names.has(n)]).toEqual([n, true]);
    // The dropdowns of the user's own columns (industry in B, stage in D) and of the columns added.
    const sources = listRules("客户信息");
    expect(sources).toEqual(expect.arrayContaining(["=CRM_List_Industry", "=CRM_List_Stage", "=CRM_List_CustomerType"]));
    const industry = x.sheet("客户信息").validations.find((v) => (v.rule.list as { source?: string } | undefined)?.source === "=CRM_List_Industry");
    expect(industry?.rect).toMatchObject({ c0: 1, c1: 1, r0: 1 });
    expect(x.sheet("客户信息").conditionalFormats.map((c) => c.formula)).toEqual([expect.stringContaining("TODAY()"), expect.stringContaining("TODAY()"), expect.stringContaining("CRM_ReleaseWarn")]);
    // The ID column was added at the end (F): the Customer IDs name follows it there.
    expect(x.store.names.get("CRM_CustomerIds")).toContain("$F$2");
    const t = x.table("CRM_Customers");
    // Status and the pool countdown.
    expect(t.calculated?.size).toBe(2);
    x.userTypes("客户信息", "A4:B4", [["丙公司", "C 制造业"]]);
    expect(x.table("CRM_Customers").rect.r1).toBe(3);
    const status = [...(t.calculated?.keys() ?? [])][0] ?? -1;
    expect(x.cell("客户信息", `${letters(t.rect.c0 + status)}4`)?.f).toMatch(/^=IF\(/);
  });
  it("re-creating a deleted customer sheet: its dropdowns and highlights, and names pointing at it again", async () => {
    await installTemplate("zh-CN", false, "u", now);
    await x.api.run(async (context) => { context.workbook.worksheets.getItem("客户信息").delete(); await context.sync(); });
    expect(x.store.names.get("CRM_CustomerIds")).toContain("#REF!");
    const out = await installTemplate("zh-CN", false, "u", now);
    expect(out).toMatchObject({ kind: "installed", sheets: ["客户信息"] });
    expect(x.store.names.get("CRM_CustomerIds")).not.toContain("#REF!");
    expect(listRules("客户信息")).toContain("=CRM_List_Industry");
    expect(x.sheet("客户信息").conditionalFormats).toHaveLength(3);
  });
  it("re-installing with every sheet of ours gone but the names left: no name added twice", async () => {
    await installTemplate("zh-CN", false, "u", now);
    await x.api.run(async (context) => {
      for (const s of ["客户信息", "跟进记录", "分级规则", "下拉选项", "使用说明"]) context.workbook.worksheets.getItem(s).delete();
      context.workbook.worksheets.getItem("操作日志").visibility = "Visible";
      await context.sync();
      context.workbook.worksheets.getItem("操作日志").delete();
      await context.sync();
    });
    const out = await installTemplate("zh-CN", false, "u", now);
    expect(out.kind).toBe("installed");
    for (const n of NAMES) expect(x.store.names.get(n)).not.toContain("#REF!");
  });
  it("an upgrade next to the user's data inserts whole columns: nothing beside the table moves out of line", async () => {
    x.userTypes("Sheet1", "A1", [["客户编号", "客户名称", "所属行业", "联系人", "当前阶段", "负责人"], ["KH-1", "甲公司", "C 制造业", "王", "新线索", "张三"]]);
    x.userTypes("Sheet1", "H1", [["备注"]]);
    x.userTypes("Sheet1", "H2", [["第二行的备注"]]);
    x.userTypes("Sheet1", "H5", [["表格下方的备注"]]);
    await x.api.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:F2", true).name = "CRM_Customers";
      context.workbook.worksheets.getItem("Sheet1").name = "客户信息";
      await context.sync();
    });
    const out = await installTemplate("zh-CN", false, "u", now);
    expect(out.kind).toBe("upgraded");
    const t = x.table("CRM_Customers");
    const col = t.rect.c1 + 2; // H moved right by as many columns as the table grew
    expect([x.cell("客户信息", `${letters(col)}1`)?.v, x.cell("客户信息", `${letters(col)}2`)?.v, x.cell("客户信息", `${letters(col)}5`)?.v]).toEqual(["备注", "第二行的备注", "表格下方的备注"]);
    expect(x.grid("客户信息", "A2:F2")).toEqual([["KH-1", "甲公司", "C 制造业", "王", "新线索", "张三"]]);
  });
});

describe("column widths", () => {
  it("turns characters into Excel's points: the default 8.43 characters is 48 points", async () => {
    const { columnPoints } = await import("../../src/excel/install");
    expect(columnPoints(8.43)).toBeCloseTo(48, 0);
    expect(columnPoints(20)).toBeCloseTo(108.75, 2);
  });
});

describe("upgrade of an older customer table", () => {
  it("gets the Status calculated column and the highlights when it lacked their columns", async () => {
    x.userTypes("Sheet1", "A1", [["客户编号", "客户名称", "所属行业", "联系人", "当前阶段", "负责人"], ["KH-1", "甲公司", "C 制造业", "王", "新线索", "张三"]]);
    await x.api.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:F2", true).name = "CRM_Customers";
      context.workbook.worksheets.getItem("Sheet1").name = "客户信息";
      await context.sync();
    });
    await installTemplate("zh-CN", false, "u", now);
    expect(x.sheet("客户信息").conditionalFormats).toHaveLength(3);
    const t = x.table("CRM_Customers");
    const status = [...(t.calculated?.keys() ?? [])][0] ?? -1;
    expect(status).toBeGreaterThan(5);
    x.userTypes("客户信息", "A3:B3", [["KH-2", "乙公司"]]);
    expect(x.cell("客户信息", `${letters(t.rect.c0 + status)}3`)?.f).toMatch(/^=IF\(AND\(\$A3="",\$B3=""\)/);
  });
});
