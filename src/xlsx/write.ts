import { Deflate } from "fflate";
import type { PlanValue } from "../core/plan/plan";
import { DATE1904_OFFSET } from "../core/_lib/calendar";
import type { Book } from "./book";
import { relsPathOf } from "./book";
import { cellsOf, streamSheet } from "./rows";
import { crc32Final, crc32Update, rebuild, type Deflated } from "./zip";
import { escapeXml, parseRange } from "./xml";
import { StyleBook } from "./styles";
import { columnLetters } from "./read";

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

function cellXml(ref: string, v: PlanValue, style: number | null, styles: StyleBook, date1904: boolean, track: { formulasRemoved: boolean }, hadFormula: boolean): string {
  const s = (x: number | null) => (x === null ? "" : ` s="${x}"`);
  if (hadFormula && v.kind !== "formula") track.formulasRemoved = true;
  switch (v.kind) {
    case "text":
      // Always an inline string: text is never a formula, never a number, and the shared-strings part stays as it is.
      return `<c r="${ref}"${s(style)} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v.text)}</t></is></c>`;
    case "number":
      return `<c r="${ref}"${s(style)}><v>${v.value}</v></c>`;
    case "date": {
      const st = styles.isDate(style) ? style : styles.dateStyleIndex();
      return `<c r="${ref}"${s(st)}><v>${date1904 ? v.day - DATE1904_OFFSET : v.day}</v></c>`;
    }
    case "formula":
      return `<c r="${ref}"${s(style)}><f>${escapeXml(v.formula.replace(/^=/, ""))}</f></c>`;
    default:
      return style === null ? "" : `<c r="${ref}"${s(style)}/>`;
  }
}

/** Rebuilds one row with its written cells; a new cell takes `newCellStyles` for its column (the row above's look). */
function patchRow(xml: string, n: number, writes: Map<number, PlanValue>, styles: StyleBook, date1904: boolean, track: { formulasRemoved: boolean }, newCellStyles?: ReadonlyMap<number, number>): string {
  const open = /^<row\b[^>]*?(\/?)>/.exec(xml);
  const tag = (open?.[0] ?? `<row r="${n}">`).replace(/\s*\/>$/, ">").replace(/\sspans="[^"]*"/, "");
  const cells = cellsOf(xml);
  const byCol = new Map<number, string>();
  for (const c of cells) byCol.set(c.col, c.xml);
  for (const [col, v] of writes) {
    const old = cells.find((c) => c.col === col);
    byCol.set(col, cellXml(`${columnLetters(col)}${n}`, v, old ? old.s : (newCellStyles?.get(col) ?? null), styles, date1904, track, old?.f !== null && old?.f !== undefined));
  }
  const body = [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x).join("");
  return `${tag}${body}</row>`;
}

/** Extends a range `A2:X9` whose last row is `from` to `to` (anything else stays as it is). */
function extendRange(sqref: string, from: number, to: number): string {
  return sqref.split(" ").map((part) => {
    const r = parseRange(part);
    if (!r || r.r1 !== from) return part;
    return `${columnLetters(r.c0)}${r.r0}:${columnLetters(r.c1)}${to}`;
  }).join(" ");
}

/** Streams one sheet through: untouched rows pass as they are; written rows are rebuilt; new rows are inserted in order. */
function patchSheet(book: Book, p: SheetPatch, styles: StyleBook, track: { formulasRemoved: boolean }): Deflated {
  const chunks: Uint8Array[] = [];
  let crc = 0xffffffff;
  let size = 0;
  // Level 1: a rewritten sheet is deflated on every run; the size difference is a few percent.
  const deflate = new Deflate({ level: 1 }, (chunk) => { chunks.push(chunk); });
  const encoder = new TextEncoder();
  let pending: string[] = [];
  let pendingLen = 0;
  const flush = (final: boolean) => {
    const bytes = encoder.encode(pending.join(""));
    pending = [];
    pendingLen = 0;
    crc = crc32Update(crc, bytes);
    size += bytes.length;
    deflate.push(bytes, final);
  };
  const out = (s: string) => {
    pending.push(s);
    pendingLen += s.length;
    if (pendingLen > 1 << 20) flush(false);
  };
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
  const emitNewUpTo = (limit: number) => {
    while (t < todo.length && (todo[t] as number) < limit) {
      const n = todo[t] as number;
      // New rows take the column styles of the row above, as a table's new row does.
      out(patchRow(`<row r="${n}">`, n, writesFor(n) as Map<number, PlanValue>, styles, book.date1904, track, p.newRowStyles));
      t++;
    }
  };
  streamSheet(book, p.path, {
    prefix: (text) => {
      let x = text;
      if (p.growth) {
        x = x.replace(/<dimension ref="([^"]+)"/, (_m, ref: string) => {
          const r = parseRange(ref);
          return r && r.r1 < p.growth!.to ? `<dimension ref="${columnLetters(r.c0)}${r.r0}:${columnLetters(r.c1)}${p.growth!.to}"` : `<dimension ref="${ref}"`;
        });
      }
      out(x);
    },
    row: (xml, n) => {
      if (n < 0) return out(xml);
      emitNewUpTo(n);
      const w = writesFor(n);
      if (!w) return out(xml);
      out(patchRow(xml, n, w, styles, book.date1904, track));
      t++;
    },
    suffix: (text) => {
      emitNewUpTo(Number.MAX_SAFE_INTEGER);
      let x = text;
      if (p.growth) {
        const g = p.growth;
        x = x.replace(/(<conditionalFormatting\b[^>]*\ssqref=")([^"]+)(")/g, (_m, a: string, ref: string, b: string) => `${a}${extendRange(ref, g.from, g.to)}${b}`)
          .replace(/(<dataValidation\b[^>]*\ssqref=")([^"]+)(")/g, (_m, a: string, ref: string, b: string) => `${a}${extendRange(ref, g.from, g.to)}${b}`);
      }
      out(x);
    },
  });
  flush(true);
  let total = 0;
  for (const c of chunks) total += c.length;
  const deflated = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { deflated.set(c, o); o += c.length; }
  return { deflated, crc: crc32Final(crc), size };
}

function growTable(xml: string, from: number, to: number): string {
  return xml
    .replace(/(<table\b[^>]*\sref=")([^"]+)(")/, (_m, a: string, ref: string, b: string) => `${a}${extendRange(ref, from, to)}${b}`)
    .replace(/(<autoFilter\b[^>]*\sref=")([^"]+)(")/, (_m, a: string, ref: string, b: string) => `${a}${extendRange(ref, from, to)}${b}`);
}

/**
 * Produces the new package: patched sheets, grown tables, a date style if needed, the recalc
 * flag; calcChain dropped only when a formula cell became a value (Excel rebuilds it). Every
 * other entry is copied byte for byte.
 */
export function applyPatches(book: Book, sheets: readonly SheetPatch[], tables: readonly TablePatch[]): Uint8Array {
  const styles = new StyleBook(book.stylesXml, book.dateStyles);
  const track = { formulasRemoved: false };
  const replace = new Map<string, Uint8Array | Deflated>();
  for (const s of sheets) replace.set(s.path, patchSheet(book, s, styles, track));
  const enc = new TextEncoder();
  for (const t of tables) replace.set(t.path, enc.encode(growTable(t.xml, t.from, t.to)));
  if (styles.changed) replace.set("xl/styles.xml", enc.encode(styles.toXml()));
  // Formulas we wrote have no cached value: ask Excel (and LibreOffice) to recalculate on open.
  let wb = book.workbookXml;
  if (/<calcPr\b[^>]*fullCalcOnLoad="1"/.test(wb)) { /* already set */ }
  else if (/<calcPr\b/.test(wb)) wb = wb.replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"');
  else wb = wb.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>');
  if (wb !== book.workbookXml) replace.set("xl/workbook.xml", enc.encode(wb));
  const remove = new Set<string>();
  if (track.formulasRemoved && book.byName.has("xl/calcChain.xml")) {
    remove.add("xl/calcChain.xml");
    const ct = book.text("[Content_Types].xml") ?? "";
    replace.set("[Content_Types].xml", enc.encode(ct.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, "")));
    const relsPath = relsPathOf("xl/workbook.xml");
    const rels = book.text(relsPath) ?? "";
    replace.set(relsPath, enc.encode(rels.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, "")));
  }
  return rebuild(book.buf, book.entries, replace, new Map(), remove);
}
