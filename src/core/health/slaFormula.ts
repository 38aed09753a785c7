import type { Lang } from "../i18n/lang";
import { LANGS } from "../i18n/lang";
import { columnLetter } from "../model/workbookModel";
import { formulaString as q } from "../_lib/formulaText";
import { COMPLAINT_NAMES } from "./healthRules";
import { healthText } from "./messages";
import type { ComplaintStatus } from "./types";

/** A1 column letters of the cells the SLA status reads. */
export interface SlaColumns {
  readonly receivedAt: string;
  readonly respondedAt: string;
  readonly solvedAt: string;
  readonly calledBackOn: string;
}

/** Column key → 1-based worksheet column; null when one the formula needs is missing. */
export function slaColumnsAt(p: Readonly<Record<string, number>>): SlaColumns | null {
  const need = ["receivedAt", "respondedAt", "solvedAt", "calledBackOn"] as const;
  if (need.some((k) => p[k] === undefined)) return null;
  const L = (k: (typeof need)[number]) => columnLetter(p[k] as number);
  return { receivedAt: L("receivedAt"), respondedAt: L("respondedAt"), solvedAt: L("solvedAt"), calledBackOn: L("calledBackOn") };
}

/**
 * The pieces of the complaint clock as Excel formulas for one row, the same arithmetic as
 * `complaintStatus`: whole minutes `ROUND((NOW()-received)*1440,0)` against the hours on the Rules
 * sheet, calendar days `INT(NOW())` against the solution's day. Functions Excel 2016, WPS and
 * LibreOffice all know, no `_xlfn.` prefix.
 */
function parts(c: SlaColumns, row: number | string) {
  const cell = (col: string) => `$${col}${row}`;
  const rec = cell(c.receivedAt);
  const resp = cell(c.respondedAt);
  const solved = cell(c.solvedAt);
  const back = cell(c.calledBackOn);
  const waited = `ROUND((NOW()-${rec})*1440,0)`;
  return {
    rec,
    resp,
    solved,
    back,
    respondLate: `${waited}>${COMPLAINT_NAMES.respondHours}*60`,
    solveLate: `${waited}>${COMPLAINT_NAMES.solveHours}*60`,
    callbackLate: `INT(NOW())>INT(${solved})+${COMPLAINT_NAMES.callbackDays}`,
  };
}

/**
 * The live 处理状态 / SLA status for one row (or `"{row}"` as a placeholder), in the workbook's
 * language. Blank without a receipt time; blank too when a time cell holds text Excel cannot read.
 */
export function slaFormula(c: SlaColumns, row: number | string, lang: Lang): string {
  const p = parts(c, row);
  const L = (s: ComplaintStatus) => q(healthText(lang).complaintStatus[s]);
  const solvedBranch = `IF(${p.back}<>"",${L("done")},IF(${p.callbackLate},${L("callbackLate")},${L("awaitingCallback")}))`;
  const openBranch = `IF(${p.resp}="",IF(${p.respondLate},${L("responseLate")},${L("awaitingResponse")}),IF(${p.solveLate},${L("solutionLate")},${L("inProgress")}))`;
  return `=IF(${p.rec}="","",IFERROR(IF(${p.solved}<>"",${solvedBranch},${openBranch}),""))`;
}

/** Conditional-format formula for the first data row: the row is late (Excel shifts it down the range). */
export function slaLateFormula(c: SlaColumns, firstDataRow: number): string {
  const p = parts(c, firstDataRow);
  const late = `OR(AND(${p.solved}<>"",${p.back}="",${p.callbackLate}),AND(${p.solved}="",${p.resp}="",${p.respondLate}),AND(${p.solved}="",${p.resp}<>"",${p.solveLate}))`;
  return `=IFERROR(AND(${p.rec}<>"",${late}),FALSE)`;
}

/** Every SLA label in both languages, to tell our formula's output from a user's text. */
export const SLA_TEXTS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => Object.values(healthText(l).complaintStatus)));
