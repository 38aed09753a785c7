import type { Lang } from "../i18n/lang";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "./columns";
import { ruleDefault } from "../rules/ruleDefs";
import { say } from "../i18n/catalogue";
import { renderReason, thresholdAmount } from "../i18n/messages";
import { sheetName, TEMPLATE_VERSION } from "./sheets";
import { dashboardGuideRows } from "../dashboard/guide";
import { firstSteps } from "../demo/firstSteps";
import { healthDerivedHelp, healthGuideRows } from "../health/guide";
import { COMPLAINT_COLUMNS } from "../health/columns";
import { teamOpsDerivedHelp, teamOpsGuideRows } from "../pool/guide";
import { CONTACT_COLUMNS } from "../contacts/columns";

/** One row of the Guide sheet: a heading, a paragraph, or a column line (sheet, column, required, how, example). */
export type GuideRow =
  | { readonly kind: "title" | "heading" | "text"; readonly text: string }
  | { readonly kind: "column"; readonly cells: readonly [string, string, string, string] };

function columnRow(sheet: string, c: ColumnDef, lang: Lang): GuideRow {
  // The Customer ID is required, but a blank one is ours to fill: say so rather than contradict the prompt.
  const req = c.derived ? say(lang, "guide", "computed") : c.type === "id" && c.key === "id" ? say(lang, "guide", "requiredGenerated") : c.required ? say(lang, "guide", "required") : say(lang, "guide", "optional");
  const how = c.prompt ? c.prompt.text[lang] : derivedHelp(c.key, lang) || healthDerivedHelp(c.key, lang);
  return { kind: "column", cells: [sheet, c.header[lang], req, how] };
}

/** The reason column's example is a real reason, rendered from the default thresholds. */
function sampleReason(lang: Lang): string {
  return renderReason({
    parts: [
      { dim: "urgency", letter: "A", days: 20, bound: ruleDefault("urgencyADays") },
      { dim: "importance", letter: "B", amount: 200000 },
      { dim: "fit", letter: "A", level: "high" },
      { dim: "intent", letter: "B", level: "medium" },
    ],
    score: 2.5, computed: "A", strategicFloor: false, override: null, final: "A",
  }, lang);
}

function derivedHelp(key: string, lang: Lang): string {
  switch (key) {
    case "grade": return say(lang, "guide", "helpGrade");
    case "gradeReason": return say(lang, "guide", "helpGradeReason", { example: sampleReason(lang) });
    case "firstContact": return say(lang, "guide", "helpFirstContact");
    case "lastContact": return say(lang, "guide", "helpLastContact");
    case "followUps": return say(lang, "guide", "helpFollowUps");
    case "nextDue": return say(lang, "guide", "helpNextDue");
    case "daysToDue": return say(lang, "guide", "helpDaysToDue");
    case "status": return say(lang, "guide", "helpStatus");
    case "customerName": return say(lang, "guide", "helpCustomerName");
    default: return teamOpsDerivedHelp(key, lang);
  }
}

/**
 * The Guide sheet for new staff, generated from the same definitions as the sheets themselves,
 * so it can never describe a column that is not there, and its numbers are the Rules' defaults.
 */
export function guideRows(lang: Lang): GuideRow[] {
  const cu = sheetName("customers", lang);
  const fu = sheetName("followUps", lang);
  const rules = sheetName("rules", lang);
  // Every number a rule text states is the rule's default: the Guide never disagrees with the Rules sheet.
  const v = ruleDefault;
  // "What to try first": its words live in the demo's catalogue, shared with `npm start`.
  const [tryTitle = "", ...trySteps] = firstSteps(lang);
  const rows: GuideRow[] = [
    { kind: "title", text: say(lang, "guide", "title", { version: TEMPLATE_VERSION }) },
    { kind: "text", text: say(lang, "guide", "step1", { customers: cu }) },
    { kind: "text", text: say(lang, "guide", "step2", { followUps: fu }) },
    { kind: "text", text: say(lang, "guide", "step3") },
    { kind: "text", text: say(lang, "import", "guideImport") },
    { kind: "heading", text: tryTitle },
    ...trySteps.map((text): GuideRow => ({ kind: "text", text })),
    { kind: "heading", text: say(lang, "guide", "rulesHeading", { rules }) },
    { kind: "text", text: say(lang, "guide", "dimensions", {
      urgencyA: v("urgencyADays"), urgencyB: v("urgencyBDays"),
      importanceA: thresholdAmount(v("importanceA"), lang), importanceB: thresholdAmount(v("importanceB"), lang),
    }) },
    { kind: "text", text: say(lang, "guide", "scoring", { gradeA: v("gradeA"), gradeB: v("gradeB"), minDimensions: v("minDimensions") }) },
    { kind: "text", text: say(lang, "guide", "cadence", {
      cadenceA: v("cadenceA"), cadenceB: v("cadenceB"), cadenceC: v("cadenceC"), cadenceMaintenance: v("cadenceMaintenance"), firstContactDays: v("firstContactDays"),
    }) },
    { kind: "text", text: say(lang, "guide", "states", { dormantDays: v("dormantDays") }) },
    ...healthGuideRows(lang),
    ...dashboardGuideRows(lang),
    { kind: "heading", text: say(lang, "guide", "privacyHeading") },
    { kind: "text", text: say(lang, "guide", "privacy") },
    ...teamOpsGuideRows(lang),
    { kind: "heading", text: say(lang, "guide", "columnsHeading") },
    { kind: "column", cells: [say(lang, "guide", "headSheet"), say(lang, "guide", "headColumn"), say(lang, "guide", "headRequired"), say(lang, "guide", "headHow")] },
  ];
  for (const c of CUSTOMER_COLUMNS) rows.push(columnRow(cu, c, lang));
  for (const c of FOLLOWUP_COLUMNS) rows.push(columnRow(fu, c, lang));
  for (const c of CONTACT_COLUMNS) rows.push(columnRow(sheetName("contacts", lang), c, lang));
  for (const c of COMPLAINT_COLUMNS) rows.push(columnRow(sheetName("complaints", lang), c, lang));
  return rows;
}

/** Display width of a text (CJK and full-width characters count twice), for sizing wrapped rows. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Column widths of the Guide sheet (characters), and the height a paragraph row needs when merged across them. */
export const GUIDE_WIDTHS = [12, 22, 18, 84] as const;
export function guideRowHeight(text: string, pointsPerLine = 16): number {
  const perLine = GUIDE_WIDTHS.reduce((a, b) => a + b, 0) - 4;
  return Math.max(1, Math.ceil(displayWidth(text) / perLine)) * pointsPerLine;
}
