import { perLang } from "../i18n/lang";
import { say } from "../i18n/catalogue";
import { thresholdAmount } from "../i18n/messages";
import { ruleDefault } from "../rules/ruleDefs";
import { columnOf, type ColumnDef } from "./columnDef";
import { POOL_CUSTOMER_COLUMNS } from "../pool/columns";
import { CONTACT_FOLLOWUP_COLUMNS, personColumns } from "../contacts/columns";
import { TIER_COLUMNS } from "../health/columns";

export type { ColumnDef, ColumnType } from "./columnDef";

export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT_FORMAT = "@";
export const AMOUNT_FORMAT = "#,##0.00";
export const INTEGER_FORMAT = "0";

export function numberFormatOf(col: ColumnDef): string {
  if (col.numberFormat) return col.numberFormat;
  switch (col.type) {
    case "date":
      return DATE_FORMAT;
    case "amount":
      return AMOUNT_FORMAT;
    case "number":
      return INTEGER_FORMAT;
    case "list":
      return "General";
    default:
      // Text, IDs and phone numbers are stored as text so Excel never turns 13800138000 into 1.38E+10.
      return TEXT_FORMAT;
  }
}

/** A text built once per shipped language (from the catalogues). */

const customer = columnOf("customers");
const followUp = columnOf("followups");
const derived = { derived: true } as const;

export const CUSTOMER_COLUMNS: readonly ColumnDef[] = [
  customer("id", "id", 16, { required: true }),
  customer("name", "text", 28, { required: true }),
  customer("shortName", "text", 12),
  customer("type", "list", 10, { list: "customerType" }),
  customer("value", "list", 10, { list: "tier" }),
  customer("industry", "list", 22, { required: true, list: "industry" }),
  customer("subIndustry", "text", 16),
  customer("size", "list", 11, { list: "size" }),
  customer("province", "list", 10, { list: "province" }),
  customer("city", "text", 8),
  customer("source", "list", 12, { list: "source" }),
  customer("sourceDetail", "text", 16),
  // The main contact; the Title column is narrower here than on the Contacts sheet.
  ...personColumns(customer, "contact", 10),
  customer("need", "text", 24),
  // The thresholds are the Rules' defaults: changing one in ruleDefs.ts changes this prompt with it.
  customer("amount", "amount", 14, { promptText: perLang((lang) => say(lang, "workbook", "amountPrompt", { a: thresholdAmount(ruleDefault("importanceA"), lang), b: thresholdAmount(ruleDefault("importanceB"), lang) })) }),
  customer("closeDate", "date", 13, { promptText: perLang((lang) => say(lang, "workbook", "closeDatePrompt", { a: ruleDefault("urgencyADays"), aNext: ruleDefault("urgencyADays") + 1, b: ruleDefault("urgencyBDays") })) }),
  customer("fit", "list", 8, { list: "level" }),
  customer("intent", "list", 8, { list: "level" }),
  customer("stage", "list", 10, { required: true, list: "stage" }),
  customer("competitor", "text", 12),
  customer("wonDate", "date", 11),
  customer("wonAmount", "amount", 13),
  customer("lostReason", "list", 11, { list: "lostReason" }),
  customer("tags", "tags", 16),
  customer("owner", "list", 9, { required: true, list: "team", warnOnly: true }),
  customer("created", "date", 11, { promptText: perLang((lang) => say(lang, "workbook", "createdPrompt", { days: ruleDefault("firstContactDays") })) }),
  customer("gradeOverride", "list", 9, { list: "gradeOverride" }),
  customer("notes", "text", 20),
  customer("grade", "text", 8, derived),
  customer("gradeReason", "text", 34, derived),
  customer("firstContact", "date", 12, derived),
  customer("lastContact", "date", 12, derived),
  customer("followUps", "number", 8, derived),
  customer("nextDue", "date", 12, derived),
  customer("daysToDue", "number", 10, derived),
  // General, not Text: Excel stores a formula typed or written into a Text cell as literal text.
  customer("status", "text", 9, { derived: true, numberFormat: "General" }),
  ...POOL_CUSTOMER_COLUMNS,
  ...TIER_COLUMNS,
];

export const FOLLOWUP_COLUMNS: readonly ColumnDef[] = [
  followUp("date", "date", 11, { required: true }),
  followUp("customerId", "id", 16, { required: true }),
  followUp("customerName", "text", 24, derived),
  followUp("by", "list", 9, { required: true, list: "team", warnOnly: true }),
  followUp("method", "list", 10, { required: true, list: "method" }),
  followUp("summary", "text", 36, { required: true }),
  followUp("feedback", "text", 24),
  followUp("nextStep", "text", 24),
  followUp("nextDate", "date", 12),
  followUp("stageChange", "list", 10, { list: "stage" }),
  ...CONTACT_FOLLOWUP_COLUMNS,
];
