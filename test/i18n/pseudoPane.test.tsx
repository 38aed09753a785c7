/**
 * @jest-environment jsdom
 */
/**
 * Pseudo-locale for the task pane: with every catalogue text wrapped in ⟦…⟧, each page's visible
 * text and accessible names must be wrapped, a definition text, or data from the workbook.
 */
import { act, render, screen, fireEvent, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { WorkbookApi } from "../../src/taskpane/workbookApi";
import { LANGS } from "../../src/core/i18n/lang";
import { day } from "../support/builders";
import { wallTime } from "../../src/core/health/wallClock";
import { bypassing, definitionTexts } from "./pseudo";

// Six pages, each loaded on first use: on a busy two-core machine the walk takes longer than jest's 5 s default.
jest.setTimeout(30_000);

jest.mock("../../src/core/i18n/locales/en-US", () => jest.requireActual("./wrap").pseudoLocale("en-US"));
jest.mock("../../src/core/i18n/locales/zh-CN", () => jest.requireActual("./wrap").pseudoLocale("zh-CN"));

const api: WorkbookApi = {
  status: async () => ({ installed: true, lang: "zh-CN", version: 1, customers: 1, followUps: 0, missingColumns: ["gradeReason"] }),
  install: async (lang) => ({ kind: "installed", lang, sheets: [] }),
  logFollowUp: async () => ({ row: 2, customer: "KH-1", nextDue: null, usedFallback: false }),
  grade: async () => {
    throw new Error("not used");
  },
  check: async () => [],
  select: async () => undefined,
  customers: async () => [{ id: "KH-1", name: "Data Co", shortName: "Data", contact: "Wang", owner: "Li", row: 2, cadence: 7, contacts: ["Wang"] }],
  card: async () => null,
  watchSelection: async () => async () => undefined,
  watchChanges: async () => async () => undefined,
  pool: async () => ({ lang: "en-US", enabled: false, warnDays: 3, due: [], soon: [], inPool: [] }),
  release: async () => ({ action: "release", written: [], skipped: [] }),
  claim: async () => ({ action: "claim", written: [], skipped: [] }),
  previewHandover: async () => ({ lang: "en-US", counts: [], byStage: { open: 0, maintenance: 0, closed: 0 }, kept: 0, total: 0 }),
  handover: async () => ({ action: "handover", written: [], skipped: [] }),
  team: async () => [],
  importSource: async () => { throw new Error("not used"); },
  previewImport: async () => { throw new Error("not used"); },
  runImport: async () => { throw new Error("not used"); },
  auditLog: async () => [{ when: 46162.5, user: "Li", action: "grade", target: "Data", cells: 3 }],
  overview: async () => ({ lang: "zh-CN", asOf: "2026-05-20", kpi: { open: 1, a: 0, overdue: 0, dormant: 0, dueThisWeek: 0, followUps7d: 0, wonThisMonth: 0, wonAmountThisMonth: 0 }, owners: [{ owner: "Li", open: 1, a: 0, overdue: 0, dueThisWeek: 0, followUps7d: 0, aNotContacted: 0, newThisWeek: 0 }], tiers: { risk: 1, highValue: 2, potential: 0, dormant: 0, standard: 3 }, complaints: { open: 1, late: 0 }, cadenceA: 7 }),
  buildDashboard: async () => ({ lang: "zh-CN", sheetName: "Dashboard", cells: 0, charts: 0 }),
  today: () => day("2026-05-20"),
  health: {
    complaints: async () => [{
      index: 0, row: 2, customerId: "KH-1", customerName: "Data Co", summary: "Jam", by: "Li",
      receivedAt: wallTime(day("2026-05-20"), 9, 0), respondedAt: null, solvedAt: null, calledBackOn: null,
      status: "responseLate", due: { step: "respond", by: wallTime(day("2026-05-20"), 10, 0) },
    }],
    logComplaint: async () => ({ row: 2, customer: "KH-1", status: "awaitingResponse" }),
    updateComplaint: async () => ({ row: 2, status: "inProgress" }),
    customerHealth: async () => null,
    now: () => wallTime(day("2026-05-20"), 10, 0),
  },
};

beforeAll(() => {
  window.matchMedia =
    window.matchMedia ??
    ((q: string) => ({
      matches: false,
      media: q,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }));
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

function visibleTexts(): string[] {
  const texts: string[] = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) if ((n.textContent ?? "").trim()) texts.push((n.textContent ?? "").trim());
  for (const el of Array.from(document.querySelectorAll("[aria-label],[placeholder],[title]"))) {
    for (const a of ["aria-label", "placeholder", "title"]) {
      const v = el.getAttribute(a);
      if (v) texts.push(v);
    }
  }
  return texts;
}

// Six pages rendered in jsdom take over the default 5 s on a loaded machine.
jest.setTimeout(30_000);

it.each(LANGS)("%s: every page speaks only through the catalogues", async (lang) => {
  render(<App api={api} lang={lang} />);
  const tabs = await screen.findAllByRole("tab");
  expect(tabs.length).toBe(11);
  const defs = definitionTexts();
  const offenders = new Set<string>();
  for (const tab of tabs) {
    fireEvent.click(tab);
    await waitFor(() => expect(tab.getAttribute("aria-selected")).toBe("true"));
    // Let the page's first reads settle (its loading line is a catalogue text too).
    await act(() => new Promise((r) => setTimeout(r, 50)));
    for (const t of visibleTexts()) if (bypassing(t, defs, ["KH-1", "Data Co", "Data", "Wang", "Li", "gradeReason", "Jam"]) !== "") offenders.add(t);
  }
  expect([...offenders]).toEqual([]);
});
