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
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development"], { cwd: root, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${options.harness ? "harness" : "pane"} build failed:\n${r.stdout}\n${r.stderr}`);
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
 * Registers the suite's beforeAll and afterAll: build the harness into `outDir` (a folder of the
 * suite's own when it may build while others do), serve it, launch Chromium; close both after.
 * @example const pane = harnessSuite(path.join(root, "test-output", "harness-overview")); const page = await pane.open("zh-CN", { now: "2026-05-20T10:00:00" });
 */
export function harnessSuite(outDir: string): HarnessSuite {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    buildPane({ harness: true, outDir });
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await serve(outDir);
    browser = await launchChromium();
  });
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
