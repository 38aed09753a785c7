import type { DayNumber } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import type { FollowUpInput } from "../core/usecases/logFollowUp";
import type { InstallOutcome } from "../excel/install";
import type { AuditRow, CustomerCard, CustomerOption, GradeOutcome, LocatedIssue, LogOutcome, Progress, TemplateStatus } from "../excel/usecases";
import type { HealthApi } from "./features/health/healthApi";
import type { HandoverPreview, OwnerOutcome, PoolOverview } from "../excel/teamops";
import type { HandoverInput } from "../core/handover/planHandover";
import type { DashboardOutcome, OverviewOutcome } from "../excel/dashboard";
import type { ImportOptions, SourceTable } from "../core/import/planImport";
import type { ImportPreview, WorkbookImportOutcome } from "../excel/importWorkbook";

/**
 * Everything the task pane may ask of the workbook. Components receive it through
 * `useWorkbook()`; only the entry file decides whether it is Excel or a test double behind it.
 */
export interface WorkbookApi {
  status(): Promise<TemplateStatus>;
  install(lang: Lang, confirmAdopt: boolean, user: string): Promise<InstallOutcome>;
  logFollowUp(input: FollowUpInput, user: string): Promise<LogOutcome>;
  grade(user: string, onProgress?: Progress): Promise<GradeOutcome>;
  check(): Promise<LocatedIssue[]>;
  select(address: string): Promise<void>;
  customers(): Promise<CustomerOption[]>;
  card(row: number): Promise<CustomerCard | null>;
  watchSelection(onRow: (row: number) => void): Promise<() => Promise<void>>;
  /** Someone else (a co-author, or the user typing) changed our sheets; our own writes are not reported. */
  watchChanges(onChange: () => void): Promise<() => Promise<void>>;
  /** The customer pool: due, soon due, in the pool (reads only). */
  pool(): Promise<PoolOverview>;
  /** Releases the due customers to the pool (Owner → 公海 / Pool), logged. */
  release(user: string): Promise<OwnerOutcome>;
  claim(customerId: string, owner: string, user: string): Promise<OwnerOutcome>;
  previewHandover(input: HandoverInput): Promise<HandoverPreview>;
  handover(input: HandoverInput, user: string): Promise<OwnerOutcome>;
  /** The team list and every Owner on the sheet, for the Handover page. */
  team(): Promise<string[]>;
  /** The import source from the open workbook: the selected range, or the active sheet's used range. */
  importSource(): Promise<SourceTable>;
  previewImport(source: SourceTable, request: ImportRequest): Promise<ImportPreview>;
  runImport(source: SourceTable, request: ImportRequest, user: string): Promise<WorkbookImportOutcome>;
  /** The newest audit-log entries, newest first (the log sheet is very hidden: this is where people read it). */
  auditLog(limit?: number): Promise<AuditRow[]>;
  /** The KPI row and the by-owner table, from the tables (no dashboard sheet needed). */
  overview(): Promise<OverviewOutcome>;
  /** Builds or rebuilds the Dashboard sheet with live formulas and charts. */
  buildDashboard(user: string): Promise<DashboardOutcome>;
  today(): DayNumber;
  /** Complaints and value tiers. */
  readonly health: HealthApi;
}

export type { DashboardOutcome, OverviewOutcome };

/** What the Import page asks for (the door adds today). */
export type ImportRequest = Omit<ImportOptions, "today">;

export type { ImportPreview, WorkbookImportOutcome, SourceTable };
export type { AuditRow, CustomerCard, CustomerOption, GradeOutcome, LocatedIssue, LogOutcome, TemplateStatus, InstallOutcome, HandoverPreview, OwnerOutcome, PoolOverview };
