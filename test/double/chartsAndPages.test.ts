/**
 * The double's rules for what the dashboard does in Excel: charts, print setup, page breaks,
 * sheet names, multi-area addresses, named ranges and requirement sets. Each rule is Excel's,
 * from Microsoft's reference or an office-js issue named beside it.
 */
import { ExcelDouble, ADDRESS_LIMIT, ZOOM_MAX, ZOOM_MIN, type RequestContextDouble } from "./excelDouble";
import { apiSetOf, manifestSets } from "./apiSets";
import { failureCode as code } from "../support/doubleFailure";

async function run<T>(x: ExcelDouble, f: (context: RequestContextDouble) => Promise<T>): Promise<T> {
  return x.api.run(f);
}
const sheet1 = (c: RequestContextDouble) => c.workbook.worksheets.getItem("Sheet1");

describe("charts", () => {
  it("hold their type, series ranges, categories, title, legend, labels, axis order and position", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      const s = sheet1(context);
      const chart = s.charts.add("BarClustered", s.getRange("B2:B6"), "Columns");
      const series = chart.series.getItemAt(0);
      series.setXAxisValues(s.getRange("A2:A6"));
      series.name = "客户数";
      chart.title.text = "行业分布";
      chart.legend.visible = false;
      chart.dataLabels.showValue = true;
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.setPosition("F2", "N17");
      await context.sync();
    });
    expect(x.sheet("Sheet1").charts).toEqual([expect.objectContaining({
      type: "BarClustered", source: "Sheet1!B2:B6", title: { text: "行业分布", visible: true }, legend: { visible: false },
      dataLabels: { showValue: true }, categoryAxis: { reversePlotOrder: true }, position: { start: "F2", end: "N17" },
      series: [{ name: "客户数", values: "Sheet1!B2:B6", xValues: "Sheet1!A2:A6" }],
    })]);
  });

  it.each([["Invalid"], ["Doughnut3D"], ["pie"]])("refuse a type that is not an Excel.ChartType value (%s)", async (type) => {
    const x = new ExcelDouble();
    expect(await code(run(x, async (context) => {
      const s = sheet1(context);
      s.charts.add(type, s.getRange("A1:A3"), "Columns");
      await context.sync();
    }))).toBe("InvalidArgument");
    expect(x.sheet("Sheet1").charts).toEqual([]);
  });

  it("have only the series their source gives: a second series of a one-column chart is ItemNotFound", async () => {
    const x = new ExcelDouble();
    expect(await code(run(x, async (context) => {
      const s = sheet1(context);
      s.charts.add("Pie", s.getRange("A1:A3"), "Columns").series.getItemAt(1).name = "x";
      await context.sync();
    }))).toBe("ItemNotFound");
  });

  it("are placed on cells of their own sheet: a bad address or another sheet's cell is refused", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => { context.workbook.worksheets.add("Other"); await context.sync(); });
    const place = (start: string) => code(run(x, async (context) => {
      const s = sheet1(context);
      s.charts.add("Pie", s.getRange("A1:A3"), "Columns").setPosition(start, "H9");
      await context.sync();
    }));
    expect([await place("F0"), await place("Other!F2"), await place("nonsense"), await place("F2")]).toEqual(["InvalidArgument", "InvalidArgument", "InvalidArgument", "no error"]);
  });

  it("go with their sheet: a chart object of a deleted sheet is ItemNotFound, and others that plotted it show #REF!", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      const data = context.workbook.worksheets.add("Data");
      context.workbook.worksheets.add("View");
      data.charts.add("Pie", data.getRange("A1:A3"), "Columns");
      await context.sync();
    });
    expect(await code(run(x, async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      const view = context.workbook.worksheets.getItem("View");
      const own = data.charts.getItemAt(0);
      view.charts.add("ColumnClustered", data.getRange("B1:B3"), "Columns").series.getItemAt(0).setXAxisValues(data.getRange("A1:A3"));
      data.delete();
      own.title.text = "gone";
      await context.sync();
    }))).toBe("ItemNotFound");
    expect(x.store.sheetByName("Data")).toBeUndefined();
    expect(x.sheet("View").charts[0]?.series).toEqual([{ name: "Series1", values: "#REF!", xValues: "#REF!" }]);
  });

  it("follow a rename of the sheet they plot", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      const s = sheet1(context);
      s.charts.add("Pie", s.getRange("B1:B3"), "Columns").series.getItemAt(0).setXAxisValues(s.getRange("A1:A3"));
      s.name = "看板 旧";
      await context.sync();
    });
    expect(x.sheet("看板 旧").charts[0]?.series[0]).toEqual({ name: "Series1", values: "'看板 旧'!B1:B3", xValues: "'看板 旧'!A1:A3" });
  });
});

describe("page layout and page breaks", () => {
  it("landscape with a print scale, read back after sync", async () => {
    const x = new ExcelDouble();
    const got = await run(x, async (context) => {
      const p = sheet1(context).pageLayout;
      p.orientation = "Landscape";
      p.zoom = { scale: 64 };
      await context.sync();
      p.load("orientation,zoom");
      await context.sync();
      return [p.orientation, p.zoom];
    });
    expect(got).toEqual(["Landscape", { scale: 64 }]);
  });

  it.each([[ZOOM_MIN - 1, "InvalidArgument"], [ZOOM_MIN, "no error"], [ZOOM_MAX, "no error"], [ZOOM_MAX + 1, "InvalidArgument"]])("a print scale of %p: %s (10–400)", async (scale, expected) => {
    const x = new ExcelDouble();
    expect(await code(run(x, async (context) => {
      sheet1(context).pageLayout.zoom = { scale };
      await context.sync();
    }))).toBe(expected);
  });

  it("an orientation that is not Excel.PageOrientation is refused", async () => {
    const x = new ExcelDouble();
    expect(await code(run(x, async (context) => {
      sheet1(context).pageLayout.orientation = "Sideways";
      await context.sync();
    }))).toBe("InvalidArgument");
  });

  it("a break goes above the range's first row, once per row; another sheet's cell is refused", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      context.workbook.worksheets.add("Other");
      const b = sheet1(context).horizontalPageBreaks;
      b.add("A40");
      b.add("C20:D30");
      b.add("A40");
      await context.sync();
    });
    expect(x.sheet("Sheet1").rowBreaks).toEqual([19, 39]);
    expect(await code(run(x, async (context) => {
      sheet1(context).horizontalPageBreaks.add("Other!A5");
      await context.sync();
    }))).toBe("InvalidArgument");
  });
});

describe("sheet names", () => {
  it.each([
    ["a".repeat(32)], [""], ["Q1/Q2"], ["a\\b"], ["what?"], ["*"], ["[x]"], ["a:b"], ["'quoted"], ["quoted'"], ["History"], ["history"],
  ])("%j is refused on add and on rename", async (name) => {
    const x = new ExcelDouble();
    expect(await code(run(x, async (context) => { context.workbook.worksheets.add(name); await context.sync(); }))).toBe("InvalidArgument");
    expect(await code(run(x, async (context) => { sheet1(context).name = name; await context.sync(); }))).toBe("InvalidArgument");
    expect(x.store.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it.each([["a".repeat(31)], ["看板!旧"], ["it's"], ["History 2"]])("%j is a valid name", async (name) => {
    const x = new ExcelDouble();
    expect(await code(run(x, async (context) => { context.workbook.worksheets.add(name); await context.sync(); }))).toBe("no error");
  });

  it("are unique without case: adding or renaming to a taken name is ItemAlreadyExists", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => { context.workbook.worksheets.add("Dashboard"); await context.sync(); });
    expect(await code(run(x, async (context) => { context.workbook.worksheets.add("DASHBOARD"); await context.sync(); }))).toBe("ItemAlreadyExists");
    expect(await code(run(x, async (context) => { sheet1(context).name = "dashboard"; await context.sync(); }))).toBe("ItemAlreadyExists");
    expect(x.store.sheets.map((s) => s.name)).toEqual(["Sheet1", "Dashboard"]);
  });

  it("a sheet moves to a position among the others; a position past the end is refused", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      context.workbook.worksheets.add("B");
      context.workbook.worksheets.add("C").position = 0;
      await context.sync();
    });
    expect(x.store.sheets.map((s) => s.name)).toEqual(["C", "Sheet1", "B"]);
    expect(await code(run(x, async (context) => { sheet1(context).position = 3; await context.sync(); }))).toBe("InvalidArgument");
  });
});

describe("multi-area addresses (getRanges)", () => {
  it("format every area in one action", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      const a = sheet1(context).getRanges("A1:A3,C2");
      a.format.font.bold = true;
      a.format.font.size = 18;
      a.format.horizontalAlignment = "Center";
      a.format.shrinkToFit = true;
      await context.sync();
    });
    for (const ref of ["A1", "A3", "C2"]) expect([ref, x.cell("Sheet1", ref)]).toEqual([ref, expect.objectContaining({ bold: true, size: 18, halign: "Center", shrink: true })]);
    expect(x.cell("Sheet1", "B1")).toBeUndefined();
  });

  it("past 8,192 characters the address is cut: areas after the cut are dropped, an area cut short fails", async () => {
    const x = new ExcelDouble();
    const head = "A1:B1,".repeat(1365); // 8,190 characters
    // Cut after "C5": the last area is dropped without a word.
    const dropped = `${head}C5,D6:D7`;
    expect(dropped.length).toBeGreaterThan(ADDRESS_LIMIT);
    const count = await run(x, async (context) => {
      const a = sheet1(context).getRanges(dropped);
      a.format.font.bold = true;
      a.load("areaCount");
      await context.sync();
      return a.areaCount;
    });
    expect(count).toBe(1366);
    expect(x.cell("Sheet1", "C5")?.bold).toBe(true);
    expect(x.cell("Sheet1", "D6")).toBeUndefined();
    // Cut after "A1:": the last area no longer parses.
    const cutShort = `${"A1:B1,".repeat(1364)}A100,A1:B9`;
    expect(cutShort.slice(0, ADDRESS_LIMIT).endsWith("A1:")).toBe(true);
    expect(await code(run(x, async (context) => {
      sheet1(context).getRanges(cutShort).format.font.bold = true;
      await context.sync();
    }))).toBe("InvalidArgument");
  });

  it("an area on another sheet is refused", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => { context.workbook.worksheets.add("Other"); await context.sync(); });
    expect(await code(run(x, async (context) => { sheet1(context).getRanges("A1,Other!B2").format.font.bold = true; await context.sync(); }))).toBe("InvalidArgument");
  });

  it.each([["size", 0], ["size", 410]] as const)("a font %s of %p is refused (1–409)", async (_p, size) => {
    const x = new ExcelDouble();
    expect(await code(run(x, async (context) => { sheet1(context).getRange("A1").format.font.size = size; await context.sync(); }))).toBe("InvalidArgument");
  });
});

describe("named ranges", () => {
  it("a hidden name reads back its range; once its sheet is deleted the name reads #REF! and its range is a null object", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      const s = context.workbook.worksheets.add("看板");
      context.workbook.names.add("CRM_Dashboard", s.getRange("A1")).visible = false;
      await context.sync();
    });
    expect(x.store.hiddenNames.has("crm_dashboard")).toBe(true);
    const address = await run(x, async (context) => {
      const r = context.workbook.names.getItemOrNullObject("CRM_Dashboard").getRangeOrNullObject();
      r.load("address");
      await context.sync();
      return r.isNullObject ? null : r.address;
    });
    expect(address).toBe("看板!A1");
    await run(x, async (context) => { context.workbook.worksheets.getItem("看板").delete(); await context.sync(); });
    expect(x.store.names.get("CRM_Dashboard")).toBe("=#REF!");
    const gone = await run(x, async (context) => {
      const n = context.workbook.names.getItemOrNullObject("CRM_Dashboard");
      const r = n.getRangeOrNullObject();
      await context.sync();
      return [n.isNullObject, r.isNullObject];
    });
    expect(gone).toEqual([false, true]);
  });
});

describe("renames and loads the dashboard relies on", () => {
  it("a name pointing into a sheet follows its rename, quoted as Excel quotes it", async () => {
    const x = new ExcelDouble();
    await run(x, async (context) => {
      context.workbook.names.add("CRM_Dashboard", sheet1(context).getRange("A1"));
      sheet1(context).name = "看板!五月";
      await context.sync();
    });
    expect(x.store.names.get("CRM_Dashboard")).toBe("='看板!五月'!$A$1");
  });

  it("load(\"items/name,items/position\") gives every sheet both properties", async () => {
    const x = new ExcelDouble();
    const got = await run(x, async (context) => {
      context.workbook.worksheets.add("B");
      const ws = context.workbook.worksheets;
      ws.load("items/name,items/position");
      await context.sync();
      return ws.items.map((w) => [w.name, w.position]);
    });
    expect(got).toEqual([["Sheet1", 0], ["B", 1]]);
  });
});

describe("requirement sets", () => {
  it("the typings give each member its set", () => {
    expect(apiSetOf("PageLayout", "zoom")).toEqual({ set: "ExcelApi", version: 1009 });
    expect(apiSetOf("ChartSeries", "setXAxisValues")).toEqual({ set: "ExcelApi", version: 1007 });
    expect(apiSetOf("Range", "valuesAsJson")).toEqual({ set: "ExcelApi", version: 1016 });
    expect(apiSetOf("Worksheet", "load")).toBeNull();
  });

  it("by default the host is the manifest's MinVersion", () => {
    expect(new ExcelDouble().host).toEqual(manifestSets());
  });

  it("a call above the host's version fails at sync with ApiNotFound; what came before it in the batch is applied", async () => {
    const x = new ExcelDouble({ apiSets: { ExcelApi: "1.8" } });
    let error: unknown;
    try {
      await run(x, async (context) => {
        const s = sheet1(context);
        s.getRange("A1").values = [[1]];
        s.pageLayout.orientation = "Landscape"; // ExcelApi 1.9
        s.getRange("A2").values = [[2]];
        await context.sync();
      });
    } catch (e) { error = e; }
    expect(error).toMatchObject({ code: "ApiNotFound", message: expect.stringContaining("ExcelApi 1.9") });
    expect(x.cell("Sheet1", "A1")?.v).toBe(1);
    expect(x.cell("Sheet1", "A2")).toBeUndefined();
    expect(x.sheet("Sheet1").pageLayout.orientation).toBe("Portrait");
  });

  it("the same batch runs on a host that has the set", async () => {
    const x = new ExcelDouble({ apiSets: { ExcelApi: "1.9" } });
    await run(x, async (context) => {
      sheet1(context).pageLayout.orientation = "Landscape";
      await context.sync();
    });
    expect(x.sheet("Sheet1").pageLayout.orientation).toBe("Landscape");
  });

  it("loads are checked too, and a platform-only set fails unless the host lists it", async () => {
    const old = new ExcelDouble({ apiSets: { ExcelApi: "1.3" } });
    expect(await code(run(old, async (context) => {
      const r = sheet1(context).getRanges("A1,B2"); // ExcelApi 1.9
      r.load("address");
      await context.sync();
    }))).toBe("ApiNotFound");
    const oldRange = new ExcelDouble({ apiSets: { ExcelApi: "1.1" } });
    expect(await code(run(oldRange, async (context) => {
      sheet1(context).getRangeByIndexes(0, 0, 1, 1).load("values"); // getRangeByIndexes: ExcelApi 1.7
      await context.sync();
    }))).toBe("ApiNotFound");
  });
});
