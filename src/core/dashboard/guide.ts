import type { Lang } from "../i18n/lang";
import { say } from "../i18n/catalogue";
import type { GuideRow } from "../template/guide";
import { ruleDefault } from "../rules/ruleDefs";
import { sheetName } from "../template/sheets";
import { dashText } from "./messages";

/**
 * The Guide's Dashboard section: a heading and one paragraph per group of figures, saying exactly
 * what each counts (the words live in the catalogues' `dashboardGuide` section).
 * @example dashboardGuideRows("zh-CN")[0] // { kind: "heading", text: "看板:各项数字的含义" }
 */
export function dashboardGuideRows(lang: Lang): GuideRow[] {
  const v = { customers: sheetName("customers", lang), followUps: sheetName("followUps", lang), dashboard: dashText(lang, "sheetName"), rules: sheetName("rules", lang) };
  const cadenceA = String(ruleDefault("cadenceA"));
  const text = (t: string): GuideRow => ({ kind: "text", text: t });
  return [
    { kind: "heading", text: dashText(lang, "guideHeading") },
    text(say(lang, "dashboardGuide", "p1", { dashboard: v.dashboard, customers: v.customers, followUps: v.followUps })),
    text(say(lang, "dashboardGuide", "p2")),
    text(say(lang, "dashboardGuide", "p3", { followUps: v.followUps })),
    text(say(lang, "dashboardGuide", "p4")),
    text(say(lang, "dashboardGuide", "p5")),
    text(say(lang, "dashboardGuide", "p6", { cadenceA, rules: v.rules })),
    text(say(lang, "dashboardGuide", "p7")),
    text(say(lang, "dashboardGuide", "p8")),
    text(say(lang, "dashboardGuide", "p9", { customers: v.customers, complaints: sheetName("complaints", lang) })),
  ];
}
