import { fromLocalDateTime, parseIsoDateTime, type WallTime } from "../core/health/wallClock";
import { fill, healthText } from "../core/health/messages";
import type { HealthSummary } from "../core/health/customerHealth";
import type { Lang } from "../core/i18n/lang";
import { complaintFile } from "../xlsx/complaints";
import { cliHealthText } from "./healthMessages";

export interface ComplaintArgs {
  readonly file: string;
  readonly flags: Readonly<Record<string, string | true>>;
  readonly json: boolean;
  readonly now: Date;
  readonly out: (s: string) => void;
}

/** A usage problem: the caller prints it and exits 2. */
export class ComplaintUsageError extends Error {}

const str = (flags: ComplaintArgs["flags"], name: string): string | undefined => {
  const v = flags[name];
  return typeof v === "string" ? v : undefined;
};

/** The wall clock now, as the user's machine reads it (local time, no zone stored). */
export function wallNow(now: Date): WallTime {
  const t = fromLocalDateTime(now);
  if (t === null) throw new ComplaintUsageError("the system clock is unreadable");
  return t;
}

/**
 * `crm-sheets complaint <file> --customer ID --summary S [--by B] [--at "YYYY-MM-DD HH:mm"]`:
 * appends one complaint, received now unless `--at` says when.
 */
export function complaintCommand(a: ComplaintArgs): number {
  // Usage errors are in English like the rest of the command line's usage messages.
  const en = cliHealthText("en-US");
  const need = (flag: string) => {
    const v = str(a.flags, flag);
    if (v === undefined) throw new ComplaintUsageError(fill(en.needs, { flag }));
    return v;
  };
  const customerId = need("customer");
  const summary = need("summary");
  const now = wallNow(a.now);
  const atText = str(a.flags, "at");
  const receivedAt = atText === undefined ? now : parseIsoDateTime(atText);
  if (receivedAt === null) throw new ComplaintUsageError(fill(en.atFormat, { value: atText ?? "" }));
  const out = complaintFile(a.file, { customerId, summary, by: str(a.flags, "by") ?? "", receivedAt }, now);
  const t = cliHealthText(out.lang);
  a.out(a.json
    ? JSON.stringify({ file: a.file, ...out, statusText: healthText(out.lang).complaintStatus[out.status] }, null, 2)
    : fill(t.logged, { file: a.file, row: out.row, customer: out.customer, status: healthText(out.lang).complaintStatus[out.status] }));
  return 0;
}

/** The two summary lines `grade` adds: tiers, and open / late complaints. */
export function healthSummaryLines(h: HealthSummary, lang: Lang): string[] {
  const t = cliHealthText(lang);
  return [fill(t.tiers, h.byTier), fill(t.complaints, h.complaints)];
}
