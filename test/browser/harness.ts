/**
 * What the browser tests share: building the pane (the test harness on the strict double, or the real
 * pane) with webpack, launching Debian's Chromium, and serving Office.js from the npm copy at the
 * CDN address production uses.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

export const root = path.resolve(__dirname, "../..");
const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

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
