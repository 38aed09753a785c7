import type { Rect } from "./a1";

export type CellValue = string | number | boolean | null;

export interface Cell {
  v: CellValue;
  /** Formula text (starting with `=`), or null for a constant. */
  f: string | null;
  nf: string;
  fill?: string;
  font?: string;
  bold?: boolean;
  wrap?: boolean;
  locked?: boolean;
  /** Font size in points (Excel's default 11 when absent). */
  size?: number;
  halign?: string;
  valign?: string;
  shrink?: boolean;
}

export interface ValidationEntry {
  rect: Rect;
  rule: Record<string, unknown>;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatEntry {
  id: number;
  rect: Rect;
  type: string;
  formula: string | null;
  fill: string | null;
  font: string | null;
  priority: number;
  stopIfTrue: boolean;
}

export interface TableStore {
  id: string;
  name: string;
  sheetId: string;
  /** Header row + body (+ totals row when shown). */
  rect: Rect;
  showTotals: boolean;
  showHeaders: boolean;
  style: string;
  /** A filter with criteria is applied to the table (its hidden rows are on the sheet). */
  filtered?: boolean;
  /**
   * Calculated columns: column offset → formula with `{row}` for the row number. Excel makes a
   * formula set on a whole column of an existing table's body its calculated column and copies it
   * into every new row.
   */
  calculated?: Map<number, string>;
}

export interface ChartSeriesEntry {
  name: string;
  /** `'Sheet'!A1:A5`, or `#REF!` once the sheet it pointed at is deleted. */
  values: string;
  xValues: string | null;
}

export interface ChartEntry {
  type: string;
  source: string;
  seriesBy: string;
  /** Below: what a chart holds after add (Excel's defaults) and the calls that changed it. */
  id: string;
  name: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean };
  dataLabels: { showValue: boolean };
  categoryAxis: { reversePlotOrder: boolean };
  series: ChartSeriesEntry[];
  /** The cells the chart covers after setPosition (local addresses, end null when not given). */
  position: { start: string; end: string | null } | null;
}

export interface PageLayoutEntry {
  orientation: "Portrait" | "Landscape";
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
}

export class SheetStore {
  readonly cells = new Map<number, Map<number, Cell>>();
  readonly validations: ValidationEntry[] = [];
  readonly conditionalFormats: ConditionalFormatEntry[] = [];
  readonly charts: ChartEntry[] = [];
  readonly pageLayout: PageLayoutEntry = { orientation: "Portrait", zoom: { scale: 100 } };
  /** Manual page breaks: 0-based row (column) each break sits above (left of), sorted. */
  readonly rowBreaks: number[] = [];
  readonly columnBreaks: number[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly merges: Rect[] = [];
  readonly names = new Map<string, string>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Rows hidden by a filter (0-based). */
  readonly hiddenRows = new Set<number>();
  /** Columns the user hid (0-based). */
  readonly hiddenColumns = new Set<number>();
  /** The sheet's own autofilter range, when one is on (outside any table). */
  autoFilter: Rect | null = null;
  protected = false;
  frozenRows = 0;
  constructor(readonly id: string, public name: string) {}

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(r)?.get(c);
  }
  ensure(r: number, c: number): Cell {
    let row = this.cells.get(r);
    if (!row) {
      row = new Map();
      this.cells.set(r, row);
    }
    let cell = row.get(c);
    if (!cell) {
      cell = { v: null, f: null, nf: "General" };
      row.set(c, cell);
    }
    return cell;
  }
  /** Bounding box of cells holding a value or formula (and, unless valuesOnly, any format). */
  used(valuesOnly: boolean): Rect | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        const has = cell.v !== null && cell.v !== "" ? true : cell.f !== null ? true : !valuesOnly && (cell.nf !== "General" || cell.fill !== undefined || cell.font !== undefined);
        if (!has) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

/** The whole workbook a double's clients share (co-authors see one store). */
export class WorkbookStore {
  readonly sheets: SheetStore[] = [];
  readonly tables: TableStore[] = [];
  readonly names = new Map<string, string>();
  /** Workbook names hidden from the Name Manager (`visible = false`), by lower-case name. */
  readonly hiddenNames = new Set<string>();
  readonly settings = new Map<string, unknown>();
  selection: { sheetId: string; rect: Rect } | null = null;
  activeSheetId: string | null = null;
  private nextId = 1;
  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }
  sheetByName(name: string): SheetStore | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }
  sheetById(id: string): SheetStore | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  table(name: string): TableStore | undefined {
    const n = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === n);
  }
}
