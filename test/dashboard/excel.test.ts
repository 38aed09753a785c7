import type { ExcelDouble } from "../double/excelDouble";
import { gradeWorkbook } from "../../src/excel/usecases";
import { overview, dashboardGrids, styleAreas } from "../../src/excel/dashboard";
import { planDashboard, ownRowFirst } from "../../src/core/dashboard";
import { installedDouble } from "../support/installedDouble";
import { wallTime } from "../../src/core/health/wallClock";
import { day, makeModel, makeCustomer } from "../support/builders";

const today = day("2026-05-20"); // a Wednesday: the week runs 05-18 … 05-24
const now = new Date(2026, 4, 20, 9, 30);
let x: ExcelDouble;

beforeEach(async () => {
  x = await installedDouble({
    now,
    customers: [
      { id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "需求确认", owner: "张三", fit: "高", intent: "高", amount: 600000, closeDate: today + 10, created: today - 40 },
      { id: "KH-2", name: "乙", industry: "C 制造业", contact: "李", stage: "新线索", owner: "李四", created: today - 1 },
      { id: "KH-3", name: "丙", industry: "J 金融业", contact: "赵", stage: "已成交", owner: "李四", created: today - 90, wonDate: today - 5, wonAmount: 300000 },
      { id: "KH-4", name: "丁", industry: "J 金融业", contact: "钱", stage: "商务谈判", owner: "张三 ", fit: "低", intent: "低", created: today - 300 },
    ],
    followUps: [
      { date: today - 20, customerId: "KH-1", by: "张三", method: "电话", summary: "a" },
      { date: today - 2, customerId: "KH-3", by: "李四", method: "电话", summary: "b" },
    ],
  });
  await gradeWorkbook(today, "张三", now);
  x.resetCounters();
});

describe("Overview in the pane", () => {
  it("computes the KPI row and the owners in two syncs, as the engine does on the same cells", async () => {
    const o = await overview(today, now);
    expect(x.syncCount).toBe(2);
    expect(o.kpi).toMatchObject({ open: 3, a: 1, wonThisMonth: 1, wonAmountThisMonth: 300000, followUps7d: 1 });
    expect(o.owners.map((r) => [r.owner, r.open])).toEqual([["张三", 2], ["李四", 1]]);
    expect(o.cadenceA).toBe(7);
    // The A customer was last contacted 20 days ago: outside its 7-day cadence.
    expect(o.owners[0]?.aNotContacted).toBe(1);
    expect(o.owners.find((r) => r.owner === "李四")?.newThisWeek).toBe(1);
  });

  it.each([["李四", ["李四", "张三"]], [" 张三 ", ["张三", "李四"]], ["", ["张三", "李四"]], ["王五", ["张三", "李四"]]])("the rep %j sees their own row first", async (me, order) => {
    const o = await overview(today, now);
    expect(ownRowFirst(o.owners, me).map((r) => r.owner)).toEqual(order);
  });
});

describe("the dashboard's grids for Excel", () => {
  it("text from users' cells stays text: Text format, and formulas only where the plan has them", () => {
    const plan = planDashboard(makeModel({ customers: [makeCustomer({ owner: "=HYPERLINK(\"x\")", industry: "+86" })] }), today, wallTime(today, 10));
    const g = dashboardGrids(plan.layout);
    const at = (text: string) => plan.layout.cells.find((c) => c.value.kind === "text" && c.value.text === text);
    const owner = at("=HYPERLINK(\"x\")");
    expect(owner).toBeDefined();
    expect(g.nf[owner!.row - 1]![owner!.col - 1]).toBe("@");
    const f = plan.layout.cells.find((c) => c.value.kind === "formula")!;
    expect(g.nf[f.row - 1]![f.col - 1]).not.toBe("@");
    expect(String(g.contents[f.row - 1]![f.col - 1])).toMatch(/^=/);
  });
});

describe("formats in Excel", () => {
  it("go on as runs down a column: every styled cell in exactly one area of its style", () => {
    const plan = planDashboard(makeModel({ customers: [makeCustomer(), makeCustomer({ owner: "李四" })] }), today, wallTime(today, 10));
    const areas = styleAreas(plan.layout);
    const expand = (a: string): string[] => {
      const [from, to = from] = a.split(":");
      const col = from!.replace(/\d+/g, "");
      const r0 = Number(from!.replace(/\D+/g, ""));
      const r1 = Number(to!.replace(/\D+/g, ""));
      return Array.from({ length: r1 - r0 + 1 }, (_x, i) => `${col}${r0 + i}`);
    };
    for (const [style, list] of areas) {
      const covered = list.flatMap(expand).sort();
      const cells = plan.layout.cells.filter((c) => c.style === style).map((c) => `${String.fromCharCode(64 + c.col)}${c.row}`).sort();
      expect([style, covered]).toEqual([style, cells]);
    }
    const total = [...areas.values()].reduce((n, l) => n + l.length, 0);
    expect(total).toBeLessThan(plan.layout.cells.length / 2);
  });
});
