import type { Lang } from "../i18n/lang";
import { fill, section } from "../i18n/catalogue";
import type { IMPORT_EN_US } from "../i18n/locales/import.en-US";

export type ImportTextKey = keyof typeof IMPORT_EN_US;

/** The import section of the catalogues, per language (the report sheet's name in both, for instance). */
export const IMPORT_TEXTS: Readonly<Record<Lang, Readonly<Record<ImportTextKey, string>>>> = {
  get "zh-CN"() { return section("zh-CN", "import"); },
  get "en-US"() { return section("en-US", "import"); },
};

/**
 * One import text in a language, placeholders filled (a computed key, so the catalogue's `say` cannot check it).
 * @example importText("en-US", "noteMissingDate") // "follow-up date missing or unreadable; not imported"
 */
export function importText(lang: Lang, key: ImportTextKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return fill(section(lang, "import")[key], vars);
}
