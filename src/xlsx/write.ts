import type { PlanValue } from "../core/plan/plan";
import { DATE1904_OFFSET } from "../core/_lib/calendar";
import { columnLetter } from "../core/_lib/a1";
import type { Book } from "./book";
import { relsPathOf } from "./book";
import { XlsxError } from "./errors";
import { NS, child, children, createLike, descendants, insertInOrder, parseXml, root, serializeXml, textContent } from "./dom";
import { attrIn, cellsOf, findOpen, formulaOf, Names, quickRowNumber, streamSheet, type CellSpans, type CellsOfRow, type RawCellXml, type RowIndex } from "./rows";
import { parseTag, removeAttr, setAttr, setFirstAttr, tagEnd, tagXml, TagError } from "./tags";
import { DeflateStream, joinPieces, rebuildInPieces, STREAM_CHUNK, type Deflated, type Pieces } from "./zip";
import { escapeText, escapeXml, parseRange, textOf, unescapeXml } from "./xml";
import { StyleBook } from "./styles";
import { bytesOfByteText, bytesOfText, textOfBytes } from "./byteText";

/** Cells to write in one sheet: row → column → value (null clears the cell's value, keeps its style). */
export type SheetWrites = Map<number, Map<number, PlanValue>>;

/** Whole columns written in bulk (grading), without a map per row. */
export interface ColumnWrites {
  readonly firstRow: number;
  readonly cols: ReadonlyArray<{ readonly col: number; readonly values: ReadonlyArray<PlanValue | null> }>;
}

export interface SheetPatch {
  readonly path: string;
  readonly writes: SheetWrites;
  readonly columns?: ColumnWrites;
  /** Styles for new rows' cells, by column (copied from the last data row, as Excel does). */
  readonly newRowStyles?: ReadonlyMap<number, number>;
  /** A table growing over appended rows: its last row before and after. */
  readonly growth?: { readonly from: number; readonly to: number };
}

export interface TablePatch {
  readonly path: string;
  readonly xml: string;
  readonly from: number;
  readonly to: number;
}

interface Track {
  formulasRemoved: boolean;
}

/** Ends a dry run at the first cell that would change. */
class WouldChange extends Error {}

const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

class SheetWriter {
  private names: Names = new Names("");
  /** Shared formulas whose master we overwrote: their followers are rewritten as plain formulas. */
  private readonly orphaned = new Set<string>();
  private rootTag = "";

  constructor(private readonly book: Book, private readonly styles: StyleBook, private readonly track: Track, private readonly dry: boolean) {}

  setPrefix(text: string, ns: string): void {
    this.names = new Names(ns);
    const m = new RegExp(`<${ns.replace(".", "\\.")}worksheet[\\s>/]`).exec(text);
    const te = m ? tagEnd(text, m.index) : -1;
    this.rootTag = te >= 0 && m ? text.slice(m.index, te + 1) : "";
  }

  /** True when the existing cell already holds what we would write (so it is left byte for byte). */
  private same(old: RawCellXml, v: PlanValue): boolean {
    const plain = old.f === null && (old.t === null || old.t === "n");
    switch (v.kind) {
      case "text":
        if (old.f !== null) return false;
        if (old.t === "inlineStr") return old.inline !== null && textOf(textOfBytes(old.inline)) === v.text;
        if (old.t === "s") return old.v !== null && this.book.sharedStrings()[Number(old.v)] === v.text;
        if (old.t === "str") return old.v !== null && unescapeXml(textOfBytes(old.v)) === v.text;
        return false;
      case "number":
        return plain && old.v !== null && old.v !== "" && Number(old.v) === v.value;
      case "date":
        return plain && old.v !== null && this.styles.isDate(old.s) && Number(old.v) === (this.book.date1904 ? v.day - DATE1904_OFFSET : v.day);
      case "formula":
        return old.f !== null && formulaOf(old) === v.formula.replace(/^=/, "");
      default:
        return old.v === null && old.f === null && old.inline === null;
    }
  }

  /**
   * A new cell's XML as byte text (it joins rows copied byte for byte from the file): only its
   * text or formula is encoded, the markup around it being ASCII.
   */
  private cellXml(ref: string, v: PlanValue, style: number | null): string {
    const n = this.names;
    const s = (x: number | null) => (x === null ? "" : ` s="${x}"`);
    switch (v.kind) {
      case "text":
        // Always an inline string: text is never a formula, never a number, and the shared-strings part stays as it is.
        return `${n.c} r="${ref}"${s(style)} t="inlineStr"><${n.ns}is><${n.ns}t xml:space="preserve">${bytesOfText(escapeText(v.text))}</${n.ns}t></${n.ns}is>${n.cClose}`;
      case "number":
        return `${n.c} r="${ref}"${s(style)}><${n.ns}v>${v.value}</${n.ns}v>${n.cClose}`;
      case "date": {
        const st = this.styles.isDate(style) ? style : this.styles.dateStyleIndex();
        return `${n.c} r="${ref}"${s(st)}><${n.ns}v>${this.book.date1904 ? v.day - DATE1904_OFFSET : v.day}</${n.ns}v>${n.cClose}`;
      }
      case "formula":
        return `${n.c} r="${ref}"${s(style)}><${n.ns}f>${bytesOfText(escapeXml(v.formula.replace(/^=/, "")))}</${n.ns}f>${n.cClose}`;
      default:
        return style === null ? "" : `${n.c} r="${ref}"${s(style)}/>`;
    }
  }

  /** A cell's own XML with `r` set to where it is (cells without one, or one naming another row). */
  private placed(c: RawCellXml, ref: string): string {
    const te = tagEnd(c.xml, 0);
    const r = attrIn(c.xml, this.names.c.length, te, "r");
    if (r === ref) return c.xml;
    const tag = parseTag(c.xml.slice(0, te + 1));
    setFirstAttr(tag, "r", ref);
    return tagXml(tag) + c.xml.slice(te + 1);
  }

  /** A follower of an overwritten master: its own formula written out, its cached value kept. */
  private unshared(c: RawCellXml): string {
    const span = c.fSpan as readonly [number, number];
    return `${c.xml.slice(0, span[0])}<${this.names.ns}f>${bytesOfText(escapeXml(formulaOf(c) ?? ""))}</${this.names.ns}f>${c.xml.slice(span[1])}`;
  }

  /**
   * One row with its writes; null when nothing in it changes. Cells come out ascending and
   * unique, each with its `r`; a new cell takes `newCellStyles` for its column (the row above's look).
   */
  row(xml: string, n: number, cellsFn: CellsOfRow, hasShared: boolean, writes: ReadonlyMap<number, PlanValue> | undefined, index: RowIndex | null, newCellStyles?: ReadonlyMap<number, number>): string | null {
    if (writes && !hasShared && !xml.endsWith("/>")) {
      const quick = this.spliced(xml, n, writes, index, newCellStyles);
      if (quick !== undefined) return quick;
    }
    return this.rebuilt(xml, n, cellsFn(), writes, newCellStyles);
  }

  /** The new XML of a written cell, or null when the cell already holds the value. */
  private written(old: RawCellXml | undefined, col: number, n: number, v: PlanValue, newCellStyles?: ReadonlyMap<number, number>): string | null {
    if (!old) {
      const fresh = this.freshCell(col, n, v, newCellStyles);
      if (fresh === null) return null;
      if (this.dry) throw new WouldChange();
      return fresh;
    }
    if (this.same(old, v)) return null;
    if (this.dry) throw new WouldChange();
    if (old.f !== null && v.kind !== "formula") this.track.formulasRemoved = true;
    if (old.shared?.master) this.orphaned.add(old.shared.si);
    return this.cellXml(`${columnLetter(col)}${n}`, v, old.s);
  }

  /** A cell where the row has none, as byte text: null when it would be blank and have no look of its own. */
  private freshCell(col: number, n: number, v: PlanValue, newCellStyles?: ReadonlyMap<number, number>): string | null {
    if (v.kind === "blank" && !newCellStyles?.has(col)) return null;
    return this.cellXml(`${columnLetter(col)}${n}`, v, newCellStyles?.get(col) ?? null);
  }

  /**
   * The common case, without decoding the cells we do not write: every cell has its `r` and no
   * shared formula is involved, so the written cells are spliced into the row's text and every
   * other cell is copied as it is. undefined when the row needs the full rebuild.
   */
  private spliced(xml: string, n: number, writes: ReadonlyMap<number, PlanValue>, index: RowIndex | null, newCellStyles?: ReadonlyMap<number, number>): string | null | undefined {
    const spans: CellSpans = { cols: [], starts: [], allRef: true };
    const cells = cellsOf(xml, this.names, (col) => writes.has(col), spans, undefined, index);
    if (!spans.allRef) return undefined;
    // The row's own end tag is the last thing in it (space may stand before its `>`).
    const innerEnd = xml.lastIndexOf(this.names.rowEndStem);
    const edits: Array<{ at: number; end: number; col: number; xml: string }> = [];
    for (const [col, v] of writes) {
      const old = cells.find((c) => c.col === col);
      const x = this.written(old, col, n, v, newCellStyles);
      if (x === null) continue;
      if (old) edits.push({ at: old.at, end: old.at + old.xml.length, col, xml: x });
      else {
        const k = spans.cols.findIndex((c) => c > col);
        const at = k >= 0 ? (spans.starts[k] as number) : innerEnd;
        edits.push({ at, end: at, col, xml: x });
      }
    }
    if (edits.length === 0) return null;
    edits.sort((a, b) => a.at - b.at || a.col - b.col);
    const te = tagEnd(xml, 0);
    let body = "";
    let from = te + 1;
    for (const e of edits) {
      body += xml.slice(from, e.at) + e.xml;
      from = e.end;
    }
    body += xml.slice(from, innerEnd);
    return `${this.rowTag(xml, te, n)}${body}${this.names.rowClose}`;
  }

  /** The row's start tag with `r` set and `spans` dropped (a loading hint that may no longer cover the row). */
  private rowTag(xml: string, te: number, n: number): string {
    // The commonest tag already says so: `<row r="n" …>` with no spans (and not self-closing: the row gets cells).
    if (te > 0 && xml.charCodeAt(te - 1) !== 47 && quickRowNumber(xml, this.names.row.length) === n) {
      const sp = xml.indexOf("spans", this.names.row.length);
      if (sp < 0 || sp > te) return xml.slice(0, te + 1);
    }
    const tag = te > 0 ? parseTag(xml.slice(0, te + 1)) : parseTag(`${this.names.row}>`);
    removeAttr(tag, "spans");
    setFirstAttr(tag, "r", String(n));
    return tagXml(tag, false);
  }

  private rebuilt(xml: string, n: number, cells: RawCellXml[], writes: ReadonlyMap<number, PlanValue> | undefined, newCellStyles?: ReadonlyMap<number, number>): string | null {
    const byCol = new Map<number, RawCellXml>();
    for (const c of cells) byCol.set(c.col, c);
    const out = new Map<number, string>();
    let changed = false;
    if (writes) {
      for (const [col, v] of writes) {
        const x = this.written(byCol.get(col), col, n, v, newCellStyles);
        if (x === null) continue;
        changed = true;
        out.set(col, x);
      }
    }
    if (this.orphaned.size > 0) {
      for (const c of cells) {
        if (out.has(c.col) || !c.shared || c.shared.master || !this.orphaned.has(c.shared.si)) continue;
        if (this.dry) throw new WouldChange();
        changed = true;
        out.set(c.col, this.unshared(c));
      }
    }
    if (!changed) return null;
    const cols = new Set<number>([...byCol.keys(), ...out.keys()]);
    let body = "";
    for (const col of [...cols].sort((a, b) => a - b)) {
      const x = out.get(col);
      if (x !== undefined) body += x;
      else body += this.placed(byCol.get(col) as RawCellXml, `${columnLetter(col)}${n}`);
    }
    return `${this.rowTag(xml, tagEnd(xml, 0), n)}${body}${this.names.rowClose}`;
  }

  /**
   * An appended row: its cells in column order, as byte text; "" when it would hold nothing.
   */
  newRow(n: number, writes: ReadonlyMap<number, PlanValue>, newCellStyles?: ReadonlyMap<number, number>): string {
    if (this.dry) throw new WouldChange();
    let body = "";
    for (const col of [...writes.keys()].sort((a, b) => a - b)) body += this.freshCell(col, n, writes.get(col) as PlanValue, newCellStyles) ?? "";
    return body === "" ? "" : `${this.names.row} r="${n}">${body}${this.names.rowClose}`;
  }

  /** The dimension grown to the table's new last row (set on its tag, nothing else touched). */
  grownPrefix(text: string, to: number): string {
    const open = `<${this.names.ns}dimension`;
    const at = findOpen(text, open, 0);
    if (at < 0) return text;
    const te = tagEnd(text, at);
    const tag = parseTag(text.slice(at, te + 1));
    // Attributes start after the element's name.
    const ref = attrIn(text, at + open.length, te, "ref");
    const r = ref ? parseRange(ref) : null;
    if (!r || r.r1 >= to) return text;
    setAttr(tag, "ref", `${columnLetter(r.c0)}${r.r0}:${columnLetter(r.c1)}${to}`);
    return text.slice(0, at) + tagXml(tag) + text.slice(te + 1);
  }

  /** Validation and highlight ranges (also Excel 2010's, in extLst) extended over the appended rows. */
  grownSuffix(part: string, text: string, from: number, to: number): string {
    const close = this.names.sheetDataClose;
    if (!this.rootTag || !text.startsWith(close) || !/sqref/.test(text)) return text;
    // Parsed as real text, written back as byte text.
    const doc = parseXml(part, textOfBytes(this.rootTag + text.slice(close.length)));
    const top = root(doc);
    for (const el of [...children(top, "conditionalFormatting"), ...descendants(top, "dataValidation")]) {
      const sq = el.getAttribute("sqref");
      if (sq) el.setAttribute("sqref", extendRange(sq, from, to));
    }
    for (const sq of descendants(top, "sqref", NS.xm)) {
      const now = textContent(sq);
      const grown = extendRange(now.trim(), from, to);
      if (grown !== now.trim()) sq.textContent = grown;
    }
    const xml = serializeXml(doc);
    const te = tagEnd(xml, 0);
    if (te < 0 || xml.charCodeAt(te - 1) === 47) return text;
    return close + bytesOfText(xml.slice(te + 1));
  }
}

/** Extends a range `A2:X9` whose last row is `from` to `to` (anything else stays as it is). */
function extendRange(sqref: string, from: number, to: number): string {
  return sqref.split(/\s+/).map((part) => {
    const r = parseRange(part);
    if (!r || r.r1 !== from) return part;
    return `${columnLetter(r.c0)}${r.r0}:${columnLetter(r.c1)}${to}`;
  }).join(" ");
}

/**
 * Streams one sheet through: untouched rows pass as they are; written rows are rebuilt; new rows
 * are inserted in order. Without `out` it is a dry run that stops at the first change and says
 * whether there is one — so a run that changes nothing leaves the part byte for byte.
 */
async function streamPatch(book: Book, p: SheetPatch, styles: StyleBook, track: Track, out: ((s: string) => void) | null, afterChunk?: () => Promise<void>): Promise<boolean> {
  const w = new SheetWriter(book, styles, track, out === null);
  const emit = out ?? (() => undefined);
  const rowSet = new Set<number>(p.writes.keys());
  const cw = p.columns;
  if (cw) for (const c of cw.cols) c.values.forEach((v, i) => { if (v !== null) rowSet.add(cw.firstRow + i); });
  const todo = [...rowSet].sort((a, b) => a - b);
  // The cells of one row, built when that row streams past and dropped right after.
  const writesFor = (n: number): Map<number, PlanValue> | undefined => {
    const single = p.writes.get(n);
    if (!cw || n < cw.firstRow) return single;
    let m: Map<number, PlanValue> | undefined;
    for (const c of cw.cols) {
      const v = c.values[n - cw.firstRow];
      if (v === null || v === undefined) continue;
      m ??= new Map();
      m.set(c.col, v);
    }
    if (single) for (const [k, v] of single) (m ??= new Map()).set(k, v);
    return m;
  };
  let t = 0;
  let last = 0;
  const emitNewUpTo = (limit: number) => {
    while (t < todo.length && (todo[t] as number) < limit) {
      const n = todo[t] as number;
      // Rows we already passed (a file with rows out of order) are never written twice.
      if (n > last) emit(w.newRow(n, writesFor(n) as Map<number, PlanValue>, p.newRowStyles));
      t++;
    }
  };
  let changed = false;
  try {
    await streamSheet(book, p.path, {
      prefix: (text, ns) => {
        w.setPrefix(text, ns);
        emit(p.growth && out ? w.grownPrefix(text, p.growth.to) : text);
      },
      row: (xml, n, cells, shared, index) => {
        if (n < 0) return emit(xml);
        emitNewUpTo(n);
        while (t < todo.length && (todo[t] as number) <= n) t++;
        last = Math.max(last, n);
        const writes = writesFor(n);
        const x = writes || shared ? w.row(xml, n, cells, shared, writes, index) : null;
        emit(x ?? xml);
      },
      suffix: (text) => {
        emitNewUpTo(Number.MAX_SAFE_INTEGER);
        emit(p.growth ? w.grownSuffix(p.path, text, p.growth.from, p.growth.to) : text);
      },
    }, afterChunk);
    changed = out !== null;
  } catch (e) {
    if (e instanceof WouldChange) return true;
    if (e instanceof TagError) throw XlsxError.of("badXml", { part: p.path, why: e.message });
    throw e;
  }
  return changed;
}

async function patchSheet(book: Book, p: SheetPatch, styles: StyleBook, track: Track): Promise<Deflated | null> {
  if (!p.growth && !(await streamPatch(book, p, styles, track, null))) return null;
  const deflate = new DeflateStream();
  // What was written, joined into bytes every piece's worth (rows are made of many small strings,
  // which cost far more than their bytes while they wait: an import appends its rows at once).
  let pending: string[] = [];
  let pendingLen = 0;
  const ready: Buffer[] = [];
  const join = () => {
    if (pendingLen === 0) return;
    ready.push(bytesOfByteText(pending.join("")));
    pending = [];
    pendingLen = 0;
  };
  const flush = async () => {
    while (ready.length > 0) await deflate.push(ready.shift() as Buffer);
  };
  await streamPatch(book, p, styles, track, (s) => {
    pending.push(s);
    pendingLen += s.length;
    if (pendingLen > STREAM_CHUNK) join();
  }, flush);
  join();
  await flush();
  return deflate.end();
}

/** A table's range and filter extended over appended rows, set on the table part's DOM. */
function growTable(path: string, xml: string, from: number, to: number): string {
  const doc = parseXml(path, xml);
  const t = root(doc);
  const ref = t.getAttribute("ref");
  if (ref) t.setAttribute("ref", extendRange(ref, from, to));
  const filter = child(t, "autoFilter");
  const fref = filter?.getAttribute("ref");
  if (filter && fref) filter.setAttribute("ref", extendRange(fref, from, to));
  return serializeXml(doc);
}

/** `fullCalcOnLoad="1"` on the workbook's calcPr (set, or a calcPr added where the schema puts it); null when already so. */
export function withFullCalc(book: Book): string | null {
  const doc = parseXml("xl/workbook.xml", book.workbookXml);
  const top = root(doc);
  let calc = child(top, "calcPr");
  const now = calc?.getAttribute("fullCalcOnLoad");
  if (now === "1" || now === "true") return null;
  if (!calc) {
    calc = createLike(top, "calcPr");
    insertInOrder(top, calc, WORKBOOK_ORDER);
  }
  calc.setAttribute("fullCalcOnLoad", "1");
  return serializeXml(doc);
}

/**
 * Produces the new package: patched sheets, grown tables, a date style if needed, the recalc
 * flag; calcChain dropped only when a formula cell became a value (Excel rebuilds it). Every
 * other entry — and a sheet whose cells already hold what we would write — is copied byte for byte.
 */
export async function applyPatches(book: Book, sheets: readonly SheetPatch[], tables: readonly TablePatch[]): Promise<Uint8Array | null> {
  const p = await applyPatchesInPieces(book, sheets, tables);
  return p === null ? null : joinPieces(p);
}

/** `applyPatches`, the package as pieces to save one after another (a large workbook is never copied whole). */
export async function applyPatchesInPieces(book: Book, sheets: readonly SheetPatch[], tables: readonly TablePatch[]): Promise<Pieces | null> {
  const styles = new StyleBook(book.stylesXml, book.dateStyles);
  const track: Track = { formulasRemoved: false };
  const replace = new Map<string, Uint8Array | Deflated>();
  for (const s of sheets) {
    const d = await patchSheet(book, s, styles, track);
    // Its last pass is done: what was kept of it for that pass is let go.
    book.dropKept(s.path);
    if (d) replace.set(s.path, d);
  }
  if (replace.size === 0 && tables.length === 0) return null;
  const enc = new TextEncoder();
  for (const t of tables) replace.set(t.path, enc.encode(growTable(t.path, t.xml, t.from, t.to)));
  if (styles.changed) replace.set("xl/styles.xml", enc.encode(styles.toXml()));
  // Formulas we wrote have no cached value: ask Excel (and LibreOffice) to recalculate on open.
  const wb = withFullCalc(book);
  if (wb !== null) replace.set("xl/workbook.xml", enc.encode(wb));
  const remove = new Set<string>();
  if (track.formulasRemoved && book.byName.has("xl/calcChain.xml")) {
    remove.add("xl/calcChain.xml");
    const ctPath = "[Content_Types].xml";
    const ct = parseXml(ctPath, book.text(ctPath) ?? "");
    for (const o of children(root(ct), "Override", NS.contentTypes)) if (o.getAttribute("PartName") === "/xl/calcChain.xml") o.parentNode?.removeChild(o);
    replace.set(ctPath, enc.encode(serializeXml(ct)));
    const relsPath = relsPathOf("xl/workbook.xml");
    const relsText = book.text(relsPath);
    if (relsText !== null) {
      const rels = parseXml(relsPath, relsText);
      for (const r of children(root(rels), "Relationship", NS.pkgRel)) if ((r.getAttribute("Type") ?? "").endsWith("/calcChain")) r.parentNode?.removeChild(r);
      replace.set(relsPath, enc.encode(serializeXml(rels)));
    }
  }
  return rebuildInPieces(book.buf, book.entries, replace, new Map(), remove);
}
