import type { Lang } from "../../../core/i18n/lang";
import type { ComplaintInput } from "../../../core/health/logComplaint";
import type { WallTime } from "../../../core/health/wallClock";
import type { ComplaintItem, ComplaintLogOutcome, ComplaintUpdateRequest, CustomerHealth } from "../../../excel/complaints";
import type { ComplaintStatus } from "../../../core/health/types";

/** What the pane may ask about complaints and value tiers (part of the WorkbookApi). */
export interface HealthApi {
  complaints(): Promise<ComplaintItem[]>;
  logComplaint(input: ComplaintInput, user: string): Promise<ComplaintLogOutcome>;
  updateComplaint(u: ComplaintUpdateRequest, user: string): Promise<{ readonly row: number; readonly status: ComplaintStatus | null }>;
  /** The card's health part for a Customers-sheet row; the strategy in the pane's language. */
  customerHealth(row: number, lang: Lang): Promise<CustomerHealth | null>;
  /** The user's wall clock now (local time, no zone). */
  now(): WallTime;
}

export type { ComplaintItem, ComplaintLogOutcome, ComplaintUpdateRequest, CustomerHealth };
