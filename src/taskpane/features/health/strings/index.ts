import type { Lang } from "../../../../core/i18n/lang";
import { CATALOGUES, fill, type Catalogue } from "../../../../core/i18n/catalogue";

/** The complaint page's and the card's words: the `healthPane` section of the product's catalogues. */
export type HealthStringKey = keyof Catalogue["healthPane"];

/** A health string in the pane's language, `{name}` placeholders filled. */
export function healthT(lang: Lang, key: HealthStringKey, values?: Readonly<Record<string, string | number>>): string {
  return fill(CATALOGUES[lang].healthPane[key], values);
}
