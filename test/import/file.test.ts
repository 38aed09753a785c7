/**
 * `crm-sheets import` end to end, as a user runs it: sources generated here (CSV in each encoding
 * and delimiter, .xlsx made by openpyxl), the workbook read back by openpyxl and every workbook an
 * import wrote checked by the ECMA-376 validator.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import iconv from "iconv-lite";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { columnLetter } from "../../src/core/_lib/a1";
import { cli, ensureCliBuilt, inspect, tmpdir } from "../xlsx/helpers";
import { readRows, type Cell } from "./readRows";
import { Book } from "../../src/xlsx/book";
import { readBook } from "../../src/xlsx/read";

jest.setTimeout(240_000);
beforeAll(() => ensureCliBuilt());

const PY = "/usr/bin/python3";
const TODAY = "2026-06-15";



function makeSource(kind: string, file: string): void {
  const r = spawnSync(PY, [path.join(__dirname, "make_sources.py"), kind, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
}

function newBook(dir: string, lang: "zh-CN" | "en-US" = "zh-CN"): string {
  const file = path.join(dir, "book.xlsx");
  expect(cli(["init", file, "--lang", lang]).code).toBe(0);
  return file;
}

/** Column letter → value of a row, using the header row of the sheet. */
function byHeader(rows: Cell[][], headerRow = 0): Array<Record<string, Cell>> {
  const head = (rows[headerRow] ?? []).map((c) => String(c[0] ?? ""));
  return rows.slice(headerRow + 1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? [null, "n"]])));
}

const CSV = [
  "2025年客户名单",
  "公司名称,联系人,手机,行业,阶段,预算,地区,经营范围,录入日期",
  "上海明远精密机械有限公司,王经理,138 0013 8000,机械制造,洽谈中,50万,上海,\"机床,刀具\",2025/5/1",
  "深圳星河科技有限公司,李总,+86 139-0013-9000 / 0755-12345678,软件,考虑中,1.2亿,广东省深圳市,SaaS,20250502",
  "上海明远精密机械（中国）有限公司,,,,,,,,",
  ",赵,,,,,,,",
  "\"=HYPERLINK(\"\"http://x\"\")\",孙,0755-87654321,,,,,,",
].join("\r\n");

describe("import a CSV into a new workbook", () => {
  it.each([
    ["UTF-8 with BOM, comma", (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")])],
    ["GBK, tab", (s: string) => iconv.encode(s.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, "\t"), "gbk")],
    ["UTF-16LE with BOM, semicolon", (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ";"), "utf-16le")])],
    ["UTF-8, pipe", (s: string) => Buffer.from(s.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, "|"), "utf8")],
  ])("%s: every row accounted for, values normalised, text kept as text", (_name, encode) => {
    const dir = tmpdir();
    const book = newBook(dir);
    const src = path.join(dir, "名单.csv");
    fs.writeFileSync(src, encode(CSV));
    const r = cli(["import", src, "--into", book, "--today", TODAY]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("读取 5 行 = 新增 3 + 合并 0 + 跳过 2,1 行需核对");
    const cu = readRows(book, "客户信息");
    // The template's columns plus the source's one unmapped column.
    expect(cu.tables.CRM_Customers).toBe(`A1:${columnLetter(CUSTOMER_COLUMNS.length + 1)}4`);
    const rows = byHeader(cu.rows);
    expect(rows.map((x) => x["客户编号*"]?.[0])).toEqual(["KH-202505-001", "KH-202505-002", "KH-202606-001"]);
    const [a, b, c] = rows as [Record<string, Cell>, Record<string, Cell>, Record<string, Cell>];
    expect(a["联系电话"]).toEqual(["13800138000", "s"]);
    expect(a["所属行业*"]).toEqual(["C 制造业", "s"]);
    expect(a["细分行业"]).toEqual(["机械制造", "s"]);
    expect(a["当前阶段*"]).toEqual(["商务谈判", "s"]);
    expect(a["预计金额(元)"]).toEqual([500000, "n"]);
    expect(a["省份"]).toEqual(["上海市", "s"]);
    expect(a["建档日期"]).toEqual(["2025-05-01", "d"]);
    expect(a["经营范围"]).toEqual(["机床,刀具", "s"]);
    expect(b["联系电话"]).toEqual(["13900139000", "s"]);
    expect(b["备注"]).toEqual(["其他电话: 0755-12345678", "s"]);
    expect(b["当前阶段*"]).toEqual(["考虑中", "s"]);
    expect(b["省份"]).toEqual(["广东省", "s"]);
    expect(b["城市"]).toEqual(["深圳", "s"]);
    expect(c["客户名称*"]).toEqual(["=HYPERLINK(\"http://x\")", "s"]);
    expect(c["联系电话"]).toEqual(["0755-87654321", "s"]);
    expect(c["建档日期"]).toEqual([TODAY, "d"]);
    expect(c["跟进状态"]?.[1]).toBe("f");

    const report = readRows(book, "导入报告").rows;
    expect(report[1]?.[0]?.[0]).toBe("读取 5 行 = 新增 3 + 合并 0 + 跳过 2,其中 1 行需核对");
    expect(report[3]?.slice(0, 6).map((x) => x[0])).toEqual(["来源文件", "来源行号", "结果", "对应记录", "说明", "公司名称"]);
    expect(report.slice(4).map((x) => [x[1]?.[0], x[2]?.[0]])).toEqual([[4, "新增"], [5, "跳过"], [6, "跳过"]]);
    expect(report[6]?.[6]?.[0]).toBe("赵");
    const audit = readRows(book, "操作日志").rows;
    expect(audit[1]?.slice(2).map((x) => x[0])).toEqual(["导入", "名单.csv → 客户信息", 31]);

    // The same file again adds nothing to the customers.
    const before = readRows(book, "客户信息");
    const again = cli(["import", src, "--into", book, "--today", TODAY]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("新增 0 + 合并 0 + 跳过 5");
    expect(readRows(book, "客户信息")).toEqual(before);
    expect(readRows(book, "操作日志").rows.length).toBe(3);
  });
});

describe("import into a workbook that has customers", () => {
  it("fills blanks, never overwrites, reports conflicts; extends the table, its highlights and the Status formula", () => {
    const dir = tmpdir();
    const book = newBook(dir);
    const first = path.join(dir, "a.csv");
    fs.writeFileSync(first, "客户名称,联系人,邮箱\n甲有限公司,王,\n乙公司,李,li@yi.cn\n");
    expect(cli(["import", first, "--into", book, "--today", TODAY]).code).toBe(0);
    const second = path.join(dir, "b.csv");
    fs.writeFileSync(second, "公司,对接人,Email,手机\n甲公司,赵,wang@jia.cn,13800138000\n丙,钱,LI@YI.CN,\n丁,,,\n");
    const r = cli(["import", second, "--into", book, "--today", TODAY, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { counts: Record<string, number>; report: Array<{ sourceRow: number; outcome: string; notes: string[] }> };
    expect(j.counts).toEqual({ read: 3, added: 1, merged: 1, skipped: 1, flagged: 2, blank: 0 });
    expect(j.report.map((x) => [x.sourceRow, x.outcome])).toEqual([[2, "merged"], [3, "skipped"]]);
    expect(j.report[0]?.notes).toContain("「联系人*」不一致:来源为「赵」,已有「王」,未覆盖");
    const rows = byHeader(readRows(book, "客户信息").rows);
    expect(rows.map((x) => [x["客户名称*"]?.[0], x["联系人*"]?.[0], x["邮箱"]?.[0], x["联系电话"]?.[0]])).toEqual([
      ["甲有限公司", "王", "wang@jia.cn", "13800138000"], ["乙公司", "李", "li@yi.cn", null], ["丁", null, null, null],
    ]);
    const x = inspect(book);
    const cu = x.sheets.find((s) => s.name === "客户信息");
    const last = columnLetter(CUSTOMER_COLUMNS.length);
    expect(cu?.tables.CRM_Customers?.ref).toBe(`A1:${last}4`);
    // Every highlight grew with the table: none still stops at the old last row.
    expect(cu?.conditional.length).toBeGreaterThan(0);
    for (const c of cu?.conditional ?? []) expect(c.sqref).toMatch(/4$/);
  });
});

describe("import .xlsx sources through our reader", () => {
  it.each(["team", "team1904"])("%s: title row skipped, shared strings, a date cell, a phone stored as a number", (kind) => {
    const dir = tmpdir();
    const book = newBook(dir, "en-US");
    const src = path.join(dir, "team.xlsx");
    makeSource(kind, src);
    const r = cli(["import", src, "--into", book, "--today", TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("read 2 = new 2 + merged 0 + skipped 0; 0 rows to review");
    const rows = byHeader(readRows(book, "Customers").rows);
    expect(rows.map((x) => [x["Customer name*"]?.[0], x["Contact*"]?.[0], x["Phone"]?.[0], x["Industry*"]?.[0], x["Created"]?.[0], x["Deal size (CNY)"]?.[0], x["Province"]?.[0], x["City"]?.[0], x["Customer ID*"]?.[0]])).toEqual([
      ["杭州云栖软件有限公司", "陈工", "13800138000", "I Information transmission, software and IT services", "2025-03-08", 200000, "Zhejiang", "杭州", "KH-202503-001"],
      ["成都天府餐饮管理有限公司", "刘店长", "13900139000", "H Accommodation and catering", "2025-04-09", 800000, "Sichuan", "成都", "KH-202504-001"],
    ]);
    expect(rows[0]?.["Phone"]?.[1]).toBe("s");
    expect(readRows(book, "Import report").rows[2]?.[0]?.[0]).toBe("Every row was imported cleanly; nothing to review.");
  });

  it("a source shaped as other writers write it (x: prefix, single quotes, rows and cells without r) reads the same", () => {
    const dir = tmpdir();
    const book = newBook(dir, "en-US");
    const src = path.join(dir, "team.xlsx");
    makeSource("team", src);
    // The corpus's reshaping rules applied to every worksheet of the source.
    const script = [
      "import sys, zipfile; sys.path.insert(0, sys.argv[2]); import corpus",
      "z = zipfile.ZipFile(sys.argv[1]); parts = {n: z.read(n) for n in z.namelist()}; z.close()",
      "out = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)",
      "for n, b in parts.items():",
      "    out.writestr(n, corpus.single_quoted(corpus.prefixed(corpus.without_r(b.decode()))).encode() if n.startswith('xl/worksheets/') else b)",
      "out.close()",
    ].join("\n");
    const py = spawnSync(PY, ["-c", script, src, path.join(__dirname, "..", "xlsx")], { encoding: "utf8" });
    expect(py.stderr).toBe("");
    const sheet = spawnSync("unzip", ["-p", src, "xl/worksheets/sheet1.xml"], { encoding: "utf8" }).stdout;
    expect(sheet).toContain("<x:row");
    const r = cli(["import", src, "--into", book, "--today", TODAY]);
    expect(r.err).toBe("");
    expect(r.out).toContain("read 2 = new 2 + merged 0 + skipped 0; 0 rows to review");
    const rows = byHeader(readRows(book, "Customers").rows);
    expect(rows.map((x) => [x["Customer name*"]?.[0], x["Phone"]?.[0], x["Created"]?.[0], x["City"]?.[0]])).toEqual([
      ["杭州云栖软件有限公司", "13800138000", "2025-03-08", "杭州"],
      ["成都天府餐饮管理有限公司", "13900139000", "2025-04-09", "成都"],
    ]);
  });

  it("follow-ups from the sheet that holds them, matched to customers by name", () => {
    const dir = tmpdir();
    const book = newBook(dir);
    const team = path.join(dir, "team.xlsx");
    makeSource("team", team);
    expect(cli(["import", team, "--into", book, "--today", TODAY]).code).toBe(0);
    const log = path.join(dir, "log.xlsx");
    makeSource("second", log);
    const r = cli(["import", log, "--into", book, "--kind", "followups", "--today", TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("读取 1 行 = 新增 1");
    const fu = byHeader(readRows(book, "跟进记录").rows);
    expect(fu.map((x) => [x["日期*"]?.[0], x["客户编号*"]?.[0], x["客户名称"]?.[0], x["跟进方式*"]?.[0], x["沟通内容摘要*"]?.[0]])).toEqual([["2026-05-06", "KH-202503-001", "杭州云栖软件有限公司", "电话", "约了下周演示"]]);
    expect(cli(["import", log, "--into", book, "--kind", "followups", "--sheet", "跟进", "--today", TODAY]).out).toContain("新增 0 + 合并 0 + 跳过 1");
  });
});

describe("bad input: one line, exit 2, the target untouched", () => {
  const cases: Array<[string, (dir: string) => string[], RegExp]> = [
    ["an unreadable file", (dir) => { fs.writeFileSync(path.join(dir, "x.csv"), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x22])); return [path.join(dir, "x.csv")]; }, /header|quotes/],
    ["a missing file", (dir) => [path.join(dir, "none.csv")], /no such file/],
    ["no recognisable header", (dir) => { fs.writeFileSync(path.join(dir, "h.csv"), "a,b\n1,2\n"); return [path.join(dir, "h.csv")]; }, /no recognisable header in the first 10 rows/],
    ["--map naming an unknown source column", (dir) => { fs.writeFileSync(path.join(dir, "m.csv"), "公司名称,手机\n甲,1\n"); return [path.join(dir, "m.csv"), "--map", "单位=客户名称"]; }, /--map names a source column "单位"/],
    ["--map naming an unknown target", (dir) => { fs.writeFileSync(path.join(dir, "m.csv"), "公司名称,手机\n甲,1\n"); return [path.join(dir, "m.csv"), "--map", "手机=座机号码"]; }, /--map names a target "座机号码"/],
    ["an encrypted workbook", (dir) => { makeSource("encrypted", path.join(dir, "e.xlsx")); return [path.join(dir, "e.xlsx")]; }, /encrypted/],
    ["a bad --on-duplicate", (dir) => { fs.writeFileSync(path.join(dir, "m.csv"), "公司名称,手机\n甲,1\n"); return [path.join(dir, "m.csv"), "--on-duplicate", "merge"]; }, /--on-duplicate must be/],
  ];
  it.each(cases)("%s", (_name, args, message) => {
    const dir = tmpdir();
    const book = newBook(dir);
    const bytes = fs.readFileSync(book);
    const r = cli(["import", ...args(dir), "--into", book]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(fs.readFileSync(book).equals(bytes)).toBe(true);
  });

  it("a dry run writes nothing and lists what it would do", () => {
    const dir = tmpdir();
    const book = newBook(dir);
    const bytes = fs.readFileSync(book);
    const src = path.join(dir, "d.csv");
    fs.writeFileSync(src, "公司名称,阶段\n甲,考虑中\n");
    const r = cli(["import", src, "--into", book, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("试运行");
    expect(r.out).toContain("「阶段」的值「考虑中」无法识别");
    expect(fs.readFileSync(book).equals(bytes)).toBe(true);
  });

  it("refuses when the rows below the table hold the user's cells", () => {
    const dir = tmpdir();
    const book = newBook(dir);
    const py = spawnSync(PY, ["-c", "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb['客户信息']['B3']='我的备注'; wb.save(sys.argv[1])", book], { encoding: "utf8" });
    expect(py.status).toBe(0);
    const bytes = fs.readFileSync(book);
    const src = path.join(dir, "d.csv");
    fs.writeFileSync(src, "公司名称\n甲\n乙\n");
    const r = cli(["import", src, "--into", book]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/B3 is not empty/);
    expect(fs.readFileSync(book).equals(bytes)).toBe(true);
  });
});

describe("text that looks like an escape", () => {
  it("comes back as it was written: an underscore that would start _xHHHH_ is written as one itself", async () => {
    const dir = tmpdir();
    const book = newBook(dir);
    const src = path.join(dir, "list.csv");
    fs.writeFileSync(src, "公司名称,联系人\r\n星河_x0041_科技_x,王_x000D_经理\r\n");
    const r = cli(["import", src, "--into", book, "--today", TODAY]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const read = await readBook(new Book(fs.readFileSync(book)), { customers: ["name", "contact"], followUps: ["date"] });
    expect([read.model.customers?.cols.name?.[0], read.model.customers?.cols.contact?.[0]]).toEqual(["星河_x0041_科技_x", "王_x000D_经理"]);
  });
});
