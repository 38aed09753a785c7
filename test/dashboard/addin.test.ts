/**
 * Build dashboard in the add-in, on the strict Excel double (held to the manifest's requirement
 * set and to Excel on the web's payload limits). Every expectation comes from the layout or from
 * what the file door writes for the same rows, never from a list of cells, so the tests keep
 * holding when the layout grows.
 */
import * as fs from "fs";
import * as path from "path";
import { ExcelDouble, WEB_LIMITS, type RequestContextDouble } from "../double/excelDouble";
import type { CellValue } from "../double/store";
import { installTemplate, gradeWorkbook } from "../../src/excel/usecases";
import { asideName, buildDashboard } from "../../src/excel/dashboard";
import { splitAddress } from "../../src/core/_lib/a1";
import { ExcelDoorError } from "../../src/excel/errors";
import { templateWorkbook } from "../../src/xlsx/init";
import { gradeFile } from "../../src/xlsx/usecases";
import { dashboardFile } from "../../src/xlsx/dashboard";
import { sampleRows } from "../../src/cli/sampleData";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../../src/core/template/columns";
import { DASHBOARD_SHEET_NAMES, dashText } from "../../src/core/dashboard/messages";
import { columnLetter } from "../../src/core/model/workbookModel";
import { say } from "../../src/core/i18n/catalogue";
import type { PlanValue } from "../../src/core/plan/plan";
import type { Lang } from "../../src/core/i18n/lang";
import { seed, type SeedRow } from "../excel/seed";
import { day } from "../support/builders";
import { fromLocalDateTime, type WallTime } from "../../src/core/health/wallClock";
import { tmpdir } from "../xlsx/helpers";
import { quoteSheet, splitSheet } from "../double/a1";
import { readFileDashboard, type FileDashboard } from "./fileDoorSheet";
import { Book } from "../../src/xlsx/book";
import { readBook } from "../../src/xlsx/read";
import { planDashboard, DASHBOARD_CUSTOMER_KEYS, DASHBOARD_FOLLOWUP_KEYS } from "../../src/core/dashboard";
import { DASH_FORMATS, type DashboardLayout } from "../../src/core/dashboard/layout";

jest.setTimeout(120_000);

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 9, 30);
const USER = "张三";
const MB5 = 5 * 1024 * 1024;

/** A template row (PlanValues in column order) as the cells a person's workbook holds. */
function seedRow(cols: readonly ColumnDef[], row: readonly PlanValue[]): SeedRow {
  const out: Record<string, CellValue> = {};
  row.forEach((v, i) => {
    const key = (cols[i] as ColumnDef).key;
    if (v.kind === "text") out[key] = v.text;
    else if (v.kind === "number") out[key] = v.value;
    else if (v.kind === "date") out[key] = v.day;
  });
  return out;
}

const rowsFor = (lang: Lang, customers = 120) => sampleRows({ customers, today, lang, seed: 11 });

/** The add-in's workbook: template installed, the rows typed in, graded. */
async function excelBook(lang: Lang, rows = rowsFor(lang)): Promise<ExcelDouble> {
  const x = new ExcelDouble({ limits: WEB_LIMITS });
  x.install();
  await installTemplate(lang, false, USER, now);
  seed(x, "CRM_Customers", rows.customers.map((r) => seedRow(CUSTOMER_COLUMNS, r)));
  seed(x, "CRM_FollowUps", rows.followUps.map((r) => seedRow(FOLLOWUP_COLUMNS, r)));
  await gradeWorkbook(today, USER, now);
  x.resetCounters();
  return x;
}

/** The same rows through the file door: template file, graded, dashboard built. */
async function fileDashboard(lang: Lang, rows = rowsFor(lang)): Promise<{ sheet: FileDashboard; layout: DashboardLayout }> {
  const file = path.join(tmpdir("dash-addin-"), `${lang}.xlsx`);
  fs.writeFileSync(file, await templateWorkbook(lang, rows));
  await gradeFile(file, today);
  const r = await readBook(new Book(fs.readFileSync(file)), { customers: [...DASHBOARD_CUSTOMER_KEYS], followUps: [...DASHBOARD_FOLLOWUP_KEYS] });
  // The add-in's clock, so both doors judge complaint deadlines at the same moment.
  const wall = fromLocalDateTime(now) as WallTime;
  const { layout } = planDashboard(r.model, today, wall);
  const out = await dashboardFile(file, today, wall);
  return { sheet: readFileDashboard(file, out.sheet), layout };
}

/** The dashboard sheet's cells in the double, in the file reader's terms. */
function doubleCells(x: ExcelDouble, sheet: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [r, row] of x.sheet(sheet).cells) for (const [c, cell] of row) {
    if (cell.f !== null) out.set(`${columnLetter(c + 1)}${r + 1}`, { kind: "formula", formula: cell.f });
    else if (typeof cell.v === "string" && cell.v !== "") out.set(`${columnLetter(c + 1)}${r + 1}`, { kind: "text", text: cell.v });
    else if (typeof cell.v === "number") out.set(`${columnLetter(c + 1)}${r + 1}`, { kind: "number", value: cell.v });
  }
  return out;
}

/** Something a person does in Excel between two builds (through the API, so Excel's own rules apply). */
async function userDoes(x: ExcelDouble, f: (wb: RequestContextDouble["workbook"]) => void): Promise<void> {
  await x.api.run(async (context) => {
    f(context.workbook);
    await context.sync();
  });
}

/** Every cell outside the dashboard and the audit log, for "nothing of the user's changed". */
function userCells(x: ExcelDouble, except: readonly string[]): Map<string, string> {
  const skip = new Set(except.map((s) => s.toLowerCase()));
  return new Map([...x.snapshot()].filter(([k]) => !skip.has(k.slice(0, k.lastIndexOf("!")).toLowerCase())));
}

const auditSheet = (lang: Lang) => say(lang, "sheets", "audit");

const PLOTS: Readonly<Record<string, string>> = { pieChart: "Pie", "barChart/bar": "BarClustered", "barChart/col": "ColumnClustered", lineChart: "LineMarkers" };
/** A range reference as the double writes it: no `$`, the sheet quoted only where Excel quotes it. */
const plain = (ref: string) => {
  const { sheet, local } = splitSheet(ref.replace(/\$/g, ""));
  return sheet === null ? local : `${quoteSheet(sheet)}!${local}`;
};

describe.each(["zh-CN", "en-US"] as const)("Build dashboard in a %s workbook", (lang) => {
  let x: ExcelDouble;
  let file: FileDashboard;
  let layout: DashboardLayout;
  let before: Map<string, string>;
  let auditRows: number;
  const name = dashText(lang, "sheetName");
  beforeAll(async () => {
    ({ sheet: file, layout } = await fileDashboard(lang));
    x = await excelBook(lang);
    auditRows = x.table("CRM_Audit").rect.r1;
    before = userCells(x, [name, auditSheet(lang)]);
    await buildDashboard(today, USER, now);
  });

  it("writes the same cells and formulas as the file door for the same rows", () => {
    expect(file.name).toBe(name);
    const got = doubleCells(x, name);
    expect(got.size).toBeGreaterThan(100);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(file.cells));
  });

  it("adds the file door's charts: same types, titles, series and category ranges, over the same cells", () => {
    const charts = x.sheet(name).charts;
    expect(charts.length).toBe(file.charts.length);
    expect(charts.length).toBeGreaterThan(3);
    charts.forEach((c, i) => {
      const f = file.charts[i] as (typeof file.charts)[number];
      expect(c.type).toBe(PLOTS[f.barDir ? `${f.plot}/${f.barDir}` : f.plot]);
      expect(c.title).toEqual({ text: f.title, visible: true });
      expect(c.series).toEqual([{ name: f.seriesName, values: plain(f.values), xValues: plain(f.categories) }]);
      // The drawing's "to" anchor is the cell the chart stops before; Office.js names the last cell it covers.
      expect(c.position).toEqual({ start: `${columnLetter(f.from.col + 1)}${f.from.row + 1}`, end: `${columnLetter(f.to.col)}${f.to.row}` });
      expect(c.legend.visible).toBe(c.type === "Pie");
      expect(c.categoryAxis.reversePlotOrder).toBe(c.type === "BarClustered");
    });
  });

  it("formats every cell of the layout: Text for labels, the style's number format for figures, fonts by style", () => {
    const wrong: string[] = [];
    for (const c of layout.cells) {
      const cell = x.sheet(name).cell(c.row - 1, c.col - 1);
      const nf = c.value.kind === "text" ? "@" : DASH_FORMATS[c.style];
      if (cell?.nf !== nf) wrong.push(`${columnLetter(c.col)}${c.row} ${c.style}: ${cell?.nf} ≠ ${nf}`);
      if ((c.style === "title" || c.style === "section" || c.style === "header" || c.style.startsWith("kpi")) && cell?.bold !== true) wrong.push(`${columnLetter(c.col)}${c.row} ${c.style} not bold`);
    }
    expect(wrong).toEqual([]);
    const sizes = (style: string) => new Set(layout.cells.filter((c) => c.style === style).map((c) => x.sheet(name).cell(c.row - 1, c.col - 1)?.size));
    expect(sizes("title")).toEqual(new Set([18]));
    expect(sizes("kpiValue")).toEqual(new Set([20]));
  });

  it("sets the layout's column widths (characters at Excel's 48 points per 8.43)", () => {
    const widths = x.sheet(name).columnWidths;
    layout.widths.forEach((w, i) => expect([i, (widths.get(i) ?? 0) / w]).toEqual([i, expect.closeTo(48 / 8.43, 1)]));
  });

  it("prints landscape at the file door's scale with its page breaks", () => {
    const s = x.sheet(name);
    expect(file.orientation).toBe("landscape");
    expect(s.pageLayout).toEqual({ orientation: "Landscape", zoom: { scale: file.scale } });
    expect(file.rowBreaks.length).toBeGreaterThan(0);
    expect(s.rowBreaks).toEqual(file.rowBreaks);
  });

  it("marks the sheet with a hidden name, touches nothing of the user's and logs one audit row", () => {
    expect(x.store.names.get("CRM_Dashboard")).toBe(`=${name}!$A$1`);
    expect(x.store.hiddenNames.has("crm_dashboard")).toBe(true);
    expect(userCells(x, [name, auditSheet(lang)])).toEqual(before);
    expect(x.table("CRM_Audit").rect.r1).toBe(auditRows + 1);
  });

  it("keeps every request under Excel on the web's 5 MB", () => {
    expect(x.syncs.length).toBeGreaterThan(0);
    expect(Math.max(...x.syncs.map((s) => s.requestBytes))).toBeLessThan(MB5);
  });
});

describe("rebuilding", () => {
  it("replaces the dashboard in its place: same position, charts not doubled, no leftover sheet", async () => {
    const x = await excelBook("zh-CN");
    const name = dashText("zh-CN", "sheetName");
    await buildDashboard(today, USER, now);
    // The user moves the dashboard to second place and types on it; a rebuild keeps the place, not the typing.
    await userDoes(x, (wb) => { wb.worksheets.getItem(name).position = 1; });
    const first = { cells: doubleCells(x, name), charts: x.sheet(name).charts.length, breaks: [...x.sheet(name).rowBreaks], count: x.store.sheets.length };
    x.userTypes(name, "Z99", [["scribble"]]);
    await buildDashboard(today, USER, now);
    expect(x.store.sheets.map((s) => s.name)[1]).toBe(name);
    expect(x.store.sheets.length).toBe(first.count);
    expect(x.store.sheets.filter((s) => DASHBOARD_SHEET_NAMES.includes(s.name) || s.name.includes("~"))).toHaveLength(1);
    expect(x.sheet(name).charts.length).toBe(first.charts);
    expect(x.sheet(name).rowBreaks).toEqual(first.breaks);
    expect(doubleCells(x, name)).toEqual(first.cells);
    expect([...x.store.names.keys()].filter((k) => k.toLowerCase() === "crm_dashboard")).toEqual(["CRM_Dashboard"]);
  });

  it.each([
    ["a long name (31 characters)", "看板".padEnd(31, "月")],
    ["a name with an exclamation mark", "看板!五月"],
    ["a name with an apostrophe and a space", "Tom's 看板"],
  ])("finds the dashboard again after the user gave it %s", async (_what, renamed) => {
    const x = await excelBook("zh-CN");
    await buildDashboard(today, USER, now);
    const charts = x.sheet(dashText("zh-CN", "sheetName")).charts.length;
    await userDoes(x, (wb) => { wb.worksheets.getItem(dashText("zh-CN", "sheetName")).name = renamed; });
    const count = x.store.sheets.length;
    const out = await buildDashboard(today, USER, now);
    expect(out.sheetName).toBe(renamed);
    expect(x.store.sheets.length).toBe(count);
    expect(x.sheet(renamed).charts.length).toBe(charts);
  });

  it("rebuilds when a user sheet already has the name the old one is set aside under", async () => {
    const x = await excelBook("en-US");
    await buildDashboard(today, USER, now);
    await userDoes(x, (wb) => { for (const n of ["Dashboard~old", "Dashboard~1"]) wb.worksheets.add(n).getRange("B2").values = [["mine"]]; });
    const mine = userCells(x, ["Dashboard", auditSheet("en-US")]);
    await buildDashboard(today, USER, now);
    expect(x.store.sheets.filter((s) => s.name === "Dashboard")).toHaveLength(1);
    expect(userCells(x, ["Dashboard", auditSheet("en-US")])).toEqual(mine);
  });
});

describe.each(["zh-CN", "en-US"] as const)("a user's own sheet with the dashboard's name (%s workbook)", (lang) => {
  it.each([...new Set(DASHBOARD_SHEET_NAMES.flatMap((n) => [n, n.toUpperCase()]))])("%j is never touched; the refusal is in the workbook's language", async (taken) => {
    const x = await excelBook(lang);
    await x.api.run(async (context) => {
      context.workbook.worksheets.add(taken).getRange("A1").values = [["我的表 / mine"]];
      await context.sync();
    });
    const snapshot = x.snapshot();
    const sheets = x.store.sheets.length;
    let error: unknown;
    try { await buildDashboard(today, USER, now); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ExcelDoorError);
    expect(error).toMatchObject({ code: "NameClash", message: say(lang, "door", "dashboardNameClash", { sheet: taken }) });
    expect(x.snapshot()).toEqual(snapshot);
    expect(x.store.sheets.length).toBe(sheets);
    expect(x.store.names.has("CRM_Dashboard")).toBe(false);
  });
});

describe("cost", () => {
  /** Customers spread over owners, industries and stages; a follow-up for every tenth. */
  function rows(n: number): { customers: SeedRow[]; followUps: SeedRow[] } {
    const stages = ["新线索", "已联系", "需求确认", "方案报价", "商务谈判", "已成交", "输单"];
    const customers = Array.from({ length: n }, (_v, i): SeedRow => ({
      id: `KH-${i + 1}`, name: `客户${i + 1}`, industry: `行业${i % 23}`, stage: stages[i % stages.length] as string, owner: `销售${i % 17}`,
      created: today - (i % 400), source: `来源${i % 6}`,
    }));
    const followUps = Array.from({ length: Math.floor(n / 10) }, (_v, i): SeedRow => ({ date: today - (i % 300), customerId: `KH-${i * 10 + 1}`, by: `销售${i % 17}`, method: "电话", summary: "回访" }));
    return { customers, followUps };
  }
  async function syncsFor(n: number): Promise<ExcelDouble> {
    const x = new ExcelDouble({ limits: WEB_LIMITS });
    x.install();
    await installTemplate("zh-CN", false, USER, now);
    const r = rows(n);
    seed(x, "CRM_Customers", r.customers);
    seed(x, "CRM_FollowUps", r.followUps);
    x.resetCounters();
    await buildDashboard(today, USER, now);
    return x;
  }

  /** The syncs that only write (nothing comes back): the build's one write batch. */
  const writes = (x: ExcelDouble) => x.syncs.filter((r) => r.responseBytes === 0);

  it("takes as many syncs for 10,000 customers as for 1,000; the write batch is one request of the same size", async () => {
    const small = await syncsFor(1_000);
    const large = await syncsFor(10_000);
    expect(large.syncCount).toBe(small.syncCount);
    expect(writes(large)).toHaveLength(1);
    expect(writes(large)).toEqual(writes(small));
    expect(Math.max(...large.syncs.map((r) => Math.max(r.requestBytes, r.responseBytes)))).toBeLessThan(MB5);
  });

  it("at 20,000 customers only the column reads split (by the 4 MB estimate that keeps responses under 5 MB); the writes stay one batch", async () => {
    const small = await syncsFor(1_000);
    const large = await syncsFor(20_000);
    expect(writes(large)).toEqual(writes(small));
    const reads = (x: ExcelDouble) => x.syncs.filter((r) => r.responseBytes > 0);
    expect(large.syncCount - small.syncCount).toBe(reads(large).length - reads(small).length);
    expect(large.syncCount - small.syncCount).toBeLessThanOrEqual(1);
    expect(Math.max(...large.syncs.map((r) => Math.max(r.requestBytes, r.responseBytes)))).toBeLessThan(MB5);
  });

  it("needs nothing above the manifest's requirement set, and does need the 1.9 calls it names", async () => {
    // The default double is the manifest's host: the builds above ran on it. One version lower
    // (where RangeAreas and PageLayout are missing) the same build fails at the first such call.
    const x = new ExcelDouble({ limits: WEB_LIMITS, apiSets: { ExcelApi: "1.8" } });
    x.install();
    let error: unknown;
    try {
      await installTemplate("zh-CN", false, USER, now);
      await buildDashboard(today, USER, now);
    } catch (e) { error = e; }
    expect(error).toMatchObject({ code: "ApiNotFound" });
  });
});

describe("the Excel door's small rules", () => {
  it.each([["看板!A1", "看板"], ["'看板!五月'!A1", "看板!五月"], ["'Tom''s 看板'!$A$1", "Tom's 看板"], ["Dashboard!A1:B2", "Dashboard"]])("the sheet of %j is %j", (address, sheet) => {
    expect(splitAddress(address).sheet).toBe(sheet);
  });
  it("the old dashboard steps aside under a name no sheet has, without case", () => {
    expect(asideName(["看板", "~CRM1", "~crm2"])).toBe("~crm3");
    expect(asideName([]).length).toBeLessThanOrEqual(31);
  });
});

describe("a build that stops partway", () => {
  it("leaves a sheet the next build recognises as ours and replaces: no name clash, no second dashboard", async () => {
    const x = await excelBook("zh-CN");
    await buildDashboard(today, USER, now);
    const name = dashText("zh-CN", "sheetName");
    const charts = x.sheet(name).charts.length;
    // A host that fails the print scale, the last part of the write batch: what ran before it stays.
    const failing = x.coAuthor({ limits: WEB_LIMITS, missingMembers: ["PageLayout.zoom"] });
    failing.install();
    await expect(buildDashboard(today, USER, now)).rejects.toMatchObject({ code: "ApiNotFound" });
    x.install();
    const out = await buildDashboard(today, USER, now);
    expect(out.sheetName).toBe(name);
    expect(x.store.sheets.filter((s) => s.name === name || s.name.startsWith("~"))).toHaveLength(1);
    expect(x.sheet(name).charts.length).toBe(charts);
    expect(x.sheet(name).pageLayout.zoom).toEqual({ scale: expect.any(Number) });
  });
});
