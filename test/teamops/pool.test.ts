import { planPool } from "../../src/core/pool/planPool";
import { planClaim } from "../../src/core/pool/planClaim";
import { daysToRelease, releaseDaysFor } from "../../src/core/pool/releaseDays";
import { isPoolOwner } from "../../src/core/pool/poolOwner";
import { countdownWrites, countdownColumns } from "../../src/core/pool/countdownWrites";
import { countdownFormula } from "../../src/core/pool/countdownFormula";
import { auditTarget } from "../../src/core/pool/ownerChange";
import { UseCaseError } from "../../src/core/usecases/errors";
import { defaultRules, readRules } from "../../src/core/rules/rules";
import { grade } from "../../src/core/usecases/grade";
import { day, makeCustomer, makeFollowUp, makeModel, makeTable, type Row } from "../support/builders";

const today = day("2026-05-20");
const ON = { 启用公海: "是" };
const ago = (n: number) => (today - n) as ReturnType<typeof day>;
const GRADES: Readonly<Record<string, Row>> = {
  A: { fit: "高", intent: "高" },
  B: { fit: "中", intent: "中" },
  C: { fit: "低", intent: "低" },
  待评估: {},
};

function poolOf(customers: Row[], followUps: Row[] = [], rules: Record<string, string | number> = ON, lang: "zh-CN" | "en-US" = "zh-CN") {
  return planPool(makeModel({ customers, followUps, rules, lang }), today);
}

describe("release at the per-grade boundaries", () => {
  it.each([
    ["A", 30, true], ["A", 29, false],
    ["B", 45, true], ["B", 44, false],
    ["C", 60, true], ["C", 59, false],
    ["待评估", 60, true], ["待评估", 59, false],
  ] as const)("%s customer last contacted %i days ago: due %s", (g, quiet, due) => {
    const c = makeCustomer({ id: "KH-202601-901", ...GRADES[g], created: day("2025-01-01") });
    const p = poolOf([c], [makeFollowUp({ customerId: "KH-202601-901", date: ago(quiet) })]);
    expect(p.due.map((d) => d.id)).toEqual(due ? ["KH-202601-901"] : []);
    expect(p.release.changes).toHaveLength(due ? 1 : 0);
  });

  it.each([
    ["A", 30, true], ["A", 29, false], ["B", 45, true], ["C", 59, false], ["待评估", 60, true],
  ] as const)("never-contacted %s customer created %i days ago counts from Created: due %s", (g, age, due) => {
    const p = poolOf([makeCustomer({ ...GRADES[g], created: ago(age) })]);
    expect(p.due).toHaveLength(due ? 1 : 0);
    if (due) expect(p.due[0]?.lastContact).toBeNull();
  });

  it("counts from the latest follow-up, not the first, and ignores one dated after today", () => {
    const c = makeCustomer({ id: "KH-202601-902", ...GRADES.A, created: day("2025-01-01") });
    const p = poolOf([c], [
      makeFollowUp({ customerId: "KH-202601-902", date: ago(90) }),
      makeFollowUp({ customerId: "KH-202601-902", date: ago(10) }),
      makeFollowUp({ customerId: "KH-202601-902", date: (today + 5) as ReturnType<typeof day> }),
    ]);
    expect(p.due).toEqual([]);
    expect(p.soon).toEqual([]);
  });

  it("a manual grade sets the release days, as it sets the cadence", () => {
    const c = makeCustomer({ ...GRADES.C, gradeOverride: "A", created: ago(31) });
    expect(poolOf([c]).due).toHaveLength(1);
  });

  it.each(["已成交", "售后维护", "输单", "已流失", "无效线索", "Won", "Lost"])("a %s customer quiet for years is never released", (stage) => {
    const p = poolOf([makeCustomer({ stage, created: day("2020-01-01") })]);
    expect(p.due).toEqual([]);
    expect(p.soon).toEqual([]);
  });

  it("reads the release days and the warning days from the Rules sheet", () => {
    const rules = { ...ON, "公海释放-A(天)": 10, 距释放标红: 0, "距释放标红(天)": 5 };
    const p = poolOf([makeCustomer({ id: "KH-1", ...GRADES.A, created: ago(10) }), makeCustomer({ id: "KH-2", ...GRADES.A, created: ago(6) })], [], rules);
    expect(p.due.map((d) => d.id)).toEqual(["KH-1"]);
    expect(p.soon.map((d) => [d.id, d.daysToRelease])).toEqual([["KH-2", 4]]);
  });
});

describe("the switch and the pool itself", () => {
  it("is off by default: nothing is due and nothing released", () => {
    const p = poolOf([makeCustomer({ created: day("2020-01-01") })], [], {});
    expect(p.enabled).toBe(false);
    expect(p.due).toEqual([]);
    expect(p.release.changes).toEqual([]);
  });
  it.each(["是", "Yes", "on", "1"])("is on when 启用公海 is %s", (v) => {
    expect(readRules(makeModel({ rules: { 启用公海: v } })).rules.poolOn).toBe(true);
  });
  it("an unreadable switch value is an issue and keeps the pool off", () => {
    const r = readRules(makeModel({ rules: { 启用公海: "maybe" } }));
    expect(r.rules.poolOn).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(["invalidRule"]);
  });
  it("customers already in the pool are listed for claiming, never due again", () => {
    const p = poolOf([makeCustomer({ id: "KH-3", owner: " 公海 ", created: day("2020-01-01") }), makeCustomer({ id: "KH-4", owner: "Pool", created: day("2020-01-01") })]);
    expect(p.due).toEqual([]);
    expect(p.inPool.map((x) => x.id)).toEqual(["KH-3", "KH-4"]);
  });
  it("lists the due most overdue first and plans Owner → 公海 with the old owner kept", () => {
    const p = poolOf([
      makeCustomer({ id: "KH-5", ...GRADES.A, owner: "张三", created: ago(31) }),
      makeCustomer({ id: "KH-6", ...GRADES.A, owner: "李四 ", created: ago(90) }),
      makeCustomer({ id: "KH-7", ...GRADES.A, owner: "", created: ago(30) }),
    ]);
    expect(p.due.map((d) => [d.id, d.daysToRelease])).toEqual([["KH-6", -60], ["KH-5", -1], ["KH-7", 0]]);
    expect(p.release.changes.map((c) => [c.id, c.from, c.to])).toEqual([["KH-5", "张三", "公海"], ["KH-6", "李四", "公海"], ["KH-7", "", "公海"]]);
    expect(auditTarget(p.release.changes[2] as (typeof p.release.changes)[number])).toMatch(/^KH-7 .+: — → 公海$/);
  });
  it("releases to Pool in an English workbook", () => {
    const p = poolOf([makeCustomer({ fit: "High", intent: "High", created: ago(40) })], [], { "Enable customer pool": "Yes" }, "en-US");
    expect(p.release.changes[0]?.to).toBe("Pool");
  });
  it("fills a blank Customer ID of a released customer, so its audit row names it", () => {
    const p = poolOf([makeCustomer({ id: null, created: ago(100) })]);
    expect(p.release.idFills).toHaveLength(1);
    expect(p.release.changes[0]?.id).toMatch(/^KH-\d{6}-\d{3}$/);
  });
});

describe("claim", () => {
  const model = makeModel({ customers: [makeCustomer({ id: "KH-8", owner: "公海" }), makeCustomer({ id: "KH-9", owner: "张三" })] });
  it("moves a pool customer to the rep", () => {
    const p = planClaim(model, "kh-8 ", " 李四", today);
    expect(p.changes.map((c) => [c.id, c.from, c.to, c.row])).toEqual([["KH-8", "公海", "李四", 2]]);
  });
  it.each([
    ["KH-9", "李四", "notInPool"], ["KH-404", "李四", "unknownCustomerId"], ["KH-8", "", "missingRequired"], ["KH-8", "Pool", "invalidOwner"],
  ])("refuses %s for %j: %s", (id, owner, code) => {
    expect.assertions(1);
    try { planClaim(model, id, owner, today); } catch (e) { expect((e as UseCaseError).issues.map((i) => i.code)).toEqual([code]); }
  });
});

describe("rules as functions", () => {
  const rules = { ...defaultRules(), poolOn: true };
  it.each([["A", 30], ["B", 45], ["C", 60], ["toAssess", 60], [null, 60]] as const)("%s releases after %i days", (g, n) => {
    expect(releaseDaysFor(g, rules)).toBe(n);
  });
  it("is null for the pool, closed, no date, or the switch off", () => {
    const base = { grade: "A" as const, stage: "open" as const, lastContact: null, created: today, inPool: false };
    expect(daysToRelease(base, rules, today)).toBe(30);
    expect(daysToRelease({ ...base, inPool: true }, rules, today)).toBeNull();
    expect(daysToRelease({ ...base, stage: "maintenance" }, rules, today)).toBeNull();
    expect(daysToRelease({ ...base, created: null }, rules, today)).toBeNull();
    expect(daysToRelease(base, defaultRules(), today)).toBeNull();
  });
  it("recognises the pool in either language", () => {
    expect(["公海", " Pool", "ＰＯＯＬ", "pool"].map(isPoolOwner)).toEqual([true, true, true, true]);
    expect(isPoolOwner("公海组")).toBe(false);
  });
});

describe("the live countdown column", () => {
  it("grading writes the formula where it is missing, with this row's cells", () => {
    const p = grade(makeModel({ customers: [makeCustomer({ created: ago(10) })], rules: ON }), today);
    const w = p.writes.find((x) => x.key === "daysToRelease")?.values[0];
    expect(w?.kind).toBe("formula");
    const f = w?.kind === "formula" ? w.formula : "";
    expect(f).toContain("TODAY()");
    expect(f).toContain("IF($AK2<>\"\",$AK2,$AE2)");
    expect(f).toContain("CRM_ReleaseA");
    expect(f).not.toMatch(/_xlfn|\[/);
  });
  it("leaves a working cell alone: a formula, a number where one is due, blank where none is", () => {
    const t = makeTable("customers", [
      makeCustomer({ created: ago(10), daysToRelease: 50 }),
      makeCustomer({ created: ago(10), daysToRelease: "=IFERROR(…)" }),
      makeCustomer({ stage: "已成交", created: ago(10), daysToRelease: null }),
      makeCustomer({ created: ago(10), daysToRelease: "soon" }),
      makeCustomer({ stage: "已成交", created: ago(10), daysToRelease: 12 }),
    ]);
    const rows = [0, 1, 2, 3, 4].map((i) => ({ index: i, row: i + 2, grade: null, stage: i === 2 || i === 4 ? "maintenance" as const : "open" as const, owner: "张三", lastContact: null, created: ago(10) }));
    const w = countdownWrites(t, rows, { ...defaultRules(), poolOn: true }, today);
    expect(w.map((v) => v?.kind ?? null)).toEqual([null, null, null, "formula", "formula"]);
  });
  it("with the pool off, the blank column is what the formula shows: nothing is written", () => {
    const p = grade(makeModel({ customers: [makeCustomer({ created: ago(10) })] }), today);
    expect(p.writes.find((x) => x.key === "daysToRelease")?.values).toEqual([null]);
  });
  it("recognises stages and the pool in both languages", () => {
    const cc = countdownColumns(makeTable("customers", []));
    const f = cc ? countdownFormula(cc, 7) : "";
    for (const word of ["已成交", "After-sales", "输单", "Invalid", "公海", "Pool"]) expect(f).toContain(`"${word}"`);
    expect(f).toContain("$X7=");
  });
});
