import type { ColumnWrite, CellWrite, PlanValue } from "../core/plan/plan";
import type { TableInfo } from "./structure";
import { estimateBytes, queueWrite } from "./writeCells";
import { CHUNK_BYTES } from "./readModel";

/**
 * Writes whole derived columns of a table in row chunks sized under the request limit, one sync a
 * chunk; rows with nothing to write are never touched. Returns the number of cells written.
 */
export async function writeColumns(
  context: Excel.RequestContext, info: TableInfo, writes: readonly ColumnWrite[], extra: readonly CellWrite[],
  queueLast: () => void = () => undefined, onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const sheet = context.workbook.worksheets.getItem(info.sheetName);
  const present = writes.filter((w) => info.positions[w.key] !== undefined);
  const n = info.rowCount;
  // Bytes per row, to size the chunks.
  let total = 0;
  for (const w of present) total += estimateBytes(w.values.map((v) => [v]));
  const chunks = Math.max(1, Math.ceil(total / CHUNK_BYTES));
  const size = Math.ceil(n / chunks);
  let cells = 0;
  for (let c = 0; c < chunks; c++) {
    const start = c * size;
    const count = Math.max(0, Math.min(size, n - start));
    for (const w of count > 0 ? present : []) {
      const slice = w.values.slice(start, start + count);
      if (slice.every((v) => v === null)) continue;
      cells += slice.filter((v) => v !== null).length;
      const range = sheet.getRangeByIndexes(info.headerRowIndex + 1 + start, info.columnIndex + (info.positions[w.key] as number), count, 1);
      queueWrite(range, slice.map((v) => [v]));
    }
    if (c === chunks - 1) {
      cells += queueCells(sheet, info, extra);
      queueLast();
    }
    // One sync per payload chunk (Excel on the web refuses requests over 5 MB), never per row.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    onProgress?.(c + 1, chunks);
  }
  return cells;
}

/** Single cells (a generated ID, a stage change) queued into the current batch. */
export function queueCells(sheet: Excel.Worksheet, info: TableInfo, cells: readonly CellWrite[]): number {
  let n = 0;
  for (const w of cells) {
    const p = info.positions[w.key];
    if (p === undefined) continue;
    queueWrite(sheet.getRangeByIndexes(info.headerRowIndex + 1 + w.index, info.columnIndex + p, 1, 1), [[w.value as PlanValue]]);
    n++;
  }
  return n;
}
