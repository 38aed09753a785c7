/**
 * Structural edits of a sheet as Excel performs them: whole rows inserted, deleted or sorted, whole
 * columns inserted. Tables, validations, conditional formats, hidden rows and merges move with the
 * cells; a row inserted inside a table grows it and takes its formats and calculated formulas.
 * Used by the double's Range.insert/delete and by the co-author helpers (a second client's edits).
 */
import { MAX_COLS, MAX_ROWS, type Rect } from "./a1";
import type { Cell, SheetStore, TableStore, WorkbookStore } from "./store";

const clampRow = (r: number) => Math.min(r, MAX_ROWS - 1);
const clampCol = (c: number) => Math.min(c, MAX_COLS - 1);

function shiftRect(rect: Rect, at: number, n: number): Rect | null {
  if (n > 0) {
    if (rect.r0 >= at) return { ...rect, r0: clampRow(rect.r0 + n), r1: clampRow(rect.r1 + n) };
    if (rect.r1 >= at) return { ...rect, r1: clampRow(rect.r1 + n) };
    return rect;
  }
  const k = -n;
  const end = at + k - 1;
  if (rect.r1 < at) return rect;
  if (rect.r0 > end) return { ...rect, r0: rect.r0 - k, r1: rect.r1 - k };
  const lost = Math.min(rect.r1, end) - Math.max(rect.r0, at) + 1;
  const r0 = rect.r0 < at ? rect.r0 : at;
  const r1 = rect.r1 - k;
  return r1 < r0 || lost >= rect.r1 - rect.r0 + 1 ? null : { ...rect, r0, r1 };
}

function shiftRectCols(rect: Rect, at: number, n: number): Rect {
  if (rect.c0 >= at) return { ...rect, c0: clampCol(rect.c0 + n), c1: clampCol(rect.c1 + n) };
  if (rect.c1 >= at) return { ...rect, c1: clampCol(rect.c1 + n) };
  return rect;
}

/** The template of a formula written on one row: that row's number in each reference becomes `{row}`. */
export function rowTemplate(formula: string, row1: number): string {
  return formula.replace(new RegExp(`(\\$?[A-Z]{1,3})${row1}(?![0-9])`, "g"), "$1{row}");
}

export function fillTemplate(template: string, row1: number): string {
  return template.split("{row}").join(String(row1));
}

/** New body rows of a table take the formats of the row above and the calculated formulas. */
export function inheritRows(sheet: SheetStore, t: TableStore, r0: number, r1: number): void {
  const src = r0 - 1 > t.rect.r0 ? r0 - 1 : null;
  // Validations and conditional formats set on a column's body rows grow with it.
  const grows = (rect: Rect) => rect.r1 === r0 - 1 && rect.r0 > t.rect.r0 && rect.c0 >= t.rect.c0 && rect.c1 <= t.rect.c1;
  for (const v of sheet.validations) if (grows(v.rect)) v.rect = { ...v.rect, r1 };
  for (const cf of sheet.conditionalFormats) if (grows(cf.rect)) cf.rect = { ...cf.rect, r1 };
  for (let r = r0; r <= r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const above = src !== null ? sheet.cell(src, c) : undefined;
      const calc = t.calculated?.get(c - t.rect.c0);
      if (!above && !calc) continue;
      const cell = sheet.ensure(r, c);
      if (above && cell.nf === "General") cell.nf = above.nf;
      if (above?.fill !== undefined && cell.fill === undefined) cell.fill = above.fill;
      if (calc && cell.f === null && (cell.v === null || cell.v === "")) {
        cell.f = fillTemplate(calc, r + 1);
        cell.v = null;
      }
    }
  }
}

/** Excel adjusts a moved formula's references to its own row (the only kind our sheets hold). */
function retarget(cell: Cell, from: number, to: number): void {
  if (cell.f !== null) cell.f = fillTemplate(rowTemplate(cell.f, from + 1), to + 1);
}

function moveRows(sheet: SheetStore, map: (r: number) => number | null): void {
  const moved = new Map<number, Map<number, Cell>>();
  for (const [r, row] of sheet.cells) {
    const to = map(r);
    if (to === null) continue;
    if (to !== r) for (const cell of row.values()) retarget(cell, r, to);
    moved.set(to, row);
  }
  sheet.cells.clear();
  for (const [r, row] of moved) sheet.cells.set(r, row);
  const hidden = [...sheet.hiddenRows].map(map).filter((r): r is number => r !== null);
  sheet.hiddenRows.clear();
  for (const r of hidden) sheet.hiddenRows.add(r);
  const heights = [...sheet.rowHeights].map(([r, h]) => [map(r), h] as const).filter((e): e is readonly [number, number] => e[0] !== null);
  sheet.rowHeights.clear();
  for (const [r, h] of heights) sheet.rowHeights.set(r, h);
}

/** Inserts `n` whole rows before 0-based row `at` (what a person's "Insert rows" does). */
export function insertRows(store: WorkbookStore, sheet: SheetStore, at: number, n: number): void {
  moveRows(sheet, (r) => (r >= at ? r + n : r));
  for (const v of sheet.validations) v.rect = shiftRect(v.rect, at, n) ?? v.rect;
  for (const cf of sheet.conditionalFormats) cf.rect = shiftRect(cf.rect, at, n) ?? cf.rect;
  for (let i = 0; i < sheet.merges.length; i++) sheet.merges[i] = shiftRect(sheet.merges[i] as Rect, at, n) ?? (sheet.merges[i] as Rect);
  if (sheet.autoFilter) sheet.autoFilter = shiftRect(sheet.autoFilter, at, n);
  for (const t of store.tables) {
    if (t.sheetId !== sheet.id) continue;
    const inside = at > t.rect.r0 && at <= t.rect.r1;
    t.rect = shiftRect(t.rect, at, n) ?? t.rect;
    if (inside) inheritRows(sheet, t, at, at + n - 1);
  }
}

/** Deletes `n` whole rows from 0-based row `at`. */
export function deleteRows(store: WorkbookStore, sheet: SheetStore, at: number, n: number): void {
  moveRows(sheet, (r) => (r < at ? r : r < at + n ? null : r - n));
  for (const v of sheet.validations) v.rect = shiftRect(v.rect, at, -n) ?? v.rect;
  for (const cf of sheet.conditionalFormats) cf.rect = shiftRect(cf.rect, at, -n) ?? cf.rect;
  if (sheet.autoFilter) sheet.autoFilter = shiftRect(sheet.autoFilter, at, -n);
  for (const t of store.tables) {
    if (t.sheetId !== sheet.id) continue;
    if (at <= t.rect.r0 && at + n - 1 >= t.rect.r0) throw new Error("the double does not delete a table's header row");
    t.rect = shiftRect(t.rect, at, -n) ?? t.rect;
  }
}

/** Inserts `n` whole columns before 0-based column `at`. */
export function insertColumns(store: WorkbookStore, sheet: SheetStore, at: number, n: number): void {
  for (const row of sheet.cells.values()) {
    const moved = [...row].map(([c, cell]) => [c >= at ? c + n : c, cell] as const);
    row.clear();
    for (const [c, cell] of moved) row.set(c, cell);
  }
  const widths = [...sheet.columnWidths].map(([c, w]) => [c >= at ? c + n : c, w] as const);
  sheet.columnWidths.clear();
  for (const [c, w] of widths) sheet.columnWidths.set(c, w);
  for (const v of sheet.validations) v.rect = shiftRectCols(v.rect, at, n);
  for (const cf of sheet.conditionalFormats) cf.rect = shiftRectCols(cf.rect, at, n);
  for (const t of store.tables) if (t.sheetId === sheet.id) t.rect = shiftRectCols(t.rect, at, n);
}

function sortKey(v: Cell | undefined): [number, string | number] {
  const x = v?.v;
  if (x === null || x === undefined || x === "") return [2, ""];
  return typeof x === "number" ? [0, x] : [1, String(x)];
}

/** Sorts a table's body rows by one of its columns (only the table's cells move, as in Excel). */
export function sortTable(sheet: SheetStore, t: TableStore, columnOffset: number, descending = false): void {
  const r0 = t.rect.r0 + 1;
  const r1 = t.rect.r1 - (t.showTotals ? 1 : 0);
  const rowsIn: Array<Map<number, Cell>> = [];
  for (let r = r0; r <= r1; r++) {
    const m = new Map<number, Cell>();
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = sheet.cell(r, c);
      if (cell) m.set(c, cell);
    }
    rowsIn.push(m);
  }
  const col = t.rect.c0 + columnOffset;
  const order = rowsIn.map((m, i) => ({ m, i, k: sortKey(m.get(col)) }));
  order.sort((a, b) => {
    if (a.k[0] !== b.k[0]) return a.k[0] - b.k[0];
    const d = a.k[0] === 0 ? (a.k[1] as number) - (b.k[1] as number) : String(a.k[1]).localeCompare(String(b.k[1]));
    return (descending && a.k[0] !== 2 ? -d : d) || a.i - b.i;
  });
  order.forEach((o, i) => {
    const r = r0 + i;
    if (o.i !== i) for (const cell of o.m.values()) retarget(cell, r0 + o.i, r);
    let row = sheet.cells.get(r);
    if (!row) { row = new Map(); sheet.cells.set(r, row); }
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = o.m.get(c);
      if (cell) row.set(c, cell);
      else row.delete(c);
    }
  });
}
