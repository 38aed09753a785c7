import type { Texts } from "../i18n/lang";

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

const t = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });
function rule(kind: RuleKind) {
  return (key: RuleKey, zh: string, en: string, d: number, min: number, max: number, nZh: string, nEn: string, name?: string): RuleDef =>
    ({ key, label: t(zh, en), kind, defaultValue: d, min, max, note: t(nZh, nEn), ...(name ? { name } : {}) });
}
const num = rule("number");
const int = rule("integer");

export const RULE_DEFS: readonly RuleDef[] = [
  num("weightUrgency", "权重-紧急度", "Weight - urgency", 1, 0, 100, "按预计成交日期", "From the expected close date"),
  num("weightImportance", "权重-重要度", "Weight - importance", 1, 0, 100, "按预计金额", "From the deal size"),
  num("weightFit", "权重-匹配度", "Weight - fit", 1, 0, 100, "按匹配度", "From fit"),
  num("weightIntent", "权重-合作意向", "Weight - intent", 1, 0, 100, "按合作意向", "From intent"),
  num("gradeA", "A级最低分", "Grade A from score", 2.5, 1, 3, "A=3分 B=2分 C=1分,加权平均", "A = 3, B = 2, C = 1 points, weighted mean"),
  num("gradeB", "B级最低分", "Grade B from score", 1.75, 1, 3, "低于此分为C", "Below this is C"),
  int("minDimensions", "最少已填维度", "Minimum filled dimensions", 2, 1, 4, "少于此数为「待评估」", "Fewer gives To assess"),
  int("urgencyADays", "紧急度A-天数", "Urgency A within days", 30, 0, 3650, "预计成交日期在此天数内为A", "Close date within this many days is A"),
  int("urgencyBDays", "紧急度B-天数", "Urgency B within days", 90, 0, 3650, "超过为C;已过期为C并提示", "Later is C; a passed date is C and flagged"),
  num("importanceA", "重要度A-金额(元)", "Importance A from (CNY)", 500000, 0, 1e12, "预计金额不低于此为A", "Deal size at least this is A"),
  num("importanceB", "重要度B-金额(元)", "Importance B from (CNY)", 100000, 0, 1e12, "不低于此为B,否则C", "At least this is B, else C"),
  { key: "strategicFloor", label: t("战略客户至少A级", "Strategic at least A"), kind: "switch", defaultValue: true, min: 0, max: 1, note: t("是/否", "Yes/No") },
  int("cadenceA", "跟进间隔-A(天)", "Cadence A (days)", 7, 1, 365, "A类每周跟进", "A: weekly"),
  int("cadenceB", "跟进间隔-B(天)", "Cadence B (days)", 14, 1, 365, "B类每两周跟进", "B: every two weeks"),
  int("cadenceC", "跟进间隔-C(天)", "Cadence C (days)", 30, 1, 365, "C类每月跟进", "C: monthly"),
  int("cadenceToAssess", "跟进间隔-待评估(天)", "Cadence To assess (days)", 30, 1, 365, "信息不足的客户", "Customers not yet assessable"),
  int("cadenceMaintenance", "跟进间隔-已成交(天)", "Cadence Won (days)", 30, 1, 365, "已成交、售后维护客户", "Won and after-sales customers"),
  int("firstContactDays", "新客户首次跟进(天)", "First contact within (days)", 2, 0, 365, "从未跟进:建档日期+此天数", "Never contacted: created + these days"),
  int("dormantDays", "沉睡天数", "Dormant after (days)", 180, 1, 3650, "无沟通且无明确需求信号", "No contact and no demand signal", "CRM_DormantDays"),
  { key: "workdayAdjust", label: t("遇节假日顺延", "Move to working day"), kind: "switch", defaultValue: true, min: 0, max: 1, note: t("到期日遇周末或节假日顺延到下一个工作日", "A due date on a weekend or holiday moves to the next working day") },
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
  language: t("工作簿语言", "Workbook language"),
  templateVersion: t("模板版本", "Template version"),
  lastGraded: t("上次分级日期", "Last graded"),
} as const;

export const SWITCH_WORDS = {
  yes: ["是", "yes", "y", "true", "1", "开", "on"],
  no: ["否", "no", "n", "false", "0", "关", "off"],
} as const;
