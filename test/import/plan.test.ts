import fc from "fast-check";
import { planImport, type ImportPlan, type SourceTable } from "../../src/core/import/planImport";
import { reportSheet } from "../../src/core/import/report";
import { normalizeLabel } from "../../src/core/model/headers";
import type { RawCell, TableModel, WorkbookModel } from "../../src/core/model/workbookModel";
import type { PlanValue } from "../../src/core/plan/plan";
import { day, makeCustomer, makeFollowUp, makeModel } from "../support/builders";

const today = day("2026-06-15");
const src = (rows: RawCell[][], name = "list.csv"): SourceTable => ({ name, rows });

const raw = (v: PlanValue): RawCell => (v.kind === "text" ? v.text : v.kind === "number" ? v.value : v.kind === "date" ? v.day : null);

/** The workbook as it is after a plan is applied (what a door does), so a second import can be planned on it. */
function applied(model: WorkbookModel, plan: ImportPlan): WorkbookModel {
  const t = plan.table;
  const headers = [...t.headers, ...plan.newColumns];
  const positions: Record<string, number> = { ...t.positions };
  headers.forEach((_h, i) => { if (!Object.values(positions).includes(i)) positions[`extra:${i}`] = i; });
  const refOf = (key: string): string => {
    if (!key.startsWith("user:")) return key;
    const i = headers.findIndex((h) => normalizeLabel(h) === normalizeLabel(key.slice(5)));
    return `extra:${i}`;
  };
  const cols: Record<string, RawCell[]> = {};
  for (const k of Object.keys(positions)) cols[k] = [...(t.cols[k] ?? new Array<RawCell>(t.rowCount).fill(null))];
  for (const f of plan.fills) (cols[refOf(f.ref)] as RawCell[])[f.index] = raw(f.value);
  for (let j = 0; j < plan.rows.length; j++) for (const k of Object.keys(cols)) (cols[k] as RawCell[]).push(null);
  plan.rows.forEach((r, j) => { for (const [k, v] of r) { const c = cols[refOf(k)]; if (c) c[t.rowCount + j] = raw(v); } });
  const table: TableModel = { ...t, headers, positions, cols, rowCount: t.rowCount + plan.rows.length };
  return plan.kind === "customers" ? { ...model, customers: table } : { ...model, followUps: table };
}

const HEAD = ["公司名称", "联系人", "手机", "邮箱", "行业", "阶段", "预算", "地区", "经营范围"];

describe("planImport: customers", () => {
  it("imports new rows with IDs continuing the month's sequence, Created from the source or today", () => {
    const model = makeModel({ customers: [makeCustomer({ id: "KH-202606-007", name: "已有公司" })] });
    const plan = planImport(model, src([HEAD, ["甲有限公司", "王", "13800138000", "", "制造", "洽谈中", "50万", "广东深圳", "机床"], ["乙公司", "李", "", "", "", "", "", "", ""]]), { kind: "customers", today });
    expect(plan.counts).toEqual({ read: 2, added: 2, merged: 0, skipped: 0, flagged: 0, blank: 0 });
    expect(plan.rows.map((r) => r.get("id"))).toEqual([{ kind: "text", text: "KH-202606-008" }, { kind: "text", text: "KH-202606-009" }]);
    expect(plan.rows[0]?.get("created")).toEqual({ kind: "date", day: today });
    expect(plan.rows[0]?.get("amount")).toEqual({ kind: "number", value: 500000 });
    expect(plan.rows[0]?.get("province")).toEqual({ kind: "text", text: "广东省" });
    expect(plan.newColumns).toEqual(["经营范围"]);
    expect(plan.report).toEqual([]);
  });

  it("takes the ID's month from a source Created date", () => {
    const plan = planImport(makeModel(), src([["公司名称", "录入日期"], ["甲", "2024/5/3"]]), { kind: "customers", today });
    expect(plan.rows[0]?.get("id")).toEqual({ kind: "text", text: "KH-202405-001" });
    expect(plan.rows[0]?.get("created")).toEqual({ kind: "date", day: day("2024-05-03") });
  });

  it.each([
    ["name", ["上海明远精密机械（中国）有限公司", "", "", ""], "name"],
    ["mobile", ["明远", "", "138 1234 5678", ""], "mobile"],
    ["e-mail", ["明远二号", "", "", "SALES@MINGYUAN.CN"], "email"],
  ])("matches an existing customer by %s and fills only its blanks", (_what, cells, by) => {
    const model = makeModel({ customers: [makeCustomer({ id: "KH-202601-001", name: "上海明远精密机械有限公司", phone: "13812345678", email: "sales@mingyuan.cn", contact: null })] });
    const plan = planImport(model, src([["公司名称", "联系人", "手机", "邮箱"], [cells[0] as string, "赵总", cells[2] as string, cells[3] as string]]), { kind: "customers", today });
    expect(plan.counts).toMatchObject({ read: 1, added: 0, merged: 1, skipped: 0 });
    expect(plan.fills).toEqual([{ ref: "contact", index: 0, value: { kind: "text", text: "赵总" } }]);
    expect(plan.report[0]?.notes[0]).toEqual({ code: "duplicateOf", by, other: "KH-202601-001" });
  });

  it("never overwrites a non-blank cell: a different value is a reported conflict", () => {
    const model = makeModel({ customers: [makeCustomer({ id: "KH-202601-001", name: "甲公司", contact: "王经理", stage: "新线索" })] });
    const plan = planImport(model, src([["公司名称", "联系人", "阶段"], ["甲公司", "李总", "新线索"]]), { kind: "customers", today });
    expect(plan.fills).toEqual([]);
    expect(plan.counts).toMatchObject({ merged: 0, skipped: 1, flagged: 1 });
    expect(plan.report[0]?.notes).toContainEqual({ code: "conflict", column: "联系人*", value: "李总", other: "王经理" });
  });

  it("merges duplicates within the source into the first row", () => {
    const plan = planImport(makeModel(), src([["公司名称", "联系人", "手机"], ["甲有限公司", "王", ""], ["甲公司", "", "13800138000"], ["甲", "", ""]]), { kind: "customers", today });
    expect(plan.counts).toMatchObject({ read: 3, added: 1, merged: 1, skipped: 1 });
    expect(plan.rows[0]?.get("phone")).toEqual({ kind: "text", text: "13800138000" });
    expect(plan.report.map((r) => r.notes[0])).toEqual([{ code: "duplicateInSource", by: "name", other: 2 }, { code: "duplicateInSource", by: "name", other: 2 }]);
  });

  it("--on-duplicate skip leaves the customer; new imports it anyway (with a fresh ID)", () => {
    const model = makeModel({ customers: [makeCustomer({ id: "KH-202601-001", name: "甲公司", contact: null })] });
    const rows = [["客户编号", "公司名称", "联系人"], ["KH-202601-001", "甲公司", "王"]];
    const skip = planImport(model, src(rows), { kind: "customers", today, onDuplicate: "skip" });
    expect(skip.counts).toMatchObject({ added: 0, merged: 0, skipped: 1 });
    expect(skip.fills).toEqual([]);
    const again = planImport(model, src(rows), { kind: "customers", today, onDuplicate: "new" });
    expect(again.counts).toMatchObject({ added: 1 });
    expect(again.rows[0]?.get("id")).toEqual({ kind: "text", text: "KH-202606-001" });
    expect(again.report[0]?.notes).toContainEqual({ code: "idTaken", value: "KH-202601-001", other: "KH-202606-001" });
  });

  it("a row without a customer name is skipped and reported with its original values", () => {
    const plan = planImport(makeModel(), src([["2025年客户名单"], ["公司名称", "联系人"], ["", "王"]], "名单.xlsx"), { kind: "customers", today });
    expect(plan.counts).toMatchObject({ read: 1, skipped: 1 });
    expect(plan.report[0]).toMatchObject({ sourceRow: 3, outcome: "skipped", original: ["", "王"], notes: [{ code: "missingName" }] });
  });

  it("blank rows are not records", () => {
    const plan = planImport(makeModel(), src([["公司名称", "联系人"], [null, ""], ["甲", "王"]]), { kind: "customers", today });
    expect(plan.counts).toEqual({ read: 1, added: 1, merged: 0, skipped: 0, flagged: 0, blank: 1 });
  });

  it("importing the same file twice adds nothing the second time", () => {
    const rows = [["2025年客户名单"], HEAD, ["甲有限公司", "王", "13800138000", "a@b.cn", "餐饮", "谈判中", "1.2亿", "苏州", ""], ["乙公司", "李", "0755-1234 5678", "", "C", "丢单", "￥500,000", "", ""], ["甲公司", "", "", "", "", "", "", "", "堂食"], ["丙", "", "说不清", "", "", "", "", "", ""]];
    const first = planImport(makeModel(), src(rows), { kind: "customers", today });
    expect(first.counts).toMatchObject({ read: 4, added: 3, merged: 1 });
    const after = applied(makeModel(), first);
    const second = planImport(after, src(rows), { kind: "customers", today });
    expect(second.rows).toEqual([]);
    expect(second.fills).toEqual([]);
    expect(second.newColumns).toEqual([]);
    expect(second.counts).toMatchObject({ read: 4, added: 0, merged: 0, skipped: 4 });
  });

  it("property: every source row is accounted for, and a second import adds nothing", () => {
    const names = ["甲有限公司", "甲公司", "乙股份有限公司", "丙", "", "丁集团", "乙"];
    const phones = ["", "13800138000", "13900139000", "138 0013 8000", "找前台", "13700137000"];
    const mails = ["", "x@y.cn", "X@Y.CN", "bad", "z@w.cn"];
    const stages = ["", "洽谈中", "考虑中", "已签约"];
    const row = fc.tuple(fc.constantFrom(...names), fc.constantFrom(...phones), fc.constantFrom(...mails), fc.constantFrom(...stages), fc.constantFrom("", "备注1", "=1+1"));
    fc.assert(fc.property(fc.array(row, { maxLength: 12 }), fc.constantFrom("fill", "skip", "new"), (data, mode) => {
      const rows: RawCell[][] = [["公司名称", "手机", "邮箱", "阶段", "自定义"], ...data.map((r) => [...r])];
      const existing = makeModel({ customers: [makeCustomer({ id: "KH-202606-001", name: "甲公司", phone: null, email: null, contact: null }), makeCustomer({ id: "KH-202606-002", name: "戊公司", phone: "13900139000", email: "z@w.cn" })] });
      const plan = planImport(existing, src(rows), { kind: "customers", today, onDuplicate: mode as "fill" });
      const c = plan.counts;
      expect(c.read + c.blank).toBe(data.length);
      expect(c.added + c.merged + c.skipped).toBe(c.read);
      expect(plan.rows.length).toBe(c.added);
      expect(c.flagged).toBe(plan.report.filter((r) => r.flagged).length);
      for (const r of plan.report) expect(r.original).toEqual(rows[r.sourceRow - 1]);
      if (mode === "new") return;
      const second = planImport(applied(existing, plan), src(rows), { kind: "customers", today, onDuplicate: mode as "fill" });
      expect(second.rows.length).toBe(0);
      expect(second.fills.length).toBe(0);
    }), { numRuns: 300 });
  });
});

describe("planImport: follow-ups", () => {
  const customers = [
    makeCustomer({ id: "KH-202601-001", name: "甲有限公司", phone: "13800138000", owner: "张三" }),
    makeCustomer({ id: "KH-202601-002", name: "乙公司", phone: "13900139000" }),
    makeCustomer({ id: "KH-202601-003", name: "丙公司" }), makeCustomer({ id: "KH-202601-004", name: "丙有限公司" }),
    makeCustomer({ id: "", name: "丁公司", phone: "13700137000" }),
  ];
  const model = makeModel({ customers, followUps: [makeFollowUp({ customerId: "KH-202601-002", date: day("2026-05-01"), summary: "报价" })] });
  const HEADF = ["跟进日期", "客户编号", "客户名称", "手机", "方式", "跟进内容"];

  it("matches by ID, else name, else phone; reports the unmatched, the ambiguous and the identical", () => {
    const plan = planImport(model, src([
      HEADF,
      ["2026/5/2", "KH-202601-001", "", "", "电联", "首次沟通"],
      ["2026-05-03", "", "甲公司", "", "微信", "发资料"],
      ["20260504", "", "", "139 0013 9000", "拜访", "上门"],
      ["2026-05-01", "KH-202601-002", "", "", "电话", "报价"],
      ["2026-05-05", "", "无此公司", "", "电话", "?"],
      ["2026-05-05", "", "丙", "", "电话", "?"],
      ["下周", "KH-202601-001", "", "", "电话", "?"],
      ["2026-05-06", "", "丁公司", "", "电话", "?"],
      ["2026-05-06", "KH-202601-001", "", "", "飞鸽传书", "?"],
    ]), { kind: "followups", today });
    expect(plan.counts).toEqual({ read: 9, added: 4, merged: 0, skipped: 5, flagged: 2, blank: 0 });
    expect(plan.rows.map((r) => r.get("customerId"))).toEqual(["KH-202601-001", "KH-202601-001", "KH-202601-002", "KH-202601-001"].map((t) => ({ kind: "text", text: t })));
    expect(plan.rows[0]?.get("method")).toEqual({ kind: "text", text: "电话" });
    expect(plan.rows[0]?.get("by")).toEqual({ kind: "text", text: "张三" });
    expect(plan.rows[0]?.get("customerName")).toEqual({ kind: "text", text: "甲有限公司" });
    expect(plan.report.map((r) => [r.sourceRow, r.notes.map((n) => n.code)])).toEqual([
      [5, ["identicalFollowUp"]], [6, ["unmatchedCustomer"]], [7, ["ambiguousCustomer"]], [8, ["unclear", "missingDate"]], [9, ["customerWithoutId"]], [10, ["unclear"]],
    ]);
  });

  it("a second import of the same log adds nothing", () => {
    const rows = [HEADF, ["2026/5/2", "KH-202601-001", "", "", "电联", "首次沟通"], ["2026/5/2", "KH-202601-001", "", "", "电联", "首次沟通"]];
    const first = planImport(model, src(rows), { kind: "followups", today });
    expect(first.counts).toMatchObject({ added: 1, skipped: 1 });
    const second = planImport(applied(model, first), src(rows), { kind: "followups", today });
    expect(second.counts).toMatchObject({ added: 0, skipped: 2 });
  });
});

describe("report sheet", () => {
  it("lists each row not imported cleanly, in the workbook's words, with its original values", () => {
    const plan = planImport(makeModel({ lang: "en-US" }), src([["Company", "Phone", "Stage"], ["Acme", "13800138000", "thinking"], ["", "1", ""]], "leads.csv"), { kind: "customers", today });
    const sheet = reportSheet(plan, "en-US", today);
    expect(sheet.name).toBe("Import report");
    expect(sheet.rows[1]).toEqual([{ kind: "text", text: "read 2 = new 1 + merged 0 + skipped 1; 2 rows to review" }]);
    expect(sheet.rows[3]?.map((v) => (v.kind === "text" ? v.text : ""))).toEqual(["Source file", "Source row", "Outcome", "Record", "What happened", "Company", "Phone", "Stage"]);
    expect(sheet.rows[4]).toEqual([
      { kind: "text", text: "leads.csv" }, { kind: "number", value: 2 }, { kind: "text", text: "New" }, { kind: "text", text: "KH-202606-001" },
      { kind: "text", text: "\"Stage\" value \"thinking\" not recognised; kept as typed" }, { kind: "text", text: "Acme" }, { kind: "text", text: "13800138000" }, { kind: "text", text: "thinking" },
    ]);
    expect(sheet.rows[5]?.[2]).toEqual({ kind: "text", text: "Skipped" });
    const zh = reportSheet(plan, "zh-CN", today);
    expect(zh.name).toBe("导入报告");
    expect(zh.rows[5]?.[4]).toEqual({ kind: "text", text: "「Phone」的值「1」无法识别,已原样保留;缺少客户名称,未导入" });
  });
});
