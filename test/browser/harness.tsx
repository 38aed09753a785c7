/**
 * Test-only entry page (never shipped): the real task pane and the real Office door, wired to the
 * strict Excel double instead of Excel. Playwright drives it in headless Chromium.
 */
import { createRoot } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import { createOfficeWorkbook } from "../../src/taskpane/officeDoor";
import { ExcelDouble } from "../double/excelDouble";
import { seed, type SeedRow } from "../excel/seed";
import type { Lang } from "../../src/core/i18n/lang";

declare global {
  interface Window {
    crmDouble: ExcelDouble;
    crmSeed: (table: "CRM_Customers" | "CRM_FollowUps", rows: SeedRow[]) => void;
    crmReady: boolean;
  }
}

const params = new URLSearchParams(window.location.search);
const lang = (params.get("lang") === "en-US" ? "en-US" : "zh-CN") as Lang;
const double = new ExcelDouble();
// office.js has loaded from (the routed copy of) the CDN; Excel itself is the double.
double.install(window as unknown as Record<string, unknown>);
window.crmDouble = double;
window.crmSeed = (table, rows) => seed(double, table, rows);

const container = document.getElementById("root");
if (container) {
  // A fixed "now" (?now=2026-05-20T10:00) makes the run reproducible; the pane reads the clock only through the door.
  const now = params.get("now");
  createRoot(container).render(<App api={createOfficeWorkbook(now ? () => new Date(now) : undefined)} lang={lang} />);
  window.crmReady = true;
}
