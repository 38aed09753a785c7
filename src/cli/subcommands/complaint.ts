import { say } from "../../core/i18n/catalogue";
import { healthText } from "../../core/health/messages";
import { fromLocalDateTime, parseIsoDateTime, wallTime, type WallTime } from "../../core/health/wallClock";
import type { DayNumber } from "../../core/_lib/calendar";
import { complaintFile } from "../../xlsx/complaints";
import { sheetName } from "../../core/template/sheets";
import { needFile, str, UsageError, type Parsed } from "../args";
import type { Run } from "../io";

/** The wall clock now, as the user's machine reads it (local time, no zone stored). */
export function wallNow(now: Date): WallTime {
  // A Date from the system clock always has local fields; an invalid one would be a bug upstream.
  return fromLocalDateTime(now) as WallTime;
}

/**
 * The clock's time of day on the day `--today` names (today itself without the flag): complaint
 * deadlines are judged at the same hour on that day.
 * @example wallNowOn(fromYmd(2026, 5, 20)!, new Date(2026, 0, 1, 9, 30)) // 2026-05-20 09:30
 */
export function wallNowOn(today: DayNumber, now: Date): WallTime {
  const clock = wallNow(now);
  return wallTime(today, 0, 0, Math.round((clock - Math.floor(clock)) * 86_400));
}

/**
 * `complaint <file> --customer ID --summary S [--by B] [--at "YYYY-MM-DD HH:mm"]`: appends one
 * complaint, received now unless `--at` says when.
 */
export async function complaint(p: Parsed, { io, json, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  const need = (flag: string) => {
    const v = str(p.flags, flag);
    if (v === undefined) throw new UsageError(say(speaking, "healthCli", "needs", { flag }));
    return v;
  };
  const customerId = need("customer");
  const summary = need("summary");
  const now = wallNow(io.now());
  const atText = str(p.flags, "at");
  const receivedAt = atText === undefined ? now : parseIsoDateTime(atText);
  if (receivedAt === null) throw new UsageError(say(speaking, "healthCli", "atFormat", { value: atText ?? "" }));
  const out = await complaintFile(file, { customerId, summary, by: str(p.flags, "by") ?? "", receivedAt }, now);
  const status = healthText(out.lang).complaintStatus[out.status];
  io.out(
    json
      ? JSON.stringify({ file, ...out, statusText: status }, null, 2)
      : say(out.lang, "healthCli", "logged", { file, sheet: sheetName("complaints", out.lang), row: out.row, customer: out.customer, status }),
  );
  return 0;
}
