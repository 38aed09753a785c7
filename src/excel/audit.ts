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
 * Queues one audit row below the hidden log table, in the caller's batch (no sync of its own).
 * A table whose body is still the single blank row of a fresh install gets that row filled.
 */
export function queueAudit(context: Excel.RequestContext, info: TableInfo | undefined, e: AuditEntry, now: Date, firstRowBlank: boolean): void {
  if (!info?.exists) return;
  const row: PlanValue[] = [{ kind: "number", value: localSerial(now) }, text(e.user), text(e.action), text(e.target), num(e.cells)];
  const sheet = context.workbook.worksheets.getItem(info.sheetName);
  const offset = firstRowBlank ? 1 : info.rowCount + 1;
  const range = sheet.getRangeByIndexes(info.headerRowIndex + offset, info.columnIndex, 1, 5);
  queueWrite(range, [row]);
  range.getCell(0, 0).numberFormat = [["yyyy-mm-dd hh:mm:ss"]];
}
