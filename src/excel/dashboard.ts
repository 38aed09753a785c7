import { splitAddress } from "../core/_lib/a1";
import type { DayNumber } from "../core/_lib/calendar";
import { columnLetter, type RawCell } from "../core/model/workbookModel";
import { planDashboard, dashboardMeasures, toFigures, DASHBOARD_COMPLAINT_KEYS, DASHBOARD_CUSTOMER_KEYS, DASHBOARD_FOLLOWUP_KEYS, OVERVIEW_CUSTOMER_KEYS, type DashboardFigures } from "../core/dashboard";
import { fromLocalDateTime, wallTime, type WallTime } from "../core/health/wallClock";
import { DASH_FORMATS, type DashboardLayout, type DashChart, type DashStyle } from "../core/dashboard/layout";
import { DASHBOARD_SHEET_NAMES } from "../core/dashboard/messages";
import type { Lang } from "../core/i18n/lang";
import { ExcelDoorError, runUseCase as run } from "./errors";
import { readStructure } from "./structure";
import { readColumns, tableModel, workbookModel } from "./readModel";
import { queueAudit } from "./audit";
import { say } from "../core/i18n/catalogue";

/** The hidden name marking the dashboard sheet as ours (the file door uses the same one). */
const MARK = "CRM_Dashboard";

export interface OverviewOutcome {
  readonly lang: Lang;
  readonly asOf: string;
  readonly kpi: DashboardFigures["kpi"];
  readonly owners: DashboardFigures["owners"];
  /** Customers by value tier (as last graded), and complaints open and late now. */
  readonly tiers: DashboardFigures["tiers"];
  readonly complaints: DashboardFigures["complaints"];
  /** The A cadence the "not contacted" column counts with (a Rules row). */
  readonly cadenceA: number;
}

export interface DashboardOutcome {
  readonly lang: Lang;
  readonly sheetName: string;
  readonly cells: number;
  readonly charts: number;
}

async function readModel(context: Excel.RequestContext, customerKeys: readonly string[]) {
  const s = await readStructure(context);
  const cu = s.tables.customers;
  const fu = s.tables.followUps;
  const co = s.tables.complaints;
  if (!cu?.exists) throw new ExcelDoorError("NotInstalled", say(s.lang, "door", "notInstalled"), "dashboard");
  const reads = await readColumns(context, [
    { info: cu, keys: customerKeys },
    ...(fu?.exists ? [{ info: fu, keys: DASHBOARD_FOLLOWUP_KEYS }] : []),
    ...(co?.exists ? [{ info: co, keys: DASHBOARD_COMPLAINT_KEYS }] : []),
  ]);
  const model = workbookModel(s, tableModel(cu, reads.get(cu) as Record<string, RawCell[]>), fu?.exists ? tableModel(fu, reads.get(fu) as Record<string, RawCell[]>) : null, {
    complaints: co?.exists ? tableModel(co, reads.get(co) ?? {}) : null,
  });
  return { s, model };
}

/**
 * The Overview tab's figures (KPI row and owners) straight from the tables, no dashboard sheet
 * needed: one sync for the structure and one for the columns (more only past 4 MB of cells).
 */
export async function overview(today: DayNumber, now: Date): Promise<OverviewOutcome> {
  return run("overview", async (context) => {
    const { model } = await readModel(context, OVERVIEW_CUSTOMER_KEYS);
    const m = dashboardMeasures(model, today, wallNow(today, now));
    const f = toFigures(m);
    return { lang: model.lang, asOf: f.asOf, kpi: f.kpi, owners: f.owners, tiers: f.tiers, complaints: f.complaints, cadenceA: m.cadenceA };
  });
}

/** The user's wall clock, for complaint deadlines (the start of today should the clock be unreadable). */
function wallNow(today: DayNumber, now: Date): WallTime {
  const clock = fromLocalDateTime(now);
  return clock === null ? wallTime(today) : clock;
}

/**
 * A name no sheet has (without case), short enough for Excel's 31 characters whatever the old
 * dashboard is called: the old sheet steps aside under it while the new one takes its name.
 * @example asideName(["看板", "~crm1"]) === "~crm2"
 */
export function asideName(taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) if (!lower.has(`~crm${i}`)) return `~crm${i}`;
}

const CHART_TYPES: Readonly<Record<DashChart["kind"], string>> = { pie: "Pie", bar: "BarClustered", column: "ColumnClustered", line: "LineMarkers" };
const POINTS_PER_CHAR = 5.7;

/**
 * The cells of each style as few rectangles as runs down a column allow (`A10:A13`), so formats
 * go on in a few dozen range-area calls rather than one per cell.
 */
export function styleAreas(layout: DashboardLayout): Map<DashStyle, string[]> {
  const byStyle = new Map<DashStyle, Map<number, number[]>>();
  for (const c of layout.cells) {
    let cols = byStyle.get(c.style);
    if (!cols) { cols = new Map(); byStyle.set(c.style, cols); }
    let rows = cols.get(c.col);
    if (!rows) { rows = []; cols.set(c.col, rows); }
    rows.push(c.row);
  }
  const out = new Map<DashStyle, string[]>();
  for (const [style, cols] of byStyle) {
    const areas: string[] = [];
    for (const [col, rows] of cols) {
      rows.sort((a, b) => a - b);
      const l = columnLetter(col);
      let start = rows[0] as number;
      let prev = start;
      for (const r of [...rows.slice(1), Number.NaN]) {
        if (r === prev + 1) { prev = r; continue; }
        areas.push(start === prev ? `${l}${start}` : `${l}${start}:${l}${prev}`);
        start = r;
        prev = r;
      }
    }
    out.set(style, areas);
  }
  return out;
}

/**
 * One number-format grid and one contents grid for the whole sheet. Text cells get the Text format
 * first, so a label that came from a user's cell (an owner, an industry) and starts with "=" stays
 * text; formula cells keep a number format, so their formulas are formulas.
 */
export function dashboardGrids(layout: DashboardLayout): { nf: string[][]; contents: Array<Array<string | number | null>> } {
  const rows = layout.lastRow;
  const cols = layout.lastCol;
  const nf: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  const contents: Array<Array<string | number | null>> = Array.from({ length: rows }, () => new Array<string | number | null>(cols).fill(null));
  for (const c of layout.cells) {
    const r = c.row - 1;
    const k = c.col - 1;
    if (r >= rows || k >= cols) continue;
    const v = c.value;
    (nf[r] as string[])[k] = v.kind === "text" ? "@" : DASH_FORMATS[c.style];
    const row = contents[r] as Array<string | number | null>;
    if (v.kind === "text") row[k] = v.text;
    else if (v.kind === "number") row[k] = v.value;
    else if (v.kind === "date") row[k] = v.day;
    else if (v.kind === "formula") row[k] = v.formula;
  }
  return { nf, contents };
}

/**
 * Builds (or rebuilds) the Dashboard sheet in Excel: the same cells and live formulas as the file
 * door, Office.js charts over the same ranges (ExcelApi 1.7 series calls, within the manifest's
 * 1.14), landscape print with page breaks between sections. Our sheet is found by its hidden name;
 * a user's own sheet that merely has our name is never touched.
 */
export async function buildDashboard(today: DayNumber, user: string, now: Date): Promise<DashboardOutcome> {
  return run("dashboard", async (context) => {
    const { s, model } = await readModel(context, DASHBOARD_CUSTOMER_KEYS);
    const { layout } = planDashboard(model, today, wallNow(today, now));
    const mark = context.workbook.names.getItemOrNullObject(MARK);
    const markRange = mark.getRangeOrNullObject();
    markRange.load("address");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/position");
    await context.sync();

    const oursName = markRange.isNullObject ? null : splitAddress(markRange.address).sheet ?? markRange.address;
    const clash = sheets.items.find((w) => w.name !== oursName && DASHBOARD_SHEET_NAMES.some((n) => n.toLowerCase() === w.name.toLowerCase()));
    if (clash) throw new ExcelDoorError("NameClash", say(model.lang, "door", "dashboardNameClash", { sheet: clash.name }), "dashboard");
    const old = oursName === null ? undefined : sheets.items.find((w) => w.name === oursName);
    const sheetName = old?.name ?? layout.sheetName;
    // Rebuilt from scratch in its old place: charts, formats and cells of the old one go with it.
    // It steps aside under a free short name first (not "<name>~old": a 31-character name has no
    // room for a suffix, and a sheet of the user's may already be called that).
    if (old) { old.name = asideName(sheets.items.map((w) => w.name)); }
    if (!mark.isNullObject) mark.delete();
    const ws = sheets.add(sheetName);
    // Marked at once: a batch is not atomic, and if a later call fails the half-built sheet must
    // still be ours, so the next build replaces it instead of refusing it as a user's sheet.
    context.workbook.names.add(MARK, ws.getRange("A1")).visible = false;
    if (old) { ws.position = old.position; old.delete(); }

    const g = dashboardGrids(layout);
    const all = ws.getRangeByIndexes(0, 0, layout.lastRow, layout.lastCol);
    all.numberFormat = g.nf;
    all.formulas = g.contents;
    layout.widths.forEach((w, i) => { ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * POINTS_PER_CHAR; });
    const styles = styleAreas(layout);
    // Range areas (ExcelApi 1.9) take one format call for many rectangles; 30 at a time keeps addresses short.
    const fmt = (style: DashStyle, f: (r: Excel.RangeAreas) => void) => {
      const areas = styles.get(style) ?? [];
      for (let i = 0; i < areas.length; i += 30) f(ws.getRanges(areas.slice(i, i + 30).join(",")));
    };
    fmt("title", (r) => { r.format.font.size = 18; r.format.font.bold = true; r.format.font.color = "#1F3864"; });
    fmt("section", (r) => { r.format.font.size = 13; r.format.font.bold = true; r.format.font.color = "#1F3864"; });
    fmt("header", (r) => { r.format.font.bold = true; r.format.fill.color = "#DDEBF7"; r.format.wrapText = true; });
    fmt("kpiLabel", (r) => { r.format.font.bold = true; r.format.fill.color = "#F2F2F2"; r.format.wrapText = true; r.format.horizontalAlignment = "Center"; });
    for (const k of ["kpiValue", "kpiAmount"] as const) fmt(k, (r) => { r.format.font.size = 20; r.format.font.bold = true; r.format.fill.color = "#F2F2F2"; r.format.horizontalAlignment = "Center"; });
    fmt("note", (r) => { r.format.font.size = 9; r.format.font.color = "#595959"; });
    fmt("label", (r) => { r.format.shrinkToFit = true; });
    fmt("header", (r) => { r.format.verticalAlignment = "Center"; });

    for (const c of layout.charts) {
      const ref = (x: DashChart["values"]) => ws.getRange(`${columnLetter(x.col)}${x.r0}:${columnLetter(x.col)}${x.r1}`);
      const chart = ws.charts.add(CHART_TYPES[c.kind] as Excel.ChartType, ref(c.values), "Columns");
      const series = chart.series.getItemAt(0);
      series.setXAxisValues(ref(c.categories));
      series.name = c.series;
      chart.title.text = c.title;
      chart.legend.visible = c.kind === "pie";
      // A horizontal bar lists its first category at the top, as the table beside it does.
      if (c.kind === "bar") chart.axes.categoryAxis.reversePlotOrder = true;
      chart.dataLabels.showValue = true;
      chart.setPosition(`${columnLetter(c.anchor.col0 + 1)}${c.anchor.row0 + 1}`, `${columnLetter(c.anchor.col1)}${c.anchor.row1}`);
    }
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.zoom = { scale: layout.printScale };
    for (const r of layout.pageBreaks) ws.horizontalPageBreaks.add(`A${r + 1}`);
    queueAudit(context, s.tables.audit, { user, action: "dashboard", target: sheetName, cells: layout.cells.length }, now, (s.tables.audit?.rowCount ?? 0) === 1 && (s.tables.audit?.lastRowBlank ?? false));
    await context.sync();
    return { lang: model.lang, sheetName, cells: layout.cells.length, charts: layout.charts.length };
  });
}
