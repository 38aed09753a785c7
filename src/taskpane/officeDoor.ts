import { fromLocalDate, type DayNumber } from "../core/_lib/calendar";
import * as uc from "../excel/usecases";
import * as team from "../excel/teamops";
import { buildDashboard, overview } from "../excel/dashboard";
import { CardSource } from "../excel/card";
import { latestOnly } from "../excel/latest";
import type { WorkbookApi } from "./workbookApi";
import * as health from "../excel/complaints";
import { fromLocalDateTime, type WallTime } from "../core/health/wallClock";
import { importIntoWorkbook, previewImport, readWorkbookSource } from "../excel/importWorkbook";

/** How long the log form's customer picker waits for a burst of changes to settle before reloading. */
const PICKER_WAIT_MS = 300;

/**
 * The real door: every call is one use-case of src/excel. The clock is passed in (the pane uses
 * the user's wall clock; tests fix it), and "today" is its local calendar day.
 */
export function createOfficeWorkbook(clock: () => Date = () => new Date()): WorkbookApi {
  const localToday = (): DayNumber => fromLocalDate(clock()) as DayNumber;
  // Bursts of selection changes and co-authors' edits: one read for the last of them, newest reply only.
  const cards = new CardSource(localToday);
  const customers = latestOnly(() => uc.listCustomers(localToday()), PICKER_WAIT_MS);
  return {
    status: () => uc.templateStatus(),
    install: (lang, confirm, user) => uc.installTemplate(lang, confirm, user, clock()),
    logFollowUp: (input, user) => uc.logFollowUp(input, localToday(), user, clock()),
    grade: (user, onProgress) => uc.gradeWorkbook(localToday(), user, clock(), onProgress),
    check: () => uc.checkWorkbook(localToday()),
    select: (address) => uc.selectCell(address),
    customers: () => customers(undefined),
    card: (row) => cards.card(row),
    watchSelection: (onRow) => uc.watchSelection(onRow),
    watchChanges: (onChange) => uc.watchChanges(() => onChange()),
    pool: () => team.poolOverview(localToday()),
    release: (user) => team.releaseToPool(localToday(), user, clock()),
    claim: (id, owner, user) => team.claimCustomer(id, owner, localToday(), user, clock()),
    previewHandover: (input) => team.previewHandover(input, localToday()),
    handover: (input, user) => team.handOver(input, localToday(), user, clock()),
    team: () => team.teamMembers(),
    importSource: () => readWorkbookSource(),
    previewImport: (source, request) => previewImport(source, { ...request, today: localToday() }),
    runImport: (source, request, user) => importIntoWorkbook(source, { ...request, today: localToday() }, user, clock(), localToday()),
    auditLog: (limit) => uc.readAuditLog(limit),
    overview: () => overview(localToday(), clock()),
    buildDashboard: (user) => buildDashboard(localToday(), user, clock()),
    today: localToday,
    health: {
      complaints: () => health.listComplaints(clock()),
      logComplaint: (input, user) => health.logComplaint(input, user, clock()),
      updateComplaint: (u, user) => health.updateComplaint(u, user, clock()),
      customerHealth: (row, lang) => health.customerHealth(row, localToday(), clock(), lang),
      now: () => fromLocalDateTime(clock()) as WallTime,
    },
  };
}
