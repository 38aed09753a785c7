import { columnLetter } from "../_lib/a1";
import type { ColumnDef } from "./columns";
import { COLORS, type ConditionalFormatSpec } from "../plan/installPlan";
import { highlightFormulas, type StatusColumns } from "./statusFormula";

/** Column key → 1-based worksheet column. */
export type Positions = Readonly<Record<string, number>>;

/** Positions of a table's columns laid out in definition order from a first column. */
export function positionsOf(defs: readonly ColumnDef[], firstColumn = 1): Positions {
  return Object.fromEntries(defs.map((d, i) => [d.key, firstColumn + i]));
}

/** The Status formula's columns as letters, or null when the table lacks one of them. */
export function statusColumnsAt(p: Positions): StatusColumns | null {
  const need = ["id", "name", "stage", "grade", "lastContact", "created", "nextDue"] as const;
  if (need.some((k) => p[k] === undefined)) return null;
  const L = (k: (typeof need)[number]) => columnLetter(p[k] as number);
  return { id: L("id"), name: L("name"), stage: L("stage"), grade: L("grade"), lastContact: L("lastContact"), created: L("created"), nextDue: L("nextDue") };
}

/** Row colours for overdue and dormant customers, across the whole table. */
export function highlightRules(p: Positions, headerRow: number, lastDataRow: number, lastColumn: number): ConditionalFormatSpec[] {
  const sc = statusColumnsAt(p);
  if (!sc) return [];
  const f = highlightFormulas(sc, headerRow + 1);
  const range = `A${headerRow + 1}:${columnLetter(lastColumn)}${Math.max(lastDataRow, headerRow + 1)}`;
  return [
    { sheet: "customers", range, formula: f.overdue, fill: COLORS.overdueFill, fontColor: COLORS.overdueFont, purpose: "overdue" },
    { sheet: "customers", range, formula: f.dormant, fill: COLORS.dormantFill, fontColor: COLORS.dormantFont, purpose: "dormant" },
  ];
}
