import { columnOf, type ColumnDef } from "../template/columnDef";

/**
 * The pool's derived column on the Customers table: a live formula (see countdownFormula.ts), so it
 * counts down with TODAY() where the add-in never runs. Appended after the grading columns.
 */
export const POOL_CUSTOMER_COLUMNS: readonly ColumnDef[] = [
  columnOf("customers")("daysToRelease", "number", 10, { derived: true, numberFormat: "0" }),
];
