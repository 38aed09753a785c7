import type { RuleDef } from "../rules/ruleDefs";
import { daysAhead, period, toggle } from "../rules/ruleRanges";

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

// Labels and notes come from the catalogues' "rules" section ("<key>.label" / "<key>.note"), like grading's rows.
export const POOL_RULE_DEFS: readonly RuleDef[] = [
  toggle("poolEnabled", false, POOL_NAMES.enabled),
  period("releaseA", 30, POOL_NAMES.releaseA),
  period("releaseB", 45, POOL_NAMES.releaseB),
  period("releaseC", 60, POOL_NAMES.releaseC),
  period("releaseToAssess", 60, POOL_NAMES.releaseToAssess),
  // Zero is allowed here: a team may want the warning only on the release day itself.
  daysAhead("releaseWarn", 3, POOL_NAMES.warn),
];
