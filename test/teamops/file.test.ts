/**
 * Pool, claim and handover through the file door and the command line, read back with openpyxl;
 * the live countdown recalculated by LibreOffice against the engine.
 */
import * as fs from "fs";
import * as path from "path";
import { cli, ensureCliBuilt, py, recalc, tmpdir } from "../xlsx/helpers";
import { Book } from "../../src/xlsx/book";
import { readBook } from "../../src/xlsx/read";
import { applyPatches, type SheetWrites } from "../../src/xlsx/write";
import { atomicWrite } from "../../src/xlsx/save";
import { grade } from "../../src/core/usecases/grade";
import { daysToRelease } from "../../src/core/pool/releaseDays";
import { isPoolOwner } from "../../src/core/pool/poolOwner";
import { stageClass } from "../../src/core/grading/gradeCustomer";
import { normalizeLabel } from "../../src/core/model/headers";
import { fromLocalDate, formatIso, type DayNumber } from "../../src/core/_lib/calendar";
import { text } from "../../src/core/plan/plan";

jest.setTimeout(240_000);
beforeAll(() => ensureCliBuilt());

const TODAY = "2026-05-20";
const values = (file: string, sheet: string, cols: string) => py<Array<Array<string | number | null>>>("values.py", [file, sheet, cols]);

/** A manager typing 是 into the Rules row 启用公海 (through our own writer, so nothing else changes). */
async function switchPoolOn(file: string, word = "是"): Promise<void> {
  const book = new Book(new Uint8Array(fs.readFileSync(file)));
  const r = await readBook(book, { customers: ["id"], followUps: ["date"] });
  const row = r.model.rules.find((x) => normalizeLabel(x.label) === normalizeLabel("启用公海") || normalizeLabel(x.label) === normalizeLabel("Enable customer pool"));
  if (!row || !r.rules) throw new Error("no pool row");
  const writes: SheetWrites = new Map([[row.row, new Map([[r.rules.firstCol + 1, text(word)]])]]);
  const out = await applyPatches(book, [{ path: r.rules.sheet.path, writes }], []);
  if (out) await atomicWrite(file, out);
}

function demo(dir: string, lang: "zh-CN" | "en-US" = "zh-CN", today = TODAY): string {
  const file = path.join(dir, `demo-${lang}.xlsx`);
  expect(cli(["demo", file, "--lang", lang, "--today", today]).code).toBe(0);
  return file;
}

describe("crm-sheets pool", () => {
  it("is off by default: lists nothing, releases nothing, the file untouched", async () => {
    const dir = tmpdir();
    const file = demo(dir);
    const before = fs.readFileSync(file);
    const r = cli(["pool", file, "--release", "--today", TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("未开启公海");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("lists the due, releases them with one audit row each naming the old owner, and converges", async () => {
    const dir = tmpdir();
    const file = demo(dir);
    await switchPoolOn(file);
    const listed = JSON.parse(cli(["pool", file, "--today", TODAY, "--json"]).out) as { enabled: boolean; due: Array<{ row: number; id: string; owner: string }>; released: number };
    expect(listed.enabled).toBe(true);
    expect(listed.due.length).toBeGreaterThan(0);
    expect(listed.released).toBe(0);
    const ownersBefore = values(file, "客户信息", "A,AD");
    const byBefore = values(file, "跟进记录", "B,D");

    const r = cli(["pool", file, "--release", "--today", TODAY, "--by", "经理"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已将 ${listed.due.length} 个客户释放到「公海」`);
    const ownersAfter = values(file, "客户信息", "A,AD");
    const dueRows = new Set(listed.due.map((d) => d.row));
    ownersAfter.forEach((row, i) => {
      // Due rows now belong to the pool; every other Owner cell is as it was.
      expect(row).toEqual(dueRows.has(i + 2) ? [ownersBefore[i]?.[0], "公海"] : ownersBefore[i]);
    });
    expect(values(file, "跟进记录", "B,D")).toEqual(byBefore);
    const audit = values(file, "操作日志", "B,C,D,E").filter((x) => x[1] === "release");
    expect(audit).toHaveLength(listed.due.length);
    const first = listed.due.slice().sort((a, b) => a.row - b.row)[0] as { id: string; owner: string };
    expect(audit[0]).toEqual(["经理", "release", expect.stringMatching(new RegExp(`^${first.id} .+: ${first.owner} → 公海$`)), 1]);

    // Released customers are in the pool now: a second run has nothing to do.
    const again = JSON.parse(cli(["pool", file, "--release", "--today", TODAY, "--json"]).out) as { due: unknown[]; inPool: unknown[]; released: number };
    expect(again.due).toEqual([]);
    expect(again.released).toBe(0);
    expect(again.inPool).toHaveLength(listed.due.length);
  });

  it("claim takes a customer from the pool, logged; a customer outside the pool is refused", async () => {
    const dir = tmpdir();
    const file = demo(dir);
    await switchPoolOn(file);
    const listed = JSON.parse(cli(["pool", file, "--release", "--today", TODAY, "--json"]).out) as { due: Array<{ id: string; row: number; owner: string }> };
    const target = listed.due[0] as { id: string; row: number; owner: string };
    const r = cli(["claim", file, "--customer", target.id, "--owner", "赵六", "--today", TODAY, "--by", "赵六"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("已由 赵六 领取(原负责人 公海)");
    expect(values(file, "客户信息", "AD")[target.row - 2]).toEqual(["赵六"]);
    expect(values(file, "操作日志", "B,C,D").filter((x) => x[1] === "claim")).toEqual([["赵六", "claim", expect.stringMatching(/: 公海 → 赵六$/)]]);

    const before = fs.readFileSync(file);
    const bad = cli(["claim", file, "--customer", target.id, "--owner", "钱七", "--today", TODAY]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/不在公海中,不能领取/);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe("crm-sheets handover", () => {
  it("a dry run shows the counts and changes nothing", async () => {
    const dir = tmpdir();
    const file = demo(dir);
    const before = fs.readFileSync(file);
    const r = cli(["handover", file, "--from", "张伟", "--to", "赵六,钱七", "--dry-run", "--today", TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/张伟 的 \d+ 个客户将转交:赵六 \d+ 个、钱七 \d+ 个。/);
    expect(r.out).toContain("试运行:未做任何修改。");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("moves the open customers evenly, one audit row each; follow-ups keep their author", async () => {
    const dir = tmpdir();
    const file = demo(dir);
    const owners = values(file, "客户信息", "AD,X");
    const open = owners.filter((o) => o[0] === "张伟" && !["已成交", "售后维护", "输单", "已流失", "无效线索"].includes(String(o[1]))).length;
    const byBefore = values(file, "跟进记录", "B,D");
    const out = JSON.parse(cli(["handover", file, "--from", "张伟", "--to", "赵六,钱七,孙八", "--today", TODAY, "--json"]).out) as { counts: Array<{ to: string; count: number }>; moved: number; kept: number };
    expect(out.moved).toBe(open);
    const counts = out.counts.map((c) => c.count);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const after = values(file, "客户信息", "AD,X");
    const got = (n: string) => after.filter((o) => o[0] === n).length;
    expect(out.counts.map((c) => got(c.to))).toEqual(counts);
    // What stays with the leaving rep is exactly the customers that are not open.
    expect(after.filter((o) => o[0] === "张伟").every((o) => ["已成交", "售后维护", "输单", "已流失", "无效线索"].includes(String(o[1])))).toBe(true);
    expect(got("张伟")).toBe(out.kept);
    expect(values(file, "跟进记录", "B,D")).toEqual(byBefore);
    const audit = values(file, "操作日志", "C,D,E").filter((x) => x[0] === "handover");
    expect(audit).toHaveLength(open);
    for (const a of audit) expect(a[1]).toMatch(/: 张伟 → (赵六|钱七|孙八)$/);
  });

  it("--all-stages moves every customer of the rep", async () => {
    const dir = tmpdir();
    const file = demo(dir, "en-US");
    const mine = values(file, "Customers", "AD").filter((o) => o[0] === "张伟").length;
    const r = cli(["handover", file, "--from", "张伟", "--to", "Ann", "--all-stages", "--today", TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`moved ${mine} customers of 张伟: Ann ${mine}`);
    expect(values(file, "Customers", "AD").filter((o) => o[0] === "张伟")).toEqual([]);
  });

  it("refuses a handover to the pool with one line and exit 2", async () => {
    const dir = tmpdir();
    const file = demo(dir);
    const r = cli(["handover", file, "--from", "张伟", "--to", "公海"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^crm-sheets: .*负责人「公海」不可用于此操作\n$/);
  });
});

describe("the countdown formula, recalculated by LibreOffice", () => {
  it("equals the engine on today's date for every customer", async () => {
    const dir = tmpdir();
    const today = fromLocalDate(new Date()) as DayNumber;
    const file = demo(dir, "zh-CN", formatIso(today));
    await switchPoolOn(file);
    expect(cli(["grade", file, "--today", formatIso(today)]).code).toBe(0);
    const book = new Book(new Uint8Array(fs.readFileSync(file)));
    const plan = grade((await readBook(book, { customers: "all", followUps: "all" })).model, today);
    const expected = new Map(plan.results.map((r) => [r.record.row, daysToRelease({
      grade: r.grade, stage: stageClass(r.record.stage), lastContact: r.history.last, created: r.record.created, inPool: isPoolOwner(r.record.owner),
    }, plan.rules, today)]));
    const out = recalc(file, path.join(dir, "lo"));
    const rows = values(out, "客户信息", "A,AP");
    let numbers = 0;
    let blanks = 0;
    rows.forEach((r, i) => {
      if (!expected.has(i + 2)) return;
      const want = expected.get(i + 2) ?? null;
      const got = r[1] === "" ? null : r[1];
      expect([i + 2, got]).toEqual([i + 2, want]);
      if (want === null) blanks++; else numbers++;
    });
    // Both kinds occur: open customers count down, won and closed ones stay blank.
    expect(numbers).toBeGreaterThan(50);
    expect(blanks).toBeGreaterThan(5);
  });
});

describe("crm-sheets check and the Contacts sheet", () => {
  it("reads the decision makers on the Contacts sheet: the demo's A and B customers are covered there", async () => {
    const dir = tmpdir();
    const file = demo(dir);
    const r = cli(["check", file, "--today", TODAY, "--json"]);
    const issues = (JSON.parse(r.out) as { issues: Array<{ code: string }> }).issues;
    expect(issues.filter((i) => i.code === "noDecisionMaker")).toEqual([]);
    // Open A/B customers whose own row names no 决策人: only the Contacts sheet satisfies them.
    const rows = values(file, "客户信息", "A,O,AH,X");
    const covered = rows.filter(([, role, g, stage]) => role !== "决策人" && (g === "A" || g === "B") && !["已成交", "售后维护", "输单", "已流失", "无效线索"].includes(String(stage)));
    expect(covered.length).toBeGreaterThan(5);
    const contacts = new Set(values(file, "联系人", "A,E").filter((c) => c[1] === "决策人").map((c) => c[0]));
    for (const [id] of covered) expect(contacts.has(id as string)).toBe(true);
  });

  it("LibreOffice fills each contact's customer name from the Customers sheet", async () => {
    const dir = tmpdir();
    const file = demo(dir);
    const names = new Map(values(file, "客户信息", "A,B").map(([id, name]) => [id, name]));
    const out = recalc(file, path.join(dir, "lo"));
    const rows = values(out, "联系人", "A,B");
    expect(rows.length).toBeGreaterThan(20);
    for (const [id, name] of rows) expect(name).toBe(names.get(id));
  });
});
