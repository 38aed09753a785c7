import type { Lang } from "../../i18n/lang";
import type { HealthCatalogue } from "./catalogue";
import { zhCN } from "./zh-CN";
import { enUS } from "./en-US";

export { fill, type HealthCatalogue } from "./catalogue";

const CATALOGUES: Readonly<Record<Lang, HealthCatalogue>> = { "zh-CN": zhCN, "en-US": enUS };

/** The health words in one language. */
export function healthText(lang: Lang): HealthCatalogue {
  return CATALOGUES[lang];
}
