import type { RuleDef } from "../rules/ruleDefs";
import type { Texts } from "../i18n/lang";

/** Rules rows of the customer pool (公海). Kept apart from grading's rows; appended after them on the Rules sheet. */
export type PoolRuleKey = "poolEnabled" | "releaseA" | "releaseB" | "releaseC" | "releaseToAssess" | "releaseWarn";

/** Workbook-level names the live countdown column and its red highlight read. */
export const POOL_NAMES = {
  enabled: "CRM_PoolOn",
  releaseA: "CRM_ReleaseA",
  releaseB: "CRM_ReleaseB",
  releaseC: "CRM_ReleaseC",
  releaseToAssess: "CRM_ReleaseToAssess",
  warn: "CRM_ReleaseWarn",
} as const;

const t = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });
const days = (key: PoolRuleKey, zh: string, en: string, d: number, nZh: string, nEn: string, name: string): RuleDef =>
  ({ key, label: t(zh, en), kind: "integer", defaultValue: d, min: 1, max: 3650, note: t(nZh, nEn), name });

export const POOL_RULE_DEFS: readonly RuleDef[] = [
  {
    key: "poolEnabled", label: t("启用公海", "Enable customer pool"), kind: "switch", defaultValue: false, min: 0, max: 1,
    note: t("是/否。开启后,超过释放天数未跟进的在跟客户可释放到公海", "Yes/No. When on, open customers not followed up within the release days can be released to the pool"),
    name: POOL_NAMES.enabled,
  },
  days("releaseA", "公海释放-A(天)", "Pool release A (days)", 30, "A类客户未跟进天数达到此值可释放", "An A customer not followed up this long is due for release", POOL_NAMES.releaseA),
  days("releaseB", "公海释放-B(天)", "Pool release B (days)", 45, "B类客户", "B customers", POOL_NAMES.releaseB),
  days("releaseC", "公海释放-C(天)", "Pool release C (days)", 60, "C类客户", "C customers", POOL_NAMES.releaseC),
  days("releaseToAssess", "公海释放-待评估(天)", "Pool release To assess (days)", 60, "待评估客户;从未跟进的按建档日期计算", "To-assess customers; never contacted counts from Created", POOL_NAMES.releaseToAssess),
  { ...days("releaseWarn", "距释放标红(天)", "Release warning (days)", 3, "「距释放(天)」不超过此值时标红", "Days to release at or below this turn red", POOL_NAMES.warn), min: 0 },
];
