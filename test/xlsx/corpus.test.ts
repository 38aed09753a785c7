/**
 * The file door on workbooks other programs wrote: our template filled and saved by openpyxl,
 * re-saved by LibreOffice and by exceljs, and reshaped as Excel 365 writes its parts (shared
 * strings and shared formulas, x14 validations in extLst, xr:uid and mc:Ignorable, calcPr with and
 * without fullCalcOnLoad, an x: prefix, single quotes, rows and cells without r, rich text,
 * t="str"/"e"/"b"/"d"). Each goes through grade then log; each comes out valid (the cli helper
 * validates every file it writes), graded as the core grades the same data, every user cell kept.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { cli, ensureCliBuilt, expectValid, py, recalc, tmpdir } from "./helpers";
import { grade } from "../../src/core/usecases/grade";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../../src/core/template/columns";
import { headerText } from "../../src/core/model/headers";
import { columnLetter, type RawCell, type TableModel, type WorkbookModel } from "../../src/core/model/workbookModel";
import { formatIso, parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { META_ROWS } from "../../src/core/rules/ruleDefs";

jest.setTimeout(300_000);
beforeAll(() => ensureCliBuilt());

const TODAY = "2026-05-20";
const today = parseIsoDay(TODAY) as DayNumber;
type Row = Record<string, string | number>;
const data = py<{ customers: Row[]; followUps: Row[] }>("corpus.py", ["data"]);
const dump = (file: string) => py<Record<string, [unknown, string]>>("corpus.py", ["dump", file]);
const corpus = (args: string[]) => {
  const r = spawnSync("/usr/bin/python3", [path.join(__dirname, "corpus.py"), ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
};

/** The grades, last contacts and next dues the core gives the corpus data, straight from the data (no file involved). */
function expected(): Array<[string | null, string | null, string | null]> {
  const letterOf = new Map(CUSTOMER_COLUMNS.map((c, i) => [columnLetter(i + 1), c.key]));
  const cols: Record<string, RawCell[]> = Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c.key, data.customers.map(() => null)]));
  const asRaw = (v: string | number): RawCell => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? (parseIsoDay(v) as number) : v);
  data.customers.forEach((row, i) => {
    for (const [letter, v] of Object.entries(row)) (cols[letterOf.get(letter) ?? ""] as RawCell[])[i] = asRaw(v);
  });
  const fu = { date: data.followUps.map((r) => asRaw(r.A as string)), customerId: data.followUps.map((r) => r.B as string), nextDate: data.followUps.map((r) => (r.I ? asRaw(r.I) : null)) };
  const table = (sheet: "customers" | "followUps", headers: string[], c: Record<string, RawCell[]>, rows: number): TableModel => ({
    sheet, sheetName: sheet, headerRow: 1, firstColumn: 1, rowCount: rows, headers, positions: Object.fromEntries(Object.keys(c).map((k, i) => [k, i])), cols: c,
  });
  const model: WorkbookModel = {
    lang: "zh-CN", templateVersion: 1, rules: [], lists: {},
    customers: { ...table("customers", CUSTOMER_COLUMNS.map((c) => headerText(c, "zh-CN")), cols, data.customers.length), positions: Object.fromEntries(CUSTOMER_COLUMNS.map((c, i) => [c.key, i])) },
    followUps: table("followUps", ["日期", "客户编号", "下次跟进日期"], fu, data.followUps.length),
  };
  const plan = grade(model, today);
  const of = (key: string) => plan.writes.find((w) => w.key === key)?.values ?? [];
  const show = (v: unknown): string | null => {
    if (!v || typeof v !== "object") return null;
    const p = v as { kind: string; text?: string; day?: number };
    return p.kind === "text" ? (p.text ?? null) : p.kind === "date" ? formatIso(p.day as DayNumber) : null;
  };
  return data.customers.map((_r, i) => [show(of("grade")[i]), show(of("lastContact")[i]), show(of("nextDue")[i])]);
}

/**
 * The corpus data written by exceljs on its own (not a re-save of our template: exceljs expands
 * every validation range cell by cell, and ours reach row 1,048,576): both tables with our
 * headers, dates as dates, its shared strings and styles.
 */
async function byExcelJs(out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const value = (v: string | number | undefined) => (v === undefined ? null : typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? utc(v) : v);
  const cu = wb.addWorksheet("客户信息");
  cu.addTable({
    name: "CRM_Customers", ref: "A1", headerRow: true, totalsRow: false,
    columns: CUSTOMER_COLUMNS.map((c) => ({ name: headerText(c, "zh-CN") })),
    rows: data.customers.map((r) => CUSTOMER_COLUMNS.map((_c, i) => value(r[columnLetter(i + 1)]))),
  });
  const fu = wb.addWorksheet("跟进记录");
  fu.addTable({
    name: "CRM_FollowUps", ref: "A1", headerRow: true, totalsRow: false,
    columns: FOLLOWUP_COLUMNS.map((c) => ({ name: headerText(c, "zh-CN") })),
    rows: data.followUps.map((r) => FOLLOWUP_COLUMNS.map((_c, i) => value(r[columnLetter(i + 1)]))),
  });
  for (const ws of [cu, fu]) ws.eachRow((row) => row.eachCell((cell) => { if (cell.value instanceof Date) cell.numFmt = "yyyy-mm-dd"; }));
  await wb.xlsx.writeFile(out);
}

const SOURCES: Array<[string, (filled: string, out: string, dir: string) => Promise<void> | void]> = [
  ["openpyxl", (filled, out) => fs.copyFileSync(filled, out)],
  ["LibreOffice (soffice --convert-to xlsx)", (filled, out, dir) => fs.copyFileSync(recalc(filled, path.join(dir, "lo")), out)],
  ["exceljs", (_filled, out) => byExcelJs(out)],
  ["Excel 365 parts: x: prefix, single quotes, fullCalcOnLoad=\"0\"", (filled, out) => corpus(["excel365", filled, out, "prefixed"])],
  ["Excel 365 parts: no calcPr, space before the > of each row's end tag", (filled, out) => corpus(["excel365", filled, out, "plain"])],
  ["Excel 365 parts: calcPr without fullCalcOnLoad", (filled, out) => corpus(["excel365", filled, out, "calc"])],
];

const DERIVED = new Set(CUSTOMER_COLUMNS.map((c, i) => (c.derived ? columnLetter(i + 1) : "")).filter(Boolean));

describe.each(SOURCES)("a workbook from %s: grade then log", (_name, make) => {
  it("comes out valid, graded right, every user cell kept", async () => {
    const dir = tmpdir("corpus-");
    const template = path.join(dir, "template.xlsx");
    expect(cli(["init", template]).code).toBe(0);
    const filled = path.join(dir, "filled.xlsx");
    corpus(["fill", template, filled]);
    const file = path.join(dir, "team.xlsx");
    await make(filled, file, dir);
    const before = dump(file);

    const g = cli(["grade", file, "--today", TODAY]);
    expect([g.code, g.err]).toEqual([0, ""]);
    const got = py<Array<[string | null, string | null, string | null]>>("values.py", [file, "客户信息", "AH,AK,AM"]).slice(0, data.customers.length);
    expect(got).toEqual(expected());

    const l = cli(["log", file, "--customer", "KH-202601-002", "--date", TODAY, "--method", "电话", "--summary", "回访", "--today", TODAY]);
    expect([l.code, l.err]).toEqual([0, ""]);
    expectValid(file);
    const after = dump(file);
    expect(after["跟进记录!B4"]?.[0]).toBe("KH-202601-002");
    expect(after["跟进记录!F4"]?.[0]).toBe("回访");

    const lastGraded = Object.keys(before).find((k) => k.startsWith("分级规则!A") && before[k]?.[0] === META_ROWS.lastGraded["zh-CN"]);
    const lastGradedValue = lastGraded?.replace("!A", "!B");
    let kept = 0;
    for (const [key, v] of Object.entries(before)) {
      const m = /^客户信息!([A-Z]+)(\d+)$/.exec(key);
      if (m && DERIVED.has(m[1] ?? "") && Number(m[2]) >= 2 && Number(m[2]) <= 1 + data.customers.length) continue;
      if (key === lastGradedValue) continue;
      expect([key, after[key]]).toEqual([key, v]);
      kept++;
    }
    expect(kept).toBeGreaterThan(80);
  });
});

describe("Excel 365 shapes in detail", () => {
  it("a shared formula whose master we overwrite leaves no follower without one; x14 validations grow with the table; calcPr has one fullCalcOnLoad", () => {
    const dir = tmpdir("corpus-");
    const template = path.join(dir, "template.xlsx");
    cli(["init", template]);
    const filled = path.join(dir, "filled.xlsx");
    corpus(["fill", template, filled]);
    const file = path.join(dir, "team.xlsx");
    corpus(["excel365", filled, file, "prefixed"]);
    expect(cli(["grade", file, "--today", TODAY]).code).toBe(0);
    expect(cli(["log", file, "--customer", "KH-202601-002", "--date", TODAY, "--method", "电话", "--summary", "回访", "--today", TODAY]).code).toBe(0);
    const parts = py<Record<string, string>>("corpus.py", ["parts", file, "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
    expect((parts["xl/workbook.xml"] ?? "").match(/fullCalcOnLoad=["'][^"']*["']/g)).toEqual(['fullCalcOnLoad="1"']);
    const sheet = parts["xl/worksheets/sheet1.xml"] ?? "";
    // The grade column's old master (AH2) now holds a grade; the rows below it keep their own formulas and cached values.
    expect(sheet).toMatch(/<x:c r=["']AH5["'][^>]*><x:f>A5&amp;&quot;\?&quot;<\/x:f><x:v>x<\/x:v><\/x:c>/);
    expect(sheet).not.toMatch(/si=["']1["']/);
    // The user's shared formula in column S is untouched, master and followers.
    expect(sheet).toMatch(/<x:f t='shared' ref='S2:S4' si='0'>/);
    expect(parts["xl/worksheets/sheet2.xml"] ?? "").toContain("<xm:sqref>G2:G4</xm:sqref>");
  });
});
