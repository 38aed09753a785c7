import type { Lang } from "../i18n/lang";
import { formatAmountShort } from "../i18n/messages";
import { fill, healthText } from "./messages";
import type { TierFact, TierResult } from "./valueTier";

function factText(f: TierFact, lang: Lang): string {
  const m = healthText(lang).fact;
  switch (f.kind) {
    case "complaints":
      return fill(m.complaints, { count: f.count, days: f.days });
    case "late":
      return fill(m.late, { count: f.count });
    case "lowIntentWon":
      return m.lowIntentWon;
    case "wonAmount":
      return fill(m.wonAmount, { amount: formatAmountShort(f.amount, lang), days: f.days });
    case "strategic":
      return m.strategic;
    case "pipeline":
      return fill(m.pipeline, { amount: formatAmountShort(f.amount, lang), days: f.days });
    case "dormant":
      return m.dormant;
  }
}

/**
 * The reason a rep reads: the winning tier with its facts, then every other tier that also applies.
 * @example renderTierReason(result, "zh-CN") // "风险:90天内投诉2次;亦为高价值"
 */
export function renderTierReason(r: TierResult, lang: Lang): string {
  const h = healthText(lang);
  if (r.tier === "standard") return h.reason.standard;
  const facts = r.facts
    .filter((f) => f.tier === r.tier)
    .map((f) => factText(f, lang))
    .join(h.reason.factSep);
  const others = r.applies.slice(1).map((t) => h.tier[t]);
  const head = fill(h.reason.head, { tier: h.tier[r.tier], facts });
  return others.length > 0 ? head + fill(h.reason.also, { tiers: others.join(h.reason.listSep) }) : head;
}
