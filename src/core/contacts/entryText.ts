import type { Lang } from "../i18n/lang";
import type { ListEntry } from "../template/lists";

/**
 * A list entry's label in a language.
 * @example entryText({ zh: "决策人", en: "Decision maker" }, "en-US") === "Decision maker"
 */
export function entryText(e: ListEntry, lang: Lang): string {
  return lang === "zh-CN" ? e.zh : e.en;
}
