import type { ConditionalFormatSpec, NameSpec } from "../plan/installPlan";
import { columnLetter } from "../model/workbookModel";
import { POOL_RULE_DEFS } from "./poolRuleDefs";
import { countdownHighlight as countdownHighlightFormula } from "./countdownFormula";

/** Colours of the countdown's warning: a strong red, unlike the whole-row overdue pink. */
export const RELEASE_COLORS = { fill: "#C00000", font: "#FFFFFF" } as const;

/**
 * Names pointing at the pool's Rules rows (`='分级规则'!$B$29`), which the countdown formula and its
 * highlight read. `ruleRow` gives a rule's worksheet row on the Rules sheet.
 */
export function poolNames(rulesSheetRef: string, ruleRow: (key: string) => number): NameSpec[] {
  return POOL_RULE_DEFS.flatMap((d) => (d.name ? [{ name: d.name, formula: `=${rulesSheetRef}$B$${ruleRow(d.key)}` }] : []));
}

/** The red highlight's formula and colours for a countdown column `L` whose data starts at `first`. */
export function countdownHighlight(column: string, first: number): { formula: string; fill: string; fontColor: string } {
  return { formula: countdownHighlightFormula(column, first), fill: RELEASE_COLORS.fill, fontColor: RELEASE_COLORS.font };
}

/** The red highlight on the countdown column's data cells (positions: key → 1-based column). */
export function countdownHighlightSpec(p: Readonly<Record<string, number>>, headerRow: number, lastDataRow: number): ConditionalFormatSpec | null {
  const col = p.daysToRelease;
  if (col === undefined) return null;
  const L = columnLetter(col);
  const first = headerRow + 1;
  return {
    sheet: "customers", range: `${L}${first}:${L}${Math.max(lastDataRow, first)}`, formula: countdownHighlightFormula(L, first),
    fill: RELEASE_COLORS.fill, fontColor: RELEASE_COLORS.font, purpose: "release",
  };
}
