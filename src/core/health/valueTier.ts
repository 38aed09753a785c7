import type { DayNumber } from "../_lib/calendar";
import type { Rules } from "../rules/rules";
import type { StageClass } from "../grading/gradeCustomer";
import type { Status } from "../followup/derive";
import type { LevelKey, TierKey } from "../template/lists";
import { RANKED_TIERS, type RankedTier, type ValueTier } from "./types";

/** What a customer's tier is decided from: its row, its follow-up status and its complaints. */
export interface TierInput {
  readonly stage: StageClass;
  readonly intent: LevelKey | null;
  /** 客户价值 (account tier): 战略 / 重点 / 普通. */
  readonly accountTier: TierKey | null;
  readonly need: string;
  readonly amount: number | null;
  readonly closeDate: DayNumber | null;
  readonly wonAmount: number | null;
  readonly wonDate: DayNumber | null;
  readonly status: Status;
  /** Complaints received within the risk window, and complaints past their deadline now. */
  readonly complaints: { readonly recent: number; readonly late: number };
}

/** One reason a tier applies, with the figures the reason shows. */
export type TierFact =
  | { readonly tier: "risk"; readonly kind: "complaints"; readonly count: number; readonly days: number }
  | { readonly tier: "risk"; readonly kind: "late"; readonly count: number }
  | { readonly tier: "risk"; readonly kind: "lowIntentWon" }
  | { readonly tier: "highValue"; readonly kind: "wonAmount"; readonly amount: number; readonly days: number }
  | { readonly tier: "highValue"; readonly kind: "strategic" }
  | { readonly tier: "potential"; readonly kind: "pipeline"; readonly amount: number; readonly days: number }
  | { readonly tier: "dormant"; readonly kind: "dormant" };

export interface TierResult {
  readonly tier: ValueTier;
  /** Every tier that applies, in the Rules sheet's order (the first is `tier`). */
  readonly applies: readonly RankedTier[];
  /** Every fact found, for every tier that applies. */
  readonly facts: readonly TierFact[];
}

const STANDARD: TierResult = { tier: "standard", applies: [], facts: [] };
const ORDER_KEY = { risk: "orderRisk", highValue: "orderHighValue", potential: "orderPotential", dormant: "orderDormant" } as const;

// One order per Rules object: grading asks for it once per customer.
const ORDERS = new WeakMap<Rules, readonly RankedTier[]>();

/** The tiers in the Rules sheet's order; equal ranks keep the spec's order (风险, 高价值, 潜力, 沉睡). */
export function tierOrder(rules: Rules): readonly RankedTier[] {
  let o = ORDERS.get(rules);
  if (!o) {
    o = [...RANKED_TIERS].sort((a, b) => rules[ORDER_KEY[a]] - rules[ORDER_KEY[b]] || RANKED_TIERS.indexOf(a) - RANKED_TIERS.indexOf(b));
    ORDERS.set(rules, o);
  }
  return o;
}

/**
 * Sorts a customer into seed 000's kinds (SPEC § Value tiers):
 * 风险 — ≥ 2 complaints in the last 90 days, a complaint past its deadline, or a won / after-sales
 * customer whose intent is 低; 高价值 — won ≥ 500,000 within the last 365 days, or a 战略 account;
 * 潜力 — open, core need filled, deal size ≥ 100,000 and expected close more than 180 days away;
 * 沉睡 — status 沉睡; else 一般. The first that applies in the Rules order wins; every one that
 * applies is kept for the reason. Closed customers (lost, churned, invalid) get no tier: null.
 * @example valueTier({ ...input, complaints: { recent: 2, late: 0 }, accountTier: "strategic" }, rules, today)
 *   // { tier: "risk", applies: ["risk", "highValue"], facts: [...] }
 */
export function valueTier(input: TierInput, rules: Rules, today: DayNumber): TierResult | null {
  if (input.stage === "closed") return null;
  // Most customers match nothing: one shared result, no arrays (grading runs this 100,000 times).
  if (
    input.complaints.recent < rules.riskComplaints &&
    input.complaints.late === 0 &&
    !(input.stage === "maintenance" && input.intent === "low") &&
    input.wonDate === null &&
    input.accountTier !== "strategic" &&
    input.need.trim() === "" &&
    input.status !== "dormant"
  )
    return STANDARD;
  const facts: TierFact[] = [];
  const c = input.complaints;
  if (c.recent >= rules.riskComplaints) facts.push({ tier: "risk", kind: "complaints", count: c.recent, days: rules.riskWindowDays });
  if (c.late > 0) facts.push({ tier: "risk", kind: "late", count: c.late });
  if (input.stage === "maintenance" && input.intent === "low") facts.push({ tier: "risk", kind: "lowIntentWon" });

  // A won date later than today (a typo, or a contract dated ahead) still counts as recent.
  const wonRecently = input.wonDate !== null && today - input.wonDate <= rules.highValueWindowDays;
  if (wonRecently && input.wonAmount !== null && input.wonAmount >= rules.highValueWon) {
    facts.push({ tier: "highValue", kind: "wonAmount", amount: input.wonAmount, days: rules.highValueWindowDays });
  }
  if (rules.highValueStrategic === 1 && input.accountTier === "strategic") facts.push({ tier: "highValue", kind: "strategic" });

  if (
    input.stage === "open" &&
    input.need.trim() !== "" &&
    input.amount !== null &&
    input.amount >= rules.potentialAmount &&
    input.closeDate !== null &&
    input.closeDate - today > rules.potentialCloseDays
  ) {
    facts.push({ tier: "potential", kind: "pipeline", amount: input.amount, days: input.closeDate - today });
  }
  if (input.status === "dormant") facts.push({ tier: "dormant", kind: "dormant" });

  const applies = tierOrder(rules).filter((t) => facts.some((f) => f.tier === t));
  return { tier: applies[0] ?? "standard", applies, facts };
}
