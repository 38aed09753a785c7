import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { Book } from "../../src/xlsx/book";
import { readBook } from "../../src/xlsx/read";
import { readComplaints } from "../../src/core/health/complaints";
import { complaintStatus } from "../../src/core/health/complaintStatus";
import { readRules } from "../../src/core/rules/rules";
import { healthText } from "../../src/core/health/messages";
import { formatDateTime, fromLocalDateTime, type WallTime } from "../../src/core/health/wallClock";
import { formatIso, fromLocalDate } from "../../src/core/_lib/calendar";
import { columnLetter } from "../../src/core/_lib/a1";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";
import { cli, ensureCliBuilt, inspect, py, recalc, tmpdir } from "../xlsx/helpers";

const PY = "/usr/bin/python3";
function setCells(file: string, sheet: string, cells: Record<string, [string | number, "datetime" | "date" | "text" | "number"]>): void {
  const r = spawnSync(PY, [path.join(__dirname, "set_cells.py"), file, sheet, JSON.stringify(cells)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
}

beforeAll(() => ensureCliBuilt());

describe("crm-sheets complaint", () => {
  const dir = tmpdir();
  const file = path.join(dir, "crm.xlsx");
  const TODAY = "2026-05-20";
  beforeAll(() => {
    expect(cli(["demo", file, "--today", TODAY]).code).toBe(0);
  });
  const firstId = () => inspect(file, "客户信息!A2").cells["客户信息!A2"]?.v as string;

  it("fills the new table's blank row first, then appends below it; text stays text", () => {
    const payloads = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "@SUM(1)"];
    payloads.forEach((summary, i) => {
      const r = cli([
        "complaint",
        file,
        "--customer",
        firstId(),
        "--summary",
        summary,
        "--by",
        i === 1 ? "-2+3" : "王五",
        "--at",
        `2026-05-20 ${String(i + 8).padStart(2, "0")}:30`,
      ]);
      expect([r.code, r.err]).toEqual([0, ""]);
      expect(r.out).toContain(`第 ${i + 2} 行`);
    });
    const x = inspect(file, "投诉记录!A2", "投诉记录!D2", "投诉记录!D3", "投诉记录!E3", "投诉记录!D4", "投诉记录!C2", "投诉记录!L3");
    expect(x.cells["投诉记录!A2"]).toMatchObject({ v: "2026-05-20T08:30:00", nf: "yyyy-mm-dd hh:mm" });
    payloads.forEach((p, i) => expect(x.cells[`投诉记录!D${i + 2}`]).toMatchObject({ v: p, t: "s" }));
    expect(x.cells["投诉记录!E3"]).toMatchObject({ v: "-2+3", t: "s" });
    expect(x.cells["投诉记录!C2"]?.v).toMatch(/有限公司$/);
    expect(x.cells["投诉记录!L3"]).toMatchObject({ t: "f" });
    expect(String(x.cells["投诉记录!L3"]?.v)).toContain("$A3");
    const sheet = x.sheets.find((s) => s.name === "投诉记录");
    expect(sheet?.tables.CRM_Complaints?.ref).toBe("A1:L4");
    expect(sheet?.conditional[0]?.sqref).toBe("A2:L4");
  });

  it("refuses an unknown customer and a malformed --at with one line, exit 2, the file untouched", () => {
    const before = fs.readFileSync(file);
    for (const args of [
      ["--customer", "KH-404", "--summary", "x"],
      ["--customer", firstId(), "--summary", "x", "--at", "2026-05-20"],
      ["--summary", "x"],
    ]) {
      const r = cli(["complaint", file, ...args]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("grade writes the tier columns and --json reports tiers and open / late complaints", () => {
    const r = cli(["grade", file, "--today", TODAY, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { summary: { health: { byTier: Record<string, number>; complaints: { total: number; open: number; late: number } } } };
    expect(out.summary.health.complaints.total).toBe(3);
    expect(out.summary.health.byTier.risk).toBeGreaterThanOrEqual(1);
    const rows = py<Array<[string, string, string]>>("values.py", [file, "客户信息", ["id", "valueTier", "tierReason"].map((k) => columnLetter(CUSTOMER_COLUMNS.findIndex((c) => c.key === k) + 1)).join(",")]);
    const first = rows[0];
    expect(first?.[1]).toBe("风险");
    expect(first?.[2]).toMatch(/^风险:90天内投诉3次/);
    const human = cli(["grade", file, "--today", TODAY]);
    expect(human.out).toMatch(/价值分层:风险 \d+ · 高价值 \d+/);
    expect(human.out).toMatch(/投诉:共 3 · 未完成 \d · 超时 \d/);
  });

  it("check flags a complaint whose customer is not on the Customers sheet", () => {
    setCells(file, "投诉记录", { B3: ["KH-209901-999", "text"] });
    const r = cli(["check", file, "--today", TODAY, "--json"]);
    expect(r.code).toBe(1);
    const issues = (JSON.parse(r.out) as { issues: Array<{ code: string; sheet: string; row: number; value?: string }> }).issues;
    expect(issues.filter((i) => i.sheet === "complaints")).toEqual([expect.objectContaining({ code: "unknownCustomerId", row: 3, value: "KH-209901-999" })]);
  });
});

describe("the SLA formula recalculated by LibreOffice equals the engine", () => {
  it("for every state, at the real clock", async () => {
    const dir = tmpdir();
    const file = path.join(dir, "sla.xlsx");
    const now = new Date();
    const today = fromLocalDate(now);
    expect(cli(["demo", file, "--today", formatIso(today!)]).code).toBe(0);
    const id = inspect(file, "客户信息!A2").cells["客户信息!A2"]?.v as string;
    // Times well clear of every boundary (10 minutes or more), so the seconds LibreOffice takes do not matter.
    const ago = (minutes: number) => formatDateTime(((fromLocalDateTime(now) as WallTime) - minutes / 1440) as WallTime);
    const H = 60;
    const D = 1440;
    const rows: Array<{ received: number; responded?: number; solved?: number; back?: number }> = [
      { received: 30 },
      { received: 2 * H },
      { received: 5 * H, responded: 5 * H - 10 },
      { received: 30 * H, responded: 29 * H },
      { received: 2 * D, responded: 2 * D - 20, solved: D },
      { received: 6 * D, responded: 6 * D - 20, solved: 5 * D },
      { received: 6 * D, responded: 6 * D - 20, solved: 5 * D, back: 4 * D },
      { received: 20 },
    ];
    for (const r of rows) expect(cli(["complaint", file, "--customer", id, "--summary", "测试", "--at", ago(r.received)]).code).toBe(0);
    const cells: Record<string, [string, "datetime" | "date"]> = {};
    rows.forEach((r, i) => {
      const n = i + 2;
      if (r.responded !== undefined) cells[`F${n}`] = [ago(r.responded), "datetime"];
      if (r.solved !== undefined) cells[`H${n}`] = [ago(r.solved), "datetime"];
      if (r.back !== undefined) cells[`I${n}`] = [ago(r.back).slice(0, 10), "date"];
    });
    setCells(file, "投诉记录", cells);

    const out = recalc(file, path.join(dir, "lo"));
    const at = fromLocalDateTime(new Date()) as WallTime;
    const r = await readBook(new Book(new Uint8Array(fs.readFileSync(file))), { customers: ["id"], followUps: ["date"], complaints: "all" });
    const { rules } = readRules(r.model);
    const engine = readComplaints(r.model.complaints, null).map((c) => healthText("zh-CN").complaintStatus[complaintStatus(c, rules, at) ?? "done"]);
    const sheet = py<Array<[string | null]>>("values.py", [out, "投诉记录", "L"]).map((x) => x[0]);
    expect(engine).toEqual(["待响应", "响应超时", "处理中", "解决超时", "待回访", "回访超时", "已完成", "待响应"]);
    expect(sheet).toEqual(engine);
  });
});
