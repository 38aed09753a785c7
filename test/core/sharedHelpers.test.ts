import { anyOf, formulaString } from "../../src/core/_lib/formulaText";
import { stageLabels } from "../../src/core/template/lists";
import { cellRef, columnLetter, columnNumber, parseCellRef } from "../../src/core/_lib/a1";
import { fromYmd, localDateTimeSerial, toUtcDate, yearMonth, parseTypedDay, parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { lastGradedRow, metaKeyOf, templateVersion, workbookLang } from "../../src/core/rules/metaRows";
import { extraColumnKey, isExtraColumn, withExtraColumns } from "../../src/core/model/workbookModel";
import { rulesRows } from "../../src/core/template/rulesSheet";
import { LANGS } from "../../src/core/i18n/lang";
import { META_ROWS } from "../../src/core/rules/ruleDefs";
import { TEMPLATE_VERSION } from "../../src/core/template/sheets";

const ymd = (y: number, m: number, d: number) => fromYmd(y, m, d) as DayNumber;

describe("A1 references", () => {
  it("letters and numbers are inverse over Excel's whole width", () => {
    const wrong: number[] = [];
    for (let n = 1; n <= 16384; n++) if (columnNumber(columnLetter(n)) !== n) wrong.push(n);
    expect(wrong).toEqual([]);
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(702), columnLetter(703), columnLetter(16384)]).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });
  it("reads the column of a whole reference and parses cells with sheet and $", () => {
    expect([columnNumber("AB12"), columnNumber("$C$3")]).toEqual([28, 3]);
    expect(parseCellRef("'客户信息'!$B$7")).toEqual({ col: 2, row: 7 });
    expect(parseCellRef("AB12")).toEqual({ col: 28, row: 12 });
    expect([parseCellRef("A1:B2"), parseCellRef("12"), parseCellRef("a1")]).toEqual([null, null, null]);
    expect(cellRef(28, 12)).toBe("AB12");
  });
});

describe("calendar helpers", () => {
  it("a day as a UTC midnight Date, a local moment as a serial, a month as customer IDs write it", () => {
    expect(toUtcDate(ymd(2026, 5, 1)).toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(localDateTimeSerial(new Date(2026, 4, 1, 12))).toBe(ymd(2026, 5, 1) + 0.5);
    expect(yearMonth(ymd(2026, 5, 20))).toBe("202605");
  });
  it("typed days: the forms people write, nothing looser", () => {
    for (const t of ["2026-05-20", "2026/5/20", "2026.5.20", "2026年5月20日", " 2026-5-20 "])
      expect([t, parseTypedDay(t)]).toEqual([t, parseIsoDay("2026-05-20")]);
    for (const t of ["46162", "2026-02-30", "20260520", "2026-05-20 10:00", "someday"]) expect([t, parseTypedDay(t)]).toEqual([t, null]);
  });
});

describe("Rules meta rows", () => {
  it.each(LANGS)("%s: language, version and the last-graded row are found on a fresh template", (lang) => {
    const rows = rulesRows(lang, null).map((r, i) => ({
      label: r[0]?.kind === "text" ? r[0].text : "",
      value: r[1]?.kind === "text" ? r[1].text : r[1]?.kind === "number" ? r[1].value : null,
      row: i + 2,
    }));
    expect(workbookLang(rows, [])).toBe(lang);
    expect(templateVersion(rows)).toBe(TEMPLATE_VERSION);
    expect(lastGradedRow(rows)).toBe(4);
  });
  it("labels match in either language, forgiving spacing and case; a rule is not a meta row", () => {
    expect(metaKeyOf(META_ROWS.lastGraded["zh-CN"])).toBe("lastGraded");
    expect(metaKeyOf(" workbook LANGUAGE ")).toBe("language");
    expect(metaKeyOf("沉睡天数")).toBeNull();
  });
  it("without a language row, the sheet names decide", () => {
    expect(workbookLang([], ["Customers", "Rules"])).toBe("en-US");
    expect(workbookLang([], ["客户信息"])).toBe("zh-CN");
    expect(workbookLang([{ label: "Workbook language", value: 3, row: 2 }], ["Customers"])).toBe("en-US");
    expect(templateVersion([{ label: "模板版本", value: "1", row: 3 }])).toBeNull();
    expect(lastGradedRow([])).toBeNull();
  });
});

describe("the user's extra columns", () => {
  it("are keyed by position, ours kept by name", () => {
    expect(withExtraColumns(["名称", "我的备注", "", "Mine"], { name: 0 })).toEqual({ name: 0, "extra:1": 1, "extra:2": 2, "extra:3": 3 });
    expect([isExtraColumn(extraColumnKey(7)), isExtraColumn("name")]).toEqual([true, false]);
  });
});

describe("formula text shared by the status, countdown and dashboard formulas", () => {
  it("quotes a label by doubling its quotes, so a stage called 'say \"hi\"' cannot end the string", () => {
    expect(formulaString('say "hi"')).toBe('"say ""hi"""');
    expect(anyOf("$A2", ["输单", 'x"y'])).toBe('OR($A2="输单",$A2="x""y")');
  });
  it("a stage is recognised in every language", () => {
    expect(stageLabels(["lost", "won"])).toEqual(["输单", "Lost", "已成交", "Won"]);
  });
});
