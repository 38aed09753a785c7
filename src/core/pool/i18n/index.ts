import type { Lang } from "../../i18n/lang";
import { TEAMOPS_EN_US, type TeamOpsTexts } from "./en-US";
import { TEAMOPS_ZH_CN } from "./zh-CN";

const TEXTS: Readonly<Record<Lang, TeamOpsTexts>> = { "en-US": TEAMOPS_EN_US, "zh-CN": TEAMOPS_ZH_CN };

/** The team operations' words in one language. */
export function teamOpsTexts(lang: Lang): TeamOpsTexts {
  return TEXTS[lang];
}

/**
 * Fills `{name}` placeholders; a name without a value stays as written.
 * @example fillText("A {a}", { a: 30 }) === "A 30"
 */
export function fillText(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : m));
}
