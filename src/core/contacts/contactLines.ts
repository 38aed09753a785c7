import type { Lang } from "../i18n/lang";
import { maskPhone } from "../checks/privacy";
import { entryLabel } from "../template/lists";
import { idKey } from "../followup/history";
import { ROLES, type ContactRecord } from "./readContacts";

/** A contact as the customer card shows it: the phone masked (display only; the cell is never rewritten). */
export interface ContactLine {
  readonly name: string;
  readonly title: string;
  /** The role's label in the workbook's language, or the text as typed when it is not on the list. */
  readonly role: string;
  readonly decisionMaker: boolean;
  readonly phoneMasked: string;
  readonly primary: boolean;
}

/**
 * The contacts of one customer for the card, main contacts first.
 * @example contactLines(contacts, "KH-202605-001", "zh-CN")[0] // { name: "李总", role: "决策人", phoneMasked: "138****5678", … }
 */
export function contactLines(byCustomer: ReadonlyMap<string, readonly ContactRecord[]>, customerId: string, lang: Lang): ContactLine[] {
  return (byCustomer.get(idKey(customerId)) ?? []).map((c) => ({
    name: c.name, title: c.title, role: c.role ? entryLabel(ROLES[c.role], lang) : c.roleText,
    decisionMaker: c.role === "decisionMaker", phoneMasked: c.phone === "" ? "" : maskPhone(c.phone), primary: c.primary,
  }));
}
