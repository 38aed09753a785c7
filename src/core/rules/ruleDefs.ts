import type { Texts } from "../i18n/lang";
import { say } from "../i18n/catalogue";
import { cadenceWords, perLang, withWords } from "./ruleWords";
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

function rule(kind: RuleKind) {
  return (key: RuleKey, d: number, min: number, max: number, name?: string): RuleDef =>
    withWords({ key, kind, defaultValue: d, min, max, ...(name ? { name } : {}) });
}
const num = rule("number");
const int = rule("integer");

export const RULE_DEFS: readonly RuleDef[] = [
  num("weightUrgency", 1, 0, 100),
  num("weightImportance", 1, 0, 100),
  num("weightFit", 1, 0, 100),
  num("weightIntent", 1, 0, 100),
  num("gradeA", 2.5, 1, 3),
  num("gradeB", 1.75, 1, 3),
  int("minDimensions", 2, 1, 4),
  int("urgencyADays", 30, 0, 3650),
  int("urgencyBDays", 90, 0, 3650),
  num("importanceA", 500000, 0, 1e12),
  num("importanceB", 100000, 0, 1e12),
  withWords({ key: "strategicFloor", kind: "switch", defaultValue: true, min: 0, max: 1 }),
  int("cadenceA", 7, 1, 365),
  int("cadenceB", 14, 1, 365),
  int("cadenceC", 30, 1, 365),
  int("cadenceToAssess", 30, 1, 365),
  int("cadenceMaintenance", 30, 1, 365),
  int("firstContactDays", 2, 0, 365),
  int("dormantDays", 180, 1, 3650, "CRM_DormantDays"),
  withWords({ key: "workdayAdjust", kind: "switch", defaultValue: true, min: 0, max: 1 }),
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
