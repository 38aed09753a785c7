import type { Lang } from "../i18n/lang";
import type { DayNumber } from "../_lib/calendar";
import { say } from "../i18n/catalogue";
import { RULE_DEFS, META_ROWS } from "../rules/ruleDefs";
import { date, num, text, type PlanValue } from "../plan/plan";
import { TEMPLATE_VERSION } from "./sheets";

/** Row of the Rules table (1-based worksheet row) holding a rule's value. */
export function ruleRow(key: string): number {
  const i = RULE_DEFS.findIndex((r) => r.key === key);
  return 2 + Object.keys(META_ROWS).length + i;
}

/** The Rules table's rows: the meta rows (language, version, last graded), then every rule at its default. */
export function rulesRows(lang: Lang, lastGraded: DayNumber | null): PlanValue[][] {
  const yes = say(lang, "workbook", "yes");
  const no = say(lang, "workbook", "no");
  const meta: PlanValue[][] = [
    [text(META_ROWS.language[lang]), text(lang), text(say(lang, "workbook", "languageNote"))],
    [text(META_ROWS.templateVersion[lang]), num(TEMPLATE_VERSION), text(say(lang, "workbook", "versionNote"))],
    [text(META_ROWS.lastGraded[lang]), date(lastGraded), text(say(lang, "workbook", "lastGradedNote"))],
  ];
  const rules = RULE_DEFS.map((r): PlanValue[] => [
    text(r.label[lang]),
    typeof r.defaultValue === "boolean" ? text(r.defaultValue ? yes : no) : num(r.defaultValue),
    text(r.note[lang]),
  ]);
  return [...meta, ...rules];
}
