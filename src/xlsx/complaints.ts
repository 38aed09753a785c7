import { planComplaint, type ComplaintInput } from "../core/health/logComplaint";
import type { ComplaintStatus } from "../core/health/types";
import type { WallTime } from "../core/health/wallClock";
import type { Lang } from "../core/i18n/lang";
import type { PlanValue } from "../core/plan/plan";
import { Book, XlsxError } from "./book";
import { readBook } from "./read";
import { shiftFormula } from "./formula";
import { slaColumnsAt, slaFormula } from "../core/health/slaFormula";
import { COMPLAINT_COLUMNS } from "../core/health/columns";
import { isEmptyRow } from "../core/model/customers";
import { applyPatches, type SheetWrites, type TablePatch } from "./write";
import { atomicWrite, readFileChecked, type SaveProbe } from "./save";

export interface FileComplaintOutcome {
  readonly row: number;
  readonly customer: string;
  readonly status: ComplaintStatus;
  readonly lang: Lang;
}

/**
 * Appends one complaint as Excel does when a table grows: the row below the table (or the blank
 * placeholder row of a new one), the table's range, validation and highlight ranges extended, the
 * SLA status formula carried into the new row.
 */
export async function complaintFile(file: string, input: ComplaintInput, now: WallTime, probe?: SaveProbe): Promise<FileComplaintOutcome> {
  const book = new Book(readFileChecked(file));
  const r = await readBook(book, { customers: ["id", "name", "owner"], followUps: ["date"], complaints: "all" });
  const co = r.complaints;
  if (!co)
    throw XlsxError.of("noComplaintsSheet", {});
  const plan = planComplaint(r.model, input, now);
  // A new table's one blank row holds only our SLA formula: it is the placeholder to fill.
  const t = r.model.complaints;
  const inputs = COMPLAINT_COLUMNS.filter((c) => !c.derived).map((c) => c.key);
  const fillPlaceholder =
    t !== null &&
    t !== undefined &&
    t.rowCount === 1 &&
    co.lastRow === co.headerRow + 1 &&
    isEmptyRow(
      t,
      0,
      inputs.filter((k) => t.cols[k] !== undefined),
    );
  const row = fillPlaceholder ? co.lastRow : co.lastRow + 1;
  if (!fillPlaceholder && co.belowOccupied) {
    throw XlsxError.of("belowComplaintsTaken", { row }, { sheet: co.sheet.name, row });
  }
  const writes: SheetWrites = new Map([[row, new Map<number, PlanValue>()]]);
  const cells = writes.get(row) as Map<number, PlanValue>;
  for (const [key, v] of Object.entries(plan.row)) {
    const p = co.positions[key];
    if (p !== undefined && v.kind !== "blank") cells.set(co.firstCol + p, v);
  }
  // The placeholder row already holds the calculated columns; a new row gets them as Excel would.
  if (co.table && !fillPlaceholder) {
    co.table.columns.forEach((c, i) => {
      // The column's formula is written for the table's first data row; the new row reads it moved down.
      if (c.calculated) cells.set(co.firstCol + i, { kind: "formula", formula: `=${shiftFormula(c.calculated, row - co.headerRow - 1, 0)}` });
    });
  }
  // Our SLA status, written for this row whatever the table says (it reads this row's cells).
  const sheetCols = Object.fromEntries(Object.entries(co.positions).map(([k, p]) => [k, co.firstCol + p]));
  const sc = slaColumnsAt(sheetCols);
  if (sc && sheetCols.slaStatus !== undefined) cells.set(sheetCols.slaStatus, { kind: "formula", formula: slaFormula(sc, row, r.model.lang) });
  const growth = fillPlaceholder ? undefined : { from: co.lastRow, to: row };
  const tables: TablePatch[] = growth && co.table ? [{ path: co.table.path, xml: co.table.xml, from: growth.from, to: growth.to }] : [];
  const out = await applyPatches(book, [{ path: co.sheet.path, writes, newRowStyles: co.lastRowStyles, ...(growth ? { growth } : {}) }], tables);
  if (out !== null) atomicWrite(file, out, probe);
  return { row, customer: plan.customerId, status: plan.status, lang: r.model.lang };
}
