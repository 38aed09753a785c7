import type { Texts } from "../i18n/lang";
import { textsOf } from "../i18n/catalogue";

/**
 * The demo's words live in the catalogues' `demo` section (locales/demo.*.ts); the demo's modules
 * hold only structure and look their texts up here by key.
 */

/**
 * A demo text in every shipped language. A key the reference catalogue lacks is a programming error,
 * caught the first time the demo's modules load.
 * @example demoText("competitor.yonyou")["zh-CN"] === "用友"
 */
export function demoText(key: string): Texts {
  const t = textsOf("demo", key);
  if (!t) throw new Error(`no demo words for ${key}`);
  return t;
}

/**
 * A demo text where the catalogue has one: for structure that only some entries fill (a source
 * detail for some lead sources, a terse summary for some methods).
 * @example demoTextIfAny("terse.email") === undefined
 */
export function demoTextIfAny(key: string): Texts | undefined {
  return textsOf("demo", key);
}

/**
 * A numbered list, `<prefix>.1` up to the last number the reference catalogue has: how many sayings
 * there are is the catalogue's business, how they are drawn the code's.
 * @example demoList("talk.attempt").length === 2
 */
export function demoList(prefix: string): Texts[] {
  const out: Texts[] = [];
  for (let n = 1; ; n++) {
    const t = textsOf("demo", `${prefix}.${n}`);
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
