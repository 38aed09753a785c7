import { fromLocalDate, type DayNumber } from "../core/_lib/calendar";
import type { WorkbookApi } from "./workbookApi";
import { fromLocalDateTime, type WallTime } from "../core/health/wallClock";
import { latestOnly } from "../excel/latest";
import type { CardSource } from "../excel/card";

/** How long the log form's customer picker waits for a burst of changes to settle before reloading. */
const PICKER_WAIT_MS = 300;

/**
 * Each group of use-cases is fetched the first time a page asks for it, so its code (and the engine
 * behind it: import, dashboard, health…) arrives with that page instead of in the pane's first
 * chunk. Webpack gives each `import()` its own chunk and loads it once; later calls reuse it.
 */
const door = {
  template: () => import("../excel/template"),
  usecases: () => import("../excel/usecases"),
  team: () => import("../excel/teamops"),
  dashboard: () => import("../excel/dashboard"),
  card: () => import("../excel/card"),
  health: () => import("../excel/complaints"),
  import: () => import("../excel/importWorkbook"),
};

/**
 * The real door: every call is one use-case of src/excel. The clock is passed in (the pane uses
 * the user's wall clock; tests fix it), and "today" is its local calendar day.
 */
export function createOfficeWorkbook(clock: () => Date = () => new Date()): WorkbookApi {
  const localToday = (): DayNumber => fromLocalDate(clock()) as DayNumber;
  /** The clock is read when the action is asked, not once its code has arrived, then the use-case runs. */
  const at = <M, R>(load: () => Promise<M>, call: (m: M, today: DayNumber, now: Date) => Promise<R>): Promise<R> => {
    const now = clock();
    const today = fromLocalDate(now) as DayNumber;
    return load().then((m) => call(m, today, now));
  };
  // One card source for the pane's life (it keeps the newest-reply-only state), made on first use;
  // a fetch that failed is forgotten, so the next call fetches again as every other page's does.
  let cards: Promise<CardSource> | null = null;
  const cardSource = (): Promise<CardSource> => (cards ??= door.card().then((m) => new m.CardSource(localToday), (e: unknown) => {
    cards = null;
    throw e;
  }));
  // Bursts of selection changes and co-authors' edits: one read for the last of them, newest reply only.
  const customers = latestOnly(() => at(door.usecases, (m, today) => m.listCustomers(today)), PICKER_WAIT_MS);
  // Home asks for the template status as soon as it shows: its door starts arriving while the pane
  // first renders. A failed fetch here is not reported; Home's own call fetches again and says why.
  door.template().catch(() => undefined);
  return {
    status: () => at(door.template, (m) => m.templateStatus()),
    install: (lang, confirm, user) => at(door.template, (m, _today, now) => m.installTemplate(lang, confirm, user, now)),
    logFollowUp: (input, user) => at(door.usecases, (m, today, now) => m.logFollowUp(input, today, user, now)),
    grade: (user, onProgress) => at(door.usecases, (m, today, now) => m.gradeWorkbook(today, user, now, onProgress)),
    check: () => at(door.usecases, (m, today) => m.checkWorkbook(today)),
    select: (address) => at(door.usecases, (m) => m.selectCell(address)),
    customers: () => customers(undefined),
    card: (row) => cardSource().then((c) => c.card(row)),
    watchSelection: (onRow) => at(door.usecases, (m) => m.watchSelection(onRow)),
    watchChanges: (onChange) => at(door.usecases, (m) => m.watchChanges(() => onChange())),
    pool: () => at(door.team, (m, today) => m.poolOverview(today)),
    release: (user) => at(door.team, (m, today, now) => m.releaseToPool(today, user, now)),
    claim: (id, owner, user) => at(door.team, (m, today, now) => m.claimCustomer(id, owner, today, user, now)),
    previewHandover: (input) => at(door.team, (m, today) => m.previewHandover(input, today)),
    handover: (input, user) => at(door.team, (m, today, now) => m.handOver(input, today, user, now)),
    team: () => at(door.team, (m) => m.teamMembers()),
    importSource: () => at(door.import, (m) => m.readWorkbookSource()),
    previewImport: (source, request) => at(door.import, (m, today) => m.previewImport(source, { ...request, today })),
    runImport: (source, request, user) => at(door.import, (m, today, now) => m.importIntoWorkbook(source, { ...request, today }, user, now, today)),
    auditLog: (limit) => at(door.usecases, (m) => m.readAuditLog(limit)),
    overview: () => at(door.dashboard, (m, today, now) => m.overview(today, now)),
    buildDashboard: (user) => at(door.dashboard, (m, today, now) => m.buildDashboard(today, user, now)),
    today: localToday,
    health: {
      complaints: () => at(door.health, (m, _today, now) => m.listComplaints(now)),
      logComplaint: (input, user) => at(door.health, (m, _today, now) => m.logComplaint(input, user, now)),
      updateComplaint: (u, user) => at(door.health, (m, _today, now) => m.updateComplaint(u, user, now)),
      customerHealth: (row, lang) => at(door.health, (m, today, now) => m.customerHealth(row, today, now, lang)),
      now: () => fromLocalDateTime(clock()) as WallTime,
    },
  };
}
