import type { Lang } from "../i18n/lang";
import { fill, section } from "../i18n/catalogue";
import { CUSTOMER_COLUMNS } from "../template/columns";
import { sheetName } from "../template/sheets";

/**
 * "What to try first": the tour `npm start` prints and the Guide sheet repeats; its words are the
 * `firstSteps` section of the catalogues, with {customers}, {followUps} and {daysToDue} standing for
 * the names in the workbook.
 */
interface Tour {
  readonly title: string;
  readonly steps: readonly string[];
}
const tour = (lang: Lang): Tour => {
  const c = section(lang, "firstSteps");
  return { title: c.title, steps: [c.step1, c.step2, c.step3, c.step4, c.step5, c.step6] };
};
export const FIRST_STEPS: Readonly<Record<Lang, Tour>> = { "zh-CN": tour("zh-CN"), "en-US": tour("en-US") };

/**
 * The tour in one language with the workbook's names filled in: the title, then numbered steps.
 * @example firstSteps("en-US")[1] // "1. Open the \"Customers\" sheet: …"
 */
export function firstSteps(lang: Lang): string[] {
  const c = FIRST_STEPS[lang];
  const names: Readonly<Record<string, string>> = {
    customers: sheetName("customers", lang),
    followUps: sheetName("followUps", lang),
    daysToDue: CUSTOMER_COLUMNS.find((x) => x.key === "daysToDue")?.header[lang] ?? "",
  };
  return [c.title, ...c.steps.map((s, i) => `${i + 1}. ${fill(s, names)}`)];
}
