import { CLOSED_STAGES, MAINTENANCE_STAGES, stageLabels } from "../template/lists";
import { anyOf, formulaString as q, type CustomerRowLetters } from "../_lib/formulaText";
import { SWITCH_WORDS } from "../rules/ruleDefs";
import { POOL_NAMES } from "./poolRuleDefs";
import { POOL_OWNER } from "./poolOwner";

/** A1 column letters of the cells the countdown reads. */
export type CountdownColumns = CustomerRowLetters & { readonly owner: string };


/** The switch read as Excel would: any of the yes-words (comparison ignores case), TRUE or 1. */
function poolOn(): string {
  const n = POOL_NAMES.enabled;
  return `OR(${SWITCH_WORDS.yes.map((w) => `${n}=${q(w)}`).join(",")},${n}=TRUE,${n}=1)`;
}

/**
 * The live 距释放(天) / Days to release formula for worksheet row `row` (or `"{row}"`): days left until
 * an open customer is due for the pool, counted from the last contact (never contacted: from Created)
 * plus the release days of its grade, minus TODAY(). Blank when the pool is off, for won, after-sales
 * and closed customers, for customers already in the pool, and for empty rows. Only functions Excel
 * 2016, WPS and LibreOffice share; IFERROR keeps a workbook upgraded without the Rules names blank
 * (the pool is off by default) instead of showing #NAME?.
 * @example countdownFormula(cols, 2) // "=IFERROR(IF(AND(OR(CRM_PoolOn=\"是\",…),…),$AL2+…-TODAY(),\"\"),\"\")"
 */
export function countdownFormula(c: CountdownColumns, row: number | string): string {
  const cell = (col: string) => `$${col}${row}`;
  const quietSince = `IF(${cell(c.lastContact)}<>"",${cell(c.lastContact)},${cell(c.created)})`;
  const g = cell(c.grade);
  const days = `IF(${g}="A",${POOL_NAMES.releaseA},IF(${g}="B",${POOL_NAMES.releaseB},IF(${g}="C",${POOL_NAMES.releaseC},${POOL_NAMES.releaseToAssess})))`;
  const notOpen = anyOf(cell(c.stage), [...stageLabels(MAINTENANCE_STAGES), ...stageLabels(CLOSED_STAGES)]);
  const inPool = anyOf(`TRIM(${cell(c.owner)})`, Object.values(POOL_OWNER));
  const empty = `AND(${cell(c.id)}="",${cell(c.name)}="")`;
  const live = `AND(${poolOn()},NOT(${empty}),NOT(${notOpen}),NOT(${inPool}),${quietSince}<>"")`;
  return `=IFERROR(IF(${live},${quietSince}+${days}-TODAY(),""),"")`;
}

/**
 * The red highlight of the countdown cell, for its first data row (Excel shifts it down the range):
 * at or below the warning days (a Rules row), release included.
 * @example countdownHighlight("AP", 2) // "=IFERROR(AND(ISNUMBER($AP2),$AP2<=CRM_ReleaseWarn),FALSE)"
 */
export function countdownHighlight(column: string, firstDataRow: number): string {
  const cell = `$${column}${firstDataRow}`;
  return `=IFERROR(AND(ISNUMBER(${cell}),${cell}<=${POOL_NAMES.warn}),FALSE)`;
}
