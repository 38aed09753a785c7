/**
 * A co-author's insert, delete, sort, filter or typing slipped in between every pair of our syncs:
 * no derived value or generated ID on another customer's row, no user cell changed, and a second
 * run converges on what a calm workbook gives.
 */
import { ExcelDouble } from "../double/excelDouble";
import type { CellValue, SheetStore } from "../double/store";
import { gradeWorkbook, logFollowUp } from "../../src/excel/usecases";
import { matchHeaders } from "../../src/core/model/headers";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import type { SeedRow } from "./seed";
import { installedDouble } from "../support/installedDouble";
import { day } from "../support/builders";

const today = day("2026-05-20");
const now = new Date(2026, 4, 20, 9, 30);
const SHEET = "客户信息";
const TABLE = "CRM_Customers";
const DERIVED = new Set(CUSTOMER_COLUMNS.filter((c) => c.derived).map((c) => c.key));

const CUSTOMERS: SeedRow[] = [
  { id: "KH-202601-001", name: "甲公司", industry: "C 制造业", contact: "王", stage: "新线索", owner: "张三", fit: "高", intent: "高", closeDate: day("2026-06-01"), amount: 300000 },
  { id: null, name: "乙公司", industry: "C 制造业", contact: "李", stage: "初步接触", owner: "李四", fit: "低", intent: "低", created: day("2026-05-10") },
  { id: "KH-202601-003", name: "丙公司", industry: "C 制造业", contact: "赵", stage: "需求确认", owner: "张三", fit: "中", intent: "中" },
  { id: "KH-202601-004", name: "丁公司", industry: "C 制造业", contact: "钱", stage: "已成交", owner: "李四", fit: "高", intent: "低" },
  { id: null, name: "戊公司", industry: "C 制造业", contact: "孙", stage: "新线索", owner: "张三", created: day("2026-05-12") },
  { id: "KH-202601-006", name: "己公司", industry: "C 制造业", contact: "周", stage: "方案报价", owner: "李四", fit: "中", intent: "高" },
];
const FOLLOWUPS: SeedRow[] = [
  { date: day("2026-05-11"), customerId: "KH-202601-001", by: "张三", method: "电话", summary: "聊了" },
  { date: day("2026-04-02"), customerId: "KH-202601-003", by: "张三", method: "拜访", summary: "见面" },
  { date: day("2026-05-15"), customerId: "KH-202601-006", by: "李四", method: "微信", summary: "报价" },
];

const workbook = (): Promise<ExcelDouble> => installedDouble({ now, user: "u", customers: CUSTOMERS, followUps: FOLLOWUPS });

/**
 * `calculated`: the table's calculated-column formulas as they read on this row. Excel (and the
 * double) copies them into a row inserted inside the table, so a co-author's blank row carries them
 * without any write of ours.
 */
interface Row { readonly r: number; readonly user: Record<string, CellValue>; readonly derived: Record<string, CellValue>; readonly calculated: Record<string, string> }

/** The Customers table's rows as user cells and derived cells, by column key. */
function rowsOf(x: ExcelDouble): Row[] {
  const t = x.table(TABLE);
  const sheet = x.store.sheetById(t.sheetId) as SheetStore;
  const headers: string[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) headers.push(String(sheet.cell(t.rect.r0, c)?.v ?? ""));
  const { positions } = matchHeaders(headers, CUSTOMER_COLUMNS);
  const out: Row[] = [];
  for (let r = t.rect.r0 + 1; r <= t.rect.r1; r++) {
    const user: Record<string, CellValue> = {};
    const derived: Record<string, CellValue> = {};
    const calculated: Record<string, string> = {};
    for (const [k, p] of Object.entries(positions)) {
      const calc = t.calculated?.get(p);
      if (calc !== undefined) calculated[k] = calc.split("{row}").join(String(r + 1));
      const cell = sheet.cell(r, t.rect.c0 + p);
      const v = cell ? (cell.f ?? cell.v) : null;
      (DERIVED.has(k) ? derived : user)[k] = v === "" ? null : v;
    }
    out.push({ r, user, derived, calculated });
  }
  return out;
}

type Act = (x: ExcelDouble) => void;
const ACTIONS: ReadonlyArray<readonly [string, Act]> = [
  ["insert", (x) => x.remoteInsertRows(SHEET, 3, 2)],
  ["delete", (x) => x.remoteDeleteRows(SHEET, 3, 1)],
  ["sort", (x) => x.remoteSort(TABLE, "客户名称*", true)],
  ["filter", (x) => x.remoteFilter(TABLE, "负责人*", (v) => v === "张三")],
  ["typing an ID", (x) => x.remoteTypes(SHEET, "A3", [["KH-手填-1"]])],
];

/** Slips `act` in before the `k`-th sync of the next run (1-based). */
function before(x: ExcelDouble, k: number, act: Act): void {
  let first: number | null = null;
  x.betweenSyncs = (n) => {
    first ??= n;
    if (n - first + 1 === k) act(x);
  };
}

/** Derived values by customer name, as a calm grade of the same workbook gives them. */
function derivedByName(rows: readonly Row[]): Map<string, Record<string, CellValue>> {
  return new Map(rows.filter((r) => r.user.name !== null).map((r) => [String(r.user.name), r.derived]));
}

/** Every derived value on a row belongs to that row's customer (or is blank), status formulas aside. */
function expectOwnValues(rows: readonly Row[], reference: Map<string, Record<string, CellValue>>): void {
  for (const row of rows) {
    const mine = row.user.name === null ? null : reference.get(String(row.user.name));
    for (const [k, v] of Object.entries(row.derived)) {
      if (v === null || k === "status") continue;
      // A row that is no customer's may hold only the calculated formula Excel filled in for that very row.
      if (mine === null && row.calculated[k] !== undefined) {
        expect([row.r, k, v]).toEqual([row.r, k, row.calculated[k]]);
        continue;
      }
      expect([row.user.name, k, v]).toEqual([row.user.name, k, mine?.[k]]);
    }
  }
}

async function syncsOf(run: (x: ExcelDouble) => Promise<unknown>): Promise<number> {
  const x = await workbook();
  await run(x);
  return x.syncCount;
}

describe("grade with a co-author between every pair of syncs", () => {
  it.each(ACTIONS)("%s: no value on another customer's row, no user cell changed, a second run converges", async (_label, act) => {
    const calm = await workbook();
    await gradeWorkbook(today, "u", now);
    const reference = derivedByName(rowsOf(calm));
    const syncs = await syncsOf(() => gradeWorkbook(today, "u", now));
    expect(syncs).toBeGreaterThanOrEqual(3);
    for (let k = 1; k <= syncs; k++) {
      // What the workbook holds with the co-author's edit alone.
      const alone = await workbook();
      act(alone);
      const expectedUser = rowsOf(alone).map((r) => r.user);

      const x = await workbook();
      before(x, k, act);
      await gradeWorkbook(today, "u", now);
      x.betweenSyncs = null;
      const rows = rowsOf(x);
      expectOwnValues(rows, reference);
      // User cells exactly as the co-author left them; only blank IDs may have been filled, once each.
      rows.forEach((row, i) => {
        const want = expectedUser[i] as Record<string, CellValue>;
        for (const [key, v] of Object.entries(row.user)) {
          if (key === "id" && want.id === null) continue;
          expect([k, row.r, key, v]).toEqual([k, row.r, key, want[key]]);
        }
      });
      const ids = rows.map((r) => r.user.id).filter((v) => v !== null);
      expect(new Set(ids).size).toBe(ids.length);

      // A second run gives what a calm run over the co-author's workbook gives.
      await gradeWorkbook(today, "u", now);
      await gradeWorkbook(today, "u", now);
      const converged = rowsOf(x);
      const calmAfter = derivedByName(rowsOf(alone));
      alone.install();
      await gradeWorkbook(today, "u", now);
      x.install();
      const expected = derivedByName(rowsOf(alone));
      expect(calmAfter.size).toBeGreaterThan(0);
      for (const row of converged) if (row.user.name !== null) expect([k, row.user.name, row.derived]).toEqual([k, row.user.name, expected.get(String(row.user.name))]);
    }
  });
});

describe("log with a co-author between every pair of syncs", () => {
  const input = { customerId: "KH-202601-003", date: today, by: "张三", method: "电话", summary: "回访" };
  it.each(ACTIONS)("%s: the follow-up is logged once and only that customer's cells change", async (_label, act) => {
    const syncs = await syncsOf(() => logFollowUp(input, today, "u", now));
    for (let k = 1; k <= syncs; k++) {
      const alone = await workbook();
      act(alone);
      const expectedRows = rowsOf(alone);

      const x = await workbook();
      before(x, k, act);
      const out = await logFollowUp(input, today, "u", now);
      x.betweenSyncs = null;
      expect(out.customer).toBe("KH-202601-003");
      const summaries = x.grid("跟进记录", "F2:F6").map((r) => r[0]);
      expect(summaries.filter((v) => v === "回访")).toHaveLength(1);
      const rows = rowsOf(x);
      rows.forEach((row, i) => {
        const want = expectedRows[i] as Row;
        expect([k, row.r, row.user]).toEqual([k, row.r, want.user]);
        // Derived cells change on 丙公司's row only.
        if (row.user.name !== "丙公司") expect([k, row.user.name, row.derived]).toEqual([k, row.user.name, want.derived]);
      });
      const mine = rows.find((r) => r.user.name === "丙公司");
      expect(mine?.derived.lastContact).toBe(today);
    }
  });
});

describe("grading under a filter", () => {
  it("grades hidden rows too and leaves the filter and the selection as they were", async () => {
    const x = await workbook();
    x.remoteFilter(TABLE, "负责人*", (v) => v === "张三");
    x.userSelects(SHEET, "C5");
    const hidden = [...(x.store.sheetByName(SHEET)?.hiddenRows ?? [])].sort();
    expect(hidden.length).toBeGreaterThan(0);
    const out = await gradeWorkbook(today, "u", now);
    expect(out.summary.customers).toBe(CUSTOMERS.length);
    const rows = rowsOf(x);
    // Every customer, shown or hidden, got its derived cells (the follow-up count is never blank).
    for (const row of rows) expect([row.user.name, row.derived.followUps]).not.toEqual([row.user.name, null]);
    expect([...(x.store.sheetByName(SHEET)?.hiddenRows ?? [])].sort()).toEqual(hidden);
    expect(x.table(TABLE).filtered).toBe(true);
    expect(x.store.selection?.rect).toEqual({ r0: 4, r1: 4, c0: 2, c1: 2 });
  });
});

describe("the audit log with another client writing to it", () => {
  it("an entry a co-author's add-in appended between our syncs is kept; ours goes below it", async () => {
    const syncs = await syncsOf(() => gradeWorkbook(today, "u", now));
    for (let k = 1; k <= syncs; k++) {
      const x = await workbook();
      before(x, k, (y) => {
        const t = y.table("CRM_Audit");
        y.remoteTypes("操作日志", `A${t.rect.r1 + 2}:E${t.rect.r1 + 2}`, [[46000, "别人", "log", "KH-9 2026-05-20", 12]]);
      });
      await gradeWorkbook(today, "u", now);
      const log = x.grid("操作日志", "B2:C9").filter((r) => r[0] !== null && r[0] !== "");
      expect([k, log.filter((r) => r[0] === "别人")]).toEqual([k, [["别人", "log"]]]);
      expect([k, log.filter((r) => r[1] === "grade")]).toEqual([k, [["u", "grade"]]]);
    }
  });
});

describe("rows Excel's find may not see", () => {
  it("a hidden ID column: the run switches from guards to checks, grades every row, and generates no ID", async () => {
    const calm = await workbook();
    await gradeWorkbook(today, "u", now);
    const reference = derivedByName(rowsOf(calm));
    const x = await workbook();
    x.sheet(SHEET).hiddenColumns.add(0);
    const out = await gradeWorkbook(today, "u", now);
    expect(out.idsFilled).toBe(0);
    expectOwnValues(rowsOf(x), reference);
    for (const row of rowsOf(x)) expect([row.user.name, row.derived.followUps]).not.toEqual([row.user.name, null]);
    expect(rowsOf(x).filter((r) => r.user.id === null).map((r) => r.user.name)).toEqual(["乙公司", "戊公司"]);
  });
  it.each(ACTIONS.filter(([l]) => l !== "filter"))("under a filter, %s between every pair of syncs still converges with every value on its row", async (_label, act) => {
    const calm = await workbook();
    await gradeWorkbook(today, "u", now);
    const reference = derivedByName(rowsOf(calm));
    const syncs = await syncsOf(async (y) => { y.remoteFilter(TABLE, "负责人*", (v) => v === "张三"); await gradeWorkbook(today, "u", now); });
    for (let k = 1; k <= syncs; k++) {
      const x = await workbook();
      x.remoteFilter(TABLE, "负责人*", (v) => v === "张三");
      before(x, k, act);
      await gradeWorkbook(today, "u", now);
      x.betweenSyncs = null;
      expectOwnValues(rowsOf(x), reference);
    }
  });
});

describe("logging for a row Excel's find may not see", () => {
  const input = { customerId: "KH-202601-004", date: today, by: "李四", method: "电话", summary: "回访" };
  it("a filtered-out customer: the follow-up is logged, the customer's cells are left to the next grade", async () => {
    const x = await workbook();
    x.remoteFilter(TABLE, "负责人*", (v) => v === "张三");
    const before = rowsOf(x).find((r) => r.user.name === "丁公司");
    const out = await logFollowUp(input, today, "u", now);
    expect(out.customer).toBe("KH-202601-004");
    expect(x.grid("跟进记录", "F5")).toEqual([["回访"]]);
    expect(rowsOf(x).find((r) => r.user.name === "丁公司")).toEqual(before);
    await gradeWorkbook(today, "u", now);
    expect(rowsOf(x).find((r) => r.user.name === "丁公司")?.derived.lastContact).toBe(today);
  });
  it("a hidden ID column: logging works; a stage change is refused with the reason, nothing written", async () => {
    const x = await workbook();
    x.sheet(SHEET).hiddenColumns.add(0);
    await logFollowUp(input, today, "u", now);
    expect(x.grid("跟进记录", "F5")).toEqual([["回访"]]);
    const snap = x.snapshot();
    const err = await logFollowUp({ ...input, summary: "改阶段", stage: "won" }, today, "u", now).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "RowNotCheckable" });
    expect(x.snapshot()).toEqual(snap);
  });
});
