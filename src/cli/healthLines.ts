import type { Lang } from "../core/i18n/lang";
import { say } from "../core/i18n/catalogue";
import type { HealthSummary } from "../core/health/customerHealth";

/** The two summary lines `grade` adds: customers per value tier, and open / late complaints. */
export function healthSummaryLines(h: HealthSummary, lang: Lang): string[] {
  const t = h.byTier;
  return [
    say(lang, "healthCli", "tiers", { risk: t.risk, highValue: t.highValue, potential: t.potential, dormant: t.dormant, standard: t.standard }),
    say(lang, "healthCli", "complaints", { total: h.complaints.total, open: h.complaints.open, late: h.complaints.late }),
  ];
}
