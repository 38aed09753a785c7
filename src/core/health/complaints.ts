import type { DayNumber } from "../_lib/calendar";
import type { Rules } from "../rules/rules";
import { cell, type TableModel } from "../model/workbookModel";
import { parseText } from "../model/parse";
import { isEmptyRow } from "../model/customers";
import { idKey } from "../followup/history";
import type { IssueSink } from "../issues/issueSink";
import { complaintStatus, isLate, isOpen, type ComplaintTimes } from "./complaintStatus";
import { dayOf, parseDateTime, type WallTime } from "./wallClock";
import type { ComplaintStatus } from "./types";
import { COMPLAINT_COLUMNS } from "./columns";

/** One row of the Complaints table, parsed. */
export interface ComplaintRecord extends ComplaintTimes {
  readonly index: number;
  readonly row: number;
  readonly customerId: string;
}

const INPUT_KEYS = COMPLAINT_COLUMNS.filter((c) => !c.derived).map((c) => c.key);

/** Reads the complaint rows; an unreadable time is an issue and counts as blank. */
export function readComplaints(t: TableModel | null | undefined, sink: IssueSink | null): ComplaintRecord[] {
  if (!t) return [];
  const present = INPUT_KEYS.filter((k) => t.cols[k] !== undefined);
  const out: ComplaintRecord[] = [];
  const time = (key: string, i: number): WallTime | null => {
    const raw = cell(t, key, i);
    const p = parseDateTime(raw);
    if (p.ok) return p.value;
    if (!p.blank) sink?.push("unreadableDate", key, i, parseText(raw));
    return null;
  };
  for (let i = 0; i < t.rowCount; i++) {
    if (isEmptyRow(t, i, present)) continue;
    out.push({
      index: i,
      row: t.headerRow + 1 + i,
      customerId: parseText(cell(t, "customerId", i)),
      receivedAt: time("receivedAt", i),
      respondedAt: time("respondedAt", i),
      solvedAt: time("solvedAt", i),
      calledBackOn: time("calledBackOn", i),
    });
  }
  return out;
}

/** What one customer's complaints add up to. */
export interface ComplaintStats {
  /** Received within the risk window (today − window days … today). */
  readonly recent: number;
  readonly open: number;
  readonly late: number;
  readonly total: number;
}
export const NO_COMPLAINTS: ComplaintStats = { recent: 0, open: 0, late: 0, total: 0 };

/** A complaint with its status at `now`. */
export interface ComplaintState {
  readonly record: ComplaintRecord;
  readonly status: ComplaintStatus | null;
}

/**
 * Complaint counts per customer (by normalised ID), and each complaint's status at `now`.
 * A complaint dated after today is not counted as recent.
 */
export function complaintStats(
  records: readonly ComplaintRecord[],
  rules: Rules,
  now: WallTime,
): { byCustomer: Map<string, ComplaintStats>; states: ComplaintState[] } {
  const today: DayNumber = dayOf(now);
  const byCustomer = new Map<string, ComplaintStats>();
  const states: ComplaintState[] = [];
  for (const r of records) {
    const status = complaintStatus(r, rules, now);
    states.push({ record: r, status });
    const k = idKey(r.customerId);
    if (k === "") continue;
    const s = byCustomer.get(k) ?? NO_COMPLAINTS;
    const received = r.receivedAt === null ? null : dayOf(r.receivedAt);
    const recent = received !== null && received <= today && today - received <= rules.riskWindowDays;
    byCustomer.set(k, {
      recent: s.recent + (recent ? 1 : 0),
      open: s.open + (isOpen(status) ? 1 : 0),
      late: s.late + (isLate(status) ? 1 : 0),
      total: s.total + 1,
    });
  }
  return { byCustomer, states };
}
