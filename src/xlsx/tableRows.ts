import type { RawCell } from "../core/model/workbookModel";
import { DATE1904_OFFSET } from "../core/_lib/calendar";
import { quickCol, type CellFields, type CellValue, type Names, type RowIndex } from "./rows";

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

/**
 * Reads the wanted cells of one row into `r.put`; false when the row must take the general path
 * (then the caller drops whatever this row put). `ix` holds the row's cell starts and ends. One
 * loop, nothing called per cell but the value's own decoding: a table of a million rows is read
 * here, and a short program is fast from its first rows on.
 */
export function readShort(x: string, names: Names, ix: RowIndex, r: ShortRead): boolean {
  if (!ix.regular || ix.shared) return false;
  const cLen = names.c.length;
  const len = x.length;
  const slotOf = r.slotOf;
  const lastCol = r.lastCol;
  const count = ix.count;
  const starts = ix.at;
  const ends = ix.end;
  for (let k = 0; k < count; k++) {
    // The column, from ` r="AB12"` right after the element's name; then past r's value.
    const at = (starts[k] as number) + cLen;
    const col = quickCol(x, at);
    if (col <= 0) return false;
    if (col > lastCol) break;
    const slot = col < slotOf.length ? (slotOf[col] as number) : -1;
    if (slot < 0) continue;
    const q = x.charCodeAt(at + 3);
    let i = at + 4;
    while (x.charCodeAt(i) !== q) if (++i >= len) return false;
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
      if (x.charCodeAt(i + 2) !== 61 || (q2 !== 34 && q2 !== 39)) return false;
      const v0 = i + 4;
      let j = v0;
      while (x.charCodeAt(j) !== q2) if (++j >= len) return false;
      if (name === 115 && s0 < 0) { s0 = v0; s1 = j; }
      else if (name === 116 && t0 < 0) { t0 = v0; t1 = j; }
      else return false;
      i = j + 1;
      ch = x.charCodeAt(i);
    }
    const kind = kindOf(x, t0, t1);
    if (ch === 47) {
      // Self-closing: no value (a kind the short way does not know says what its emptiness means).
      if (x.charCodeAt(i + 1) !== 62) return false;
      r.put(slot, kind === OTHER ? r.general(partsOf(x, col, s0, s1, t0, t1, -1, -1, -1, -1)) : null);
      continue;
    }
    if (ch !== 62) return false;
    const end = (ends[k] as number) - names.cClose.length;
    if (end < 0) return false;
    // The parts where the schema puts them and nothing between: <f>, then <v> or <is>, then the end.
    let p = i + 1;
    let f0 = -1;
    let f1 = -1;
    let v0 = -1;
    let v1 = -1;
    if (x.startsWith(names.f, p) && x.charCodeAt(p + names.f.length) === 62) {
      f0 = p + names.f.length + 1;
      f1 = x.indexOf("<", f0);
      if (f1 < 0 || !x.startsWith(names.fClose, f1)) return false;
      p = f1 + names.fClose.length;
    }
    if (x.startsWith(names.v, p) && x.charCodeAt(p + names.v.length) === 62) {
      v0 = p + names.v.length + 1;
      v1 = x.indexOf("<", v0);
      if (v1 < 0 || !x.startsWith(names.vClose, v1)) return false;
      p = v1 + names.vClose.length;
    } else if (kind === INLINE && p < end && x.startsWith(names.is, p) && x.charCodeAt(p + names.is.length) === 62) {
      const i0 = p + names.is.length + 1;
      const i1 = x.indexOf(names.isClose, i0);
      if (i1 < 0 || i1 + names.isClose.length !== end || f0 >= 0) return false;
      r.put(slot, r.inline(x, i0, i1));
      continue;
    }
    if (p !== end) return false;
    const n = v0 >= 0 && kind !== OTHER ? digits(x, v0, v1) : -1;
    if (n < 0) {
      // A formula with no cached value, only to be known as one; any other value, decoded the general way.
      if (f0 >= 0 && v0 < 0 && kind !== INLINE && r.marked[slot]) r.put(slot, "=");
      else if (v0 < 0 && f0 < 0 && kind !== OTHER) r.put(slot, null);
      else r.put(slot, r.general(partsOf(x, col, s0, s1, t0, t1, v0, v1, f0, f1)));
      continue;
    }
    if (kind === S) {
      const text = r.shared(n);
      r.put(slot, text === null ? null : r.keep(text));
    } else if (kind === INLINE) r.put(slot, null);
    else if (!r.date1904 || s0 < 0) r.put(slot, n);
    else {
      // The 1904 system: a date-styled serial moves to the 1900 system's.
      const style = digits(x, s0, s1);
      if (style < 0) return false;
      r.put(slot, r.dateStyles.has(style) ? n + DATE1904_OFFSET : n);
    }
  }
  return true;
}
