import type { ExcelDouble } from "../double/excelDouble";
import { installedDouble } from "../support/installedDouble";
import { importIntoWorkbook, previewImport, readWorkbookSource } from "../../src/excel/importWorkbook";
import { seed } from "../excel/seed";
import { day } from "../support/builders";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { columnLetter } from "../../src/core/_lib/a1";

/** The first column right of the template's Customers table, where the import adds the source's extra column. */
const EXTRA = columnLetter(CUSTOMER_COLUMNS.length + 1);

const today = day("2026-06-15");
const now = new Date(2026, 5, 15, 9, 30);
let x: ExcelDouble;

beforeEach(async () => {
  x = await installedDouble({ now });
});

/** A team's list on its own sheet, selected as a user would before opening the Import page. */
async function sourceSheet(values: Array<Array<string | number>>, select = true): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add("名单");
    const width = Math.max(...values.map((r) => r.length));
    const grid = values.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
    const range = ws.getRangeByIndexes(0, 0, grid.length, width);
    range.values = grid;
    ws.activate();
    if (select) range.select();
    await context.sync();
  });
}

const LIST = [
  ["2025年客户名单"],
  ["公司名称", "联系人", "手机", "行业", "阶段", "经营范围"],
  ["上海明远精密机械有限公司", "赵总", "138 1234 5678", "机械", "洽谈中", "机床"],
  ["深圳星河科技有限公司", "李总", 13900139000, "软件", "考虑中", "SaaS"],
  ["", "孙", "", "", "", ""],
];

describe("import in the add-in (strict double)", () => {
  it("reads the selected range, previews without writing, then imports through the table and selects the report", async () => {
    seed(x, "CRM_Customers", [{ id: "KH-202601-001", name: "上海明远精密机械有限公司", contact: "王经理", industry: "C 制造业", stage: "新线索", owner: "张三" }]);
    await sourceSheet(LIST);
    const source = await readWorkbookSource();
    expect(source.name).toBe("名单!A1:F5");
    expect(source.rows[3]).toEqual(["深圳星河科技有限公司", "李总", 13900139000, "软件", "考虑中", "SaaS"]);
    const before = x.snapshot();
    const preview = await previewImport(source, { kind: "customers", today });
    expect(x.snapshot()).toEqual(before);
    expect(preview.counts).toEqual({ read: 3, added: 1, merged: 1, skipped: 1, flagged: 2, blank: 0 });
    expect(preview.newColumns).toEqual(["经营范围"]);
    expect(preview.sample).toHaveLength(3);

    // A colleague's cell edit in progress makes the import wait, as every other use-case does.
    x.cellEditing = true;
    const waited = x.delayedForCellEdit;
    const out = await importIntoWorkbook(source, { kind: "customers", today }, "张三", now, today);
    expect(x.delayedForCellEdit).toBeGreaterThan(waited);
    expect(out.reportSheet).toBe("导入报告");
    const t = x.table("CRM_Customers");
    expect(t.rect.r1).toBe(2);
    expect(x.grid("客户信息", "A1:B3")).toEqual([["客户编号*", "客户名称*"], ["KH-202601-001", "上海明远精密机械有限公司"], ["KH-202606-001", "深圳星河科技有限公司"]]);
    expect(x.cell("客户信息", "P2")).toMatchObject({ v: "13812345678", nf: "@" });
    expect(x.cell("客户信息", "M2")?.v).toBe("王经理");
    expect(x.cell("客户信息", "P3")).toMatchObject({ v: "13900139000", nf: "@" });
    expect(x.cell("客户信息", "X3")?.v).toBe("考虑中");
    expect(x.cell("客户信息", `${EXTRA}1`)?.v).toBe("经营范围");
    expect(x.cell("客户信息", `${EXTRA}2`)?.v).toBe("机床");
    expect(x.cell("客户信息", `${EXTRA}3`)?.v).toBe("SaaS");
    expect(x.grid("导入报告", "A4:E4")).toEqual([["来源文件", "来源行号", "结果", "对应记录", "说明"]]);
    expect(x.grid("导入报告", "B5:C7")).toEqual([[3, "合并"], [4, "新增"], [5, "跳过"]]);
    expect(x.store.selection && x.store.sheetById(x.store.selection.sheetId)?.name).toBe("导入报告");
    expect(x.grid("操作日志", "B3:E3")).toEqual([["张三", "导入", "名单!A1:F5 → 客户信息", out.cellsChanged]]);
  });

  it("the same source again adds nothing; the report is rebuilt, not duplicated", async () => {
    await sourceSheet(LIST);
    const source = await readWorkbookSource();
    await importIntoWorkbook(source, { kind: "customers", today }, "张三", now, today);
    const rows = x.table("CRM_Customers").rect.r1;
    const again = await importIntoWorkbook(source, { kind: "customers", today }, "张三", now, today);
    expect(again.counts).toMatchObject({ added: 0, merged: 0, skipped: 3 });
    expect(x.table("CRM_Customers").rect.r1).toBe(rows);
    expect(x.store.sheets.filter((s) => s.name === "导入报告")).toHaveLength(1);
  });

  it("keeps formula-looking text as text", async () => {
    await sourceSheet([["公司名称", "联系人"], ["'=1+1", "王"]]);
    const source = await readWorkbookSource();
    await importIntoWorkbook({ ...source, rows: [["公司名称", "联系人"], ["=HYPERLINK(\"x\")", "王"]] }, { kind: "customers", today }, "张三", now, today);
    expect(x.cell("客户信息", "B2")).toMatchObject({ v: "=HYPERLINK(\"x\")", f: null, nf: "@" });
  });
});
