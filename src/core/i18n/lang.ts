export type Lang = "zh-CN" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];

/** Any Office language tag (`zh-cn`, `zh-TW`, `en-GB` …) mapped onto the two we ship. */
export function toLang(tag: string | null | undefined): Lang {
  return tag && tag.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/** A pair of texts, one per language. */
export type Texts = Readonly<Record<Lang, string>>;
