import type { ExcelDouble } from "../double/excelDouble";
import { installTemplate, gradeWorkbook, checkWorkbook } from "../../src/excel/usecases";
import { overview } from "../../src/excel/dashboard";
import { customerHealth, listComplaints, logComplaint, updateComplaint } from "../../src/excel/complaints";
import { ExcelDoorError } from "../../src/excel/errors";
import { HEALTH_RULE_DEFS } from "../../src/core/health/healthRules";
import { POOL_RULE_DEFS } from "../../src/core/pool/poolRuleDefs";
import { POOL_CUSTOMER_COLUMNS } from "../../src/core/pool/columns";
import { CONTACT_FOLLOWUP_COLUMNS } from "../../src/core/contacts/columns";
import { TIER_COLUMNS } from "../../src/core/health/columns";
import { CUSTOMER_COLUMNS, type ColumnDef } from "../../src/core/template/columns";
import { META_ROWS, type RuleDef } from "../../src/core/rules/ruleDefs";
import { sheetName, TEMPLATE_VERSION, type SheetKey } from "../../src/core/template/sheets";
import { columnLetter } from "../../src/core/_lib/a1";
import { installedDouble } from "../support/installedDouble";
import { day } from "../support/builders";
import { at } from "./builders";

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 10, 0);
let x: ExcelDouble;
beforeEach(async () => {
  x = await installedDouble({
    now,
    customers: [
      { id: "KH-202605-001", name: "上海明远精密机械有限公司", industry: "C 制造业", contact: "王经理", stage: "商务谈判", owner: "张三", value: "战略" },
      { id: "KH-202605-002", name: "深圳云帆科技有限公司", industry: "I 信息传输、软件和信息技术服务业", contact: "李总", stage: "新线索", owner: "李四" },
    ],
  });
});

/** What a version added, as the template defines it: sheets, Customers and Follow-ups columns, Rules rows. */
const ADDED_IN: Record<1 | 2, { sheets: SheetKey[]; customers: readonly ColumnDef[]; followUps: readonly ColumnDef[]; rules: readonly RuleDef[] }> = {
  // Version 2 (team operations) and version 3 (health), so a version-1 workbook lacks both.
  1: { sheets: ["contacts", "complaints"], customers: [...POOL_CUSTOMER_COLUMNS, ...TIER_COLUMNS], followUps: CONTACT_FOLLOWUP_COLUMNS, rules: [...POOL_RULE_DEFS, ...HEALTH_RULE_DEFS] },
  2: { sheets: ["complaints"], customers: TIER_COLUMNS, followUps: [], rules: HEALTH_RULE_DEFS },
};

/** Drops a table's last `n` columns (the double keeps cells, validations and highlights by position). */
function dropLastColumns(sheetName: string, tableName: string, n: number): void {
  if (n === 0) return;
  const t = x.table(tableName);
  const ws = x.sheet(sheetName);
  const from = t.rect.c1 - n + 1;
  for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = from; c <= t.rect.c1; c++) ws.cells.get(r)?.delete(c);
  t.rect = { ...t.rect, c1: from - 1 };
  const keep = <E extends { rect: { c0: number } }>(list: E[]) => list.splice(0, list.length, ...list.filter((e) => e.rect.c0 < from));
  keep(ws.conditionalFormats);
  keep(ws.validations);
}

/** Turns the fresh workbook into what an older template version made, by removing what later versions added. */
async function makeVersion(version: 1 | 2): Promise<void> {
  const added = ADDED_IN[version];
  await x.api.run(async (context) => {
    for (const k of added.sheets) context.workbook.worksheets.getItem(sheetName(k, "zh-CN")).delete();
    await context.sync();
  });
  for (const d of added.rules) if (d.name) x.store.names.delete(d.name);
  // Later versions' Rules rows are the table's last ones (each version appends).
  const rules = x.table("CRM_Rules");
  const rs = x.sheet(sheetName("rules", "zh-CN"));
  const labels = new Set(added.rules.map((d) => d.label["zh-CN"]));
  for (let r = rules.rect.r1 - added.rules.length + 1; r <= rules.rect.r1; r++) {
    expect(labels.has(String(rs.cell(r, 0)?.v))).toBe(true);
    for (let c = 0; c < 3; c++) rs.cells.get(r)?.delete(c);
  }
  rules.rect = { ...rules.rect, r1: rules.rect.r1 - added.rules.length };
  const versionRow = x.grid(sheetName("rules", "zh-CN"), "A1:A5").findIndex((r) => r[0] === META_ROWS.templateVersion["zh-CN"]);
  (rs.cell(versionRow, 1) as { v: number }).v = version;
  // Later versions' columns are each table's last ones.
  const cuDefs = CUSTOMER_COLUMNS.slice(-added.customers.length);
  expect(cuDefs.map((c) => c.key)).toEqual(added.customers.map((c) => c.key));
  dropLastColumns(sheetName("customers", "zh-CN"), "CRM_Customers", added.customers.length);
  dropLastColumns(sheetName("followUps", "zh-CN"), "CRM_FollowUps", added.followUps.length);
}

/** The template version the Rules sheet says. */
const versionCell = () => x.grid(sheetName("rules", "zh-CN"), "A1:B5").find((r) => r[0] === META_ROWS.templateVersion["zh-CN"])?.[1];

/** Headers, Rules labels, sheet names and our names: what an upgrade must make equal to a fresh install. */
function shape(): unknown {
  const headers = (table: string, sheet: SheetKey) => {
    const t = x.table(table);
    return x.grid(sheetName(sheet, "zh-CN"), `A1:${columnLetter(t.rect.c1 + 1)}1`)[0];
  };
  const rules = x.table("CRM_Rules");
  return {
    sheets: [...x.store.sheets.map((s) => s.name)].sort(),
    customers: headers("CRM_Customers", "customers"),
    followUps: headers("CRM_FollowUps", "followUps"),
    rules: x.grid(sheetName("rules", "zh-CN"), `A1:B${rules.rect.r1 + 1}`),
    names: [...x.store.names.keys()].sort(),
  };
}

describe("install and upgrade", () => {
  it("a new workbook has the Complaints table, its SLA formula, names and the late highlight", () => {
    expect(TEMPLATE_VERSION).toBe(3);
    expect(x.table("CRM_Complaints").rect).toMatchObject({ r0: 0, r1: 1, c0: 0, c1: 11 });
    expect(x.grid("投诉记录", "A1:L1")[0]?.[11]).toBe("处理状态");
    expect(String(x.cell("投诉记录", "L2")?.f)).toMatch(/^=IF\(\$A2="","",IFERROR\(/);
    expect(x.cell("投诉记录", "A2")?.nf).toBe("yyyy-mm-dd hh:mm");
    expect(x.store.names.get("CRM_ComplaintRespondHours")).toMatch(/^='分级规则'!\$B\$\d+$/);
    expect(x.sheet("投诉记录").conditionalFormats.map((c) => c.formula?.slice(0, 20))).toEqual(['=IFERROR(AND($A2<>""']);
    expect(x.sheet("投诉记录").validations.find((v) => v.rect.c0 === 9)?.rule).toEqual({ wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } });
  });

  it.each([1, 2] as const)("upgrades a version-%i workbook to the current template's shape, the user's cells untouched; then nothing more", async (version) => {
    const fresh = shape();
    const freshCf = x.sheet("投诉记录").conditionalFormats.length;
    const freshPoolCf = x.sheet("客户信息").conditionalFormats.length;
    await makeVersion(version);
    expect(shape()).not.toEqual(fresh);
    const kept = CUSTOMER_COLUMNS.length - ADDED_IN[version].customers.length;
    const before = x.grid("客户信息", `A1:${columnLetter(kept)}3`);
    const out = await installTemplate("zh-CN", false, "张三", now);
    expect(out.kind).toBe("upgraded");
    expect(out.kind === "upgraded" && [...out.sheets].sort()).toEqual(ADDED_IN[version].sheets.map((k) => sheetName(k, "zh-CN")).sort());
    expect(out.kind === "upgraded" && out.columns).toEqual(expect.arrayContaining(["价值分层", "分层依据", "投诉-响应时限(小时)", "分层顺序-风险"]));
    expect(x.grid("客户信息", `A1:${columnLetter(kept)}3`)).toEqual(before);
    // Same headers in the same order, the same Rules rows (labels and defaults) in the same order,
    // every name, and the template version: as a fresh install.
    expect(shape()).toEqual(fresh);
    const rules = x.table("CRM_Rules");
    const respondRow = x.grid("分级规则", `A1:B${rules.rect.r1 + 1}`).findIndex((r) => r[0] === "投诉-响应时限(小时)") + 1;
    expect(x.store.names.get("CRM_ComplaintRespondHours")).toBe(`='分级规则'!$B$${respondRow}`);
    expect(x.sheet("分级规则").validations.some((v) => v.rect.r0 === respondRow - 1)).toBe(true);
    expect(x.sheet("投诉记录").conditionalFormats).toHaveLength(freshCf);
    expect(x.sheet("客户信息").conditionalFormats).toHaveLength(freshPoolCf);
    const again = await installTemplate("zh-CN", false, "张三", now);
    expect(again).toEqual({ kind: "current", lang: "zh-CN", version: TEMPLATE_VERSION });
    expect(x.sheet("投诉记录").conditionalFormats).toHaveLength(freshCf);
    expect(shape()).toEqual(fresh);
  });

  it("an upgrade writes the current Guide over the old one: its text, its merged paragraphs, the version it names", async () => {
    const guide = sheetName("guide", "zh-CN");
    const ws = x.sheet(guide);
    const used = ws.used(false) as { r1: number; c1: number };
    const fresh = { grid: x.grid(guide, `A1:D${used.r1 + 1}`), merges: [...ws.merges] };
    expect(fresh.grid[0]?.[0]).toContain(String(TEMPLATE_VERSION));
    await makeVersion(2);
    // What version 2 wrote: another title, fewer rows, a paragraph merged where a table row now stands.
    ws.cells.clear();
    ws.merges.splice(0, ws.merges.length, { r0: 0, r1: 0, c0: 0, c1: 3 }, { r0: 3, r1: 3, c0: 0, c1: 3 }, { r0: used.r1 + 4, r1: used.r1 + 4, c0: 0, c1: 3 });
    x.userTypes(guide, "A1", [["客户管理表 使用说明(模板版本 2)"]]);
    x.userTypes(guide, "A4", [["旧版的说明段落"]]);
    x.userTypes(guide, `A${used.r1 + 5}`, [["旧版末尾的一段"]]);
    const freshHeights = new Map(ws.rowHeights);
    ws.rowHeights.clear();
    for (let r = 0; r <= used.r1 + 4; r++) ws.rowHeights.set(r, 99);
    const out = await installTemplate("zh-CN", false, "张三", now);
    // Said in the pane's toast and the audit row: the Guide was written anew.
    expect(out.kind === "upgraded" && out.refreshed).toEqual([guide]);
    expect(x.grid(guide, `A1:D${used.r1 + 5}`)).toEqual([...fresh.grid, ...Array.from({ length: 4 }, () => [null, null, null, null])]);
    expect(ws.merges).toEqual(fresh.merges);
    // The old paragraphs' heights went with them: only the current paragraphs are tall.
    expect(new Map(ws.rowHeights)).toEqual(freshHeights);
    expect(versionCell()).toBe(TEMPLATE_VERSION);
    // A current workbook's Guide is left alone.
    x.userTypes(guide, `A${used.r1 + 3}`, [["经理加的一行"]]);
    expect(await installTemplate("zh-CN", false, "张三", now)).toMatchObject({ kind: "current" });
    expect(x.cell(guide, `A${used.r1 + 3}`)?.v).toBe("经理加的一行");
  });

  it("an upgrade cut short on the Guide keeps the old version, so the next install finishes it", async () => {
    const guide = sheetName("guide", "zh-CN");
    await makeVersion(2);
    // Someone made a table on the Guide sheet: Excel will not merge a paragraph over it.
    await x.api.run(async (context) => { context.workbook.worksheets.getItem(guide).tables.add("A3:B4", true).name = "Notes"; await context.sync(); });
    await expect(installTemplate("zh-CN", false, "张三", now)).rejects.toThrow();
    expect(versionCell()).toBe(2);
    await x.api.run(async (context) => { context.workbook.tables.getItem("Notes").delete(); await context.sync(); });
    const out = await installTemplate("zh-CN", false, "张三", now);
    expect(out.kind === "upgraded" && out.refreshed).toEqual([guide]);
    expect(versionCell()).toBe(TEMPLATE_VERSION);
  });

  it("a Guide the upgrade had to create again is written once, and named once", async () => {
    const guide = sheetName("guide", "zh-CN");
    await makeVersion(2);
    await x.api.run(async (context) => { context.workbook.worksheets.getItem(guide).delete(); await context.sync(); });
    const out = await installTemplate("zh-CN", false, "张三", now);
    expect(out.kind === "upgraded" && [out.sheets.filter((n) => n === guide), out.refreshed]).toEqual([[guide], []]);
    expect(x.sheet(guide).merges.length).toBeGreaterThan(0);
  });

  it("a Guide the manager protected is left as it is, and the rest of the upgrade still lands", async () => {
    const guide = sheetName("guide", "zh-CN");
    await makeVersion(2);
    x.userTypes(guide, "A1", [["我们自己的使用说明"]]);
    x.sheet(guide).protected = true;
    const out = await installTemplate("zh-CN", false, "张三", now);
    expect(out.kind === "upgraded" && out.refreshed).toEqual([]);
    expect(out.kind === "upgraded" && [...out.sheets]).toEqual([sheetName("complaints", "zh-CN")]);
    expect(x.cell(guide, "A1")?.v).toBe("我们自己的使用说明");
    expect(await installTemplate("zh-CN", false, "张三", now)).toMatchObject({ kind: "current", version: TEMPLATE_VERSION });
  });
});

describe("complaints through the Office door", () => {
  it("logs into the blank row, then below; text stays text; one audit row each", async () => {
    const payload = '=HYPERLINK("http://evil","x")';
    const a = await logComplaint({ customerId: "KH-202605-001", summary: payload, by: "", receivedAt: at("2026-05-20 09:30") }, "张三", now);
    const b = await logComplaint({ customerId: "kh-202605-002", summary: "+86 回电", by: "@王五", receivedAt: at("2026-05-20 08:00") }, "张三", now);
    expect([a, b]).toEqual([
      { row: 2, customer: "KH-202605-001", status: "awaitingResponse" },
      { row: 3, customer: "KH-202605-002", status: "responseLate" },
    ]);
    expect(x.cell("投诉记录", "D2")).toMatchObject({ v: payload, f: null, nf: "@" });
    expect(x.cell("投诉记录", "E3")).toMatchObject({ v: "@王五", f: null, nf: "@" });
    expect(x.cell("投诉记录", "E2")?.v).toBe("张三");
    expect(x.cell("投诉记录", "A3")).toMatchObject({ nf: "yyyy-mm-dd hh:mm" });
    expect(x.cell("投诉记录", "A3")?.v).toBeCloseTo(at("2026-05-20 08:00"), 9);
    expect(String(x.cell("投诉记录", "L3")?.f)).toContain("$A3");
    expect(x.table("CRM_Complaints").rect.r1).toBe(2);
    expect(
      x
        .grid("操作日志", "D2:D5")
        .flat()
        .filter((v) => String(v).startsWith("KH-")),
    ).toEqual(["KH-202605-001 2026-05-20 09:30", "KH-202605-002 2026-05-20 08:00"]);
  });

  it("refuses an unknown customer with the reason and writes nothing", async () => {
    const before = x.snapshot();
    await expect(logComplaint({ customerId: "KH-404", summary: "x", by: "张三", receivedAt: at("2026-05-20 09:30") }, "张三", now)).rejects.toMatchObject({
      code: "InvalidInput",
      issues: [expect.objectContaining({ code: "unknownCustomerId" })],
    });
    expect(x.snapshot()).toEqual(before);
  });

  it("lists complaints, fills in the response, and refuses a row that moved", async () => {
    await logComplaint({ customerId: "KH-202605-001", summary: "报警停机", by: "张三", receivedAt: at("2026-05-20 09:30") }, "张三", now);
    const [c] = await listComplaints(now);
    expect(c).toMatchObject({
      index: 0,
      row: 2,
      customerId: "KH-202605-001",
      customerName: "上海明远精密机械有限公司",
      status: "awaitingResponse",
      due: { step: "respond" },
    });
    const r = await updateComplaint(
      { index: 0, respondedAt: at("2026-05-20 09:45"), expect: { customerId: "KH-202605-001", receivedAt: c!.receivedAt } },
      "张三",
      now,
    );
    expect(r).toEqual({ row: 2, status: "inProgress" });
    expect(x.cell("投诉记录", "F2")).toMatchObject({ nf: "yyyy-mm-dd hh:mm" });
    const later = new Date(2026, 4, 22, 9, 0);
    await updateComplaint(
      {
        index: 0,
        solution: "更换传感器",
        solvedAt: at("2026-05-21 09:00"),
        calledBackOn: at("2026-05-22 08:30"),
        satisfaction: 5,
        expect: { customerId: "KH-202605-001", receivedAt: c!.receivedAt },
      },
      "张三",
      later,
    );
    expect(x.grid("投诉记录", "G2:J2")).toEqual([["更换传感器", at("2026-05-21 09:00"), day("2026-05-22"), 5]]);
    expect((await listComplaints(later))[0]?.status).toBe("done");
    await expect(
      updateComplaint({ index: 0, improvement: "x", expect: { customerId: "KH-202605-002", receivedAt: c!.receivedAt } }, "张三", later),
    ).rejects.toBeInstanceOf(ExcelDoorError);
  });

  it("the Overview tab reports tiers as graded and complaints open and late at the pane's clock", async () => {
    await logComplaint({ customerId: "KH-202605-002", summary: "未回电", by: "李四", receivedAt: at("2026-05-20 08:00") }, "张三", now);
    await logComplaint({ customerId: "KH-202605-001", summary: "发票有误", by: "张三", receivedAt: at("2026-05-20 09:30") }, "张三", now);
    await gradeWorkbook(today, "张三", now);
    const o = await overview(today, now);
    expect(o.tiers).toEqual({ risk: 1, highValue: 1, potential: 0, dormant: 0, standard: 0 });
    expect(o.complaints).toEqual({ open: 2, late: 1 });
    // Forty minutes later the 09:30 complaint is past its hour too.
    expect((await overview(today, new Date(2026, 4, 20, 10, 40))).complaints).toEqual({ open: 2, late: 2 });
  });

  it("grading writes tiers; the card's health names the tier, the strategy and open complaints", async () => {
    await logComplaint({ customerId: "KH-202605-002", summary: "未回电", by: "李四", receivedAt: at("2026-05-20 08:00") }, "张三", now);
    await gradeWorkbook(today, "张三", now);
    const tier = columnLetter(CUSTOMER_COLUMNS.findIndex((c) => c.key === "valueTier") + 1);
    const reason = columnLetter(CUSTOMER_COLUMNS.findIndex((c) => c.key === "tierReason") + 1);
    expect(x.grid("客户信息", `${tier}2:${reason}3`)).toEqual([
      ["高价值", "高价值:战略客户"],
      ["风险", "风险:1次投诉超时"],
    ]);
    const h = await customerHealth(3, today, now, "en-US");
    expect(h).toMatchObject({ tier: "risk", tierLabel: "风险", reason: "风险:1次投诉超时", nextAction: "Find out why; make a win-back plan" });
    expect(h?.open.map((c) => [c.summary, c.status])).toEqual([["未回电", "responseLate"]]);
    expect((await customerHealth(2, today, now))?.nextAction).toBe("经理直接跟进、每季度上门回访");
  });

  it("the add-in's data check flags a complaint for an unknown customer, with its cell", async () => {
    await logComplaint({ customerId: "KH-202605-002", summary: "x", by: "李四", receivedAt: at("2026-05-20 08:00") }, "张三", now);
    x.userTypes("投诉记录", "B2", [["KH-209901-999"]]);
    const found = (await checkWorkbook(today)).filter((l) => l.issue.sheet === "complaints");
    expect(found.map((l) => [l.issue.code, l.address])).toEqual([["unknownCustomerId", "投诉记录!B2"]]);
  });
});
