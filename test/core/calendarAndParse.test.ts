import fc from "fast-check";
import { fromYmd, formatIso, weekday, parseIsoDay, toYmd, fromLocalDate } from "../../src/core/_lib/calendar";
import { parseAmount, parseDate, parseTags, parseText } from "../../src/core/model/parse";
import { matchHeaders, normalizeLabel } from "../../src/core/model/headers";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { day } from "../support/builders";

describe("calendar", () => {
  it("numbers days as Excel's 1900 system does", () => {
    expect(fromYmd(2026, 5, 1)).toBe(46143);
    expect(fromYmd(1900, 3, 1)).toBe(61);
    expect(formatIso(46143 as never)).toBe("2026-05-01");
  });
  it.each([[2026, 2, 29], [2026, 4, 31], [2026, 13, 1], [1899, 12, 31], [2026, 0, 1]])("rejects %s-%s-%s", (y, m, d) => {
    expect(fromYmd(y, m, d)).toBeNull();
  });
  it.each([["2026-05-01", 5], ["2026-05-02", 6], ["2026-05-03", 0], ["2026-05-04", 1]])("%s is weekday %s", (iso, w) => {
    expect(weekday(day(iso))).toBe(w);
  });
  it("round-trips every day of two centuries", () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: 73050 }), (n) => {
      const { year, month, day: d } = toYmd(n as never);
      expect(fromYmd(year, month, d)).toBe(n);
    }));
  });
  it("takes a JS Date's local calendar day, whatever the time zone", () => {
    expect(fromLocalDate(new Date(2026, 4, 1, 23, 30))).toBe(46143);
    expect(fromLocalDate(new Date(2026, 4, 1, 0, 0))).toBe(46143);
  });
});

describe("parseDate", () => {
  it.each([
    [46143, 46143],
    [46143.75, 46143],
    ["2026-05-01", 46143],
    ["2026/5/1", 46143],
    ["2026年5月1日", 46143],
    ["2026.5.1", 46143],
    ["２０２６－０５－０１", 46143],
    [" 2026-05-01 ", 46143],
    ["2026-05-01 14:30", 46143],
    ["46143", 46143],
  ])("reads %p", (raw, expected) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: expected });
  });
  it.each([["2026-02-30"], ["明天"], ["5/1"], [true], [{ error: "#N/A" }], [-5], [3e6]])("refuses %p as unreadable, not blank", (raw) => {
    expect(parseDate(raw as never)).toEqual({ ok: false, blank: false });
  });
  it.each([[null], [""], ["   "]])("treats %p as blank", (raw) => {
    expect(parseDate(raw)).toEqual({ ok: false, blank: true });
  });
  it("reads JS Dates by their local day", () => {
    expect(parseDate(new Date(2026, 4, 1, 23, 30))).toEqual({ ok: true, value: 46143 });
  });
});

describe("parseAmount", () => {
  it.each([
    [500000, 500000], ["500,000", 500000], ["￥500,000", 500000], ["¥500000", 500000], ["50万", 500000],
    ["1.2亿", 120000000], ["500000元", 500000], ["0.5万", 5000], ["RMB 1,000", 1000], ["-3000", -3000], ["５０万", 500000],
  ])("reads %p as %p", (raw, expected) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value: expected });
  });
  it.each([["五十万"], ["abc"], ["1.2.3"], [true], [{ error: "#VALUE!" }], [Number.NaN]])("refuses %p", (raw) => {
    expect(parseAmount(raw as never).ok).toBe(false);
  });
});

describe("tags and text", () => {
  it("splits on every separator the seeds use", () => {
    expect(parseTags("高意向, 价格敏感型，技术优先型、老客户;VIP；")).toEqual(["高意向", "价格敏感型", "技术优先型", "老客户", "VIP"]);
  });
  it("trims owner names", () => {
    expect(parseText("张三 ")).toBe("张三");
    expect(parseText(null)).toBe("");
  });
});

describe("parsers never throw", () => {
  const anyCell = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.record({ error: fc.string() }));
  it("on arbitrary input", () => {
    fc.assert(fc.property(anyCell, (v) => {
      parseDate(v);
      parseAmount(v);
      parseTags(v);
      parseText(v);
      if (typeof v === "string") normalizeLabel(v);
    }), { numRuns: 2000 });
  });
});

describe("header mapping", () => {
  it("finds columns by header in either language, wherever they stand", () => {
    const m = matchHeaders(["备注", " customer NAME ", "客户编号＊", "我的列", "Stage*", "负责人 *"], CUSTOMER_COLUMNS);
    expect(m.positions).toMatchObject({ notes: 0, name: 1, id: 2, stage: 4, owner: 5 });
    expect(m.extra).toEqual(["我的列"]);
    expect(m.missing.map((c) => c.key)).toEqual(["industry", "contact"]);
  });
  it("reads full-width parentheses in headers", () => {
    expect(matchHeaders(["预计金额（元）"], CUSTOMER_COLUMNS).positions.amount).toBe(0);
  });
  it("parses ISO days strictly", () => {
    expect(parseIsoDay("2026-11-23")).toBe(46349);
    expect(parseIsoDay("2026/11/23")).toBeNull();
  });
});
