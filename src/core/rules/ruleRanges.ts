import type { RuleDef, RuleKey } from "./ruleDefs";
import { withWords } from "./ruleWords";

/*
 * Most rules share their kind and bounds with others (every cadence is 1–365 days, every amount
 * 0 to a trillion): naming the range once makes each rule row its key and default, and a bound that
 * changes for a family changes for all of it. Apart from ruleDefs.ts so the pool's and health's rows,
 * which ruleDefs.ts imports, can use the same ranges without an import cycle.
 */

/** Makes a rule row of one kind and range: key, default, and the defined name when a formula reads it. */
export type RangedRule = (key: RuleKey, defaultValue: number, name?: string) => RuleDef;

/**
 * Rule rows sharing a kind and bounds; label and note come from the catalogues' "rules" section.
 * @example ranged("integer", 1, 365)("cadenceA", 7) // { key: "cadenceA", kind: "integer", defaultValue: 7, min: 1, max: 365, label, note }
 */
export function ranged(kind: "number" | "integer", min: number, max: number): RangedRule {
  return (key, defaultValue, name) => withWords({ key, kind, defaultValue, min, max, ...(name ? { name } : {}) });
}

/**
 * An on/off rule (是/否 on the sheet, stored as 0 to 1).
 * @example toggle("workdayAdjust", true).kind === "switch"
 */
export function toggle(key: RuleKey, defaultValue: boolean, name?: string): RuleDef {
  return withWords({ key, kind: "switch", defaultValue, min: 0, max: 1, ...(name ? { name } : {}) });
}

// Shared by grading, the pool and health.
/** Money in yuan: deal sizes and won amounts. */
export const amount = ranged("number", 0, 1e12);
/** Days ahead or after, zero allowed: a close date within, a warning before. */
export const daysAhead = ranged("integer", 0, 3650);
/** A span of at least one day: look-back windows, dormancy, release times. */
export const period = ranged("integer", 1, 3650);
/** Days within a year, zero allowed: a first contact or a callback due that soon. */
export const withinYear = ranged("integer", 0, 365);

// Grading's own.
/** A dimension's weight in the score. */
export const weight = ranged("number", 0, 100);
/** A score line between grades (scores run from 1 to 3). */
export const scoreLine = ranged("number", 1, 3);
/** How many of the four dimensions must be known before a grade is given. */
export const dimensions = ranged("integer", 1, 4);
/** Days between follow-ups. */
export const cadence = ranged("integer", 1, 365);

// Health's own.
/** How many complaints make a customer a risk. */
export const complaintCount = ranged("integer", 1, 1000);
/** A value tier's rank among the four (1 = checked first). */
export const tierRank = ranged("integer", 1, 4);
/**
 * Hours to respond to or solve a complaint, up to `max`: fractional, at least 0.1 h (six minutes).
 * @example hours(720)("complaintRespondHours", 1).min === 0.1
 */
export const hours = (max: number): RangedRule => ranged("number", 0.1, max);
