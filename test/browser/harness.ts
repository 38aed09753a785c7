/**
 * What the browser tests share: building the pane (the test harness on the strict double, or the real
 * pane) with webpack, launching Debian's Chromium, serving Office.js from the npm copy at the CDN
 * address production uses, and a suite's whole set-up (harnessSuite: build, serve, launch, open).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Lang } from "../../src/core/i18n/lang";
import { serve } from "./server";

export const root = path.resolve(__dirname, "../..");
const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
/** Where production loads Office.js from; the harness serves the npm copy here. */
export const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/**
 * A development build into `outDir` (webpack's default folder when undefined): the harness with
 * `harness`, else the real pane. Each suite that builds concurrently with others gets its own folder.
 */
export function buildPane(options: { harness: boolean; outDir?: string }): void {
  const env = { ...process.env, ...(options.harness ? { CRM_TEST_HARNESS: "1" } : {}), ...(options.outDir ? { CRM_OUT_DIR: options.outDir } : {}) };
  // A build that hangs ends within the suites' set-up time, so the suites waiting on it hear why.
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development"], { cwd: root, env, encoding: "utf8", timeout: 150_000 });
  if (r.status !== 0) throw new Error(`${options.harness ? "harness" : "pane"} build failed${r.error ? ` (${r.error.message})` : ""}:\n${r.stdout}\n${r.stderr}`);
}

/**
 * Newest modification time and count of the files under `dirs`: what a build of them depends on,
 * cheaply, so a shared build made before an edit is not served after it (jest --watch).
 */
function sourcesStamp(dirs: readonly string[]): string {
  let newest = 0;
  let count = 0;
  const walk = (p: string): void => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else { newest = Math.max(newest, st.mtimeMs); count++; }
  };
  for (const d of dirs) if (fs.existsSync(d)) walk(d);
  return `${Math.round(newest)}-${count}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The harness, built once per jest run for every browser suite in it: the first suite to claim the
 * folder (an atomic mkdir) builds into it and leaves a `.done` (or `.failed`) mark beside it; the
 * others wait for the mark. The folder's name holds the run (set in jest.config.js) and the sources'
 * stamp, so a run never waits on a claim a crashed run left, nor serves a build older than the code.
 * Other runs' builds are removed an hour after they were made, never while a run could serve them.
 * @returns the folder to serve
 */
export async function sharedHarness(): Promise<string> {
  const base = path.join(root, "test-output");
  const run = process.env.CRM_JEST_RUN ?? `${process.pid}`;
  const stamp = sourcesStamp(["src", "test", "assets", "webpack.config.js", "tsconfig.json", "package-lock.json"].map((p) => path.join(root, p)));
  const dir = path.join(base, `shared-harness-${run}-${stamp}`);
  fs.mkdirSync(base, { recursive: true });
  let claimed = true;
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    claimed = false;
  }
  if (claimed) {
    // Builds of other runs, once no run could still be serving them (never this run's, whatever their stamp).
    for (const old of fs.readdirSync(base)) {
      const p = path.join(base, old);
      if (old.startsWith("shared-harness-") && !old.startsWith(`shared-harness-${run}-`) && Date.now() - fs.statSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { recursive: true, force: true });
    }
    try {
      buildPane({ harness: true, outDir: dir });
    } catch (e) {
      // Written whole, then named: a waiting suite never reads half a message.
      fs.writeFileSync(`${dir}.failing`, String(e));
      fs.renameSync(`${dir}.failing`, `${dir}.failed`);
      throw e;
    }
    fs.writeFileSync(`${dir}.done`, "");
    return dir;
  }
  for (const until = Date.now() + 170_000; Date.now() < until; await sleep(250)) {
    if (fs.existsSync(`${dir}.done`)) return dir;
    if (fs.existsSync(`${dir}.failed`)) throw new Error(`the shared harness build failed in another suite:\n${fs.readFileSync(`${dir}.failed`, "utf8")}`);
  }
  throw new Error(`the shared harness build in ${dir} did not finish within 170 s`);
}

/** Headless Chromium from the system (a browser download fails here), without background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}

/** Office.js comes from Microsoft's CDN in production; here the same address serves the npm copy. */
export async function routeOffice(page: Page): Promise<void> {
  await page.route(`${CDN}**`, async (route) => {
    const rel = route.request().url().slice(CDN.length).split("?")[0] ?? "";
    const file = path.join(officeDist, rel);
    if (file.startsWith(officeDist) && fs.existsSync(file)) await route.fulfill({ path: file, contentType: "text/javascript" });
    else await route.fulfill({ status: 404, body: "" });
  });
}

/** Where every browser suite puts its screenshots. */
export const SHOTS = path.join(root, "test-output", "screenshots");

export interface OpenOptions {
  /** The pane's fixed clock (local time, `2026-05-20T10:00:00`), so a run is reproducible. */
  readonly now: string;
  /** The name a rep gave the pane once, as kept on their machine; none: the pane has not asked yet. */
  readonly user?: string;
  readonly width?: number;
  readonly height?: number;
  /** Called on the new page before it loads (to record its requests, say). */
  readonly onPage?: (page: Page) => void;
}

export interface HarnessSuite {
  /** Chromium, once the suite's beforeAll has run. */
  browser(): Browser;
  /** Where the harness is served, once the suite's beforeAll has run. */
  url(): string;
  /** The harness pane in a new page, in `lang`, ready (the page has said so). */
  open(lang: Lang, options: OpenOptions): Promise<Page>;
}

/**
 * Registers the suite's beforeAll and afterAll: get the run's shared harness build, serve it, launch
 * Chromium; close both after.
 * @example const pane = harnessSuite(); const page = await pane.open("zh-CN", { now: "2026-05-20T10:00:00" });
 */
export function harnessSuite(): HarnessSuite {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    const outDir = await sharedHarness();
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await serve(outDir);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("the browser suite has not started (beforeAll)");
    return v;
  };
  return {
    browser: () => started(browser),
    url: () => started(server).url,
    async open(lang, o) {
      // Reduced motion: toasts appear without a fade, so contrast is measured on what a user reads.
      const page = await started(browser).newPage({ viewport: { width: o.width ?? 380, height: o.height ?? 900 }, locale: lang, reducedMotion: "reduce" });
      // about:blank, where an init script also runs first, has no storage.
      if (o.user) await page.addInitScript((u) => { try { window.localStorage.setItem("crm-sheets.user", u); } catch { /* about:blank */ } }, o.user);
      o.onPage?.(page);
      page.on("pageerror", (e) => { throw e; });
      await routeOffice(page);
      await page.goto(`${started(server).url}/harness.html?lang=${lang}&now=${o.now}`);
      await page.waitForFunction(() => (window as unknown as { crmReady?: boolean }).crmReady === true);
      return page;
    },
  };
}
