import type { Lang } from "../../i18n/lang";
import { section } from "../../i18n/catalogue";
import type { HealthCatalogue } from "./catalogue";

export { fill, type HealthCatalogue } from "./catalogue";

const cache = new Map<Lang, HealthCatalogue>();

/** The health words in one language, from the product's catalogues (src/core/i18n/locales). */
export function healthText(lang: Lang): HealthCatalogue {
  let c = cache.get(lang);
  if (!c) {
    const g = section(lang, "healthGuide");
    c = {
      tier: section(lang, "tier"),
      strategy: section(lang, "strategy"),
      fact: section(lang, "tierFact"),
      reason: section(lang, "tierReason"),
      complaintStatus: section(lang, "complaintStatus"),
      guide: {
        heading: g.heading,
        intro: g.intro,
        tierLine: g.tierLine,
        complaints: g.complaints,
        when: { risk: g.whenRisk, highValue: g.whenHighValue, potential: g.whenPotential, dormant: g.whenDormant, standard: g.whenStandard },
        derived: { valueTier: g.derivedValueTier, tierReason: g.derivedTierReason, customerName: g.derivedCustomerName, slaStatus: g.derivedSlaStatus },
      },
    };
    cache.set(lang, c);
  }
  return c;
}
