import type { Lang } from "../i18n/lang";
import { isBlank, type RawCell, type TableModel } from "../model/workbookModel";
import { parseText } from "../model/parse";
import { text, type PlanValue } from "../plan/plan";
import { entryLabel } from "../template/lists";
import { idKey } from "../followup/history";
import { readContacts } from "../contacts/readContacts";
import type { ColumnUse } from "./headers";
import { importText } from "./messages";
import { parseContactKey, type ContactField } from "./contactGroups";
import { rawString, type Unclear } from "./normalizeRow";
import { emailKey, readPhones } from "./values";
import { ROLE_VOCAB } from "./vocab";

/** One numbered contact group of a source row, normalised for the Contacts table. */
export interface SourceContact {
  readonly group: number;
  /** Values by Contacts column key (name, title, role, phone, email, wechat, notes). */
  readonly values: ReadonlyMap<string, PlanValue>;
  /** The source headers that fed it, for the report. */
  readonly columns: readonly string[];
  readonly unclear: readonly Unclear[];
}

/**
 * Reads a row's contact groups (groups with nothing in them are no contacts), normalised as the
 * customer row's own contact is: role to the list's label, phones to digits text (further numbers in
 * the cell go to the contact's Notes), e-mail trimmed and lower-cased; anything unclear kept verbatim
 * and listed with its column.
 * @example readContactGroups(["李总", "138 0013 8000"], [{ kind: "ours", key: "contact2.name" }, { kind: "ours", key: "contact2.phone" }], ["联系人2", "电话2"], "zh-CN")[0]?.values.get("phone")
 * // { kind: "text", text: "13800138000" }
 */
export function readContactGroups(row: readonly RawCell[], uses: readonly ColumnUse[], headers: readonly string[], lang: Lang): SourceContact[] {
  const groups = new Map<number, { values: Map<string, PlanValue>; columns: string[]; unclear: Unclear[] }>();
  uses.forEach((use, i) => {
    if (use.kind !== "ours") return;
    const ref = parseContactKey(use.key);
    const raw = row[i] ?? null;
    if (!ref || raw === null || isBlank(raw)) return;
    let g = groups.get(ref.group);
    if (!g) { g = { values: new Map(), columns: [], unclear: [] }; groups.set(ref.group, g); }
    const column = headers[i] ?? "";
    g.columns.push(column);
    readField(g, ref.field, raw, column, lang);
  });
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([group, g]) => ({ group, ...g }));
}

function readField(g: { values: Map<string, PlanValue>; unclear: Unclear[] }, field: ContactField, raw: RawCell, column: string, lang: Lang): void {
  const s = rawString(raw).trim();
  const keep = () => { g.values.set(field, text(s)); g.unclear.push({ column, value: s }); };
  switch (field) {
    case "role": {
      const e = ROLE_VOCAB.find(s);
      if (e) g.values.set(field, text(entryLabel(e, lang)));
      else keep();
      return;
    }
    case "phone": {
      const p = readPhones(raw);
      if (p.numbers.length === 0) { keep(); return; }
      g.values.set(field, text(p.numbers[0] as string));
      const more = [...p.numbers.slice(1), ...p.unclear];
      for (const u of p.unclear) g.unclear.push({ column, value: u });
      if (more.length > 0) g.values.set("notes", text(`${importText(lang, "otherPhones")}: ${more.join(", ")}`));
      return;
    }
    case "email": {
      const e = emailKey(s);
      if (e) g.values.set(field, text(e));
      else keep();
      return;
    }
    default:
      g.values.set(field, text(s));
  }
}

/** What became of a row's contacts (each counted once). */
/** The Contacts columns an import compares (the same person: the same phone, or the same name), so a door reads them. */
export const CONTACT_MATCH_KEYS: readonly string[] = ["customerId", "name", "phone"];

export type ContactNote =
  | { readonly code: "contactsAdded"; readonly count: number }
  | { readonly code: "contactKnown"; readonly value: string }
  | { readonly code: "contactNoName"; readonly column: string }
  | { readonly code: "contactsNotAdded"; readonly count: number }
  | { readonly code: "contactsNoCustomerId"; readonly count: number };

export interface ContactCounts {
  /** Contact groups with something in them, over all source rows. */
  readonly found: number;
  readonly added: number;
  /** Already on the Contacts sheet (or the customer row) for that customer. */
  readonly duplicates: number;
  /** Not added, each with a report note: no name, the row not imported, a customer without ID. */
  readonly notAdded: number;
}

interface Known {
  readonly name: string;
  readonly phone: string | null;
}

const nameKey = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** A phone as compared: the first number read, digits only. */
function phoneKey(v: RawCell): string | null {
  const n = readPhones(v).numbers[0];
  const d = (n ?? parseText(v)).replace(/\D/g, "");
  return d === "" ? null : d;
}

/** The same person: the same phone, or the same name where either has no phone. */
function samePerson(a: Known, b: Known): boolean {
  if (a.phone !== null && b.phone !== null) return a.phone === b.phone;
  return a.name !== "" && a.name === b.name;
}

/**
 * Places source contacts on the Contacts table: one row per contact, under its customer's ID; a
 * contact already there for that customer (or the customer row's own contact) is not added twice,
 * nor one this import has already placed.
 */
export class ContactPlacer {
  private known: Map<string, Known[]> | null = null;
  readonly rows: Array<Map<string, PlanValue>> = [];
  private found = 0;
  private added = 0;
  private duplicates = 0;
  private notAdded = 0;

  constructor(private readonly table: TableModel | null) {}

  private knownFor(id: string): Known[] {
    if (!this.known) {
      this.known = new Map();
      for (const c of readContacts(this.table)) {
        const k = idKey(c.customerId);
        if (k === "") continue;
        let list = this.known.get(k);
        if (!list) { list = []; this.known.set(k, list); }
        list.push({ name: nameKey(c.name), phone: phoneKey(c.phone) });
      }
    }
    let list = this.known.get(idKey(id));
    if (!list) { list = []; this.known.set(idKey(id), list); }
    return list;
  }

  /**
   * Places a row's contacts under a customer ID; `main` is the customer row's own contact. Returns the
   * notes for the report (duplicates and nameless groups) and how many were added.
   */
  place(id: string, main: { readonly name: RawCell; readonly phone: RawCell }, contacts: readonly SourceContact[]): { added: number; notes: ContactNote[] } {
    const notes: ContactNote[] = [];
    if (contacts.length === 0) return { added: 0, notes };
    this.found += contacts.length;
    if (id === "") {
      this.notAdded += contacts.length;
      return { added: 0, notes: [{ code: "contactsNoCustomerId", count: contacts.length }] };
    }
    const known = this.knownFor(id);
    const self: Known = { name: nameKey(parseText(main.name)), phone: phoneKey(main.phone) };
    let added = 0;
    for (const c of contacts) {
      const name = c.values.get("name");
      if (name?.kind !== "text" || name.text === "") {
        this.notAdded++;
        notes.push({ code: "contactNoName", column: c.columns.join(", ") });
        continue;
      }
      const me: Known = { name: nameKey(name.text), phone: phoneKey(textOf(c.values.get("phone"))) };
      if ((self.name !== "" || self.phone !== null) && samePerson(me, self) || known.some((k) => samePerson(me, k))) {
        this.duplicates++;
        notes.push({ code: "contactKnown", value: name.text });
        continue;
      }
      known.push(me);
      this.rows.push(new Map([["customerId", text(id)], ...c.values]));
      this.added++;
      added++;
    }
    return { added, notes };
  }

  /** A row not imported: its contacts are not placed either (the row is on the report). */
  skip(contacts: readonly SourceContact[]): ContactNote[] {
    if (contacts.length === 0) return [];
    this.found += contacts.length;
    this.notAdded += contacts.length;
    return [{ code: "contactsNotAdded", count: contacts.length }];
  }

  counts(): ContactCounts {
    return { found: this.found, added: this.added, duplicates: this.duplicates, notAdded: this.notAdded };
  }
}

function textOf(v: PlanValue | undefined): RawCell {
  return v?.kind === "text" ? v.text : null;
}
