/**
 * No behaviour changes: the command line, run on fixed inputs with a fixed `--today`, must write the
 * same parts (a SHA-256 of each unzipped part) and print the same text as the committed reference.
 * The inputs are the committed fixture-*.xlsx files, so the reference does not move when sample data
 * changes. A change to serialisation that is meant is recorded with one command:
 *
 *   npm run reference:update
 *
 * and the diff of reference.json is reviewed like code.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createHash } from "crypto";
import { entryBytes, readEntries } from "../../src/xlsx/zip";
import { main } from "../../src/cli/main";

jest.setTimeout(120_000);

const TODAY = "2026-05-20";
const REFERENCE = path.join(__dirname, "reference.json");
const UPDATE = process.env.UPDATE_REFERENCE === "1";

type Parts = Record<string, string>;
interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly parts?: Parts;
}

/** Part contents, not zip bytes: compression level and entry timestamps are not behaviour. */
function parts(file: string): Parts {
  const buf = new Uint8Array(fs.readFileSync(file));
  const entries = new Map(readEntries(buf).map((e) => [e.name, e]));
  const out: Parts = {};
  for (const name of [...entries.keys()].sort()) {
    const entry = entries.get(name);
    if (!entry) continue;
    let bytes = entryBytes(buf, entry);
    // exceljs stamps the creation time into the new file's properties: the clock is not behaviour either.
    if (name === "docProps/core.xml")
      bytes = Buffer.from(
        Buffer.from(bytes)
          .toString("utf8")
          .replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, "<dcterms:$1/>"),
      );
    out[name] = createHash("sha256").update(bytes).digest("hex");
  }
  return out;
}

async function run(args: readonly string[], dir: string, file?: string, env: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date(Date.UTC(2026, 4, 20, 4)), env });
  // Paths differ per run: the reference speaks of the file by its name inside the temporary folder.
  const rel = (s: string) => s.split(dir + path.sep).join("");
  return { code, out: rel(out.join("\n")), err: rel(err.join("\n")), ...(file ? { parts: parts(file) } : {}) };
}

async function produce(): Promise<Record<string, Run>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-reference-"));
  const at = (name: string) => path.join(dir, name);
  const result: Record<string, Run> = {};
  for (const lang of ["zh-CN", "en-US"] as const) {
    result[`init ${lang}`] = await run(["init", at(`new-${lang}.xlsx`), "--lang", lang], dir, at(`new-${lang}.xlsx`));
    result[`init ${lang} again`] = await run(["init", at(`new-${lang}.xlsx`)], dir);
    const book = at(`book-${lang}.xlsx`);
    fs.copyFileSync(path.join(__dirname, `fixture-${lang}.xlsx`), book);
    result[`check ${lang} before grading`] = await run(["check", book, "--today", TODAY], dir);
    result[`grade ${lang}`] = await run(["grade", book, "--today", TODAY], dir, book);
    result[`grade ${lang} --json`] = await run(["grade", book, "--today", TODAY, "--json"], dir, book);
    const method = lang === "zh-CN" ? "电话" : "Phone";
    result[`log ${lang}`] = await run(
      ["log", book, "--customer", "KH-202605-001", "--date", TODAY, "--method", method, "--summary", "演示产品", "--next-date", "2026-05-27", "--today", TODAY],
      dir,
      book,
    );
    result[`log ${lang} unknown customer`] = await run(
      ["log", book, "--customer", "KH-000000-999", "--date", TODAY, "--method", method, "--summary", "x", "--today", TODAY],
      dir,
    );
    result[`check ${lang} --json`] = await run(["check", book, "--today", TODAY, "--json"], dir);
  }
  result["usage: nothing"] = await run([], dir);
  result["usage: unknown command"] = await run(["frobnicate", at("x.xlsx")], dir);
  result["usage: no file"] = await run(["grade"], dir);
  result["usage: bad date"] = await run(["grade", at("x.xlsx"), "--today", "someday"], dir);
  result["usage: bad language"] = await run(["init", at("x.xlsx"), "--lang", "fr"], dir);
  result["usage: unknown option"] = await run(["grade", at("x.xlsx"), "--fast"], dir);
  // Before a workbook is open, the user's locale picks the language.
  const zh = { LANG: "zh_CN.UTF-8" };
  result["usage in a Chinese locale: nothing"] = await run([], dir, undefined, zh);
  result["usage in a Chinese locale: unknown command"] = await run(["frobnicate", at("x.xlsx")], dir, undefined, zh);
  result["usage in a Chinese locale: bad date"] = await run(["grade", at("x.xlsx"), "--today", "someday"], dir, undefined, {
    LANG: "en_US.UTF-8",
    LC_ALL: "zh_CN.UTF-8",
  });
  result["missing file"] = await run(["grade", at("missing.xlsx"), "--today", TODAY], dir);
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

it("the command line writes and prints exactly the reference", async () => {
  const now = await produce();
  if (UPDATE) fs.writeFileSync(REFERENCE, JSON.stringify(now, null, 1) + "\n");
  const reference = JSON.parse(fs.readFileSync(REFERENCE, "utf8")) as Record<string, Run>;
  expect(Object.keys(now)).toEqual(Object.keys(reference));
  for (const k of Object.keys(reference)) expect({ [k]: now[k] }).toEqual({ [k]: reference[k] });
});
