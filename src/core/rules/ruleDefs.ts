import type { Texts } from "../i18n/lang";
import { say } from "../i18n/catalogue";
import { cadenceWords, perLang } from "./ruleWords";
import { amount, cadence, daysAhead, dimensions, period, scoreLine, toggle, weight, withinYear } from "./ruleRanges";
import { POOL_RULE_DEFS, type PoolRuleKey } from "../pool/poolRuleDefs";
import { HEALTH_RULE_DEFS, type HealthRuleKey } from "../health/healthRules";

export { cadenceWords };

export type RuleKey =
  | "weightUrgency" | "weightImportance" | "weightFit" | "weightIntent"
  | "gradeA" | "gradeB" | "minDimensions"
  | "urgencyADays" | "urgencyBDays" | "importanceA" | "importanceB"
  | "strategicFloor"
  | "cadenceA" | "cadenceB" | "cadenceC" | "cadenceToAssess" | "cadenceMaintenance"
  | "firstContactDays" | "dormantDays" | "workdayAdjust"
  | PoolRuleKey
  | HealthRuleKey;

export type RuleKind = "number" | "integer" | "switch";

export interface RuleDef {
  readonly key: RuleKey;
  readonly label: Texts;
  readonly kind: RuleKind;
  readonly defaultValue: number | boolean;
  readonly min: number;
  readonly max: number;
  readonly note: Texts;
  /** Workbook-level name that the Status formula and highlights read (only the ones they need). */
  readonly name?: string;
}

// Each row names its range (ruleRanges.ts) and gives its default.
export const RULE_DEFS: readonly RuleDef[] = [
  weight("weightUrgency", 1),
  weight("weightImportance", 1),
  weight("weightFit", 1),
  weight("weightIntent", 1),
  scoreLine("gradeA", 2.5),
  scoreLine("gradeB", 1.75),
  dimensions("minDimensions", 2),
  daysAhead("urgencyADays", 30),
  daysAhead("urgencyBDays", 90),
  amount("importanceA", 500000),
  amount("importanceB", 100000),
  toggle("strategicFloor", true),
  cadence("cadenceA", 7),
  cadence("cadenceB", 14),
  cadence("cadenceC", 30),
  cadence("cadenceToAssess", 30),
  cadence("cadenceMaintenance", 30),
  withinYear("firstContactDays", 2),
  period("dormantDays", 180, "CRM_DormantDays"),
  toggle("workdayAdjust", true),
  // The pool's rows (version 2), then health's (version 3): every older row keeps its place (and the names pointing at it).
  ...POOL_RULE_DEFS,
  ...HEALTH_RULE_DEFS,
];

/**
 * A rule's default as a number (a switch counts 1 when on): what texts that state a rule quote.
 * @example ruleDefault("urgencyADays") === 30
 */
export function ruleDefault(key: RuleKey): number {
  const v = RULE_DEFS.find((r) => r.key === key)?.defaultValue;
  return typeof v === "boolean" ? Number(v) : (v ?? 0);
}

/** Rows on the Rules sheet that describe the workbook rather than a rule. */
export const META_ROWS = {
  language: perLang((l) => say(l, "rules", "meta.language")),
  templateVersion: perLang((l) => say(l, "rules", "meta.templateVersion")),
  lastGraded: perLang((l) => say(l, "rules", "meta.lastGraded")),
} as const;

export const SWITCH_WORDS = {
  yes: ["是", "yes", "y", "true", "1", "开", "on"],
  no: ["否", "no", "n", "false", "0", "关", "off"],
} as const;
