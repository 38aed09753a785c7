import { type TableModel, cell, sheetRow } from "../model/workbookModel";
import { LabelMap, parseText } from "../model/parse";
import { listDef, type ListEntry } from "../template/lists";
import { SWITCH_WORDS } from "../rules/ruleDefs";
import { normalizeLabel } from "../model/headers";
import { idKey } from "../followup/history";
import { isEmptyRow } from "../model/customers";
import { CONTACT_COLUMNS } from "./columns";

export type RoleKey = "decisionMaker" | "procurement" | "technical" | "user" | "influencer";

const ROLE_KEYS: readonly RoleKey[] = ["decisionMaker", "procurement", "technical", "user", "influencer"];
/** The contact-role list, keyed: the template's list stays the one source of the labels. */
export const ROLES: Readonly<Record<RoleKey, ListEntry>> = Object.fromEntries(
  ROLE_KEYS.map((k, i) => [k, listDef("role").entries[i] as ListEntry]),
) as Record<RoleKey, ListEntry>;
export const roleMap = new LabelMap(ROLES);

export interface ContactRecord {
  readonly index: number;
  readonly row: number;
  readonly customerId: string;
  readonly name: string;
  readonly title: string;
  readonly role: RoleKey | null;
  /** The role as typed, when it is not on the list (kept, shown as is). */
  readonly roleText: string;
  readonly phone: string;
  readonly wechat: string;
  readonly email: string;
  readonly primary: boolean;
  readonly notes: string;
}

const INPUT_KEYS = CONTACT_COLUMNS.filter((c) => !c.derived).map((c) => c.key);

function isYes(text: string): boolean {
  return (SWITCH_WORDS.yes as readonly string[]).includes(normalizeLabel(text));
}

/** Every non-empty row of the Contacts table. */
export function readContacts(t: TableModel | null | undefined): ContactRecord[] {
  if (!t) return [];
  const out: ContactRecord[] = [];
  const present = INPUT_KEYS.filter((k) => t.cols[k] !== undefined);
  for (let i = 0; i < t.rowCount; i++) {
    if (isEmptyRow(t, i, present)) continue;
    const txt = (k: string) => parseText(cell(t, k, i));
    const role = roleMap.parse(cell(t, "role", i));
    out.push({
      index: i, row: sheetRow(t, i), customerId: txt("customerId"), name: txt("name"), title: txt("title"),
      role: role.ok ? role.value : null, roleText: txt("role"), phone: txt("phone"), wechat: txt("wechat"),
      email: txt("email"), primary: isYes(txt("primary")), notes: txt("notes"),
    });
  }
  return out;
}

/** Contacts by normalised customer ID, main contacts first, then sheet order. */
export function contactsByCustomer(contacts: readonly ContactRecord[]): Map<string, ContactRecord[]> {
  const out = new Map<string, ContactRecord[]>();
  for (const c of contacts) {
    const k = idKey(c.customerId);
    if (k === "") continue;
    let list = out.get(k);
    if (!list) { list = []; out.set(k, list); }
    list.push(c);
  }
  for (const list of out.values()) list.sort((a, b) => Number(b.primary) - Number(a.primary) || a.row - b.row);
  return out;
}
