/**
 * Reliability of the add-in path on the strict double: nothing lost, nothing injected, local dates,
 * co-authors, and a failure at every sync.
 */
import fc from "fast-check";
import { ExcelDouble, DoubleError } from "../double/excelDouble";
import { installTemplate, gradeWorkbook, logFollowUp, watchChanges, customerCard } from "../../src/excel/usecases";
import { createOfficeWorkbook } from "../../src/taskpane/officeDoor";
import { ExcelDoorError } from "../../src/excel/errors";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { seed } from "../excel/seed";
import { installedDouble } from "../support/installedDouble";
import { day } from "../support/builders";
import { INJECTION } from "./vectors";
import type { CellValue } from "../double/store";

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 10, 0);
const DERIVED = new Set(CUSTOMER_COLUMNS.filter((c) => c.derived).map((c) => c.key));

/** Every user cell of the Customers and Follow-ups sheets (not derived columns, not our other sheets). */
function userCells(x: ExcelDouble): Map<string, string> {
  const out = new Map<string, string>();
  const cu = x.table("CRM_Customers");
  const sheet = x.store.sheetById(cu.sheetId);
  if (!sheet) return out;
  const headers = new Map<number, string>();
  for (let c = cu.rect.c0; c <= cu.rect.c1; c++) headers.set(c, String(sheet.cell(cu.rect.r0, c)?.v ?? ""));
  const derivedCols = new Set([...headers].filter(([, h]) => CUSTOMER_COLUMNS.some((d) => DERIVED.has(d.key) && (h === d.header["zh-CN"] || h === d.header["en-US"]))).map(([c]) => c));
  for (const [r, row] of sheet.cells) for (const [c, cell] of row) {
    if (r > cu.rect.r0 && derivedCols.has(c)) continue;
    if (r > cu.rect.r0 && c === cu.rect.c0 && (cell.v === null || cell.v === "")) continue; // a blank ID we own
    out.set(`${sheet.name}!${r}:${c}`, JSON.stringify([cell.v, cell.f, cell.nf]));
  }
  return out;
}

const nasty = fc.oneof(
  fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 8 }), fc.constantFrom(...INJECTION),
  fc.constantFrom("😀🚚", "𠮷野家", "x".repeat(32767), "#N/A", "#VALUE!", "半年", "五十万", "2026/13/45"),
  fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
);
const stages = fc.constantFrom("新线索", "需求确认", "已成交", "输单", "Lead", "Won", "奇怪的阶段", null);

describe("nothing lost (generated workbooks)", () => {
  it("install, log and grade leave every user cell as it was", async () => {
    let workbooks = 0;
    let cellsCompared = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ name: nasty, stage: stages, amount: nasty, closeDate: nasty, fit: fc.constantFrom("高", "中", "低", "High", "?", null), notes: nasty, phone: nasty, extra: nasty }), { minLength: 1, maxLength: 12 }),
      fc.boolean(),
      async (rows, english) => {
        const x = await installedDouble({ now, lang: english ? "en-US" : "zh-CN", user: "u", customers: rows.map((r, i) => ({ id: `KH-202601-${String(i + 1).padStart(3, "0")}`, name: r.name as CellValue, stage: r.stage, amount: r.amount as CellValue, closeDate: r.closeDate as CellValue, fit: r.fit, notes: r.notes as CellValue, phone: r.phone as CellValue, contact: "王", industry: "C 制造业", owner: "张三" })) });
        const before = userCells(x);
        await logFollowUp({ customerId: "KH-202601-001", date: today, by: "张三", method: "电话", summary: "跟进" }, today, "u", now);
        await gradeWorkbook(today, "u", now);
        await gradeWorkbook(today, "u", now);
        const after = userCells(x);
        for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
        workbooks++;
        cellsCompared += before.size;
      }), { numRuns: 25 });
    expect(workbooks).toBe(25);
    expect(cellsCompared).toBeGreaterThan(1000);
  });
});

describe("nothing injected", () => {
  it.each(INJECTION)("the log form's free text %p is stored as text", async (payload) => {
    const x = await installedDouble({ now, user: "u", customers: [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三" }] });
    await logFollowUp({ customerId: "KH-1", date: today, by: payload, method: "电话", summary: payload, feedback: payload, nextStep: payload }, today, "u", now);
    for (const a of ["F2", "G2", "H2"]) expect(x.cell("跟进记录", a)).toMatchObject({ v: payload, f: null, nf: "@" });
  });
});

describe("dates are local calendar dates", () => {
  it("a follow-up logged at 23:30 local time lands on that local date", async () => {
    const x = await installedDouble({ now, user: "u", customers: [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三" }] });
    const late = new Date(2026, 4, 20, 23, 30);
    const api = createOfficeWorkbook(() => late);
    expect(api.today()).toBe(day("2026-05-20"));
    await api.logFollowUp({ customerId: "KH-1", date: api.today(), by: "张三", method: "电话", summary: "晚上的电话" }, "u");
    expect(x.cell("跟进记录", "A2")?.v).toBe(day("2026-05-20"));
  });
});

describe("co-authoring", () => {
  it("two clients interleaving log and grade lose no follow-up, and grade writes only derived cells", async () => {
    const a = await installedDouble({ now, user: "甲", customers: Array.from({ length: 5 }, (_, i) => ({ id: `KH-${i}`, name: `公司${i}`, industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三" })) });
    const b = a.coAuthor();
    for (let round = 0; round < 6; round++) {
      const who = round % 2 === 0 ? a : b;
      who.install();
      await logFollowUp({ customerId: `KH-${round % 5}`, date: today, by: "张三", method: "电话", summary: `第${round}次` }, today, "x", now);
      const before = userCells(a);
      (round % 2 === 0 ? b : a).install();
      await gradeWorkbook(today, "y", now);
      const after = userCells(a);
      for (const [k, v] of before) expect(after.get(k)).toBe(v);
    }
    const summaries = a.grid("跟进记录", "F2:F7").map((r) => r[0]);
    expect(summaries).toEqual(["第0次", "第1次", "第2次", "第3次", "第4次", "第5次"]);
  });
  it("our own writes raise no change callback; a co-author's or the user's do", async () => {
    const x = await installedDouble({ now, user: "u", customers: [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三" }] });
    const seen: string[] = [];
    const stop = await watchChanges((sheet, address) => seen.push(`${sheet}!${address}`));
    await gradeWorkbook(today, "u", now);
    await logFollowUp({ customerId: "KH-1", date: today, by: "张三", method: "电话", summary: "x" }, today, "u", now);
    expect(seen).toEqual([]);
    x.userTypes("客户信息", "B2", [["甲公司(改名)"]]);
    expect(seen).toEqual(["客户信息!B2"]);
    await stop();
  });
});

describe("co-authors' structural edits at random moments (generated)", () => {
  const GRADE_COL = CUSTOMER_COLUMNS.findIndex((c) => c.key === "grade");
  const ID_COL = CUSTOMER_COLUMNS.findIndex((c) => c.key === "id");
  const NAME_COL = CUSTOMER_COLUMNS.findIndex((c) => c.key === "name");
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("insert" as const), at: fc.integer({ min: 3, max: 12 }), n: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.integer({ min: 3, max: 8 }), n: fc.constant(1) }),
    fc.record({ kind: fc.constant("sort" as const), at: fc.constant(0), n: fc.constant(0) }),
  );
  /** The grade and ID on each customer row, by name (names are unique here). */
  function byName(x: ExcelDouble): Map<string, [CellValue, CellValue]> {
    const t = x.table("CRM_Customers");
    const sheet = x.store.sheetById(t.sheetId);
    const out = new Map<string, [CellValue, CellValue]>();
    for (let r = t.rect.r0 + 1; r <= t.rect.r1; r++) {
      const name = sheet?.cell(r, t.rect.c0 + NAME_COL)?.v;
      if (name === null || name === undefined || name === "") continue;
      out.set(String(name), [sheet?.cell(r, t.rect.c0 + GRADE_COL)?.v ?? null, sheet?.cell(r, t.rect.c0 + ID_COL)?.v ?? null]);
    }
    return out;
  }
  it("every grade sits on its own customer's row, IDs are never moved or duplicated, and a rerun converges", async () => {
    let runs = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ fit: fc.constantFrom("高", "中", "低"), intent: fc.constantFrom("高", "中", "低"), blankId: fc.boolean() }), { minLength: 3, maxLength: 10 }),
      fc.array(fc.record({ sync: fc.integer({ min: 1, max: 6 }), edit }), { minLength: 1, maxLength: 3 }),
      async (rows, edits) => {
        const make = async () => {
          const x = await installedDouble({ now, user: "u", customers: rows.map((r, i) => ({ id: r.blankId ? null : `KH-${i + 1}`, name: `公司${i + 1}`, industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: r.fit, intent: r.intent, created: day("2026-05-01") })) });
          return x;
        };
        const apply = (x: ExcelDouble, e: { kind: "insert" | "delete" | "sort"; at: number; n: number }) => {
          const t = x.table("CRM_Customers");
          if (e.kind === "insert") x.remoteInsertRows("客户信息", Math.min(e.at, t.rect.r1 + 1), e.n);
          else if (e.kind === "delete") { if (e.at <= t.rect.r1) x.remoteDeleteRows("客户信息", e.at, 1); }
          else x.remoteSort("CRM_Customers", "合作意向", true);
        };
        const calm = await make();
        await gradeWorkbook(today, "u", now);
        const reference = byName(calm);
        const x = await make();
        const ids = new Map([...byName(x)].filter(([, v]) => v[1] !== null).map(([k, v]) => [k, v[1]]));
        let first: number | null = null;
        x.betweenSyncs = (n) => {
          first ??= n;
          for (const e of edits) if (n - first + 1 === e.sync) apply(x, e.edit);
        };
        await gradeWorkbook(today, "u", now);
        x.betweenSyncs = null;
        const after = byName(x);
        for (const [name, [g, id]] of after) {
          if (g !== null) expect([name, g]).toEqual([name, reference.get(name)?.[0]]);
          if (ids.has(name)) expect([name, id]).toEqual([name, ids.get(name)]);
        }
        const all = [...after.values()].map((v) => v[1]).filter((v) => v !== null);
        expect(new Set(all).size).toBe(all.length);
        await gradeWorkbook(today, "u", now);
        for (const [name, [g]] of byName(x)) expect([name, g]).toEqual([name, reference.get(name)?.[0]]);
        runs++;
      }), { numRuns: 30 });
    expect(runs).toBe(30);
  });
});

describe("a failure at every sync", () => {
  async function prepared(fail: number | null) {
    let n = 0;
    const x = new ExcelDouble({ beforeSync: () => { n++; if (fail !== null && n === fail) throw new DoubleError("GeneralException", `injected failure at sync ${n}`); } });
    x.install();
    return { x, count: () => n, reset: () => { n = 0; } };
  }
  it("grade: user cells unchanged, a message naming what failed, and a rerun converges", async () => {
    const reference = await prepared(null);
    await installTemplate("zh-CN", false, "u", now);
    seed(reference.x, "CRM_Customers", [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "中" }, { name: "乙", industry: "C 制造业", contact: "李", stage: "新线索", owner: "张三", created: day("2026-05-01") }]);
    reference.reset();
    await gradeWorkbook(today, "u", now);
    const syncs = reference.count();
    const expected = reference.x.grid("客户信息", "A2:AN3");
    let injected = 0;
    for (let k = 1; k <= syncs; k++) {
      const t = await prepared(null);
      await installTemplate("zh-CN", false, "u", now);
      seed(t.x, "CRM_Customers", [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "中" }, { name: "乙", industry: "C 制造业", contact: "李", stage: "新线索", owner: "张三", created: day("2026-05-01") }]);
      const before = userCells(t.x);
      t.reset();
      const failing = new ExcelDouble({ beforeSync: (n) => { if (n === k) throw new DoubleError("GeneralException", `injected failure at sync ${k}`); } }, t.x.store);
      failing.install();
      const err = await gradeWorkbook(today, "u", now).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExcelDoorError);
      expect((err as ExcelDoorError).message).toContain(`injected failure at sync ${k}`);
      expect((err as ExcelDoorError).step).toBe("grade");
      const after = userCells(t.x);
      for (const [key, v] of before) if (!key.endsWith(":0")) expect(after.get(key)).toBe(v);
      t.x.install();
      await gradeWorkbook(today, "u", now);
      expect(t.x.grid("客户信息", "A2:AN3")).toEqual(expected);
      injected++;
    }
    expect(injected).toBe(syncs);
  });
});

describe("nothing leaked", () => {
  it("the card masks the phone for display; the cell keeps the number", async () => {
    const x = await installedDouble({ now, user: "u", customers: [{ id: "KH-1", name: "甲", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", phone: "13812345678" }] });
    const card = await customerCard(2, today);
    expect(card?.phoneMasked).toBe("138****5678");
    expect(x.cell("客户信息", "P2")?.v).toBe("13812345678");
  });
});
