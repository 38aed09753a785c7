import type { Lang } from "../i18n/lang";
import type { TableSpec, ValidationSpec } from "../plan/installPlan";
import { BLANK, type PlanValue } from "../plan/plan";
import { numberFormatOf } from "../template/columns";
import { headerText } from "../model/headers";
import { columnLetter } from "../model/workbookModel";
import { SHEETS } from "../template/sheets";
import { teamOpsTexts } from "../pool/i18n";
import { CONTACT_COLUMNS } from "./columns";
import { validationTitle } from "../template/validationTitle";

/** Column key → 1-based worksheet column. */
type Positions = Readonly<Record<string, number>>;

export const CONTACT_POSITIONS: Positions = Object.fromEntries(CONTACT_COLUMNS.map((d, i) => [d.key, i + 1]));

/**
 * The live 客户名称 / Customer name of a contact row: looked up from the Customers sheet by ID, so it
 * follows a renamed customer without the add-in. Plain ranges, not structured references (LibreOffice
 * and WPS read those poorly).
 */
export function contactNameFormula(customersRef: string, customerPositions: Positions, row: number | string): string {
  const id = columnLetter(customerPositions.id as number);
  const name = columnLetter(customerPositions.name as number);
  const own = `$${columnLetter(CONTACT_POSITIONS.customerId as number)}${row}`;
  return `=IF(${own}="","",IFERROR(INDEX(${customersRef}$${name}:$${name},MATCH(${own},${customersRef}$${id}:$${id},0)),""))`;
}

/** The Contacts table of a new install: headers, formats, and the customer-name lookup as its calculated column. */
export function contactsTable(lang: Lang, customersRef: string, customerPositions: Positions, rows: readonly PlanValue[][] = []): TableSpec {
  return {
    sheet: "contacts", name: SHEETS.contacts.table as string, row: 1, column: 1,
    headers: CONTACT_COLUMNS.map((d) => headerText(d, lang)),
    rows: rows.length > 0 ? rows : [CONTACT_COLUMNS.map(() => BLANK)],
    numberFormats: CONTACT_COLUMNS.map(numberFormatOf),
    widths: CONTACT_COLUMNS.map((d) => d.width),
    derived: CONTACT_COLUMNS.map((d) => Boolean(d.derived)),
    calculated: CONTACT_COLUMNS.map((d) => (d.key === "customerName" ? contactNameFormula(customersRef, customerPositions, "{row}") : null)),
  };
}

/**
 * The Contacts validations: the generic ones for each column type, with 主联系人 turned into a
 * 是/否 dropdown in the workbook's language (words the Rules switches also accept).
 */
export function contactsValidations(generic: readonly ValidationSpec[], lang: Lang): ValidationSpec[] {
  const L = columnLetter(CONTACT_POSITIONS.primary as number);
  const w = teamOpsTexts(lang).words;
  const def = CONTACT_COLUMNS.find((d) => d.key === "primary");
  return generic.map((v) => {
    if (!v.range.startsWith(`${L}2:`) || !def?.error) return v;
    return { ...v, rule: { kind: "list", source: `${w.yes},${w.no}` }, error: { title: validationTitle(def.header[lang]), text: def.error[lang], style: "stop" } };
  });
}
