import fc from "fast-check";
import { planDashboard } from "../../src/core/dashboard";
import { criterionText } from "../../src/core/dashboard/criteria";
import { monthStart, weekStart } from "../../src/core/dashboard/periods";
import { formatIso } from "../../src/core/_lib/calendar";
import type { RawCell } from "../../src/core/model/workbookModel";
import { wallTime } from "../../src/core/health/wallClock";
import { day, makeCustomer, makeFollowUp, makeModel, type Row } from "../support/builders";

const figures = (customers: readonly Row[], followUps: readonly Row[] = [], today = day("2026-05-06"), lang: "zh-CN" | "en-US" = "zh-CN") =>
  planDashboard(makeModel({ customers, followUps, lang }), today, wallTime(today, 10)).figures;

describe("periods", () => {
  it.each([
    ["2026-05-04", "2026-05-04"], // Monday: the week starts today
    ["2026-05-06", "2026-05-04"], // Wednesday
    ["2026-05-10", "2026-05-04"], // Sunday still belongs to the week that began on Monday
    ["2026-05-11", "2026-05-11"],
    ["2026-01-01", "2025-12-29"], // across a year end
  ])("on %s the week starts on %s", (today, monday) => {
    expect(formatIso(weekStart(day(today)).value as never)).toBe(monday);
  });

  it.each([
    ["2026-05-06", 0, "2026-05-01"],
    ["2026-05-06", -4, "2026-01-01"],
    ["2026-05-06", -5, "2025-12-01"],
    ["2026-01-31", -11, "2025-02-01"],
    ["2026-12-15", 1, "2027-01-01"],
  ])("from %s, month %i starts on %s", (today, offset, first) => {
    expect(formatIso(monthStart(day(today), offset).value as never)).toBe(first);
  });
});

describe("KPI row", () => {
  const today = day("2026-05-06"); // a Wednesday: this week is 2026-05-04 … 2026-05-10

  it.each([
    ["2026-05-03", 0], ["2026-05-04", 1], ["2026-05-10", 1], ["2026-05-11", 0],
  ])("a customer next due on %s is due this week: %i", (due, n) => {
    expect(figures([makeCustomer({ nextDue: day(due) })], [], today).kpi.dueThisWeek).toBe(n);
  });

  it("a closed customer with a stale next due date is not due this week", () => {
    expect(figures([makeCustomer({ stage: "输单", nextDue: day("2026-05-05") })], [], today).kpi.dueThisWeek).toBe(0);
  });

  it.each([
    ["2026-04-29", 0], ["2026-04-30", 1], ["2026-05-06", 1], ["2026-05-07", 0],
  ])("a follow-up dated %s is in the last 7 days: %i", (d, n) => {
    expect(figures([makeCustomer()], [makeFollowUp({ date: day(d) })], today).kpi.followUps7d).toBe(n);
  });

  it.each([
    ["2026-04-30", 0], ["2026-05-01", 1], ["2026-05-31", 1], ["2026-06-01", 0],
  ])("won on %s counts as won this month: %i", (d, n) => {
    const f = figures([makeCustomer({ stage: "已成交", wonDate: day(d), wonAmount: 120000 })], [], today);
    expect(f.kpi.wonThisMonth).toBe(n);
    expect(f.kpi.wonAmountThisMonth).toBe(n * 120000);
  });

  it("sums only amounts that are numbers, as SUMIFS does (text like 50万 is the data check's job)", () => {
    const f = figures([
      makeCustomer({ stage: "已成交", wonDate: day("2026-05-02"), wonAmount: 1000 }),
      makeCustomer({ stage: "已成交", wonDate: day("2026-05-02"), wonAmount: "50万" }),
    ], [], today);
    expect(f.kpi.wonThisMonth).toBe(2);
    expect(f.kpi.wonAmountThisMonth).toBe(1000);
  });

  it.each<[string, Row, "overdue" | "dormant" | null]>([
    ["next due yesterday", { nextDue: day("2026-05-05"), lastContact: day("2026-04-01"), grade: "B" }, "overdue"],
    ["next due today", { nextDue: day("2026-05-06"), lastContact: day("2026-04-01"), grade: "B" }, null],
    ["quiet 180 days, grade C", { nextDue: day("2026-01-01"), lastContact: day("2025-11-07"), grade: "C" }, "dormant"],
    ["quiet 179 days, grade C", { nextDue: day("2026-01-01"), lastContact: day("2025-11-08"), grade: "C" }, "overdue"],
    ["quiet 200 days but grade A", { nextDue: day("2026-01-01"), lastContact: day("2025-10-01"), grade: "A" }, "overdue"],
    ["never contacted, created 200 days ago, to assess", { created: day("2025-10-01"), grade: "待评估", nextDue: day("2025-10-03") }, "dormant"],
    ["won, quiet 200 days", { stage: "已成交", lastContact: day("2025-10-01"), nextDue: day("2025-10-31") }, "dormant"],
    ["lost, long overdue", { stage: "输单", nextDue: day("2025-10-31") }, null],
    ["next due typed as text", { nextDue: "2026-05-01", grade: "B" }, null],
  ])("status as the live formula shows it: %s (%o) → %s", (_name, over, status) => {
    const f = figures([makeCustomer(over)], [], today);
    expect(f.kpi.overdue).toBe(status === "overdue" ? 1 : 0);
    expect(f.kpi.dormant).toBe(status === "dormant" ? 1 : 0);
  });

  it("recognises stages in either language and any case, as COUNTIFS does", () => {
    const f = figures([makeCustomer({ stage: "Lead" }), makeCustomer({ stage: "negotiation", grade: "A" }), makeCustomer({ stage: "已成交" }), makeCustomer({ stage: "" })], [], today);
    expect(f.kpi.open).toBe(2);
    expect(f.kpi.a).toBe(1);
  });
});

describe("tables", () => {
  const today = day("2026-05-06");

  it("counts each open grade, 待评估 in either language", () => {
    const f = figures([
      makeCustomer({ grade: "A" }), makeCustomer({ grade: "A" }), makeCustomer({ grade: "B" }),
      makeCustomer({ grade: "To assess" }), makeCustomer({ grade: "待评估" }), makeCustomer({ stage: "已成交", grade: "A" }),
    ], [], today);
    expect(f.grades.map((g) => [g.grade, g.count])).toEqual([["A", 2], ["B", 1], ["C", 0], ["toAssess", 2]]);
  });

  it("keeps the 10 largest industries and puts the rest, typed values included, under 其他", () => {
    const sections = "ABCDEFGHIJKL".split("");
    const rows: Row[] = [];
    sections.forEach((s, i) => { for (let k = 0; k < 20 - i; k++) rows.push(makeCustomer({ industry: null, notes: s })); });
    const industryOf = (s: string) => ({ A: "A 农、林、牧、渔业", B: "B 采矿业", C: "C 制造业", D: "D 电力、热力、燃气及水生产和供应业", E: "E 建筑业", F: "F 批发和零售业", G: "G 交通运输、仓储和邮政业", H: "H 住宿和餐饮业", I: "I 信息传输、软件和信息技术服务业", J: "J 金融业", K: "K 房地产业", L: "L 租赁和商务服务业" } as Record<string, string>)[s] as string;
    const withIndustry: Row[] = rows.map((r) => ({ ...r, industry: industryOf(r.notes as string) }));
    withIndustry.push(makeCustomer({ industry: "餐饮" }), makeCustomer({ industry: 42 }), makeCustomer({ industry: "C Manufacturing" }));
    const f = figures(withIndustry, [], today);
    expect(f.industries).toHaveLength(10);
    expect(f.industries[0]).toEqual({ label: "A 农、林、牧、渔业", count: 20 });
    // C in English is the same section: 18 + 1, and ties keep the list's order.
    expect(f.industries[2]).toEqual({ label: "C 制造业", count: 19 });
    expect(f.industries[9]).toEqual({ label: "J 金融业", count: 11 });
    expect(f.otherIndustries).toBe(10 + 9 + 1 + 1); // K, L, 餐饮 and a number
  });

  it("builds the funnel: reached = this stage or later, conversion from the previous step", () => {
    const stages = ["新线索", "新线索", "初步接触", "需求确认", "方案提交", "商务谈判", "已成交", "售后维护", "输单"];
    const f = figures(stages.map((s) => makeCustomer({ stage: s })), [], today);
    expect(f.funnel.map((x) => [x.step, x.count, x.reached])).toEqual([
      ["lead", 2, 8], ["contacted", 1, 6], ["qualified", 1, 5], ["proposal", 1, 4], ["negotiation", 1, 3], ["won", 2, 2],
    ]);
    expect(f.funnel[1]?.conversion).toBeCloseTo(6 / 8);
    expect(f.funnel[0]?.conversion).toBeNull();
    expect(f.closed.map((c) => c.count)).toEqual([1, 0, 0]);
  });

  it("counts follow-ups and won amounts per month for the last 12 months, future days left out", () => {
    const f = figures([makeCustomer({ stage: "已成交", wonDate: day("2025-06-15"), wonAmount: 5 }), makeCustomer({ stage: "已成交", wonDate: day("2025-05-31"), wonAmount: 7 })],
      [makeFollowUp({ date: day("2025-06-01") }), makeFollowUp({ date: day("2025-05-31") }), makeFollowUp({ date: day("2026-05-06") }), makeFollowUp({ date: day("2026-05-07") })], today);
    expect(f.months.map((x) => x.month)).toEqual(["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
    expect(f.months[0]).toEqual({ month: "2025-06", followUps: 1, won: 1, wonAmount: 5 });
    expect(f.months[11]?.followUps).toBe(1);
  });

  it("lists every lead source with won and conversion, and a source typed outside the list", () => {
    const f = figures([
      makeCustomer({ source: "展会" }), makeCustomer({ source: "展会", stage: "已成交" }), makeCustomer({ source: "Trade show", stage: "After-sales" }),
      makeCustomer({ source: "朋友介绍" }),
    ], [], today);
    expect(f.sources[0]).toEqual({ label: "展会", customers: 3, won: 2, conversion: 2 / 3 });
    expect(f.sources.find((s) => s.label === "朋友介绍")).toEqual({ label: "朋友介绍", customers: 1, won: 0, conversion: 0 });
    expect(f.sources.find((s) => s.label === "官网表单")?.conversion).toBeNull();
  });

  it("one row per owner, spellings with stray spaces merged, most open customers first", () => {
    const f = figures([
      makeCustomer({ owner: "李四" }), makeCustomer({ owner: "张三" }), makeCustomer({ owner: "张三 " }), makeCustomer({ owner: "张三", stage: "输单" }),
    ], [makeFollowUp({ by: "张三", date: day("2026-05-05") }), makeFollowUp({ by: "张三 ", date: day("2026-05-01") }), makeFollowUp({ by: "李四", date: day("2026-04-01") })], today);
    expect(f.owners.map((o) => [o.owner, o.open, o.followUps7d])).toEqual([["张三", 2, 2], ["李四", 1, 0]]);
  });

  it.each<[string, Row, number]>([
    ["contacted 7 days ago", { lastContact: day("2026-04-29") }, 0],
    ["contacted 8 days ago", { lastContact: day("2026-04-28") }, 1],
    ["never contacted, created 8 days ago", { created: day("2026-04-28") }, 1],
    ["never contacted, created yesterday", { created: day("2026-05-05") }, 0],
  ])("an A customer %s (%o) is not contacted within its cadence: %i", (_n, over, n) => {
    expect(figures([makeCustomer({ grade: "A", ...over })], [], today).owners[0]?.aNotContacted).toBe(n);
  });

  it.each([["2026-05-03", 0], ["2026-05-04", 1], ["2026-05-06", 1], ["2026-05-07", 0]])("created on %s is new this week: %i", (d, n) => {
    expect(figures([makeCustomer({ created: day(d) })], [], today).owners[0]?.newThisWeek).toBe(n);
  });

  it("deal cycle from Created, or First contact when Created is blank; average live, median as of today", () => {
    const f = figures([
      makeCustomer({ stage: "已成交", industry: "C 制造业", firstContact: day("2026-01-05"), created: day("2026-01-01"), wonDate: day("2026-01-11") }), // 10
      makeCustomer({ stage: "已成交", industry: "C 制造业", created: null, firstContact: day("2026-01-01"), wonDate: day("2026-01-31") }), // 30
      makeCustomer({ stage: "已成交", industry: "J 金融业", created: day("2026-02-01"), firstContact: day("2026-06-01"), wonDate: day("2026-05-02") }), // 90: a later follow-up does not shorten it
      makeCustomer({ stage: "已成交", industry: "J 金融业", created: "2026-02-01", wonDate: day("2026-05-02") }), // Created typed as text: not counted
    ], [], today);
    expect(f.dealCycle.count).toBe(3);
    expect(f.dealCycle.average).toBeCloseTo(130 / 3);
    expect(f.dealCycle.median).toBe(30);
    expect(f.dealCycle.byIndustry).toEqual([
      { industry: "C 制造业", count: 2, average: 20, median: 20 },
      { industry: "J 金融业", count: 1, average: 90, median: 90 },
    ]);
  });

  describe("edge cases", () => {
    it("an empty workbook gives zeros and blank rates, never NaN", () => {
      const f = figures([], [], today);
      expect(f.kpi.open).toBe(0);
      expect(f.dealCycle.average).toBeNull();
      expect(f.dealCycle.median).toBeNull();
      expect(f.funnel.every((x) => x.conversion === null)).toBe(true);
      expect(JSON.stringify(f)).not.toContain("NaN");
    });

    it("a missing column makes its figures unavailable rather than zero", () => {
      const model = makeModel({ customers: [makeCustomer()] });
      const cu = model.customers!;
      const positions = { ...cu.positions };
      delete positions.wonAmount;
      const plan = planDashboard({ ...model, customers: { ...cu, positions } }, today, wallTime(today, 10));
      expect(plan.figures.kpi.wonAmountThisMonth).toBeNull();
      expect(plan.layout.cells.some((c) => c.value.kind === "text" && c.value.text === "—")).toBe(true);
    });

    it.each([["张三", "张三"], ["A*B", "=A~*B"], ["=1", "==1"], ["<5", "=<5"], ["a?~", "=a~?~~"]])("criterion for %s is %s", (v, c) => {
      expect(criterionText(v)).toBe(c);
    });
  });
});

describe("formulas", () => {
  const today = day("2026-05-06");
  const plan = planDashboard(makeModel({ customers: [makeCustomer({ grade: "A" })], followUps: [makeFollowUp()] }), today, wallTime(today, 10));
  const formulas = plan.layout.cells.flatMap((c) => (c.value.kind === "formula" ? [c.value.formula] : []));

  it("are portable: bounded ranges of our sheets, TODAY(), no structured references, no volatile OFFSET/INDIRECT", () => {
    expect(formulas.length).toBeGreaterThan(100);
    for (const f of formulas) {
      expect(f).not.toMatch(/\[|OFFSET|INDIRECT|_xlfn|MEDIAN|AGGREGATE/);
    }
    expect(formulas.some((f) => f.includes("'客户信息'!$") && f.includes("$1048576"))).toBe(true);
    expect(formulas.some((f) => f.includes("TODAY()-WEEKDAY(TODAY(),2)+1"))).toBe(true);
  });

  it("every formula cell carries the engine's figure it must show", () => {
    const withFormula = plan.layout.cells.filter((c) => c.value.kind === "formula");
    expect(withFormula.every((c) => c.expect !== undefined)).toBe(true);
  });

  it("English workbook: English sheet names in formulas and labels", () => {
    const en = planDashboard(makeModel({ lang: "en-US", customers: [makeCustomer({ stage: "Lead" })] }), today, wallTime(today, 10));
    expect(en.layout.sheetName).toBe("Dashboard");
    expect(en.layout.cells.some((c) => c.value.kind === "formula" && c.value.formula.includes("'Customers'!$"))).toBe(true);
    expect(en.figures.kpi.open).toBe(1);
  });
});

describe("properties", () => {
  const stage = fc.constantFrom("新线索", "初步接触", "需求确认", "方案提交", "商务谈判", "已成交", "售后维护", "输单", "已流失", "无效线索", "Lead", "", null);
  const grade = fc.constantFrom("A", "B", "C", "待评估", "", null);
  const owner = fc.constantFrom("张三", "李四", "王五 ", "王五");
  const dayArb = fc.integer({ min: day("2025-01-01"), max: day("2026-06-30") });
  const customer = fc.record({ stage, grade, owner, nextDue: fc.option(dayArb), lastContact: fc.option(dayArb), created: dayArb, wonDate: fc.option(dayArb), industry: fc.constantFrom("C 制造业", "J 金融业", "自定义", null) });

  it("owners add up to the KPI row, grades to open customers, and the funnel only narrows", () => {
    fc.assert(fc.property(fc.array(customer, { maxLength: 40 }), dayArb, (rows, today) => {
      const f = figures(rows.map((r) => makeCustomer(r as Record<string, RawCell>)), [], today as never);
      const sum = (k: "open" | "a" | "overdue" | "dueThisWeek") => f.owners.reduce((a, o) => a + (o[k] ?? 0), 0);
      expect(sum("open")).toBe(f.kpi.open);
      expect(sum("a")).toBe(f.kpi.a);
      expect(sum("overdue")).toBe(f.kpi.overdue);
      expect(sum("dueThisWeek")).toBe(f.kpi.dueThisWeek);
      expect(f.grades.reduce((a, g) => a + (g.count ?? 0), 0)).toBeLessThanOrEqual(f.kpi.open ?? 0);
      for (let i = 1; i < f.funnel.length; i++) expect(f.funnel[i]!.reached!).toBeLessThanOrEqual(f.funnel[i - 1]!.reached!);
      expect(f.industries.reduce((a, g) => a + (g.count ?? 0), 0) + (f.otherIndustries ?? 0)).toBe(rows.filter((r) => r.industry !== null).length);
    }), { numRuns: 150 });
  });
});
