import { LANGS, type Lang } from "../i18n/lang";
import { fill, section, type Catalogue } from "../i18n/catalogue";

/** Keys of the catalogues' `dashboard` section: every word the dashboard shows (sheet, command line, Overview tab). */
export type DashboardMessageKey = keyof Catalogue["dashboard"];

/**
 * A dashboard string with its `{placeholders}` filled, from the catalogues. Keys are computed by
 * the layout (one per KPI and column), so this looks them up in the section rather than by `say`.
 * @example dashText("en-US", "colMedian", { date: "2026-05-01" }) // "Median as of 2026-05-01"
 */
export function dashText(lang: Lang, key: DashboardMessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return fill(section(lang, "dashboard")[key], vars);
}

/** The section in each language (tests compare them). */
export const DASHBOARD_MESSAGES: Readonly<Record<Lang, Catalogue["dashboard"]>> = Object.fromEntries(LANGS.map((l) => [l, section(l, "dashboard")])) as Record<Lang, Catalogue["dashboard"]>;

/** Both names of the dashboard sheet: a rebuild finds it under either. */
export const DASHBOARD_SHEET_NAMES: readonly string[] = LANGS.map((l) => section(l, "dashboard").sheetName);
