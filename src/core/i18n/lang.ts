export type Lang = "zh-CN" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];

/** Any Office language tag (`zh-cn`, `zh-TW`, `en-GB` …) mapped onto the two we ship. */
export function toLang(tag: string | null | undefined): Lang {
  return tag && tag.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/** A pair of texts, one per language. */
export type Texts = Readonly<Record<Lang, string>>;

/**
 * A text in every shipped language.
 * @example perLang((l) => (l === "zh-CN" ? "是" : "Yes"))["en-US"] === "Yes"
 */
export const perLang = (f: (lang: Lang) => string): Texts => Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Record<Lang, string>;

/**
 * The user's language from POSIX locale variables, most specific first (LC_ALL, LC_MESSAGES, LANG);
 * `C`, `POSIX` or nothing set is English.
 * @example localeLang({ LANG: "zh_CN.UTF-8" }) === "zh-CN"
 */
export function localeLang(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const v = env[name];
    if (v) return toLang(v);
  }
  return "en-US";
}
