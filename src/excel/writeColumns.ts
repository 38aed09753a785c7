import type { CellWrite, ColumnWrite, IdFilling, PlanValue } from "../core/plan/plan";
import type { TableInfo } from "./structure";
import { estimateBytes, queueWrite } from "./writeCells";
import { CHUNK_BYTES } from "./readModel";
import { isPayloadTooLarge } from "./errors";
import { GUARD_BYTES, queueRowGuard, rowKeys, RowsMovedSignal, sameKey, type RowKey } from "./rowGuard";
import { toRaw } from "./structure";

/** Generated IDs (`idFills`) are written only where the ID cell is still blank. */
export interface GuardedWrites extends IdFilling {
  readonly info: TableInfo;
  /** Each data row's key as read; a row whose key is `none` is never written. */
  readonly keys: readonly RowKey[];
  readonly writes: readonly ColumnWrite[];
  /** Data rows a filter hides, or null when no filter is on. */
  readonly hidden: ReadonlySet<number> | null;
  /** Called before each chunk; throws to stop between chunks (a time budget). */
  readonly beforeChunk?: () => void;
  /**
   * Rows checked after the write instead of guarded before it ("all", or a set): rows Excel's find
   * may not see (hidden by a filter, or in a hidden column). Their keys are read in the same batch,
   * before its writes; a mismatch redoes the run. They get no generated ID.
   */
  readonly verify: ReadonlySet<number> | "all" | null;
}

/**
 * Writes whole derived columns of a table in row chunks sized under the request limit, one sync a
 * chunk. Each chunk's batch starts with a guard per row it writes (see rowGuard.ts): if a
 * co-author moved rows since we read them, the batch stops before any write and the caller redoes
 * the run from a fresh read (the guard's ItemNotFound propagates). A chunk refused for its size is
 * retried in halves. Returns the number of cells written.
 */
export async function writeGuarded(context: Excel.RequestContext, w: GuardedWrites, queueLast: () => void = () => undefined, onProgress?: (done: number, total: number) => void): Promise<number> {
  const { info } = w;
  const present = w.writes.filter((x) => info.positions[x.key] !== undefined);
  const n = info.rowCount;
  let total = n * GUARD_BYTES;
  for (const x of present) total += estimateBytes(x.values.map((v) => [v]));
  const chunks = Math.max(1, Math.ceil(total / CHUNK_BYTES));
  const size = Math.max(1, Math.ceil(n / chunks));
  const fills = new Map<number, CellWrite[]>();
  for (const f of w.idFills) {
    const list = fills.get(f.index) ?? [];
    list.push(f);
    fills.set(f.index, list);
  }
  let cells = 0;
  for (let c = 0; c < chunks; c++) {
    const start = c * size;
    const count = Math.max(0, Math.min(size, n - start));
    const last = c === chunks - 1 || start + count >= n;
    w.beforeChunk?.();
    cells += await writeChunk(context, w, present, fills, start, count, last ? queueLast : null);
    onProgress?.(c + 1, chunks);
    if (last) break;
  }
  return cells;
}

async function writeChunk(context: Excel.RequestContext, w: GuardedWrites, present: readonly ColumnWrite[], fills: ReadonlyMap<number, readonly CellWrite[]>, start: number, count: number, queueLast: (() => void) | null): Promise<number> {
  const { info } = w;
  const sheet = context.workbook.worksheets.getItem(info.sheetName);
  // Suspension lasts until the next sync only: every write batch asks again.
  context.workbook.application.suspendApiCalculationUntilNextSync();
  let cells = 0;
  const writes: Array<() => void> = [];
  const checked: number[] = [];
  for (let i = start; i < start + count; i++) {
    const key = w.keys[i] ?? { kind: "none" };
    if (key.kind === "none") continue;
    if (w.verify === "all" || w.verify?.has(i)) {
      checked.push(i);
      continue;
    }
    const rowFills = fills.get(i) ?? [];
    queueRowGuard(sheet, info, i, key, rowFills.some((f) => f.key === "id"));
    for (const f of rowFills) {
      const p = info.positions[f.key];
      if (p === undefined) continue;
      writes.push(() => queueWrite(sheet.getRangeByIndexes(info.headerRowIndex + 1 + f.index, info.columnIndex + p, 1, 1), [[f.value]]));
      cells++;
    }
  }
  for (const x of present) {
    const p = info.positions[x.key] as number;
    for (const run of runs(w, x.values, start, count)) {
      const slice = x.values.slice(run.start, run.start + run.count);
      cells += slice.filter((v) => v !== null).length;
      writes.push(() => queueWrite(sheet.getRangeByIndexes(info.headerRowIndex + 1 + run.start, info.columnIndex + p, run.count, 1), slice.map((v) => [v])));
    }
  }
  // The checked rows' keys as they are when this batch runs, read before its writes.
  const seen = checked.length > 0 ? queueKeyRead(sheet, info, start, count) : null;
  // Guards first, then the writes: Excel stops a batch at its first failing operation.
  for (const q of writes) q();
  queueLast?.();
  try {
    // One sync per payload chunk (Excel on the web refuses requests over 5 MB), never per row.
    await context.sync();
  } catch (e) {
    if (!isPayloadTooLarge(e) || count < 2) throw e;
    // Refused for its size, nothing of it applied: the same rows in two halves.
    const half = Math.ceil(count / 2);
    return (await writeChunk(context, w, present, fills, start, half, null)) + (await writeChunk(context, w, present, fills, start + half, count - half, queueLast));
  }
  if (seen) {
    const now = rowKeys(seen.ids?.values.map((r) => toRaw(r[0])) ?? [], seen.names?.values.map((r) => toRaw(r[0])) ?? [], count);
    if (checked.some((i) => !sameKey(now[i - start], w.keys[i]))) throw new RowsMovedSignal();
  }
  return cells;
}

function queueKeyRead(sheet: Excel.Worksheet, info: TableInfo, start: number, count: number): { ids: Excel.Range | null; names: Excel.Range | null } {
  const col = (key: string) => {
    const p = info.positions[key];
    return p === undefined ? null : sheet.getRangeByIndexes(info.headerRowIndex + 1 + start, info.columnIndex + p, count, 1).load("values");
  };
  return { ids: col("id"), names: col("name") };
}

/**
 * Runs of rows to write in one range: rows with a value and a key, split where a filter's hidden
 * rows begin or end (a write across shown and hidden rows misplaces values: office-js#224).
 */
function runs(w: GuardedWrites, values: ReadonlyArray<PlanValue | null>, start: number, count: number): Array<{ start: number; count: number }> {
  const out: Array<{ start: number; count: number }> = [];
  let cur: { start: number; count: number; hidden: boolean } | null = null;
  for (let i = start; i < start + count; i++) {
    const ok = values[i] !== null && values[i] !== undefined && (w.keys[i]?.kind ?? "none") !== "none";
    const hidden = w.hidden?.has(i) ?? false;
    if (ok && cur && cur.hidden === hidden && cur.start + cur.count === i) {
      cur.count++;
      continue;
    }
    if (cur) out.push({ start: cur.start, count: cur.count });
    cur = ok ? { start: i, count: 1, hidden } : null;
  }
  if (cur) out.push({ start: cur.start, count: cur.count });
  return out;
}

/** Single cells (a stage change) queued into the current batch, after the caller's row guard. */
export function queueCells(sheet: Excel.Worksheet, info: TableInfo, cells: readonly CellWrite[]): number {
  let n = 0;
  for (const w of cells) {
    const p = info.positions[w.key];
    if (p === undefined) continue;
    queueWrite(sheet.getRangeByIndexes(info.headerRowIndex + 1 + w.index, info.columnIndex + p, 1, 1), [[w.value]]);
    n++;
  }
  return n;
}
