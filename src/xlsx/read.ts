import type { RawCell, TableHeading, TableModel, WorkbookModel } from "../core/model/workbookModel";
import { matchHeaders, normalizeLabel } from "../core/model/headers";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../core/template/columns";
import { SHEETS, sheetKeyOf, type SheetKey } from "../core/template/sheets";
import { META_ROWS } from "../core/rules/ruleDefs";
import { RULES_COLUMNS } from "../core/template/sheets";
import { toLang, type Lang } from "../core/i18n/lang";
import { DATE1904_OFFSET, parseIsoDay } from "../core/_lib/calendar";
import { COMPLAINT_COLUMNS } from "../core/health/columns";
import { Book, XlsxError, type SheetRef, type TableRef } from "./book";
import { CONTACT_COLUMNS } from "../core/contacts/columns";
import { AUDIT_COLUMN_DEFS } from "./auditLog";
import { cellsOf, DEFAULT_NAMES, formulaOf, inRowError, Names, streamSheet, StopReading, visitCells, type CellValue, type RawCellXml, type RowIndex, type RowsRead } from "./rows";
import { parseRange, textOf, unescapeXml } from "./xml";
import { textOfBytes } from "./byteText";
import { readTableBeside } from "./besideRead";
import { readRows, readShort, storeRow, type ShortRead, type TableRows } from "./tableRows";
import { flatCopy, oneCopy, remembered } from "./intern";

/** Where one of our tables sits in the file, for reading and for writing back. */
export interface Located extends TableHeading {
  readonly key: SheetKey;
  readonly sheet: SheetRef;
  readonly table: TableRef | null;
  /** 1-based first and last column. */
  readonly firstCol: number;
  readonly lastCol: number;
  /** 1-based last data row (headerRow when empty). */
  readonly lastRow: number;
  /** Style index of each header cell's column in the last data row (to style appended rows alike). */
  readonly lastRowStyles: ReadonlyMap<number, number>;
  readonly lastRowBlank: boolean;
  /** Columns (1-based) with content in the row right below the table. */
  readonly belowOccupied: boolean;
}

export interface ReadResult {
  readonly model: WorkbookModel;
  readonly customers: Located | null;
  readonly followUps: Located | null;
  readonly complaints: Located | null;
  readonly rules: Located | null;
  /** Read only when asked for (the Contacts table, the audit log). */
  readonly contacts?: Located | null;
  readonly audit?: Located | null;
  readonly book: Book;
}

const DEFS: Partial<Record<SheetKey, readonly ColumnDef[]>> = { customers: CUSTOMER_COLUMNS, followUps: FOLLOWUP_COLUMNS, contacts: CONTACT_COLUMNS, complaints: COMPLAINT_COLUMNS, audit: AUDIT_COLUMN_DEFS };

/**
 * A copy of a string that does not keep the text it was cut from alive: V8 represents a long
 * substring as a view into its parent, and our parents are megabyte chunks of sheet XML — kept
 * alive by a million IDs, they would hold the whole sheet in memory.
 */
function detach(s: string): string {
  if (s.length < 13 || !keeping) return s;
  // A value seen before is that same copy. Joining copies the characters into a new flat string (a
  // copy of one element would not); the slice then refers to that small copy, not to the chunk.
  return oneCopy(interned, s, flatCopy);
}

const interned = new Map<string, string>();
let keeping = true;

/**
 * Whether the values read are kept (copied out of the sheet's text, a repeated one as one copy) or
 * passed on. A worker thread passes them on: it packs each part it has read into one string for
 * the main thread and clears it (see `ReadSoFar`), so a view into a piece of the sheet lives only
 * until then, and copying or looking up a million values would be work for nothing.
 */
export function keepValues(on: boolean): void {
  keeping = on;
}

/** What decoding a value needs of the workbook: its date system and which styles show dates. */
export type DateSystem = Pick<Book, "date1904" | "dateStyles">;

/** A formula whose result was never calculated (written by us or another tool). */
const uncalculated = (c: CellValue) => c.f !== null && c.v === null && c.t !== "inlineStr";

/** Turns one cell's XML into a raw value; dates stay serials (shifted to the 1900 system). */
export function decodeCell(c: CellValue, shared: () => string[], book: DateSystem): RawCell {
  // Its formula's text is what we know. Joined, so it is already a copy of its own.
  if (uncalculated(c)) return ["=", formulaOf(c) ?? ""].join("");
  // An inline string seen before (a stage, an owner, a customer's ID on each of its follow-ups) is
  // the text decoded then: one lookup by its XML as written, nothing decoded or copied again.
  if (c.t === "inlineStr" && c.inline !== null && keeping) return inlineText(c.inline, 0, c.inline.length);
  const v = decodeCellRaw(c, shared, book);
  return typeof v === "string" ? detach(v) : v;
}
const inlineSeen = new Map<string, string>();

/** An inline string's text from its XML as written, x[from, to) (decoded once per distinct value while values are kept). */
function inlineText(x: string, from: number, to: number): string {
  const xml = x.slice(from, to);
  if (!keeping) return textOf(textOfBytes(xml));
  // Its own copy, kept with the XML it was read from: the one copy of that value (not interned twice).
  return remembered(inlineSeen, xml, () => ownCopy(textOf(textOfBytes(xml))));
}

/** A text that holds no view into the sheet's text (a short one is already a copy; see `detach`). */
const ownCopy = (s: string) => (s.length < 13 ? s : flatCopy(s));

function decodeCellRaw(c: CellValue, shared: () => string[], book: DateSystem): RawCell {
  switch (c.t) {
    // An empty index (`<v/>`) names no shared string (Number("") would be the first).
    case "s": return c.v === null || c.v.trim() === "" ? null : (shared()[Number(c.v)] ?? null);
    // The scanner's fields are byte text: UTF-8 decoded first, then unescaped (a `&#x4E2D;` is a real character).
    case "inlineStr": return c.inline === null ? null : textOf(textOfBytes(c.inline));
    case "str": return c.v === null ? null : unescapeXml(textOfBytes(c.v));
    case "b": return c.v === "1" || c.v === "true";
    case "e": return c.v === null ? null : { error: unescapeXml(textOfBytes(c.v)) };
    case "d": return c.v === null ? null : isoSerial(unescapeXml(textOfBytes(c.v)));
    default: {
      if (c.v === null || c.v === "") return null;
      const n = Number(c.v);
      if (!Number.isFinite(n)) return unescapeXml(textOfBytes(c.v));
      return book.date1904 && c.s !== null && book.dateStyles.has(c.s) ? n + DATE1904_OFFSET : n;
    }
  }
}

/**
 * How `readShort` reads a table's rows: into `put`, decoding as `decodeCell` does (the same
 * caches, the same copies), with `decodeCell` itself for any cell of another shape.
 */
export function shortRead(book: DateSystem, shared: () => string[], slotOf: readonly number[], lastCol: () => number, marked: readonly boolean[], put: (slot: number, v: RawCell) => void): ShortRead {
  return {
    slotOf,
    get lastCol() { return lastCol(); },
    marked,
    date1904: book.date1904,
    dateStyles: book.dateStyles,
    shared: (i) => shared()[i] ?? null,
    inline: inlineText,
    keep: detach,
    general: (c) => decodeCell(c, shared, book),
    put,
  };
}

/**
 * A `t="d"` cell's ISO 8601 text as a 1900-system serial (a date-time keeps its time as the fraction);
 * text that is not a date stays text.
 * @example isoSerial("2026-05-11T12:00:00") // 46153.5
 */
export function isoSerial(text: string): RawCell {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  const day = m ? parseIsoDay(m[1] as string) : null;
  if (!m || day === null) return text;
  return day + (Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)) / 86400;
}

export { columnLetter as columnLetters } from "../core/model/workbookModel";

/** One of our tables found in the package: its key, sheet and table part (null for a plain range). */
export interface Found {
  readonly key: SheetKey;
  readonly sheet: SheetRef;
  readonly table: TableRef | null;
}

/** Our sheets: by table name first, then by sheet name in either language, then by headers. */
async function locate(book: Book): Promise<Partial<Record<SheetKey, Found>>> {
  const out: Partial<Record<SheetKey, Found>> = {};
  for (const sheet of book.sheets) {
    for (const t of book.tables(sheet)) {
      for (const key of ["customers", "followUps", "contacts", "complaints", "rules", "audit"] as const) {
        if (!out[key] && t.name.toLowerCase() === (SHEETS[key].table ?? "").toLowerCase()) out[key] = { key, sheet, table: t };
      }
    }
  }
  for (const sheet of book.sheets) {
    const key = sheetKeyOf(sheet.name);
    if (key && !out[key]) {
      const tables = book.tables(sheet);
      out[key] = { key, sheet, table: tables[0] ?? null };
    }
  }
  // Plain sheets with our headers (a team's own list): the first 20 rows are enough to tell.
  for (const key of ["customers", "followUps"] as const) {
    if (out[key]) continue;
    for (const sheet of book.sheets) {
      if (Object.values(out).some((f) => f?.sheet === sheet)) continue;
      const header = await findHeaderRow(book, sheet, DEFS[key] as readonly ColumnDef[]);
      if (header) {
        out[key] = { key, sheet, table: null };
        break;
      }
    }
  }
  return out;
}

async function findHeaderRow(book: Book, sheet: SheetRef, defs: readonly ColumnDef[]): Promise<{ row: number; cells: RawCellXml[] } | null> {
  let found: { row: number; cells: RawCellXml[] } | null = null;
  let seen = 0;
  const shared = () => book.sharedStrings();
  await streamSheet(book, sheet.path, {
    prefix: () => undefined,
    suffix: () => undefined,
    row: (_xml, n, rowCells) => {
      if (n < 0) return;
      if (++seen > 20) throw new StopReading();
      const cells = rowCells();
      const texts = headerTexts(cells, shared, book);
      const m = matchHeaders(texts, defs);
      if (m.missing.length === 0 || Object.keys(m.positions).length >= 4) {
        found = { row: n, cells };
        throw new StopReading();
      }
    },
  });
  return found;
}

function headerTexts(cells: readonly RawCellXml[], shared: () => string[], book: Book): string[] {
  const last = cells.reduce((m, c) => Math.max(m, c.col), 0);
  const out: string[] = new Array<string>(last).fill("");
  for (const c of cells) {
    const v = decodeCell(c, shared, book);
    out[c.col - 1] = v === null || typeof v === "object" ? "" : String(v);
  }
  return out;
}

/**
 * What `readTable` has read so far, column by column: every value below each column's length is
 * final, and the reader never reads it again, so the callee may take it and clear it (set it to
 * null). Called after each piece of the sheet when asked (a worker thread sending what it has).
 */
export type ReadSoFar = (cols: Readonly<Record<string, RawCell[]>>) => void;

/**
 * Reads one of our tables column by column, only the keys asked for (all of ours plus the user's
 * columns when `keys` is "all"), streaming the sheet.
 */
export async function readTable(book: Book, f: Found, keys: readonly string[] | "all", formulaMarks: readonly string[] = [], soFar?: ReadSoFar): Promise<{ located: Located; model: TableModel }> {
  const defs = DEFS[f.key] ?? [];
  const shared = () => book.sharedStrings();
  let headerRow: number;
  let firstCol: number;
  let lastCol: number;
  let tableLast = Number.MAX_SAFE_INTEGER;
  if (f.table) {
    const r = parseRange(f.table.ref);
    if (!r) throw XlsxError.of("badTableRange", { table: f.table.name, ref: f.table.ref }, { sheet: f.sheet.name });
    headerRow = r.r0;
    firstCol = r.c0;
    lastCol = r.c1;
    tableLast = r.r1 - f.table.totalsRowCount;
  } else {
    const h = await findHeaderRow(book, f.sheet, defs);
    if (!h) throw XlsxError.of("noHeaderRow", {}, { sheet: f.sheet.name });
    headerRow = h.row;
    firstCol = Math.min(...h.cells.map((c) => c.col));
    lastCol = Math.max(...h.cells.map((c) => c.col));
  }
  let headers: string[] = [];
  let positions: Record<string, number> = {};
  const cols: Record<string, RawCell[]> = {};
  const wanted = new Map<number, string>(); // 1-based sheet column → key
  let lastData = headerRow;
  let lastRowStyles = new Map<number, number>();
  const lastRow: { cells: (() => RawCellXml[]) | null } = { cells: null };
  // The last column read.
  let lastWanted = 0;
  const inRange = (col: number) => col >= firstCol && col <= lastCol;
  // Each wanted column's place in the lists below (-1: not read), its values, and whether its
  // formula only needs to be known as one (read as "=").
  const slotOf: number[] = [];
  const slotValues: RawCell[][] = [];
  const slotMarked: boolean[] = [];
  const isWanted = (col: number) => (slotOf[col] ?? -1) >= 0;
  // The row being read: its values and their columns' slots, and whether it holds anything.
  const rowSlots: number[] = [];
  const rowValues: RawCell[] = [];
  let rowAny = false;
  let rowK = 0;
  const put = (slot: number, v: RawCell) => {
    if (v !== null && !(typeof v === "string" && v === "")) rowAny = true;
    if (slot >= 0) { rowSlots[rowK] = slot; rowValues[rowK] = v; rowK++; }
  };
  const take = (c: CellValue) => {
    const slot = slotOf[c.col] ?? -1;
    put(slot, slot >= 0 && slotMarked[slot] && uncalculated(c) ? "=" : decodeCell(c, shared, book));
  };
  const short = shortRead(book, shared, slotOf, () => lastWanted, slotMarked, put);
  let lastRowBlank = true;
  let belowOccupied = false;
  let headerSeen = false;
  let names = DEFAULT_NAMES;
  const visitInRow = (xml: string, n: number, want: (col: number) => boolean, last: number, visit: (c: CellValue) => void, index: RowIndex | null) => {
    try {
      visitCells(xml, names, want, last, visit, index);
    } catch (err) {
      throw inRowError(err, f.sheet.path, n);
    }
  };
  // Rows read straight from the sheet's text (`readRows`) leave their last one here.
  const rows: TableRows = { headerRow, lastRow: tableLast, values: slotValues, lastData: -1, lastBlank: true, lastText: "", lastAt: 0, lastEnd: 0 };
  const readRun = (text: string, from: number, guard: number, out: RowsRead) => {
    rows.lastData = -1;
    readRows(text, names, from, guard, short, rows, out);
    if (rows.lastData < 0) return;
    lastData = rows.lastData;
    lastRowBlank = rows.lastBlank;
    const last = rows.lastText.slice(rows.lastAt, rows.lastEnd);
    const n = rows.lastData;
    lastRow.cells = () => {
      try {
        return cellsOf(last, names);
      } catch (err) {
        throw inRowError(err, f.sheet.path, n);
      }
    };
  };
  await streamSheet(book, f.sheet.path, {
    prefix: (_text, ns) => { names = new Names(ns); },
    suffix: () => undefined,
    // A table's rows after its header, once the header has said which columns to read.
    ...(f.table ? { rows: (text: string, from: number, guard: number, out: RowsRead) => { if (headerSeen) readRun(text, from, guard, out); } } : {}),
    row: (xml, n, rowCells, hasShared, index) => {
      // A second row numbered as the header (a file with a repeated row number) is not read again:
      // it would start every column afresh and drop what was read before it.
      if (n < 0 || n < headerRow || (n === headerRow && headerSeen)) return;
      if (n === headerRow) {
        headerSeen = true;
        const cells = rowCells().filter((c) => c.col >= firstCol && c.col <= lastCol);
        const texts = headerTexts(cells, shared, book);
        headers = texts.slice(firstCol - 1, lastCol);
        while (headers.length < lastCol - firstCol + 1) headers.push("");
        positions = matchHeaders(headers, defs).positions;
        const taken = new Set(Object.values(positions));
        for (const [k, p] of Object.entries(positions)) if (keys === "all" || keys.includes(k)) wanted.set(firstCol + p, k);
        // Reading everything (the check): the user's own columns too, under `extra:<position>`.
        if (keys === "all") headers.forEach((_h, i) => {
          if (taken.has(i)) return;
          wanted.set(firstCol + i, `extra:${i}`);
          positions[`extra:${i}`] = i;
        });
        for (const [col, k] of wanted) {
          const values: RawCell[] = [];
          cols[k] = values;
          lastWanted = Math.max(lastWanted, col);
          while (slotOf.length <= col) slotOf.push(-1);
          slotOf[col] = slotValues.length;
          slotMarked.push(formulaMarks.includes(k));
          slotValues.push(values);
        }
        return;
      }
      if (n > tableLast) {
        if (n === tableLast + 1 && f.table) belowOccupied = rowCells().some((c) => c.col >= firstCol && c.col <= lastCol && decodeCell(c, shared, book) !== null);
        throw new StopReading();
      }
      // A table's data rows: only the columns asked for are decoded; a plain range's whole width tells where it ends.
      rowAny = false;
      rowK = 0;
      // A row with shared formulas is read whole, so that a follower has its master's formula.
      if (hasShared) for (const c of f.table ? rowCells(isWanted, lastWanted) : rowCells(inRange, lastCol)) take(c);
      else if (!(f.table && index && readShort(xml, names, index, short))) {
        rowAny = false;
        rowK = 0;
        visitInRow(xml, n, f.table ? isWanted : inRange, f.table ? lastWanted : lastCol, take, index);
      }
      // A plain range ends at its last row with content; formatted-but-empty rows cost nothing.
      if (!f.table && !rowAny) return;
      storeRow(slotValues, n - headerRow - 1, rowSlots, rowValues, rowK);
      lastData = n;
      lastRow.cells = rowCells;
      lastRowBlank = !rowAny;
    },
  }, soFar ? async () => soFar(cols) : undefined);
  if (lastRow.cells) lastRowStyles = new Map(lastRow.cells().filter((c) => c.s !== null).map((c) => [c.col, c.s as number]));
  const last = f.table ? tableLast : lastData;
  const rowCount = Math.max(0, last - headerRow);
  for (const k of Object.keys(cols)) {
    const arr = cols[k] as RawCell[];
    while (arr.length < rowCount) arr.push(null);
  }
  if (f.table && lastData < tableLast) lastRowBlank = true;
  const located: Located = { key: f.key, sheet: f.sheet, table: f.table, headerRow, firstCol, lastCol, lastRow: last, headers, positions, lastRowStyles, lastRowBlank, belowOccupied };
  const model: TableModel = { sheet: f.key, sheetName: f.sheet.name, headerRow, firstColumn: firstCol, rowCount, headers, positions, cols };
  return { located, model };
}

async function readRulesAndLists(book: Book, found: Partial<Record<SheetKey, Found>>): Promise<{ rules: WorkbookModel["rules"]; lists: WorkbookModel["lists"]; lang: Lang | null; version: number | null; located: Located | null }> {
  const rules: Array<{ label: string; value: RawCell; row: number }> = [];
  let lang: Lang | null = null;
  let version: number | null = null;
  let located: Located | null = null;
  const shared = () => book.sharedStrings();
  const f = found.rules;
  if (f) {
    let labelCol = 1;
    let valueCol = 2;
    let headerRow = 1;
    if (f.table) {
      const r = parseRange(f.table.ref);
      if (r) { labelCol = r.c0; valueCol = r.c0 + 1; headerRow = r.r0; }
    }
    await streamSheet(book, f.sheet.path, {
      prefix: () => undefined,
      suffix: () => undefined,
      row: (_xml, n, rowCells) => {
        if (n <= headerRow) return;
        const cells = rowCells();
        const label = cells.find((c) => c.col === labelCol);
        const value = cells.find((c) => c.col === valueCol);
        const l = label ? decodeCell(label, shared, book) : null;
        if (typeof l !== "string" || l.trim() === "") return;
        const v = value ? decodeCell(value, shared, book) : null;
        rules.push({ label: l, value: v, row: n });
        const nl = normalizeLabel(l);
        if (nl === normalizeLabel(META_ROWS.language["zh-CN"]) || nl === normalizeLabel(META_ROWS.language["en-US"])) lang = typeof v === "string" ? toLang(v) : null;
        if (nl === normalizeLabel(META_ROWS.templateVersion["zh-CN"]) || nl === normalizeLabel(META_ROWS.templateVersion["en-US"])) version = typeof v === "number" ? v : null;
      },
    });
    located = { key: "rules", sheet: f.sheet, table: f.table, headerRow, firstCol: labelCol, lastCol: labelCol + 2, lastRow: headerRow + rules.length, headers: [RULES_COLUMNS.setting["zh-CN"], RULES_COLUMNS.value["zh-CN"]], positions: {}, lastRowStyles: new Map(), lastRowBlank: false, belowOccupied: false };
  }
  const lists: Record<string, RawCell[]> = {};
  const listsSheet = found.lists?.sheet ?? book.sheets.find((s) => sheetKeyOf(s.name) === "lists");
  if (listsSheet) {
    const wanted = new Map<number, string>();
    for (const t of book.tables(listsSheet)) {
      const key = t.name.replace(/^CRM_T_/, "");
      const r = parseRange(t.ref);
      if (r && ["holidays", "workdays", "team"].includes(key)) { wanted.set(r.c0, key); lists[key] = []; }
    }
    if (wanted.size > 0) {
      await streamSheet(book, listsSheet.path, {
        prefix: () => undefined,
        suffix: () => undefined,
        row: (_xml, n, rowCells) => {
          if (n <= 1) return;
          for (const c of rowCells()) {
            const k = wanted.get(c.col);
            if (k) (lists[k] as RawCell[]).push(decodeCell(c, shared, book));
          }
        },
      });
    }
  }
  return { rules, lists, lang, version, located };
}

/**
 * Reads the model a use-case needs. `keys` limits the columns read from each table; a customer
 * column in `formulaMarks` reads a formula that has no cached value as "=" alone (grading only asks
 * whether the live Status formula is there, and it is some 900 characters on every row).
 */
export async function readBook(
  book: Book,
  keys: {
    customers: readonly string[] | "all";
    followUps: readonly string[] | "all";
    complaints?: readonly string[] | "all";
    contacts?: readonly string[] | "all";
    audit?: boolean;
    formulaMarks?: readonly string[];
    /** The Customers sheet will be rewritten: its inflated pieces are kept for that pass. */
    rewrite?: boolean;
  },
): Promise<ReadResult> {
  const found = await locate(book);
  if (!found.customers) throw XlsxError.of("noCustomerSheet", { zh: SHEETS.customers.name["zh-CN"], en: SHEETS.customers.name["en-US"] });
  // A use-case that rewrites the Customers sheet reads it once and inflates it once.
  if (keys.rewrite) book.keepInflated(found.customers.sheet.path);
  // The follow-up log, the largest part, is read on a worker thread while this one reads the
  // customers, when it is large enough to pay for the thread; its outcome waits, settled, so a
  // problem in it is said after one in the Customers sheet, as when the two are read in turn.
  const fuFound = found.followUps;
  const readLog = fuFound ? () => readTable(book, fuFound, keys.followUps) : null;
  const beside = fuFound && readLog ? readTableBeside(book, fuFound, keys.followUps, { inTurn: readLog }) : null;
  const besideOutcome = beside?.then((r) => ({ ok: true as const, r }), (e: unknown) => ({ ok: false as const, e }));
  let cu: { located: Located; model: TableModel };
  try {
    cu = await readTable(book, found.customers, keys.customers, keys.formulaMarks);
  } catch (e) {
    // The Customers sheet failed: the log's reader is stopped, not left to finish for nothing.
    beside?.stop();
    throw e;
  }
  let fu: { located: Located; model: TableModel } | null = null;
  if (besideOutcome) {
    const o = await besideOutcome;
    if (!o.ok) throw o.e;
    fu = o.r;
  } else if (readLog) fu = await readLog();
  // Complaints are few; a workbook from before template version 3 has none.
  const co = found.complaints ? await readTable(book, found.complaints, keys.complaints ?? "all") : null;
  const rl = await readRulesAndLists(book, found);
  const ct = keys.contacts && found.contacts ? await readTable(book, found.contacts, keys.contacts) : null;
  const audit = keys.audit && found.audit?.table ? (await readTable(book, found.audit, ["time"])).located : null;
  const lang: Lang = rl.lang ?? (found.customers.sheet.name === SHEETS.customers.name["en-US"] ? "en-US" : "zh-CN");
  return {
    book,
    customers: cu.located,
    followUps: fu?.located ?? null,
    complaints: co?.located ?? null,
    rules: rl.located,
    contacts: ct?.located ?? null,
    audit,
    model: { lang, templateVersion: rl.version, customers: cu.model, followUps: fu?.model ?? null, contacts: ct?.model ?? null, complaints: co?.model ?? null, rules: rl.rules, lists: rl.lists },
  };
}
