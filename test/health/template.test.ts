import { planInstall } from "../../src/core/usecases/planInstall";
import { ruleRow, rulesRows } from "../../src/core/template/rulesSheet";
import { guideRows } from "../../src/core/template/guide";
import { TEMPLATE_VERSION } from "../../src/core/template/sheets";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { healthText } from "../../src/core/health/messages";
import { RANKED_TIERS } from "../../src/core/health/types";
import { slaFormula, slaLateFormula } from "../../src/core/health/slaFormula";
import { RULE_DEFS } from "../../src/core/rules/ruleDefs";
import { VALIDATION_TITLE_MAX } from "../../src/core/template/validationTitle";

describe.each(["zh-CN", "en-US"] as const)("template %s", (lang) => {
  const p = planInstall(lang);
  const sheet = p.sheets.find((s) => s.key === "complaints");
  const table = sheet?.tables[0];

  it("is version 3 (team operations is 2)", () => {
    expect(TEMPLATE_VERSION).toBe(3);
    expect(p.version).toBe(3);
  });
  it("Customers ends with the value tier and its reason, both derived", () => {
    const keys = CUSTOMER_COLUMNS.map((c) => c.key);
    expect(keys.slice(-2)).toEqual(["valueTier", "tierReason"]);
    const cu = p.sheets[0]?.tables[0];
    expect(cu?.headers.slice(-2)).toEqual(lang === "zh-CN" ? ["价值分层", "分层依据"] : ["Value tier", "Tier reason"]);
    expect(cu?.derived.slice(-2)).toEqual([true, true]);
  });
  it("a Complaints table with the spec's columns, times shown to the minute", () => {
    expect(table?.name).toBe("CRM_Complaints");
    expect(table?.headers).toEqual(
      lang === "zh-CN"
        ? ["投诉时间*", "客户编号*", "客户名称", "问题描述*", "受理人*", "首次响应时间", "解决方案", "解决时间", "回访日期", "满意度", "改进措施", "处理状态"]
        : [
            "Received at*",
            "Customer ID*",
            "Customer name",
            "Problem*",
            "Handled by*",
            "First response",
            "Solution",
            "Solved at",
            "Call-back date",
            "Satisfaction",
            "Improvement",
            "SLA status",
          ],
    );
    expect(table?.numberFormats).toEqual([
      "yyyy-mm-dd hh:mm",
      "@",
      "@",
      "@",
      "General",
      "yyyy-mm-dd hh:mm",
      "@",
      "yyyy-mm-dd hh:mm",
      "yyyy-mm-dd",
      "0",
      "@",
      "General",
    ]);
  });
  it("the SLA status is the table's calculated column, reading the Rules names", () => {
    const f = table?.calculated[11] ?? "";
    expect(f).toContain("NOW()");
    for (const n of ["CRM_ComplaintRespondHours", "CRM_ComplaintSolveHours", "CRM_ComplaintCallbackDays"]) expect(f).toContain(n);
    for (const s of Object.values(healthText(lang).complaintStatus)) expect(f).toContain(`"${s}"`);
    expect(f).not.toMatch(/_xlfn|IFS\(|SWITCH\(/);
  });
  it("names point at the rows the Rules table has", () => {
    const rows = rulesRows(lang, null);
    for (const [name, key, value] of [
      ["CRM_ComplaintRespondHours", "complaintRespondHours", 1],
      ["CRM_ComplaintSolveHours", "complaintSolveHours", 24],
      ["CRM_ComplaintCallbackDays", "complaintCallbackDays", 3],
    ] as const) {
      const row = ruleRow(key);
      expect(p.names.find((n) => n.name === name)?.formula).toMatch(new RegExp(`!\\$B\\$${row}$`));
      expect(rows[row - 2]?.[1]).toEqual({ kind: "number", value });
    }
  });
  it("validations: date-time with prompts, customer IDs that only warn, satisfaction 1–5", () => {
    const v = (col: string) => p.validations.find((x) => x.sheet === "complaints" && x.range.startsWith(`${col}2:`));
    expect(v("A")?.rule).toMatchObject({ kind: "date" });
    expect(v("A")?.prompt?.text).toMatch(/2026-05-01 09:30/);
    expect(v("A")?.error?.text).toMatch(/09:30/);
    expect(v("B")?.rule).toEqual({ kind: "list", source: "=CRM_CustomerIds" });
    expect(v("B")?.error?.style).toBe("warning");
    expect(v("F")?.rule).toMatchObject({ kind: "date" });
    expect(v("J")?.rule).toEqual({ kind: "whole", min: 1, max: 5 });
    expect(v("C")).toBeUndefined();
    expect(v("L")).toBeUndefined();
  });
  it("every validation title fits Excel's 32 characters uncut: a Rules row's title is its whole label", () => {
    for (const v of p.validations) for (const t of [v.prompt?.title, v.error?.title]) if (t !== undefined) expect(t.length).toBeLessThanOrEqual(VALIDATION_TITLE_MAX);
    const titles = new Set(p.validations.filter((v) => v.sheet === "rules").map((v) => v.prompt?.title));
    for (const d of RULE_DEFS) expect(titles).toContain(d.label[lang]);
  });
  it("late rows are highlighted by a formula that moves with NOW()", () => {
    const cf = p.conditionalFormats.find((c) => c.sheet === "complaints");
    expect(cf?.range).toBe("A2:L2");
    expect(cf?.formula).toMatch(/^=IFERROR\(AND\(\$A2<>"",OR\(/);
    expect(cf?.formula).toContain("NOW()");
  });
  it("the Guide explains each tier with its strategy, and the complaint clock", () => {
    const text = guideRows(lang)
      .map((r) => (r.kind === "column" ? r.cells.join(" ") : r.text))
      .join("\n");
    const h = healthText(lang);
    for (const t of [...RANKED_TIERS, "standard"] as const) expect(text).toContain(`${h.tier[t]}${lang === "zh-CN" ? ":" : ": "}`);
    for (const t of RANKED_TIERS) expect(text).toContain(h.strategy[t]);
    expect(text).toContain(
      lang === "zh-CN"
        ? "1小时内首次响应,24小时内给出解决方案,解决后3天内回访"
        : "Respond within 1 h of receipt, give a solution within 24 h, call back within 3 days",
    );
    expect(text).toContain(lang === "zh-CN" ? "90天内投诉不少于2次" : "at least 2 complaints in 90 days");
    expect(text).toContain(lang === "zh-CN" ? "成交金额不少于50万" : "won at least 500k");
  });
});

describe("the SLA formula's shape", () => {
  const c = { receivedAt: "A", respondedAt: "F", solvedAt: "H", calledBackOn: "I" };
  it("uses whole minutes and calendar days like the engine", () => {
    const f = slaFormula(c, 7, "zh-CN");
    expect(f).toBe(
      '=IF($A7="","",IFERROR(IF($H7<>"",IF($I7<>"","已完成",IF(INT(NOW())>INT($H7)+CRM_ComplaintCallbackDays,"回访超时","待回访")),IF($F7="",IF(ROUND((NOW()-$A7)*1440,0)>CRM_ComplaintRespondHours*60,"响应超时","待响应"),IF(ROUND((NOW()-$A7)*1440,0)>CRM_ComplaintSolveHours*60,"解决超时","处理中"))),""))',
    );
  });
  it("the highlight is late in the same three ways", () => {
    expect(slaLateFormula(c, 2)).toBe(
      '=IFERROR(AND($A2<>"",OR(AND($H2<>"",$I2="",INT(NOW())>INT($H2)+CRM_ComplaintCallbackDays),AND($H2="",$F2="",ROUND((NOW()-$A2)*1440,0)>CRM_ComplaintRespondHours*60),AND($H2="",$F2<>"",ROUND((NOW()-$A2)*1440,0)>CRM_ComplaintSolveHours*60))),FALSE)',
    );
  });
});
