/**
 * What the file door wrote for the dashboard, read back from the package: each cell's content,
 * each chart's type, title and ranges with its anchor, the print scale and page breaks. The
 * add-in's tests hold the Excel door to these, so both doors build the same sheet.
 */
import * as fs from "fs";
import { Book } from "../../src/xlsx/book";
import { children, child, descendants, parseXml, root, textContent, NS, type Element } from "../../src/xlsx/dom";

const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";

export type CellContent = { readonly kind: "text"; readonly text: string } | { readonly kind: "number"; readonly value: number } | { readonly kind: "formula"; readonly formula: string };

export interface FileChart {
  /** The plot element: pieChart, barChart (barDir bar or col), lineChart. */
  readonly plot: string;
  readonly barDir: string | null;
  readonly title: string;
  readonly values: string;
  readonly categories: string;
  /** The series name as cached (c:tx), "" when the chart names none. */
  readonly seriesName: string;
  /** The drawing's anchor cells, 0-based: from (col, row) to (col, row). */
  readonly from: { readonly col: number; readonly row: number };
  readonly to: { readonly col: number; readonly row: number };
}

export interface FileDashboard {
  readonly name: string;
  readonly cells: ReadonlyMap<string, CellContent>;
  readonly charts: readonly FileChart[];
  readonly orientation: string | null;
  readonly scale: number | null;
  readonly rowBreaks: readonly number[];
}

const anchorCell = (el: Element | null) => ({
  col: Number(textContent(child(el as Element, "col", DRAWING_NS) as Element)),
  row: Number(textContent(child(el as Element, "row", DRAWING_NS) as Element)),
});

/** The dashboard sheet of a workbook file built by `dashboardFile`. */
export function readFileDashboard(file: string, sheetName: string): FileDashboard {
  const book = new Book(fs.readFileSync(file));
  const ref = book.sheets.find((s) => s.name === sheetName);
  if (!ref) throw new Error(`no sheet ${sheetName} in ${file}`);
  const sheet = root(parseXml(ref.path, book.text(ref.path) ?? ""));
  const cells = new Map<string, CellContent>();
  for (const c of descendants(sheet, "c")) {
    const r = c.getAttribute("r") ?? "";
    const f = child(c, "f");
    const is = child(c, "is");
    const v = child(c, "v");
    if (f) cells.set(r, { kind: "formula", formula: `=${textContent(f)}` });
    else if (is) cells.set(r, { kind: "text", text: descendants(is, "t").map(textContent).join("") });
    else if (v) cells.set(r, { kind: "number", value: Number(textContent(v)) });
  }
  const setup = child(sheet, "pageSetup");
  const breaks = child(sheet, "rowBreaks");
  const charts: FileChart[] = [];
  const drawingRel = book.relsTyped(ref.path).find((x) => x.type.endsWith("/drawing"));
  if (drawingRel) {
    const drawing = root(parseXml(drawingRel.target, book.text(drawingRel.target) ?? ""));
    const chartRels = new Map(book.relsTyped(drawingRel.target).map((x) => [x.id, x.target]));
    for (const anchor of children(drawing, "twoCellAnchor", DRAWING_NS)) {
      const chartRef = descendants(anchor, "chart", CHART_NS)[0];
      const target = chartRels.get(chartRef?.getAttributeNS(NS.rel, "id") ?? "") ?? "";
      const chart = root(parseXml(target, book.text(target) ?? ""));
      const plotArea = descendants(chart, "plotArea", CHART_NS)[0] as Element;
      const plot = [...descendants(plotArea, "pieChart", CHART_NS), ...descendants(plotArea, "barChart", CHART_NS), ...descendants(plotArea, "lineChart", CHART_NS)][0] as Element;
      const ser = descendants(plot, "ser", CHART_NS)[0] as Element;
      const f = (part: string) => textContent(descendants(child(ser, part, CHART_NS) as Element, "f", CHART_NS)[0] as Element);
      charts.push({
        plot: plot.localName ?? "",
        barDir: child(plot, "barDir", CHART_NS)?.getAttribute("val") ?? null,
        title: descendants(child(child(chart, "chart", CHART_NS) as Element, "title", CHART_NS) as Element, "t", A_NS).map(textContent).join(""),
        values: f("val"),
        seriesName: (() => { const tx = child(ser, "tx", CHART_NS); return tx ? [...descendants(tx, "v", CHART_NS), ...descendants(tx, "t", A_NS)].map(textContent).join("") : ""; })(),
        categories: f("cat"),
        from: anchorCell(child(anchor, "from", DRAWING_NS)),
        to: anchorCell(child(anchor, "to", DRAWING_NS)),
      });
    }
  }
  return {
    name: sheetName,
    cells,
    charts,
    orientation: setup?.getAttribute("orientation") ?? null,
    scale: setup?.getAttribute("scale") ? Number(setup.getAttribute("scale")) : null,
    rowBreaks: breaks ? children(breaks, "brk").map((b) => Number(b.getAttribute("id"))) : [],
  };
}
