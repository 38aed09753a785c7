/**
 * The dashboard through the file door, checked with independent tools: LibreOffice recalculates
 * the sheet and every formula must show the engine's figure; openpyxl and Python's zipfile show
 * that nothing of the user's changed; xmllint validates our parts against ECMA-376.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { cli, digest, ensureCliBuilt, excelProblems, py, recalc, tmpdir } from "../xlsx/helpers";
import { Book } from "../../src/xlsx/book";
import { readBook } from "../../src/xlsx/read";
import { gradeFile, logFile } from "../../src/xlsx/usecases";
import { dashboardFile } from "../../src/xlsx/dashboard";
import { templateWorkbook } from "../../src/xlsx/init";
import { sampleRows } from "../../src/cli/sampleData";
import { planDashboard, DASHBOARD_COMPLAINT_KEYS, DASHBOARD_CUSTOMER_KEYS, DASHBOARD_FOLLOWUP_KEYS } from "../../src/core/dashboard";
import { COMPLAINT_COLUMNS } from "../../src/core/health/columns";
import { fromLocalDateTime, type WallTime } from "../../src/core/health/wallClock";
import { weekStart } from "../../src/core/dashboard/periods";
import { fromLocalDate, fromYmd, toYmd, type DayNumber } from "../../src/core/_lib/calendar";
import { columnLetter } from "../../src/core/model/workbookModel";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../../src/core/template/columns";
import { BLANK, date, num, text, type PlanValue } from "../../src/core/plan/plan";
import type { Lang } from "../../src/core/i18n/lang";

jest.setTimeout(300_000);

const SCHEMAS = "/work/shared/ooxml-schemas";
const schemaDir = fs.existsSync(SCHEMAS) ? SCHEMAS : path.resolve(__dirname, "../../../shared/ooxml-schemas");
// LibreOffice's TODAY() is the machine's date: the engine is asked about the same day.
const today = fromLocalDate(new Date()) as DayNumber;
// LibreOffice's NOW() is the machine's clock: complaint deadlines are judged by the engine at the
// same clock, read again when the plan is made (the complaints below sit hours from any deadline).
const clock = (): WallTime => fromLocalDateTime(new Date()) as WallTime;

const row = (cols: typeof CUSTOMER_COLUMNS, over: Record<string, PlanValue>) => cols.map((c) => over[c.key] ?? BLANK);

/**
 * Sample customers over 14 months plus the boundaries that matter: new leads on Sunday, Monday
 * and today; follow-ups 7, 6 and 0 days ago (and one tomorrow); wins on the first of this month and
 * the last of the previous one; labels typed in the other language; a name with a stray space.
 */
function workbookRows(lang: Lang): { customers: PlanValue[][]; followUps: PlanValue[][]; complaints: PlanValue[][] } {
  const s = sampleRows({ customers: 200, today, lang, seed: 7 });
  const zh = lang === "zh-CN";
  const ws = weekStart(today).value;
  const { year, month } = toYmd(today);
  const first = fromYmd(year, month, 1) as number;
  const extra: Array<Record<string, PlanValue>> = [
    { name: text("周日新线索"), created: date(ws - 1) },
    { name: text("周一新线索"), created: date(ws) },
    { name: text("今天新线索"), created: date(today) },
    { name: text("上上周六"), created: date(ws - 9) },
    { name: text("本月一日成交"), stage: text(zh ? "已成交" : "Won"), wonDate: date(first), wonAmount: num(250000), created: date(first - 40) },
    { name: text("上月末成交"), stage: text(zh ? "Won" : "已成交"), wonDate: date(first - 1), wonAmount: num(80000), created: date(first - 70) },
    { name: text("金额是文字"), stage: text(zh ? "售后维护" : "After-sales"), wonDate: date(first), wonAmount: text("50万"), created: date(first - 10) },
    { name: text("无建档日期"), stage: text(zh ? "已成交" : "Won"), wonDate: date(today - 3), created: BLANK },
    { name: text("英文阶段"), stage: text(zh ? "Lead" : "新线索"), owner: text("张伟 "), created: date(today - 20), industry: text("餐饮连锁") },
    { name: text("人工A未联系"), gradeOverride: text("A"), created: date(today - 60), stage: text(zh ? "商务谈判" : "Negotiation"), owner: text("赵六") },
    { name: text("输单自定义"), stage: text(zh ? "输单" : "Lost"), lostReason: text("老板换人"), created: date(today - 90) },
  ];
  extra.forEach((e, i) => s.customers.push(row(CUSTOMER_COLUMNS, {
    id: text(`KH-TEST-${i + 1}`), contact: text("测试"), industry: text(zh ? "C 制造业" : "C Manufacturing"),
    stage: text(zh ? "新线索" : "Lead"), owner: text("刘洋"), source: text(zh ? "展会" : "Trade show"), ...e,
  })));
  const fu = (d: number, by: string) => row(FOLLOWUP_COLUMNS, { date: date(d), customerId: text("KH-TEST-9"), by: text(by), method: text(zh ? "电话" : "Phone"), summary: text("测试") });
  s.followUps.push(fu(today - 7, "刘洋"), fu(today - 6, "刘洋"), fu(today, "张伟 "), fu(today + 1, "刘洋"));
  // A complaint in each state, each hours (or days) away from its deadline; two for KH-TEST-1 make it Risk.
  const now = clock();
  const h = 1 / 24;
  const complaint = (id: string, times: Record<string, number>) =>
    row(COMPLAINT_COLUMNS, { customerId: text(id), summary: text("测试"), by: text("刘洋"), ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, num(v)])) });
  const complaints = [
    complaint("KH-TEST-1", { receivedAt: now - (5 / 60) * h }), // awaiting response
    complaint("KH-TEST-1", { receivedAt: now - 3 * h }), // response late
    complaint("KH-TEST-2", { receivedAt: now - 30 * h, respondedAt: now - 29 * h }), // solution late
    complaint("KH-TEST-3", { receivedAt: now - 6, respondedAt: now - 6 + h, solvedAt: now - 5 }), // call-back late
    complaint("KH-TEST-3", { receivedAt: now - 4, respondedAt: now - 4 + h, solvedAt: now - 3.9, calledBackOn: Math.floor(now) - 3 }), // done
  ];
  return { ...s, complaints };
}

async function build(dir: string, lang: Lang): Promise<string> {
  const file = path.join(dir, `${lang}.xlsx`);
  fs.writeFileSync(file, await templateWorkbook(lang, workbookRows(lang)));
  await gradeFile(file, today, undefined, undefined, clock());
  return file;
}

async function plan(file: string) {
  const r = await readBook(new Book(fs.readFileSync(file)), { customers: [...DASHBOARD_CUSTOMER_KEYS], followUps: [...DASHBOARD_FOLLOWUP_KEYS], complaints: [...DASHBOARD_COMPLAINT_KEYS] });
  return planDashboard(r.model, today, clock());
}

type Cells = { cells: Record<string, unknown>; sheets: string[] };
const cellsOf = (file: string, sheet: string) => py<Cells>("../dashboard/cells.py", [file, sheet]);

/** Every formula cell of the plan against LibreOffice's result; returns how many were compared. */
async function expectRecalculated(file: string, dir: string): Promise<number> {
  const p = await plan(file);
  const out = recalc(file, path.join(dir, `lo-${Date.now()}`));
  const { cells } = cellsOf(out, p.layout.sheetName);
  let n = 0;
  const wrong: string[] = [];
  for (const c of p.layout.cells) {
    if (c.expect === undefined) continue;
    const ref = `${columnLetter(c.col)}${c.row}`;
    const got = cells[ref];
    n++;
    if (c.expect === null ? got !== undefined && got !== "" : typeof got !== "number" || Math.abs(got - c.expect) > 1e-9 * Math.max(1, Math.abs(c.expect))) {
      wrong.push(`${ref}: LibreOffice ${JSON.stringify(got)}, engine ${c.expect}`);
    }
  }
  expect(wrong).toEqual([]);
  return n;
}

function xmllint(schema: string, xml: string): string {
  const r = spawnSync("xmllint", ["--noout", "--schema", path.join(schemaDir, schema), "-"], { input: xml, encoding: "utf8" });
  return r.status === 0 ? "valid" : r.stderr;
}

describe.each(["zh-CN", "en-US"] as const)("%s workbook", (lang) => {
  let dir: string;
  let file: string;
  let before: ReturnType<typeof digest>;
  let userCells: Cells[];
  const userSheets = lang === "zh-CN" ? ["客户信息", "跟进记录", "分级规则"] : ["Customers", "Follow-ups", "Rules"];
  beforeAll(async () => {
    dir = tmpdir("dash-");
    file = await build(dir, lang);
    before = digest(file);
    userCells = userSheets.map((sh) => cellsOf(file, sh));
    await dashboardFile(file, today, clock());
  });

  it("after LibreOffice recalculates, every formula equals the engine's figure", async () => {
    expect(await expectRecalculated(file, dir)).toBeGreaterThan(200);
  });

  it("the workbook covers the boundaries the figures turn on", async () => {
    const f = (await plan(file)).figures;
    expect(f.funnel.every((s) => (s.count ?? 0) > 0)).toBe(true);
    expect(f.closed.every((s) => (s.count ?? 0) > 0)).toBe(true);
    expect(f.months.every((m) => (m.followUps ?? 0) > 0)).toBe(true);
    expect(f.kpi.wonThisMonth).toBeGreaterThanOrEqual(2);
    expect(f.owners.find((o) => o.owner === "张伟")?.followUps7d).toBeGreaterThan(0);
    expect(f.owners.some((o) => o.owner === "赵六" && (o.aNotContacted ?? 0) === 1)).toBe(true);
    expect(f.dealCycle.median).not.toBeNull();
    // Tiers as grading wrote them, complaints in every state: the new cells compare real figures.
    expect(f.tiers.risk).toBeGreaterThanOrEqual(1);
    expect(f.tiers.highValue).toBeGreaterThanOrEqual(1);
    expect(f.tiers.standard).toBeGreaterThanOrEqual(1);
    expect(f.complaints).toEqual({ open: 4, late: 3 });
  });

  it("touches nothing but its own parts: every other entry keeps its bytes, user cells read back the same", () => {
    const after = digest(file);
    const ours = /^(xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/drawings\/.*|xl\/charts\/.*)$/;
    const changed = Object.keys(after.entries).filter((k) => before.entries[k]?.sha !== after.entries[k]?.sha);
    const newParts = changed.filter((k) => !before.entries[k]);
    expect(changed.filter((k) => before.entries[k]).sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"].sort());
    expect(newParts.every((k) => ours.test(k))).toBe(true);
    expect(Object.keys(before.entries).every((k) => k in after.entries)).toBe(true);
    expect(after.bad).toBeNull();
    // Read back by openpyxl: every cell of the user's sheets as it was.
    userSheets.forEach((sh, i) => expect(cellsOf(file, sh).cells).toEqual(userCells[i]?.cells));
  });

  it("rebuilding changes nothing and never adds a second sheet", async () => {
    const first = digest(file);
    const o = await dashboardFile(file, today, clock());
    expect(o.rebuilt).toBe(true);
    expect(digest(file).entries).toEqual(first.entries);
    const names = new Book(fs.readFileSync(file)).sheets.map((s) => s.name);
    const sheetName = (await plan(file)).layout.sheetName;
    expect(names.filter((n) => n === sheetName)).toHaveLength(1);
  });

  it("its parts are valid ECMA-376: charts, drawing, sheet, content types, relationships", async () => {
    // The whole package as Excel would open it: schemas after markup compatibility, plus the unwritten rules.
    expect(excelProblems(file)).toEqual([]);
    const book = new Book(fs.readFileSync(file));
    const sheetName = (await plan(file)).layout.sheetName;
    const sheet = book.sheets.find((s) => s.name === sheetName)!;
    const drawing = book.relsTyped(sheet.path).find((r) => r.type.endsWith("/drawing"))!.target;
    const charts = book.relsTyped(drawing).filter((r) => r.type.endsWith("/chart")).map((r) => r.target);
    // One per charted section of the plan (the value tiers' bar among them).
    expect(charts).toHaveLength((await plan(file)).layout.charts.length);
    expect(charts.length).toBeGreaterThanOrEqual(7);
    for (const c of charts) expect(xmllint("dml-chart.xsd", book.text(c)!)).toBe("valid");
    expect(xmllint("dml-spreadsheetDrawing.xsd", book.text(drawing)!)).toBe("valid");
    // Excel writes xml:space on <t> though the schema omits it (see the schemas' README).
    expect(xmllint("sml.xsd", book.text(sheet.path)!.replace(/ xml:space="preserve"/g, ""))).toBe("valid");
    expect(xmllint("sml.xsd", book.text("xl/styles.xml")!.replace(/\s(?:x14ac|mc|x16r2|xr):[\w]+="[^"]*"/g, ""))).toBe("valid");
    expect(xmllint("opc-contentTypes.xsd", book.text("[Content_Types].xml")!)).toBe("valid");
    for (const p of [`xl/worksheets/_rels/${sheet.path.split("/").pop()}.rels`, `xl/drawings/_rels/${drawing.split("/").pop()}.rels`]) expect(xmllint("opc-relationships.xsd", book.text(p)!)).toBe("valid");
    const pageSetup = /<pageSetup\b[^>]*>/.exec(book.text(sheet.path)!)?.[0] ?? "";
    expect(pageSetup).toContain('orientation="landscape"');
  });

  it("rows appended below the follow-up table are counted without a rebuild", async () => {
    const was = (await plan(file)).figures.kpi.followUps7d as number;
    await logFile(file, { customerId: "KH-TEST-9", date: today, method: lang === "zh-CN" ? "电话" : "Phone", summary: "追加", by: "刘洋", feedback: "", nextStep: "", nextDate: null, stage: "" }, today);
    expect((await plan(file)).figures.kpi.followUps7d).toBe(was + 1);
    await expectRecalculated(file, dir);
  });
});

describe("crm-sheets dashboard", () => {
  beforeAll(() => ensureCliBuilt());

  it("--json prints the engine's figures; the text output names the sheet; a missing file is exit 2", async () => {
    const dir = tmpdir("dash-");
    const file = await build(dir, "zh-CN");
    const r = cli(["dashboard", file, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { sheet: string; charts: number; figures: unknown };
    expect(out.sheet).toBe("看板");
    expect(out.charts).toBe((await plan(file)).layout.charts.length);
    expect(out.figures).toEqual((await plan(file)).figures);
    expect(excelProblems(file)).toEqual([]);
    const t = cli(["dashboard", file]);
    expect(t.out).toContain("已生成「看板」工作表");
    expect(t.out).toContain("按负责人");
    expect(cli(["dashboard", path.join(dir, "missing.xlsx")]).code).toBe(2);
    expect(t.out).not.toContain("提示");
  });

  it("says when the grades it counts are older than today, or missing", async () => {
    const dir = tmpdir("dash-");
    const graded = await build(dir, "en-US");
    const later = cli(["dashboard", graded, "--today", "2099-01-05"]);
    expect(later.out).toContain("Note: last graded on");
    const fresh = path.join(dir, "fresh.xlsx");
    fs.writeFileSync(fresh, await templateWorkbook("zh-CN"));
    const r = cli(["dashboard", fresh, "--json"]);
    expect((JSON.parse(r.out) as { lastGraded: string | null }).lastGraded).toBeNull();
    expect(cli(["dashboard", fresh]).out).toContain("尚未分级");
  });
});

describe("a sheet of the user's that has our name", () => {
  it("is never overwritten: the run refuses and the file keeps its bytes", async () => {
    const dir = tmpdir("dash-");
    const file = path.join(dir, "own.xlsx");
    fs.writeFileSync(file, await templateWorkbook("en-US"));
    await dashboardFile(file, today, clock());
    // Without our mark, the Dashboard sheet is a stranger's.
    const book = new Book(fs.readFileSync(file));
    const { rebuild } = await import("../../src/xlsx/zip");
    const wb = book.workbookXml.replace(/<definedName\b[^>]*name="CRM_Dashboard"[^>]*>[^<]*<\/definedName>/, "");
    fs.writeFileSync(file, rebuild(book.buf, book.entries, new Map([["xl/workbook.xml", new TextEncoder().encode(wb)]])));
    const bytes = fs.readFileSync(file);
    await expect(dashboardFile(file, today, clock())).rejects.toThrow(/not the dashboard this tool built/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe("a workbook shaped as Excel 365 writes it", () => {
  beforeAll(() => ensureCliBuilt());

  // x: prefixes on every SpreadsheetML element, single-quoted attributes, calcPr with fullCalcOnLoad="0".
  it("gets the dashboard through its XML as it is: sheet, mark and recalculation flag in the workbook's own prefix, valid, rebuilt in place", async () => {
    const dir = tmpdir("dash-");
    const template = path.join(dir, "template.xlsx");
    expect(cli(["init", template]).code).toBe(0);
    const filled = path.join(dir, "filled.xlsx");
    const file = path.join(dir, "team.xlsx");
    for (const args of [["fill", template, filled], ["excel365", filled, file, "prefixed"]]) {
      const r = spawnSync("/usr/bin/python3", [path.join(__dirname, "../xlsx/corpus.py"), ...args], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
    }
    const o = await dashboardFile(file, today, clock());
    expect(o.rebuilt).toBe(false);
    const book = new Book(fs.readFileSync(file));
    expect(book.sheets.map((s) => s.name)).toContain("看板");
    const wb = book.workbookXml;
    expect(wb).toMatch(/<x:sheet name="看板" sheetId="\d+"[^>]* r:id="rId\d+"\/><\/x:sheets>/);
    expect(book.byName.has(book.sheets.find((s) => s.name === "看板")?.path ?? "")).toBe(true);
    expect(wb).toContain('<x:definedName name="CRM_Dashboard" hidden="1">\'看板\'!$A$1</x:definedName>');
    expect(wb.match(/fullCalcOnLoad=["'][^"']*["']/g)).toEqual(['fullCalcOnLoad="1"']);
    // The existing calcPr is changed in place (its calcId kept), not followed by a second one.
    expect(wb).toContain('<x:calcPr calcId="191029" fullCalcOnLoad="1"/></x:workbook>');
    expect(book.text("xl/styles.xml")).not.toMatch(/<(fonts|cellXfs|numFmts)\b/);
    expect(excelProblems(file)).toEqual([]);
    expect(await expectRecalculated(file, dir)).toBeGreaterThan(100);
    const first = digest(file);
    expect((await dashboardFile(file, today, clock())).rebuilt).toBe(true);
    expect(digest(file).entries).toEqual(first.entries);
  });
});
