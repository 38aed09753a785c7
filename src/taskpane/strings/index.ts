import type { Lang } from "../../core/i18n/lang";
import { CATALOGUES, fill, type Catalogue } from "../../core/i18n/catalogue";

/** The pane's words are the `pane` section of the product's catalogues (src/core/i18n/locales). */
export type StringKey = keyof Catalogue["pane"];
export type Strings = Catalogue["pane"];

export const STRINGS: Readonly<Record<Lang, Strings>> = { "en-US": CATALOGUES["en-US"].pane, "zh-CN": CATALOGUES["zh-CN"].pane };

/** A string with `{name}` placeholders filled in. */
export const format = fill;
