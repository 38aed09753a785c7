import { columnOf, type ColumnDef } from "../template/columnDef";

const customer = columnOf("customers");
const complaint = columnOf("complaints");

/** Shown with a time: the complaint clock runs in hours. */
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

/** The Customers table's value-tier columns, written by the same grading run as the grade. */
export const TIER_COLUMNS: readonly ColumnDef[] = [
  customer("valueTier", "text", 9, { derived: true }),
  customer("tierReason", "text", 30, { derived: true }),
];

/** 投诉记录 / Complaints (seed 002's 投诉处理记录表); the words are the catalogues' `complaints.*` columns. */
export const COMPLAINT_COLUMNS: readonly ColumnDef[] = [
  complaint("receivedAt", "date", 17, { required: true, numberFormat: DATE_TIME_FORMAT }),
  // Only a warning: a complaint may be logged before its customer's row is typed.
  complaint("customerId", "id", 16, { required: true, warnOnly: true }),
  complaint("customerName", "text", 24, { derived: true }),
  complaint("summary", "text", 36, { required: true }),
  complaint("by", "list", 9, { list: "team", required: true, warnOnly: true }),
  complaint("respondedAt", "date", 17, { numberFormat: DATE_TIME_FORMAT }),
  complaint("solution", "text", 30),
  complaint("solvedAt", "date", 17, { numberFormat: DATE_TIME_FORMAT }),
  complaint("calledBackOn", "date", 12),
  complaint("satisfaction", "number", 8),
  complaint("improvement", "text", 24),
  // General, not Text: a formula in a Text cell would be stored as text.
  complaint("slaStatus", "text", 10, { derived: true, numberFormat: "General" }),
];

/** The columns grading and the check read from the Complaints table. */
export const COMPLAINT_READ_KEYS = ["receivedAt", "customerId", "respondedAt", "solvedAt", "calledBackOn"] as const;
