import type { DashboardLayout, DashCell } from "../core/dashboard/layout";
import { DATE1904_OFFSET } from "../core/_lib/calendar";
import { columnLetter } from "../core/model/workbookModel";
import type { DashboardStyles } from "./dashboardStyles";
import { escapeText, escapeXml } from "./xml";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function cellXml(c: DashCell, style: number, date1904: boolean): string {
  const ref = `${columnLetter(c.col)}${c.row}`;
  const v = c.value;
  switch (v.kind) {
    case "text": return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v.text)}</t></is></c>`;
    case "number": return `<c r="${ref}" s="${style}"><v>${v.value}</v></c>`;
    case "date": return `<c r="${ref}" s="${style}"><v>${date1904 ? v.day - DATE1904_OFFSET : v.day}</v></c>`;
    // No cached value: the workbook is marked for recalculation on open, so no stale figure is ever shown.
    case "formula": return `<c r="${ref}" s="${style}"><f>${escapeXml(v.formula.replace(/^=/, ""))}</f></c>`;
    default: return `<c r="${ref}" s="${style}"/>`;
  }
}

/** Row heights for rows that carry big or wrapped text; other rows keep the default. */
function rowHeight(cells: readonly DashCell[]): number | null {
  if (cells.some((c) => c.style === "title")) return 28;
  if (cells.some((c) => c.style === "kpiValue" || c.style === "kpiAmount")) return 32;
  // KPI labels wrap to three lines in the narrow columns under the charts.
  if (cells.some((c) => c.style === "kpiLabel")) return 46;
  if (cells.some((c) => c.style === "header")) return 44;
  if (cells.some((c) => c.style === "section")) return 22;
  if (cells.some((c) => c.style === "note" && c.value.kind === "text" && c.value.text.length > 60)) return 30;
  return null;
}

/**
 * The dashboard worksheet part: our cells, column widths, no gridlines, landscape A4 fitted to one
 * page wide at a fixed scale, a page break before any section that would not fit whole, and the drawing that holds the charts.
 */
export function dashboardSheetXml(layout: DashboardLayout, styles: DashboardStyles, date1904: boolean, drawingRelId: string | null): string {
  const byRow = new Map<number, DashCell[]>();
  for (const c of layout.cells) {
    let r = byRow.get(c.row);
    if (!r) { r = []; byRow.set(c.row, r); }
    r.push(c);
  }
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([n, cells]) => {
    cells.sort((a, b) => a.col - b.col);
    const h = rowHeight(cells);
    const body = cells.map((c) => cellXml(c, styles.index.get(c.style) ?? 0, date1904)).join("");
    return `<row r="${n}"${h ? ` ht="${h}" customHeight="1"` : ""}>${body}</row>`;
  }).join("");
  const cols = layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const dim = `A1:${columnLetter(layout.lastCol)}${Math.max(layout.lastRow, 1)}`;
  // The note under the title runs across the page, merged so it wraps rather than overflowing.
  const merges = `<mergeCells count="1"><mergeCell ref="A3:${columnLetter(layout.lastCol)}3"/></mergeCells>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`
    + `<dimension ref="${dim}"/>`
    + `<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`
    + `<cols>${cols}</cols><sheetData>${rows}</sheetData>${merges}`
    + `<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>`
    + `<pageSetup paperSize="9" scale="${layout.printScale}" orientation="landscape"/>`
    + (layout.pageBreaks.length ? `<rowBreaks count="${layout.pageBreaks.length}" manualBreakCount="${layout.pageBreaks.length}">${layout.pageBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>` : "")
    + (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : "")
    + `</worksheet>`;
}
