import type { DayNumber } from "../_lib/calendar";
import type { WorkbookModel } from "../model/workbookModel";
import { UseCaseError, missingTableIssue } from "../usecases/errors";
import { META_ROWS } from "../rules/ruleDefs";
import { normalizeLabel } from "../model/headers";
import { parseDate } from "../model/parse";
import { dashboardMeasures, toFigures, type DashboardFigures, type DashboardMeasures } from "./figures";
import { dashboardLayout, type DashboardLayout } from "./layout";
import type { WallTime } from "../health/wallClock";

export interface DashboardPlan {
  readonly measures: DashboardMeasures;
  readonly figures: DashboardFigures;
  readonly layout: DashboardLayout;
  /** The Rules sheet's last grading date: grades, next due dates and so the figures built on them date from then. */
  readonly lastGraded: DayNumber | null;
}

/** The date of the last grading run, from its row on the Rules sheet (null when never graded). */
export function lastGraded(model: WorkbookModel): DayNumber | null {
  const labels = [META_ROWS.lastGraded["zh-CN"], META_ROWS.lastGraded["en-US"]].map(normalizeLabel);
  const row = model.rules.find((r) => labels.includes(normalizeLabel(r.label)));
  const d = row ? parseDate(row.value) : null;
  return d && d.ok ? d.value : null;
}

/** The columns the dashboard reads; a door fetches these and nothing more. */
// Status is not read: the engine evaluates it from the cells its formula reads (the column only has to exist).
export const DASHBOARD_CUSTOMER_KEYS = ["id", "name", "stage", "grade", "lastContact", "firstContact", "created", "nextDue", "industry", "source", "owner", "wonDate", "wonAmount", "lostReason", "valueTier"] as const;
export const DASHBOARD_FOLLOWUP_KEYS = ["date", "by"] as const;
// SLA status is not read either: the engine evaluates it at `now` from the times its formula reads.
export const DASHBOARD_COMPLAINT_KEYS = ["receivedAt", "respondedAt", "solvedAt", "calledBackOn"] as const;

/**
 * The dashboard use-case: the engine's figures and the sheet that recalculates them. `now` is the
 * wall clock the complaint deadlines are judged at (the sheet's NOW()).
 * @example planDashboard(model, today, now).figures.kpi.open // 42
 */
export function planDashboard(model: WorkbookModel, today: DayNumber, now: WallTime): DashboardPlan {
  if (!model.customers) throw new UseCaseError([missingTableIssue(model, "customers")]);
  const measures = dashboardMeasures(model, today, now);
  return { measures, figures: toFigures(measures), layout: dashboardLayout(measures), lastGraded: lastGraded(model) };
}

export { dashboardMeasures, toFigures, type DashboardFigures, type DashboardMeasures } from "./figures";
export type { DashboardLayout, DashCell, DashChart, DashStyle } from "./layout";

/** The fewer columns the Overview (KPI row and owners) needs. */
export const OVERVIEW_CUSTOMER_KEYS = ["id", "name", "stage", "grade", "lastContact", "created", "nextDue", "owner", "wonDate", "wonAmount", "valueTier"] as const;

/** The rep's own row first (the name they gave the pane, trimmed and without case), then the rest as ranked. */
export function ownRowFirst<T extends { readonly owner: string }>(rows: readonly T[], me: string): T[] {
  const key = me.trim().toLowerCase();
  if (key === "") return [...rows];
  const mine = rows.filter((r) => r.owner.trim().toLowerCase() === key);
  return [...mine, ...rows.filter((r) => !mine.includes(r))];
}
