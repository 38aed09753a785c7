import type { HealthCatalogue } from "./catalogue";

export const enUS: HealthCatalogue = {
  tier: { risk: "Risk", highValue: "High value", potential: "Potential", dormant: "Dormant", standard: "Standard" },
  strategy: {
    highValue: "Manager follows up in person; a visit every quarter",
    potential: "Bring in a specialist; send proposals regularly",
    risk: "Find out why; make a win-back plan",
    dormant: "Holiday greetings and news to re-engage",
    standard: "Follow up at the grade's cadence",
  },
  fact: {
    complaints: "{count} complaints in {days} days",
    late: "{count} complaints past their deadline",
    lowIntentWon: "won, but intent Low",
    wonAmount: "won {amount} within {days} days",
    strategic: "strategic account",
    pipeline: "{amount} deal closing in {days} days",
    dormant: "status Dormant",
  },
  reason: { head: "{tier}: {facts}", also: "; also {tiers}", factSep: ", ", listSep: ", ", standard: "no other tier applies" },
  complaintStatus: {
    awaitingResponse: "Awaiting response",
    responseLate: "Response late",
    inProgress: "In progress",
    solutionLate: "Solution late",
    awaitingCallback: "Awaiting call-back",
    callbackLate: "Call-back late",
    done: "Done",
  },
  guide: {
    heading: "Value tiers and complaints",
    intro: "Value tier: the Value tier column of \"{customers}\" is filled in by every grading run; Tier reason names every tier that applies. The first that applies, in this order, wins: Risk, High value, Potential, Dormant; everyone else is Standard. Managers change the thresholds, windows and order on \"{rules}\".",
    tierLine: "{tier}: {when}. Strategy: {strategy}.",
    when: {
      risk: "at least {riskComplaints} complaints in {riskWindowDays} days, a complaint past its deadline, or a won or after-sales customer whose intent is Low",
      highValue: "won at least {highValueWon} within the last {highValueWindowDays} days, or a Strategic account",
      potential: "open, core need filled, deal size at least {potentialAmount} and expected close more than {potentialCloseDays} days away",
      dormant: "follow-up status Dormant",
      standard: "none of the above",
    },
    complaints: "Complaints (whoever takes it owns it): log them at the end of \"{complaints}\" or on the add-in's Complaints page. Respond within {complaintRespondHours} h of receipt, give a solution within {complaintSolveHours} h, call back within {complaintCallbackDays} days of the solution and note the satisfaction (1-5). The SLA status column updates by itself: Awaiting response → Response late, In progress → Solution late, Awaiting call-back → Call-back late, Done; late rows turn red, also without the add-in. Complaints count towards the Risk tier.",
    derived: {
      valueTier: "Risk / High value / Potential / Dormant / Standard, from every grading run; closed customers carry no tier.",
      tierReason: "The tiers that apply and why, e.g. Risk: 2 complaints in 90 days; also High value",
      customerName: "Filled in from the Customer ID.",
      slaStatus: "Awaiting response, Response late, In progress, Solution late, Awaiting call-back, Call-back late, Done; a formula that stays current without the add-in.",
    },
  },
};
