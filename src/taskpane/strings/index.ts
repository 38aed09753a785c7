import en from "./en-US.json";
import zh from "./zh-CN.json";
import type { Lang } from "../../core/i18n/lang";

export type StringKey = keyof typeof en;
export type Strings = Readonly<Record<StringKey, string>>;

// zh-CN must carry every key en-US has: this line fails to compile otherwise.
const zhChecked: Strings = zh;
export const STRINGS: Readonly<Record<Lang, Strings>> = { "en-US": en, "zh-CN": zhChecked };

/** A string with `{name}` placeholders filled in. */
export function format(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
