import type { ColumnDef } from "../template/columns";

/**
 * The pool's derived column on the Customers table: a live formula (see countdownFormula.ts), so it
 * counts down with TODAY() where the add-in never runs. Appended after the grading columns.
 */
export const POOL_CUSTOMER_COLUMNS: readonly ColumnDef[] = [
  { key: "daysToRelease", header: { "zh-CN": "距释放(天)", "en-US": "Days to release" }, type: "number", width: 10, derived: true, numberFormat: "0" },
];
