import { LANGS, type Lang, type Texts } from "../i18n/lang";
import { fill, say, section } from "../i18n/catalogue";

export type RuleKey =
  | "weightUrgency" | "weightImportance" | "weightFit" | "weightIntent"
  | "gradeA" | "gradeB" | "minDimensions"
  | "urgencyADays" | "urgencyBDays" | "importanceA" | "importanceB"
  | "strategicFloor"
  | "cadenceA" | "cadenceB" | "cadenceC" | "cadenceToAssess" | "cadenceMaintenance"
  | "firstContactDays" | "dormantDays" | "workdayAdjust";

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

/** A text in every shipped language, from the catalogues. */
const perLang = (f: (lang: Lang) => string): Texts => Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Record<Lang, string>;
const words = (lang: Lang): Readonly<Record<string, string>> => section(lang, "rules");

/**
 * A cadence in the language's words, so a note that states a default takes its number from the rule.
 * @example cadenceWords(7, "zh-CN") === "每周"; cadenceWords(10, "en-US") === "every 10 days"
 */
export function cadenceWords(days: number, lang: Lang): string {
  if (days === 7) return say(lang, "rules", "everyWeek");
  if (days === 14) return say(lang, "rules", "everyTwoWeeks");
  if (days === 30) return say(lang, "rules", "everyMonth");
  return say(lang, "rules", "everyDays", { days });
}

/** Label and note come from the catalogues' "rules" section, keyed "<rule>.label" / "<rule>.note". */
function withWords(d: Omit<RuleDef, "label" | "note">): RuleDef {
  const at = (lang: Lang, part: string): string => words(lang)[`${d.key}.${part}`] ?? d.key;
  const every = (lang: Lang): string => (typeof d.defaultValue === "number" ? cadenceWords(d.defaultValue, lang) : "");
  return { ...d, label: perLang((l) => at(l, "label")), note: perLang((l) => fill(at(l, "note"), { every: every(l) })) };
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
