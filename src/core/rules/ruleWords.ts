import { perLang, type Lang } from "../i18n/lang";
import { fill, say, section } from "../i18n/catalogue";
import type { RuleDef } from "./ruleDefs";

/*
 * Kept apart from ruleDefs.ts so that the pool's rows (core/pool/poolRuleDefs.ts), which ruleDefs.ts
 * imports, can take their words from the same place without an import cycle.
 */

export { perLang };
const words = (lang: Lang): Readonly<Record<string, string>> => section(lang, "rules");

/**
 * A cadence in the language's words, so a note that states a default takes its number from the rule.
 * @example cadenceWords(7, "zh-CN") === "每周"; cadenceWords(10, "en-US") === "every 10 days"
 */
export function cadenceWords(days: number, lang: Lang): string {
  if (days === 7) return say(lang, "rules", "everyWeek");
  if (days === 14) return say(lang, "rules", "everyTwoWeeks");
  if (days === 30) return say(lang, "rules", "everyMonth");
  return say(lang, "rules", "everyDays", { days });
}

/**
 * A rule with its label and note from the catalogues' "rules" section, keyed "<rule>.label" / "<rule>.note".
 * @example withWords({ key: "releaseA", kind: "integer", defaultValue: 30, min: 1, max: 3650 }).label["en-US"] === "Pool release A (days)"
 */
export function withWords(d: Omit<RuleDef, "label" | "note">): RuleDef {
  const at = (lang: Lang, part: string): string => words(lang)[`${d.key}.${part}`] ?? d.key;
  const every = (lang: Lang): string => (typeof d.defaultValue === "number" ? cadenceWords(d.defaultValue, lang) : "");
  return { ...d, label: perLang((l) => at(l, "label")), note: perLang((l) => fill(at(l, "note"), { every: every(l) })) };
}
