import { columnOf, type ColumnDef } from "../template/columnDef";

const contact = columnOf("contacts");
const followUp = columnOf("followups");

/**
 * 联系人 / Contacts (seed 000's 决策链): several people per customer, each with a role. The customer row
 * keeps its main contact; this table holds the decision chain around it.
 */
export const CONTACT_COLUMNS: readonly ColumnDef[] = [
  // Only a warning: the customer row may be typed after its contacts.
  contact("customerId", "id", 16, { required: true, warnOnly: true }),
  contact("customerName", "text", 24, { derived: true, numberFormat: "General" }),
  contact("name", "text", 10, { required: true }),
  contact("title", "text", 12),
  contact("role", "list", 11, { list: "role" }),
  contact("phone", "phone", 14),
  contact("wechat", "text", 12),
  contact("email", "email", 20),
  contact("primary", "text", 9),
  contact("notes", "text", 20),
];

/** The Follow-ups column naming whom the rep spoke to (a name from the Contacts table, or any name). */
export const CONTACT_FOLLOWUP_COLUMNS: readonly ColumnDef[] = [followUp("spokeWith", "text", 12)];
