import fc from "fast-check";
import { grade } from "../../src/core/usecases/grade";
import { planFollowUp } from "../../src/core/usecases/logFollowUp";
import { UseCaseError } from "../../src/core/usecases/errors";
import { planInstall } from "../../src/core/usecases/planInstall";
import { statusFormula } from "../../src/core/template/statusFormula";
import type { PlanValue } from "../../src/core/plan/plan";
import { day, makeCustomer, makeFollowUp, makeModel } from "../support/builders";

const today = day("2026-05-20");
const col = (plan: ReturnType<typeof grade>, key: string) => plan.writes.find((w) => w.key === key)?.values ?? [];
const txt = (v: PlanValue | null | undefined) => (v?.kind === "text" ? v.text : v?.kind === "blank" ? "" : v);

describe("grade use-case", () => {
  const model = makeModel({
    customers: [
      makeCustomer({ id: "KH-202601-001", closeDate: day("2026-06-01"), amount: "20万", fit: "高", intent: "中" }),
      makeCustomer({ id: "KH-202601-002", stage: "已成交" }),
      makeCustomer({ id: "KH-202601-003", stage: "输单" }),
      makeCustomer({ id: null, name: "新客户", fit: "Low", intent: "low", created: day("2026-05-10") }),
      {},
      makeCustomer({ id: "KH-202601-005", fit: "低", intent: "低", created: day("2025-01-02") }),
    ],
    followUps: [
      makeFollowUp({ customerId: "KH-202601-001", date: day("2026-05-01") }),
      makeFollowUp({ customerId: "kh-202601-001 ", date: day("2026-05-11"), nextDate: day("2026-05-12") }),
      makeFollowUp({ customerId: "KH-202601-001", date: day("2026-05-11"), nextDate: null }),
      makeFollowUp({ customerId: "KH-202601-002", date: day("2026-04-01") }),
      makeFollowUp({ customerId: "KH-202601-001", date: day("2026-06-01") }),
    ],
  });
  const plan = grade(model, today);

  it("writes grades, reasons and follow-up columns, blank for empty rows", () => {
    expect(col(plan, "grade").map(txt)).toEqual(["A", "", "", "C", "", "C"]);
    expect(txt(col(plan, "gradeReason")[0])).toBe("30天内成交A · 20万B · 匹配高A · 意向中B → A");
    expect(col(plan, "followUps")[0]).toEqual({ kind: "number", value: 3 });
    expect(col(plan, "lastContact")[0]).toEqual({ kind: "date", day: day("2026-05-11") });
    // Two rows on 05-11: the later one has no planned date, so cadence (A: 7 days) applies → 05-18.
    expect(col(plan, "nextDue")[0]).toEqual({ kind: "date", day: day("2026-05-18") });
    expect(col(plan, "daysToDue")[0]).toEqual({ kind: "number", value: -2 });
  });
  it("writes the Status column as the live formula", () => {
    const s = col(plan, "status")[0];
    expect(s?.kind).toBe("formula");
    expect(s?.kind === "formula" && s.formula).toContain("TODAY()");
    expect(s?.kind === "formula" && s.formula).not.toContain("_xlfn");
  });
  it("fills a blank ID it owns, with the month of creation", () => {
    expect(plan.idFills).toEqual([{ key: "id", index: 3, value: { kind: "text", text: "KH-202605-001" } }]);
  });
  it("summarises by grade and status, due list ordered by grade then days overdue", () => {
    expect(plan.summary.customers).toBe(5);
    expect(plan.summary.byGrade).toEqual({ A: 1, B: 0, C: 2, toAssess: 0, none: 2 });
    // Won 04-01 + 30 = 05-01 (劳动节) → 05-06: overdue. The new lead was due 05-12: overdue.
    expect(plan.summary.byStatus).toEqual({ ok: 0, overdue: 3, dormant: 1, closed: 1 });
    expect(plan.summary.due.map((d) => d.id)).toEqual(["KH-202601-001", "KH-202601-005", "KH-202605-001", "KH-202601-002"]);
  });
  it("reports future follow-ups and leaves them out", () => {
    expect(plan.issues.map((i) => `${i.code}@${i.sheetName}!${i.row}`)).toContain("futureFollowUp@跟进记录!6");
  });
  it("writes only derived columns", () => {
    for (const w of plan.writes) expect(["grade", "gradeReason", "firstContact", "lastContact", "followUps", "nextDue", "daysToDue", "status", "daysToRelease", "valueTier", "tierReason"]).toContain(w.key);
  });
  it("writes statuses in the workbook's language, whoever runs it", () => {
    const en = grade(makeModel({ lang: "en-US", customers: [makeCustomer({ fit: "High", intent: "High" })] }), today);
    expect(txt(col(en, "grade")[0])).toBe("A");
    const s = col(en, "status")[0];
    expect(s?.kind === "formula" ? s.formula : "").toContain('"Overdue"');
  });
  it("closed stages are never highlighted (property)", () => {
    fc.assert(fc.property(fc.constantFrom("输单", "已流失", "无效线索", "Lost", "Churned", "Invalid"), fc.integer({ min: 0, max: 1000 }), (stage, quiet) => {
      const p = grade(makeModel({ customers: [makeCustomer({ stage, created: (today - quiet) as never })] }), today);
      expect(p.results[0]?.derived.status).toBe("closed");
      expect(p.summary.due).toEqual([]);
    }), { numRuns: 200 });
  });
});

describe("status formula", () => {
  it("reads as a chain of IFs over A1 references of one row", () => {
    const f = statusFormula({ id: "A", name: "B", stage: "X", grade: "AG", lastContact: "AJ", created: "AE", nextDue: "AL" }, 7, "zh-CN");
    expect(f.startsWith('=IF(AND($A7="",$B7=""),"",IF(OR($X7="输单"')).toBe(true);
    expect(f).toContain("CRM_DormantDays");
    expect(f).toContain('"逾期"');
  });
});

describe("planFollowUp", () => {
  const model = makeModel({ customers: [makeCustomer({ id: "KH-202601-001", fit: "高", intent: "高" })], followUps: [] });
  it("plans the row with typed values and the customer's new derived cells", () => {
    const p = planFollowUp(model, { customerId: "kh-202601-001", date: today, by: "张三", method: "Phone", summary: "=cmd|' /C calc'!A0", nextDate: day("2026-05-22"), stage: "Proposal" }, today);
    expect(p.row.summary).toEqual({ kind: "text", text: "=cmd|' /C calc'!A0" });
    expect(p.row.method).toEqual({ kind: "text", text: "电话" });
    expect(p.row.customerId).toEqual({ kind: "text", text: "KH-202601-001" });
    expect(p.row.date).toEqual({ kind: "date", day: today });
    expect(p.row.stageChange).toEqual({ kind: "text", text: "方案提交" });
    const w = Object.fromEntries(p.customerWrites.map((x) => [x.key, x.value]));
    expect(w.lastContact).toEqual({ kind: "date", day: today });
    expect(w.followUps).toEqual({ kind: "number", value: 1 });
    expect(w.nextDue).toEqual({ kind: "date", day: day("2026-05-22") });
    expect(w.stage).toEqual({ kind: "text", text: "方案提交" });
    expect(p.customerWrites.every((x) => x.index === 0)).toBe(true);
  });
  it("rejects bad input with every reason, naming the column", () => {
    try {
      planFollowUp(model, { customerId: "KH-404", date: (today + 1) as never, by: "", method: "飞鸽", summary: " " }, today);
      throw new Error("expected a UseCaseError");
    } catch (e) {
      expect(e).toBeInstanceOf(UseCaseError);
      expect((e as UseCaseError).issues.map((i) => `${i.code}:${i.column}`)).toEqual([
        "unknownCustomerId:客户编号*", "futureFollowUp:日期*", "missingRequired:沟通内容摘要*", "missingRequired:跟进人*", "unknownLabel:跟进方式*",
      ]);
    }
  });
});

describe("install plan", () => {
  it.each(["zh-CN", "en-US"] as const)("%s: seven sheets, flat validations, three highlight rules, growing list names", (lang) => {
    const p = planInstall(lang);
    expect(p.sheets.map((s) => [s.key, s.hidden])).toEqual([["customers", false], ["followUps", false], ["contacts", false], ["complaints", false], ["rules", false], ["lists", true], ["guide", false], ["audit", true]]);
    expect(p.conditionalFormats.map((cf) => cf.purpose)).toEqual(["overdue", "dormant", "release", "complaintLate"]);
    // Overdue and dormant repeat the Status logic with TODAY(); the pool's red reads its own live countdown cell;
    // a late complaint is judged by the clock, NOW().
    for (const cf of p.conditionalFormats.slice(0, 2)) expect(cf.formula).toContain("TODAY()");
    expect(p.conditionalFormats[3]?.formula).toContain("NOW()");
    for (const v of p.validations) expect(JSON.stringify(v.rule)).not.toMatch(/\[|_xlfn/);
    expect(p.names.find((n) => n.name === "CRM_List_Industry")?.formula).toMatch(/^='.+'!\$C\$2:INDEX\('.+'!\$C:\$C,MAX\(2,COUNTA\('.+'!\$C:\$C\)\)\)$/);
    const industry = p.validations.find((v) => v.sheet === "customers" && v.range.startsWith("F2"));
    expect(industry?.rule).toEqual({ kind: "list", source: "=CRM_List_Industry" });
    expect(industry?.range).toBe("F2:F1048576");
  });
});
