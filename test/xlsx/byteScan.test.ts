/**
 * The sheet scanner works on byte text (one character per byte of the part): values are decoded
 * only where they are read, untouched rows leave as the bytes they came in as, and cells are
 * stepped over by their column and end alone.
 */
import * as fs from "fs";
import * as path from "path";
import { cli, tmpdir } from "./helpers";
import { Book } from "../../src/xlsx/book";
import { rebuild } from "../../src/xlsx/zip";
import { readBook } from "../../src/xlsx/read";
import { gradeFile } from "../../src/xlsx/usecases";
import { cellsOf, Names } from "../../src/xlsx/rows";
import { bytesOfText, textOfBytes } from "../../src/xlsx/byteText";
import { parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";

const TODAY = "2026-05-20";

describe("byte text", () => {
  it("decodes and encodes UTF-8, leaving ASCII as it is", () => {
    for (const s of ["客户信息", "A 级 · 🚀", "plain ascii", "ü"]) {
      const bytes = bytesOfText(s);
      expect(Buffer.from(bytes, "latin1").equals(Buffer.from(s, "utf8"))).toBe(true);
      expect(textOfBytes(bytes)).toBe(s);
    }
    expect(bytesOfText("KH-0001")).toBe("KH-0001");
  });
});

describe("cells of every shape, stepped over or read", () => {
  it("reads cells whose parts are spaced, reordered or followed by extLst, and tags in any attribute order", () => {
    const row = `<row r="1"><c s="2" r="A1" t="inlineStr">\n  <is><t>x</t></is>\n</c><c r='B1'><f>1+1</f>\n<v>2</v></c>`
      + `<c r="C1" s="1"/><c r="D1" t="s"><v>0</v><extLst/></c><c t="str"><v>after</v></c></row>`;
    const cells = cellsOf(row, new Names(""));
    expect(cells.map((c) => [c.col, c.s, c.t, c.v, c.f, c.inline])).toEqual([
      [1, 2, "inlineStr", null, null, "<t>x</t>"],
      [2, null, null, "2", "1+1", null],
      [3, 1, null, null, null, null],
      [4, null, "s", "0", null, null],
      [5, null, "str", "after", null, null],
    ]);
    // Only the columns asked for are read; the others are stepped over.
    expect(cellsOf(row, new Names(""), (c) => c === 2 || c === 5).map((c) => [c.col, c.v])).toEqual([[2, "2"], [5, "after"]]);
  });

  it("stops a row after the last column asked for, and still refuses a cell that never closes", () => {
    const row = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></row>`;
    expect(cellsOf(row, new Names(""), () => true, undefined, 2).map((c) => c.v)).toEqual(["1", "2"]);
    expect(() => cellsOf(row, new Names(""))).toThrow(/cell C1 is not closed/);
  });
});

describe("the deflate a rewritten sheet goes through", () => {
  it("says an error zlib reports between pieces at the next piece or at its end, and never leaves it unheard", async () => {
    const { DeflateStream } = await import("../../src/xlsx/zip");
    for (const when of ["push", "end"] as const) {
      const d = new DeflateStream();
      await d.push(new TextEncoder().encode("<row/>"));
      // What a failing zlib does: an error event on its stream, with no call of ours waiting for it.
      (Reflect.get(d, "engine") as import("zlib").DeflateRaw).emit("error", new Error("zlib failed"));
      if (when === "push") await expect(d.push(new TextEncoder().encode("<row/>"))).rejects.toThrow("zlib failed");
      await expect(d.end()).rejects.toThrow("zlib failed");
    }
  });

  it("waits for zlib to take more without piling up listeners, however many pieces wait", async () => {
    const { DeflateStream } = await import("../../src/xlsx/zip");
    const d = new DeflateStream();
    const warnings: Error[] = [];
    const hear = (w: Error) => warnings.push(w);
    process.on("warning", hear);
    try {
      // Each piece is larger than what zlib queues, so each push waits for it to drain.
      const piece = new Uint8Array(5 << 20).fill(60);
      for (let i = 0; i < 12; i++) await d.push(piece);
      const engine = Reflect.get(d, "engine") as import("zlib").DeflateRaw;
      const closeListeners = engine.listenerCount("close");
      const out = await d.end();
      expect(out.size).toBe(12 * piece.length);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).toEqual([]);
      expect(closeListeners).toBeLessThanOrEqual(2);
    } finally {
      process.off("warning", hear);
    }
  });
});

describe("a part streamed", () => {
  it("comes in pieces no larger than STREAM_CHUNK, in order, though zlib inflates more at a time", async () => {
    const { readEntries, streamEntry, STREAM_CHUNK } = await import("../../src/xlsx/zip");
    const text = Array.from({ length: 120_000 }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 100_003}</v></c></row>`).join("");
    const bytes = new TextEncoder().encode(text);
    const zip = rebuild(new Uint8Array(0), [], new Map(), new Map([["xl/worksheets/sheet1.xml", bytes]]));
    const e = readEntries(zip).find((x) => x.name === "xl/worksheets/sheet1.xml");
    if (!e) throw new Error("no part");
    const sizes: number[] = [];
    const got: Uint8Array[] = [];
    await streamEntry(zip, e, (c) => { sizes.push(c.length); got.push(c.slice()); });
    expect(bytes.length).toBeGreaterThan(4 * STREAM_CHUNK);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(STREAM_CHUNK);
    expect(Buffer.concat(got).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("a part that inflates past its declared size", () => {
  it("is refused as soon as it passes that size, not once all of it has been inflated", async () => {
    const big = new TextEncoder().encode(`<worksheet><sheetData>${"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>".repeat(20_000)}</sheetData></worksheet>`);
    const { readEntries, streamEntry } = await import("../../src/xlsx/zip");
    const empty = rebuild(new Uint8Array(0), [], new Map(), new Map([["xl/worksheets/sheet1.xml", big]]));
    const e = readEntries(empty).find((x) => x.name === "xl/worksheets/sheet1.xml");
    if (!e) throw new Error("no part");
    // The declared size says 1,000 bytes, in the central directory and the local header alike.
    const view = new DataView(empty.buffer, empty.byteOffset, empty.byteLength);
    view.setUint32(e.central.byteOffset - empty.byteOffset + 24, 1000, true);
    view.setUint32(e.localOffset + 22, 1000, true);
    const damaged = readEntries(empty).find((x) => x.name === "xl/worksheets/sheet1.xml");
    if (!damaged) throw new Error("no part");
    let seen = 0;
    await expect(streamEntry(empty, damaged, (c) => { seen += c.length; })).rejects.toThrow(/wrong size/);
    expect(big.length).toBeGreaterThan(500_000);
    expect(seen).toBeLessThanOrEqual(1000);
  });
});

/** A workbook, one of its sheets' part and that part's text as byte text. */
async function sheetText(file: string, name: string): Promise<{ b: Book; sheet: string; text: string }> {
  const b = new Book(new Uint8Array(fs.readFileSync(file)));
  const sheet = b.sheets.find((s) => s.name === name)?.path ?? "";
  const e = b.byName.get(sheet);
  if (!e) throw new Error(`no sheet ${name}`);
  const { entryBytes } = await import("../../src/xlsx/zip");
  return { b, sheet, text: Buffer.from(entryBytes(b.buf, e)).toString("latin1") };
}

describe("reading and writing through byte text", () => {
  const dir = tmpdir();
  const demo = path.join(dir, "demo.xlsx");
  beforeAll(() => {
    expect(cli(["demo", demo, "--today", TODAY]).code).toBe(0);
  });

  it("keeps a user's cell byte for byte in a rewritten row, even bytes that are not UTF-8", async () => {
    const file = path.join(dir, "odd-bytes.xlsx");
    const b = new Book(new Uint8Array(fs.readFileSync(demo)));
    const sheet = b.sheets.find((s) => s.name === "客户信息")?.path ?? "";
    const e = b.byName.get(sheet);
    if (!e) throw new Error("no customer sheet");
    const { entryBytes } = await import("../../src/xlsx/zip");
    const text = Buffer.from(entryBytes(b.buf, e)).toString("latin1");
    // An empty user cell on the first customer's row gets a truncated UTF-8 sequence (客 cut after two bytes).
    const odd = `<c r="R2" s="1" t="inlineStr"><is><t>\u00e5\u00ae|note</t></is></c>`;
    expect(text).toContain(`<c r="R2" s="1"/>`);
    fs.writeFileSync(file, rebuild(b.buf, b.entries, new Map([[sheet, Buffer.from(text.replace(`<c r="R2" s="1"/>`, odd), "latin1")]])));
    // A later day moves derived cells on that row, so the row is rewritten around the user's cell.
    await gradeFile(file, parseIsoDay("2026-09-01") as DayNumber);
    const after = new Book(new Uint8Array(fs.readFileSync(file)));
    const out = Buffer.from(entryBytes(after.buf, after.byName.get(sheet) ?? e)).toString("latin1");
    expect(out).not.toBe(text);
    const row2 = out.slice(out.indexOf(`<row r="2"`), out.indexOf(`</row>`, out.indexOf(`<row r="2"`)));
    expect(row2).toContain(odd);
  });

  it("writes into a row that stood empty and self-closing below the log, as an open row holding its cells", async () => {
    const file = path.join(dir, "empty-row.xlsx");
    const { b, sheet, text } = await sheetText(demo, "跟进记录");
    const last = Math.max(...[...text.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
    // What openpyxl writes for a row with a height and no cells.
    const empty = `<row r="${last + 1}" ht="20" customHeight="1"/>`;
    fs.writeFileSync(file, rebuild(b.buf, b.entries, new Map([[sheet, Buffer.from(text.replace("</sheetData>", `${empty}</sheetData>`), "latin1")]])));
    const id = String((await readBook(b, { customers: ["id"], followUps: ["date"] })).model.customers?.cols.id?.[0]);
    const l = cli(["log", file, "--customer", id, "--by", "张三", "--date", TODAY, "--method", "电话", "--summary", "回访", "--today", TODAY]);
    expect([l.code, l.err]).toEqual([0, ""]);
    const out = (await sheetText(file, "跟进记录")).text;
    expect(out).not.toContain(empty);
    expect(out).toMatch(new RegExp(`<row r="${last + 1}" ht="20" customHeight="1"><c r="A${last + 1}"`));
  });

  it("grades a row whose cell references are in lower case as the same row in upper case: its cells replaced, none added twice", async () => {
    const { b, sheet, text } = await sheetText(demo, "客户信息");
    const start = text.indexOf(`<row r="2"`);
    const end = text.indexOf("</row>", start);
    const lowered = text.slice(0, start) + text.slice(start, end).replace(/ r="([A-Z]+)2"/g, (_m, l: string) => ` r="${l.toLowerCase()}2"`) + text.slice(end);
    expect(lowered).toContain(` r="a2"`);
    const files = ["upper.xlsx", "lower.xlsx"].map((n) => path.join(dir, n));
    fs.writeFileSync(files[0] as string, fs.readFileSync(demo));
    fs.writeFileSync(files[1] as string, rebuild(b.buf, b.entries, new Map([[sheet, Buffer.from(lowered, "latin1")]])));
    const read = [];
    for (const f of files) {
      await gradeFile(f, parseIsoDay("2026-09-01") as DayNumber);
      read.push((await readBook(new Book(new Uint8Array(fs.readFileSync(f))), { customers: "all", followUps: ["date"] })).model.customers?.cols);
    }
    const row2 = (cols: Readonly<Record<string, readonly unknown[]>> | undefined) => Object.fromEntries(Object.entries(cols ?? {}).map(([k, v]) => [k, v[0]]));
    expect(row2(read[1])).toEqual(row2(read[0]));
    // The rewritten row's cells ascend, each once, whatever case they were written in.
    const out = (await sheetText(files[1] as string, "客户信息")).text;
    const row = out.slice(out.indexOf(`<row r="2"`), out.indexOf("</row>", out.indexOf(`<row r="2"`)));
    const cols = [...row.matchAll(/<c r="([A-Za-z]+)2"/g)].map((m) => (m[1] as string).toUpperCase()).map((l) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
    expect(cols.length).toBeGreaterThan(20);
    expect(cols).toEqual([...new Set(cols)].sort((x, y) => x - y));
  });

  it("says in which row a cell past the columns read is broken, when that row was read straight", async () => {
    const file = path.join(dir, "broken-last.xlsx");
    const { b, sheet, text } = await sheetText(demo, "跟进记录");
    // The last row gets a cell past the table whose end tag has a space before its ">" (refused the general way).
    const at = text.lastIndexOf("</row>");
    const row = Number(/<row r="(\d+)"[^>]*>(?![\s\S]*<row )/.exec(text)?.[1]);
    fs.writeFileSync(file, rebuild(b.buf, b.entries, new Map([[sheet, Buffer.from(`${text.slice(0, at)}<c r="Z${row}"><v>1</v></c >${text.slice(at)}`, "latin1")]])));
    const book = new Book(new Uint8Array(fs.readFileSync(file)));
    await expect(readBook(book, { customers: ["id"], followUps: ["date"] })).rejects.toThrow(`${sheet}: row ${row}`);
  });

  it("reads the live Status formula as a mark when only its presence matters", async () => {
    const b = new Book(new Uint8Array(fs.readFileSync(demo)));
    const marked = await readBook(b, { customers: ["id", "status"], followUps: ["date"], formulaMarks: ["status"] });
    const full = await readBook(b, { customers: ["id", "status"], followUps: ["date"] });
    const m = marked.model.customers?.cols.status ?? [];
    const f = full.model.customers?.cols.status ?? [];
    expect(m.length).toBeGreaterThan(0);
    f.forEach((v, i) => {
      if (typeof v === "string" && v.startsWith("=")) expect([i, m[i]]).toEqual([i, "="]);
      else expect([i, m[i]]).toEqual([i, v]);
    });
    expect(f.some((v) => typeof v === "string" && v.startsWith("=IF("))).toBe(true);
  });

  it("inflates the Customers sheet once for reading and rewriting it, and writes the same bytes as inflating it twice", async () => {
    const b = new Book(new Uint8Array(fs.readFileSync(demo)));
    const sheet = b.sheets.find((s) => s.name === "客户信息")?.path ?? "";
    // A read that will not rewrite the sheet keeps nothing.
    await readBook(b, { customers: ["id"], followUps: ["date"] });
    expect(b.keptPieces(sheet)).toBeUndefined();
    await readBook(b, { customers: ["id"], followUps: ["date"], rewrite: true });
    const kept = b.keptPieces(sheet) ?? [];
    expect(kept.reduce((n, p) => n + p.length, 0)).toBe(b.byName.get(sheet)?.size);
    // The follow-up log is read once only: it is not kept.
    expect(b.keptPieces(b.sheets.find((s) => s.name === "跟进记录")?.path ?? "")).toBeUndefined();
    const once = path.join(dir, "kept.xlsx");
    const twice = path.join(dir, "inflated-twice.xlsx");
    fs.copyFileSync(demo, once);
    fs.copyFileSync(demo, twice);
    const later = parseIsoDay("2026-09-01") as DayNumber;
    await gradeFile(once, later);
    const limit = Book.keepMaxBytes;
    Book.keepMaxBytes = 0;
    try {
      await gradeFile(twice, later);
    } finally {
      Book.keepMaxBytes = limit;
    }
    expect(fs.readFileSync(once).equals(fs.readFileSync(demo))).toBe(false);
    // The audit entry's time is the only thing two runs may differ in.
    const parts = (f: string) => { const x = new Book(new Uint8Array(fs.readFileSync(f))); return x.entries.filter((e) => !e.name.includes("sheet8")).map((e) => [e.name, e.crc]); };
    expect(parts(once)).toEqual(parts(twice));
  });
});
