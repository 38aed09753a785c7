/**
 * Pseudo-locale: with every catalogue text wrapped in ⟦…⟧, everything the command line prints and
 * everything a new workbook says must be wrapped, a definition text (header, prompt, list entry,
 * rule label), or data. Anything else is a word that bypassed the catalogues.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { planInstall } from "../../src/core/usecases/planInstall";
import { renderReason, formatIssue } from "../../src/core/i18n/messages";
import { CATALOGUES } from "../../src/core/i18n/catalogue";
import { LANGS } from "../../src/core/i18n/lang";
import type { IssueCode } from "../../src/core/issues/issue";
import { bypassing, definitionTexts, DEMO_DATA_COLUMNS } from "./pseudo";
import { sampleRows } from "../../src/cli/sampleData";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../../src/core/template/columns";
import { CONTACT_COLUMNS } from "../../src/core/contacts/columns";
import type { ColumnDef } from "../../src/core/template/columnDef";
import type { PlanValue } from "../../src/core/plan/plan";
import { parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { sheetName } from "../../src/core/template/sheets";

jest.mock("../../src/core/i18n/locales/en-US", () => jest.requireActual("./wrap").pseudoLocale("en-US"));
jest.mock("../../src/core/i18n/locales/zh-CN", () => jest.requireActual("./wrap").pseudoLocale("zh-CN"));
// The demo's words are a catalogue of their own (src/core/demo/words.ts).
jest.mock("../../src/core/i18n/locales/demo.en-US", () => jest.requireActual("./wrap").pseudoWords("demo.en-US"));
jest.mock("../../src/core/i18n/locales/demo.zh-CN", () => jest.requireActual("./wrap").pseudoWords("demo.zh-CN"));
jest.setTimeout(60_000);

const DEFS = definitionTexts();

it("the pseudo-locale is in force (the test would prove nothing otherwise)", () => {
  expect(CATALOGUES["en-US"].cli.dueToday).toBe("⟦due today⟧");
});

it.each(LANGS)("%s: every text of a new workbook comes from a catalogue or the definitions", (lang) => {
  const plan = planInstall(lang);
  const texts: string[] = [];
  for (const sheet of plan.sheets) {
    texts.push(sheet.name);
    for (const t of sheet.tables) {
      texts.push(...t.headers);
      for (const row of t.rows) for (const v of row) if (v.kind === "text") texts.push(v.text);
    }
    for (const g of sheet.guide ?? []) texts.push(...(g.kind === "column" ? g.cells : [g.text]));
  }
  for (const v of plan.validations) {
    if (v.prompt) texts.push(v.prompt.title, v.prompt.text);
    if (v.error) texts.push(v.error.title, v.error.text);
    if (v.rule.kind === "list" && !v.rule.source.startsWith("=")) texts.push(v.rule.source);
  }
  expect(texts.length).toBeGreaterThan(100);
  // Language tags are settings a person can read, not words.
  expect(texts.filter((t) => bypassing(t, DEFS, LANGS) !== "")).toEqual([]);
});

it.each(LANGS)("%s: every text of a demo workbook's rows comes from a catalogue, but for the data columns", (lang) => {
  // Big enough that every industry, stage, source and planted problem shows up.
  const demo = sampleRows({ customers: 400, today: parseIsoDay("2026-12-01") as DayNumber, lang, seed: 20260501 });
  const stray: string[] = [];
  const seen = new Set<string>();
  const scan = (table: keyof typeof DEMO_DATA_COLUMNS, columns: readonly ColumnDef[], rows: readonly (readonly PlanValue[])[]) => {
    const data = new Set(DEMO_DATA_COLUMNS[table]);
    for (const row of rows)
      row.forEach((v, i) => {
        const key = (columns[i] as ColumnDef).key;
        if (v.kind !== "text" || data.has(key)) return;
        seen.add(`${table}.${key}`);
        if (bypassing(v.text, DEFS) !== "") stray.push(`${table}.${key}: ${v.text}`);
      });
  };
  scan("customers", CUSTOMER_COLUMNS, demo.customers);
  scan("followUps", FOLLOWUP_COLUMNS, demo.followUps);
  scan("contacts", CONTACT_COLUMNS, demo.contacts ?? []);
  // The demo's own words reached the test: summaries, needs, sub-industries, cities, titles, competitors.
  for (const c of ["followUps.summary", "followUps.feedback", "followUps.nextStep", "customers.need", "customers.subIndustry", "customers.city", "customers.title", "customers.competitor", "customers.sourceDetail", "customers.tags", "customers.notes", "contacts.title"]) expect([c, seen.has(c)]).toEqual([c, true]);
  expect([...new Set(stray)]).toEqual([]);
});

it.each(LANGS)("%s: reasons and issue messages come from the catalogue", (lang) => {
  const reason = renderReason(
    {
      parts: [
        { dim: "urgency", letter: "A", days: 3, bound: 30 },
        { dim: "importance", letter: "B", amount: 200000 },
        { dim: "fit", letter: "C", level: "low" },
      ],
      score: 2,
      computed: "toAssess",
      strategicFloor: true,
      override: "C",
      final: "C",
    },
    lang,
  );
  expect(bypassing(reason, DEFS)).toBe("");
  for (const code of Object.keys(CATALOGUES[lang].issue).filter((k) => !k.startsWith("at") && k !== "locationSeparator") as IssueCode[]) {
    const line = formatIssue(
      { code, severity: "error", sheet: "customers", sheetName: sheetName("customers", lang), row: 3, column: "Phone", columnKey: "phone", value: "v", other: 4 },
      lang,
      "C3",
    );
    expect([code, bypassing(line, DEFS)]).toEqual([code, ""]);
  }
});

it("everything the command line prints comes from a catalogue", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-pseudo-"));
  const book = path.join(dir, "book.xlsx");
  fs.copyFileSync(path.join(__dirname, "../reference/fixture-en-US.xlsx"), book);
  const lines: string[] = [];
  const io = { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s), now: () => new Date(Date.UTC(2026, 4, 20)), env: { LANG: "en_US.UTF-8" } };
  const runs = [
    [],
    ["frobnicate"],
    ["grade"],
    ["grade", book, "--today", "someday"],
    ["init", path.join(dir, "x.xlsx"), "--lang", "fr"],
    ["grade", book, "--fast"],
    ["log", book, "--customer", "X"],
    ["init", path.join(dir, "new.xlsx"), "--lang", "en-US"],
    ["init", path.join(dir, "new.xlsx")],
    ["check", book, "--today", "2026-05-20"],
    ["grade", book, "--today", "2026-05-20"],
    ["log", book, "--customer", "KH-202605-001", "--date", "2026-05-20", "--method", "Phone", "--summary", "s", "--today", "2026-05-20"],
    ["log", book, "--customer", "KH-000000-999", "--date", "2026-05-20", "--method", "Phone", "--summary", "s", "--today", "2026-05-20"],
  ];
  for (const args of runs) await main(args, io);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(lines.length).toBeGreaterThan(12);
  // Data in the output: the program's name, paths, IDs, option names and command words the user types.
  // The fixture was written with the real words, so its sheet names, read back from the file, are data.
  const fixtureWords = Object.values((jest.requireActual("../../src/core/i18n/locales/en-US") as { EN_US: { sheets: Record<string, string> } }).EN_US.sheets);
  const data = [
    ...fixtureWords,
    dir,
    "crm-sheets",
    /KH-\d{6}-\d{3}/g,
    /--[a-z-]+/g,
    /YYYY-MM-DD/g,
    "zh-CN",
    "en-US",
    "init",
    "grade",
    "log",
    "check",
    "demo",
    "someday",
    "frobnicate",
    ".xlsx",
    /<[^>]+>/g,
  ];
  // The sample customers have Chinese names and owners: Latin letters left over are the bypassing words.
  expect(lines.filter((l) => /[A-Za-z]/.test(bypassing(l, DEFS, data)))).toEqual([]);
});
