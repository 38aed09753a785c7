import type { DayNumber } from "../_lib/calendar";
import type { Rules } from "../rules/rules";
import type { Grade, StageClass } from "../grading/gradeCustomer";

/**
 * Days an open customer may go without a follow-up before it is due for the pool, by grade
 * (a manual grade counts, as for cadence). 待评估 and an ungraded open customer use the 待评估 row.
 * @example releaseDaysFor("B", rules) === 45
 */
export function releaseDaysFor(grade: Grade | null, rules: Rules): number {
  switch (grade) {
    case "A": return rules.releaseA;
    case "B": return rules.releaseB;
    case "C": return rules.releaseC;
    default: return rules.releaseToAssess;
  }
}

export interface CountdownInput {
  readonly grade: Grade | null;
  readonly stage: StageClass;
  /** Latest follow-up on or before today, or null when never contacted. */
  readonly lastContact: DayNumber | null;
  readonly created: DayNumber | null;
  readonly inPool: boolean;
}

/**
 * Days left before release (0 or less: due now), or null when the customer is never released: the
 * pool is off, it is won, after-sales or closed, it is already in the pool, or there is no date to
 * count from. Never-contacted customers count from Created. The same rule as the live column's formula.
 * @example daysToRelease({ grade: "A", stage: "open", lastContact: d("2026-04-20"), created: null, inPool: false }, rules, d("2026-05-20")) === 0
 */
export function daysToRelease(c: CountdownInput, rules: Rules, today: DayNumber): number | null {
  if (!rules.poolOn || c.stage !== "open" || c.inPool) return null;
  const since = c.lastContact ?? c.created;
  if (since === null) return null;
  return since + releaseDaysFor(c.grade, rules) - today;
}
