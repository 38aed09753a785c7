import type { DayNumber } from "../_lib/calendar";
import type { Rules } from "../rules/rules";
import type { LevelKey, StageKey, TierKey } from "../template/lists";
import { CLOSED_STAGES, MAINTENANCE_STAGES } from "../template/lists";

export type Letter = "A" | "B" | "C";
/** A computed grade: a letter, or "toAssess" (待评估) when fewer than the minimum dimensions are filled. */
export type Grade = Letter | "toAssess";
export type Dimension = "urgency" | "importance" | "fit" | "intent";

export type DimensionScore =
  | { readonly dim: "urgency"; readonly letter: Letter; readonly days: number; readonly bound: number | null }
  | { readonly dim: "importance"; readonly letter: Letter; readonly amount: number }
  | { readonly dim: "fit" | "intent"; readonly letter: Letter; readonly level: LevelKey };

/** Why a customer got its grade, structured so each door renders it in the workbook's language. */
export interface GradeReason {
  readonly parts: readonly DimensionScore[];
  readonly score: number | null;
  readonly computed: Grade;
  readonly strategicFloor: boolean;
  readonly override: Letter | null;
  readonly final: Grade;
}

export interface GradeInput {
  readonly stage: StageKey | null;
  readonly closeDate: DayNumber | null;
  readonly amount: number | null;
  readonly fit: LevelKey | null;
  readonly intent: LevelKey | null;
  readonly tier: TierKey | null;
  readonly override: Letter | null;
}

const POINTS: Readonly<Record<Letter, number>> = { A: 3, B: 2, C: 1 };
const LEVEL_LETTER: Readonly<Record<LevelKey, Letter>> = { high: "A", medium: "B", low: "C" };
// Scores are weighted means of small integers; the tolerance keeps 2.4999999999 from missing 2.5.
const EPS = 1e-9;

export type StageClass = "open" | "maintenance" | "closed";

/** A blank or unknown stage is treated as open, so a customer is never silently dropped from follow-up. */
export function stageClass(stage: StageKey | null): StageClass {
  if (stage !== null && CLOSED_STAGES.includes(stage)) return "closed";
  if (stage !== null && MAINTENANCE_STAGES.includes(stage)) return "maintenance";
  return "open";
}

/**
 * Urgency from days until the expected close date: 0–30 A, 31–90 B, later C; a date already passed is stale, C.
 * @example urgencyLetter(31, rules) // "B"
 */
export function urgencyLetter(daysUntilClose: number, rules: Rules): Letter {
  if (daysUntilClose < 0) return "C";
  if (daysUntilClose <= rules.urgencyADays) return "A";
  if (daysUntilClose <= rules.urgencyBDays) return "B";
  return "C";
}

/** @example importanceLetter(100000, rules) // "B" */
export function importanceLetter(amount: number, rules: Rules): Letter {
  if (amount >= rules.importanceA) return "A";
  if (amount >= rules.importanceB) return "B";
  return "C";
}

export function letterFromScore(score: number, rules: Rules): Letter {
  if (score >= rules.gradeA - EPS) return "A";
  if (score >= rules.gradeB - EPS) return "B";
  return "C";
}

/**
 * Grades one open customer as SPEC's Rules section says; returns null for won, after-sales and
 * closed stages, which carry no grade.
 * @example gradeCustomer({ stage: "lead", closeDate: today + 20, amount: 200000, fit: "high", intent: "medium", tier: null, override: null }, rules, today).final // "A"
 */
export function gradeCustomer(input: GradeInput, rules: Rules, today: DayNumber): GradeReason | null {
  if (stageClass(input.stage) !== "open") return null;
  const parts: DimensionScore[] = [];
  // Running sums instead of intermediate arrays: this runs once per customer, 100,000 times.
  let filled = 0;
  let weightSum = 0;
  let pointSum = 0;
  const count = (w: number, l: Letter) => {
    if (w <= 0) return;
    filled++;
    weightSum += w;
    pointSum += w * POINTS[l];
  };
  if (input.closeDate !== null) {
    const days = input.closeDate - today;
    const letter = urgencyLetter(days, rules);
    const bound = days < 0 ? null : letter === "A" ? rules.urgencyADays : rules.urgencyBDays;
    parts.push({ dim: "urgency", letter, days, bound });
    count(rules.weightUrgency, letter);
  }
  if (input.amount !== null && input.amount >= 0) {
    const letter = importanceLetter(input.amount, rules);
    parts.push({ dim: "importance", letter, amount: input.amount });
    count(rules.weightImportance, letter);
  }
  if (input.fit !== null) {
    const letter = LEVEL_LETTER[input.fit];
    parts.push({ dim: "fit", letter, level: input.fit });
    count(rules.weightFit, letter);
  }
  if (input.intent !== null) {
    const letter = LEVEL_LETTER[input.intent];
    parts.push({ dim: "intent", letter, level: input.intent });
    count(rules.weightIntent, letter);
  }
  let score: number | null = null;
  let computed: Grade = "toAssess";
  if (filled >= rules.minDimensions) {
    score = pointSum / weightSum;
    computed = letterFromScore(score, rules);
  }
  const strategicFloor = rules.strategicFloorOn && input.tier === "strategic" && computed !== "A";
  const floored: Grade = strategicFloor ? "A" : computed;
  const final: Grade = input.override ?? floored;
  return { parts, score, computed, strategicFloor, override: input.override, final };
}
