import type { RuleDef } from "../rules/ruleDefs";
import { amount, complaintCount, daysAhead, hours, period, tierRank, toggle, withinYear } from "../rules/ruleRanges";

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

/**
 * Appended after the grading rules, so the rows of an older workbook keep their places and an
 * upgrade only adds rows at the end. Tier order is four ranks (1 = checked first) rather than one
 * text cell: each is a validated whole number, and ties fall back to the spec's order.
 */
export const HEALTH_RULE_DEFS: readonly RuleDef[] = [
  complaintCount("riskComplaints", 2),
  period("riskWindowDays", 90),
  amount("highValueWon", 500000),
  period("highValueWindowDays", 365),
  toggle("highValueStrategic", true),
  amount("potentialAmount", 100000),
  daysAhead("potentialCloseDays", 180),
  tierRank("orderRisk", 1),
  tierRank("orderHighValue", 2),
  tierRank("orderPotential", 3),
  tierRank("orderDormant", 4),
  hours(720)("complaintRespondHours", 1, COMPLAINT_NAMES.respondHours),
  hours(2160)("complaintSolveHours", 24, COMPLAINT_NAMES.solveHours),
  withinYear("complaintCallbackDays", 3, COMPLAINT_NAMES.callbackDays),
];
