import { ExcelDouble } from "../double/excelDouble";
import { installTemplate, gradeWorkbook, checkWorkbook } from "../../src/excel/usecases";
import { customerHealth, listComplaints, logComplaint, updateComplaint } from "../../src/excel/complaints";
import { ExcelDoorError } from "../../src/excel/errors";
import { HEALTH_RULE_DEFS } from "../../src/core/health/healthRules";
import { seed } from "../excel/seed";
import { day } from "../support/builders";
import { at } from "./builders";

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 10, 0);
let x: ExcelDouble;
beforeEach(async () => {
  x = new ExcelDouble();
  x.install();
  await installTemplate("zh-CN", false, "张三", now);
  seed(x, "CRM_Customers", [
    { id: "KH-202605-001", name: "上海明远精密机械有限公司", industry: "C 制造业", contact: "王经理", stage: "商务谈判", owner: "张三", value: "战略" },
    { id: "KH-202605-002", name: "深圳云帆科技有限公司", industry: "I 信息传输、软件和信息技术服务业", contact: "李总", stage: "新线索", owner: "李四" },
  ]);
  x.resetCounters();
});

/** Turns the fresh v2 workbook into what template version 1 looked like: no Complaints, no tier columns, no health Rules rows or names. */
async function makeVersion1(): Promise<void> {
  await x.api.run(async (context) => {
    context.workbook.worksheets.getItem("投诉记录").delete();
    await context.sync();
  });
  for (const d of HEALTH_RULE_DEFS) if (d.name) x.store.names.delete(d.name);
  const rules = x.table("CRM_Rules");
  const rs = x.sheet("分级规则");
  for (let r = rules.rect.r1 - HEALTH_RULE_DEFS.length + 1; r <= rules.rect.r1; r++) for (let c = 0; c < 3; c++) rs.cells.get(r)?.delete(c);
  rules.rect = { ...rules.rect, r1: rules.rect.r1 - HEALTH_RULE_DEFS.length };
  (rs.cell(2, 1) as { v: number }).v = 1;
  const cu = x.table("CRM_Customers");
  const cs = x.sheet("客户信息");
  for (let r = cu.rect.r0; r <= cu.rect.r1; r++) {
    cs.cells.get(r)?.delete(cu.rect.c1);
    cs.cells.get(r)?.delete(cu.rect.c1 - 1);
  }
  cu.rect = { ...cu.rect, c1: cu.rect.c1 - 2 };
}

describe("install and upgrade", () => {
  it("a new workbook has the Complaints table, its SLA formula, names and the late highlight", () => {
    expect(x.table("CRM_Complaints").rect).toMatchObject({ r0: 0, r1: 1, c0: 0, c1: 11 });
    expect(x.grid("投诉记录", "A1:L1")[0]?.[11]).toBe("处理状态");
    expect(String(x.cell("投诉记录", "L2")?.f)).toMatch(/^=IF\(\$A2="","",IFERROR\(/);
    expect(x.cell("投诉记录", "A2")?.nf).toBe("yyyy-mm-dd hh:mm");
    expect(x.store.names.get("CRM_ComplaintRespondHours")).toMatch(/^='分级规则'!\$B\$\d+$/);
    expect(x.sheet("投诉记录").conditionalFormats.map((c) => c.formula?.slice(0, 20))).toEqual(['=IFERROR(AND($A2<>""']);
    expect(x.sheet("投诉记录").validations.find((v) => v.rect.c0 === 9)?.rule).toEqual({ wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } });
  });

  it("upgrades a version-1 workbook: sheet, tier columns, Rules rows, names, highlight; then nothing more", async () => {
    await makeVersion1();
    const before = x.grid("客户信息", "A1:AO3");
    const out = await installTemplate("zh-CN", false, "张三", now);
    expect(out.kind).toBe("upgraded");
    expect(out.kind === "upgraded" && out.sheets).toEqual(["投诉记录"]);
    expect(out.kind === "upgraded" && out.columns).toEqual(expect.arrayContaining(["价值分层", "分层依据", "投诉-响应时限(小时)", "分层顺序-风险"]));
    expect(x.grid("客户信息", "A1:AO3")).toEqual(before);
    expect(x.grid("客户信息", "AP1:AQ1")).toEqual([["价值分层", "分层依据"]]);
    const rules = x.table("CRM_Rules");
    const respondRow = x.grid("分级规则", `A1:B${rules.rect.r1 + 1}`).findIndex((r) => r[0] === "投诉-响应时限(小时)") + 1;
    expect(x.grid("分级规则", `B${respondRow}`)).toEqual([[1]]);
    expect(x.store.names.get("CRM_ComplaintRespondHours")).toBe(`='分级规则'!$B$${respondRow}`);
    expect(x.sheet("分级规则").validations.some((v) => v.rect.r0 === respondRow - 1)).toBe(true);
    expect(x.sheet("投诉记录").conditionalFormats).toHaveLength(1);
    expect(x.grid("分级规则", "B3")).toEqual([[2]]);
    const again = await installTemplate("zh-CN", false, "张三", now);
    expect(again).toEqual({ kind: "current", lang: "zh-CN", version: 2 });
    expect(x.sheet("投诉记录").conditionalFormats).toHaveLength(1);
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

  it("grading writes tiers; the card's health names the tier, the strategy and open complaints", async () => {
    await logComplaint({ customerId: "KH-202605-002", summary: "未回电", by: "李四", receivedAt: at("2026-05-20 08:00") }, "张三", now);
    await gradeWorkbook(today, "张三", now);
    expect(x.grid("客户信息", "AP2:AQ3")).toEqual([
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
