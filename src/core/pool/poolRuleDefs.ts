import type { RuleDef } from "../rules/ruleDefs";
import { withWords } from "../rules/ruleWords";

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
const days = (key: PoolRuleKey, d: number, name: string, min = 1): RuleDef =>
  withWords({ key, kind: "integer", defaultValue: d, min, max: 3650, name });

export const POOL_RULE_DEFS: readonly RuleDef[] = [
  withWords({ key: "poolEnabled", kind: "switch", defaultValue: false, min: 0, max: 1, name: POOL_NAMES.enabled }),
  days("releaseA", 30, POOL_NAMES.releaseA),
  days("releaseB", 45, POOL_NAMES.releaseB),
  days("releaseC", 60, POOL_NAMES.releaseC),
  days("releaseToAssess", 60, POOL_NAMES.releaseToAssess),
  // Zero is allowed here: a team may want the warning only on the release day itself.
  days("releaseWarn", 3, POOL_NAMES.warn, 0),
];
