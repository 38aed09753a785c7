import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { formatIso, parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { main } from "../../src/cli/main";
import { sampleRows } from "../../src/cli/sampleData";
import { checkFile, gradeFile } from "../../src/xlsx/usecases";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../../src/core/template/columns";
import type { PlanValue } from "../../src/core/plan/plan";
import type { IssueCode } from "../../src/core/issues/issue";
import { generateDemo } from "../../src/core/demo/story";
import { demoRows } from "../../src/core/demo/rows";
import { DEFAULT_CALENDAR, grade } from "../../src/core/usecases/grade";
import { templateWorkbook } from "../../src/xlsx/init";
import { readBook } from "../../src/xlsx/read";
import { Book } from "../../src/xlsx/book";

const TODAY = "2026-12-01";
const today = parseIsoDay(TODAY) as DayNumber;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-demo-"));
const io = (out: string[]) => ({ out: (s: string) => out.push(s), err: (s: string) => out.push(s), now: () => new Date() });

async function demoFile(name: string, ...args: string[]): Promise<string> {
  const file = path.join(dir, name);
  const out: string[] = [];
  expect(await main(["demo", file, "--today", TODAY, ...args], io(out))).toBe(0);
  return file;
}

describe("the default demo, graded on its today, reads like a real team's book", () => {
  let file = "";
  beforeAll(async () => { file = await demoFile("zh.xlsx"); });

  it("has a status mix a real team has: most OK, some overdue, a few dormant, a few closed", async () => {
    // Grading the written workbook again converges on what the demo command's own grading wrote.
    const { summary } = await gradeFile(file, today);
    const s = summary.byStatus;
    expect(summary.customers).toBe(200);
    expect(s.ok).toBeGreaterThanOrEqual(120);
    expect(s.ok).toBeLessThanOrEqual(165);
    expect(s.overdue).toBeGreaterThanOrEqual(12);
    expect(s.overdue).toBeLessThanOrEqual(40);
    expect(s.dormant).toBeGreaterThanOrEqual(4);
    expect(s.dormant).toBeLessThanOrEqual(16);
    expect(s.closed).toBeGreaterThanOrEqual(10);
    expect(s.closed).toBeLessThanOrEqual(30);
    // Every grade shows up, and a few customers still need assessing.
    for (const g of ["A", "B", "C", "toAssess"] as const) expect(summary.byGrade[g]).toBeGreaterThan(0);
  });

  it("gives the check a handful of planted problems, and nothing else", async () => {
    const { issues } = await checkFile(file, today);
    const codes = issues.map((i) => i.code).sort();
    const planted: IssueCode[] = ["closeDatePassed", "emailMalformed", "likelyDuplicateName", "likelyDuplicatePhone", "noContactMethod", "phoneMalformed", "unknownCustomerId"];
    expect(codes).toEqual([...planted].sort());
  });
});

describe("each story gets the status it was written for", () => {
  // Including a today inside the National Day holiday, when due dates move to the next working day.
  it.each(["2026-12-01", "2026-10-08", "2027-03-15"])("when graded on %s", async (day) => {
    const t = parseIsoDay(day) as DayNumber;
    const d = generateDemo({ customers: 200, today: t, seed: 5, calendar: DEFAULT_CALENDAR });
    const plan = grade((await readBook(new Book(await templateWorkbook("zh-CN", demoRows(d, "zh-CN"))), { customers: "all", followUps: "all" })).model, t);
    expect(plan.results.map((r) => r.derived.status)).toEqual(d.customers.map((s) => s.intended));
  });
});

describe("the en-US demo", () => {
  const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
  // Company and people's names stay as a China-focused team writes them.
  const NAMES = new Set(["name", "shortName", "contact", "owner", "by", "customerName"]);
  const texts = (rows: PlanValue[][], keys: readonly string[]) =>
    rows.flatMap((r) => r.map((v, j) => ({ key: keys[j] ?? "", v: v.kind === "text" ? v.text : "" })));

  it("has every generated text in English outside company and people's names", () => {
    for (const seed of [20260501, 1, 99]) {
      const rows = sampleRows({ customers: 200, today, lang: "en-US", seed });
      const cells = [...texts(rows.customers, CUSTOMER_COLUMNS.map((c) => c.key)), ...texts(rows.followUps, FOLLOWUP_COLUMNS.map((c) => c.key))];
      const bad = cells.filter((c) => !NAMES.has(c.key) && CJK.test(c.v));
      expect(bad).toEqual([]);
      expect(cells.filter((c) => c.key === "summary").length).toBeGreaterThan(200);
    }
  });

  it("is graded and written in English", async () => {
    const file = await demoFile("en.xlsx", "--lang", "en-US");
    const { lang, summary } = await gradeFile(file, today);
    expect(lang).toBe("en-US");
    expect(summary.byStatus.ok).toBeGreaterThan(summary.byStatus.overdue);
  });

  it("comes with the manager's dashboard built, in the workbook's language", async () => {
    const zh = new Book(fs.readFileSync(await demoFile("dash-zh.xlsx", "--customers", "30")));
    expect(zh.sheets.map((s) => s.name)).toContain("看板");
    const en = new Book(fs.readFileSync(await demoFile("dash-en.xlsx", "--lang", "en-US", "--customers", "30")));
    expect(en.sheets.map((s) => s.name)).toContain("Dashboard");
  });
});

describe("demo flags", () => {
  it("--customers scales the book and --seed makes it reproducible", async () => {
    const a = await demoFile("a.xlsx", "--customers", "50", "--seed", "3");
    expect((await gradeFile(a, today)).summary.customers).toBe(50);
    const x = sampleRows({ customers: 50, today, lang: "zh-CN", seed: 3 });
    expect(sampleRows({ customers: 50, today, lang: "zh-CN", seed: 3 })).toEqual(x);
    expect(sampleRows({ customers: 50, today, lang: "zh-CN", seed: 4 })).not.toEqual(x);
  });

  it("rejects a count or seed that is not a whole number, with exit 2", async () => {
    for (const bad of [["--customers", "0"], ["--customers", "ten"], ["--seed", "-1"], ["--seed", "1.5"]]) {
      const out: string[] = [];
      expect(await main(["demo", path.join(dir, "bad.xlsx"), "--today", formatIso(today), ...bad], io(out))).toBe(2);
      expect(out.join("\n")).toMatch(new RegExp(`--${(bad[0] as string).slice(2)} must be a whole number`));
      expect(fs.existsSync(path.join(dir, "bad.xlsx"))).toBe(false);
    }
  });
});
