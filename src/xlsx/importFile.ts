import type { DayNumber } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import { normalizeLabel } from "../core/model/headers";
import { num, text, type PlanValue } from "../core/plan/plan";
import { planImport, type ImportOptions, type ImportPlan, type SourceTable } from "../core/import/planImport";
import { readSourceHeader } from "../core/import/headers";
import { REPORT_HEADER_ROW, reportSheet } from "../core/import/report";
import { IMPORT_TEXTS, importText } from "../core/import/messages";
import { sheetName } from "../core/template/sheets";
import { Book, XlsxError, relsPathOf, type SheetRef, type TableRef } from "./book";
import { readBook, columnLetters, decodeCell, type Located, type ReadResult } from "./read";
import { findOpen, streamSheet, StopReading } from "./rows";
import { applyPatches, type SheetPatch, type SheetWrites, type TablePatch } from "./write";
import { NS, child, children, createLike, descendants, parseXml, root, serializeXml } from "./dom";
import { getAttr, parseTag, tagEnd } from "./tags";
import { DeflateStream, rebuildInPieces, type Deflated, type Pieces } from "./zip";
import { atomicWrite, readFileChecked, type SaveProbe } from "./save";
import { escapeText, parseRange } from "./xml";
import { hasContactGroups, isContactKey } from "../core/import/contactGroups";
import { CONTACT_MATCH_KEYS } from "../core/import/placeContacts";
import { formulaForRow } from "./importFormulas";

export interface FileImportOptions extends ImportOptions {
  readonly dryRun?: boolean;
  /** Wall-clock time of the run and who ran it, for the audit log. */
  readonly now: Date;
  readonly user: string;
}

export interface FileImportOutcome {
  readonly lang: Lang;
  readonly plan: ImportPlan;
  readonly written: boolean;
  readonly reportSheet: string;
}

function set(writes: SheetWrites, row: number, col: number, v: PlanValue): void {
  let r = writes.get(row);
  if (!r) { r = new Map(); writes.set(row, r); }
  r.set(col, v);
}

/** 1-based sheet column of a plan's column reference in the target table (new user columns after its end). */
function columnResolver(l: Located, newColumns: readonly string[]): (ref: string) => number | null {
  const ours = new Set(Object.entries(l.positions).filter(([k]) => !k.startsWith("extra:")).map(([, p]) => p));
  const user = new Map<string, number>();
  l.headers.forEach((h, i) => { if (!ours.has(i) && h.trim() !== "" && !user.has(normalizeLabel(h))) user.set(normalizeLabel(h), l.firstCol + i); });
  newColumns.forEach((h, j) => user.set(normalizeLabel(h), l.lastCol + 1 + j));
  return (ref) => {
    if (ref.startsWith("user:")) return user.get(normalizeLabel(ref.slice(5))) ?? null;
    const p = l.positions[ref];
    return p === undefined ? null : l.firstCol + p;
  };
}

/**
 * Refuses, before anything is written, when appended rows or new columns would land on the user's
 * cells: below the table (a totals row, a note) or right of it.
 */
async function checkRoom(book: Book, l: Located, firstNew: number, rowsNeeded: number, newCols: number): Promise<void> {
  const lastNew = firstNew + rowsNeeded - 1;
  if (rowsNeeded === 0 && newCols === 0) return;
  // The sheet's used range says when nothing lies below or right of the table: no need to look.
  const dim = await usedRange(book, l.sheet);
  if (dim && dim.r1 <= l.lastRow && dim.c1 <= l.lastCol) return;
  const shared = () => book.sharedStrings();
  await streamSheet(book, l.sheet.path, {
    prefix: () => undefined,
    suffix: () => undefined,
    row: (_xml, n, cells) => {
      if (n < l.headerRow) return;
      for (const c of cells()) {
        const inNewRows = rowsNeeded > 0 && n >= firstNew && n <= lastNew && n > l.lastRow && c.col >= l.firstCol && c.col <= l.lastCol + newCols;
        const inNewCols = newCols > 0 && c.col > l.lastCol && c.col <= l.lastCol + newCols && n <= Math.max(lastNew, l.lastRow);
        if ((inNewRows || inNewCols) && decodeCell(c, shared, book) !== null) {
          throw XlsxError.of("importCellTaken", { cell: `${columnLetters(c.col)}${n}` }, { sheet: l.sheet.name, row: n, column: columnLetters(c.col) });
        }
      }
    },
  });
}

/**
 * A fresh table's single data row holds nothing but its calculated columns (our Status formula):
 * the first imported row goes there, as Excel fills a table's empty row.
 */
async function isPlaceholder(book: Book, l: Located): Promise<boolean> {
  if (!l.table || l.lastRow !== l.headerRow + 1) return false;
  const calculated = new Set(l.table.columns.map((c, i) => (c.calculated !== null ? l.firstCol + i : -1)));
  let blank = true;
  const shared = () => book.sharedStrings();
  await streamSheet(book, l.sheet.path, {
    prefix: () => undefined,
    suffix: () => undefined,
    row: (_xml, n, cells) => {
      if (n < l.lastRow) return;
      if (n === l.lastRow) for (const c of cells()) if (c.col >= l.firstCol && c.col <= l.lastCol && !calculated.has(c.col) && decodeCell(c, shared, book) !== null) blank = false;
      throw new StopReading();
    },
  });
  return blank;
}

/** The `<dimension>` a sheet declares, read from the part's first bytes only. */
async function usedRange(book: Book, sheet: SheetRef): Promise<ReturnType<typeof parseRange>> {
  let ref: string | null = null;
  await streamSheet(book, sheet.path, {
    // The start tag read through the tag model: either quote style, any prefix (`<x:dimension>`).
    prefix: (text, ns) => {
      const at = findOpen(text, `<${ns}dimension`, 0);
      const end = at < 0 ? -1 : tagEnd(text, at);
      ref = end < 0 ? null : getAttr(parseTag(text.slice(at, end + 1)), "ref");
      throw new StopReading();
    },
    row: () => { throw new StopReading(); },
    suffix: () => undefined,
  });
  return ref === null ? null : parseRange(ref);
}

/** The table part with the user's new columns added (names must be unique within a table), edited as XML. */
function widenTable(t: TableRef, newColumns: readonly string[]): string {
  if (newColumns.length === 0) return t.xml;
  const r = parseRange(t.ref);
  if (!r) return t.xml;
  const ref = `${columnLetters(r.c0)}${r.r0}:${columnLetters(r.c1 + newColumns.length)}${r.r1}`;
  const doc = parseXml(t.path, t.xml);
  const table = root(doc);
  table.setAttribute("ref", ref);
  const filter = child(table, "autoFilter");
  if (filter) filter.setAttribute("ref", ref);
  const list = child(table, "tableColumns");
  if (!list) return t.xml;
  let next = Math.max(0, ...descendants(table, "tableColumn").map((c) => Number(c.getAttribute("id") ?? 0))) + 1;
  for (const h of newColumns) {
    const col = createLike(list, "tableColumn");
    col.setAttribute("id", String(next++));
    col.setAttribute("name", h);
    list.appendChild(col);
  }
  list.setAttribute("count", String(children(list, "tableColumn").length));
  return serializeXml(doc);
}

/** Excel's serial for a local wall-clock time (the audit log shows when, in the user's time zone). */
function localSerial(now: Date): number {
  const days = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000 + 25569;
  return days + (now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds()) / 86_400;
}

/** One audit row appended to the hidden log table (or its blank first row filled); null when the workbook has no log. */
async function auditPatch(book: Book, values: readonly PlanValue[]): Promise<{ sheet: SheetPatch; table: TablePatch | null } | null> {
  for (const sheet of book.sheets) {
    const t = book.tables(sheet).find((x) => x.name === "CRM_Audit");
    if (!t) continue;
    const r = parseRange(t.ref);
    if (!r) return null;
    let lastBlank = true;
    let styles = new Map<number, number>();
    const shared = () => book.sharedStrings();
    await streamSheet(book, sheet.path, {
      prefix: () => undefined,
      suffix: () => undefined,
      row: (_xml, n, cellsOfRow) => {
        if (n !== r.r1) return;
        const cells = cellsOfRow().filter((c) => c.col >= r.c0 && c.col <= r.c1);
        lastBlank = cells.every((c) => decodeCell(c, shared, book) === null);
        styles = new Map(cells.filter((c) => c.s !== null).map((c) => [c.col, c.s as number]));
      },
    });
    const fill = lastBlank && r.r1 === r.r0 + 1;
    const row = fill ? r.r1 : r.r1 + 1;
    const writes: SheetWrites = new Map();
    values.forEach((v, i) => set(writes, row, r.c0 + i, v));
    if (fill) return { sheet: { path: sheet.path, writes }, table: null };
    return { sheet: { path: sheet.path, writes, newRowStyles: styles, growth: { from: r.r1, to: row } }, table: { path: t.path, xml: t.xml, from: r.r1, to: row } };
  }
  return null;
}

function cellXml(ref: string, v: PlanValue): string {
  if (v.kind === "number") return `<c r="${ref}"><v>${v.value}</v></c>`;
  if (v.kind === "text") return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v.text)}</t></is></c>`;
  return "";
}

/**
 * The report sheet's part: inline strings only, the header row frozen, columns sized for reading.
 * It can list every row of a large source, so it is made and deflated a few thousand rows at a
 * time (zlib working on the thread pool while the next rows are made), never held whole as text.
 */
async function reportPart(rows: readonly PlanValue[][], headerRow: number): Promise<Deflated> {
  const widths = [22, 9, 9, 16, 60];
  const width = Math.max(...rows.map((r) => r.length));
  const cols = Array.from({ length: width }, (_x, i) => `<col min="${i + 1}" max="${i + 1}" width="${widths[i] ?? 14}" customWidth="1"/>`).join("");
  const deflate = new DeflateStream();
  await deflate.push(Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
    // Printed landscape, one page wide: the notes column is the one a reader needs.
    + `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`
    + `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    + `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`, "utf8"));
  for (let from = 0; from < rows.length; from += REPORT_BATCH) {
    const body = rows.slice(from, from + REPORT_BATCH).map((r, k) => {
      const n = from + k + 1;
      return `<row r="${n}">${r.map((v, j) => cellXml(`${columnLetters(j + 1)}${n}`, v)).join("")}</row>`;
    }).join("");
    await deflate.push(Buffer.from(body, "utf8"));
  }
  await deflate.push(Buffer.from(`</sheetData><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`, "utf8"));
  return deflate.end();
}
const REPORT_BATCH = 2000;

const REPORT_NAMES = new Set(Object.values(IMPORT_TEXTS).map((t) => t.reportSheet.toLowerCase()));
const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/**
 * Puts the report sheet into a package: our existing report sheet (either language's name) is
 * replaced whole; otherwise a new sheet part is added with its relationship and content type.
 * Every other entry is copied as it is.
 */
function withReportSheet(bytes: Uint8Array, name: string, part: Deflated): Pieces {
  const book = new Book(bytes);
  const enc = new TextEncoder();
  const existing = book.sheets.find((s: SheetRef) => REPORT_NAMES.has(s.name.toLowerCase()));
  if (existing) return rebuildInPieces(book.buf, book.entries, new Map([[existing.path, part]]));
  let n = book.sheets.length + 1;
  while (book.byName.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const partName = `xl/worksheets/sheet${n}.xml`;
  const wbPath = "xl/workbook.xml";
  const relsPath = relsPathOf(wbPath);
  const ctPath = "[Content_Types].xml";

  // Relationships: a fresh id, the new worksheet relationship appended.
  const rels = book.xml(relsPath) ?? parseXml(relsPath, `<Relationships xmlns="${NS.pkgRel}"/>`);
  const relsRoot = root(rels);
  const ids = new Set(children(relsRoot, "Relationship", NS.pkgRel).map((e) => e.getAttribute("Id") ?? ""));
  let rid = 1;
  while (ids.has(`rId${rid}`)) rid++;
  const rel = createLike(relsRoot, "Relationship");
  rel.setAttribute("Id", `rId${rid}`);
  rel.setAttribute("Type", WORKSHEET_TYPE);
  rel.setAttribute("Target", `worksheets/sheet${n}.xml`);
  relsRoot.appendChild(rel);

  // Workbook: a <sheet> after the last one, its r:id under whatever prefix the workbook uses.
  const wb = parseXml(wbPath, book.workbookXml);
  const sheets = child(root(wb), "sheets");
  if (!sheets) throw XlsxError.of("noSheetsElement", { part: "xl/workbook.xml" });
  const sheetId = Math.max(0, ...children(sheets, "sheet").map((e) => Number(e.getAttribute("sheetId") ?? 0))) + 1;
  const sheet = createLike(sheets, "sheet");
  sheet.setAttribute("name", name);
  sheet.setAttribute("sheetId", String(sheetId));
  const relPrefix = sheets.lookupPrefix(NS.rel) ?? "r";
  sheet.setAttributeNS(NS.rel, `${relPrefix}:id`, `rId${rid}`);
  sheets.appendChild(sheet);

  // Content types: the new part's override.
  const ct = book.xml(ctPath);
  if (!ct) throw XlsxError.of("noContentTypes", {});
  const ctRoot = root(ct);
  const override = createLike(ctRoot, "Override");
  override.setAttribute("PartName", `/${partName}`);
  override.setAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
  ctRoot.appendChild(override);

  const replace = new Map<string, Uint8Array>([[wbPath, enc.encode(serializeXml(wb))], [relsPath, enc.encode(serializeXml(rels))], [ctPath, enc.encode(serializeXml(ct))]]);
  const add = new Map<string, Uint8Array | Deflated>([[partName, part]]);
  // A package without workbook relationships is not a workbook we could have read; add the part anyway if it was missing.
  if (!book.byName.has(relsPath)) { replace.delete(relsPath); add.set(relsPath, enc.encode(serializeXml(rels))); }
  return rebuildInPieces(book.buf, book.entries, replace, add);
}

/**
 * Reads only the columns the import compares (the match keys and the columns the source feeds):
 * a 50,000-row table has forty columns and most are not needed. When the source brings a column
 * the table already has as the user's own, everything is read, so a fill can see that column's cells.
 */
async function readTarget(book: Book, source: SourceTable, options: ImportOptions): Promise<ReadResult> {
  const header = readSourceHeader(options.kind, source.rows, options.map ?? []);
  const mapped = header.uses.flatMap((u) => (u.kind === "ours" && !isContactKey(u.key) ? (u.key === "region" ? ["province", "city"] : [u.key]) : []));
  // Numbered contacts are compared with the Contacts table and with the customer row's own contact.
  const contacts = options.kind === "customers" && hasContactGroups(header.uses);
  const keys = options.kind === "customers"
    ? { customers: [...new Set(["id", "name", "phone", "email", ...(contacts ? ["contact"] : []), ...mapped])], followUps: ["date"], ...(contacts ? { contacts: CONTACT_MATCH_KEYS } : {}), rewrite: true }
    : { customers: ["id", "name", "phone", "owner"], followUps: [...new Set(["date", "customerId", "summary", ...mapped])] };
  const r = await readBook(book, keys);
  const l = options.kind === "customers" ? r.customers : r.followUps;
  if (!l) return r;
  const ours = new Set(Object.values(l.positions));
  const theirs = new Set(l.headers.filter((_h, i) => !ours.has(i)).map((h) => normalizeLabel(h)));
  const needsUserColumns = header.uses.some((u) => u.kind === "user" && theirs.has(normalizeLabel(u.header)));
  return needsUserColumns ? readBook(book, { customers: "all", followUps: "all", ...(contacts ? { contacts: CONTACT_MATCH_KEYS } : {}), rewrite: options.kind === "customers" }) : r;
}


/**
 * Rows appended to one of our tables, styled as its last row, its calculated columns carried into
 * each, the table (and its validations and highlights) grown over them; a fresh table's blank
 * placeholder row takes the first. Refuses, before anything is written, when they would land on the
 * user's cells.
 */
async function appendRows(book: Book, l: Located, rows: ReadonlyArray<ReadonlyMap<string, PlanValue>>, newColumns: readonly string[], colOf: (ref: string) => number | null, writes: SheetWrites): Promise<{ sheet: SheetPatch; table: TablePatch | null }> {
  const placeholder = await isPlaceholder(book, l);
  const firstNew = placeholder ? l.lastRow : l.lastRow + 1;
  const lastNew = firstNew + rows.length - 1;
  await checkRoom(book, l, firstNew, rows.length, newColumns.length);
  // Parsed once per column: the table part holds each as for the first data row.
  const calculated = l.table ? l.table.columns.flatMap((c, i) => (c.calculated === null ? [] : [{ col: l.firstCol + i, at: formulaForRow(c.calculated, l.headerRow + 1) }])) : [];
  rows.forEach((row, j) => {
    const n = firstNew + j;
    for (const [ref, v] of row) {
      const c = colOf(ref);
      if (c !== null && v.kind !== "blank") set(writes, n, c, v);
    }
    // The table's calculated columns (our Status formula, a user's own) carry into each new row, its
    // references moved to that row.
    if (!(placeholder && j === 0)) for (const c of calculated) set(writes, n, c.col, { kind: "formula", formula: `=${c.at(n)}` });
  });
  const grows = rows.length > 0 && lastNew > l.lastRow;
  const growth = grows ? { from: l.lastRow, to: lastNew } : undefined;
  const table = l.table && (growth || newColumns.length > 0) ? { path: l.table.path, xml: widenTable(l.table, newColumns), from: growth?.from ?? -1, to: growth?.to ?? -1 } : null;
  return { sheet: { path: l.sheet.path, writes, newRowStyles: l.lastRowStyles, ...(growth ? { growth } : {}) }, table };
}

/**
 * Imports a source into a workbook file: the same core plan as the add-in; appended rows (styled
 * as the row above, the table, its validations and highlights grown), blanks filled, the user's
 * new columns added, one audit row, and the 导入报告 / Import report sheet — all in one atomic save.
 * A dry run plans everything and writes nothing.
 */
export async function importFile(file: string, source: SourceTable, options: FileImportOptions, probe?: SaveProbe): Promise<FileImportOutcome> {
  const book = new Book(readFileChecked(file));
  const r = await readTarget(book, source, options);
  const plan = planImport(r.model, source, options);
  const lang = r.model.lang;
  const name = importText(lang, "reportSheet");
  if (options.dryRun) return { lang, plan, written: false, reportSheet: name };
  const l = (plan.kind === "customers" ? r.customers : r.followUps) as Located;
  const colOf = columnResolver(l, plan.newColumns);
  const writes: SheetWrites = new Map();
  plan.newColumns.forEach((h, j) => set(writes, l.headerRow, l.lastCol + 1 + j, text(h)));
  for (const f of plan.fills) {
    const c = colOf(f.ref);
    if (c !== null) set(writes, l.headerRow + 1 + f.index, c, f.value);
  }
  const main = await appendRows(book, l, plan.rows, plan.newColumns, colOf, writes);
  const patches: SheetPatch[] = [main.sheet];
  const tables: TablePatch[] = main.table ? [main.table] : [];
  if (plan.contacts.rows.length > 0) {
    const ct = r.contacts;
    if (!ct) throw XlsxError.of("contactsTableGone", {});
    // Only our input columns: the customer name is the table's own lookup formula.
    const contactCol = (ref: string) => (ref === "customerName" ? null : ct.positions[ref] === undefined ? null : ct.firstCol + (ct.positions[ref] as number));
    const added = await appendRows(book, ct, plan.contacts.rows, [], contactCol, new Map());
    patches.push(added.sheet);
    if (added.table) tables.push(added.table);
  }
  const target = `${source.name} → ${sheetName(plan.kind === "customers" ? "customers" : "followUps", lang)}`;
  const audit = await auditPatch(book, [num(localSerial(options.now)), text(options.user), text(importText(lang, "auditAction")), text(target), num(plan.cellsChanged)]);
  if (audit) {
    const same = patches.find((p) => p.path === audit.sheet.path);
    if (same) for (const [row, cells] of audit.sheet.writes) for (const [c, v] of cells) set(same.writes, row, c, v);
    else patches.push(audit.sheet);
    if (audit.table) tables.push(audit.table);
  }
  // Null when no cell changes (there is always an audit row, but a workbook without a log has none).
  const out = (await applyPatches(book, patches, tables)) ?? book.buf;
  const report = reportSheet(plan, lang, options.today as DayNumber);
  atomicWrite(file, withReportSheet(out, report.name, await reportPart(report.rows, REPORT_HEADER_ROW)), probe);
  return { lang, plan, written: true, reportSheet: report.name };
}
