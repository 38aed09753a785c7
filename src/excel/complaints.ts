import type { DayNumber } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import { parseText } from "../core/model/parse";
import type { PlanValue } from "../core/plan/plan";
import { grade, GRADE_READ_KEYS, HISTORY_READ_KEYS } from "../core/usecases/grade";
import { UseCaseError } from "../core/usecases/errors";
import { COMPLAINT_COLUMNS } from "../core/health/columns";
import { readComplaints } from "../core/health/complaints";
import { complaintDeadline, complaintStatus, isOpen } from "../core/health/complaintStatus";
import { planComplaint, planComplaintUpdate, type ComplaintInput, type ComplaintUpdate } from "../core/health/logComplaint";
import { renderTierReason } from "../core/health/tierReason";
import { healthText } from "../core/health/messages";
import { slaColumnsAt, slaFormula } from "../core/health/slaFormula";
import { readRules } from "../core/rules/rules";
import { formatDateTime, fromLocalDateTime, type WallTime } from "../core/health/wallClock";
import type { ComplaintStatus, ValueTier } from "../core/health/types";
import { idKey } from "../core/followup/history";
import { ExcelDoorError, wrap } from "./errors";
import { readStructure, type Structure, type TableInfo } from "./structure";
import { readColumns, tableModel, workbookModel } from "./readModel";
import { queueCells } from "./writeColumns";
import { queueWrite } from "./writeCells";
import { queueAudit } from "./audit";

/** One complaint as the pane lists it. */
export interface ComplaintItem {
  /** 0-based data row, and what identifies it when the pane writes back (rows may move meanwhile). */
  readonly index: number;
  readonly row: number;
  readonly customerId: string;
  readonly customerName: string;
  readonly summary: string;
  readonly by: string;
  readonly receivedAt: WallTime;
  readonly respondedAt: WallTime | null;
  readonly solvedAt: WallTime | null;
  readonly calledBackOn: WallTime | null;
  readonly status: ComplaintStatus;
  /** When the current step is due (response, solution: a moment; call-back: a day). */
  readonly due: { readonly step: "respond" | "solve" | "callBack"; readonly by: WallTime } | null;
}

/** What the customer card adds: the tier, seed 000's strategy for it, and open complaints. */
export interface CustomerHealth {
  readonly tier: ValueTier | null;
  readonly tierLabel: string;
  readonly reason: string;
  readonly nextAction: string;
  readonly open: readonly ComplaintItem[];
}

export interface ComplaintLogOutcome {
  readonly row: number;
  readonly customer: string;
  readonly status: ComplaintStatus;
}

/** The row a pane's update is for, as the pane saw it: the door refuses when it no longer matches. */
export interface ComplaintUpdateRequest extends ComplaintUpdate {
  readonly expect: { readonly customerId: string; readonly receivedAt: WallTime };
}

const wall = (now: Date): WallTime => {
  const t = fromLocalDateTime(now);
  if (t === null) throw new ExcelDoorError("InvalidInput", "unreadable clock", "clock");
  return t;
};

async function run<T>(step: string, f: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(f);
  } catch (e) {
    if (e instanceof UseCaseError) throw new ExcelDoorError("InvalidInput", e.message, step, e, e.issues);
    throw wrap(e, step);
  }
}

function tables(s: Structure): { cu: TableInfo; fu: TableInfo | null; co: TableInfo | null } {
  const cu = s.tables.customers;
  if (!cu?.exists) throw new ExcelDoorError("NotInstalled", "The customer sheet is not installed", "read");
  return { cu, fu: s.tables.followUps?.exists ? (s.tables.followUps ?? null) : null, co: s.tables.complaints?.exists ? (s.tables.complaints ?? null) : null };
}

const ALL_COMPLAINT_KEYS = COMPLAINT_COLUMNS.map((c) => c.key);

/** Reads what tiers and complaints need, in one pass of syncs. */
async function readHealth(context: Excel.RequestContext, s: Structure, extraCustomerKeys: readonly string[] = []) {
  const { cu, fu, co } = tables(s);
  const reads = await readColumns(context, [
    { info: cu, keys: [...GRADE_READ_KEYS, ...extraCustomerKeys] },
    ...(fu ? [{ info: fu, keys: HISTORY_READ_KEYS }] : []),
    ...(co ? [{ info: co, keys: ALL_COMPLAINT_KEYS }] : []),
  ]);
  const model = workbookModel(
    s,
    tableModel(cu, reads.get(cu) ?? {}),
    fu ? tableModel(fu, reads.get(fu) ?? {}) : null,
    { complaints: co ? tableModel(co, reads.get(co) ?? {}) : null },
  );
  return { cu, fu, co, model };
}

function items(model: ReturnType<typeof workbookModel>, now: WallTime): ComplaintItem[] {
  const t = model.complaints;
  if (!t) return [];
  const { rules } = readRules(model);
  const names = new Map<string, string>();
  const cu = model.customers;
  if (cu) (cu.cols.id ?? []).forEach((v, i) => names.set(idKey(parseText(v)), parseText(cu.cols.name?.[i] ?? null)));
  const out: ComplaintItem[] = [];
  for (const r of readComplaints(t, null)) {
    const status = complaintStatus(r, rules, now);
    if (status === null || r.receivedAt === null) continue;
    out.push({
      index: r.index,
      row: r.row,
      customerId: r.customerId,
      customerName: parseText(t.cols.customerName?.[r.index] ?? null) || (names.get(idKey(r.customerId)) ?? ""),
      summary: parseText(t.cols.summary?.[r.index] ?? null),
      by: parseText(t.cols.by?.[r.index] ?? null),
      receivedAt: r.receivedAt,
      respondedAt: r.respondedAt,
      solvedAt: r.solvedAt,
      calledBackOn: r.calledBackOn,
      status,
      due: complaintDeadline(r, rules),
    });
  }
  return out;
}

/** Every complaint with its status now, open ones first (most urgent deadline first). */
export async function listComplaints(now: Date): Promise<ComplaintItem[]> {
  return run("complaints", async (context) => {
    const s = await readStructure(context);
    const { model } = await readHealth(context, s);
    const rank = (c: ComplaintItem) => (isOpen(c.status) ? 0 : 1);
    return items(model, wall(now)).sort((a, b) => rank(a) - rank(b) || (a.due?.by ?? Infinity) - (b.due?.by ?? Infinity) || a.row - b.row);
  });
}

/**
 * Appends one complaint below the Complaints table (co-authoring safe getRowsBelow, or the fresh
 * table's blank row), with its live SLA formula; one audit row.
 */
export async function logComplaint(input: ComplaintInput, user: string, now: Date): Promise<ComplaintLogOutcome> {
  return run("complaint", async (context) => {
    const s = await readStructure(context);
    const { co, model } = await readHealth(context, s, ["owner"]);
    if (!co) throw new ExcelDoorError("NotInstalled", "The complaints sheet is not installed: upgrade the template", "complaint");
    const plan = planComplaint(model, input, wall(now));
    const width = co.headers.length;
    const fillPlaceholder = co.lastRowBlank && co.rowCount === 1;
    const target = co.headerRowIndex + 1 + (fillPlaceholder ? 0 : co.rowCount);
    const values: Array<PlanValue | null> = new Array<PlanValue | null>(width).fill(null);
    for (const [key, v] of Object.entries(plan.row)) {
      const p = co.positions[key];
      if (p !== undefined) values[p] = v.kind === "blank" ? null : v;
    }
    const cols = Object.fromEntries(Object.entries(co.positions).map(([k, p]) => [k, co.columnIndex + 1 + p]));
    const sc = slaColumnsAt(cols);
    if (sc && co.positions.slaStatus !== undefined) values[co.positions.slaStatus] = { kind: "formula", formula: slaFormula(sc, target + 1, s.lang) };
    const sheet = context.workbook.worksheets.getItem(co.sheetName);
    if (fillPlaceholder) queueWrite(sheet.getRangeByIndexes(target, co.columnIndex, 1, width), [values]);
    else if (co.showTotals) {
      co.table.rows.add(undefined, [values.map(() => "")]);
      queueWrite(sheet.getRangeByIndexes(target, co.columnIndex, 1, width), [values]);
    } else {
      // Data right below the table would be overwritten: push it down first. The write then names
      // the row by index: a range relative to the table would move as the values grow the table.
      if (!co.belowEmpty) co.table.getDataBodyRange().getRowsBelow(1).insert(Excel.InsertShiftDirection.down);
      queueWrite(sheet.getRangeByIndexes(target, co.columnIndex, 1, width), [values]);
    }
    const rows = co.table.rows.load("count");
    queueAudit(
      context,
      s.tables.audit,
      { user, action: "complaint", target: `${plan.customerId} ${formatDateTime(input.receivedAt)}`, cells: values.filter((v) => v !== null).length },
      now,
      s.tables.audit?.lastRowBlank ?? false,
    );
    await context.sync();
    if (!fillPlaceholder && !co.showTotals && rows.count < co.rowCount + 1) {
      // The table did not grow (AutoCorrect off): move the row into the table.
      sheet.getRangeByIndexes(target, co.columnIndex, 1, width).clear(Excel.ClearApplyTo.contents);
      co.table.rows.add(undefined, [values.map(() => "")]);
      queueWrite(sheet.getRangeByIndexes(target, co.columnIndex, 1, width), [values]);
      await context.sync();
    }
    return { row: target + 1, customer: plan.customerId, status: plan.status };
  });
}

/**
 * Fills in an open complaint's response, solution, call-back and satisfaction (blank cells only),
 * after checking the row is still the one the pane showed.
 */
export async function updateComplaint(
  u: ComplaintUpdateRequest,
  user: string,
  now: Date,
): Promise<{ readonly row: number; readonly status: ComplaintStatus | null }> {
  return run("complaintUpdate", async (context) => {
    const s = await readStructure(context);
    const { co, model } = await readHealth(context, s);
    if (!co || !model.complaints) throw new ExcelDoorError("NotInstalled", "The complaints sheet is not installed: upgrade the template", "complaintUpdate");
    const rec = readComplaints(model.complaints, null).find((r) => r.index === u.index);
    const same =
      rec && idKey(rec.customerId) === idKey(u.expect.customerId) && rec.receivedAt !== null && Math.abs(rec.receivedAt - u.expect.receivedAt) < 1 / 2880;
    if (!same)
      throw new ExcelDoorError("Moved", "This complaint is no longer on that row (sorted or changed by someone else); refresh the list", "complaintUpdate");
    const plan = planComplaintUpdate(model, u, wall(now));
    const n = queueCells(context.workbook.worksheets.getItem(co.sheetName), co, plan.writes);
    queueAudit(
      context,
      s.tables.audit,
      { user, action: "complaint update", target: `${plan.customerId} ${co.sheetName}!${plan.row}`, cells: n },
      now,
      s.tables.audit?.lastRowBlank ?? false,
    );
    await context.sync();
    return { row: plan.row, status: plan.status };
  });
}

/** The card's health part for the customer on a worksheet row of the Customers sheet. */
export async function customerHealth(row: number, today: DayNumber, now: Date, lang?: Lang): Promise<CustomerHealth | null> {
  return run("card", async (context) => {
    const s = await readStructure(context);
    const { cu, model } = await readHealth(context, s);
    const index = row - cu.headerRowIndex - 2;
    const at = wall(now);
    const plan = grade(model, today, at);
    const r = plan.results.find((x) => x.record.index === index);
    if (!r) return null;
    // The tier's words follow the workbook (as the sheet shows them); the strategy follows the pane's language.
    const h = healthText(s.lang);
    const tier = r.tier?.tier ?? null;
    return {
      tier,
      tierLabel: tier ? h.tier[tier] : "",
      reason: r.tier ? renderTierReason(r.tier, s.lang) : "",
      nextAction: tier ? healthText(lang ?? s.lang).strategy[tier] : "",
      open: items(model, at).filter((c) => idKey(c.customerId) === idKey(r.record.id) && isOpen(c.status)),
    };
  });
}
