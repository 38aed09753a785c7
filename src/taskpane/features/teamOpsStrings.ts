import type { Lang } from "../../core/i18n/lang";
import { CATALOGUES, fill, type Catalogue } from "../../core/i18n/catalogue";
import { usePane } from "../context";

/** The Pool and Handover pages' words: catalogue section `teamopsPane`. */
export const TEAM_OPS_STRINGS: Readonly<Record<Lang, Catalogue["teamopsPane"]>> = { "en-US": CATALOGUES["en-US"].teamopsPane, "zh-CN": CATALOGUES["zh-CN"].teamopsPane };
export type TeamOpsKey = keyof Catalogue["teamopsPane"];

/** `tt("claimed", { id })` in the pane's language. */
export function useTeamOpsText(): (key: TeamOpsKey, values?: Readonly<Record<string, string | number>>) => string {
  const { lang } = usePane();
  return (key, values = {}) => fill(CATALOGUES[lang].teamopsPane[key], values);
}
