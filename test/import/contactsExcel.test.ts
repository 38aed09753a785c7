import type { ExcelDouble } from "../double/excelDouble";
import { installedDouble } from "../support/installedDouble";
import { importIntoWorkbook, previewImport, readWorkbookSource } from "../../src/excel/importWorkbook";
import type { SourceTable } from "../../src/core/import/planImport";
import { countsText } from "../../src/core/import/report";
import { CONTACT_COLUMNS } from "../../src/core/contacts/columns";
import { columnLetter } from "../../src/core/_lib/a1";
import { day } from "../support/builders";

const today = day("2026-06-15");
const now = new Date(2026, 5, 15, 9, 30);
const SHEET = "联系人";
const LAST = columnLetter(CONTACT_COLUMNS.length);
const col = (key: string) => columnLetter(CONTACT_COLUMNS.findIndex((d) => d.key === key) + 1);
let x: ExcelDouble;

beforeEach(async () => {
  x = await installedDouble({ now });
});

async function sourceSheet(values: Array<Array<string | number>>): Promise<SourceTable> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add("名单");
    const width = Math.max(...values.map((r) => r.length));
    const range = ws.getRangeByIndexes(0, 0, values.length, width);
    range.values = values.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
    ws.activate();
    range.select();
    await context.sync();
  });
  return readWorkbookSource();
}

const LIST = [
  ["公司名称", "联系人", "手机", "联系人2", "角色2", "电话2", "Contact 3", "Phone 3"],
  ["上海明远精密机械有限公司", "王经理", "13800138000", "李工", "技术", 13900139000, "赵总", "0755 8888 6666"],
  ["深圳星河科技有限公司", "孙总", "13700137000", "周经理", "决策人", "", "", ""],
];

/** The Contacts table's body as the columns we check: customer ID, name, role, phone. */
const body = () => {
  const t = x.table("CRM_Contacts");
  return x.grid(SHEET, `A2:${LAST}${t.rect.r1 + 1}`).map((r) => ["customerId", "name", "role", "phone"].map((k) => r[CONTACT_COLUMNS.findIndex((d) => d.key === k)]));
};

describe("import places extra contacts on the Contacts table (strict double)", () => {
  it("previews the contact count without writing, then fills the table's blank row and appends through the table", async () => {
    const source = await sourceSheet(LIST);
    const before = x.snapshot();
    const preview = await previewImport(source, { kind: "customers", today });
    expect(x.snapshot()).toEqual(before);
    expect(preview.plan.contacts.counts).toEqual({ found: 3, added: 3, duplicates: 0, notAdded: 0 });
    expect(countsText(preview.plan, "zh-CN")).toContain("联系人 3 = 新增到「联系人」表 3");
    expect(preview.header.uses.map((u) => (u.kind === "ours" ? u.key : "user"))).toEqual(["name", "contact", "phone", "contact2.name", "contact2.role", "contact2.phone", "contact3.name", "contact3.phone"]);

    const out = await importIntoWorkbook(source, { kind: "customers", today }, "张三", now, today);
    expect(out.contacts).toEqual({ found: 3, added: 3, duplicates: 0, notAdded: 0 });
    expect(x.table("CRM_Contacts").rect.r1).toBe(3);
    expect(body()).toEqual([
      ["KH-202606-001", "李工", "技术对接人", "13900139000"],
      ["KH-202606-001", "赵总", null, "0755-88886666"],
      ["KH-202606-002", "周经理", "决策人", null],
    ]);
    // Digits as text; the customer-name lookup carried into the appended rows by the table.
    expect(x.cell(SHEET, `${col("phone")}2`)).toMatchObject({ v: "13900139000", nf: "@" });
    for (const r of [2, 3, 4]) expect(x.cell(SHEET, `${col("customerName")}${r}`)?.f).toBe(`=IF($A${r}="","",IFERROR(INDEX('客户信息'!$B:$B,MATCH($A${r},'客户信息'!$A:$A,0)),""))`);

    const again = await importIntoWorkbook(source, { kind: "customers", today }, "张三", now, today);
    expect(again.contacts).toEqual({ found: 3, added: 0, duplicates: 3, notAdded: 0 });
    expect(x.table("CRM_Contacts").rect.r1).toBe(3);
  });

  it("a co-author typing into the blank row meanwhile: the run is planned again, their contact kept, ours after it", async () => {
    const source = await sourceSheet(LIST);
    let first: number | null = null;
    x.betweenSyncs = (n) => {
      first ??= n;
      // After our reads, before the batch that writes.
      if (n - first === 2) x.remoteTypes(SHEET, `A2:C2`, [["KH-202601-009", "", "钱总"]]);
    };
    const out = await importIntoWorkbook(source, { kind: "customers", today }, "张三", now, today);
    x.betweenSyncs = null;
    expect(out.contacts.added).toBe(3);
    expect(body()).toEqual([
      ["KH-202601-009", "钱总", null, null],
      ["KH-202606-001", "李工", "技术对接人", "13900139000"],
      ["KH-202606-001", "赵总", null, "0755-88886666"],
      ["KH-202606-002", "周经理", "决策人", null],
    ]);
    // The customers were written once, not twice.
    expect(x.table("CRM_Customers").rect.r1).toBe(2);
    expect(x.grid("客户信息", "B2:B3")).toEqual([["上海明远精密机械有限公司"], ["深圳星河科技有限公司"]]);
  });

  it("a co-author appending a contact meanwhile: ours land after theirs, nothing overwritten", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("A2:C2").values = [["KH-202601-001", "", "吴工"]];
      await context.sync();
    });
    const source = await sourceSheet(LIST);
    let first: number | null = null;
    x.betweenSyncs = (n) => {
      first ??= n;
      if (n - first === 2) x.remoteTypes(SHEET, "A3:C3", [["KH-202601-002", "", "郑总"]]);
    };
    await importIntoWorkbook(source, { kind: "customers", today }, "张三", now, today);
    x.betweenSyncs = null;
    expect(body().map((r) => r[1])).toEqual(["吴工", "郑总", "李工", "赵总", "周经理"]);
  });

  it("refuses, before writing, when the Contacts table is filtered", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("A2:C3").values = [["KH-1", "", "吴工"], ["KH-2", "", "郑总"]];
      await context.sync();
    });
    x.remoteFilter("CRM_Contacts", "姓名*", (v) => v === "吴工");
    const source = await sourceSheet(LIST);
    const before = x.snapshot();
    await expect(importIntoWorkbook(source, { kind: "customers", today }, "张三", now, today)).rejects.toThrow("「联系人」表已开启筛选");
    expect(x.snapshot()).toEqual(before);
  });
});
