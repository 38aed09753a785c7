import { CLOSED_STAGES, MAINTENANCE_STAGES, stageLabels } from "./lists";
import { anyOf, formulaString as q, type CustomerRowLetters } from "../_lib/formulaText";
import type { Lang } from "../i18n/lang";
import { GRADE_LABELS, STATUS_LABELS } from "../i18n/labels";

/** Name of the workbook-level defined name holding the dormant threshold (a cell on the Rules sheet). */
export const DORMANT_NAME = "CRM_DormantDays";

/** A1 column letters of the cells the status depends on. */
export type StatusColumns = CustomerRowLetters & { readonly nextDue: string };


/**
 * The three conditions, as Excel formulas for worksheet row `row`, using only functions Excel 2016,
 * WPS and LibreOffice know without an `_xlfn.` prefix. Recognises labels in either language, so a
 * stage typed in English in a Chinese workbook still counts.
 */
export function statusConditions(c: StatusColumns, row: number | string) {
  const cell = (col: string) => `$${col}${row}`;
  const stage = cell(c.stage);
  const quietSince = `IF(${cell(c.lastContact)}<>"",${cell(c.lastContact)},${cell(c.created)})`;
  const closed = anyOf(stage, stageLabels(CLOSED_STAGES));
  const noSignal = `OR(${anyOf(cell(c.grade), ["C", ...Object.values(GRADE_LABELS.toAssess)])},${anyOf(stage, stageLabels(MAINTENANCE_STAGES))})`;
  // IFERROR: a created date typed as text must not turn the whole status into #VALUE!.
  const dormant = `IFERROR(IF(${quietSince}="",FALSE,AND(TODAY()-${quietSince}>=${DORMANT_NAME},${noSignal})),FALSE)`;
  const overdue = `IFERROR(IF(${cell(c.nextDue)}="",FALSE,TODAY()>${cell(c.nextDue)}),FALSE)`;
  const empty = `AND(${cell(c.id)}="",${cell(c.name)}="")`;
  return { closed, dormant, overdue, empty };
}

/** The live Status formula for one row (or `"{row}"` as a placeholder), its labels in the workbook's language. */
export function statusFormula(c: StatusColumns, row: number | string, lang: Lang): string {
  const { closed, dormant, overdue, empty } = statusConditions(c, row);
  const L = (k: keyof typeof STATUS_LABELS) => q(STATUS_LABELS[k][lang]);
  // A row with neither ID nor name is not a customer yet: no status rather than a misleading OK.
  return `=IF(${empty},"",IF(${closed},${L("closed")},IF(${dormant},${L("dormant")},IF(${overdue},${L("overdue")},${L("ok")}))))`;
}

/** Conditional-format formulas for the first data row (Excel shifts them down the range). */
export function highlightFormulas(c: StatusColumns, firstDataRow: number): { overdue: string; dormant: string } {
  const { closed, dormant, overdue } = statusConditions(c, firstDataRow);
  return {
    dormant: `=AND(NOT(${closed}),${dormant})`,
    overdue: `=AND(NOT(${closed}),NOT(${dormant}),${overdue})`,
  };
}
