import type { Lang } from "../i18n/lang";
import { columnLetter } from "../model/workbookModel";
import { headerText } from "../model/headers";
import { numberFormatOf } from "../template/columns";
import { SHEETS, sheetName } from "../template/sheets";
import { BLANK, type PlanValue } from "../plan/plan";
import { COLORS, type ConditionalFormatSpec, type NameSpec, type TableSpec, type ValidationSpec } from "../plan/installPlan";
import { HEALTH_RULE_DEFS } from "./healthRules";
import { COMPLAINT_COLUMNS } from "./columns";
import { slaColumnsAt, slaFormula, slaLateFormula } from "./slaFormula";
import { columnValidations } from "../template/validations";
import { sheetRef } from "../_lib/a1";

/** Column key → 1-based worksheet column of a new Complaints table at A1. */
export const COMPLAINT_POSITIONS: Readonly<Record<string, number>> = Object.fromEntries(COMPLAINT_COLUMNS.map((d, i) => [d.key, i + 1]));

/** The Complaints table for a new sheet: one blank row, the SLA status as its calculated column. */
export function complaintsTable(lang: Lang, rows: readonly PlanValue[][] = []): TableSpec {
  const sc = slaColumnsAt(COMPLAINT_POSITIONS);
  return {
    sheet: "complaints",
    name: SHEETS.complaints.table as string,
    row: 1,
    column: 1,
    headers: COMPLAINT_COLUMNS.map((d) => headerText(d, lang)),
    // One blank row when empty: the table's calculated column and validations have a row to live on.
    rows: rows.length > 0 ? rows.map((r) => [...r]) : [COMPLAINT_COLUMNS.map(() => BLANK)],
    numberFormats: COMPLAINT_COLUMNS.map(numberFormatOf),
    widths: COMPLAINT_COLUMNS.map((d) => d.width),
    derived: COMPLAINT_COLUMNS.map((d) => Boolean(d.derived)),
    calculated: COMPLAINT_COLUMNS.map((d) => (d.key === "slaStatus" && sc ? slaFormula(sc, "{row}", lang) : null)),
  };
}

/**
 * Prompts and rules on whole columns: date-time columns take any moment 2000–2099, the customer
 * ID comes from the customer list (warning only: the customer row may come later), and
 * satisfaction is a whole number 1–5.
 */
export function complaintValidations(lang: Lang, positions: Readonly<Record<string, number>> = COMPLAINT_POSITIONS, headerRow = 1): ValidationSpec[] {
  const out = columnValidations("complaints", COMPLAINT_COLUMNS, positions, headerRow, lang).map((v): ValidationSpec => {
    const key = Object.entries(positions).find(([, c]) => v.range.startsWith(`${columnLetter(c)}${headerRow + 1}:`))?.[0];
    if (key === "satisfaction") return { ...v, rule: { kind: "whole", min: 1, max: 5 } };
    // columnValidations gives a customer ID outside the Customers sheet a list rule; ours only warns.
    if (key === "customerId" && v.error) return { ...v, error: { ...v.error, style: "warning" } };
    return v;
  });
  return out;
}

/** Late complaints in the overdue colours, over the table's data rows. */
export function complaintHighlights(
  positions: Readonly<Record<string, number>>,
  headerRow: number,
  lastDataRow: number,
  lastColumn: number,
): ConditionalFormatSpec[] {
  const sc = slaColumnsAt(positions);
  if (!sc) return [];
  const range = `A${headerRow + 1}:${columnLetter(lastColumn)}${Math.max(lastDataRow, headerRow + 1)}`;
  return [
    {
      sheet: "complaints",
      range,
      formula: slaLateFormula(sc, headerRow + 1),
      fill: COLORS.overdueFill,
      fontColor: COLORS.overdueFont,
      purpose: "complaintLate",
    },
  ];
}

/** Names for the Rules cells the SLA formula reads; `rowOf` gives a rule's worksheet row. */
export function healthNames(lang: Lang, rowOf: (key: string) => number): NameSpec[] {
  const rules = sheetRef(sheetName("rules", lang));
  return HEALTH_RULE_DEFS.filter((d) => d.name).map((d) => ({ name: d.name as string, formula: `=${rules}$B$${rowOf(d.key)}` }));
}
