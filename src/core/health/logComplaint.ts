import type { Issue, IssueCode } from "../issues/issue";
import type { TableModel, WorkbookModel } from "../model/workbookModel";
import { cell, isBlank, sheetRow } from "../model/workbookModel";
import { parseText } from "../model/parse";
import { readRules } from "../rules/rules";
import { BLANK, num, text, type CellWrite, type PlanValue } from "../plan/plan";
import { headerLookup } from "../model/customers";
import { idKey } from "../followup/history";
import { missingTableIssue, UseCaseError } from "../usecases/errors";
import { COMPLAINT_COLUMNS } from "./columns";
import { complaintStatus } from "./complaintStatus";
import { readComplaints } from "./complaints";
import { dayOf, formatDateTime, type WallTime } from "./wallClock";
import type { ComplaintStatus } from "./types";

export interface ComplaintInput {
  readonly customerId: string;
  readonly summary: string;
  /** 受理人; blank means the customer's owner. */
  readonly by: string;
  readonly receivedAt: WallTime;
}

export interface ComplaintPlan {
  /** The row to append to the Complaints table, by column key (columns the table lacks are skipped by the door). */
  readonly row: Readonly<Record<string, PlanValue>>;
  readonly customerId: string;
  readonly customerName: string;
  readonly status: ComplaintStatus;
}

/** A date-time value for the complaint clock. */
export const dateTime = (t: WallTime | null): PlanValue => (t === null ? BLANK : { kind: "date", day: t, withTime: true });

function issue(t: TableModel, model: WorkbookModel, key: string | null, code: IssueCode, row: number | null, value?: string): Issue {
  return {
    code,
    severity: "error",
    sheet: "complaints",
    sheetName: t.sheetName,
    row,
    column: key === null ? null : headerLookup(t, model.lang, [...COMPLAINT_COLUMNS])(key),
    columnKey: key,
    ...(value !== undefined ? { value } : {}),
  };
}

function complaintsTable(model: WorkbookModel): TableModel {
  const t = model.complaints;
  if (!t) throw new UseCaseError([missingTableIssue(model, "complaints")]);
  return t;
}

/**
 * Plans one complaint (seed 002's 投诉处理记录): the row to append, its text kept as typed and
 * stored as text, the time as a date-time serial. Rejects an unknown customer, a blank problem, a
 * time later than now, or no one to own it.
 * @example planComplaint(model, { customerId: "KH-202605-001", summary: "交付延期", by: "", receivedAt }, now).status // "awaitingResponse"
 */
export function planComplaint(model: WorkbookModel, input: ComplaintInput, now: WallTime): ComplaintPlan {
  const t = complaintsTable(model);
  const cu = model.customers;
  if (!cu) throw new UseCaseError([missingTableIssue(model, "customers")]);
  const ids = cu.cols.id ?? [];
  const wanted = idKey(input.customerId);
  const index = wanted === "" ? -1 : ids.findIndex((v) => idKey(parseText(v)) === wanted);
  const problems: Issue[] = [];
  if (index < 0) problems.push(issue(t, model, "customerId", "unknownCustomerId", null, input.customerId));
  if (input.summary.trim() === "") problems.push(issue(t, model, "summary", "missingRequired", null));
  if (input.receivedAt > now + 1 / 1440) problems.push(issue(t, model, "receivedAt", "futureComplaint", null, formatDateTime(input.receivedAt)));
  const by = input.by.trim() !== "" ? input.by.trim() : index >= 0 ? parseText(cu.cols.owner?.[index] ?? null) : "";
  if (by === "") problems.push(issue(t, model, "by", "missingRequired", null));
  if (problems.length > 0) throw new UseCaseError(problems);

  const customerId = parseText(ids[index] ?? null);
  const customerName = parseText(cu.cols.name?.[index] ?? null);
  const { rules } = readRules(model);
  return {
    row: {
      receivedAt: dateTime(input.receivedAt),
      customerId: text(customerId),
      customerName: text(customerName),
      // Free text is the user's, kept exactly as typed.
      summary: text(input.summary),
      by: text(by),
    },
    customerId,
    customerName,
    status: complaintStatus({ receivedAt: input.receivedAt, respondedAt: null, solvedAt: null, calledBackOn: null }, rules, now) ?? "awaitingResponse",
  };
}

/** What a user fills in on an open complaint; each field only when given. */
export interface ComplaintUpdate {
  /** 0-based data row of the complaint. */
  readonly index: number;
  readonly respondedAt?: WallTime;
  readonly solution?: string;
  readonly solvedAt?: WallTime;
  readonly calledBackOn?: WallTime;
  readonly satisfaction?: number;
  readonly improvement?: string;
}

export interface ComplaintUpdatePlan {
  readonly writes: readonly CellWrite[];
  /** The sheet row, for the audit log. */
  readonly row: number;
  readonly customerId: string;
  readonly status: ComplaintStatus | null;
}

/**
 * Plans filling in the next steps of a complaint: first response, solution, call-back and
 * satisfaction. Only blank cells are filled — a value already there is the user's and stays (the
 * plan is refused naming it); times must follow one another and not be later than now.
 * @example planComplaintUpdate(model, { index: 0, respondedAt: at("2026-05-01 09:40") }, now).status // "inProgress"
 */
export function planComplaintUpdate(model: WorkbookModel, u: ComplaintUpdate, now: WallTime): ComplaintUpdatePlan {
  const t = complaintsTable(model);
  const record = readComplaints(t, null).find((r) => r.index === u.index);
  const row = sheetRow(t, u.index);
  if (!record || record.receivedAt === null) throw new UseCaseError([issue(t, model, "receivedAt", "missingRequired", row)]);
  const problems: Issue[] = [];
  const writes: CellWrite[] = [];
  const put = (key: string, v: PlanValue | null, given: boolean) => {
    if (!given || v === null) return;
    const current = cell(t, key, u.index);
    if (!isBlank(current)) {
      problems.push(issue(t, model, key, "alreadyFilled", row, parseText(current)));
      return;
    }
    if (t.positions[key] === undefined) {
      problems.push(issue(t, model, key, "missingColumn", null));
      return;
    }
    writes.push({ key, index: u.index, value: v });
  };
  const respondedAt = u.respondedAt ?? record.respondedAt;
  const solvedAt = u.solvedAt ?? record.solvedAt;
  const calledBackOn = u.calledBackOn ?? record.calledBackOn;
  const order = (key: string, at: WallTime | undefined, after: WallTime | null, byDay = false) => {
    if (at === undefined) return;
    if (at > now + 1 / 1440) problems.push(issue(t, model, key, "futureComplaint", row, formatDateTime(at)));
    else if (after !== null && (byDay ? dayOf(at) < dayOf(after) : at < after))
      problems.push(issue(t, model, key, "complaintOutOfOrder", row, formatDateTime(at)));
  };
  order("respondedAt", u.respondedAt, record.receivedAt);
  order("solvedAt", u.solvedAt, respondedAt ?? record.receivedAt);
  order("calledBackOn", u.calledBackOn, solvedAt ?? record.receivedAt, true);
  if (u.calledBackOn !== undefined && solvedAt === null) problems.push(issue(t, model, "solvedAt", "missingRequired", row));
  if (u.solution !== undefined && u.solution.trim() !== "" && solvedAt === null) problems.push(issue(t, model, "solvedAt", "missingRequired", row));
  if (u.satisfaction !== undefined && !(Number.isInteger(u.satisfaction) && u.satisfaction >= 1 && u.satisfaction <= 5)) {
    problems.push(issue(t, model, "satisfaction", "satisfactionRange", row, String(u.satisfaction)));
  }
  put("respondedAt", u.respondedAt === undefined ? null : dateTime(u.respondedAt), u.respondedAt !== undefined);
  put("solution", u.solution === undefined || u.solution === "" ? null : text(u.solution), u.solution !== undefined);
  put("solvedAt", u.solvedAt === undefined ? null : dateTime(u.solvedAt), u.solvedAt !== undefined);
  // The call-back is a date: the day the customer was called.
  put("calledBackOn", u.calledBackOn === undefined ? null : { kind: "date", day: dayOf(u.calledBackOn) }, u.calledBackOn !== undefined);
  put("satisfaction", u.satisfaction === undefined ? null : num(u.satisfaction), u.satisfaction !== undefined);
  put("improvement", u.improvement === undefined || u.improvement === "" ? null : text(u.improvement), u.improvement !== undefined);
  if (problems.length > 0) throw new UseCaseError(problems);
  const { rules } = readRules(model);
  const status = complaintStatus(
    { receivedAt: record.receivedAt, respondedAt, solvedAt, calledBackOn: calledBackOn === null ? null : (dayOf(calledBackOn) as number as WallTime) },
    rules,
    now,
  );
  return { writes, row, customerId: record.customerId, status };
}
