/**
 * The file door, read back with independent tools: openpyxl for what the file holds, Python's
 * zipfile for byte-identical untouched parts, LibreOffice for our formulas' results.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { randomBytes } from "crypto";
import { cli, digest, ensureCliBuilt, inspect, makeUserBook, py, recalc, tmpdir } from "./helpers";
import { Book } from "../../src/xlsx/book";
import { rebuild } from "../../src/xlsx/zip";
import { readBook } from "../../src/xlsx/read";
import { grade } from "../../src/core/usecases/grade";
import { fromLocalDate, formatIso, type DayNumber } from "../../src/core/_lib/calendar";
import { STATUS_LABELS } from "../../src/core/i18n/labels";
import { TEMPLATE_VERSION } from "../../src/core/template/sheets";

jest.setTimeout(240_000);
beforeAll(() => ensureCliBuilt());

const TODAY = "2026-05-20";

describe("init", () => {
  it.each(["zh-CN", "en-US"] as const)("%s: the full template, read back by openpyxl", (lang) => {
    const dir = tmpdir();
    const file = path.join(dir, "new.xlsx");
    const r = cli(["init", file, "--lang", lang]);
    expect(r.code).toBe(0);
    const zh = lang === "zh-CN";
    const cu = zh ? "客户信息" : "Customers";
    const x = inspect(file, `${cu}!A2`, `${cu}!P2`, `${cu}!AE2`, `${cu}!AO2`);
    expect(x.sheets.map((s) => [s.name, s.state])).toEqual(zh
      ? [["客户信息", "visible"], ["跟进记录", "visible"], ["联系人", "visible"], ["投诉记录", "visible"], ["分级规则", "visible"], ["下拉选项", "hidden"], ["使用说明", "visible"], ["操作日志", "hidden"]]
      : [["Customers", "visible"], ["Follow-ups", "visible"], ["Contacts", "visible"], ["Complaints", "visible"], ["Rules", "visible"], ["Lists", "hidden"], ["Guide", "visible"], ["Audit log", "hidden"]]);
    const s = x.sheets[0]!;
    expect(s.freeze).toBe("A2");
    expect(s.tables.CRM_Customers?.ref).toBe("A1:AR2");
    expect(s.tables.CRM_Customers?.calculated[40]).toMatch(/^IF\(AND\(\$A2="",\$B2=""\),"",/);
    expect(s.validations.length).toBe(33);
    for (const v of x.sheets.flatMap((sh) => sh.validations)) {
      expect((v.promptTitle ?? "").length).toBeLessThanOrEqual(32);
      expect((v.prompt ?? "").length).toBeLessThanOrEqual(255);
      expect((v.error ?? "").length).toBeLessThanOrEqual(224);
    }
    const industry = s.validations.find((v) => v.sqref === "F2:F1048576");
    expect(industry).toMatchObject({ type: "list", formula1: "CRM_List_Industry", errorStyle: "stop" });
    expect(industry?.prompt).toContain(zh ? "GB/T 4754-2017" : "GB/T 4754-2017");
    // The row highlights, and the pool countdown's red on its own column (it reads that live cell).
    expect(s.conditional).toHaveLength(2);
    expect((s.conditional[1]?.formula ?? []).flat()).toEqual(["IFERROR(AND(ISNUMBER($AP2),$AP2<=CRM_ReleaseWarn),FALSE)"]);
    expect(s.tables.CRM_Customers?.calculated[41]).toMatch(/-TODAY\(\),""\),""\)$/);
    expect(x.names.CRM_PoolOn).toBe(`'${zh ? "分级规则" : "Rules"}'!$B$25`);
    const formulas = (s.conditional[0]?.formula ?? []).flat();
    expect(formulas).toHaveLength(2);
    for (const f of formulas) {
      expect(f).toContain("TODAY()");
      expect(f).not.toContain("_xlfn");
    }
    expect(x.names.CRM_DormantDays).toBe(`'${zh ? "分级规则" : "Rules"}'!$B$23`);
    expect(x.names.CRM_List_Industry).toMatch(/INDEX\(/);
    expect(x.cells[`${cu}!P2`]?.nf).toBe("@");
    expect(x.cells[`${cu}!AE2`]?.nf).toBe("yyyy-mm-dd");
    expect(x.cells[`${cu}!AO2`]?.t).toBe("f");
    expect(x.cells[`${cu}!AO2`]?.nf).toBe("General");
    const guide = x.sheets.find((sh) => sh.name === (zh ? "使用说明" : "Guide"));
    expect(guide?.merged).toEqual(expect.arrayContaining(["A1:D1", "A2:D2"]));
  });
  it("reports the version of an existing crm-sheets workbook, and refuses any other file untouched", () => {
    const dir = tmpdir();
    const ours = path.join(dir, "ours.xlsx");
    cli(["init", ours]);
    expect(cli(["init", ours]).out).toContain(`模板版本 ${TEMPLATE_VERSION}`);
    const other = path.join(dir, "other.xlsx");
    makeUserBook(other);
    const before = fs.readFileSync(other);
    const r = cli(["init", other]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
    expect(fs.readFileSync(other).equals(before)).toBe(true);
  });
});

describe("grade and log on a team's own workbook", () => {
  const dir = tmpdir();
  const file = path.join(dir, "team.xlsx");
  makeUserBook(file);
  const before = digest(file);

  it("grades: derived cells written, generated IDs, user cells kept", () => {
    const r = cli(["grade", file, "--today", TODAY, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { summary: { customers: number; byGrade: Record<string, number> }; idsFilled: number };
    expect(out.summary.customers).toBe(3);
    expect(out.idsFilled).toBe(1);
    const x = inspect(file, "客户信息!A3", "客户信息!C2", "客户信息!C3", "客户信息!N2", "客户信息!O2", "客户信息!Q2", "客户信息!S2", "客户信息!U2", "客户信息!K3", "客户信息!B4", "客户信息!C4");
    expect(x.cells["客户信息!A3"]).toMatchObject({ v: "KH-202510-001", t: "s" });
    expect(x.cells["客户信息!C2"]?.v).toBe("老客户,别删");
    expect(x.cells["客户信息!C3"]).toMatchObject({ v: "=SUM(1,2)", t: "f" });
    expect(x.cells["客户信息!K3"]?.v).toBe("5万");
    expect(x.cells["客户信息!B4"]?.v).toBe("北京鼎盛物流有限公司 🚚");
    expect(x.cells["客户信息!C4"]?.v).toBe("𠮷野家");
    expect(x.cells["客户信息!N2"]?.v).toBe("A");
    expect(x.cells["客户信息!O2"]?.v).toBe("30天内成交A · 20万B · 匹配高A · 意向中B → A");
    expect(x.cells["客户信息!Q2"]).toMatchObject({ v: "2026-05-11T00:00:00", nf: "yyyy-mm-dd" });
    expect(x.cells["客户信息!S2"]?.v).toBe("2026-05-13T00:00:00");
    expect(x.cells["客户信息!U2"]?.t).toBe("f");
  });

  it("logs: appended as Excel would, text stays text, and only our parts changed", () => {
    const payloads = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(1)", "\tTAB", "=HYPERLINK(\"http://evil\",\"x\")"];
    payloads.forEach((summary, i) => {
      const r = cli(["log", file, "--customer", "KH-202605-001", "--date", TODAY, "--method", "电话", "--summary", summary.replace("\\t", "\t"), "--feedback", i === 0 ? "\r回车" : "ok", "--today", TODAY]);
      expect([r.code, r.err]).toEqual([0, ""]);
    });
    const x = inspect(file, ...payloads.map((_p, i) => `跟进记录!F${3 + i}`), "跟进记录!A3", "跟进记录!B3", "跟进记录!D3", "客户信息!R2");
    payloads.forEach((p, i) => expect(x.cells[`跟进记录!F${3 + i}`]).toMatchObject({ v: p.replace("\\t", "\t"), t: "s" }));
    expect(x.cells["跟进记录!A3"]).toMatchObject({ v: "2026-05-20T00:00:00", nf: "yyyy-mm-dd" });
    expect(x.cells["跟进记录!D3"]?.v).toBe("张三");
    expect(x.cells["客户信息!R2"]?.v).toBe(7);
    const after = digest(file);
    expect(after.bad).toBeNull();
    const changed = Object.keys(before.entries).filter((k) => after.entries[k]?.sha !== before.entries[k]?.sha).sort();
    // Ours: the two sheets we wrote, and at most the styles (a date style) and the workbook (the recalc flag).
    expect(changed).toEqual(expect.arrayContaining(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]));
    for (const k of changed) expect(["xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]).toContain(k);
    for (const k of Object.keys(before.entries)) expect(after.entries[k]).toBeDefined();
    // The chart, the drawing, the comment, the other sheet and the defined name travel untouched.
    for (const k of Object.keys(before.entries).filter((n) => /chart|drawing|comment|sheet3|media|vmlDrawing/.test(n))) expect(after.entries[k]?.sha).toBe(before.entries[k]?.sha);
    expect(inspect(file).names["报表金额"]).toBe("'销售报表'!$B$2:$B$7");
  });
});

describe("live formulas, recalculated by LibreOffice", () => {
  it("Status formulas agree with the engine on today's date", async () => {
    const dir = tmpdir();
    const file = path.join(dir, "demo.xlsx");
    const today = fromLocalDate(new Date()) as DayNumber;
    expect(cli(["demo", file, "--today", formatIso(today)]).code).toBe(0);
    const book = new Book(new Uint8Array(fs.readFileSync(file)));
    const plan = grade((await readBook(book, { customers: "all", followUps: "all" })).model, today);
    const expected = new Map(plan.results.map((r) => [r.record.row, STATUS_LABELS[r.derived.status]["zh-CN"]]));
    const out = recalc(file, path.join(dir, "lo"));
    const rows = py<Array<[string | null, string | null]>>("values.py", [out, "客户信息", "A,AO"]);
    let compared = 0;
    rows.forEach((r, i) => {
      const want = expected.get(i + 2);
      if (want === undefined) return;
      expect([i + 2, r[1]]).toEqual([i + 2, want]);
      compared++;
    });
    expect(compared).toBe(200);
  });
});

describe("bad input: one line, exit 2, the file untouched", () => {
  const dir = tmpdir();
  // An English-speaking user: what is said before a workbook is open follows the locale.
  const ENGLISH = { LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
  const check = (file: string, args: string[], pattern: RegExp) => {
    const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
    const r = cli(args, { env: ENGLISH });
    expect(r.code).toBe(2);
    const lines = r.err.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(r.err).not.toMatch(/\s+at\s/);
    if (before) expect(fs.readFileSync(file).equals(before)).toBe(true);
  };
  it("not a zip", () => {
    const f = path.join(dir, "fake.xlsx");
    fs.writeFileSync(f, "just text");
    check(f, ["grade", f], /not an \.xlsx file/);
  });
  it("said in the user's language before a workbook is open, in the workbook's once it is", () => {
    const f = path.join(dir, "fake2.xlsx");
    fs.writeFileSync(f, "just text");
    expect(cli(["grade", f], { env: { LANG: "zh_CN.UTF-8", LC_ALL: "", LC_MESSAGES: "" } }).err).toMatch(/不是 \.xlsx 文件/);
    expect(cli(["grade", f], { env: { LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" } }).err).toMatch(/not an \.xlsx file/);
    // A Chinese workbook whose Follow-ups table has a user's note right below it: the refusal is in Chinese.
    const b = path.join(dir, "zh.xlsx");
    cli(["init", b, "--lang", "zh-CN"]);
    spawnSync("/usr/bin/python3", ["-c", `import openpyxl; wb=openpyxl.load_workbook("${b}"); wb["客户信息"]["A2"]="KH-1"; wb["客户信息"]["B2"]="甲公司"; f=wb["跟进记录"]; f["A2"]="2026-05-01"; f["B2"]="KH-1"; f["D2"]="张三"; f["E2"]="电话"; f["F2"]="聊过"; f["A3"]="备忘"; wb.save("${b}")`]);
    const r = cli(["log", b, "--customer", "KH-1", "--by", "张三", "--date", TODAY, "--method", "电话", "--summary", "x"], { env: { LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/跟进记录.*第 3 行/);
  });
  it("an encrypted file (OLE2 container)", () => {
    const f = path.join(dir, "locked.xlsx");
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    check(f, ["grade", f], /encrypted/);
  });
  it(".xls and .csv", () => {
    const x = path.join(dir, "old.xls");
    fs.writeFileSync(x, "x");
    check(x, ["grade", x], /\.xls/);
    const c = path.join(dir, "list.csv");
    fs.writeFileSync(c, "a,b");
    check(c, ["check", c], /CSV/);
  });
  it("a workbook without our sheets", () => {
    const f = path.join(dir, "plain.xlsx");
    spawnSync("/usr/bin/python3", ["-c", `import openpyxl; wb=openpyxl.Workbook(); wb.active.append(["名字","电话"]); wb.save("${f}")`]);
    check(f, ["grade", f], /no customer sheet found/);
  });
  it("a log naming an unknown customer, with the sheet and column", () => {
    const f = path.join(dir, "t.xlsx");
    cli(["init", f]);
    check(f, ["log", f, "--customer", "KH-404", "--date", TODAY, "--method", "电话", "--summary", "x"], /跟进记录.*客户编号.*KH-404/);
  });
  it("an unreadable date flag and a missing option", () => {
    const f = path.join(dir, "t2.xlsx");
    cli(["init", f]);
    check(f, ["log", f, "--customer", "KH-1", "--date", "明天", "--method", "电话", "--summary", "x"], /--date "明天" is not a date/);
    check(f, ["log", f, "--customer", "KH-1", "--date", TODAY, "--method", "电话"], /needs --summary/);
  });
  it("a read-only file", () => {
    const f = path.join(dir, "ro.xlsx");
    cli(["init", f]);
    fs.chmodSync(f, 0o444);
    // Said in the workbook's language (a new workbook is Chinese).
    check(f, ["grade", f], /只读,未做任何修改/);
    fs.chmodSync(f, 0o644);
  });
});

describe("more of the file path", () => {
  it("warns when ~$name.xlsx says the workbook is open in Excel", () => {
    const dir = tmpdir();
    const f = path.join(dir, "open.xlsx");
    cli(["init", f]);
    fs.writeFileSync(path.join(dir, "~$open.xlsx"), "lock");
    const r = cli(["grade", f, "--today", TODAY]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/~\$open\.xlsx exists — the workbook seems to be open in Excel/);
  });
  it("honours the 1904 date system when reading and writing dates", () => {
    const dir = tmpdir();
    const f = path.join(dir, "mac.xlsx");
    makeUserBook(f, "1904");
    expect(cli(["grade", f, "--today", TODAY]).code).toBe(0);
    const x = inspect(f, "客户信息!Q2", "客户信息!S2", "客户信息!P2");
    // Last contact 2026-05-11 and next due 2026-05-13, read back by openpyxl in the 1904 system.
    expect(x.cells["客户信息!Q2"]?.v).toBe("2026-05-11T00:00:00");
    expect(x.cells["客户信息!S2"]?.v).toBe("2026-05-13T00:00:00");
    expect(x.cells["客户信息!P2"]?.v).toBe("2026-05-11T00:00:00");
  });
  it("draws a progress bar on a terminal's stderr for a large file", async () => {
    const { main } = await import("../../src/cli/main");
    const dir = tmpdir();
    const f = path.join(dir, "big.xlsx");
    expect(cli(["demo", f, "--today", TODAY]).code).toBe(0);
    // Pad the package past 5 MB with an extra stored entry the reader ignores.
    const { Book } = await import("../../src/xlsx/book");
    const { rebuild } = await import("../../src/xlsx/zip");
    const b = new Book(new Uint8Array(fs.readFileSync(f)));
    const noise = new Uint8Array(randomBytes(6 * 1024 * 1024));
    fs.writeFileSync(f, rebuild(b.buf, b.entries, new Map(), new Map([["customXml/noise.bin", noise]])));
    const bars: string[] = [];
    const code = await main(["grade", f, "--today", TODAY], { out: () => undefined, err: () => undefined, now: () => new Date(), progress: (s) => bars.push(s) });
    expect(code).toBe(0);
    expect(bars.join("")).toMatch(/\[-+\] reading….*\[#+-+\] grading….*\[#+\] done/s);
  });
});

describe("formatted but empty rows", () => {
  it("a sheet whose dimension claims a million rows, with thousands of empty formatted rows, reads as its real rows", async () => {
    const dir = tmpdir();
    const f = path.join(dir, "wide.xlsx");
    makeUserBook(f);
    const { Book } = await import("../../src/xlsx/book");
    const { rebuild } = await import("../../src/xlsx/zip");
    const { readBook } = await import("../../src/xlsx/read");
    const b = new Book(new Uint8Array(fs.readFileSync(f)));
    const sheet = b.sheets.find((s) => s.name === "客户信息");
    const xml = b.text(sheet?.path ?? "") ?? "";
    const empty = Array.from({ length: 20000 }, (_v, i) => `<row r="${i + 10}" s="1" customFormat="1"/>`).join("");
    const patched = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z1048576"/>').replace("</sheetData>", `${empty}</sheetData>`);
    fs.writeFileSync(f, rebuild(b.buf, b.entries, new Map([[sheet?.path ?? "", new TextEncoder().encode(patched)]])));
    const r = await readBook(new Book(new Uint8Array(fs.readFileSync(f))), { customers: "all", followUps: "all" });
    expect(r.model.customers?.rowCount).toBe(3);
    expect(cli(["grade", f, "--today", TODAY]).code).toBe(0);
    expect(inspect(f, "客户信息!N2").cells["客户信息!N2"]?.v).toBe("A");
  });
});

describe("damaged parts: one line naming the part, exit 2, the file untouched", () => {
  const dir = tmpdir();
  const template = path.join(dir, "template.xlsx");
  beforeAll(() => {
    cli(["init", template]);
  });
  /** The template with one part's text changed. */
  const withPart = (name: string, part: string, change: (xml: string) => string): string => {
    const b = new Book(new Uint8Array(fs.readFileSync(template)));
    const f = path.join(dir, name);
    fs.writeFileSync(f, rebuild(b.buf, b.entries, new Map([[part, new TextEncoder().encode(change(b.text(part) ?? ""))]])));
    return f;
  };
  const refused = (file: string, pattern: RegExp) => {
    const before = fs.readFileSync(file);
    const r = cli(["grade", file, "--today", TODAY]);
    expect(r.code).toBe(2);
    const lines = r.err.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  };
  it("a workbook part that is not well-formed (a repeated attribute)", () => {
    refused(withPart("dup.xlsx", "xl/workbook.xml", (x) => x.replace("<calcPr ", '<calcPr fullCalcOnLoad="0" fullCalcOnLoad="1" ')), /xl\/workbook\.xml: not well-formed XML/);
  });
  it("a sheet whose cell is never closed", () => {
    refused(withPart("open.xlsx", "xl/worksheets/sheet1.xml", (x) => x.replace(/(<row r="2"[^>]*>)/, '$1<c r="A2" t="inlineStr"><is><t>KH-1</t></is>')), /xl\/worksheets\/sheet1\.xml: row 2: not well-formed XML/);
  });
  it("a shared formula whose master is missing", () => {
    refused(withPart("orphan.xlsx", "xl/worksheets/sheet1.xml", (x) => x.replace(/<c r="AO2"[\s\S]*?<\/c>/, '<c r="AO2"><f t="shared" si="7"/><v>0</v></c>')), /xl\/worksheets\/sheet1\.xml: cell AO2 uses shared formula 7, which has no master cell/);
  });
  it("a zip entry whose CRC is wrong", () => {
    const bytes = new Uint8Array(fs.readFileSync(template));
    const b = new Book(bytes);
    const e = b.entries.find((x) => x.name === "xl/worksheets/sheet1.xml");
    if (!e) throw new Error("no sheet1");
    // Flip the CRC in the central directory and in the local header alike.
    const central = e.central.byteOffset - bytes.byteOffset;
    for (const at of [central + 16, e.localOffset + 14]) bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const f = path.join(dir, "crc.xlsx");
    fs.writeFileSync(f, bytes);
    refused(f, /xl\/worksheets\/sheet1\.xml: the zip entry is damaged \(CRC mismatch\)/);
  });
});

describe("ZIP64 and unchanged runs", () => {
  it("a package with more than 65,535 entries (ZIP64) is read and written back as ZIP64", () => {
    const dir = tmpdir();
    const f = path.join(dir, "many.xlsx");
    makeUserBook(f);
    const r = spawnSync("/usr/bin/python3", ["-c", [
      "import sys, zipfile",
      "src = zipfile.ZipFile(sys.argv[1]); items = [(i, src.read(i.filename)) for i in src.infolist()]; src.close()",
      "z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)",
      "[z.writestr(i, d) for i, d in items]",
      "[z.writestr('customXml/n%05d.bin' % k, b'x') for k in range(66000)]",
      "z.close()",
    ].join("\n"), f], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const g = cli(["grade", f, "--today", TODAY]);
    expect([g.code, g.err]).toEqual([0, ""]);
    const x = spawnSync("/usr/bin/python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(len(z.namelist()), z.testzip())", f], { encoding: "utf8" });
    expect(x.stdout.trim()).toBe(`${new Book(new Uint8Array(fs.readFileSync(f))).entries.length} None`);
    expect(new Book(new Uint8Array(fs.readFileSync(f))).entries.length).toBeGreaterThan(66000);
    expect(inspect(f, "客户信息!N2").cells["客户信息!N2"]?.v).toBe("A");
  });
  it("grading again on the same day changes nothing: the file stays byte-identical", () => {
    const dir = tmpdir();
    const f = path.join(dir, "daily.xlsx");
    expect(cli(["demo", f, "--today", TODAY]).code).toBe(0);
    expect(cli(["grade", f, "--today", TODAY]).code).toBe(0);
    const once = fs.readFileSync(f);
    expect(cli(["grade", f, "--today", TODAY]).code).toBe(0);
    expect(fs.readFileSync(f).equals(once)).toBe(true);
    // A day later the derived cells move, and only the sheets holding them are rewritten.
    const b0 = new Book(new Uint8Array(once));
    expect(cli(["grade", f, "--today", "2026-05-21"]).code).toBe(0);
    const b1 = new Book(new Uint8Array(fs.readFileSync(f)));
    const changed = b1.entries.filter((e) => b0.byName.get(e.name)?.crc !== e.crc).map((e) => e.name).sort();
    // The Customers sheet (derived cells) and the Rules sheet (last graded date), found by name, not by part number.
    const pathOf = (name: string) => b1.sheets.find((s) => s.name === name)?.path;
    expect(changed).toEqual([pathOf("客户信息"), pathOf("分级规则")].sort());
    expect(changed).toHaveLength(2);
  });
});
