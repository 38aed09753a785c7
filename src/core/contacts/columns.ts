import { columnOf, type ColumnDef, type ColumnMaker } from "../template/columnDef";

const contact = columnOf("contacts");
const followUp = columnOf("followups");

/**
 * A person: name, title, decision role, phone, WeChat and email, the fields the customer row's main
 * contact and each Contacts row share (in this order, with the same rules). Only the name's key and
 * the title's width differ between the two tables.
 * @example personColumns(columnOf("contacts"), "name", 12).map((c) => c.key) // ["name", "title", "role", "phone", "wechat", "email"]
 */
export function personColumns(make: ColumnMaker, nameKey: string, titleWidth: number): ColumnDef[] {
  return [
    make(nameKey, "text", 10, { required: true }),
    make("title", "text", titleWidth),
    make("role", "list", 11, { list: "role" }),
    make("phone", "phone", 14),
    make("wechat", "text", 12),
    make("email", "email", 20),
  ];
}

/**
 * 联系人 / Contacts (seed 000's 决策链): several people per customer, each with a role. The customer row
 * keeps its main contact; this table holds the decision chain around it.
 */
export const CONTACT_COLUMNS: readonly ColumnDef[] = [
  // Only a warning: the customer row may be typed after its contacts.
  contact("customerId", "id", 16, { required: true, warnOnly: true }),
  contact("customerName", "text", 24, { derived: true, numberFormat: "General" }),
  ...personColumns(contact, "name", 12),
  contact("primary", "text", 9),
  contact("notes", "text", 20),
];

/** The Follow-ups column naming whom the rep spoke to (a name from the Contacts table, or any name). */
export const CONTACT_FOLLOWUP_COLUMNS: readonly ColumnDef[] = [followUp("spokeWith", "text", 12)];
