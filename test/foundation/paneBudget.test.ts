/**
 * The pane's first-paint budget: every production build (CI's build step among them) fails when the
 * task pane's initial JavaScript passes 250 KiB gzipped. Here, on a small fixture built with webpack:
 * what is counted (the entry's up-front scripts, not what `import()` loads later), that passing the
 * budget fails the build while still writing its files, and that the pane's production build carries it.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import webpack, { type Configuration, type Stats } from "webpack";
import { PANE_BUDGET_KIB, PaneBudgetPlugin } from "../../scripts/pane-budget";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own config, a CommonJS function
const paneConfig = require("../../webpack.config.js") as (env: unknown, argv: { mode: string }) => Configuration;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pane-budget-"));
  // Random hex gzips to about half its length whatever the bytes: 8,000 characters are ~4 KiB gzipped.
  const words = (n: number) => crypto.randomBytes(n / 2).toString("hex");
  fs.writeFileSync(path.join(dir, "first.js"), `export const first = "${words(8_000)}";\n`);
  fs.writeFileSync(path.join(dir, "later.js"), `export const later = "${words(200_000)}";\n`);
  fs.writeFileSync(path.join(dir, "entry.js"), `import { first } from "./first.js";\nconsole.log(first);\nvoid import("./later.js").then((m) => console.log(m.later));\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function build(kib: number, out: string, splitFirst = false): Promise<Stats> {
  const config: Configuration = {
    mode: "production",
    context: dir,
    entry: { taskpane: "./entry.js" },
    output: { path: path.join(dir, out), filename: "[name].js", chunkFilename: "[name].later.js" },
    // Minifying adds nothing to what is measured, only time.
    optimization: {
      minimize: false,
      // `first.js` in a chunk of its own that the page still loads up front, as a vendor split would be.
      ...(splitFirst ? { splitChunks: { chunks: "all" as const, cacheGroups: { first: { test: /first\.js$/, name: "first", enforce: true } } } } : {}),
    },
    plugins: [new PaneBudgetPlugin({ entry: "taskpane", kib })],
  };
  return new Promise((resolve, reject) => webpack(config, (err, stats) => (err || !stats ? reject(err ?? new Error("no stats")) : resolve(stats))));
}

const errorsOf = (stats: Stats) => (stats.toJson({ all: false, errors: true }).errors ?? []).map((e) => e.message);

it("counts the entry's up-front scripts only: ~4 KiB fits 20 KiB although the chunk loaded later is ~100 KiB", async () => {
  const stats = await build(20, "fits");
  expect(errorsOf(stats)).toEqual([]);
  const later = fs.readdirSync(path.join(dir, "fits")).filter((f) => f.endsWith(".later.js"));
  expect(later).toHaveLength(1);
  expect(fs.statSync(path.join(dir, "fits", later[0] as string)).size).toBeGreaterThan(200_000);
});

it("fails the build past the budget, naming the size, and still writes the files to look at", async () => {
  const stats = await build(2, "over");
  const errors = errorsOf(stats);
  expect(stats.hasErrors()).toBe(true);
  expect(errors).toHaveLength(1);
  const size = Number(/initial JavaScript ([\d.]+) KiB gzipped \(budget 2 KiB\): over budget/.exec(errors[0] ?? "")?.[1]);
  // The size is the written entry file's, gzipped as `npm run bench` measures it.
  const written = fs.readFileSync(path.join(dir, "over", "taskpane.js"));
  expect(size).toBeCloseTo(zlib.gzipSync(written).length / 1024, 1);
  expect(size).toBeGreaterThan(3.9);
});

it("counts a chunk split off the entry that the page loads up front", async () => {
  const stats = await build(5, "split", true);
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, "split", f))).length / 1024;
  // The entry file alone fits; with the chunk split off it, it does not.
  expect(gz("taskpane.js")).toBeLessThan(5);
  expect(gz("taskpane.js") + gz("first.js")).toBeGreaterThan(5);
  expect(errorsOf(stats).join("\n")).toMatch(/over budget/);
});

it("the pane's production build carries the 250 KiB budget; development and test-harness builds do not", () => {
  expect(PANE_BUDGET_KIB).toBe(250);
  const budgets = (mode: string) => (paneConfig({}, { mode }).plugins ?? []).filter((p): p is PaneBudgetPlugin => p instanceof PaneBudgetPlugin);
  expect(budgets("production").map((p) => [p.entry, p.kib])).toEqual([["taskpane", 250]]);
  expect(budgets("development")).toEqual([]);
  const harness = process.env.CRM_TEST_HARNESS;
  process.env.CRM_TEST_HARNESS = "1";
  try {
    expect(budgets("production")).toEqual([]);
  } finally {
    if (harness === undefined) delete process.env.CRM_TEST_HARNESS;
    else process.env.CRM_TEST_HARNESS = harness;
  }
});
