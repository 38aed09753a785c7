import type { TableInfo } from "./structure";
import { queueWrite } from "./writeCells";
import { num, text, type PlanValue } from "../core/plan/plan";
import { localDateTimeSerial as localSerial } from "../core/_lib/calendar";

export interface AuditEntry {
  readonly user: string;
  readonly action: string;
  readonly target: string;
  readonly cells: number;
}

/** Excel's serial for a local wall-clock time (the audit log shows when, in the user's time zone). */
export { localDateTimeSerial as localSerial } from "../core/_lib/calendar";

/**
 * Queues one audit row in the caller's batch (no sync of its own). The row goes right below the
 * log table as Excel finds it when the batch runs, so a co-author's entry written since we read is
 * never overwritten; the table grows over it (its first cell, the time, is never blank). Only
 * `fillPlaceholder` (the install run, on the table it just created) fills the fresh table's
 * single blank row instead.
 */
export function queueAudit(context: Excel.RequestContext, info: TableInfo | undefined, e: AuditEntry, now: Date, fillPlaceholder = false): void {
  if (!info?.exists) return;
  const row: PlanValue[] = [{ kind: "number", value: localSerial(now) }, text(e.user), text(e.action), text(e.target), num(e.cells)];
  const body = info.table.getDataBodyRange();
  const range = fillPlaceholder && info.rowCount === 1 && info.lastRowBlank ? body.getLastRow() : body.getRowsBelow(1);
  const first = range.getCell(0, 0);
  first.numberFormat = [["yyyy-mm-dd hh:mm:ss"]];
  const width = info.headers.length;
  queueWrite(range, [row.slice(0, width).concat(Array.from({ length: Math.max(0, width - row.length) }, () => text("")))]);
}
