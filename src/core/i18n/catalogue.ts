import { perLang, type Lang, type Texts } from "./lang";
import { EN_US } from "./locales/en-US";
import { ZH_CN } from "./locales/zh-CN";

/**
 * The one home for words. `locales/en-US.ts` defines every section, key and `{parameter}`;
 * each other language is a file typed `Catalogue`, so a missing key fails the type check, and
 * test/foundation/catalogues.test.ts checks that every language uses the same parameters.
 * A third language is a new file here plus one line in CATALOGUES (and its tag in `Lang`).
 */
type Reference = typeof EN_US;
export type Section = keyof Reference;
export type Catalogue = { readonly [S in Section]: { readonly [K in keyof Reference[S]]: string } };

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { "en-US": EN_US, "zh-CN": ZH_CN };

/** `{name}` parameters of a template, as a union of names (never when it has none). */
export type ParamNames<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
export type Params<T extends string> = Readonly<Record<ParamNames<T>, string | number>>;
type Template<S extends Section, K extends keyof Reference[S]> = Reference[S][K] extends string ? Reference[S][K] : never;
type ArgsOf<T extends string> = [ParamNames<T>] extends [never] ? [] : [params: Params<T>];

/**
 * Fills `{name}` placeholders; a name without a value stays as written, so a slip shows in review.
 * @example fill("第 {row} 行", { row: 3 }) === "第 3 行"
 */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i] as string;
    out += (Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : `{${k}}`) + (parts[i + 1] as string);
  }
  return out;
}

/**
 * A template cut once at its placeholders (text, name, text, name, …, text): an import's report
 * fills the same few templates for every one of 50,000 rows.
 */
function partsOf(template: string): readonly string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size < 2000) templateParts.set(template, parts);
  }
  return parts;
}
const templateParts = new Map<string, readonly string[]>();

/**
 * A message in a language, its parameters checked against the reference text at compile time.
 * @example say("zh-CN", "cli", "noProblems", { file: "a.xlsx" }) === "a.xlsx:未发现问题。"
 */
export function say<S extends Section, K extends keyof Reference[S] & string>(lang: Lang, section: S, key: K, ...args: ArgsOf<Template<S, K>>): string {
  const text = (CATALOGUES[lang][section] as Readonly<Record<string, string>>)[key] as string;
  const params = args[0] as Readonly<Record<string, string | number>> | undefined;
  return params ? fill(text, params) : text;
}

/** A whole section in one language, for code that looks keys up by a computed name. */
export function section<S extends Section>(lang: Lang, s: S): Catalogue[S] {
  return CATALOGUES[lang][s];
}

/** The languages shipped, each by its own name: what a language picker lists. */
export function languageName(lang: Lang): string {
  return CATALOGUES[lang].meta.languageName;
}

/**
 * A text looked up by a key built at run time (a column's `<table>.<key>`), in every shipped language;
 * undefined when the reference language lacks it. Typed keys (`say`) are for everything else.
 * @example textsOf("columns", "customers.id")?.["zh-CN"] === "客户编号"
 */
export function textsOf(s: Section, key: string): Texts | undefined {
  return textsIn((lang) => CATALOGUES[lang][s] as Readonly<Record<string, string>>, key);
}

/**
 * A text by a key built at run time from a set of word tables, one per language; undefined when the
 * reference language's table lacks the key (a missing translation reads as "").
 */
export function textsIn(words: (lang: Lang) => Readonly<Record<string, string>>, key: string): Texts | undefined {
  if (words("en-US")[key] === undefined) return undefined;
  return perLang((l) => words(l)[key] ?? "");
}
