import { formatIso } from "../_lib/calendar";
import { columnLetter } from "../model/workbookModel";
import { date, formula, num, text, type PlanValue } from "../plan/plan";
import { quoteSheet, type Measure } from "./criteria";
import { funnelReach, KPI_KEYS, OWNER_KEYS, type ComplaintFigure, type DashboardMeasures, type KpiKey, type OwnerKey } from "./figures";
import { dashText, type DashboardMessageKey } from "./messages";

/** How a dashboard cell looks; each door maps these onto its own formats once. */
export type DashStyle =
  | "title" | "note" | "section" | "header" | "label"
  | "count" | "amount" | "percent" | "days" | "month" | "date"
  | "kpiLabel" | "kpiValue" | "kpiAmount";

export const DASH_FORMATS: Readonly<Record<DashStyle, string>> = {
  title: "General", note: "General", section: "General", header: "General", label: "@",
  count: "#,##0", amount: "#,##0", percent: "0.0%", days: "0.0", month: "yyyy-mm", date: "yyyy-mm-dd",
  kpiLabel: "General", kpiValue: "#,##0", kpiAmount: "#,##0",
};

export interface DashCell {
  /** 1-based worksheet row and column. */
  readonly row: number;
  readonly col: number;
  readonly value: PlanValue;
  readonly style: DashStyle;
  /** For a formula: the engine's figure it must show after recalculation (null = blank). */
  readonly expect?: number | null;
}

/** A column of cells on the dashboard (1-based). */
export interface CellRange {
  readonly col: number;
  readonly r0: number;
  readonly r1: number;
}

export type ChartKind = "pie" | "bar" | "column" | "line";

export interface DashChart {
  readonly kind: ChartKind;
  readonly title: string;
  readonly series: string;
  readonly categories: CellRange;
  readonly values: CellRange;
  /** Cells the chart covers: 0-based column and row of its top-left and bottom-right corners. */
  readonly anchor: { readonly col0: number; readonly row0: number; readonly col1: number; readonly row1: number };
  /** What the ranges hold as built, so a viewer that does not recalculate still draws the chart. */
  readonly cache: {
    readonly categories: readonly string[];
    readonly values: ReadonlyArray<number | null>;
    readonly valueFormat: string;
    /** Categories that are dates (months): their serials and format, so the axis shows 2026-05, not 46143. */
    readonly dates?: { readonly serials: readonly number[]; readonly format: string };
  };
}

/** The dashboard sheet as a page: the block it covers from A1, and how that block prints. */
export interface DashPage {
  /** 1-based last row and column the dashboard uses. */
  readonly lastRow: number;
  readonly lastCol: number;
  /** Rows after which a printed page ends, so no section (table or chart) is cut across pages. */
  readonly pageBreaks: readonly number[];
  /**
   * Print scale (percent) that fits the columns on a landscape A4 page. A fixed scale, not "fit to
   * page": Excel ignores manual page breaks under fit-to-page, and the breaks keep sections whole.
   */
  readonly printScale: number;
}

/** What a door writes to build the dashboard: its cells, column widths and charts, on a page set up to print. */
export interface DashboardLayout extends DashPage {
  readonly sheetName: string;
  readonly cells: readonly DashCell[];
  /** Column widths in characters, column A first. */
  readonly widths: readonly number[];
  readonly charts: readonly DashChart[];
}

/** Range text of a dashboard column for chart series (`'看板'!$B$5:$B$8`). */
export function rangeRef(sheetName: string, r: CellRange): string {
  const l = columnLetter(r.col);
  return `${quoteSheet(sheetName)}!$${l}$${r.r0}:$${l}$${r.r1}`;
}

const KPI_MSG: Readonly<Record<KpiKey, DashboardMessageKey>> = {
  open: "kpiOpen", a: "kpiA", overdue: "kpiOverdue", dormant: "kpiDormant", dueThisWeek: "kpiDueThisWeek",
  followUps7d: "kpiFollowUps7d", wonThisMonth: "kpiWonThisMonth", wonAmountThisMonth: "kpiWonAmountThisMonth",
};
const COMPLAINT_MSG: Readonly<Record<ComplaintFigure, DashboardMessageKey>> = { open: "complaintsOpen", late: "complaintsLate" };
const OWNER_MSG: Readonly<Record<OwnerKey, DashboardMessageKey>> = {
  open: "colOpen", a: "colA", overdue: "colOverdue", dueThisWeek: "colDueThisWeek", followUps7d: "colFollowUps7d",
  aNotContacted: "colANotContacted", newThisWeek: "colNewThisWeek",
};

/** Charts sit right of the tables, from column F, over this many rows. */
const CHART_COL0 = 5;
const CHART_COL1 = 14;
const CHART_ROWS = 16;
/** Rows of a landscape A4 page at the fit-to-width scale (tall rows count double). */
const PAGE_ROWS = 42;

/**
 * The Dashboard sheet as a plan of cells: titles and labels as text, every figure as a live
 * formula over the Customers and Follow-ups columns (or over the dashboard's own cells for sums
 * and rates), medians as values with their date, and the charts over the tables' ranges.
 * Tables stand in columns A–E and the charts beside them, so each section prints on one band
 * of a landscape page.
 * @example dashboardLayout(dashboardMeasures(model, today)).cells.length // ≈ 400
 */
export function dashboardLayout(m: DashboardMeasures): DashboardLayout {
  const lang = m.lang;
  const T = (k: DashboardMessageKey, vars?: Readonly<Record<string, string | number>>) => dashText(lang, k, vars);
  const sheetName = T("sheetName");
  const cells: DashCell[] = [];
  const charts: DashChart[] = [];
  const put = (row: number, col: number, value: PlanValue, style: DashStyle, expect?: number | null) => {
    cells.push(expect === undefined ? { row, col, value, style } : { row, col, value, style, expect });
  };
  const label = (row: number, col: number, s: string, style: DashStyle = "label") => put(row, col, text(s), style);
  const figure = (row: number, col: number, x: Measure, style: DashStyle) => {
    if (x.formula === null) label(row, col, T("missing"), style);
    else put(row, col, formula(`=${x.formula}`), style, x.value);
  };
  const ref = (row: number, col: number) => `${columnLetter(col)}${row}`;
  let lastCol = 8;

  label(1, 1, T("title"), "title");
  label(2, 1, T("builtOn"), "note");
  put(2, 2, date(m.today), "date");
  label(3, 1, T("liveNote"), "note");

  // The KPI row: labels above values, columns A–H.
  KPI_KEYS.forEach((k, i) => {
    label(5, i + 1, T(KPI_MSG[k]), "kpiLabel");
    figure(6, i + 1, m.kpi[k], k === "wonAmountThisMonth" ? "kpiAmount" : "kpiValue");
  });

  let row = 8;
  const breaks: number[] = [];
  let pageUsed = 10;
  /** A titled table; its chart (if any) beside it; returns the first row after the section. */
  const section = (title: DashboardMessageKey, headers: readonly string[], body: (first: number) => number, chart?: (first: number, last: number) => Omit<DashChart, "anchor">): void => {
    label(row, 1, T(title), "section");
    headers.forEach((h, i) => label(row + 1, i + 1, h, "header"));
    const first = row + 2;
    const last = body(first);
    let end = last + 1;
    if (chart) {
      const c = chart(first, last);
      charts.push({ ...c, anchor: { col0: CHART_COL0, row0: row - 1, col1: CHART_COL1, row1: row - 1 + CHART_ROWS } });
      end = Math.max(end, row + CHART_ROWS);
    }
    // A section that would not fit on the page's remainder starts the next page.
    const height = end - row + 3;
    if (pageUsed + height > PAGE_ROWS && pageUsed > 0) { breaks.push(row - 1); pageUsed = 0; }
    pageUsed += height;
    row = end + 1;
  };
  const chartOf = (kind: DashChart["kind"], title: string, series: string, catCol: number, valCol: number, first: number, last: number, cats: readonly string[], vals: ReadonlyArray<number | null>, valueFormat: string): Omit<DashChart, "anchor"> => ({
    kind, title, series, categories: { col: catCol, r0: first, r1: last }, values: { col: valCol, r0: first, r1: last }, cache: { categories: cats, values: vals, valueFormat },
  });

  section("secGrades", [T("colGrade"), T("colCustomers")], (first) => {
    m.grades.forEach((g, i) => { label(first + i, 1, g.label); figure(first + i, 2, g.count, "count"); });
    return first + m.grades.length - 1;
  }, (first, last) => chartOf("pie", T("secGrades"), T("colCustomers"), 1, 2, first, last, m.grades.map((g) => g.label), m.grades.map((g) => g.count.value), "#,##0"));

  // Value tiers as the last grading wrote them; complaints live, by the SLA status at NOW().
  section("secHealth", [T("colTier"), T("colCustomers")], (first) => {
    m.tiers.forEach((t, i) => { label(first + i, 1, t.label); figure(first + i, 2, t.count, "count"); });
    const head = first + m.tiers.length;
    label(head, 1, T("complaintsHeader"), "header");
    (["open", "late"] as const).forEach((k, i) => { label(head + 1 + i, 1, T(COMPLAINT_MSG[k])); figure(head + 1 + i, 2, m.complaints[k], "count"); });
    return head + 2;
  }, (first) => chartOf("bar", T("colTier"), T("colCustomers"), 1, 2, first, first + m.tiers.length - 1, m.tiers.map((t) => t.label), m.tiers.map((t) => t.count.value), "#,##0"));

  const top = m.industries;
  const topSum = top.reduce<number | null>((a, g) => (a === null || g.count.value === null ? null : a + g.count.value), 0);
  const otherValue = m.industryFilled.value === null || topSum === null ? null : m.industryFilled.value - topSum;
  section("secIndustries", [T("colIndustry"), T("colCustomers")], (first) => {
    top.forEach((g, i) => { label(first + i, 1, g.label); figure(first + i, 2, g.count, "count"); });
    const o = first + top.length;
    label(o, 1, T("other"));
    // 其他 stays live: every filled Industry cell not counted in the rows above, new industries included.
    if (m.industryFilled.formula === null) label(o, 2, T("missing"));
    else put(o, 2, formula(top.length ? `=${m.industryFilled.formula}-SUM(${ref(first, 2)}:${ref(o - 1, 2)})` : `=${m.industryFilled.formula}`), "count", otherValue);
    return o;
  }, (first, last) => chartOf("bar", T("secIndustries"), T("colCustomers"), 1, 2, first, last, [...top.map((g) => g.label), T("other")], [...top.map((g) => g.count.value), otherValue], "#,##0"));

  const reach = funnelReach(m.funnel.map((f) => f.count.value));
  section("secFunnel", [T("colStage"), T("colCustomers"), T("colReached"), T("colConversion")], (first) => {
    const lastStep = first + m.funnel.length - 1;
    m.funnel.forEach((f, i) => {
      const r = first + i;
      label(r, 1, f.label);
      figure(r, 2, f.count, "count");
      put(r, 3, formula(`=SUM(${ref(r, 2)}:${ref(lastStep, 2)})`), "count", reach[i]?.reached ?? null);
      if (i > 0) put(r, 4, formula(`=IF(${ref(r - 1, 3)}=0,"",${ref(r, 3)}/${ref(r - 1, 3)})`), "percent", reach[i]?.conversion ?? null);
    });
    label(lastStep + 1, 1, T("closedStages"), "header");
    m.closed.forEach((c, i) => { label(lastStep + 2 + i, 1, c.label); figure(lastStep + 2 + i, 2, c.count, "count"); });
    return lastStep + 1 + m.closed.length;
  }, (first) => chartOf("bar", T("secFunnel"), T("colReached"), 1, 3, first, first + m.funnel.length - 1, m.funnel.map((f) => f.label), reach.map((r) => r.reached), "#,##0"));

  const withMonths = (c: Omit<DashChart, "anchor">): Omit<DashChart, "anchor"> => ({ ...c, cache: { ...c.cache, dates: { serials: m.months.map((x) => x.start), format: DASH_FORMATS.month } } });
  const monthCell = (r: number, x: DashboardMeasures["months"][number]) => put(r, 1, formula(`=${x.startFormula}`), "month", x.start);
  section("secFollowUps", [T("colMonth"), T("colFollowUps")], (first) => {
    m.months.forEach((x, i) => { monthCell(first + i, x); figure(first + i, 2, x.followUps, "count"); });
    return first + m.months.length - 1;
  }, (first, last) => withMonths(chartOf("line", T("secFollowUps"), T("chartFollowUps"), 1, 2, first, last, m.months.map((x) => x.month), m.months.map((x) => x.followUps.value), "#,##0")));

  section("secWon", [T("colMonth"), T("colWonCount"), T("colWonAmount")], (first) => {
    m.months.forEach((x, i) => { monthCell(first + i, x); figure(first + i, 2, x.won, "count"); figure(first + i, 3, x.wonAmount, "amount"); });
    return first + m.months.length - 1;
  }, (first, last) => withMonths(chartOf("column", T("secWon"), T("chartWonAmount"), 1, 3, first, last, m.months.map((x) => x.month), m.months.map((x) => x.wonAmount.value), "#,##0")));

  section("secLost", [T("colReason"), T("colCustomers")], (first) => {
    m.lostReasons.forEach((g, i) => { label(first + i, 1, g.label); figure(first + i, 2, g.count, "count"); });
    return first + m.lostReasons.length - 1;
  }, (first, last) => chartOf("pie", T("secLost"), T("colCustomers"), 1, 2, first, last, m.lostReasons.map((g) => g.label), m.lostReasons.map((g) => g.count.value), "#,##0"));

  section("secSources", [T("colSource"), T("colCustomers"), T("colWon"), T("colConversion")], (first) => {
    m.sources.forEach((g, i) => {
      const r = first + i;
      label(r, 1, g.label);
      figure(r, 2, g.customers, "count");
      figure(r, 3, g.won, "count");
      put(r, 4, formula(`=IF(${ref(r, 2)}=0,"",${ref(r, 3)}/${ref(r, 2)})`), "percent", g.conversion.value);
    });
    return first + m.sources.length - 1;
  });

  const asOf = formatIso(m.today);
  section("secCycle", [T("colIndustry"), T("colWonCustomers"), T("colAverage"), T("colMedian", { date: asOf })], (first) => {
    const rows = [{ label: T("cycleAll"), ...m.cycle }, ...m.cycleByIndustry];
    rows.forEach((g, i) => {
      const r = first + i;
      label(r, 1, g.label);
      figure(r, 2, g.count, "count");
      figure(r, 3, g.average, "days");
      // A median has no portable live formula: the value as of the build date, said in the header.
      put(r, 4, g.median === null ? text(T("missing")) : num(g.median), "days");
    });
    return first + rows.length - 1;
  });

  const ownerHeaders = [T("colOwner"), ...OWNER_KEYS.map((k) => T(OWNER_MSG[k], { n: m.cadenceA }))];
  lastCol = Math.max(lastCol, ownerHeaders.length);
  section("secOwners", ownerHeaders, (first) => {
    m.owners.forEach((o, i) => {
      label(first + i, 1, o.label);
      OWNER_KEYS.forEach((k, j) => figure(first + i, j + 2, o[k], "count"));
    });
    return first + Math.max(m.owners.length, 1) - 1;
  });

  const widths = [30, 12, 12, 12, 12, 8, 8, 8, 8, 8, 8, 8, 8, 8];
  // A column of w characters is 7w + 5 pixels in Calibri 11, nearer 9w where another font stands in
  // (LibreOffice without Calibri): sized for the wider, so nothing spills onto a second page across.
  const points = widths.reduce((a, w) => a + (w * 9 + 5) * 0.75, 0);
  const printScale = Math.min(100, Math.floor((784 / points) * 100));
  return { sheetName, cells, widths, charts, lastRow: row - 2, lastCol: Math.max(lastCol, CHART_COL1), pageBreaks: breaks, printScale };
}
