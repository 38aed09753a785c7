/**
 * `npm run bench`: core, add-in adapter (strict double, Excel on the web's limits), command line
 * end to end, the formula-only peer in LibreOffice, and the task pane's initial JavaScript.
 * Medians of 5 runs after 1 warm-up unless said otherwise. Never part of `npm test`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { benchData, type BenchData } from "./data";
import { ourWorkbook, peerWorkbook } from "./writeBook";
import { grade } from "../src/core/usecases/grade";
import { parseIsoDay, formatIso, type DayNumber } from "../src/core/_lib/calendar";
import type { RawCell, TableModel, WorkbookModel } from "../src/core/model/workbookModel";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../src/core/template/columns";
import { headerText } from "../src/core/model/headers";
import { ExcelDouble, WEB_LIMITS } from "../test/double/excelDouble";
import { seed } from "../test/excel/seed";
import { installTemplate, gradeWorkbook } from "../src/excel/usecases";
import { importBench, type ImportBench } from "./importBench";

const root = path.resolve(__dirname, "..", "..");
const out = path.join(root, "bench", "out");
const QUICK = process.env.BENCH_QUICK === "1";
const TODAY = "2026-05-20";
const today = parseIsoDay(TODAY) as DayNumber;
fs.mkdirSync(out, { recursive: true });

interface Stat { min: number; median: number; max: number; runs: number }
const stat = (xs: number[]): Stat => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0] ?? 0, median: s[Math.floor(s.length / 2)] ?? 0, max: s[s.length - 1] ?? 0, runs: s.length };
};
async function measure(runs: number, f: () => Promise<number> | number): Promise<Stat> {
  await f(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await f());
  return stat(xs);
}
const log = (s: string) => process.stderr.write(`${s}\n`);

function model(d: BenchData): WorkbookModel {
  const table = (sheet: "customers" | "followUps", defs: typeof CUSTOMER_COLUMNS, cols: Record<string, RawCell[]>): TableModel => ({
    sheet, sheetName: sheet, headerRow: 1, firstColumn: 1, rowCount: (Object.values(cols)[0] ?? []).length,
    headers: defs.map((c) => headerText(c, "zh-CN")), positions: Object.fromEntries(defs.map((c, i) => [c.key, i])), cols,
  });
  return { lang: "zh-CN", templateVersion: 1, customers: table("customers", CUSTOMER_COLUMNS, d.customers), followUps: table("followUps", FOLLOWUP_COLUMNS, d.followUps), rules: [], lists: {} };
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAtStart: os.loadavg()[0] }, date: new Date().toISOString(), quick: QUICK };
  const sizes = QUICK ? [1000, 10000] : [1000, 10000, 100000];

  // 1. Core grading, each size in a fresh process so one size's garbage does not tax the next.
  const core: Record<string, Stat> = {};
  for (const n of sizes) {
    const r = spawnSync(process.execPath, ["--max-old-space-size=8192", __filename, "--core", String(n)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`core bench failed: ${r.stderr}`);
    core[n] = JSON.parse(r.stdout) as Stat;
    log(`core ${n}: ${core[n]?.median.toFixed(0)} ms`);
  }
  results.core = core;

  // 2. The Office adapter on the strict double with Excel on the web's limits.
  const addin: Record<string, unknown> = {};
  for (const n of QUICK ? [1000, 10000] : [1000, 10000, 50000]) {
    const d = benchData(n, 10, today);
    const x = new ExcelDouble({ limits: WEB_LIMITS });
    x.install();
    await installTemplate("zh-CN", false, "bench", new Date());
    const keys = ["id", "name", "industry", "contact", "stage", "owner", "amount", "closeDate", "fit", "intent", "value", "created"];
    // The Status column's calculated formula has filled every row in Excel; its computed label is what a read sees.
    seed(x, "CRM_Customers", Array.from({ length: n }, (_, i) => ({ ...Object.fromEntries(keys.map((k) => [k, (d.customers[k]?.[i] ?? null) as string | number | null])), status: "正常" })));
    seed(x, "CRM_FollowUps", Array.from({ length: d.followUps.date?.length ?? 0 }, (_, i) => ({ date: d.followUps.date?.[i] as number, customerId: d.followUps.customerId?.[i] as string, by: "张三", method: "电话", summary: "x", nextDate: (d.followUps.nextDate?.[i] ?? null) as number | null })));
    x.resetCounters();
    const t = Date.now();
    await gradeWorkbook(today, "bench", new Date());
    const cu = x.sheet("客户信息");
    addin[n] = {
      syncs: x.syncCount, ms: Date.now() - t,
      maxRequestBytes: Math.max(...x.syncs.map((s) => s.requestBytes)), maxResponseBytes: Math.max(...x.syncs.map((s) => s.responseBytes)),
      perSync: x.syncs.map((s) => ({ request: s.requestBytes, response: s.responseBytes })),
      conditionalFormats: cu.conditionalFormats.length, validations: x.store.sheets.reduce((s, sh) => s + sh.validations.length, 0),
    };
    log(`addin ${n}: ${JSON.stringify({ syncs: x.syncCount, cf: cu.conditionalFormats.length })}`);
  }
  results.addin = addin;

  // 3. The command line end to end.
  const cli: Record<string, unknown> = {};
  const files: Record<number, string> = {};
  for (const n of sizes) {
    const d = benchData(n, 10, today);
    const file = path.join(out, `ours-${n}.xlsx`);
    fs.writeFileSync(file, await ourWorkbook(d));
    files[n] = file;
    const runs = n >= 100000 ? 3 : 5;
    const wall: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const copy = path.join(out, `run-${n}.xlsx`);
      fs.copyFileSync(file, copy);
      const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, path.join(root, "bin", "crm-sheets.js"), "grade", copy, "--today", TODAY, "--json"], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`cli failed: ${r.stderr.slice(0, 400)}`);
      const [secs, kb] = (r.stderr.trim().split("\n").pop() ?? "0 0").split(" ").map(Number);
      if (i > 0) { wall.push((secs ?? 0) * 1000); rss.push((kb ?? 0) / 1024); }
    }
    cli[n] = { wallMs: stat(wall), peakRssMiB: stat(rss), fileMiB: fs.statSync(file).size / 2 ** 20 };
    log(`cli ${n}: ${stat(wall).median} ms, ${stat(rss).median.toFixed(0)} MiB`);
  }
  results.cli = cli;

  // 3b. Import: a 50,000-row CSV into a workbook of 50,000 customers, end to end.
  results.import = await importBench(root, out, TODAY);
  log(`import 50k into 50k: ${(results.import as ImportBench).wallMs.median} ms`);

  // 4. The formula-only peer, recalculated by LibreOffice, against our command line on the same data.
  const peer: Record<string, unknown> = {};
  for (const n of [1000, 10000]) {
    const d = benchData(n, 10, today);
    const peerFile = path.join(out, `peer-${n}.xlsx`);
    fs.writeFileSync(peerFile, peerWorkbook(d));
    const ours = files[n] ?? path.join(out, `ours-${n}.xlsx`);
    if (!fs.existsSync(ours)) fs.writeFileSync(ours, await ourWorkbook(d));
    const runs = QUICK || n >= 10000 ? 3 : 5;
    const pw: number[] = [];
    const ow: number[] = [];
    let loOut = "";
    for (let i = 0; i <= runs; i++) {
      const copy = path.join(out, `run-peer-${n}.xlsx`);
      fs.copyFileSync(ours, copy);
      let t = Date.now();
      spawnSync(process.execPath, [path.join(root, "bin", "crm-sheets.js"), "grade", copy, "--today", TODAY], { encoding: "utf8" });
      const o = Date.now() - t;
      t = Date.now();
      const dir = path.join(out, `lo-${n}`);
      const r = spawnSync("bash", [path.join(root, "test", "xlsx", "lo_recalc.sh"), peerFile, dir], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`LibreOffice failed: ${r.stderr}`);
      const p = Date.now() - t;
      loOut = path.join(dir, path.basename(peerFile));
      if (i > 0) { ow.push(o); pw.push(p); }
    }
    // Both must agree on the last-contact dates.
    const plan = grade(model(d), today);
    const mine = plan.results.map((r) => (r.history.last === null ? null : formatIso(r.history.last)));
    const vals = spawnSync("/usr/bin/python3", [path.join(root, "test", "xlsx", "values.py"), loOut, "客户信息", "I"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const theirs = (JSON.parse(vals.stdout) as Array<[number | null]>).map(([v]) => (typeof v === "number" && v > 0 ? formatIso(v as DayNumber) : null));
    const agree = mine.filter((x, i) => x === theirs[i]).length;
    peer[n] = { peerWallMs: stat(pw), oursWallMs: stat(ow), ratio: stat(pw).median / Math.max(1, stat(ow).median), lastContactAgree: `${agree}/${mine.length}` };
    log(`peer ${n}: LibreOffice ${stat(pw).median} ms vs ours ${stat(ow).median} ms; agree ${agree}/${mine.length}`);
  }
  results.peer = peer;

  // 5. The dashboard built by the command line (graded first, as a team's workbook is).
  results.dashboard = await dashboardBench();

  // 6. The task pane's initial JavaScript.
  results.taskpaneInitialJsGzipKiB = paneInitialJsGzipKiB();

  (results.machine as { loadAtEnd?: number }).loadAtEnd = os.loadavg()[0];
  fs.writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(results, null, 2));
  writePage(results);
  log("wrote bench/results.json and docs/benchmarks.md");
}

/**
 * The task pane's initial JavaScript (taskpane.js, its only up-front script), gzipped, from a fresh
 * production build: a `dist/` left from an older build would report the wrong figure. A build over the
 * pane's budget fails (scripts/pane-budget.js) but still writes its files, so it is measured all the same.
 */
function paneInitialJsGzipKiB(): number {
  spawnSync(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: root, stdio: "ignore" });
  return zlib.gzipSync(fs.readFileSync(path.join(root, "dist", "taskpane.js"))).length / 1024;
}

interface DashboardResult { customers: number; followUps: number; wallMs: Stat; peakRssMiB: Stat; fileMiB: number }
function dashboardReport(d: DashboardResult | undefined): string[] {
  if (!d) return [];
  return [
    "## Dashboard (`crm-sheets dashboard`, whole process, 3 runs after 1 warm-up)", "",
    "| customers | follow-ups | file | wall (ms) | peak RSS (MiB) | target |", "|---|---|---|---|---|---|",
    `| ${d.customers.toLocaleString("en")} | ${d.followUps.toLocaleString("en")} | ${d.fileMiB.toFixed(1)} MiB | ${d.wallMs.min.toFixed(0)} / **${d.wallMs.median.toFixed(0)}** / ${d.wallMs.max.toFixed(0)} | ${d.peakRssMiB.median.toFixed(0)} | ${d.customers === 50000 ? `≤ 3,000 ms: ${d.wallMs.median <= 3000 ? "met" : "**missed**"}` : ""} |`,
  ];
}

/** Marks where the page's hand-written notes begin: everything from it on survives a regeneration. */
export const NOTES_MARK = "<!-- Hand-written notes below: kept as they are by `npm run bench`. -->";

/** Writes the page from the results, keeping its hand-written notes. */
function writePage(r: Record<string, unknown>): void {
  const page = path.join(root, "docs", "benchmarks.md");
  const now = fs.existsSync(page) ? fs.readFileSync(page, "utf8") : "";
  const at = now.indexOf(NOTES_MARK);
  fs.writeFileSync(page, at >= 0 ? `${report(r).replace(/\n*$/, "\n\n")}${now.slice(at)}` : report(r));
}

export function report(r: Record<string, unknown>): string {
  const core = r.core as Record<string, Stat>;
  const addin = r.addin as Record<string, { syncs: number; ms: number; maxRequestBytes: number; maxResponseBytes: number; conditionalFormats: number; validations: number }>;
  const cli = r.cli as Record<string, { wallMs: Stat; peakRssMiB: Stat; fileMiB: number }>;
  const peer = r.peer as Record<string, { peerWallMs: Stat; oursWallMs: Stat; ratio: number; lastContactAgree: string }>;
  const f = (s: Stat, d = 0) => `${s.min.toFixed(d)} / **${s.median.toFixed(d)}** / ${s.max.toFixed(d)}`;
  const m = r.machine as { cpus: number; cpu: string; memoryGiB: number; node: string; loadAtStart?: number; loadAtEnd?: number };
  const fmtS = (ms: number | undefined) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(2)} s`);
  const fmtMiB = (mib: number | undefined) => (mib === undefined ? "—" : `${mib.toFixed(0)} MiB peak`);
  const cli100 = cli["100000"];
  const cli10 = cli["10000"];
  const peer10 = peer["10000"];
  const dash = r.dashboard as DashboardResult | undefined;
  const addinRows = Object.values(addin);
  const addinCf = [...new Set(addinRows.map((a) => a.conditionalFormats))].join("–");
  const addinDv = [...new Set(addinRows.map((a) => a.validations))].join("–");
  const loadNote = m.loadAtStart !== undefined ? `${m.loadAtStart.toFixed(1)} at its start and ${(m.loadAtEnd ?? 0).toFixed(1)} at its end on 2 cores` : "unknown";
  const lines = [
    "# Benchmarks", "",
    `Machine: ${m.cpus} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}. Run: ${String(r.date).slice(0, 10)}${r.quick ? " (quick mode: smaller sizes)" : ""}.`,
    ...(m.loadAtStart !== undefined ? [`Load average (1 min) at start and end of the run: ${m.loadAtStart.toFixed(1)} / ${(m.loadAtEnd ?? 0).toFixed(1)} — wall times on a shared machine grow with it.`] : []),
    "Figures are min / **median** / max over 5 runs after 1 warm-up unless noted. `npm run bench` regenerates this page.", "",
    "## Core grading (in memory, ~10 follow-ups per customer)", "",
    "| customers | follow-ups | time (ms) | target |", "|---|---|---|---|",
    ...Object.entries(core).map(([n, s]) => `| ${Number(n).toLocaleString("en")} | ${(Number(n) * 10).toLocaleString("en")} | ${f(s)} | ${n === "100000" ? `≤ 1,000 ms: ${s.median <= 1000 ? "met" : "**missed**"}` : ""} |`), "",
    "## Office adapter on the strict double (Excel on the web's 5 MB limits enforced)", "",
    "| customers | syncs | largest request | largest response | conditional formats | validations | time (ms) |", "|---|---|---|---|---|---|---|",
    ...Object.entries(addin).map(([n, a]) => `| ${Number(n).toLocaleString("en")} | ${a.syncs} | ${(a.maxRequestBytes / 1024).toFixed(0)} KiB | ${(a.maxResponseBytes / 1024).toFixed(0)} KiB | ${a.conditionalFormats} | ${a.validations} | ${a.ms} |`), "",
    "Target: syncs ≤ 3 plus one per 4 MB chunk; conditional-format rules ≤ 8 at every size.", "",
    "## Command line, end to end (`crm-sheets grade`)", "",
    "| customers | follow-ups | file | wall (ms) | peak RSS (MiB) | target |", "|---|---|---|---|---|---|",
    ...Object.entries(cli).map(([n, c]) => `| ${Number(n).toLocaleString("en")} | ${(Number(n) * 10).toLocaleString("en")} | ${c.fileMiB.toFixed(1)} MiB | ${f(c.wallMs)} | ${f(c.peakRssMiB)} | ${n === "100000" ? `≤ 6 s and ≤ 600 MB: ${c.wallMs.median <= 6000 && c.peakRssMiB.median <= 600 ? "met" : "**missed**"}` : n === "10000" ? `≤ 0.5 s: ${c.wallMs.median <= 500 ? "met" : "**missed**"}` : ""} |`), "",
    ...importSection(r.import as ImportBench | undefined),
    "## Against the formula-only workbook (MAXIFS + IF, LibreOffice headless recalculation)", "",
    "| customers | LibreOffice (ms) | ours (ms) | ratio | last contact agrees | target |", "|---|---|---|---|---|---|",
    ...Object.entries(peer).map(([n, p]) => `| ${Number(n).toLocaleString("en")} | ${f(p.peerWallMs)} | ${f(p.oursWallMs)} | ${p.ratio.toFixed(1)}× | ${p.lastContactAgree} | ${n === "10000" ? `≥ 40×: ${p.ratio >= 40 ? "met" : "**missed**"}` : ""} |`), "",
    "Whole-process wall time of each, alternating, on the same data (ours: the same customers and follow-ups in our template). 10k peer runs: 3 after 1 warm-up.", "",
    ...dashboardReport(r.dashboard as DashboardResult | undefined), "",
    "## Task pane", "",
    `Initial JavaScript (taskpane.js, gzipped): ${(r.taskpaneInitialJsGzipKiB as number).toFixed(0)} KiB — target ≤ 250 KiB: ${(r.taskpaneInitialJsGzipKiB as number) <= 250 ? "met" : "**missed**"}. Later pages load on first use.`, "",
    "## What the numbers say", "",
    "- **Core** grows linearly: one pass over the follow-ups into typed arrays, one pass over customers; each size runs in its own process. At 100k × 1M the remaining cost is one hash lookup per follow-up row (about a quarter of the time), the per-customer reason text and garbage collection; runs vary by ±10 % with the collector.",
    `- **Syncs** are 1 (structure) + read chunks + write chunks; every chunk stays under Excel on the web's 5 MB request and response limits (largest figures above), and the count at 50k is the payload divided by 4 MB, not the row count. Conditional-format rules stay at ${addinCf} and validations at ${addinDv} whatever the size.`,
    `- **Command line** (byte-level scanner: zlib inflates a megabyte at a time on the thread pool, handed on as 64 KiB one-byte strings; a table's rows are read straight from that text, one loop finding each row's end, stepping over the cells not read and reading the wanted ones, any row it does not know (or holding a shared formula) taking the general path; values decoded only for the columns read, plain text decoded from its UTF-8 by hand, untouched rows copied out as their own bytes, the Status formula read as a mark; the Customers sheet inflated once for its read and its rewrite; the rewrite deflated on the thread pool beside the writer): 100k × 1M ${fmtS(cli100?.wallMs.median)} and ${fmtMiB(cli100?.peakRssMiB.median)}, 10k × 100k ${fmtS(cli10?.wallMs.median)}, in the run above at a load average of ${loadNote}. On this 2-core machine shared with other work the wall time follows the load. At 100k × 1M the 320 MB follow-up log is read on a worker thread beside the Customers sheet and arrives in parts (the main thread unpacks them as they come). At 10k × 100k the log (32 MB) is read in turn (a worker still costs more than it saves there); profiled, about a tenth of that run is starting Node and loading the program, 45 % reading the two sheets, a sixth grading and a fifth writing the Customers sheet back, and much of the reading is code not yet optimised by V8.`,
    "- **A same-day re-run** compares each written cell with the file and writes nothing when nothing differs: the whole file stays byte-identical (tested), so a second `grade` costs one read.",
    `- **Against the formula-only workbook** the whole-process ratio at 10k × 100k is ${peer10 ? `${peer10.ratio.toFixed(1)}× (LibreOffice ${fmtS(peer10.peerWallMs.median)} against our ${fmtS(peer10.oursWallMs.median)} in the alternating runs)` : "not measured"}. A loaded machine slows LibreOffice's long single run more than our short one (earlier runs at 10k × 100k took 16.5 s at a load of 11 and about 60 s at a load of 9–11), so the ratio moves with the load; ${peer10 ? `against ${fmtS(peer10.peerWallMs.median)}, 40× needs our whole run near ${fmtS(peer10.peerWallMs.median / 40)}` : "40× needs our whole run near 0.4 s"}.`,
    `- **Dashboard** at 50k × 500k: ${dash ? `${fmtS(dash.wallMs.median)} (${dash.wallMs.median <= 3000 ? "within" : "over"} its 3 s target)` : "not measured"}. Reading is most of it; the follow-up rows are now left after their Date and By cells, so the long summary text is never stepped over.`,
    "",
  ];
  return lines.join("\n");
}

/** `crm-sheets dashboard` on 50,000 customers × 500,000 follow-ups, whole process, 3 runs after a warm-up. */
async function dashboardBench(): Promise<Record<string, unknown>> {
  const n = QUICK ? 10000 : 50000;
  const d = benchData(n, 10, today);
  const file = path.join(out, `dash-${n}.xlsx`);
  fs.writeFileSync(file, await ourWorkbook(d));
  spawnSync(process.execPath, [path.join(root, "bin", "crm-sheets.js"), "grade", file, "--today", TODAY], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const wall: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i <= 3; i++) {
    const copy = path.join(out, `run-dash-${n}.xlsx`);
    fs.copyFileSync(file, copy);
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, path.join(root, "bin", "crm-sheets.js"), "dashboard", copy, "--today", TODAY, "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`dashboard failed: ${r.stderr.slice(0, 400)}`);
    const [secs, kb] = (r.stderr.trim().split("\n").pop() ?? "0 0").split(" ").map(Number);
    if (i > 0) { wall.push((secs ?? 0) * 1000); rss.push((kb ?? 0) / 1024); }
  }
  const res = { customers: n, followUps: n * 10, wallMs: stat(wall), peakRssMiB: stat(rss), fileMiB: fs.statSync(file).size / 2 ** 20 };
  log(`dashboard ${n}: ${res.wallMs.median} ms, ${res.peakRssMiB.median.toFixed(0)} MiB`);
  return res;
}

function importSection(x: ImportBench | undefined): string[] {
  if (!x) return [];
  const w = x.wallMs;
  return [
    "## Import (`crm-sheets import`, end to end)", "",
    "| CSV rows | into customers | CSV | wall (ms) | peak RSS (MiB) | target |", "|---|---|---|---|---|---|",
    `| ${x.rows.toLocaleString("en")} | ${x.customers.toLocaleString("en")} | ${x.csvMiB.toFixed(1)} MiB | ${w.min.toFixed(0)} / **${w.median.toFixed(0)}** / ${w.max.toFixed(0)} | ${x.peakRssMiB.toFixed(0)} | ≤ 5,000 ms: ${w.median <= 5000 ? "met" : "**missed**"} |`, "",
    `Half the rows name a customer already in the workbook (merged or skipped), half are new; ${runsNote(w.runs)} Result: ${x.summary}`, "",
    "The Customers sheet is read and rewritten by the same byte-level scanner as grading (values decoded only for the columns read, untouched rows copied as their bytes); the import plan and the report sheet are the rest.", "",
  ];
}

function runsNote(runs: number): string {
  return `${runs} runs after 1 warm-up.`;
}

async function coreOnly(n: number): Promise<void> {
  const m = model(benchData(n, 10, today));
  const s = await measure(5, () => { const t = process.hrtime.bigint(); grade(m, today); return Number(process.hrtime.bigint() - t) / 1e6; });
  process.stdout.write(JSON.stringify(s));
}

/** `--cli 10000,100000`: only the command line end to end at those sizes (a quick look between full runs). */
async function cliOnly(sizes: number[]): Promise<void> {
  for (const n of sizes) {
    const file = path.join(out, `ours-${n}.xlsx`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, await ourWorkbook(benchData(n, 10, today)));
    for (let i = 0; i < 3; i++) {
      const copy = path.join(out, `run-${n}.xlsx`);
      fs.copyFileSync(file, copy);
      const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, path.join(root, "bin", "crm-sheets.js"), "grade", copy, "--today", TODAY, "--json"], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`cli failed: ${r.stderr.slice(0, 400)}`);
      log(`cli ${n}: ${r.stderr.trim().split("\n").pop() ?? ""} (s, KiB)`);
    }
  }
}

const coreArg = process.argv.indexOf("--core");
const cliArg = process.argv.indexOf("--cli");
if (coreArg > 0) {
  void coreOnly(Number(process.argv[coreArg + 1]));
} else if (process.argv.includes("--dashboard-only")) {
  // Measures only the dashboard and merges it into the last results.
  void dashboardBench().then((d) => {
    const file = path.join(root, "bench", "results.json");
    const r = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    r.dashboard = d;
    fs.writeFileSync(file, JSON.stringify(r, null, 2));
    writePage(r);
  });
} else if (process.argv.includes("--import-only")) {
  // Only the import case, merged into the last full results.
  void importBench(root, out, TODAY).then((x) => {
    const file = path.join(root, "bench", "results.json");
    const r = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    r.import = x;
    fs.writeFileSync(file, JSON.stringify(r, null, 2));
    writePage(r);
    log(`import 50k into 50k: ${x.wallMs.median} ms (${x.summary})`);
  });
} else if (process.argv.includes("--page-only")) {
  // Only the page, written again from the last results (after its words changed).
  writePage(JSON.parse(fs.readFileSync(path.join(root, "bench", "results.json"), "utf8")) as Record<string, unknown>);
} else if (cliArg > 0) {
  void cliOnly((process.argv[cliArg + 1] ?? "10000").split(",").map(Number));
} else if (process.argv.includes("--pane-only")) {
  // Only the task pane's initial JavaScript, merged into the last full results.
  const file = path.join(root, "bench", "results.json");
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  r.taskpaneInitialJsGzipKiB = paneInitialJsGzipKiB();
  fs.writeFileSync(file, JSON.stringify(r, null, 2));
  writePage(r);
  log(`task pane initial JavaScript: ${(r.taskpaneInitialJsGzipKiB as number).toFixed(1)} KiB gzipped`);
} else if (process.argv.includes("--report-only")) {
  const r = JSON.parse(fs.readFileSync(path.join(root, "bench", "results.json"), "utf8")) as Record<string, unknown>;
  writePage(r);
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
