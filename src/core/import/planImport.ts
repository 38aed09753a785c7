import type { DayNumber } from "../_lib/calendar";
import type { Lang } from "../i18n/lang";
import { normalizeLabel } from "../model/headers";
import { parseText } from "../model/parse";
import { isBlank, sheetRow, type RawCell, type TableModel, type WorkbookModel } from "../model/workbookModel";
import { date, text, type PlanValue } from "../plan/plan";
import { IdAllocator } from "../ids/customerId";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../template/columns";
import { idKey } from "../followup/history";
import { normalizeCompanyName } from "../checks/duplicates";
import { missingTableIssue, UseCaseError } from "../usecases/errors";
import { readSourceHeader, type ImportKind, type MapOverride, type SourceHeader } from "./headers";
import { isUserRef, normalizeRow, rawString, type ColRef, type NormalizedRow } from "./normalizeRow";
import { emailKey, importAmount, importDate, mobileKey } from "./values";
import { hasContactGroups, isContactKey } from "./contactGroups";
import { ContactPlacer, readContactGroups, type ContactCounts, type ContactNote, type SourceContact } from "./placeContacts";

export type OnDuplicate = "fill" | "skip" | "new";

/** A source as a grid of raw cells, from the top of the file or sheet. */
export interface SourceTable {
  /** Shown on the report: the file name (and sheet). */
  readonly name: string;
  readonly rows: ReadonlyArray<readonly RawCell[]>;
  /** 1-based row number of each row in the source (CSV records or worksheet rows); default i + 1. */
  readonly rowNumbers?: readonly number[];
}

export interface ImportOptions {
  readonly kind: ImportKind;
  readonly map?: readonly MapOverride[];
  readonly onDuplicate?: OnDuplicate;
  readonly today: DayNumber;
}

export type MatchBy = "id" | "name" | "mobile" | "email";

export type ReportNote =
  | { readonly code: "unclear"; readonly column: string; readonly value: string }
  | { readonly code: "duplicateOf"; readonly by: MatchBy; readonly other: string }
  | { readonly code: "duplicateInSource"; readonly by: MatchBy; readonly other: number }
  | { readonly code: "conflict"; readonly column: string; readonly value: string; readonly other: string }
  | { readonly code: "filled"; readonly columns: readonly string[] }
  | { readonly code: "nothingNew" }
  | { readonly code: "missingName" }
  | { readonly code: "idTaken"; readonly value: string; readonly other: string }
  | { readonly code: "extraPhones"; readonly value: string }
  | { readonly code: "unmatchedCustomer" }
  | { readonly code: "ambiguousCustomer"; readonly value: string }
  | { readonly code: "ambiguousMatch"; readonly value: string }
  | { readonly code: "customerWithoutId"; readonly other: number }
  | { readonly code: "identicalFollowUp" }
  | { readonly code: "missingDate" }
  | { readonly code: "futureDate" }
  | ContactNote;

export type Outcome = "new" | "merged" | "skipped" | "unmatched";

export interface ReportRow {
  readonly sourceRow: number;
  readonly outcome: Outcome;
  /** The customer (ID, or the row when it has none) the row became or was matched to. */
  readonly target: string;
  readonly notes: readonly ReportNote[];
  /** The row's cells as they were in the source. */
  readonly original: readonly RawCell[];
  /** Some value needs a person's look (unclear value, conflict). */
  readonly flagged: boolean;
}

export interface ImportCounts {
  readonly read: number;
  readonly added: number;
  readonly merged: number;
  readonly skipped: number;
  readonly flagged: number;
  /** Rows with nothing in them: not records, not counted in `read`. */
  readonly blank: number;
}

/** A cell of an existing row to fill (never a non-blank one). */
export interface ImportFill {
  readonly ref: ColRef;
  readonly index: number;
  readonly value: PlanValue;
}

export interface ImportPlan {
  readonly kind: ImportKind;
  readonly lang: Lang;
  /** The table the rows go to. */
  readonly table: TableModel;
  readonly header: SourceHeader;
  readonly sourceName: string;
  /** The user's own columns to add at the table's end, under their source headers, in order. */
  readonly newColumns: readonly string[];
  /** Rows to append, cells by column reference. */
  readonly rows: ReadonlyArray<ReadonlyMap<ColRef, PlanValue>>;
  readonly fills: readonly ImportFill[];
  /** Every source row not imported cleanly. */
  readonly report: readonly ReportRow[];
  readonly counts: ImportCounts;
  /** Cells the run writes in the table (appended values, fills, new headers), for the audit log. */
  readonly cellsChanged: number;
  /** The source's numbered contact groups (联系人2, 电话2 …), placed on the 联系人 / Contacts table. */
  readonly contacts: ContactPlan;
}

export interface ContactPlan {
  /** Rows to append to the Contacts table, cells by its column keys (customerId, name, phone …). */
  readonly rows: ReadonlyArray<ReadonlyMap<string, PlanValue>>;
  readonly counts: ContactCounts;
  /** The source has contact groups but the workbook no Contacts table: they were kept as the user's own columns. */
  readonly tableMissing: boolean;
}

const NO_CONTACTS: ContactPlan = { rows: [], counts: { found: 0, added: 0, duplicates: 0, notAdded: 0 }, tableMissing: false };

const COLUMN_CACHE = new WeakMap<TableModel, Map<ColRef, readonly RawCell[] | null>>();

/** Where a reference lives in an existing table: our key, or one of the user's columns by header. */
function existingColumn(t: TableModel, ref: ColRef): readonly RawCell[] | null {
  if (!isUserRef(ref)) return t.cols[ref] ?? null;
  let cache = COLUMN_CACHE.get(t);
  if (!cache) { cache = new Map(); COLUMN_CACHE.set(t, cache); }
  const hit = cache.get(ref);
  if (hit !== undefined) return hit;
  const ours = new Set(Object.entries(t.positions).filter(([k]) => !k.startsWith("extra:")).map(([, q]) => q));
  const header = normalizeLabel(ref.slice(5));
  const p = t.headers.findIndex((h, i) => normalizeLabel(h) === header && !ours.has(i));
  const col = p < 0 ? null : (t.cols[`extra:${p}`] ?? null);
  cache.set(ref, col);
  return col;
}

/** Source headers that are neither ours nor already a column of the table: they are added. */
function columnsToAdd(t: TableModel, header: SourceHeader): string[] {
  const have = new Set(t.headers.map((h) => normalizeLabel(h)));
  const out: string[] = [];
  for (const u of header.uses) {
    if (u.kind !== "user") continue;
    const n = normalizeLabel(u.header);
    if (!have.has(n)) {
      have.add(n);
      out.push(u.header);
    }
  }
  return out;
}

function rawOfPlan(v: PlanValue): RawCell {
  switch (v.kind) {
    case "text": return v.text;
    case "number": return v.value;
    case "date": return v.day;
    default: return null;
  }
}

/** Whether an existing cell already says what the source says (so neither a fill nor a conflict). */
function sameValue(ref: ColRef, existing: RawCell, v: PlanValue): boolean {
  if (v.kind === "date") return importDate(existing) === v.day;
  if (v.kind === "number") return typeof existing === "number" ? existing === v.value : importAmount(existing) === v.value;
  if (v.kind !== "text") return false;
  const a = rawString(existing).normalize("NFKC").trim();
  const b = v.text.normalize("NFKC").trim();
  if (a === b) return true;
  if (ref === "name") return normalizeCompanyName(a) === normalizeCompanyName(b);
  if (ref === "phone") return mobileKey(a) !== null && mobileKey(a) === mobileKey(b);
  if (ref === "email" || ref === "id") return a.toLowerCase() === b.toLowerCase();
  return normalizeLabel(a) === normalizeLabel(b);
}

/** A key's header in the table (or ours), for the report. */
function headerOf(t: TableModel, ref: ColRef, lang: Lang, header: SourceHeader): string {
  if (isUserRef(ref)) return ref.slice(5);
  const p = t.positions[ref];
  if (p !== undefined && t.headers[p]) return String(t.headers[p]).trim();
  const i = header.uses.findIndex((u) => u.kind === "ours" && u.key === ref);
  return i >= 0 ? (header.headers[i] as string) : (CUSTOMER_COLUMNS.concat(FOLLOWUP_COLUMNS).find((c) => c.key === ref)?.header[lang] ?? ref);
}

interface Target {
  /** Index among existing rows, or -(1 + pending index) for a row added by this run. */
  readonly at: number;
  readonly sourceRow: number | null;
}

/** The keys a customer is matched on, in order: ID, normalised company name, mobile, e-mail. */
function matchKeys(get: (ref: ColRef) => RawCell): Array<[MatchBy, string]> {
  const out: Array<[MatchBy, string]> = [];
  const id = parseText(get("id"));
  if (id !== "") out.push(["id", idKey(id)]);
  const name = normalizeCompanyName(parseText(get("name")));
  if (name !== "") out.push(["name", name]);
  const m = mobileKey(parseText(get("phone")));
  if (m) out.push(["mobile", m]);
  const e = emailKey(parseText(get("email")));
  if (e) out.push(["email", e]);
  return out;
}

function dataRows(source: SourceTable, header: SourceHeader): Array<{ cells: readonly RawCell[]; number: number }> {
  const out: Array<{ cells: readonly RawCell[]; number: number }> = [];
  for (let i = header.rowIndex + 1; i < source.rows.length; i++) out.push({ cells: source.rows[i] as readonly RawCell[], number: source.rowNumbers?.[i] ?? i + 1 });
  return out;
}

const isBlankRow = (cells: readonly RawCell[]) => cells.every((c) => c === null || isBlank(c));

/**
 * Plans an import: every source row becomes a new row, a fill of an existing one, or a skip, and
 * every row not imported cleanly becomes a report row. Pure: the same model, source and options
 * always give the same plan. Throws MappingError for a source without a recognisable header or a
 * bad `--map`, UseCaseError when the target table is missing.
 * @example planImport(model, { name: "list.csv", rows }, { kind: "customers", today }).counts
 * // { read: 3, added: 2, merged: 1, skipped: 0, flagged: 1, blank: 0 }
 */
export function planImport(model: WorkbookModel, source: SourceTable, options: ImportOptions): ImportPlan {
  const header = readSourceHeader(options.kind, source.rows, options.map ?? []);
  if (options.kind !== "customers") return planFollowUps(model, source, header, options);
  const hasGroups = hasContactGroups(header.uses);
  if (!hasGroups || model.contacts) return planCustomers(model, source, header, options, false);
  // No Contacts table to place them on (a workbook not yet upgraded): nothing is lost, the groups'
  // columns are kept as the user's own on the customer table.
  const uses = header.uses.map((u, i) => (u.kind === "ours" && isContactKey(u.key) ? { kind: "user" as const, header: (header.headers[i] as string).trim() } : u));
  return planCustomers(model, source, { ...header, uses }, options, true);
}

function planCustomers(model: WorkbookModel, source: SourceTable, header: SourceHeader, options: ImportOptions, contactsTableMissing: boolean): ImportPlan {
  const t = model.customers;
  if (!t) throw new UseCaseError([missingTableIssue(model, "customers")]);
  const lang = model.lang;
  const mode = options.onDuplicate ?? "fill";
  const newColumns = columnsToAdd(t, header);
  // One map per kind of key: no "kind:key" string is built for every lookup of every row.
  const index: Record<MatchBy, Map<string, Target>> = { id: new Map(), name: new Map(), mobile: new Map(), email: new Map() };
  const existingIds = new Set<string>();
  const idCol = t.cols.id ?? [];
  const existingKeys: Array<Array<[MatchBy, string]>> = [];
  for (let i = 0; i < t.rowCount; i++) {
    const keys = matchKeys((ref) => existingColumn(t, ref)?.[i] ?? null);
    existingKeys.push(keys);
    for (const [by, k] of keys) if (!index[by].has(k)) index[by].set(k, { at: i, sourceRow: null });
    const id = parseText(idCol[i] ?? null);
    if (id !== "") existingIds.add(idKey(id));
  }
  const rows = dataRows(source, header);
  const normalized: Array<NormalizedRow | null> = rows.map((r) => (isBlankRow(r.cells) ? null : normalizeRow(r.cells, header.uses, header.headers, lang)));
  // IDs the source brings are reserved first, so a generated ID never takes one a later row names.
  const sourceIds: string[] = [];
  for (const n of normalized) {
    const v = n?.values.get("id");
    if (v?.kind === "text" && !existingIds.has(idKey(v.text))) sourceIds.push(v.text);
  }
  const ids = new IdAllocator([...idCol.map((c) => parseText(c)).filter((x) => x !== ""), ...sourceIds]);
  const usedIds = new Set(existingIds);

  const pending: Array<Map<ColRef, PlanValue>> = [];
  // Fills by row, then column: looked up for every value of every duplicate.
  const fills = new Map<number, Map<ColRef, ImportFill>>();
  const fillAt = (index: number, ref: ColRef) => fills.get(index)?.get(ref);
  const setFill = (f: ImportFill) => { let m = fills.get(f.index); if (!m) { m = new Map(); fills.set(f.index, m); } m.set(f.ref, f); };
  const report: ReportRow[] = [];
  let added = 0, merged = 0, skipped = 0, flagged = 0, blank = 0;

  const valueAt = (tg: Target, ref: ColRef): RawCell => {
    if (tg.at >= 0) {
      const f = fillAt(tg.at, ref);
      return f ? rawOfPlan(f.value) : (existingColumn(t, ref)?.[tg.at] ?? null);
    }
    const v = pending[-1 - tg.at]?.get(ref);
    return v ? rawOfPlan(v) : null;
  };
  /** A target's keys become matchable as soon as it has them (created, or a blank filled). */
  const indexTarget = (tg: Target) => {
    for (const [by, k] of matchKeys((ref) => valueAt(tg, ref))) if (by !== "id" && !index[by].has(k)) index[by].set(k, tg);
  };
  // A source row's keys never change: computed once (matching asks for them several times).
  const rowKeys = new Map<NormalizedRow, Array<[MatchBy, string]>>();
  const keysOf = (n: NormalizedRow) => {
    let k = rowKeys.get(n);
    if (!k) { k = matchKeys((ref) => { const v = n.values.get(ref); return v ? rawOfPlan(v) : null; }); rowKeys.set(n, k); }
    return k;
  };
  const lookup = (n: NormalizedRow, which: readonly MatchBy[]): { target: Target; by: MatchBy } | null => {
    const keys = keysOf(n);
    for (const [by, k] of keys) {
      if (!which.includes(by)) continue;
      const hit = index[by].get(k);
      if (hit) return { target: hit, by };
    }
    return null;
  };
  const names = new Map<NormalizedRow, string>();
  const nameOf = (n: NormalizedRow) => {
    let k = names.get(n);
    if (k === undefined) { const v = n.values.get("name"); k = v?.kind === "text" ? normalizeCompanyName(v.text) : ""; names.set(n, k); }
    return k;
  };

  // Rows that share a name are one customer, whatever order they come in: a later row's name must
  // win over an earlier row's phone, or a second import of the same file would decide otherwise.
  const groups = new Map<string, number[]>();
  normalized.forEach((n, ri) => {
    if (!n || lookup(n, ["id", "name"])) return;
    const k = nameOf(n);
    if (k === "") return;
    const g = groups.get(k);
    if (g) g.push(ri);
    else groups.set(k, [ri]);
  });
  const groupTarget = new Map<string, Target | null>();
  // Who each mobile and e-mail belongs to, over the workbook and the whole source: a row whose name
  // is new and whose mobile and e-mail point at different customers is not guessed at.
  // Most keys have one owner: a Set is made only for a key that has two.
  const owners = new Map<string, string | Set<string>>();
  const own = (key: string, who: string) => {
    const s = owners.get(key);
    if (s === undefined) owners.set(key, who);
    else if (typeof s === "string") { if (s !== who) owners.set(key, new Set([s, who])); }
    else s.add(who);
  };
  existingKeys.forEach((keys, i) => { for (const [by, k] of keys) if (by === "mobile" || by === "email") own(`${by}:${k}`, `e:${i}`); });
  // Who a source row is before anything is created: an existing customer by ID or name, or its name group.
  const identities = new Map<NormalizedRow, string>();
  const identity = (n: NormalizedRow): string => identities.get(n) ?? `g:${nameOf(n)}`;
  const contactKeys = (n: NormalizedRow) => keysOf(n).filter(([by]) => by === "mobile" || by === "email").map(([by, k]) => `${by}:${k}`);
  normalized.forEach((n) => {
    if (!n || nameOf(n) === "") return;
    const m = lookup(n, ["id", "name"]);
    identities.set(n, m ? `e:${m.target.at}` : `g:${nameOf(n)}`);
    for (const k of contactKeys(n)) own(k, identity(n));
  });
  const ambiguity = new Map<NormalizedRow, boolean>();
  const ambiguous = (n: NormalizedRow): boolean => {
    const seen = ambiguity.get(n);
    if (seen !== undefined) return seen;
    const me = identity(n);
    const others = new Set<string>();
    for (const k of contactKeys(n)) {
      const o = owners.get(k);
      if (typeof o === "string") { if (o !== me) others.add(o); }
      else if (o) for (const w of o) if (w !== me) others.add(w);
    }
    ambiguity.set(n, others.size > 1);
    return others.size > 1;
  };

  const targetLabel = (tg: Target): string => {
    if (tg.at >= 0) return parseText(valueAt(tg, "id")) || `#${sheetRow(t, tg.at)}`;
    const v = pending[-1 - tg.at]?.get("id");
    return v?.kind === "text" ? v.text : "";
  };

  const placer = new ContactPlacer(model.contacts ?? null);
  const hasContacts = hasContactGroups(header.uses);
  /**
   * Places a row's contacts under the customer it became or matched: how many were added, and
   * whether all went in (every note the placer gives is about one that did not).
   */
  const placeOn = (tg: Target, contacts: readonly SourceContact[], notes: ReportNote[]): { added: number; clean: boolean } => {
    const r = placer.place(parseText(valueAt(tg, "id")), { name: valueAt(tg, "contact"), phone: valueAt(tg, "phone") }, contacts);
    notes.push(...r.notes);
    return { added: r.added, clean: r.notes.length === 0 };
  };

  const create = (n: NormalizedRow, sourceRow: number, notes: ReportNote[]): { target: Target; id: string } => {
    const values = new Map(n.values);
    values.delete("matchPhone");
    const created = values.get("created");
    const createdDay = (created?.kind === "date" ? created.day : options.today) as DayNumber;
    if (!created || created.kind !== "date") values.set("created", date(options.today));
    const given = values.get("id");
    let id: string;
    if (given?.kind === "text" && !usedIds.has(idKey(given.text))) id = given.text;
    else {
      id = ids.next(createdDay);
      if (given?.kind === "text") notes.push({ code: "idTaken", value: given.text, other: id });
    }
    values.set("id", text(id));
    usedIds.add(idKey(id));
    pending.push(values);
    const target: Target = { at: -pending.length, sourceRow };
    indexTarget(target);
    return { target, id };
  };

  rows.forEach((r, ri) => {
    const n = normalized[ri];
    if (!n) { blank++; return; }
    const notes: ReportNote[] = n.unclear.map((u) => ({ code: "unclear", column: u.column, value: u.value }));
    if (n.extraPhones.length > 0) notes.push({ code: "extraPhones", value: n.extraPhones.join(", ") });
    const contacts = hasContacts ? readContactGroups(r.cells, header.uses, header.headers, lang) : [];
    for (const c of contacts) for (const u of c.unclear) notes.push({ code: "unclear", column: u.column, value: u.value });
    const finish = (outcome: Outcome, target: string, clean: boolean) => {
      const isFlagged = notes.some((x) => x.code === "unclear" || x.code === "conflict");
      if (isFlagged) flagged++;
      if (outcome === "new") added++;
      else if (outcome === "merged") merged++;
      else skipped++;
      if (!clean || isFlagged) report.push({ sourceRow: r.number, outcome, target, notes, original: r.cells, flagged: isFlagged });
    };
    const nameKey = nameOf(n);
    if (nameKey === "") {
      notes.push({ code: "missingName" });
      notes.push(...placer.skip(contacts));
      finish("skipped", "", false);
      return;
    }
    if (mode === "new") {
      const dup = lookup(n, ["id", "name", "mobile", "email"]);
      if (dup) notes.push(dup.target.sourceRow === null ? { code: "duplicateOf", by: dup.by, other: targetLabel(dup.target) } : { code: "duplicateInSource", by: dup.by, other: dup.target.sourceRow });
      const c = create(n, r.number, notes);
      const placed = placeOn(c.target, contacts, notes);
      finish("new", c.id, !dup && !notes.some((x) => x.code === "idTaken") && placed.clean);
      return;
    }
    let match = lookup(n, ["id", "name"]);
    if (!match && groups.has(nameKey)) {
      let decided = groupTarget.get(nameKey);
      if (decided === undefined) {
        // The group becomes a new customer unless every one of its rows matches one by mobile or e-mail.
        const all = (groups.get(nameKey) as number[]).every((j) => ambiguous(normalized[j] as NormalizedRow) || lookup(normalized[j] as NormalizedRow, ["mobile", "email"]) !== null);
        decided = all ? null : create(n, r.number, notes).target;
        groupTarget.set(nameKey, decided);
        if (decided) {
          const placed = placeOn(decided, contacts, notes);
          finish("new", targetLabel(decided), !notes.some((x) => x.code === "idTaken") && placed.clean);
          return;
        }
      }
      if (!decided && ambiguous(n)) {
        notes.push({ code: "ambiguousMatch", value: contactKeys(n).map((k) => k.slice(k.indexOf(":") + 1)).join(", ") });
        notes.push(...placer.skip(contacts));
        finish("skipped", "", false);
        return;
      }
      match = decided ? { target: decided, by: "name" } : lookup(n, ["mobile", "email"]);
    }
    if (!match) {
      const c = create(n, r.number, notes);
      const placed = placeOn(c.target, contacts, notes);
      finish("new", c.id, !notes.some((x) => x.code === "idTaken") && placed.clean);
      return;
    }
    const tg = match.target;
    notes.push(tg.sourceRow === null ? { code: "duplicateOf", by: match.by, other: targetLabel(tg) } : { code: "duplicateInSource", by: match.by, other: tg.sourceRow });
    if (mode === "skip") { notes.push(...placer.skip(contacts)); finish("skipped", targetLabel(tg), false); return; }
    const filledCols: string[] = [];
    for (const [ref, v] of n.values) {
      // Created is never back-filled on an existing customer; the match phone is not a column.
      if ((ref === "created" && tg.at >= 0) || ref === "matchPhone") continue;
      const current = valueAt(tg, ref);
      if (current === null || isBlank(current)) {
        if (ref === "id" && v.kind === "text" && usedIds.has(idKey(v.text))) continue;
        if (tg.at >= 0) setFill({ ref, index: tg.at, value: v });
        else pending[-1 - tg.at]?.set(ref, v);
        if (ref === "id" && v.kind === "text") usedIds.add(idKey(v.text));
        filledCols.push(headerOf(t, ref, lang, header));
      } else if (!sameValue(ref, current, v)) {
        notes.push({ code: "conflict", column: headerOf(t, ref, lang, header), value: rawString(rawOfPlan(v)), other: rawString(current) });
      }
    }
    // After the fills: a blank ID the source filled is the ID its contacts go under.
    const placed = placeOn(tg, contacts, notes).added;
    if (filledCols.length > 0) {
      indexTarget(tg);
      notes.push({ code: "filled", columns: filledCols });
      finish("merged", targetLabel(tg), false);
    } else if (placed > 0) {
      // Only new contacts: the customer still gained something, so the row counts as merged.
      notes.push({ code: "contactsAdded", count: placed });
      finish("merged", targetLabel(tg), false);
    } else {
      notes.push({ code: "nothingNew" });
      finish("skipped", targetLabel(tg), false);
    }
  });
  const fillList = [...fills.values()].flatMap((m) => [...m.values()]);
  let cells = newColumns.length + fillList.length;
  for (const p of pending) cells += p.size;
  for (const c of placer.rows) cells += c.size;
  return {
    kind: "customers", lang, table: t, header, sourceName: source.name, newColumns, rows: pending, fills: fillList, report,
    counts: { read: rows.length - blank, added, merged, skipped, flagged, blank }, cellsChanged: cells,
    contacts: { rows: placer.rows, counts: placer.counts(), tableMissing: contactsTableMissing },
  };
}

function planFollowUps(model: WorkbookModel, source: SourceTable, header: SourceHeader, options: ImportOptions): ImportPlan {
  const fu = model.followUps;
  const cu = model.customers;
  if (!fu) throw new UseCaseError([missingTableIssue(model, "followUps")]);
  if (!cu) throw new UseCaseError([missingTableIssue(model, "customers")]);
  const lang = model.lang;
  const newColumns = columnsToAdd(fu, header);
  // Customers by ID, normalised name and mobile; a name two customers share matches neither.
  const byId = new Map<string, number>();
  const byName = new Map<string, number>();
  const byMobile = new Map<string, number>();
  const put = (m: Map<string, number>, k: string, i: number) => m.set(k, m.has(k) && m.get(k) !== i ? -1 : i);
  for (let i = 0; i < cu.rowCount; i++) {
    const id = parseText(cu.cols.id?.[i] ?? null);
    if (id !== "") put(byId, idKey(id), i);
    const name = normalizeCompanyName(parseText(cu.cols.name?.[i] ?? null));
    if (name !== "") put(byName, name, i);
    const m = mobileKey(parseText(cu.cols.phone?.[i] ?? null));
    if (m) put(byMobile, m, i);
  }
  const seen = new Set<string>();
  const fkey = (id: string, day: number, summary: string) => `${idKey(id)}|${day}|${summary.normalize("NFKC").replace(/\s+/g, " ").trim()}`;
  for (let i = 0; i < fu.rowCount; i++) {
    const d = importDate(fu.cols.date?.[i] ?? null);
    if (d !== null) seen.add(fkey(parseText(fu.cols.customerId?.[i] ?? null), d, parseText(fu.cols.summary?.[i] ?? null)));
  }
  const rows = dataRows(source, header);
  const pending: Array<Map<ColRef, PlanValue>> = [];
  const report: ReportRow[] = [];
  let added = 0, skipped = 0, flagged = 0, blank = 0;
  for (const r of rows) {
    if (isBlankRow(r.cells)) { blank++; continue; }
    const n = normalizeRow(r.cells, header.uses, header.headers, lang);
    const notes: ReportNote[] = n.unclear.map((u) => ({ code: "unclear", column: u.column, value: u.value }));
    const finish = (outcome: Outcome, target: string, clean: boolean) => {
      const isFlagged = notes.some((x) => x.code === "unclear");
      if (isFlagged) flagged++;
      if (outcome === "new") added++;
      else skipped++;
      if (!clean || isFlagged) report.push({ sourceRow: r.number, outcome, target, notes, original: r.cells, flagged: isFlagged });
    };
    const str = (ref: ColRef) => { const v = n.values.get(ref); return v?.kind === "text" ? v.text : ""; };
    let at = -1;
    let ambiguous = false;
    const tryMap = (m: Map<string, number>, k: string | null) => {
      if (at >= 0 || ambiguous || !k) return;
      const hit = m.get(k);
      if (hit === -1) ambiguous = true;
      else if (hit !== undefined) at = hit;
    };
    tryMap(byId, str("customerId") === "" ? null : idKey(str("customerId")));
    const nameKey = normalizeCompanyName(str("customerName"));
    tryMap(byName, nameKey === "" ? null : nameKey);
    if (ambiguous && at < 0) ambiguous = false;
    tryMap(byMobile, mobileKey(str("matchPhone")));
    if (at < 0) {
      // Several customers by that name and no other way to tell: reported, never guessed.
      if (nameKey !== "" && byName.get(nameKey) === -1) notes.push({ code: "ambiguousCustomer", value: str("customerName") });
      else notes.push({ code: "unmatchedCustomer" });
      finish("unmatched", "", false);
      continue;
    }
    const id = parseText(cu.cols.id?.[at] ?? null);
    if (id === "") {
      notes.push({ code: "customerWithoutId", other: sheetRow(cu, at) });
      finish("unmatched", `#${sheetRow(cu, at)}`, false);
      continue;
    }
    const d = n.values.get("date");
    if (!d || d.kind !== "date") {
      notes.push({ code: "missingDate" });
      finish("skipped", id, false);
      continue;
    }
    const k = fkey(id, d.day, str("summary"));
    if (seen.has(k)) {
      notes.push({ code: "identicalFollowUp" });
      finish("skipped", id, false);
      continue;
    }
    seen.add(k);
    const values = new Map(n.values);
    values.delete("matchPhone");
    values.set("customerId", text(id));
    values.set("customerName", text(parseText(cu.cols.name?.[at] ?? null)));
    // Left blank, the follow-up is by the customer's owner (as the log form does).
    if (!values.has("by")) {
      const owner = parseText(cu.cols.owner?.[at] ?? null);
      if (owner !== "") values.set("by", text(owner));
    }
    if (d.day > options.today) notes.push({ code: "futureDate" });
    pending.push(values);
    finish("new", id, !notes.some((x) => x.code === "futureDate"));
  }
  let cells = newColumns.length;
  for (const p of pending) cells += p.size;
  return {
    kind: "followups", lang, table: fu, header, sourceName: source.name, newColumns, rows: pending, fills: [], report,
    counts: { read: rows.length - blank, added, merged: 0, skipped, flagged, blank }, cellsChanged: cells, contacts: NO_CONTACTS,
  };
}
