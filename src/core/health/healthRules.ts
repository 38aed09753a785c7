import type { RuleDef } from "../rules/ruleDefs";
import { withWords } from "../rules/ruleWords";

/** Rules-sheet rows for value tiers and complaint deadlines (SPEC § Value tiers and complaints). */
export type HealthRuleKey =
  | "riskComplaints"
  | "riskWindowDays"
  | "highValueWon"
  | "highValueWindowDays"
  | "highValueStrategic"
  | "potentialAmount"
  | "potentialCloseDays"
  | "orderRisk"
  | "orderHighValue"
  | "orderPotential"
  | "orderDormant"
  | "complaintRespondHours"
  | "complaintSolveHours"
  | "complaintCallbackDays";

/** Defined names the live complaint status and its highlight read (cells on the Rules sheet). */
export const COMPLAINT_NAMES = {
  respondHours: "CRM_ComplaintRespondHours",
  solveHours: "CRM_ComplaintSolveHours",
  callbackDays: "CRM_ComplaintCallbackDays",
} as const;

type Kind = "number" | "integer";
const def =
  (kind: Kind) =>
  (key: HealthRuleKey, d: number, min: number, max: number, name?: string): RuleDef =>
    // Label and note come from the catalogues' "rules" section, like the grading rows.
    withWords({ key, kind, defaultValue: d, min, max, ...(name ? { name } : {}) });
const num = def("number");
const int = def("integer");

/**
 * Appended after the grading rules, so the rows of an older workbook keep their places and an
 * upgrade only adds rows at the end. Tier order is four ranks (1 = checked first) rather than one
 * text cell: each is a validated whole number, and ties fall back to the spec's order.
 */
export const HEALTH_RULE_DEFS: readonly RuleDef[] = [
  int("riskComplaints", 2, 1, 1000),
  int("riskWindowDays", 90, 1, 3650),
  num("highValueWon", 500000, 0, 1e12),
  int("highValueWindowDays", 365, 1, 3650),
  withWords({ key: "highValueStrategic", kind: "switch", defaultValue: true, min: 0, max: 1 }),
  num("potentialAmount", 100000, 0, 1e12),
  int("potentialCloseDays", 180, 0, 3650),
  int("orderRisk", 1, 1, 4),
  int("orderHighValue", 2, 1, 4),
  int("orderPotential", 3, 1, 4),
  int("orderDormant", 4, 1, 4),
  num("complaintRespondHours", 1, 0.1, 720, COMPLAINT_NAMES.respondHours),
  num("complaintSolveHours", 24, 0.1, 2160, COMPLAINT_NAMES.solveHours),
  int("complaintCallbackDays", 3, 0, 365, COMPLAINT_NAMES.callbackDays),
];
