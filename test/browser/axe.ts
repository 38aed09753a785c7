/** An axe-core accessibility scan of a pane page, shared by the browser tests. */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";

const AXE = path.resolve(__dirname, "..", "..", "node_modules", "axe-core", "axe.min.js");

/** The violations on the page, one line each (rule, count, the first nodes' markup). */
export async function axe(page: Page): Promise<string[]> {
  // Let transitions settle so contrast is measured on what a user reads.
  await page.waitForTimeout(600);
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses injected script tags.
  await page.evaluate(fs.readFileSync(AXE, "utf8"));
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> } };
    // Tabster's focus sentinels (aria-hidden, focusable only to hand focus on) are Fluent's focus
    // management, not content: axe's aria-hidden-focus rule misreads them.
    const r = await w.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.html.slice(0, 160)).join(" | ")}`);
  });
}
