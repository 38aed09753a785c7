import type { ColumnDef } from "../core/template/columns";
import { AUDIT_COLUMNS } from "../core/template/sheets";
import { auditRowValues, type AuditEntry } from "../core/pool/audit";
import type { PlanValue } from "../core/plan/plan";
import { XlsxError } from "./book";
import type { Located } from "./read";
import type { SheetPatch, SheetWrites, TablePatch } from "./write";

/** The Audit log's columns as definitions, so the file door finds them by header like any of our tables. */
export const AUDIT_COLUMN_DEFS: readonly ColumnDef[] = (Object.keys(AUDIT_COLUMNS) as Array<keyof typeof AUDIT_COLUMNS>).map((key) => ({
  key, header: AUDIT_COLUMNS[key], type: key === "cells" ? "number" : "text", width: 12,
}));

/**
 * Rows appended to the audit log as Excel appends to a table: the fresh table's blank row is
 * filled first, the table, its filter and the sheet's ranges grow, new cells take the last row's
 * styles. Refuses when something of the user's sits right below (it would be overwritten).
 */
export function auditPatch(audit: Located, entries: readonly AuditEntry[], now: Date): { sheet: SheetPatch; table: TablePatch | null } | null {
  if (entries.length === 0 || !audit.table) return null;
  const placeholder = audit.lastRowBlank && audit.lastRow === audit.headerRow + 1;
  const first = placeholder ? audit.lastRow : audit.lastRow + 1;
  if (audit.belowOccupied && !(placeholder && entries.length === 1)) {
    throw XlsxError.of("belowAuditTaken", { row: audit.lastRow + 1 }, { sheet: audit.sheet.name, row: audit.lastRow + 1 });
  }
  const writes: SheetWrites = new Map();
  entries.forEach((e, i) => {
    const cells = new Map<number, PlanValue>();
    auditRowValues(e, now).forEach((v, j) => {
      const p = audit.positions[AUDIT_COLUMN_DEFS[j]?.key ?? ""];
      if (p !== undefined) cells.set(audit.firstCol + p, v);
    });
    writes.set(first + i, cells);
  });
  const last = first + entries.length - 1;
  const grows = last > audit.lastRow;
  return {
    sheet: { path: audit.sheet.path, writes, newRowStyles: audit.lastRowStyles, ...(grows ? { growth: { from: audit.lastRow, to: last } } : {}) },
    table: grows ? { path: audit.table.path, xml: audit.table.xml, from: audit.lastRow, to: last } : null,
  };
}
