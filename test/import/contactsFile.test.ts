/**
 * `crm-sheets import` placing a source's numbered contacts (联系人2, 电话2 …) on the Contacts sheet:
 * the table grows (validations and the customer-name lookup with it), the file passes the
 * ECMA-376 validator and openpyxl reads the rows back; a second import adds nothing.
 */
import * as fs from "fs";
import * as path from "path";
import { CONTACT_COLUMNS } from "../../src/core/contacts/columns";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { columnLetter } from "../../src/core/_lib/a1";
import { cli, ensureCliBuilt, inspect, tmpdir } from "../xlsx/helpers";
import { readRows, type Cell } from "./readRows";

jest.setTimeout(240_000);
beforeAll(() => ensureCliBuilt());

const TODAY = "2026-06-15";

const rowsOf = (file: string, sheet: string): Cell[][] => readRows(file, sheet).rows;

/** The command line's import (its target validated by `cli`, as every file a command writes). */
const importInto = (book: string, src: string, ...more: string[]) => cli(["import", src, "--into", book, "--today", TODAY, ...more]);

const SOURCE = [
  "公司名称,联系人,手机,联系人2,职位2,角色2,电话2,邮箱2,第三联系人,第三联系人电话,微信3",
  "上海明远精密机械有限公司,王经理,13800138000,李工,技术总监,技术,139 0013 9000,LI@MINGYUAN.CN,赵总,0755-8888 6666,zhao_zong",
  "深圳星河科技有限公司,孙总,13700137000,周经理,采购经理,采购,找前台,,,,",
  "杭州云栖软件有限公司,陈工,13600136000,,,,,,,,",
].join("\n");

describe("import places extra contacts on the Contacts sheet (file door)", () => {
  it("appends them under the IDs the import assigns, text as text, the table and its validations grown; a second run adds nothing", () => {
    const dir = tmpdir();
    const book = path.join(dir, "book.xlsx");
    expect(cli(["init", book, "--lang", "zh-CN"]).code).toBe(0);
    const src = path.join(dir, "名单.csv");
    fs.writeFileSync(src, SOURCE);

    const dry = importInto(book, src, "--dry-run", "--json");
    expect(JSON.parse(dry.out).contacts).toEqual({ found: 3, added: 3, duplicates: 0, notAdded: 0, tableMissing: false });

    const r = importInto(book, src);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("联系人 3 = 新增到「联系人」表 3 + 已存在 0 + 未添加 0");

    const rows = rowsOf(book, "联系人");
    expect(rows[0]?.map((c) => c[0])).toEqual(CONTACT_COLUMNS.map((d) => d.header["zh-CN"] + (d.required ? "*" : "")));
    const col = (key: string) => CONTACT_COLUMNS.findIndex((d) => d.key === key);
    const pick = (r: Cell[] | undefined) => ["customerId", "name", "title", "role", "phone", "email", "wechat"].map((k) => r?.[col(k)]?.[0] ?? null);
    expect(rows.slice(1).map(pick)).toEqual([
      ["KH-202606-001", "李工", "技术总监", "技术对接人", "13900139000", "li@mingyuan.cn", null],
      ["KH-202606-001", "赵总", null, null, "0755-88886666", null, "zhao_zong"],
      ["KH-202606-002", "周经理", "采购经理", "采购对接人", "找前台", null, null],
    ]);
    // Digits stay text; the customer name is the table's lookup formula in every new row.
    expect(rows[1]?.[col("phone")]?.[1]).toBe("s");
    rows.slice(1).forEach((row, i) => expect(row[col("customerName")]?.[0]).toBe(`=IF($A${i + 2}="","",IFERROR(INDEX('客户信息'!$B:$B,MATCH($A${i + 2},'客户信息'!$A:$A,0)),""))`));
    // The customers' Status formula, likewise, refers to its own row in every appended row.
    const customers = rowsOf(book, "客户信息");
    const status = CUSTOMER_COLUMNS.findIndex((d) => d.key === "status");
    customers.slice(2).forEach((row, i) => expect(String(row[status]?.[0])).toMatch(new RegExp(`^=IF\\(AND\\(\\$A${i + 3}="",\\$B${i + 3}=""\\)`)));
    expect(customers.length).toBe(4);

    const x = inspect(book);
    const sheet = x.sheets.find((s) => s.name === "联系人");
    const last = columnLetter(CONTACT_COLUMNS.length);
    expect(sheet?.tables.CRM_Contacts?.ref).toBe(`A1:${last}4`);
    // Every validation of the table covers its new last row (whole columns, or grown with it).
    expect(sheet?.validations.length).toBeGreaterThan(0);
    for (const v of sheet?.validations ?? []) expect(Number(/(\d+)$/.exec(v.sqref)?.[1])).toBeGreaterThanOrEqual(4);

    // The unreadable phone is on the report, by sheet, row and column.
    const report = rowsOf(book, "导入报告");
    const line = report.find((row) => row[1]?.[0] === 3);
    expect(line?.[0]?.[0]).toBe("名单.csv");
    expect(String(line?.[4]?.[0])).toContain("「电话2」的值「找前台」");

    const again = importInto(book, src, "--json");
    const j = JSON.parse(again.out) as { contacts: Record<string, number> };
    expect(j.contacts).toMatchObject({ found: 3, added: 0, duplicates: 3, notAdded: 0 });
    expect(rowsOf(book, "联系人").length).toBe(4);
  });

  it("a merged customer keeps its contacts; only the new person is added", () => {
    const dir = tmpdir();
    const book = path.join(dir, "book.xlsx");
    expect(cli(["init", book, "--lang", "en-US"]).code).toBe(0);
    const a = path.join(dir, "a.csv");
    fs.writeFileSync(a, "Company,Contact,Phone,Contact 2,Phone 2\nAcme Ltd,Wang,13800138000,Li,13900139000\n");
    expect(importInto(book, a).code).toBe(0);
    const b = path.join(dir, "b.csv");
    fs.writeFileSync(b, "Company,Contact 2,Phone 2,Title 2,Contact 3,Role 3\nAcme Ltd,Li Gong,13900139000,CTO,Zhao,Decision maker\n");
    const r = importInto(book, b, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { counts: Record<string, number>; contacts: Record<string, number>; report: Array<{ outcome: string; notes: string[] }> };
    expect(j.contacts).toMatchObject({ added: 1, duplicates: 1 });
    expect(j.counts).toMatchObject({ merged: 1 });
    expect(j.report[0]?.notes).toContain("contact \"Li Gong\" is already on the \"Contacts\" sheet (or the customer row) for this customer; not added again");
    const rows = rowsOf(book, "Contacts");
    expect(rows.slice(1).map((r) => [r[0]?.[0], r[2]?.[0], r[3]?.[0] ?? null, r[4]?.[0] ?? null, r[5]?.[0] ?? null])).toEqual([
      ["KH-202606-001", "Li", null, null, "13900139000"],
      ["KH-202606-001", "Zhao", null, "Decision maker", null],
    ]);
  });
});
