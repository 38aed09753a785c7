import type { DayNumber } from "../_lib/calendar";
import { columnLetter, type TableModel, type RawCell } from "../model/workbookModel";
import type { Rules } from "../rules/rules";
import { formula, num, type PlanValue } from "../plan/plan";
import type { Grade, StageClass } from "../grading/gradeCustomer";
import { countdownFormula, type CountdownColumns } from "./countdownFormula";
import { daysToRelease } from "./releaseDays";
import { isPoolOwner } from "./poolOwner";

/** Column key → 1-based worksheet column. */
type Positions = Readonly<Record<string, number>>;

/** A1 letters of the columns the countdown formula reads, or null when one is missing. */
export function countdownColumnsAt(p: Positions): CountdownColumns | null {
  const need = ["id", "name", "stage", "grade", "lastContact", "created", "owner"] as const;
  if (need.some((k) => p[k] === undefined)) return null;
  const L = (k: (typeof need)[number]) => columnLetter(p[k] as number);
  return { id: L("id"), name: L("name"), stage: L("stage"), grade: L("grade"), lastContact: L("lastContact"), created: L("created"), owner: L("owner") };
}

export function countdownColumns(t: TableModel): CountdownColumns | null {
  return countdownColumnsAt(Object.fromEntries(Object.entries(t.positions).map(([k, i]) => [k, t.firstColumn + i])));
}

export interface CountdownRow {
  readonly index: number;
  readonly row: number;
  readonly grade: Grade | null;
  readonly stage: StageClass;
  readonly owner: string;
  readonly lastContact: DayNumber | null;
  readonly created: DayNumber | null;
}

/** Whether a cell already shows what the live formula would: a formula, a number where one is due, blank where none is. */
function isLive(current: RawCell | undefined, expected: number | null): boolean {
  if (typeof current === "string" && current.startsWith("=")) return true;
  if (typeof current === "number") return expected !== null;
  return (current === null || current === undefined || (typeof current === "string" && current.trim() === "")) && expected === null;
}

/**
 * Cells of the 距释放(天) column a grading run writes: the live formula where it is missing or was
 * typed over, null (leave) where it works, so a run's payload stays small. Without the columns the
 * formula needs, the engine's number is written instead.
 */
export function countdownWrites(t: TableModel, rows: readonly CountdownRow[], rules: Rules, today: DayNumber): Array<PlanValue | null> {
  const out = new Array<PlanValue | null>(t.rowCount).fill(null);
  const current = t.cols.daysToRelease;
  const cc = countdownColumns(t);
  const parts = cc ? countdownFormula(cc, "{row}").split("{row}") : null;
  for (const r of rows) {
    const expected = daysToRelease({ grade: r.grade, stage: r.stage, lastContact: r.lastContact, created: r.created, inPool: isPoolOwner(r.owner) }, rules, today);
    if (isLive(current?.[r.index], expected)) continue;
    out[r.index] = parts ? formula(parts.join(String(r.row))) : num(expected);
  }
  return out;
}
