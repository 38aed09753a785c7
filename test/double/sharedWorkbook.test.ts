/** The double fails where Excel fails on a shared workbook: filters, table growth, columns.add, names, cell edits, co-authors. */
import { ExcelDouble, type RequestContextDouble, type ChangedArgs } from "./excelDouble";
import { failureCode as code } from "../support/doubleFailure";


async function withTable(x: ExcelDouble, rows: Array<Array<string | number>> = [["K1", "甲", "张三"], ["K2", "乙", "李四"], ["K3", "丙", "张三"]]): Promise<void> {
  await x.api.run(async (context: RequestContextDouble) => {
    const s = context.workbook.worksheets.getItem("Sheet1");
    s.getRange(`A1:C${rows.length + 1}`).values = [["ID", "Name", "Owner"], ...rows];
    s.tables.add(`A1:C${rows.length + 1}`, true).name = "T";
    await context.sync();
  });
}

describe("filters and hidden rows", () => {
  it("refuses rows.add, row inserts and a write across shown and hidden rows with FilteredRangeConflict", async () => {
    const x = new ExcelDouble();
    await withTable(x);
    x.remoteFilter("T", "Owner", (v) => v === "张三");
    expect([...x.sheet("Sheet1").hiddenRows]).toEqual([2]);
    const run = (f: (c: RequestContextDouble) => void) => x.api.run(async (c: RequestContextDouble) => { f(c); await c.sync(); });
    expect(await code(run((c) => c.workbook.tables.getItem("T").rows.add(null, [["K4", "丁", "张三"]])))).toBe("FilteredRangeConflict");
    expect(await code(run((c) => { c.workbook.worksheets.getItem("Sheet1").getRange("A3:C3").insert("Down"); }))).toBe("FilteredRangeConflict");
    expect(await code(run((c) => { c.workbook.worksheets.getItem("Sheet1").getRange("D2:D4").values = [["a"], ["b"], ["c"]]; }))).toBe("no error");
    expect(await code(run((c) => { c.workbook.worksheets.getItem("Sheet1").getRange("B2:B4").values = [["a"], ["b"], ["c"]]; }))).toBe("FilteredRangeConflict");
    expect(await code(run((c) => { c.workbook.worksheets.getItem("Sheet1").getRange("B3:B3").values = [["b"]]; }))).toBe("no error");
  });
  it("reports the filter and the shown rows", async () => {
    const x = new ExcelDouble();
    await withTable(x);
    x.remoteFilter("T", "Owner", (v) => v === "张三");
    await x.api.run(async (c: RequestContextDouble) => {
      const t = c.workbook.tables.getItem("T");
      const f = t.autoFilter.load("isDataFiltered");
      const view = t.getDataBodyRange().getVisibleView().load("cellAddresses");
      await c.sync();
      expect(f.isDataFiltered).toBe(true);
      expect(view.cellAddresses.map((r) => r[0])).toEqual(["Sheet1!A2", "Sheet1!A4"]);
    });
  });
});

describe("table growth by Excel's rules", () => {
  it("a row whose first cell is blank does not grow the table; new rows inherit formats and the calculated formula", async () => {
    const x = new ExcelDouble();
    await withTable(x);
    await x.api.run(async (c: RequestContextDouble) => {
      const s = c.workbook.worksheets.getItem("Sheet1");
      s.getRange("C2:C4").numberFormat = [["@"], ["@"], ["@"]];
      s.getRange("C2:C4").dataValidation.rule = { list: { inCellDropDown: true, source: "张三,李四" } };
      c.workbook.tables.getItem("T").columns.add(null, undefined, "Len");
      await c.sync();
      s.getRange("D2:D4").formulas = [["=LEN($B2)"], ["=LEN($B3)"], ["=LEN($B4)"]];
      await c.sync();
      s.getRange("A5:C5").values = [["", "戊", "x"]];
      await c.sync();
    });
    expect(x.table("T").rect.r1).toBe(3);
    await x.api.run(async (c: RequestContextDouble) => {
      c.workbook.worksheets.getItem("Sheet1").getRange("A5:C5").values = [["K5", "戊", "x"]];
      await c.sync();
    });
    expect(x.table("T").rect.r1).toBe(4);
    expect(x.cell("Sheet1", "D5")?.f).toBe("=LEN($B5)");
    expect(x.cell("Sheet1", "C5")?.nf).toBe("@");
    expect(x.sheet("Sheet1").validations.find((v) => v.rect.c0 === 2)?.rect.r1).toBe(4);
  });
  it("a formula written before the table exists is not its calculated column", async () => {
    const x = new ExcelDouble();
    await x.api.run(async (c: RequestContextDouble) => {
      const s = c.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B2").values = [["ID", "Len"], ["K1", null]];
      s.getRange("B2").formulas = [["=LEN($A2)"]];
      s.tables.add("A1:B2", true).name = "T";
      await c.sync();
      s.getRange("A3").values = [["K2"]];
      await c.sync();
    });
    expect(x.table("T").rect.r1).toBe(2);
    expect(x.cell("Sheet1", "B3")?.f ?? null).toBeNull();
  });
});

describe("columns.add and whole columns", () => {
  it("columns.add shifts the cells right of the table within its rows; inserting whole columns and resizing does not", async () => {
    const x = new ExcelDouble();
    await withTable(x);
    x.userTypes("Sheet1", "E2", [["beside"]]);
    x.userTypes("Sheet1", "E6", [["below"]]);
    await x.api.run(async (c: RequestContextDouble) => { c.workbook.tables.getItem("T").columns.add(null, undefined, "New"); await c.sync(); });
    expect([x.cell("Sheet1", "F2")?.v, x.cell("Sheet1", "E6")?.v]).toEqual(["beside", "below"]);
    const y = new ExcelDouble();
    await withTable(y);
    y.userTypes("Sheet1", "E2", [["beside"]]);
    y.userTypes("Sheet1", "E6", [["below"]]);
    await y.api.run(async (c: RequestContextDouble) => {
      const s = c.workbook.worksheets.getItem("Sheet1");
      s.getRangeByIndexes(0, 3, 1, 1).getEntireColumn().insert("Right");
      s.getRange("D1").values = [["New"]];
      c.workbook.tables.getItem("T").resize("A1:D4");
      await c.sync();
    });
    expect([y.cell("Sheet1", "F2")?.v, y.cell("Sheet1", "F6")?.v]).toEqual(["beside", "below"]);
    expect(y.table("T").rect.c1).toBe(3);
  });
});

describe("list validation sources", () => {
  it("a list source naming an undefined name fails; a defined one or an address works", async () => {
    const x = new ExcelDouble();
    const rule = (source: string) => x.api.run(async (c: RequestContextDouble) => {
      c.workbook.worksheets.getItem("Sheet1").getRange("A2:A9").dataValidation.rule = { list: { inCellDropDown: true, source } };
      await c.sync();
    });
    expect(await code(rule("=CRM_List_Nope"))).toBe("InvalidArgument");
    expect(await code(rule("=Sheet1!$Z$1:$Z$3"))).toBe("no error");
    await x.api.run(async (c: RequestContextDouble) => { c.workbook.names.add("CRM_List_Nope", "=Sheet1!$Z$1:$Z$3"); await c.sync(); });
    expect(await code(rule("=CRM_List_Nope"))).toBe("no error");
  });
  it("deleting a sheet turns the names into it to #REF!", async () => {
    const x = new ExcelDouble();
    await x.api.run(async (c: RequestContextDouble) => {
      c.workbook.worksheets.add("客户信息");
      c.workbook.names.add("N", "='客户信息'!$A$2:INDEX('客户信息'!$A:$A,5)");
      await c.sync();
      c.workbook.worksheets.getItem("客户信息").delete();
      await c.sync();
    });
    expect(x.store.names.get("N")).toContain("#REF!");
  });
});

describe("a second client and the user", () => {
  it("slips a co-author's insert, delete and sort in between two syncs, with Remote events", async () => {
    const x = new ExcelDouble();
    await withTable(x);
    const seen: ChangedArgs[] = [];
    await x.api.run(async (c: RequestContextDouble) => { c.workbook.worksheets.getItem("Sheet1").onChanged.add((e) => { seen.push(e); }); await c.sync(); });
    let k = 0;
    x.betweenSyncs = () => { if (++k === 2) x.remoteInsertRows("Sheet1", 3, 1); };
    await x.api.run(async (c: RequestContextDouble) => {
      const r = c.workbook.worksheets.getItem("Sheet1").getRange("B3").load("values");
      await c.sync();
      expect(r.values).toEqual([["乙"]]);
      const again = c.workbook.worksheets.getItem("Sheet1").getRange("B3").load("values");
      await c.sync();
      expect(again.values).toEqual([[""]]);
    });
    expect(x.table("T").rect.r1).toBe(4);
    x.remoteDeleteRows("Sheet1", 3, 1);
    x.remoteSort("T", "ID", true);
    expect(x.grid("Sheet1", "A2:B4")).toEqual([["K3", "丙"], ["K2", "乙"], ["K1", "甲"]]);
    expect(seen.map((e) => e.source)).toEqual(["Remote", "Remote", "Remote"]);
  });
  it("while the user edits a cell, a batch fails with InvalidOperation unless the run asked to wait", async () => {
    const x = new ExcelDouble();
    x.cellEditing = true;
    const batch = async (c: RequestContextDouble) => { c.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]]; await c.sync(); };
    expect(await code(x.api.run(batch))).toBe("InvalidOperation");
    expect(await code(x.api.run({ delayForCellEdit: true }, batch))).toBe("no error");
    expect(x.delayedForCellEdit).toBe(1);
  });
  it("find on one cell searches the whole sheet; getSpecialCells fails when no cell matches", async () => {
    const x = new ExcelDouble();
    await withTable(x);
    await x.api.run(async (c: RequestContextDouble) => {
      const s = c.workbook.worksheets.getItem("Sheet1");
      const far = s.getRange("A2").find("K3", { completeMatch: true }).load("address");
      await c.sync();
      expect(far.address).toBe("Sheet1!A4");
    });
    const guard = (addr: string) => x.api.run(async (c: RequestContextDouble) => {
      c.workbook.worksheets.getItem("Sheet1").getRanges(addr).getSpecialCells("Blanks").load("address");
      await c.sync();
    });
    expect(await code(guard("A2,A1"))).toBe("ItemNotFound");
    expect(await code(guard("D2,A1"))).toBe("no error");
  });
});
