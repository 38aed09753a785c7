/** Seed 000's four kinds of customer, plus everyone else (一般). */
export type ValueTier = "risk" | "highValue" | "potential" | "dormant" | "standard";
/** The tiers that can apply, in the spec's default order (风险 → 高价值 → 潜力 → 沉睡). */
export const RANKED_TIERS = ["risk", "highValue", "potential", "dormant"] as const;
export type RankedTier = (typeof RANKED_TIERS)[number];

/**
 * Where a complaint stands against seed 002's 首问负责制 clock: respond within 1 h, a solution
 * within 24 h of receipt, a call-back within 3 days of the solution.
 */
export type ComplaintStatus = "awaitingResponse" | "responseLate" | "inProgress" | "solutionLate" | "awaitingCallback" | "callbackLate" | "done";
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = [
  "awaitingResponse",
  "responseLate",
  "inProgress",
  "solutionLate",
  "awaitingCallback",
  "callbackLate",
  "done",
];
export const LATE_STATUSES: readonly ComplaintStatus[] = ["responseLate", "solutionLate", "callbackLate"];
