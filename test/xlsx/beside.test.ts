/**
 * The follow-up log read on a worker thread (large workbooks) gives exactly what reading it in turn
 * gives: the same file, the same output, the same one-line refusal.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { cli, ensureCliBuilt, root, tmpdir } from "./helpers";
import { readFileChecked } from "../../src/xlsx/save";
import { readTable } from "../../src/xlsx/read";
import { readTableBeside } from "../../src/xlsx/besideRead";
import { sheetKeyOf } from "../../src/core/template/sheets";
import { Book } from "../../src/xlsx/book";
import { rebuild } from "../../src/xlsx/zip";
import { packColumn, unpackColumn } from "../../src/xlsx/columnPack";
import type { RawCell } from "../../src/core/model/workbookModel";

const TODAY = "2026-05-20";

/** Runs with the worker threshold at 0 (always a worker), restored whatever happens. */
function withWorkerAlways<T>(f: () => T): T {
  process.env.CRM_SHEETS_THREAD_MIN_BYTES = "0";
  try {
    return f();
  } finally {
    delete process.env.CRM_SHEETS_THREAD_MIN_BYTES;
  }
}
const ALWAYS = { CRM_SHEETS_THREAD_MIN_BYTES: "0" };
const NEVER = { CRM_SHEETS_THREAD_MIN_BYTES: String(Number.MAX_SAFE_INTEGER) };

describe("a column packed to cross threads", () => {
  // Any character, U+0000 too: a cell's `_x0000_` reads as one.
  const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), fc.constantFrom("\u0000", "KH-X\u0000Y", "\u0000\u0000"));
  const cell: fc.Arbitrary<RawCell> = fc.oneof(
    fc.constant(null), text, fc.double({ noNaN: true }), fc.integer(), fc.boolean(), text.map((error) => ({ error })),
  );
  it("comes back cell for cell, whatever it holds", () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
      expect(unpackColumn(packColumn(cells))).toEqual(cells);
    }));
  });
  it("comes back whole when sent in parts, each continuing where the last ended", () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 60 }), fc.array(fc.nat({ max: 60 }), { maxLength: 4 }), (cells, cuts) => {
      const bounds = [0, ...cuts.map((c) => Math.min(c, cells.length)).sort((a, b) => a - b), cells.length];
      const into: RawCell[] = [];
      const seen = new Map<string, string>();
      for (let i = 1; i < bounds.length; i++) unpackColumn(packColumn(cells, bounds[i - 1], bounds[i]), into, seen);
      expect(into).toEqual(cells);
    }));
  });
  it("keeps empty texts apart from blanks, and a column of one empty text", () => {
    expect(unpackColumn(packColumn([""]))).toEqual([""]);
    expect(unpackColumn(packColumn(["", null, "", { error: "" }]))).toEqual(["", null, "", { error: "" }]);
    expect(unpackColumn(packColumn([]))).toEqual([]);
  });
});

const SCRIPT = path.join(root, "lib", "src", "xlsx", "tableWorker.js");

describe("the follow-up log read beside the customers", () => {
  beforeAll(() => ensureCliBuilt());
  const dir = tmpdir("beside-");
  const demo = path.join(dir, "demo.xlsx");
  beforeAll(() => {
    expect(cli(["demo", demo, "--today", TODAY]).code).toBe(0);
  });

  it("grades and logs to the same bytes and says the same as reading it in turn", () => {
    const outcomes = [ALWAYS, NEVER].map((env, i) => {
      // The same name in two folders: the outcome names the file.
      const sub = path.join(dir, `run${i}`);
      fs.mkdirSync(sub);
      const f = path.join(sub, "book.xlsx");
      fs.copyFileSync(demo, f);
      const g = cli(["grade", "book.xlsx", "--today", "2026-06-20", "--json"], { env, cwd: sub });
      const l = cli(["log", "book.xlsx", "--customer", "KH-202601-000001", "--by", "张三", "--method", "电话", "--summary", "回访", "--today", "2026-06-20"], { env, cwd: sub });
      return { g, l, bytes: fs.readFileSync(f) };
    });
    const [beside, inTurn] = outcomes as [(typeof outcomes)[0], (typeof outcomes)[0]];
    expect(beside.g.code).toBe(0);
    expect(beside.g.out).toBe(inTurn.g.out);
    expect(beside.l.code).toBe(inTurn.l.code);
    expect(beside.l.out + beside.l.err).toBe(inTurn.l.out + inTurn.l.err);
    expect(beside.bytes.equals(inTurn.bytes)).toBe(true);
  });

  it("is read by the worker as it is read in turn, texts, numbers and where the table sits", async () => {
    const book = new Book(readFileChecked(demo));
    const sheet = book.sheets.find((s) => sheetKeyOf(s.name) === "followUps");
    if (!sheet) throw new Error("no follow-up sheet");
    const found = { key: "followUps" as const, sheet, table: book.tables(sheet)[0] ?? null };
    const keys = ["date", "customerId", "summary", "nextDate"];
    const beside = withWorkerAlways(() => readTableBeside(book, found, keys, { script: SCRIPT }));
    // The same table sent in parts of 7 values: columns continue across parts of uneven length.
    const inParts = withWorkerAlways(() => readTableBeside(book, found, keys, { script: SCRIPT, partValues: 7 }));
    if (!beside || !inParts) throw new Error("the worker was not started");
    const [there, parts, here] = await Promise.all([beside, inParts, readTable(book, found, keys)]);
    expect(there.model).toEqual(here.model);
    expect(parts.model).toEqual(here.model);
    // The worker's Map was made in Node's realm, not the test's: compared by its entries.
    const plain = (l: typeof here.located) => ({ ...l, lastRowStyles: [...l.lastRowStyles] });
    expect(plain(there.located)).toEqual(plain(here.located));
    expect(here.model.rowCount).toBeGreaterThan(100);
  });

  it("stops when asked, and the read then fails rather than hangs", async () => {
    const book = new Book(readFileChecked(demo));
    const sheet = book.sheets.find((s) => sheetKeyOf(s.name) === "followUps");
    if (!sheet) throw new Error("no follow-up sheet");
    const read = withWorkerAlways(() => readTableBeside(book, { key: "followUps", sheet, table: book.tables(sheet)[0] ?? null }, ["date"], { script: SCRIPT }));
    if (!read) throw new Error("the worker was not started");
    read.stop();
    await expect(read).rejects.toThrow(/table reader stopped/);
  });

  it("refuses a broken Customers sheet in the same one line while the log is read beside it", () => {
    const b = new Book(new Uint8Array(fs.readFileSync(demo)));
    const customers = b.sheets.find((s) => sheetKeyOf(s.name) === "customers")?.path as string;
    const broken = (b.text(customers) ?? "").replace(/(<row r="3"[^>]*>)/, '$1<c r="A3" t="inlineStr"><is><t>KH-1</t></is>');
    const f = path.join(dir, "brokenCustomers.xlsx");
    fs.writeFileSync(f, rebuild(b.buf, b.entries, new Map([[customers, new TextEncoder().encode(broken)]])));
    const [beside, inTurn] = [ALWAYS, NEVER].map((env) => cli(["grade", f, "--today", TODAY], { env }));
    expect(beside?.code).toBe(2);
    expect(beside?.err).toMatch(/row 3: not well-formed XML/);
    expect(beside?.err).toBe(inTurn?.err);
  });

  /** The demo with one follow-up sheet's text changed. */
  const withLog = (name: string, change: (xml: string) => string): string => {
    const b = new Book(new Uint8Array(fs.readFileSync(demo)));
    const followUps = b.sheets.find((s) => sheetKeyOf(s.name) === "followUps")?.path as string;
    const f = path.join(dir, name);
    fs.writeFileSync(f, rebuild(b.buf, b.entries, new Map([[followUps, new TextEncoder().encode(change(b.text(followUps) ?? ""))]])));
    return f;
  };
  const logOf = async (file: string, options: { inParts?: boolean; script?: string; inTurn?: boolean } = {}) => {
    const book = new Book(readFileChecked(file));
    const sheet = book.sheets.find((s) => sheetKeyOf(s.name) === "followUps");
    if (!sheet) throw new Error("no follow-up sheet");
    const found = { key: "followUps" as const, sheet, table: book.tables(sheet)[0] ?? null };
    const keys = ["date", "customerId", "nextDate"];
    const here = await readTable(book, found, keys);
    const beside = withWorkerAlways(() => readTableBeside(book, found, keys, {
      script: options.script ?? SCRIPT, ...(options.inParts ? { partValues: 7 } : {}), ...(options.inTurn ? { inTurn: () => readTable(book, found, keys) } : {}),
    }));
    if (!beside) throw new Error("the worker was not started");
    return { here, beside };
  };

  it("carries a text holding U+0000 (written _x0000_) without shifting the texts after it", async () => {
    const f = withLog("nul.xlsx", (x) => x.replace(/<c r="B3"[\s\S]*?<\/c>/, '<c r="B3" t="inlineStr"><is><t>KH-X_x0000_Y</t></is></c>'));
    const { here, beside } = await logOf(f, { inParts: true });
    expect(here.model.cols.customerId?.[1]).toBe("KH-X\u0000Y");
    expect((await beside).model).toEqual(here.model);
    const [a, b] = [ALWAYS, NEVER].map((env, i) => {
      const g = path.join(dir, `nul${i}`);
      fs.mkdirSync(g);
      fs.copyFileSync(f, path.join(g, "book.xlsx"));
      const r = cli(["grade", "book.xlsx", "--today", TODAY, "--json"], { env, cwd: g });
      return { r, bytes: fs.readFileSync(path.join(g, "book.xlsx")) };
    });
    expect(a?.r.code).toBe(0);
    expect(a?.r.out).toBe(b?.r.out);
    expect(a?.bytes.equals(b?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it("reads a repeated header row once, in turn and on the worker alike", async () => {
    const f = withLog("dupHeader.xlsx", (x) => {
      const header = /<row r="1"[\s\S]*?<\/row>/.exec(x)?.[0] ?? "";
      return x.replace(/<row r="60"/, `${header}<row r="60"`);
    });
    const changed = new Book(new Uint8Array(fs.readFileSync(f)));
    const log = changed.sheets.find((s) => sheetKeyOf(s.name) === "followUps")?.path as string;
    expect(changed.text(log)?.match(/<row r="1"[ >]/g)).toHaveLength(2);
    const original = await logOf(demo);
    const { here, beside } = await logOf(f, { inParts: true });
    // Nothing read before the repeated header is dropped.
    expect(here.model.cols.customerId?.slice(0, 50)).toEqual(original.here.model.cols.customerId?.slice(0, 50));
    expect((await beside).model).toEqual(here.model);
    await original.beside;
  });

  it("reads in turn when the worker itself fails, and says so when nothing can", async () => {
    const crash = path.join(dir, "crash.js");
    fs.writeFileSync(crash, "throw new Error('worker could not start');");
    const withFallback = await logOf(demo, { script: crash, inTurn: true });
    expect((await withFallback.beside).model).toEqual(withFallback.here.model);
    const without = await logOf(demo, { script: crash });
    await expect(without.beside).rejects.toThrow(/worker could not start/);
  });

  it("refuses a broken follow-up log in the same one line, the file untouched", () => {
    const b = new Book(new Uint8Array(fs.readFileSync(demo)));
    const followUps = b.sheets[1]?.path as string;
    const broken = (b.text(followUps) ?? "").replace(/<c r="B3"[\s\S]*?<\/c>/, '<c r="B3"><f t="shared" si="9"/><v>0</v></c>');
    const f = path.join(dir, "broken.xlsx");
    fs.writeFileSync(f, rebuild(b.buf, b.entries, new Map([[followUps, new TextEncoder().encode(broken)]])));
    const before = fs.readFileSync(f);
    const [beside, inTurn] = [ALWAYS, NEVER].map((env) => cli(["grade", f, "--today", TODAY], { env }));
    expect(beside?.code).toBe(2);
    expect(beside?.err).toMatch(/cell B3 uses shared formula 9, which has no master cell/);
    expect(beside?.err).toBe(inTurn?.err);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
  });
});
