import type { Lang } from "../../../../core/i18n/lang";
import { format } from "../../../strings";
import { enUS, type HealthStringKey } from "./en-US";
import { zhCN } from "./zh-CN";

export type { HealthStringKey };
export const HEALTH_STRINGS: Readonly<Record<Lang, Readonly<Record<HealthStringKey, string>>>> = { "en-US": enUS, "zh-CN": zhCN };

/** A health string in the pane's language, `{name}` placeholders filled. */
export function healthT(lang: Lang, key: HealthStringKey, values?: Readonly<Record<string, string | number>>): string {
  return format(HEALTH_STRINGS[lang][key], values);
}
