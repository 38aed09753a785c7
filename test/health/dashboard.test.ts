import { planDashboard } from "../../src/core/dashboard";
import { healthText } from "../../src/core/health/messages";
import { dashText } from "../../src/core/dashboard/messages";
import { LANGS } from "../../src/core/i18n/lang";
import { day, makeCustomer, type Row } from "../support/builders";
import { at, makeHealthModel } from "./builders";

const today = day("2026-05-20");

/** A complaint at each point of the clock, seen at 10:00 on 2026-05-20. */
const complaints: readonly Row[] = [
  { receivedAt: at("2026-05-20 09:30"), customerId: "KH-1" }, // awaiting response (30 min)
  { receivedAt: at("2026-05-20 08:59"), customerId: "KH-1" }, // response late (61 min)
  { receivedAt: at("2026-05-20 09:00"), customerId: "KH-2" }, // exactly 60 min: not late yet
  { receivedAt: at("2026-05-19 09:00"), respondedAt: at("2026-05-19 09:20"), customerId: "KH-2" }, // solution late (25 h)
  { receivedAt: at("2026-05-15 09:00"), respondedAt: at("2026-05-15 09:10"), solvedAt: at("2026-05-16 08:00"), customerId: "KH-3" }, // call-back late
  { receivedAt: at("2026-05-18 09:00"), respondedAt: at("2026-05-18 09:10"), solvedAt: at("2026-05-18 18:00"), calledBackOn: day("2026-05-19"), customerId: "KH-3" }, // done
  { receivedAt: "昨天下午", customerId: "KH-3" }, // unreadable time: the formula shows "" too
];

describe("the dashboard reports value tiers and open / late complaints", () => {
  it.each(LANGS)("%s: tiers by the Value tier column in either language, complaints by the live SLA status", (lang) => {
    const zh = healthText("zh-CN").tier;
    const en = healthText("en-US").tier;
    const customers = [
      makeCustomer({ valueTier: zh.risk }),
      makeCustomer({ valueTier: en.risk }),
      makeCustomer({ valueTier: zh.highValue }),
      makeCustomer({ valueTier: zh.standard }),
      makeCustomer({ valueTier: null }),
    ];
    const plan = planDashboard(makeHealthModel({ customers, complaints, lang }), today, at("2026-05-20 10:00"));
    expect(plan.figures.tiers).toEqual({ risk: 2, highValue: 1, potential: 0, dormant: 0, standard: 1 });
    expect(plan.figures.complaints).toEqual({ open: 5, late: 3 });

    // On the sheet: one section, each figure a formula carrying the engine's figure.
    const cells = plan.layout.cells;
    const labelAt = (text: string) => cells.find((c) => c.value.kind === "text" && c.value.text === text);
    const figureRight = (text: string) => {
      const l = labelAt(text);
      return cells.find((c) => l && c.row === l.row && c.col === l.col + 1);
    };
    expect(labelAt(dashText(lang, "secHealth"))).toBeDefined();
    const risk = figureRight(healthText(lang).tier.risk);
    expect(risk?.expect).toBe(2);
    expect(risk?.value.kind === "formula" && risk.value.formula).toContain(`{"${zh.risk}","${en.risk}"}`);
    const late = figureRight(dashText(lang, "complaintsLate"));
    expect(late?.expect).toBe(3);
    expect(late?.value.kind === "formula" && late.value.formula).toMatch(lang === "zh-CN" ? /'投诉记录'!\$L\$2:\$L\$1048576/ : /'Complaints'!\$L\$2:\$L\$1048576/);
    expect(figureRight(dashText(lang, "complaintsOpen"))?.expect).toBe(5);
    expect(plan.layout.charts.some((c) => c.title === dashText(lang, "colTier"))).toBe(true);
  });

  it("the clock moves the late count without the data changing", () => {
    const model = makeHealthModel({ customers: [makeCustomer()], complaints });
    // At 10:01 the 09:00 complaint has waited 61 minutes.
    expect(planDashboard(model, today, at("2026-05-20 10:01")).figures.complaints).toEqual({ open: 5, late: 4 });
  });

  it("a workbook without the Complaints table or the tier column shows — and reports null, never 0", () => {
    const plan = planDashboard({ ...makeHealthModel({ customers: [makeCustomer()] }), complaints: null }, today, at("2026-05-20 10:00"));
    expect(plan.figures.complaints).toEqual({ open: null, late: null });
    const noTier = makeHealthModel({ customers: [makeCustomer()] });
    const cu = noTier.customers!;
    const positions = { ...cu.positions };
    delete positions.valueTier;
    const p2 = planDashboard({ ...noTier, customers: { ...cu, positions } }, today, at("2026-05-20 10:00"));
    expect(p2.figures.tiers.risk).toBeNull();
  });
});
