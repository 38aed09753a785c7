import type { Lang, Texts } from "../i18n/lang";
import { textsIn } from "../i18n/catalogue";
import { DEMO_EN_US } from "../i18n/locales/demo.en-US";
import { DEMO_ZH_CN } from "../i18n/locales/demo.zh-CN";

/**
 * The demo's words (locales/demo.*.ts), one catalogue per language, kept apart from the product's
 * CATALOGUES: only the demo (the command line's `demo`, `npm start`) reads them, and everything that
 * imports the catalogues (the task pane's first chunk among them) would otherwise carry them too.
 * The demo's modules hold only structure and look their texts up here by key. A third language adds
 * its file here as it adds its catalogue to CATALOGUES.
 */
export const DEMO_CATALOGUES: Readonly<Record<Lang, { readonly [K in keyof typeof DEMO_EN_US]: string }>> = { "en-US": DEMO_EN_US, "zh-CN": DEMO_ZH_CN };

/**
 * A demo text in every shipped language. A key the reference catalogue lacks is a programming error,
 * caught the first time the demo's modules load.
 * @example demoText("competitor.yonyou")["zh-CN"] === "用友"
 */
export function demoText(key: string): Texts {
  const t = demoTextIfAny(key);
  if (!t) throw new Error(`no demo words for ${key}`);
  return t;
}

/**
 * A demo text where the catalogue has one: for structure that only some entries fill (a source
 * detail for some lead sources, a terse summary for some methods).
 * @example demoTextIfAny("terse.email") === undefined
 */
export function demoTextIfAny(key: string): Texts | undefined {
  return textsIn((lang) => DEMO_CATALOGUES[lang] as Readonly<Record<string, string>>, key);
}

/**
 * A numbered list, `<prefix>.1` up to the last number the reference catalogue has: how many sayings
 * there are is the catalogue's business, how they are drawn the code's.
 * @example demoList("talk.attempt").length === 2
 */
export function demoList(prefix: string): Texts[] {
  const out: Texts[] = [];
  for (let n = 1; ; n++) {
    const t = demoTextIfAny(`${prefix}.${n}`);
    if (!t) return out;
    out.push(t);
  }
}

/**
 * A numbered list paired with the structure it belongs to, one text per item, in order; a count that
 * does not match is a programming error.
 * @example pairedList("talk.attempt", ["phone", "wechat"])[1] // ["wechat", { "zh-CN": "微信好友申请…", … }]
 */
export function pairedList<T>(prefix: string, items: readonly T[]): Array<readonly [T, Texts]> {
  const texts = demoList(prefix);
  if (texts.length !== items.length) throw new Error(`${prefix}: ${texts.length} texts for ${items.length} items`);
  return items.map((item, i) => [item, texts[i] as Texts] as const);
}
