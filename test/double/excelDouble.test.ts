import { ExcelDouble, WEB_LIMITS, parseTyped, type RequestContextDouble, type ChangedArgs } from "./excelDouble";
import * as D from "./excelDouble";
import { DOUBLE_API } from "./api";
import { failureCode as code } from "../support/doubleFailure";

async function run<T>(x: ExcelDouble, f: (context: RequestContextDouble) => Promise<T>): Promise<T> {
  return x.api.run(f);
}

describe("the strict Excel double", () => {
  it("implements every member it claims from @types/office-js", () => {
    const x = new ExcelDouble();
    const classes: Record<string, unknown> = {
      RequestContext: D.RequestContextDouble, Workbook: D.WorkbookDouble, Application: D.ApplicationDouble,
      WorksheetCollection: D.WorksheetCollectionDouble, Worksheet: D.WorksheetDouble, WorksheetProtection: D.WorksheetProtectionDouble,
      WorksheetFreezePanes: D.FreezePanesDouble, Range: D.RangeDouble, RangeFormat: D.RangeFormatDouble, RangeFill: D.RangeFillDouble,
      RangeFont: D.RangeFontDouble, FormatProtection: D.RangeFormatProtectionDouble, DataValidation: D.DataValidationDouble,
      ConditionalFormatCollection: D.ConditionalFormatCollectionDouble, ConditionalFormat: D.ConditionalFormatDouble,
      TableCollection: D.TableCollectionDouble, Table: D.TableDouble, TableRowCollection: D.TableRowCollectionDouble,
      TableColumnCollection: D.TableColumnCollectionDouble, TableColumn: D.TableColumnDouble, NamedItemCollection: D.NamedItemCollectionDouble,
      NamedItem: D.NamedItemDouble, SettingCollection: D.SettingCollectionDouble, Setting: D.SettingDouble, ChartCollection: D.ChartCollectionDouble,
      AutoFilter: D.AutoFilterDouble, RangeView: D.RangeViewDouble, RangeAreas: D.RangeAreasDouble,
      Chart: D.ChartDouble, ChartTitle: D.ChartTitleDouble, ChartLegend: D.ChartLegendDouble, ChartDataLabels: D.ChartDataLabelsDouble,
      ChartAxes: D.ChartAxesDouble, ChartAxis: D.ChartAxisDouble, ChartSeriesCollection: D.ChartSeriesCollectionDouble, ChartSeries: D.ChartSeriesDouble,
      PageLayout: D.PageLayoutDouble, PageBreakCollection: D.PageBreakCollectionDouble,
    };
    // Instance fields (format, rows …) are checked on a live object; prototype members on the class.
    const ctx = new D.RequestContextDouble(x);
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const chart = ws.charts.add("Pie", ws.getRange("A1"), "Columns");
    const live: Record<string, object> = { RequestContext: ctx, Workbook: ctx.workbook, Worksheet: ws, Range: ws.getRange("A1"), Table: ws.tables.getItem("T"), RangeFormat: ws.getRange("A1").format, ConditionalFormat: ws.getRange("A1").conditionalFormats.add("Custom"), Chart: chart, ChartAxes: chart.axes };
    for (const [name, list] of Object.entries(DOUBLE_API)) {
      const cls = classes[name] as { prototype: object };
      for (const m of list as readonly string[]) {
        const has = m in cls.prototype || (live[name] !== undefined && m in (live[name] as object));
        expect([name, m, has]).toEqual([name, m, true]);
      }
    }
  });

  it("queues writes until sync", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[42]];
      expect(x.cell("Sheet1", "A1")).toBeUndefined();
      await context.sync();
      expect(x.cell("Sheet1", "A1")?.v).toBe(42);
    });
    expect(x.syncCount).toBe(1);
  });

  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(r.values).toEqual([["", ""], ["", ""]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("refuses a values array of the wrong shape with InvalidArgument", async () => {
    const x = new ExcelDouble();
    expect(await code(run(x, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
      await context.sync();
    }))).toBe("InvalidArgument");
  });

  describe("parses strings as typing does, unless the cell is Text", () => {
    it.each([
      ["=1+1", null, "=1+1"], ["+cmd", "#NAME?", "=+cmd"], ["-2+3", "#NAME?", "=-2+3"], ["@SUM(A1)", "#NAME?", "=SUM(A1)"],
      ["13800138000", 13800138000, null], ["1,234.5", 1234.5, null], ["2026-05-01", 46143, null], ["TRUE", true, null], ["hello", "hello", null],
    ])("General: %p → value %p, formula %p", (s, v, f) => {
      const p = parseTyped(s, "General");
      expect([p.v, p.f]).toEqual([v, f]);
    });
    it("keeps text when numberFormat @ is set first in the same batch", async () => {
      const x = new ExcelDouble();
      await run(x, async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
        r.numberFormat = [["@", "@", "@"]];
        r.values = [["=cmd|' /C calc'!A0", "13800138000", "2026-05-01"]];
        await context.sync();
      });
      expect(x.grid("Sheet1", "A1:C1")).toEqual([["=cmd|' /C calc'!A0", "13800138000", "2026-05-01"]]);
      expect(x.cell("Sheet1", "A1")?.f).toBeNull();
    });
    it("turns the same strings into a formula, a number and a date without it", async () => {
      const x = new ExcelDouble();
      await run(x, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [["=cmd|' /C calc'!A0", "13800138000", "2026-05-01"]];
        await context.sync();
      });
      expect(x.cell("Sheet1", "A1")?.f).toBe("=cmd|' /C calc'!A0");
      expect(x.cell("Sheet1", "B1")?.v).toBe(13800138000);
      expect(x.cell("Sheet1", "C1")).toMatchObject({ v: 46143, nf: "yyyy-mm-dd" });
    });
  });

  describe("worksheets", () => {
    it("adds, finds, hides and deletes", async () => {
      const x = new ExcelDouble();
      await run(x, async (context) => {
        const ws = context.workbook.worksheets;
        ws.add("客户信息");
        const missing = ws.getItemOrNullObject("Nope");
        const found = ws.getItemOrNullObject("客户信息");
        expect(() => missing.isNullObject).toThrow();
        await context.sync();
        expect([missing.isNullObject, found.isNullObject]).toEqual([true, false]);
        found.visibility = "Hidden";
        await context.sync();
      });
      expect(x.sheet("客户信息").visibility).toBe("Hidden");
      // The last visible sheet can be neither hidden nor deleted.
      expect(await code(run(x, async (context) => { context.workbook.worksheets.getItem("Sheet1").delete(); await context.sync(); }))).toBe("InvalidOperation");
      expect(await code(run(x, async (context) => { context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden"; await context.sync(); }))).toBe("InvalidOperation");
      await run(x, async (context) => {
        context.workbook.worksheets.getItem("客户信息").visibility = "Visible";
        context.workbook.worksheets.getItem("Sheet1").delete();
        await context.sync();
      });
      expect(x.store.sheets.map((s) => s.name)).toEqual(["客户信息"]);
      expect(await code(run(x, async (context) => { context.workbook.worksheets.add("客户信息"); await context.sync(); }))).toBe("ItemAlreadyExists");
      expect(await code(run(x, async (context) => { context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]]; await context.sync(); }))).toBe("ItemNotFound");
    });
    it("throws on writes into locked cells of a protected sheet, and on protecting twice", async () => {
      const x = new ExcelDouble();
      await run(x, async (context) => {
        const s = context.workbook.worksheets.getItem("Sheet1");
        s.getRange("B1").format.protection.locked = false;
        s.protection.protect();
        await context.sync();
        s.getRange("B1").values = [["ok"]];
        await context.sync();
      });
      expect(x.cell("Sheet1", "B1")?.v).toBe("ok");
      expect(await code(run(x, async (context) => { context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]]; await context.sync(); }))).toBe("AccessDenied");
      expect(await code(run(x, async (context) => { context.workbook.worksheets.getItem("Sheet1").protection.protect(); await context.sync(); }))).toBe("InvalidOperation");
    });
  });

  describe("ranges", () => {
    it("getRowsBelow, getResizedRange and getUsedRange resolve as Excel does", async () => {
      const x = new ExcelDouble();
      x.userTypes("Sheet1", "B2", [["a", "b"], ["c", "d"]]);
      await run(x, async (context) => {
        const s = context.workbook.worksheets.getItem("Sheet1");
        const used = s.getUsedRange(true).load("address");
        const below = s.getRange("B2:C3").getRowsBelow(1).load("address");
        const resized = s.getRange("B2").getResizedRange(2, 1).load("address");
        const empty = context.workbook.worksheets.add("Empty").getUsedRangeOrNullObject(true);
        await context.sync();
        expect([used.address, below.address, resized.address, empty.isNullObject]).toEqual(["Sheet1!B2:C3", "Sheet1!B4:C4", "Sheet1!B2:C4", true]);
      });
    });
  });

  describe("tables", () => {
    async function makeTable(x: ExcelDouble) {
      await run(x, async (context) => {
        const s = context.workbook.worksheets.getItem("Sheet1");
        s.getRange("A1:B2").values = [["ID", "Name"], ["1", "a"]];
        const t = s.tables.add("A1:B2", true);
        t.name = "T";
        await context.sync();
      });
    }
    it("expands when a row is written directly below, and reports header and body", async () => {
      const x = new ExcelDouble();
      await makeTable(x);
      await run(x, async (context) => {
        const t = context.workbook.tables.getItem("T");
        t.getDataBodyRange().getRowsBelow(1).values = [["2", "b"]];
        const body = t.getDataBodyRange().load("address");
        const head = t.getHeaderRowRange().load("values");
        const n = t.rows.getCount();
        await context.sync();
        expect([body.address, head.values, n.value]).toEqual(["Sheet1!A2:B3", [["ID", "Name"]], 2]);
      });
    });
    it("does not expand when AutoCorrect's option is off", async () => {
      const x = new ExcelDouble({ autoExpandTables: false });
      await makeTable(x);
      await run(x, async (context) => {
        context.workbook.tables.getItem("T").getDataBodyRange().getRowsBelow(1).values = [["2", "b"]];
        await context.sync();
      });
      expect(x.table("T").rect.r1).toBe(1);
    });
    it("rows.add inserts, and a shown totals row sits below the body", async () => {
      const x = new ExcelDouble();
      await makeTable(x);
      await run(x, async (context) => {
        const t = context.workbook.tables.getItem("T");
        t.showTotals = true;
        t.rows.add(null, [["3", "c"]]);
        const total = t.getTotalRowRange().load("address");
        const cols = t.columns.load("items/name");
        await context.sync();
        expect(total.address).toBe("Sheet1!A4:B4");
        expect(cols.items.map((c) => c.name)).toEqual(["ID", "Name"]);
      });
      expect(x.rowsAddCalls).toBe(1);
    });
    it("adds a column at the end with its header", async () => {
      const x = new ExcelDouble();
      await makeTable(x);
      await run(x, async (context) => {
        context.workbook.tables.getItem("T").columns.add(null, undefined, "Grade");
        await context.sync();
      });
      expect(x.grid("Sheet1", "A1:C1")).toEqual([["ID", "Name", "Grade"]]);
    });
  });

  it("names: add, read back, refuse duplicates", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      context.workbook.names.add("CRM_DormantDays", "='Sheet1'!$B$2");
      const n = context.workbook.names.getItemOrNullObject("crm_dormantdays").load("formula");
      await context.sync();
      expect(n.formula).toBe("='Sheet1'!$B$2");
    });
    expect(await code(run(x, async (context) => { context.workbook.names.add("CRM_DormantDays", "=1"); await context.sync(); }))).toBe("ItemAlreadyExists");
  });

  describe("data validation", () => {
    it("stores list, date, decimal and custom rules with prompts and alerts, and clears them", async () => {
      const x = new ExcelDouble();
      await run(x, async (context) => {
        const s = context.workbook.worksheets.getItem("Sheet1");
        context.workbook.names.add("CRM_List_Stage", "=Sheet1!$Z$1:$Z$3");
        const a = s.getRange("A2:A1048576").dataValidation;
        a.rule = { list: { inCellDropDown: true, source: "=CRM_List_Stage" } };
        a.prompt = { showPrompt: true, title: "当前阶段", message: "从下拉列表选择" };
        a.errorAlert = { showAlert: true, style: "Stop", title: "当前阶段", message: "请从下拉列表中选择阶段。" };
        s.getRange("B2:B9").dataValidation.rule = { date: { formula1: 36526, formula2: 73050, operator: "Between" } };
        s.getRange("C2:C9").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
        s.getRange("D2:D9").dataValidation.rule = { custom: { formula: "=COUNTIF($D:$D,D2)=1" } };
        await context.sync();
        s.getRange("C2:C9").dataValidation.clear();
        const back = s.getRange("A5").dataValidation.load("rule,prompt");
        await context.sync();
        expect(back.rule).toEqual({ list: { inCellDropDown: true, source: "=CRM_List_Stage" } });
        expect(back.prompt.title).toBe("当前阶段");
      });
      expect(x.sheet("Sheet1").validations.map((v) => Object.keys(v.rule)[0])).toEqual(["list", "date", "custom"]);
    });
    it.each([
      ["a 33-character prompt title", { prompt: { title: "x".repeat(33), message: "" } }],
      ["a 256-character prompt", { prompt: { title: "t", message: "x".repeat(256) } }],
      ["a 225-character error message", { errorAlert: { title: "t", message: "x".repeat(225), style: "Stop", showAlert: true } }],
      ["a structured reference in a custom rule", { rule: { custom: { formula: "=COUNTIF(T[ID],A2)=1" } } }],
      ["a structured reference in a list source", { rule: { list: { source: "=T[Name]" } } }],
      ["a 256-character inline list", { rule: { list: { source: "a,".repeat(128) } } }],
    ])("refuses %s with InvalidArgument", async (_what, set) => {
      const x = new ExcelDouble();
      expect(await code(run(x, async (context) => {
        Object.assign(context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation, set);
        await context.sync();
      }))).toBe("InvalidArgument");
    });
  });

  it("conditional formats: custom formula with fill, structured references refused, clearAll", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A2:D100");
      const cf = r.conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=AND($D2<>\"\",$D2<TODAY())";
      cf.custom.format.fill.color = "#FFC7CE";
      const n = r.conditionalFormats.getCount();
      await context.sync();
      expect(n.value).toBe(1);
    });
    expect(x.sheet("Sheet1").conditionalFormats[0]).toMatchObject({ formula: "=AND($D2<>\"\",$D2<TODAY())", fill: "#FFC7CE" });
    expect(await code(run(x, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A2:A9").conditionalFormats.add("Custom").custom.rule.formula = "=T[@Due]<TODAY()";
      await context.sync();
    }))).toBe("InvalidArgument");
    await run(x, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A:D").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(x.sheet("Sheet1").conditionalFormats).toEqual([]);
  });

  it("records charts and refuses seriesBy Auto", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.charts.add("ColumnClustered", s.getRange("A1:B5"), "Columns");
      await context.sync();
    });
    expect(x.sheet("Sheet1").charts).toEqual([expect.objectContaining({
      type: "ColumnClustered", source: "Sheet1!A1:B5", seriesBy: "Columns",
      // One series per column of the source, as seriesBy Columns plots it.
      series: [{ name: "Series1", values: "Sheet1!A1:A5", xValues: null }, { name: "Series2", values: "Sheet1!B1:B5", xValues: null }],
    })]);
    expect(await code(run(x, async (context) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.charts.add("Pie", s.getRange("A1:B5"), "Auto");
      await context.sync();
    }))).toBe("InvalidArgument");
  });

  it("settings: add and read back after sync", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      context.workbook.settings.add("lang", "zh-CN");
      const s = context.workbook.settings.getItemOrNullObject("lang").load("value");
      await context.sync();
      expect(s.value).toBe("zh-CN");
    });
  });

  it("fires onChanged with triggerSource: ThisLocalAddin for our writes, Unknown for a person's", async () => {
    const x = new ExcelDouble();
    const seen: ChangedArgs[] = [];
    await run(x, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").onChanged.add((e) => { seen.push(e); });
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    x.userTypes("Sheet1", "B2", [["typed"]]);
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([["A1", "ThisLocalAddin"], ["B2", "Unknown"]]);
  });

  it("fires onSelectionChanged when a person selects", async () => {
    const x = new ExcelDouble();
    const seen: string[] = [];
    await run(x, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").onSelectionChanged.add((e) => { seen.push(e.address); });
      await context.sync();
    });
    x.userSelects("Sheet1", "C7");
    expect(seen).toEqual(["C7"]);
  });

  describe("counters and Excel on the web's limits", () => {
    it("counts syncs and request and response bytes per sync", async () => {
      const x = new ExcelDouble();
      await run(x, async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A1000");
        r.values = Array.from({ length: 1000 }, (_, i) => [`row ${i}`]);
        await context.sync();
        r.load("values");
        await context.sync();
      });
      expect(x.syncCount).toBe(2);
      expect(x.syncs[0]?.requestBytes).toBeGreaterThan(8000);
      expect(x.syncs[1]?.responseBytes).toBeGreaterThan(8000);
    });
    it("fails a request over 5 MB with RequestPayloadSizeLimitExceeded", async () => {
      const x = new ExcelDouble({ limits: WEB_LIMITS });
      expect(await code(run(x, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A60000").values = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
        await context.sync();
      }))).toBe("RequestPayloadSizeLimitExceeded");
      expect(x.cell("Sheet1", "A1")).toBeUndefined();
    });
    it("fails a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
      const x = new ExcelDouble({ limits: WEB_LIMITS });
      x.sheet("Sheet1").ensure(0, 0).v = "y".repeat(100);
      for (let r = 0; r < 60000; r++) x.sheet("Sheet1").ensure(r, 0).v = "y".repeat(100);
      expect(await code(run(x, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A60000").load("values");
        await context.sync();
      }))).toBe("ResponsePayloadSizeLimitExceeded");
    });
    it("fails a read of more than 5 million cells", async () => {
      const x = new ExcelDouble({ limits: WEB_LIMITS });
      expect(await code(run(x, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1000000").load("values");
        await context.sync();
      }))).toBe("ResponsePayloadSizeLimitExceeded");
    });
  });
});

describe("formulas and Text cells", () => {
  it("stores a formula written into a Text-formatted cell as literal text, as Excel does", async () => {
    const x = new ExcelDouble();
    await x.api.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.numberFormat = [["@", "General"]];
      r.formulas = [["=1+1", "=1+1"]];
      await context.sync();
    });
    expect([x.cell("Sheet1", "A1")?.f, x.cell("Sheet1", "A1")?.v]).toEqual([null, "=1+1"]);
    expect(x.cell("Sheet1", "B1")?.f).toBe("=1+1");
  });
});
