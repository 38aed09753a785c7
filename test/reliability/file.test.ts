/**
 * Reliability of the file path: generated workbooks keep every user cell (read back by openpyxl),
 * injection payloads stay text, and a failure at every write step leaves the file byte-identical.
 */
import fc from "fast-check";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { gradeFile, logFile } from "../../src/xlsx/usecases";
import { templateWorkbook } from "../../src/xlsx/init";
import { planInstall } from "../../src/core/usecases/planInstall";
import { atomicWrite } from "../../src/xlsx/save";
import { tmpdir, inspect, expectValid } from "../xlsx/helpers";
import { day } from "../support/builders";
import { INJECTION } from "./vectors";

jest.setTimeout(300_000);
const today = day("2026-05-20");

function gen(mode: "make" | "dump", file: string, spec?: unknown): Record<string, unknown> {
  const r = spawnSync("/usr/bin/python3", [path.join(__dirname, "gen_book.py"), mode, file], { input: spec ? JSON.stringify(spec) : "", encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const OUR_HEADERS = ["客户编号*", "客户名称*", "所属行业*", "联系人*", "当前阶段*", "负责人*", "预计金额(元)", "预计成交日期", "客户等级", "分级依据", "最近跟进日期", "下次跟进日期", "跟进状态"];
const DERIVED = new Set(["客户等级", "分级依据", "最近跟进日期", "下次跟进日期", "跟进状态"]);
const cellText = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...INJECTION.filter((s) => !s.startsWith("=")), "😀", "𠮷", "#N/A", "#VALUE!", "x".repeat(32767), "五十万", "2026/13/1"), fc.integer(), fc.boolean());

describe("nothing lost on the file path (generated workbooks)", () => {
  it("grade and log keep every user cell, merged range and other sheet", async () => {
    let books = 0;
    let cells = 0;
    await fc.assert(fc.asyncProperty(
      fc.shuffledSubarray(["我的备注", "我的列2", "区域"], { minLength: 1 }).map((extra) => (["我的备注", ...extra.filter((e) => e !== "我的备注")])),
      fc.array(fc.record({ name: cellText, amount: cellText, close: cellText, note: cellText }), { minLength: 2, maxLength: 6 }),
      fc.constantFrom("销售 报表", "Tom's sheet", "月报 '2026'"),
      fc.integer({ min: 0, max: 1000 }),
      async (extras, rows, other, seed) => {
        const headers = [...OUR_HEADERS, ...extras];
        // Users reorder columns: rotate by the seed.
        const k = seed % headers.length;
        const order = [...headers.slice(k), ...headers.slice(0, k)];
        const spec = {
          headers: order, other, merge: true,
          rows: rows.map((r, i) => ({
            "客户编号*": `KH-202601-${String(i + 1).padStart(3, "0")}`, "客户名称*": r.name, "所属行业*": "C 制造业", "联系人*": "王", "当前阶段*": "新线索", "负责人*": "张三",
            "预计金额(元)": r.amount, "预计成交日期": r.close, "我的备注": i === 0 ? r.note : null, "我的列2": "保留", "区域": "华东",
          })),
        };
        const file = path.join(tmpdir("gen-"), "team.xlsx");
        const before = gen("make", file, spec);
        await gradeFile(file, today);
        await logFile(file, { customerId: "KH-202601-001", date: today, by: "张三", method: "电话", summary: "=1+1" }, today);
        expectValid(file);
        await gradeFile(file, today);
        expectValid(file);
        const after = gen("dump", file);
        const derivedCols = new Set(order.map((h, i) => (DERIVED.has(h) ? String.fromCharCode(65 + i) : "")).filter(Boolean));
        for (const [key, v] of Object.entries(before)) {
          const m = /^客户信息!([A-Z]+)(\d+)$/.exec(key);
          if (m && Number(m[2]) > 1 && derivedCols.has(m[1] ?? "")) continue;
          expect([key, after[key]]).toEqual([key, v]);
          cells++;
        }
        books++;
      }), { numRuns: 12 });
    expect(books).toBe(12);
    expect(cells).toBeGreaterThan(300);
  });
});

describe("a failure at every write step", () => {
  it.each(["temp-open", "temp-written", "before-rename"] as const)("%s: the original stays byte-identical and valid", async (step) => {
    const dir = tmpdir("fail-");
    const file = path.join(dir, "t.xlsx");
    atomicWrite(file, await templateWorkbook("zh-CN"));
    const original = fs.readFileSync(file);
    await expect(gradeFile(file, today, (s) => { if (s === step) throw new Error(`injected at ${s}`); })).rejects.toThrow(`injected at ${step}`);
    expect(fs.readFileSync(file).equals(original)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["t.xlsx"]);
    expect(inspect(file).sheets).toHaveLength(planInstall("zh-CN").sheets.length);
    // Running again converges on the uninterrupted result.
    await gradeFile(file, today);
    expectValid(file);
    expect(inspect(file, "分级规则!B4").cells["分级规则!B4"]?.v).toBe("2026-05-20T00:00:00");
  });
});
