/**
 * The import case of `npm run bench`: a 50,000-row CSV (a team's export: half the companies
 * already in the workbook under slightly different names, phones with spaces, amounts in 万,
 * a column of their own) imported by the command line into a workbook of 50,000 customers.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { benchData } from "./data";
import { ourWorkbook } from "./writeBook";
import { rng } from "../src/cli/sampleData";
import { parseIsoDay } from "../src/core/_lib/calendar";

export interface ImportBench {
  readonly rows: number;
  readonly customers: number;
  readonly csvMiB: number;
  readonly wallMs: { min: number; median: number; max: number; runs: number };
  readonly peakRssMiB: number;
  readonly summary: string;
}

const STAGES = ["洽谈中", "初步沟通", "已签约", "方案", "潜在客户", "考虑中"];
const INDUSTRIES = ["制造", "软件", "餐饮", "零售", "C 制造业", "物流"];

function csvFor(existingNames: readonly string[], n: number, seed = 11): string {
  const r = rng(seed);
  const lines = ["公司名称,联系人,手机,行业,阶段,预算,地区,经营范围"];
  for (let i = 0; i < n; i++) {
    // Every other row is a customer the workbook already has, written the way another rep would.
    const known = i % 2 === 0 ? existingNames[Math.floor(r() * existingNames.length)] : undefined;
    const name = known ? known.replace("有限公司", "(中国)有限公司") : `新客户${i}科技有限公司`;
    const phone = `139 ${String(Math.floor(r() * 1e4)).padStart(4, "0")} ${String(i).padStart(4, "0")}`;
    lines.push([name, "赵经理", phone, INDUSTRIES[i % INDUSTRIES.length], STAGES[i % STAGES.length], `${(i % 90) + 10}万`, i % 3 === 0 ? "广东省深圳市" : "杭州", `"范围,${i}"`].join(","));
  }
  return lines.join("\r\n");
}

export async function importBench(root: string, out: string, today: string, runs = 3): Promise<ImportBench> {
  const n = 50_000;
  const d = benchData(n, 1, parseIsoDay(today) as number);
  const book = path.join(out, "import-50k.xlsx");
  fs.writeFileSync(book, await ourWorkbook(d));
  const csv = path.join(out, "import-50k.csv");
  fs.writeFileSync(csv, csvFor(d.customers.name as string[], n));
  const wall: number[] = [];
  let rss = 0;
  let summary = "";
  for (let i = 0; i <= runs; i++) {
    const copy = path.join(out, "import-run.xlsx");
    fs.copyFileSync(book, copy);
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, path.join(root, "bin", "crm-sheets.js"), "import", csv, "--into", copy, "--today", today], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`import failed: ${r.stderr.slice(0, 400)}`);
    const [secs, kb] = (r.stderr.trim().split("\n").pop() ?? "0 0").split(" ").map(Number);
    summary = r.stdout.trim().split("\n")[0] ?? "";
    if (i > 0) { wall.push((secs ?? 0) * 1000); rss = Math.max(rss, (kb ?? 0) / 1024); }
  }
  const s = [...wall].sort((a, b) => a - b);
  return {
    rows: n, customers: n, csvMiB: fs.statSync(csv).size / 2 ** 20,
    wallMs: { min: s[0] ?? 0, median: s[Math.floor(s.length / 2)] ?? 0, max: s[s.length - 1] ?? 0, runs: s.length }, peakRssMiB: rss, summary,
  };
}
