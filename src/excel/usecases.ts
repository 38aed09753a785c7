import type { DayNumber } from "../core/_lib/calendar";
import { formatIso } from "../core/_lib/calendar";
import type { Issue } from "../core/issues/issue";
import type { RawCell, TableModel } from "../core/model/workbookModel";
import { columnLetter, splitAddress } from "../core/_lib/a1";
import { grade, type GradeSummary } from "../core/usecases/grade";
import { idKey } from "../core/followup/history";
import { check } from "../core/usecases/check";
import { planFollowUp, type FollowUpInput } from "../core/usecases/logFollowUp";
import { metaRow } from "../core/rules/metaRows";
import { parseText } from "../core/model/parse";
import { date, type PlanValue } from "../core/plan/plan";
import type { Lang } from "../core/i18n/lang";
import { ExcelDoorError, runUseCase as run } from "./errors";
import { hiddenRows, readStructure, type Structure, type TableInfo } from "./structure";
import { readColumns, tableModel, workbookModel } from "./readModel";
import { queueCells, writeGuarded } from "./writeColumns";
import { queueWrite } from "./writeCells";
import { queueAudit, type AuditEntry } from "./audit";
import { escapeFind, queueBlankGuard, queueRowGuard, redoOnMove, rowKeys, sameKeys, type RowKey } from "./rowGuard";
import { say } from "../core/i18n/catalogue";
import { CardSource } from "./card";
import type { Status } from "../core/followup/derive";
import type { Grade } from "../core/grading/gradeCustomer";
import { contactsByCustomer, readContacts } from "../core/contacts/readContacts";
import type { ContactLine } from "../core/contacts/contactLines";

import { COMPLAINT_READ_KEYS } from "../core/health/columns";
import { fromLocalDateTime } from "../core/health/wallClock";

// The Home page's two use-cases live in ./template (the pane loads them alone); re-exported here for everyone else.
export { installTemplate, templateStatus, type TemplateStatus } from "./template";

/** Columns grading reads from the Customers table (never the whole sheet). */
import { GRADE_READ_KEYS as GRADE_KEYS, HISTORY_READ_KEYS as HISTORY_KEYS } from "../core/usecases/grade";

export type Progress = (done: number, total: number) => void;

export interface GradeOutcome {
  readonly lang: Lang;
  /** The Customers sheet's name, for selecting a due customer's row. */
  readonly sheetName: string;
  readonly summary: GradeSummary;
  readonly issues: readonly Issue[];
  readonly cellsWritten: number;
  readonly idsFilled: number;
}

export interface LogOutcome {
  readonly row: number;
  readonly customer: string;
  readonly nextDue: DayNumber | null;
  readonly usedFallback: boolean;
}

export interface LocatedIssue {
  readonly issue: Issue;
  readonly address: string | null;
}

export interface CustomerOption {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly contact: string;
  readonly owner: string;
  readonly row: number;
  readonly cadence: number | null;
  /** Names the log form offers for "spoke with": the main contact, then the Contacts sheet's. */
  readonly contacts: readonly string[];
}

export interface CustomerCard {
  readonly id: string;
  readonly name: string;
  readonly row: number;
  readonly grade: Grade | null;
  readonly reason: string;
  readonly status: Status;
  readonly nextDue: DayNumber | null;
  readonly daysToDue: number | null;
  readonly phoneMasked: string;
  /** The customer's people from the Contacts sheet, phones masked. */
  readonly contacts: readonly ContactLine[];
  readonly recent: ReadonlyArray<{ readonly date: DayNumber; readonly method: string; readonly summary: string; readonly by: string }>;
}

export function need(s: Structure): { cu: TableInfo; fu: TableInfo | null } {
  const cu = s.tables.customers;
  if (!cu?.exists) throw new ExcelDoorError("NotInstalled", say(s.lang, "door", "notInstalled"), "read");
  const fu = s.tables.followUps?.exists ? (s.tables.followUps ?? null) : null;
  return { cu, fu };
}

function lastGradedRule(s: Structure): { readonly row: number; readonly label: string } | null {
  return metaRow(s.rulesRows, "lastGraded") ?? null;
}


const isBlankRaw = (v: RawCell | undefined) => v === undefined || v === null || v === "";

/**
 * Grade: read only the columns grading needs, decide in core, write derived columns in bulk under
 * row guards (see writeColumns.ts): no value lands on a row that moved since the read.
 * Syncs: 1 (structure) + 1 per read chunk (+1 when a filter hides rows) + 1 per write chunk, the
 * audit row riding in the last; whatever the row count. `deadline` (a clock time in ms) stops the
 * run between write chunks once passed.
 */
export async function gradeWorkbook(today: DayNumber, user: string, now: Date, onProgress?: Progress, deadline?: number): Promise<GradeOutcome> {
  return run("grade", async (context) => {
    let lang: Lang = "zh-CN";
    // Across attempts: the keys the last one read, and whether guards must give way to checks.
    let lastKeys: RowKey[] | null = null;
    let verifyAll = false;
    return redoOnMove("grade", () => lang, async () => {
      const s = await readStructure(context);
      lang = s.lang;
      const { cu, fu } = need(s);
      const co = s.tables.complaints?.exists ? s.tables.complaints : null;
      const reads = await readColumns(context, [{ info: cu, keys: GRADE_KEYS }, ...(fu ? [{ info: fu, keys: HISTORY_KEYS }] : []), ...(co ? [{ info: co, keys: COMPLAINT_READ_KEYS }] : [])], (d, t) => onProgress?.(d, t * 2));
      const hidden = await hiddenRows(context, cu);
      const cuCols = reads.get(cu) ?? {};
      const model = workbookModel(s, tableModel(cu, cuCols), fu ? tableModel(fu, reads.get(fu) ?? {}) : null, { complaints: co ? tableModel(co, reads.get(co) ?? {}) : null });
      // Complaint deadlines are judged on the user's wall clock.
      const plan = grade(model, today, fromLocalDateTime(now) ?? undefined);
      const keys = rowKeys(cuCols.id ?? [], cuCols.name ?? [], cu.rowCount);
      // A guard tripped though nothing moved: Excel's find does not see some key cells (a hidden
      // column, say). From now on every row is checked after its write instead.
      if (lastKeys && sameKeys(lastKeys, keys)) verifyAll = true;
      lastKeys = keys;
      // Rows a filter hides may be invisible to find too: checked, never guarded.
      const verify = verifyAll ? "all" as const : hidden;
      // A generated ID goes only where the ID cell was read blank (an error value is not blank), on a guarded row.
      const idFills = plan.idFills.filter((f) => keys[f.index]?.kind === "name" && isBlankRaw(cuCols.id?.[f.index]) && verify !== "all" && !verify?.has(f.index));
      const planned = idFills.length + plan.writes.reduce((n, w) => n + w.values.filter((v, i) => v !== null && keys[i]?.kind !== "none").length, 0);
      const entry: AuditEntry = { user, action: "grade", target: `${cu.sheetName} (${plan.summary.customers})${idFills.length ? ` +${idFills.length} ID` : ""}`, cells: planned };
      // A caller with a time limit (the ribbon command) stops between chunks: what is written is on the right rows.
      const beforeChunk = deadline === undefined ? undefined : () => {
        if (Date.now() > deadline) throw new ExcelDoorError("TimeLimit", say(s.lang, "ribbon", "tooLongForRibbon"), "grade");
      };
      // The audit row and the "last graded" date ride in the last chunk's batch, after its writes.
      const written = await writeGuarded(context, { info: cu, keys, writes: plan.writes, idFills, hidden, beforeChunk, verify }, () => queueFinish(context, s, today, entry, now), (d, t) => onProgress?.(t + d, t * 2));
      return { lang: s.lang, sheetName: cu.sheetName, summary: plan.summary, issues: plan.issues, cellsWritten: written, idsFilled: idFills.length };
    });
  });
}

/**
 * The audit row and the Rules sheet's "last graded" date. The date's cell is found by Excel when
 * the batch runs (its label in the Rules table's first column), so moved rules rows cannot misplace it.
 */
function queueFinish(context: Excel.RequestContext, s: Structure, today: DayNumber, entry: AuditEntry, now: Date): void {
  queueAudit(context, s.tables.audit, entry, now);
  const rules = s.tables.rules;
  const rule = lastGradedRule(s);
  if (!rule || !rules?.exists) return;
  const label = rules.table.getDataBodyRange().getColumn(0).find(escapeFind(rule.label), { completeMatch: true, matchCase: true });
  queueWrite(label.getOffsetRange(0, 1), [[date(today)]]);
}

/**
 * Log one follow-up: appended below the table with getRowsBelow (co-authoring safe), after checking
 * for a totals row and for data below; if the table did not grow, rows.add instead. Only that
 * customer's derived cells (and the stage, when asked) are written, under a guard that the
 * customer is still on the row we read; every target row is found by Excel when the batch runs.
 */
export async function logFollowUp(input: FollowUpInput, today: DayNumber, user: string, now: Date): Promise<LogOutcome> {
  return run("log", async (context) => {
    let lang: Lang = "zh-CN";
    const state: LogState = { lastKeys: null, verifyAll: false };
    return redoOnMove("log", () => lang, () => logOnce(context, input, today, user, now, (l) => { lang = l; }, state));
  });
}

interface LogState {
  lastKeys: RowKey[] | null;
  verifyAll: boolean;
}

async function logOnce(context: Excel.RequestContext, input: FollowUpInput, today: DayNumber, user: string, now: Date, setLang: (l: Lang) => void, state: LogState): Promise<LogOutcome> {
  const s = await readStructure(context);
  setLang(s.lang);
  const { cu, fu } = need(s);
  if (!fu) throw new ExcelDoorError("NotInstalled", say(s.lang, "door", "followUpsMissing"), "log");
  if (fu.filtered && fu.showTotals) throw new ExcelDoorError("FilteredTable", say(s.lang, "door", "filteredTotals", { sheet: fu.sheetName }), "log");
  const reads = await readColumns(context, [{ info: cu, keys: GRADE_KEYS }, { info: fu, keys: HISTORY_KEYS }]);
  const cuCols = reads.get(cu) ?? {};
  const model = workbookModel(s, tableModel(cu, cuCols), tableModel(fu, reads.get(fu) ?? {}));
  const plan = planFollowUp(model, input, today);
  const width = fu.headers.length;
  const rowValues: Array<PlanValue | null> = new Array<PlanValue | null>(width).fill(null);
  for (const [key, v] of Object.entries(plan.row)) {
    const p = fu.positions[key];
    if (p !== undefined) rowValues[p] = v.kind === "blank" ? null : v;
  }
  const fuSheet = context.workbook.worksheets.getItem(fu.sheetName);
  const cuSheet = context.workbook.worksheets.getItem(cu.sheetName);
  // The customer must still be on the row we read before anything of this batch is applied.
  const index = plan.customer.record.index;
  const keys = rowKeys(cuCols.id ?? [], cuCols.name ?? [], cu.rowCount);
  if (state.lastKeys && sameKeys(state.lastKeys, keys)) state.verifyAll = true;
  state.lastKeys = keys;
  const key = keys[index] ?? { kind: "none" as const };
  // A row Excel's find cannot see (its ID column hidden, or filtered out) cannot be guarded: its
  // derived cells are left to the next grade, and a stage change (a user cell) is refused.
  const unseen = state.verifyAll || ((await hiddenRows(context, cu))?.has(index) ?? false);
  if (unseen && plan.customerWrites.some((w) => w.key === "stage")) throw new ExcelDoorError("RowNotCheckable", say(s.lang, "door", "stageNeedsRow"), "log");
  const customerWrites = unseen ? [] : plan.customerWrites;
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (customerWrites.length > 0 && key.kind !== "none") queueRowGuard(cuSheet, cu, index, key, false);
  const fillPlaceholder = fu.lastRowBlank && fu.rowCount === 1;
  const idCol = fu.positions.customerId;
  let usedFallback = false;
  let target: Excel.Range;
  if (fu.showTotals) {
    // Below the body sits the totals row: getRowsBelow would overwrite it.
    fu.table.rows.add(undefined, [rowValues.map(() => "")]);
    usedFallback = true;
    target = fu.table.getDataBodyRange().getLastRow();
  } else if (fillPlaceholder) {
    // A co-author may have filled the placeholder row since we read it: only a blank one is ours to fill.
    if (idCol !== undefined) queueBlankGuard(fuSheet, fu, fu.headerRowIndex + 1, fu.columnIndex + idCol);
    target = fu.table.getDataBodyRange().getLastRow();
  } else {
    // Data right below the table would be overwritten: push it down first.
    if (!fu.belowEmpty) fu.table.getDataBodyRange().getRowsBelow(1).insert(Excel.InsertShiftDirection.down);
    target = fu.table.getDataBodyRange().getRowsBelow(1);
  }
  queueWrite(target, [rowValues]);
  target.load("rowIndex");
  queueCells(cuSheet, cu, customerWrites);
  const rows = fu.table.rows.load("count");
  const logEntry: AuditEntry = { user, action: "log", target: `${parseText(plan.row.customerId?.kind === "text" ? plan.row.customerId.text : "")} ${formatIso(input.date)}`, cells: width + customerWrites.length };
  const grew = !fu.showTotals && !fillPlaceholder;
  queueAudit(context, s.tables.audit, logEntry, now);
  await context.sync();
  let row = target.rowIndex;
  if (grew && rows.count < fu.rowCount + 1) {
    // The table did not grow (Excel's AutoCorrect option is off): take our row back and add it through the table.
    const below = fu.table.getRange().getRowsBelow(1);
    const id = plan.row.customerId?.kind === "text" ? plan.row.customerId.text : null;
    // Only if that row is still the one we wrote (the ID cell and its neighbour: see rowGuard.ts).
    if (id !== null && idCol !== undefined) below.getCell(0, Math.max(0, idCol - 1)).getResizedRange(0, 1).find(escapeFind(id), { completeMatch: true, matchCase: true }).load("rowIndex");
    below.clear(Excel.ClearApplyTo.contents);
    if (fu.filtered) {
      await context.sync();
      throw new ExcelDoorError("FilteredTable", say(s.lang, "door", "filteredNoGrow", { sheet: fu.sheetName }), "log");
    }
    fu.table.rows.add(undefined, [rowValues.map(() => "")]);
    const last = fu.table.getDataBodyRange().getLastRow();
    queueWrite(last, [rowValues]);
    last.load("rowIndex");
    await context.sync();
    row = last.rowIndex;
    usedFallback = true;
  }
  const nextDue = plan.customer.derived.nextDue;
  return { row: row + 1, customer: plan.customer.record.id, nextDue, usedFallback };
}

function address(t: TableModel | TableInfo, sheetName: string, row: number | null, key: string | null): string | null {
  if (row === null || key === null) return null;
  const p = t.positions[key];
  if (p === undefined) return null;
  const first = "firstColumn" in t ? t.firstColumn : t.columnIndex + 1;
  return `${sheetName}!${columnLetter(first + p)}${row}`;
}

/** The data check, every issue with the cell it is about. */
export async function checkWorkbook(today: DayNumber): Promise<LocatedIssue[]> {
  return run("check", async (context) => {
    const s = await readStructure(context);
    const { cu, fu } = need(s);
    // Every column, the user's too: an ID number may sit in any text cell.
    const withExtras = (info: TableInfo): TableInfo => {
      const taken = new Set(Object.values(info.positions));
      const extras = Object.fromEntries(info.headers.map((_h, i) => [`extra:${i}`, i]).filter(([, i]) => !taken.has(i as number)));
      return { ...info, positions: { ...info.positions, ...extras } };
    };
    const cuAll = withExtras(cu);
    const fuAll = fu ? withExtras(fu) : null;
    const co = s.tables.complaints?.exists ? (s.tables.complaints ?? null) : null;
    // The decision-maker check looks for one on the customer row or on the Contacts sheet.
    const ct = s.tables.contacts?.exists ? (s.tables.contacts ?? null) : null;
    const extra = [co, ct].flatMap((t) => (t ? [{ info: t, keys: Object.keys(t.positions) }] : []));
    const reads = await readColumns(context, [{ info: cuAll, keys: Object.keys(cuAll.positions) }, ...(fuAll ? [{ info: fuAll, keys: Object.keys(fuAll.positions) }] : []), ...extra]);
    const cuModel = tableModel(cuAll, reads.get(cuAll) ?? {});
    const fuModel = fuAll ? tableModel(fuAll, reads.get(fuAll) ?? {}) : null;
    const coModel = co ? tableModel(co, reads.get(co) ?? {}) : null;
    const ctModel = ct ? tableModel(ct, reads.get(ct) ?? {}) : null;
    const issues = check(workbookModel(s, cuModel, fuModel, { complaints: coModel, contacts: ctModel }), today);
    // Each table an issue can be about, with the sheet it is on: a table read here is a table addressed.
    const tables: Partial<Record<string, readonly [TableModel, string]>> = { customers: [cuModel, cu.sheetName] };
    if (fuModel && fuAll) tables.followUps = [fuModel, fuAll.sheetName];
    if (coModel && co) tables.complaints = [coModel, co.sheetName];
    if (ctModel && ct) tables.contacts = [ctModel, ct.sheetName];
    return issues.map((issue) => {
      const t = tables[issue.sheet];
      return { issue, address: t ? address(t[0], t[1], issue.row, issue.columnKey) : null };
    });
  });
}

/** Selects a cell (an issue's or a due customer's), bringing its sheet forward. */
export async function selectCell(addr: string): Promise<void> {
  return run("select", async (context) => {
    const { sheet, cells: local } = splitAddress(addr);
    const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
    ws.activate();
    ws.getRange(local).select();
    await context.sync();
  });
}

/** Customers for the log form's picker: ID, name, short name, contact, owner and cadence. */
export async function listCustomers(today: DayNumber): Promise<CustomerOption[]> {
  return run("customers", async (context) => {
    const s = await readStructure(context);
    const { cu, fu } = need(s);
    const ct = s.tables.contacts?.exists ? s.tables.contacts : null;
    const reads = await readColumns(context, [{ info: cu, keys: [...GRADE_KEYS, "shortName"] }, ...(fu ? [{ info: fu, keys: HISTORY_KEYS }] : []), ...(ct ? [{ info: ct, keys: ["customerId", "name", "primary"] }] : [])]);
    const plan = grade(workbookModel(s, tableModel(cu, reads.get(cu) ?? {}), fu ? tableModel(fu, reads.get(fu) ?? {}) : null), today);
    const short = reads.get(cu)?.shortName ?? [];
    const people = contactsByCustomer(ct ? readContacts(tableModel(ct, reads.get(ct) ?? {})) : []);
    return plan.results.filter((r) => r.record.id !== "" && !plan.idFills.some((f) => f.index === r.record.index)).map((r) => ({
      id: r.record.id, name: r.record.name, shortName: parseText(short[r.record.index] ?? null), contact: r.record.contact, owner: r.record.owner,
      row: r.record.row, cadence: r.derived.cadence,
      contacts: [r.record.contact, ...(people.get(idKey(r.record.id)) ?? []).map((c) => c.name)].filter((n, i, all) => n !== "" && all.indexOf(n) === i),
    }));
  });
}

/**
 * The card for the customer on a worksheet row of the Customers sheet (null when it is not a
 * customer row): that row and its follow-ups only (see CardSource, which the pane keeps for
 * debouncing and its follow-up index).
 */
export async function customerCard(row: number, today: DayNumber): Promise<CustomerCard | null> {
  return new CardSource(() => today, 0).card(row);
}

export interface AuditRow {
  readonly when: number;
  readonly user: string;
  readonly action: string;
  readonly target: string;
  readonly cells: number;
}

/**
 * The newest entries of the audit log, newest first. The log's sheet is very hidden (Excel's
 * Unhide menu does not list it), so the pane is where people read it.
 */
export async function readAuditLog(limit = 50): Promise<AuditRow[]> {
  return run("audit", async (context) => {
    const s = await readStructure(context);
    const a = s.tables.audit;
    if (!a?.exists || a.rowCount === 0) return [];
    const n = Math.min(limit, a.rowCount);
    const range = context.workbook.worksheets.getItem(a.sheetName).getRangeByIndexes(a.headerRowIndex + 1 + a.rowCount - n, a.columnIndex, n, 5).load("values");
    await context.sync();
    return range.values
      .filter((r) => r.some((v) => v !== "" && v !== null))
      .map((r) => ({ when: typeof r[0] === "number" ? r[0] : 0, user: String(r[1] ?? ""), action: String(r[2] ?? ""), target: String(r[3] ?? ""), cells: typeof r[4] === "number" ? r[4] : 0 }))
      .reverse();
  });
}

/** Calls back with the worksheet row the user selects on the Customers sheet. */
export async function watchSelection(onRow: (row: number) => void): Promise<() => Promise<void>> {
  return run("watch", async (context) => {
    const s = await readStructure(context);
    const { cu } = need(s);
    const handler = context.workbook.worksheets.getItem(cu.sheetName).onSelectionChanged.add(async (e) => {
      const m = /(\d+)/.exec(e.address);
      if (m?.[1]) onRow(Number(m[1]));
    });
    await context.sync();
    return async () => {
      handler.remove();
      await handler.context.sync();
    };
  });
}


/**
 * Calls back when someone else changes our Customers or Follow-ups sheet (a co-author, or the user
 * typing), so the pane can refresh; our own writes (triggerSource ThisLocalAddin) are ignored.
 */
export async function watchChanges(onChange: (sheet: string, address: string) => void): Promise<() => Promise<void>> {
  return run("watch", async (context) => {
    const s = await readStructure(context);
    const sheets = [s.tables.customers, s.tables.followUps].filter((t): t is TableInfo => t?.exists === true);
    const handlers = sheets.map((t) => context.workbook.worksheets.getItem(t.sheetName).onChanged.add(async (e) => {
      if (e.triggerSource === Excel.EventTriggerSource.thisLocalAddin) return;
      onChange(t.sheetName, e.address);
    }));
    await context.sync();
    return async () => {
      for (const h of handlers) h.remove();
      if (handlers[0]) await handlers[0].context.sync();
    };
  });
}
