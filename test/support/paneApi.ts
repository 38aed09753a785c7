/**
 * What the pane's jsdom tests share: a workbook API whose every call answers like an empty, installed-
 * nowhere workbook (tests override the calls they exercise), and the browser APIs jsdom lacks.
 */
import type { WorkbookApi } from "../../src/taskpane/workbookApi";
import { day } from "./builders";
import { wallTime } from "../../src/core/health/wallClock";

const notUsed = async (): Promise<never> => {
  throw new Error("not used");
};

/** Quiet answers for every call; a test overrides (and records) the calls it exercises. */
export function quietApi(over: Partial<WorkbookApi> = {}): WorkbookApi {
  return {
    status: async () => ({ installed: false, lang: "zh-CN", version: null, customers: 0, followUps: 0, missingColumns: [] }),
    install: async (lang) => ({ kind: "installed", lang, sheets: [] }),
    logFollowUp: async () => ({ row: 2, customer: "KH-1", nextDue: null, usedFallback: false }),
    grade: notUsed,
    check: async () => [],
    select: async () => undefined,
    customers: async () => [],
    card: async () => null,
    watchSelection: async () => async () => undefined,
    watchChanges: async () => async () => undefined,
    pool: async () => ({ lang: "zh-CN", enabled: false, warnDays: 3, due: [], soon: [], inPool: [] }),
    release: async () => ({ action: "release", written: [], skipped: [] }),
    claim: async () => ({ action: "claim", written: [], skipped: [] }),
    previewHandover: async () => ({ lang: "zh-CN", counts: [], byStage: { open: 0, maintenance: 0, closed: 0 }, kept: 0, total: 0 }),
    handover: async () => ({ action: "handover", written: [], skipped: [] }),
    team: async () => [],
    importSource: notUsed,
    previewImport: notUsed,
    runImport: notUsed,
    auditLog: async () => [],
    overview: notUsed,
    buildDashboard: notUsed,
    today: () => day("2026-05-20"),
    health: {
      complaints: async () => [],
      logComplaint: notUsed,
      updateComplaint: notUsed,
      customerHealth: async () => null,
      now: () => wallTime(day("2026-05-20"), 10, 0),
    },
    ...over,
  };
}

/** jsdom lacks matchMedia and ResizeObserver, which Fluent UI touches. */
export function shimBrowserApis(): void {
  window.matchMedia = window.matchMedia ?? ((q: string) => ({ matches: false, media: q, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }));
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
