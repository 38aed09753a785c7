/**
 * A table's rows read the short way (`readShort`: one loop over the cell starts the row scan
 * found) give exactly what the general path gives (`visitCells` and `decodeCell`), for cells of
 * every shape ECMA-376 allows; rows the short way does not know are left to the general path.
 */
import fc from "fast-check";
import { RowSplitter, cellsOf, visitCells, Names, type CellsOfRow, type RowIndex, type RowsRead, type RowSink } from "../../src/xlsx/rows";
import { decodeCell, shortRead, type DateSystem } from "../../src/xlsx/read";
import { readRows, readShort, type TableRows } from "../../src/xlsx/tableRows";
import { bytesOfText, plainTextOf, textOfBytes } from "../../src/xlsx/byteText";
import type { RawCell } from "../../src/core/model/workbookModel";

const SHARED = ["first", "第二"];
const shared = () => SHARED;

interface CellSpec {
  readonly gap: number;
  readonly ref: boolean;
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly quote: string;
  readonly space: string;
  readonly body: string;
}

const texts = fc.constantFrom("KH-202605-000001", "客户", "a&lt;b", "x_x000D_y", "", " spaced ");
const numbers = fc.constantFrom("45756", "0", "007", "1.5", "-3", "1E3", "", "12345678901234567", "a&amp;b");
const body = fc.oneof(
  fc.constant("/"),
  fc.constant(""),
  numbers.map((v) => `<v>${v}</v>`),
  fc.constantFrom("SUM(A1:A3)&amp;&quot;x&quot;", "1+1").chain((f) => fc.oneof(fc.constant(`<f>${f}</f>`), numbers.map((v) => `<f>${f}</f><v>${v}</v>`))),
  texts.map((t) => `<is><t>${bytesOfText(t)}</t></is>`),
  texts.map((t) => `<is><t xml:space="preserve">${bytesOfText(t)}</t></is>`),
  fc.constant("<is><r><t>a</t></r><r><rPr><b/><color rgb=\"FF0000\"/></rPr><t>b</t></r></is>"),
  fc.constant("<f>1</f>\n<v>2</v>"),
  fc.constant("<v>1</v><extLst/>"),
  fc.constant("<v/>"),
  fc.constant("<f t=\"array\" ref=\"A1\">1</f><v>1</v>"),
);
const anyAttrs = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom("0", "1", "3", "").map((v) => ["s", v] as const),
    fc.constantFrom("n", "s", "inlineStr", "str", "b", "e", "d").map((v) => ["t", v] as const),
    fc.constant(["cm", "1"] as const),
  ),
  { selector: (a) => a[0], maxLength: 3 },
);
const style = fc.constantFrom([], [["s", "1"] as const], [["s", "3"] as const]);
/** The shapes programs write, each with its own kind of content, and now and then anything at all. */
const shaped = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(style, numbers.map((v) => `<v>${v}</v>`)).map(([a, b]) => ({ attrs: a, body: b })) },
  { weight: 3, arbitrary: fc.tuple(style, texts).map(([a, t]) => ({ attrs: [...a, ["t", "inlineStr"] as const], body: `<is><t xml:space="preserve">${bytesOfText(t)}</t></is>` })) },
  { weight: 2, arbitrary: fc.constantFrom("0", "1", "2", "x").map((v) => ({ attrs: [["t", "s"] as const], body: `<v>${v}</v>` })) },
  { weight: 2, arbitrary: fc.tuple(style, fc.constantFrom("", "<v>3</v>", "<v>2.5</v>")).map(([a, v]) => ({ attrs: a, body: `<f>1+1</f>${v}` })) },
  { weight: 1, arbitrary: fc.constantFrom("<v>text</v>", "", "<v>a&amp;b</v>").map((v) => ({ attrs: [["t", "str"] as const], body: `<f>A1&amp;"x"</f>${v}` })) },
  { weight: 1, arbitrary: fc.constantFrom("b", "e", "d").map((t) => ({ attrs: [["t", t] as const], body: t === "b" ? "<v>1</v>" : t === "e" ? "<v>#N/A</v>" : "<v>2026-05-11T12:00:00</v>" })) },
  { weight: 1, arbitrary: style.map((a) => ({ attrs: a, body: "/" })) },
  { weight: 2, arbitrary: fc.tuple(anyAttrs, body).map(([a, b]) => ({ attrs: a, body: b })) },
);
const cell: fc.Arbitrary<CellSpec> = fc.record({
  gap: fc.integer({ min: 1, max: 3 }),
  ref: fc.integer({ min: 0, max: 19 }).map((n) => n > 0),
  shape: shaped,
  quote: fc.constantFrom('"', "'"),
  space: fc.constantFrom(" ", " ", " ", " ", " ", " ", " ", " ", "  ", "\n"),
}).map(({ shape, ...c }) => ({ ...c, attrs: shape.attrs, body: shape.body }));

function rowXml(ns: string, n: number, cells: readonly CellSpec[]): string {
  let col = 0;
  let out = `<${ns}row r="${n}">`;
  for (const c of cells) {
    col += c.gap;
    let letters = "";
    for (let k = col; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
    const attrs = [...(c.ref ? [["r", `${letters}${n}`] as const] : []), ...c.attrs].map(([k, v]) => `${c.space}${k}=${c.quote}${v}${c.quote}`).join("");
    const inner = c.body.replace(/<(\/?)(?=[a-z])/g, `<$1${ns}`);
    out += c.body === "/" ? `<${ns}c${attrs}/>` : `<${ns}c${attrs}>${inner}</${ns}c>`;
  }
  return `${out}</${ns}row>`;
}

/**
 * The one row of a sheet as a reading sink sees it: its text, cells and the scan's index (which
 * stays this row's, no other row being scanned after it).
 */
function oneRow(ns: string, row: string): { xml: string; cells: CellsOfRow; shared: boolean; index: RowIndex | null } {
  let got: { xml: string; cells: CellsOfRow; shared: boolean; index: RowIndex | null } | null = null;
  const splitter = new RowSplitter({
    prefix: () => undefined,
    suffix: () => undefined,
    row: (xml, n, cells, hasShared, index) => {
      if (n >= 0) got = { xml, cells, shared: hasShared, index };
    },
  }, "xl/worksheets/sheet1.xml");
  const xmlns = ns === "" ? 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' : `xmlns:${ns.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  splitter.push(`<${ns}worksheet ${xmlns}><${ns}sheetData>${row}</${ns}sheetData></${ns}worksheet>`);
  splitter.end();
  if (!got) throw new Error("row lost");
  return got;
}

/** A table read from row 2 on, its values by slot. */
function tableRows(slots: number, headerRow = 1): TableRows {
  return { headerRow, lastRow: 1_000_000, values: Array.from({ length: slots }, () => []), lastData: -1, lastBlank: true, lastText: "", lastAt: 0, lastEnd: 0 };
}

/** The general path's values of row 2 (the first data row) as `readRows` keeps them: by slot, the first of a column. */
function bySlot(cells: ReadonlyArray<readonly [number, RawCell]>, slots: number): RawCell[][] {
  const out: RawCell[][] = Array.from({ length: slots }, () => []);
  for (const [slot, v] of cells) if ((out[slot] as RawCell[]).length === 0) (out[slot] as RawCell[]).push(v);
  return out;
}

describe("a table's rows read the short way", () => {
  it("give what the general path gives, cell for cell, whatever the shapes", () => {
    let shortRows = 0;
    let straightRows = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("", "x:"),
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (ns, cells, wantedCols, markFirst, date1904) => {
          const names = new Names(ns);
          const book: DateSystem = { date1904, dateStyles: new Set([3]) };
          const slotOf: number[] = [];
          wantedCols.forEach((c, i) => { while (slotOf.length <= c) slotOf.push(-1); slotOf[c] = i; });
          const marked = wantedCols.map((_c, i) => markFirst && i === 0);
          const lastCol = Math.max(...wantedCols);
          const want = (c: number) => (slotOf[c] ?? -1) >= 0;
          // Every row is read while the scan stands at it, as `readTable` does.
          const only = oneRow(ns, rowXml(ns, 2, cells));
          let general: Array<[number, RawCell]> | Error;
          try {
            const g: Array<[number, RawCell]> = [];
            if (only.shared) for (const c of only.cells(want, lastCol)) g.push([slotOf[c.col] as number, marked[slotOf[c.col] as number] && c.f !== null && c.v === null && c.t !== "inlineStr" ? "=" : decodeCell(c, shared, book)]);
            else visitCells(only.xml, names, want, lastCol, (c) => g.push([slotOf[c.col] as number, marked[slotOf[c.col] as number] && c.f !== null && c.v === null && c.t !== "inlineStr" ? "=" : decodeCell(c, shared, book)]), null);
            general = g;
          } catch (e) {
            general = e as Error;
          }
          const fast: Array<[number, RawCell]> = [];
          const r = shortRead(book, shared, slotOf, () => lastCol, marked, (slot, v) => fast.push([slot, v]));
          // The same row read straight from the text, with no scan of its tags.
          const rows = tableRows(wantedCols.length);
          const out: RowsRead = { end: 0, last: 0 };
          readRows(only.xml, names, 0, only.xml.length, r, rows, out);
          if (out.end > 0) {
            straightRows++;
            expect(general).not.toBeInstanceOf(Error);
            expect(out).toEqual({ end: only.xml.length, last: 2 });
            expect(bySlot(general as Array<[number, RawCell]>, wantedCols.length)).toEqual(rows.values);
          }
          const took = only.index !== null && readShort(only.xml, names, only.index, r);
          if (!took) return;
          shortRows++;
          // A row the general path refuses is never read the short way.
          expect(general).not.toBeInstanceOf(Error);
          expect(fast).toEqual(general);
        },
      ),
      { numRuns: 3000 },
    );
    // Not a vacuous property: most generated rows are of the common shapes.
    expect(shortRows).toBeGreaterThan(200);
    expect(straightRows).toBeGreaterThan(200);
  });

  it("reads a row with markup outside its cells (a second </c>, a part after a cell's end) as the search over each cell does", () => {
    const names = new Names("");
    for (const row of [
      `<row r="2"><c r="A2" s="1"></c><f>1+1</f></c><c r="B2"><v>5</v></c></row>`,
      `<row r="2"><c r="A2"><v>1</v></c><v>12</v></c><c r="B2"><v>5</v></c></row>`,
      `<row r="2"><c r="A2"><v>1</v></c><f t="shared" ref="A2:A3" si="0">1</f><c r="B2"><v>5</v></c></row>`,
    ]) {
      const got = oneRow("", row);
      const parts = (cells: ReturnType<CellsOfRow>) => cells.map((c) => [c.col, c.v, c.f, c.xml]);
      expect(got.index?.regular).toBe(false);
      expect(parts(got.cells())).toEqual(parts(cellsOf(row, names)));
    }
  });

  it("finds a row's end past a formula tag whose quote is never closed, and leaves that row to the general path", () => {
    const row = `<row r="2"><c r="A2"><f t='shared>1</f><v>1</v></c></row>`;
    const got = oneRow("", `${row}<row r="3"><c r="A3"><v>3</v></c></row>`.slice(0, row.length));
    expect(got.xml).toBe(row);
    expect(got.index?.regular).toBe(false);
  });

  it("lets a row's cells be read between pieces, after the next row was scanned only in part", () => {
    const saved: CellsOfRow[] = [];
    const s = new RowSplitter({ prefix: () => undefined, suffix: () => undefined, row: (_x, n, cells) => { if (n >= 0) saved.push(cells); } }, "xl/worksheets/sheet1.xml");
    const head = `<worksheet xmlns="m"><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>22</v></c></row>`;
    const row3 = `<row r="3"><c r="A3" t="inlineStr"><is><t>xyz</t></is></c><c r="B3"><v>333</v></c></row>`;
    s.push(head + row3.slice(0, 70));
    const first = saved[0];
    if (!first) throw new Error("row 2 not seen");
    const between = first((c) => c === 2, 2).map((c) => [c.col, c.v, c.xml]);
    s.push(`${row3.slice(70)}</sheetData></worksheet>`);
    s.end();
    expect(between).toEqual([[2, "22", `<c r="B2"><v>22</v></c>`]]);
    expect(first((c) => c === 2, 2).map((c) => [c.col, c.v, c.xml])).toEqual(between);
  });

  it("takes the common shapes itself and leaves the rest to the general path", () => {
    const names = new Names("");
    const book: DateSystem = { date1904: false, dateStyles: new Set([3]) };
    const slotOf = [-1, 0, 1, 2];
    const tryRow = (xml: string) => {
      const row = oneRow("", xml);
      const got: RawCell[] = [];
      const r = shortRead(book, shared, slotOf, () => 3, [false, false, true], (_slot, v) => got.push(v));
      const took = row.index !== null && readShort(row.xml, names, row.index, r);
      return took ? got : null;
    };
    expect(tryRow(`<row r="2"><c r="A2" s="3"><v>45756</v></c><c r="B2" t="inlineStr"><is><t>KH-1</t></is></c><c r="C2"><f>1+1</f></c></row>`)).toEqual([45756, "KH-1", "="]);
    expect(tryRow(`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"/><c r="C2" t="str"><f>A1</f><v>x</v></c></row>`)).toEqual(["第二", null, "x"]);
    // A shared-string cell with an empty index names no string, whichever path reads it.
    expect(tryRow(`<row r="2"><c r="A2" t="s"><v></v></c></row>`)).toEqual([null]);
    const empty = oneRow("", `<row r="2"><c r="A2" t="s"><v/></c></row>`);
    expect(empty.cells().map((c) => decodeCell(c, shared, book))).toEqual([null]);
    // A cell without `r`, a shared formula, an extension list: the general path's.
    expect(tryRow(`<row r="2"><c><v>1</v></c></row>`)).toBeNull();
    expect(tryRow(`<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">1</f><v>1</v></c></row>`)).toBeNull();
    expect(tryRow(`<row r="2"><c r="A2"><v>1</v><extLst/></c></row>`)).toBeNull();
  });
});

/** A sheet's rows, read by a sink that reads what rows it can itself and the rest the general way. */
function readSheet(xml: string, cuts: readonly number[], slotOf: readonly number[], slots: number, straight: boolean): { values: RawCell[][]; straight: number } {
  const book: DateSystem = { date1904: false, dateStyles: new Set([3]) };
  const names = new Names("");
  const values: RawCell[][] = Array.from({ length: slots }, () => []);
  const lastCol = slotOf.length - 1;
  const want = (c: number) => (slotOf[c] ?? -1) >= 0;
  let straightRows = 0;
  const put = (n: number, slot: number, v: RawCell) => {
    // A row with shared formulas hands over all its cells, read or not.
    if (slot === undefined || slot < 0) return;
    const arr = values[slot] as RawCell[];
    while (arr.length < n - 2) arr.push(null);
    if (arr.length === n - 2) arr.push(v);
  };
  const rows: TableRows = { headerRow: 1, lastRow: 1_000_000, values, lastData: -1, lastBlank: true, lastText: "", lastAt: 0, lastEnd: 0 };
  const r = shortRead(book, shared, [...slotOf], () => lastCol, slotOf.map(() => false), () => undefined);
  const sink: RowSink = {
    prefix: () => undefined,
    suffix: () => undefined,
    row: (x, n, cells, hasShared) => {
      if (n < 2) return;
      if (hasShared) for (const c of cells(want, lastCol)) put(n, slotOf[c.col] as number, decodeCell(c, shared, book));
      else visitCells(x, names, want, lastCol, (c) => put(n, slotOf[c.col] as number, decodeCell(c, shared, book)), null);
    },
    ...(straight ? { rows: (text: string, from: number, guard: number, out: RowsRead) => {
      const before = out.last;
      readRows(text, names, from, guard, r, rows, out);
      if (out.last !== before) straightRows++;
    } } : {}),
  };
  const splitter = new RowSplitter(sink, "xl/worksheets/sheet1.xml");
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    splitter.push(xml.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  splitter.push(xml.slice(at));
  splitter.end();
  for (const v of values) while (v.length < values.reduce((m, x) => Math.max(m, x.length), 0)) v.push(null);
  return { values, straight: straightRows };
}

describe("a table's rows read straight from the sheet's text", () => {
  // What a row may hold beside plain cells: markup that sends it (or its neighbours) the general way.
  const extra = fc.constantFrom("", "", "", "", "<!-- x -->", "<?pi x?>", '<c r="Z9" t="str"><f t="shared" ref="Z9:Z10" si="0">1</f><v>1</v></c>', '<c r="Y9" t="inlineStr"><is><t>shared"</t></is></c>');
  const sheetRow = fc.record({ cells: fc.array(cell, { minLength: 0, maxLength: 6 }), extra, gap: fc.constantFrom("", "", "\n"), end: fc.constantFrom("</row>", "</row>", "</row >", "</row\n\t>") });

  it("read what the general path reads, however the text is cut into pieces", () => {
    let straight = 0;
    fc.assert(
      fc.property(fc.array(sheetRow, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 6 }), fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { minLength: 1, maxLength: 5 }), (specs, cutsAt, wantedCols) => {
        const slotOf: number[] = [];
        wantedCols.forEach((c, i) => { while (slotOf.length <= c) slotOf.push(-1); slotOf[c] = i; });
        const rowsXml = specs.map((sp, i) => {
          const x = rowXml("", i + 2, sp.cells);
          return sp.gap + x.replace("</row>", `${sp.extra}${sp.end}`);
        });
        const xml = `<worksheet xmlns="m"><sheetData>${rowsXml.join("")}</sheetData></worksheet>`;
        const cuts = cutsAt.map((c) => c % xml.length);
        let general: RawCell[][] | Error;
        try {
          general = readSheet(xml, cuts, slotOf, wantedCols.length, false).values;
        } catch (e) {
          general = e as Error;
        }
        // Rows the general path refuses may be read or refused straight; rows it reads, straight reads alike.
        if (general instanceof Error) return;
        const got = readSheet(xml, cuts, slotOf, wantedCols.length, true);
        straight += got.straight;
        expect(got.values).toEqual(general);
      }),
      { numRuns: 1500 },
    );
    expect(straight).toBeGreaterThan(500);
  });

  it("leaves a row holding a shared formula to the general path, which keeps its master for the followers below", () => {
    // B2 (not read) is the master of a follower in C3 (read) with no cached value: its formula is its master's, moved.
    for (const q of ['"', "'"]) {
      const xml = `<worksheet xmlns="m"><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t=${q}shared${q} ref="B2:C3" si="0">A2*2</f><v>2</v></c></row>`
        + `<row r="3"><c r="A3"><v>3</v></c><c r="C3"><f t=${q}shared${q} si="0"/></c></row></sheetData></worksheet>`;
      const read = readSheet(xml, [], [-1, 0, -1, 1], 2, true);
      expect(read.values).toEqual([[1, 3], [null, "=B3*2"]]);
      expect(read).toEqual(readSheet(xml, [], [-1, 0, -1, 1], 2, false));
    }
    // A text that only says "shared" sends its row the general way, and no other.
    const word = `<worksheet xmlns="m"><sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>shared"</t></is></c></row><row r="4"><c r="A4"><v>4</v></c></row></sheetData></worksheet>`;
    expect(readSheet(word, [], [-1, 0], 1, true)).toEqual({ values: [[1, 'shared"', 4]], straight: 2 });
  });
});

describe("a cell reference in lower case", () => {
  it("names the same cell, read straight or the general way", () => {
    const upper = `<worksheet xmlns="m"><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="C2" t="inlineStr"><is><t>x</t></is></c><c r="AB2"><v>3</v></c></row></sheetData></worksheet>`;
    const lower = upper.replace(/ r="([A-Z]+)(\d+)"/g, (_m, l: string, n: string) => ` r="${l.toLowerCase()}${n}"`);
    expect(lower).toContain(`r="ab2"`);
    const slotOf = [-1, 0, -1, 1, ...Array.from({ length: 24 }, () => -1), 2];
    const want = readSheet(upper, [], slotOf, 3, false).values;
    expect(want).toEqual([[1], ["x"], [3]]);
    expect(readSheet(lower, [], slotOf, 3, true).values).toEqual(want);
    expect(readSheet(lower, [], slotOf, 3, false).values).toEqual(want);
  });
});

describe("a cell stepped over", () => {
  it("that is never closed does not lend it the next cell's end: the cell after it is still read", () => {
    const names = new Names("");
    const book: DateSystem = { date1904: false, dateStyles: new Set([3]) };
    const r = shortRead(book, shared, [-1, -1, 0], () => 2, [false], () => undefined);
    const row = `<row r="2"><c r="A2"><v>1</v><c r="B2"><v>2</v></c></row>`;
    const rows = tableRows(1);
    const out: RowsRead = { end: 0, last: 0 };
    readRows(row, names, 0, row.length, r, rows, out);
    // Left to the general path, which finds B2 where the row scan put it.
    expect(out.end).toBe(0);
    expect(rows.values).toEqual([[]]);
  });
});

describe("plain text decoded by hand", () => {
  it("is what decoding its UTF-8 gives, or is left to the general decoding", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 })), (text) => {
        const bytes = bytesOfText(text);
        const got = plainTextOf(`<t>${bytes}</t>`, 3, 3 + bytes.length);
        if (/[&_<]/.test(text) || bytes.length > 256) expect(got).toBeNull();
        else expect(got).toBe(textOfBytes(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves bytes that are not UTF-8 to the general decoding", () => {
    for (const bad of ["\u00c0\u0080", "\u00e0\u0080\u0080", "\u00ed\u00a0\u0080", "\u00f4\u0090\u0080\u0080", "\u00e5\u00ae", "\u0080", "\u00ff"]) {
      expect(plainTextOf(bad, 0, bad.length)).toBeNull();
    }
    expect(plainTextOf("\u00f0\u009f\u0098\u0080", 0, 4)).toBe("\u{1F600}");
  });
});
