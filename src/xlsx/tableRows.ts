import type { RawCell } from "../core/model/workbookModel";
import { DATE1904_OFFSET } from "../core/_lib/calendar";
import { CUT_SHORT, endTagEnd, findOpen, isNameEnd, quickCol, quickRowNumber, type CellFields, type CellValue, type Names, type RowIndex, type RowsRead } from "./rows";
import { tagEnd } from "./tags";
import { plainTextOf } from "./byteText";

/**
 * A table's data rows read the short way: the columns asked for, straight from a row's text and
 * the cell starts its scan found, for the shapes every program we know writes (`<c r=… s=… t=…>`
 * holding a plain <v>, <f> or <is>). A cell of any other shape is handed back as its parts for
 * the general decoding; a row the short way cannot read (a cell without `r`, a row that is not
 * regular) is left to the general path whole. What it reads equals what the general path reads
 * (a property test holds the two together).
 */

export interface ShortRead {
  /** 1-based column → slot (-1 or past the end: not read). */
  readonly slotOf: readonly number[];
  readonly lastCol: number;
  /** Slots whose formula only needs to be known as one ("=" when it has no cached value). */
  readonly marked: readonly boolean[];
  readonly date1904: boolean;
  readonly dateStyles: ReadonlySet<number>;
  /** A shared string by index. */
  shared(i: number): string | null;
  /** An inline string's text from its XML as written (x[from, to)), decoded once per distinct value. */
  inline(x: string, from: number, to: number): string;
  /** A value read as text that must not keep the row's text alive. */
  keep(s: string): string;
  /** Any other cell: the general decoding. */
  general(c: CellValue): RawCell;
  /** One value read for a slot. */
  put(slot: number, v: RawCell): void;
}

/** A cell's parts for the general decoding (one object, refilled for each such cell). */
const parts: CellFields = { col: 0, s: null, t: null, v: null, f: null, inline: null };

function partsOf(x: string, col: number, s0: number, s1: number, t0: number, t1: number, v0: number, v1: number, f0: number, f1: number): CellValue {
  parts.col = col;
  parts.s = s0 >= 0 ? Number(x.slice(s0, s1)) : null;
  parts.t = t0 >= 0 ? x.slice(t0, t1) : null;
  parts.v = v0 >= 0 ? x.slice(v0, v1) : null;
  parts.f = f0 >= 0 ? x.slice(f0, f1) : null;
  parts.inline = null;
  return parts;
}

/** t attribute kinds read the short way. */
const NONE = 0;
const S = 1;
const INLINE = 2;
const OTHER = 3;

function kindOf(x: string, t0: number, t1: number): number {
  if (t0 < 0) return NONE;
  const n = t1 - t0;
  const c = x.charCodeAt(t0);
  if (n === 1 && c === 110) return NONE; // "n"
  if (n === 1 && c === 115) return S;
  if (n === 9 && x.startsWith("inlineStr", t0)) return INLINE;
  return OTHER;
}

/** A run of ASCII digits as a number (at most 15 of them, so exact); -1 for anything else. */
function digits(x: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = x.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The value the last `shortCell` read. */
let cellValue: RawCell = null;

/** `shortCell`'s word that the cell's end is to be found, not checked against a row scan's. */
const FIND_END = -2;

/** Whether a cell's end tag starts at `p`: where the row scan found it (`scanned`), or there in the text. */
function endTagAt(x: string, names: Names, p: number, scanned: number): boolean {
  return scanned === FIND_END ? x.startsWith(names.cClose, p) : p === scanned - names.cClose.length;
}

/**
 * Reads the cell starting at `at` in column `col` (read from its `r`) into `cellValue`; says where
 * the cell ends (just past it), or -1 when it must take the general path. `scanned` is where the
 * row scan found its end tag to end (-1: the scan found none), or FIND_END: the cell's parts are
 * then followed to its end tag, which must come right after them.
 */
function shortCell(x: string, names: Names, at: number, col: number, slot: number, r: ShortRead, scanned: number): number {
  const len = x.length;
  const a = at + names.c.length;
  // Past r's value (quickCol has read the column from it).
  const q = x.charCodeAt(a + 3);
  let i = a + 4;
  while (x.charCodeAt(i) !== q) if (++i >= len) return -1;
  i++;
  // Then s and t, in either order and quote style, one space before each; anything else is the general path's.
  let s0 = -1;
  let s1 = -1;
  let t0 = -1;
  let t1 = -1;
  let ch = x.charCodeAt(i);
  while (ch === 32) {
    const name = x.charCodeAt(i + 1);
    const q2 = x.charCodeAt(i + 3);
    if (x.charCodeAt(i + 2) !== 61 || (q2 !== 34 && q2 !== 39)) return -1;
    const v0 = i + 4;
    let j = v0;
    while (x.charCodeAt(j) !== q2) if (++j >= len) return -1;
    if (name === 115 && s0 < 0) { s0 = v0; s1 = j; }
    else if (name === 116 && t0 < 0) { t0 = v0; t1 = j; }
    else return -1;
    i = j + 1;
    ch = x.charCodeAt(i);
  }
  const kind = kindOf(x, t0, t1);
  if (ch === 47) {
    // Self-closing: no value (a kind the short way does not know says what its emptiness means).
    if (x.charCodeAt(i + 1) !== 62) return -1;
    cellValue = kind === OTHER ? r.general(partsOf(x, col, s0, s1, t0, t1, -1, -1, -1, -1)) : null;
    return i + 2;
  }
  if (ch !== 62 || scanned === -1) return -1;
  const closeLen = names.cClose.length;
  // The parts where the schema puts them and nothing between: <f>, then <v> or <is>, then the end.
  let p = i + 1;
  let f0 = -1;
  let f1 = -1;
  let v0 = -1;
  let v1 = -1;
  if (x.startsWith(names.f, p) && x.charCodeAt(p + names.f.length) === 62) {
    f0 = p + names.f.length + 1;
    f1 = x.indexOf("<", f0);
    if (f1 < 0 || !x.startsWith(names.fClose, f1)) return -1;
    p = f1 + names.fClose.length;
  }
  if (x.startsWith(names.v, p) && x.charCodeAt(p + names.v.length) === 62) {
    v0 = p + names.v.length + 1;
    v1 = x.indexOf("<", v0);
    if (v1 < 0 || !x.startsWith(names.vClose, v1)) return -1;
    p = v1 + names.vClose.length;
  } else if (kind === INLINE && f0 < 0 && x.startsWith(names.is, p) && x.charCodeAt(p + names.is.length) === 62) {
    const i0 = p + names.is.length + 1;
    const i1 = x.indexOf(names.isClose, i0);
    if (i1 < 0) return -1;
    const e = i1 + names.isClose.length;
    // Nothing in the text may end the cell before its own end tag (a scan would have stopped there).
    if (!endTagAt(x, names, e, scanned) || (scanned === FIND_END && x.indexOf(names.cClose, i0) !== e)) return -1;
    // The commonest shape, one plain run, is decoded here; any other, the general way.
    const a = x.startsWith(names.t, i0) ? i0 + names.t.length : x.startsWith(names.tKept, i0) ? i0 + names.tKept.length : -1;
    const b = i1 - names.tClose.length;
    const plain = a >= 0 && b >= a && x.startsWith(names.tClose, b) ? plainTextOf(x, a, b) : null;
    cellValue = plain ?? r.inline(x, i0, i1);
    return e + closeLen;
  }
  if (!endTagAt(x, names, p, scanned)) return -1;
  const end = p + closeLen;
  const n = v0 >= 0 && kind !== OTHER ? digits(x, v0, v1) : -1;
  if (n < 0) {
    // A formula with no cached value, only to be known as one; any other value, decoded the general way.
    if (f0 >= 0 && v0 < 0 && kind !== INLINE && r.marked[slot]) cellValue = "=";
    else if (v0 < 0 && f0 < 0 && kind !== OTHER) cellValue = null;
    else cellValue = r.general(partsOf(x, col, s0, s1, t0, t1, v0, v1, f0, f1));
    return end;
  }
  if (kind === S) {
    const text = r.shared(n);
    cellValue = text === null ? null : r.keep(text);
  } else if (kind === INLINE) cellValue = null;
  else if (!r.date1904 || s0 < 0) cellValue = n;
  else {
    // The 1904 system: a date-styled serial moves to the 1900 system's.
    const style = digits(x, s0, s1);
    if (style < 0) return -1;
    cellValue = r.dateStyles.has(style) ? n + DATE1904_OFFSET : n;
  }
  return end;
}

/**
 * Reads the wanted cells of one row into `r.put`; false when the row must take the general path
 * (then the caller drops whatever this row put). `ix` holds the row's cell starts and ends.
 */
export function readShort(x: string, names: Names, ix: RowIndex, r: ShortRead): boolean {
  if (!ix.regular || ix.shared) return false;
  const slotOf = r.slotOf;
  const lastCol = r.lastCol;
  const count = ix.count;
  const starts = ix.at;
  const ends = ix.end;
  for (let k = 0; k < count; k++) {
    const at = starts[k] as number;
    const col = quickCol(x, at + names.c.length);
    if (col <= 0) return false;
    if (col > lastCol) break;
    const slot = col < slotOf.length ? (slotOf[col] as number) : -1;
    if (slot < 0) continue;
    if (shortCell(x, names, at, col, slot, r, ends[k] as number) < 0) return false;
    r.put(slot, cellValue);
  }
  return true;
}

/** A table's data rows as `readRows` fills them: each wanted column's values by slot, and the last row read. */
export interface TableRows {
  /** The header's row number (data rows follow it) and the table's last data row. */
  readonly headerRow: number;
  readonly lastRow: number;
  readonly values: readonly RawCell[][];
  /** The last row read: its number, whether its wanted cells held nothing, and where it stood (in `lastText`). */
  lastData: number;
  lastBlank: boolean;
  lastText: string;
  lastAt: number;
  lastEnd: number;
}

/** The end of the cell at `at` that is only stepped over (just past it), or -1 when it is cut short or never closed; `rowClose` is where its row's end tag starts. */
function skipCell(x: string, names: Names, at: number, rowClose: number): number {
  const te = tagEnd(x, at);
  if (te < 0 || te > rowClose) return -1;
  if (x.charCodeAt(te - 1) === 47) return te + 1;
  const close = x.indexOf(names.cClose, te);
  // A cell never closed would lend it the next cell's end tag.
  if (close < 0 || findOpen(x, names.c, te, close) >= 0) return -1;
  return close + names.cClose.length;
}

/**
 * One row's values into their columns at data index `i`: each column filled with nulls up to it, and
 * a value taken only where the column has none there yet (a row number met twice keeps the first).
 */
export function storeRow(values: readonly RawCell[][], i: number, slots: readonly number[], row: readonly RawCell[], count: number): void {
  for (let j = 0; j < count; j++) {
    const arr = values[slots[j] as number] as RawCell[];
    while (arr.length < i) arr.push(null);
    if (arr.length === i) arr.push(row[j] ?? null);
  }
}

// The row being read: its values and their slots, refilled row after row.
const rowSlots: number[] = [];
const rowValues: RawCell[] = [];

/**
 * Reads a table's data rows straight from the sheet's text, from `from` on, into `t`, as long as
 * each row is one the short way knows: a `<row r=…>` holding nothing but cells that say their `r`,
 * the wanted ones of the shapes `shortCell` reads, and ending before `guard` (no shared formula
 * before it; see `RowSink.rows`). Says in `out` where it stopped: the
 * first row it left, or where the text ends before a row does. One loop and no call per row: the
 * log of a hundred thousand follow-ups is read here, in a run too short for V8 to have optimised
 * anything but loops.
 */
export function readRows(x: string, names: Names, from: number, guard: number, r: ShortRead, t: TableRows, out: RowsRead): void {
  const slotOf = r.slotOf;
  const lastCol = r.lastCol;
  const cLen = names.c.length;
  const rowLen = names.row.length;
  let pos = from;
  let lastAt = -1;
  let lastEnd = -1;
  for (;;) {
    // Space between rows (a sheet written indented) is only stepped over.
    let at = pos;
    for (let c = x.charCodeAt(at); c === 32 || c === 10 || c === 13 || c === 9; c = x.charCodeAt(++at));
    if (!x.startsWith(names.row, at)) break;
    pos = at;
    // The row's end first: none of its text is then read past the text's end (optimised code
    // reading past it would be thrown away). A "</row>" stands nowhere but at a row's end, as the
    // row scan also takes it (text and attribute values hold no "<").
    const close = rowEnd(x, names, pos);
    const end = rowEndAt;
    if (close < 0 || end > guard) break;
    const n = quickRowNumber(x, pos + rowLen);
    if (n <= t.headerRow || n > t.lastRow) break;
    const te = tagEnd(x, pos);
    if (te < 0 || te > close || x.charCodeAt(te - 1) === 47) break;
    let p = te + 1;
    let k = 0;
    let any = false;
    let past = false;
    while (p < close && x.startsWith(names.c, p) && isNameEnd(x.charCodeAt(p + cLen))) {
      const col = quickCol(x, p + cLen);
      if (col <= 0) { p = -1; break; }
      if (col > lastCol) { past = true; break; }
      const slot = col < slotOf.length ? (slotOf[col] as number) : -1;
      if (slot < 0) p = skipCell(x, names, p, close);
      else {
        p = shortCell(x, names, p, col, slot, r, FIND_END);
        const v = cellValue;
        if (v !== null && v !== "") any = true;
        rowSlots[k] = slot;
        rowValues[k] = v;
        k++;
      }
      if (p < 0 || p > close) { p = -1; break; }
    }
    // Past the last column read, the rest of the row is only its end's to say; before it, the end must come next.
    if (p < 0 || (!past && p !== close)) break;
    storeRow(t.values, n - t.headerRow - 1, rowSlots, rowValues, k);
    t.lastData = n;
    t.lastBlank = !any;
    out.last = n;
    lastAt = pos;
    lastEnd = end;
    pos = end;
  }
  if (lastAt >= 0) {
    t.lastText = x;
    t.lastAt = lastAt;
    t.lastEnd = lastEnd;
  }
  out.end = pos;
}

/** Just past the end tag `rowEnd` found last. */
let rowEndAt = -1;

/**
 * Where the first row end tag at or after `from` starts (`</row>`, or with space before its `>`),
 * or -1 when none is whole in the text; just past it in `rowEndAt`. Found by its "w", rare in
 * sheet markup (a search for "</row" itself stops at every "<").
 */
function rowEnd(x: string, names: Names, from: number): number {
  const back = names.rowEndStem.length - 1;
  for (let i = x.indexOf("w", from + back); i >= 0; i = x.indexOf("w", i + 1)) {
    if (!x.startsWith(names.rowEndStem, i - back)) continue;
    const e = endTagEnd(x, i + 1);
    if (e === CUT_SHORT) return -1;
    if (e < 0) continue;
    rowEndAt = e;
    return i - back;
  }
  return -1;
}
