import type { Book } from "./book";
import { XlsxError } from "./errors";
import { shiftFormula } from "./formula";
import { tagEnd } from "./tags";
import { unescapeEntities } from "./xml";
import { byteTextOf, textOfBytes } from "./byteText";
import { streamEntry, ZipError } from "./zip";
import { columnLetter } from "../core/_lib/a1";

/**
 * Streams a worksheet part: inflates it chunk by chunk and hands out the text before
 * <sheetData>, each <row> element, and the text after </sheetData> — so a sheet of a million
 * rows never becomes one string, and rows that hold nothing cost nothing. Reads what ECMA-376
 * allows, not only what we write: either quote style, a namespace prefix on every element
 * (`<x:row>`), rows and cells without `r`, shared formulas (followers get their formula).
 *
 * Every text a sink receives — prefix, rows, suffix, and the fields of `RawCellXml` — is byte text
 * (see `byteText.ts`): one character per byte of the part, decoded only where a value is used.
 */
export interface RowSink {
  /** The text up to and including the <sheetData> start tag, and the main namespace's prefix ("" or "x:"). */
  prefix(text: string, ns: string): void;
  /**
   * One <row> element, its 1-based number and its cells (parsed on first call); text between rows
   * comes with number -1. `index` says where the row's cells are, valid during this call only.
   */
  row(xml: string, rowNumber: number, cells: CellsOfRow, hasShared: boolean, index: RowIndex | null): void;
  suffix(text: string): void;
  /**
   * Reads whole rows itself, straight from the splitter's text from `from` on, and says in `out`
   * where it stopped (the start of the first row it left, which the splitter then hands to `row`)
   * and the number of the last row it read. It reads no row that ends past `guard`: before it the
   * text holds no shared formula (see `SharedGuard`).
   */
  rows?(text: string, from: number, guard: number, out: RowsRead): void;
}

/** What a sink's own `rows` read: where it stopped, and the number of the last row it read (unchanged when none). */
export interface RowsRead {
  end: number;
  last: number;
}

/**
 * Where the next shared formula may start in a text (`shared"` or `shared'`, an attribute's value),
 * searched for once and again only after the reading has passed it: a row holding one is read the
 * general way, which keeps each master for the followers below it. The search looks for the "h"
 * (rare in sheet markup) and checks what stands around it: one for "shared" itself stops at every
 * "s" of the `s="…"` that most cells carry.
 */
class SharedGuard {
  private text = "";
  private at = -1;

  /** The next place at or after `from` in `text` (its length when none). */
  next(text: string, from: number): number {
    if (text !== this.text) {
      this.text = text;
      this.at = -1;
    }
    if (this.at < from) this.at = SharedGuard.find(text, from);
    return this.at;
  }

  private static find(text: string, from: number): number {
    for (let i = text.indexOf("hared", from + 1); i >= 0; i = text.indexOf("hared", i + 1)) {
      const q = text.charCodeAt(i + 5);
      if (text.charCodeAt(i - 1) === 115 && (q === 34 || q === 39)) return i - 1;
    }
    return text.length;
  }
}

/**
 * A row's cells, parsed on first call; with `want`, only the columns it accepts are decoded, and
 * none after `lastCol`.
 */
export type CellsOfRow = (want?: (col: number) => boolean, lastCol?: number) => RawCellXml[];

/**
 * Where a row's cells are, found in the one pass that looks for the row's end: each cell's start
 * and end in the row's text (end -1 for a cell with no end tag: self-closing, or never closed).
 * Only for a `regular` row, one holding nothing but cells and their values, formulas, text and
 * runs; any other element (an extension list, a comment) leaves the cells to be searched for.
 */
export class RowIndex {
  at = new Int32Array(64);
  end = new Int32Array(64);
  count = 0;
  regular = true;
  /** The row holds a shared formula (an <f> whose start tag says t="shared"). */
  shared = false;

  reset(): void {
    this.count = 0;
    this.regular = true;
    this.shared = false;
  }

  push(at: number): void {
    if (this.count === this.at.length) {
      const at2 = new Int32Array(this.count * 2);
      at2.set(this.at);
      this.at = at2;
      const end2 = new Int32Array(this.count * 2);
      end2.set(this.end);
      this.end = end2;
    }
    this.at[this.count] = at;
    this.end[this.count] = -1;
    this.count++;
  }
}

/**
 * The first letters of what a cell may hold (f, v, is, t, r, rPr and its children, rPh,
 * phoneticPr): a start tag beginning with any other marks its row as not regular.
 */
const INNER = new Uint8Array(128);
for (const ch of "cvfitrbsoup") INNER[ch.charCodeAt(0)] = 1;

/**
 * The end of the row whose start tag ends at `te` (just past its end tag), or -1 when it is not
 * all in `buf` yet; its cells go into `ix`. Every "<" in a row starts markup (text and attribute
 * values hold none), so the scan steps from one "<" to the next and looks at a character or two.
 */
function scanRow(buf: string, names: Names, rowAt: number, te: number, ix: RowIndex): number {
  ix.reset();
  const ns = names.ns;
  const nsLen = ns.length;
  const cLen = names.c.length;
  // Inside a cell (after its start, before its end tag): markup anywhere else is not a cell's part.
  let open = false;
  let i = te + 1;
  for (;;) {
    i = buf.indexOf("<", i);
    if (i < 0) return -1;
    let ch = buf.charCodeAt(i + 1);
    if (ch === 47) {
      if (nsLen === 0 || buf.startsWith(ns, i + 2)) {
        const l = buf.charCodeAt(i + 2 + nsLen);
        if (l === 114 && buf.startsWith(names.rowEndStem, i)) {
          const e = endTagEnd(buf, i + names.rowEndStem.length);
          if (e >= 0) return e;
          if (e === CUT_SHORT) return -1;
        }
        if (l === 99) {
          const after = buf.charCodeAt(i + 3 + nsLen);
          if (after === 62) {
            // An end tag with no cell open (a second `</c>`) is the general path's to judge.
            if (open) ix.end[ix.count - 1] = i + names.cClose.length - rowAt;
            else ix.regular = false;
            open = false;
          } else if (isNameEnd(after)) ix.regular = false; // `</c >`: legal, left to the general path
        }
      }
      i += 2;
      continue;
    }
    if (nsLen > 0) {
      if (!buf.startsWith(ns, i + 1)) {
        ix.regular = false;
        i++;
        continue;
      }
      ch = buf.charCodeAt(i + 1 + nsLen);
    }
    if (ch === 99 && isNameEnd(buf.charCodeAt(i + cLen))) {
      ix.push(i - rowAt);
      open = true;
    } else if (!open) ix.regular = false;
    else if (ch === 102 && buf.charCodeAt(i + cLen) !== 62 && isNameEnd(buf.charCodeAt(i + cLen)) && !ix.shared) {
      // A formula with attributes: shared when its start tag says so. A tag whose end is not found
      // (a quote left open, or the rest not yet read) leaves the row to the general path.
      const te2 = tagEnd(buf, i);
      if (te2 < 0) {
        ix.shared = true;
        ix.regular = false;
      } else ix.shared = attrIn(buf, i + cLen, te2, "t") === "shared";
    } else if (!(ch < 128 && INNER[ch] === 1)) ix.regular = false;
    i += 2;
  }
}

/** `endTagEnd`'s word that the text ends before the tag does. */
export const CUT_SHORT = -2;

/**
 * Just past the `>` of an end tag whose name ends at `from` (ECMA-376 is XML: `</row >` and
 * `</row\n>` end a row too); -1 when the name goes on (another element), CUT_SHORT when the text
 * ends first.
 */
export function endTagEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return -1;
  }
  return CUT_SHORT;
}

/** Thrown by a sink that has read all it needs; ends the stream quietly. */
export class StopReading extends Error {}

export interface RawCellXml {
  /** 1-based column. */
  readonly col: number;
  /** Where the cell starts in the text it was read from. */
  readonly at: number;
  /** The cell says its own reference (`r`); cells without one sit right after the previous cell. */
  readonly hasRef: boolean;
  readonly xml: string;
  readonly s: number | null;
  readonly t: string | null;
  /** Text of <v> as written (escaped). */
  readonly v: string | null;
  /** Text of <f> as written (escaped); read it through `formulaOf`. */
  readonly f: string | null;
  /** A shared-formula follower's own formula (its master's, moved), unescaped real text. */
  readonly sharedFormula?: string;
  /** Where the <f> element sits in `xml`. */
  readonly fSpan: readonly [number, number] | null;
  readonly shared: { readonly si: string; readonly master: boolean } | null;
  /** Inner XML of <is> (escaped). */
  readonly inline: string | null;
}

/** The element names of one prefix, built once per sheet. */
export class Names {
  readonly row: string;
  readonly rowClose: string;
  /** A row's end tag up to its name (`</row`): space may stand before its `>`. */
  readonly rowEndStem: string;
  readonly c: string;
  readonly cClose: string;
  readonly v: string;
  readonly vClose: string;
  readonly f: string;
  readonly fClose: string;
  readonly is: string;
  readonly isClose: string;
  /** A run's text element as the commonest inline strings write it, bare or keeping its spaces. */
  readonly t: string;
  readonly tKept: string;
  readonly tClose: string;
  readonly sheetDataClose: string;
  constructor(readonly ns: string) {
    this.row = `<${ns}row`;
    this.rowClose = `</${ns}row>`;
    this.rowEndStem = `</${ns}row`;
    this.c = `<${ns}c`;
    this.cClose = `</${ns}c>`;
    this.v = `<${ns}v`;
    this.vClose = `</${ns}v>`;
    this.f = `<${ns}f`;
    this.fClose = `</${ns}f>`;
    this.is = `<${ns}is`;
    this.isClose = `</${ns}is>`;
    this.t = `<${ns}t>`;
    this.tKept = `<${ns}t xml:space="preserve">`;
    this.tClose = `</${ns}t>`;
    this.sheetDataClose = `</${ns}sheetData>`;
  }
}

export const isNameEnd = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** Finds `<name` followed by a space, `>` or `/` (not `<name2`). */
export function findOpen(s: string, open: string, from: number, to = s.length): number {
  let i = s.indexOf(open, from);
  while (i >= 0 && i < to) {
    if (isNameEnd(s.charCodeAt(i + open.length))) return i;
    i = s.indexOf(open, i + 1);
  }
  return -1;
}

/** The value of attribute `name` in the start tag s[from..to) (either quote style), escaped, or null. */
export function attrIn(s: string, from: number, to: number, name: string): string | null {
  let i = from;
  while (i < to) {
    const eq = s.indexOf("=", i);
    if (eq < 0 || eq >= to) return null;
    let k0 = i;
    while (k0 < eq && s.charCodeAt(k0) <= 32) k0++;
    let k1 = eq;
    while (k1 > k0 && s.charCodeAt(k1 - 1) <= 32) k1--;
    let j = eq + 1;
    while (s.charCodeAt(j) <= 32) j++;
    const q = s[j];
    if (q !== '"' && q !== "'") return null;
    const close = s.indexOf(q, j + 1);
    if (close < 0) return null;
    if (k1 - k0 === name.length && s.startsWith(name, k0)) return s.slice(j + 1, close);
    i = close + 1;
  }
  return null;
}

/** Where an element found inside a cell sits: its start tag, its text and its end; reused, nothing allocated. */
interface Span { at: number; te: number; t0: number; t1: number; end: number }
const vSpan: Span = { at: -1, te: -1, t0: -1, t1: -1, end: -1 };
const fSpanAt: Span = { at: -1, te: -1, t0: -1, t1: -1, end: -1 };
const isSpanAt: Span = { at: -1, te: -1, t0: -1, t1: -1, end: -1 };

/**
 * Finds `<tag ...>…</tag>` in s[from, to) (a cell) into `out`; false when absent or cut short.
 * `<tag/>` has an empty text.
 */
function elementIn(s: string, open: string, close: string, from: number, to: number, out: Span): boolean {
  const at = findOpen(s, open, from, to);
  if (at < 0) return false;
  const te = tagEnd(s, at);
  if (te < 0 || te >= to) return false;
  out.at = at;
  out.te = te;
  if (s.charCodeAt(te - 1) === 47) {
    out.t0 = out.t1 = te + 1;
    out.end = te + 1;
    return true;
  }
  const c = s.indexOf(close, te);
  if (c < 0 || c >= to) return false;
  out.t0 = te + 1;
  out.t1 = c;
  out.end = c + close.length;
  return true;
}

/**
 * The r, s and t attributes of one cell's start tag, found in a single pass (either quote style)
 * as offsets, nothing cut out: most cells of a row are only stepped over, and for those the
 * column is read from r's characters directly.
 */
interface CellAttrs { col: number; r0: number; r1: number; s0: number; s1: number; t0: number; t1: number }
const scratch: CellAttrs = { col: 0, r0: -1, r1: -1, s0: -1, s1: -1, t0: -1, t1: -1 };

/**
 * The r, s and t attributes and the end of a cell's start tag in one pass; -2 when the tag is
 * anything but plain `name="value"` pairs (the caller then takes the general path), -1 when the
 * tag is cut short.
 */
function cellTag(x: string, from: number, out: CellAttrs): number {
  out.col = 0;
  out.r0 = out.s0 = out.t0 = -1;
  let i = from;
  for (;;) {
    let ch = x.charCodeAt(i);
    while (ch <= 32) ch = x.charCodeAt(++i);
    if (ch === 62) return i;
    if (ch === 47) return x.charCodeAt(i + 1) === 62 ? i + 1 : -2;
    if (ch !== ch) return -1; // past the end: NaN
    const eq = x.indexOf("=", i);
    if (eq < 0) return -1;
    let k1 = eq;
    while (k1 > i && x.charCodeAt(k1 - 1) <= 32) k1--;
    for (let k = i; k < k1; k++) {
      // A name holding markup or space (`<c r="A1" x>` is not well-formed): the general path decides.
      const d = x.charCodeAt(k);
      if (d === 62 || d === 60 || d === 47 || d <= 32) return -2;
    }
    let j = eq + 1;
    while (x.charCodeAt(j) <= 32) j++;
    const q = x.charCodeAt(j);
    if (q !== 34 && q !== 39) return -2;
    const close = x.indexOf(q === 34 ? '"' : "'", j + 1);
    if (close < 0) return -1;
    if (k1 - i === 1) noteCellAttr(x, x.charCodeAt(i), j + 1, close, out);
    i = close + 1;
  }
}

/** Notes a cell's one-letter attribute (`r`, `s` or `t`; any other is not ours) whose value is x[v0, v1). */
function noteCellAttr(x: string, name: number, v0: number, v1: number, out: CellAttrs): void {
  if (name === 114) {
    out.r0 = v0;
    out.r1 = v1;
    let col = 0;
    for (let c = v0; c < v1; c++) {
      const d = letterCode(x.charCodeAt(c));
      if (d < 0) break;
      col = col * 26 + d;
    }
    out.col = col;
  } else if (name === 115) { out.s0 = v0; out.s1 = v1; }
  else if (name === 116) { out.t0 = v0; out.t1 = v1; }
}

function cellAttrs(x: string, from: number, to: number, out: CellAttrs): void {
  out.col = 0;
  out.r0 = out.s0 = out.t0 = -1;
  let i = from;
  while (i < to) {
    let k = i;
    while (k < to && x.charCodeAt(k) <= 32) k++;
    const eq = x.indexOf("=", k);
    if (eq < 0 || eq >= to) return;
    let k1 = eq;
    while (k1 > k && x.charCodeAt(k1 - 1) <= 32) k1--;
    let j = eq + 1;
    while (x.charCodeAt(j) <= 32) j++;
    const q = x.charCodeAt(j);
    if (q !== 34 && q !== 39) return;
    const close = x.indexOf(q === 34 ? '"' : "'", j + 1);
    if (close < 0) return;
    if (k1 - k === 1) noteCellAttr(x, x.charCodeAt(k), j + 1, close, out);
    i = close + 1;
  }
}

/** Every cell's column and start in a row, gathered while reading only some of them (to splice new cells in). */
export interface CellSpans {
  readonly cols: number[];
  readonly starts: number[];
  allRef: boolean;
}

/** The formula of a cell as real text (without "="): a follower's is its master's, moved; null when it has none. */
export function formulaOf(c: CellValue): string | null {
  if (c.sharedFormula !== undefined) return c.sharedFormula;
  return c.f === null ? null : unescapeEntities(textOfBytes(c.f));
}

const opensAt = (s: string, open: string, at: number) => s.startsWith(open, at) && isNameEnd(s.charCodeAt(at + open.length));

/**
 * Finds a cell's <f>, <v> and <is> (into fSpanAt, vSpan, isSpanAt; `at` is -1 for one that is
 * absent) and says whether it has a formula. The schema's order (f, v, is) with nothing between
 * is read where it stands; anything else (spaces, extLst, another order) is searched for inside
 * the cell only, so a missing <f> never makes a search run on through the rest of the row.
 */
function cellParts(s: string, names: Names, at: number, te: number, end: number): boolean {
  const closeAt = end - names.cClose.length;
  fSpanAt.at = vSpan.at = isSpanAt.at = -1;
  let p = te + 1;
  if (opensAt(s, names.f, p)) p = elementIn(s, names.f, names.fClose, p, closeAt, fSpanAt) ? fSpanAt.end : -1;
  if (p >= 0 && opensAt(s, names.v, p)) p = elementIn(s, names.v, names.vClose, p, closeAt, vSpan) ? vSpan.end : -1;
  if (p >= 0 && opensAt(s, names.is, p)) p = elementIn(s, names.is, names.isClose, p, closeAt, isSpanAt) ? isSpanAt.end : -1;
  if (p === closeAt) return fSpanAt.at >= 0;
  const x = s.slice(at, end);
  const from = te + 1 - at;
  for (const [open, close, span] of [[names.f, names.fClose, fSpanAt], [names.v, names.vClose, vSpan], [names.is, names.isClose, isSpanAt]] as const) {
    if (!elementIn(x, open, close, from, x.length, span)) { span.at = -1; continue; }
    span.at += at; span.te += at; span.t0 += at; span.t1 += at; span.end += at;
  }
  return fSpanAt.at >= 0;
}

/**
 * A column letter's place in the alphabet (A or a is 1), or -1 for anything else: a reference
 * written in lower case (`r="ab12"`) names the same cell, as it does for Excel.
 */
function letterCode(ch: number): number {
  const u = ch & 0xdf;
  return u >= 65 && u <= 90 && ch < 128 ? u - 64 : -1;
}

/**
 * The column of a cell whose start tag begins `<c r="AB12"` (what Excel, LibreOffice, WPS and
 * openpyxl write), read without parsing the tag; -1 for any other shape.
 */
export function quickCol(x: string, from: number): number {
  if (x.charCodeAt(from) !== 32 || x.charCodeAt(from + 1) !== 114 || x.charCodeAt(from + 2) !== 61) return -1;
  const q = x.charCodeAt(from + 3);
  if (q !== 34 && q !== 39) return -1;
  let col = 0;
  for (let c = from + 4; ; c++) {
    const d = x.charCodeAt(c);
    const l = letterCode(d);
    if (l < 0) return d === q || d !== d ? -1 : col;
    col = col * 26 + l;
  }
}

/**
 * The number of a row whose start tag begins `<row r="12"` (what every program we know writes),
 * read without parsing the tag; -1 for any other shape.
 */
export function quickRowNumber(x: string, from: number): number {
  if (x.charCodeAt(from) !== 32 || x.charCodeAt(from + 1) !== 114 || x.charCodeAt(from + 2) !== 61) return -1;
  const q = x.charCodeAt(from + 3);
  if (q !== 34 && q !== 39) return -1;
  let n = 0;
  for (let c = from + 4; c < from + 14; c++) {
    const d = x.charCodeAt(c);
    if (d === q) return c > from + 4 ? n : -1;
    if (d < 48 || d > 57) return -1;
    n = n * 10 + d - 48;
  }
  return -1;
}

/** A cell's start tag at `at` read into `scratch`; its end, or -1 when cut short. */
function readCellTag(x: string, at: number, cLen: number): number {
  let te = cellTag(x, at + cLen, scratch);
  if (te < 0) {
    te = tagEnd(x, at);
    if (te >= 0) cellAttrs(x, at + cLen, te, scratch);
  }
  return te;
}

/**
 * What `visitCells` hands over for each cell it reads: one object, filled afresh for every cell
 * and valid only during the call (a table of a million follow-ups allocates nothing per cell).
 */
export type CellValue = Pick<RawCellXml, "col" | "s" | "t" | "v" | "f" | "inline" | "sharedFormula">;

/** The fields of one cell as a reader fills them in, object after object reused (a `CellValue` to whoever reads it). */
export type CellFields = { -readonly [K in "col" | "s" | "t" | "v" | "f" | "inline"]: CellValue[K] };


/** Where the walk found a cell: its text, column, start and end; its start tag's end when already read (-1 otherwise). */
type CellFound = (x: string, col: number, at: number, end: number, hasRef: boolean, te: number) => void;

/**
 * Walks the cells of a row element in order, handing each one `want` accepts to `found` (the
 * others are stepped over: their column and their end, nothing decoded); with `lastCol`, none after it.
 */
function walkCells(rowXml: string, names: Names, want: ((col: number) => boolean) | undefined, spans: CellSpans | undefined, lastCol: number, found: CellFound, index?: RowIndex | null): void {
  if (index?.regular) return walkIndexed(rowXml, names, want, spans, lastCol, found, index);
  const cLen = names.c.length;
  const closeLen = names.cClose.length;
  let expected = 1;
  let at = findOpen(rowXml, names.c, 0);
  while (at >= 0) {
    // A start tag cannot hold "<" (not even in a value), so the next cell and this one's close are
    // both found from the tag's first character; a close after the next cell's start means a
    // self-closing cell, or one never closed, which the tag's end tells apart.
    const nextAt = findOpen(rowXml, names.c, at + cLen);
    const closeAt = rowXml.indexOf(names.cClose, at + cLen);
    if (!placeCell(rowXml, at, cLen, expected, lastCol, !spans)) break;
    const { col, hasRef } = placed;
    let te = placed.te;
    expected = col + 1;
    let end: number;
    if (closeAt >= 0 && (nextAt < 0 || closeAt < nextAt)) end = closeAt + closeLen;
    else {
      if (te < 0) te = tagEnd(rowXml, at);
      if (te < 0) break;
      if (rowXml.charCodeAt(te - 1) !== 47) {
        const ref = hasRef ? attrIn(rowXml, at + cLen, te, "r") : null;
        throw XlsxError.of("cellOpen", { cell: ref ?? "" });
      }
      end = te + 1;
    }
    if (spans) noteSpan(spans, col, at, hasRef);
    const here = at;
    at = nextAt >= end ? nextAt : findOpen(rowXml, names.c, end);
    if (want && !want(col)) continue;
    found(rowXml, col, here, end, hasRef, te);
  }
}

/** Where the cell at hand sits: its column, whether it says its own `r`, its tag's end when read (-1 otherwise). */
const placed = { col: 0, hasRef: false, te: -1 };

/**
 * Places the cell starting at `at` into `placed`: by its quick column when there is one, else from
 * its tag (a cell without `r` sits right after the previous one). False when the walk ends there:
 * its tag is cut short, or, when only reading, it says a column past `lastCol` (cells come in
 * column order, ECMA-376 §18.3.1.4, so the rest of the row is not read).
 */
function placeCell(x: string, at: number, cLen: number, expected: number, lastCol: number, reading: boolean): boolean {
  const quick = quickCol(x, at + cLen);
  placed.te = -1;
  if (quick >= 0) {
    placed.col = quick;
    placed.hasRef = true;
  } else {
    placed.te = readCellTag(x, at, cLen);
    if (placed.te < 0) return false;
    placed.hasRef = scratch.r0 >= 0;
    placed.col = placed.hasRef ? scratch.col : expected;
  }
  return !(reading && placed.hasRef && placed.col > lastCol);
}

/** A cell's column and start, noted for a row to be written. */
function noteSpan(spans: CellSpans, col: number, at: number, hasRef: boolean): void {
  spans.cols.push(col);
  spans.starts.push(at);
  if (!hasRef) spans.allRef = false;
}

/** `walkCells` over a row whose cells the splitter has already found. */
function walkIndexed(rowXml: string, names: Names, want: ((col: number) => boolean) | undefined, spans: CellSpans | undefined, lastCol: number, found: CellFound, ix: RowIndex): void {
  const cLen = names.c.length;
  let expected = 1;
  for (let k = 0; k < ix.count; k++) {
    const at = ix.at[k] as number;
    if (!placeCell(rowXml, at, cLen, expected, lastCol, !spans)) break;
    const { col, hasRef } = placed;
    let te = placed.te;
    expected = col + 1;
    if (spans) noteSpan(spans, col, at, hasRef);
    const read = !want || want(col);
    // A cell only stepped over is checked too when the row is to be written (its XML is kept).
    if (!read && !spans) continue;
    let end = ix.end[k] as number;
    if (end < 0) {
      // No end tag of its own: a self-closing cell, or one never closed.
      if (te < 0) te = tagEnd(rowXml, at);
      if (te < 0 || rowXml.charCodeAt(te - 1) !== 47) {
        const ref = hasRef ? attrIn(rowXml, at + cLen, te < 0 ? rowXml.length : te, "r") : null;
        throw XlsxError.of("cellOpen", { cell: ref ?? "" });
      }
      end = te + 1;
    }
    if (read) found(rowXml, col, at, end, hasRef, te);
  }
}

/** The parts of the cell at `here` (its tag already read into `scratch`, ending at `te`), into `out`. */
function partsOf(x: string, names: Names, here: number, te: number, end: number, out: CellFields): boolean {
  out.s = scratch.s0 >= 0 ? Number(x.slice(scratch.s0, scratch.s1)) : null;
  out.t = scratch.t0 >= 0 ? x.slice(scratch.t0, scratch.t1) : null;
  out.v = out.f = out.inline = null;
  if (x.charCodeAt(te - 1) === 47) return false;
  const hasF = cellParts(x, names, here, te, end);
  if (vSpan.at >= 0) out.v = x.slice(vSpan.t0, vSpan.t1);
  if (hasF) out.f = x.slice(fSpanAt.t0, fSpanAt.t1);
  if (out.t === "inlineStr" && isSpanAt.at >= 0) out.inline = x.slice(isSpanAt.t0, isSpanAt.t1);
  return hasF;
}

/**
 * The cells of a row element, in order; with `want`, only the columns it accepts (the others are
 * stepped over: their column and their end, nothing decoded); with `lastCol`, none after it.
 */
export function cellsOf(rowXml: string, names: Names = DEFAULT_NAMES, want?: (col: number) => boolean, spans?: CellSpans, lastCol = Number.MAX_SAFE_INTEGER, index?: RowIndex | null): RawCellXml[] {
  const out: RawCellXml[] = [];
  const cLen = names.c.length;
  const parts: CellFields = { col: 0, s: null, t: null, v: null, f: null, inline: null };
  walkCells(rowXml, names, want, spans, lastCol, (x, col, here, end, hasRef) => {
    // A cell read: its s and t attributes, and its tag's end when the quick column skipped it.
    const te = readCellTag(x, here, cLen);
    const hasF = partsOf(x, names, here, te, end, parts);
    let fSpan: [number, number] | null = null;
    let shared: { si: string; master: boolean } | null = null;
    if (hasF) {
      fSpan = [fSpanAt.at - here, fSpanAt.end - here];
      const ft = fSpanAt.at + names.f.length;
      if (attrIn(x, ft, fSpanAt.te, "t") === "shared") {
        shared = { si: attrIn(x, ft, fSpanAt.te, "si") ?? "", master: attrIn(x, ft, fSpanAt.te, "ref") !== null && parts.f !== "" };
      }
    }
    out.push({ col, at: here, hasRef, xml: x.slice(here, end), s: parts.s, t: parts.t, v: parts.v, f: parts.f, fSpan, shared, inline: parts.inline });
  }, index);
  return out;
}

/**
 * The cells of a row as `cellsOf` reads them, handed one by one to `visit` without an object or a
 * copy of the cell's XML each (reading a table); a row holding shared formulas takes `cellsOf`,
 * whose followers `SharedFormulas` resolves.
 */
export function visitCells(rowXml: string, names: Names, want: (col: number) => boolean, lastCol: number, visit: (c: CellValue) => void, index?: RowIndex | null): void {
  const cLen = names.c.length;
  const c: CellFields = { col: 0, s: null, t: null, v: null, f: null, inline: null };
  walkCells(rowXml, names, want, undefined, lastCol, (x, col, here, end) => {
    c.col = col;
    partsOf(x, names, here, readCellTag(x, here, cLen), end, c);
    visit(c);
  }, index);
}

export const DEFAULT_NAMES = new Names("");

/** An error met in a row, said with the part and row it was met in (once). */
export function inRowError(err: unknown, part: string, n: number): unknown {
  return err instanceof XlsxError && err.key !== "inRow" && !err.message.startsWith(part) ? err.inRow(part, n) : err;
}

/** The shared formulas of one sheet seen so far: masters by index, so followers can be read and rewritten. */
export class SharedFormulas {
  readonly masters = new Map<string, { readonly formula: string; readonly row: number; readonly col: number }>();
  constructor(private readonly part: string) {}

  /** Records masters and gives followers their formula; a follower with no master is a broken file. */
  resolve(cells: RawCellXml[], row: number): RawCellXml[] {
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k] as RawCellXml;
      if (!c.shared) continue;
      if (c.shared.master) {
        this.masters.set(c.shared.si, { formula: formulaOf(c) ?? "", row, col: c.col });
        continue;
      }
      const m = this.masters.get(c.shared.si);
      if (!m) throw XlsxError.of("sharedNoMaster", { part: this.part, cell: `${columnLetter(c.col)}${row}`, si: c.shared.si });
      cells[k] = { ...c, sharedFormula: shiftFormula(m.formula, row - m.row, c.col - m.col) };
    }
    return cells;
  }
}

/** Streams a sheet through `sink`; `afterChunk` runs after each inflated piece (a writer flushing its output). */
export async function streamSheet(book: Book, path: string, sink: RowSink, afterChunk?: () => Promise<void>): Promise<void> {
  try {
    await streamSheetOrStop(book, path, sink, afterChunk);
  } catch (e) {
    if (e instanceof StopReading) return;
    if (e instanceof ZipError) throw XlsxError.of("zipBroken", { detail: e.message });
    throw e;
  }
}

async function streamSheetOrStop(book: Book, path: string, sink: RowSink, afterChunk?: () => Promise<void>): Promise<void> {
  const e = book.byName.get(path);
  if (!e) throw XlsxError.of("noPart", { part: path });
  const splitter = new RowSplitter(sink, path);
  const kept = book.keptPieces(path);
  if (kept) {
    for (const piece of kept) {
      splitter.push(byteTextOf(piece));
      if (afterChunk) await afterChunk();
    }
    splitter.end();
    return;
  }
  // A part asked to be kept: its pieces, once all read (a read stopped early keeps nothing).
  const keeping: Uint8Array[] | null = book.keeps(path) ? [] : null;
  // Byte text: no UTF-8 sequence is ever split by a chunk boundary, since nothing is decoded here.
  // A part that inflates past its declared size fails as it does (see `streamEntry`): nothing more is kept.
  await streamEntry(book.buf, e, async (chunk) => {
    keeping?.push(chunk);
    splitter.push(byteTextOf(chunk));
    if (afterChunk) await afterChunk();
  });
  splitter.end();
  if (keeping) book.keepPieces(path, keeping);
}

const ROOT = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/;

export class RowSplitter {
  private buf = "";
  private pos = 0;
  private mode: "prefix" | "rows" | "suffix" = "prefix";
  private prev = 0;
  private names: Names = DEFAULT_NAMES;
  /** The cells of the row last scanned, and that row's number in the order rows were scanned. */
  private readonly index = new RowIndex();
  private seq = 0;
  private readonly guard = new SharedGuard();
  private readonly read: RowsRead = { end: 0, last: 0 };
  readonly shared: SharedFormulas;
  constructor(private readonly sink: RowSink, private readonly part: string) {
    this.shared = new SharedFormulas(part);
  }

  push(text: string): void {
    if (text.length === 0) return;
    this.buf = this.pos > 0 ? this.buf.slice(this.pos) + text : this.buf + text;
    this.pos = 0;
    this.drain();
  }

  end(): void {
    this.drain();
    if (this.mode === "prefix") throw XlsxError.of("notWorksheet", { part: this.part });
    if (this.mode === "rows") throw XlsxError.of("sheetDataOpen", { part: this.part });
    this.sink.suffix(this.buf.slice(this.pos));
    this.buf = "";
    this.pos = 0;
  }

  private drain(): void {
    const b = this.buf;
    if (this.mode === "prefix") {
      const rootAt = ROOT.exec(b);
      if (!rootAt) return;
      const ns = rootAt[1] ?? "";
      const open = findOpen(b, `<${ns}sheetData`, rootAt.index);
      if (open < 0) return;
      const te = tagEnd(b, open);
      if (te < 0) return;
      this.names = new Names(ns);
      if (b.charCodeAt(te - 1) === 47) {
        // An empty sheet: expand it so rows can be appended.
        this.sink.prefix(`${b.slice(0, open)}<${ns}sheetData>`, ns);
        this.buf = this.names.sheetDataClose + b.slice(te + 1);
        this.pos = 0;
      } else {
        this.sink.prefix(b.slice(0, te + 1), ns);
        this.pos = te + 1;
      }
      this.mode = "rows";
    }
    if (this.mode !== "rows") return;
    const buf = this.buf;
    const names = this.names;
    // Found when something other than a row comes next (searching for it at every row would make the scan quadratic).
    let endAt = -2;
    for (;;) {
      if (this.sink.rows) {
        // The sink reads what rows it can itself; the first it leaves is this loop's.
        const read = this.read;
        read.end = this.pos;
        read.last = this.prev;
        this.sink.rows(buf, this.pos, this.guard.next(buf, this.pos), read);
        this.pos = read.end;
        this.prev = read.last;
      }
      // What follows a row is, but for spaces, the next row or the end of the sheet's data.
      const lt = buf.indexOf("<", this.pos);
      if (lt < 0) return;
      let rowAt: number;
      if (opensAt(buf, names.row, lt)) rowAt = lt;
      else {
        // Anything else (the end, a comment, a piece of a tag cut by the chunk's end) is searched for.
        rowAt = findOpen(buf, names.row, this.pos);
        if (endAt === -2 || (endAt >= 0 && endAt < this.pos)) endAt = buf.indexOf(names.sheetDataClose, this.pos);
        if (endAt >= 0 && (rowAt < 0 || endAt < rowAt)) {
          this.mode = "suffix";
          if (endAt > this.pos) this.sink.row(buf.slice(this.pos, endAt), -1, () => [], false, null);
          this.pos = endAt;
          return;
        }
      }
      if (rowAt < 0) return;
      const te = tagEnd(buf, rowAt);
      if (te < 0) return;
      let stop: number;
      const index = this.index;
      // Scanning overwrites the index: no earlier row's cells may read it after this.
      const seq = ++this.seq;
      if (buf.charCodeAt(te - 1) === 47) {
        stop = te + 1;
        index.reset();
      } else {
        stop = scanRow(buf, names, rowAt, te, index);
        if (stop < 0) return;
      }
      const quick = quickRowNumber(buf, rowAt + names.row.length);
      const r = quick >= 0 ? null : attrIn(buf, rowAt + names.row.length, te, "r");
      const n = quick >= 0 ? quick : r !== null ? Number(r) : this.prev + 1;
      this.prev = n;
      if (rowAt > this.pos) this.sink.row(buf.slice(this.pos, rowAt), -1, () => [], false, null);
      const xml = buf.slice(rowAt, stop);
      let parsed: RawCellXml[] | null = null;
      const part = this.part;
      const cells: CellsOfRow = (want, lastCol) => {
        // The index is this row's until the next row is scanned.
        const ix = this.seq === seq ? index : null;
        try {
          return parsed ?? (want ? cellsOf(xml, names, want, undefined, lastCol, ix) : (parsed = this.shared.resolve(cellsOf(xml, names, undefined, undefined, undefined, ix), n)));
        } catch (err) {
          throw inRowError(err, part, n);
        }
      };
      const hasShared = index.shared;
      // Shared formulas are tracked on every row that has one, whether the sink looks at it or not.
      if (hasShared) cells();
      this.pos = stop;
      this.sink.row(xml, n, cells, hasShared, index);
    }
  }
}
