import type { DayNumber } from "../core/_lib/calendar";
import { formatIso } from "../core/_lib/calendar";
import type { Issue } from "../core/checks/issue";
import { columnLetter, type RawCell, type TableModel } from "../core/model/workbookModel";
import { grade, type GradeSummary } from "../core/usecases/grade";
import { idKey } from "../core/followup/history";
import { check } from "../core/usecases/check";
import { planFollowUp, type FollowUpInput } from "../core/usecases/logFollowUp";
import { UseCaseError } from "../core/usecases/errors";
import { CUSTOMER_COLUMNS } from "../core/template/columns";
import { META_ROWS } from "../core/rules/ruleDefs";
import { normalizeLabel } from "../core/model/headers";
import { parseDate, parseText } from "../core/model/parse";
import { gradeLabel, renderReason } from "../core/i18n/messages";
import { maskPhone } from "../core/checks/privacy";
import { date, type PlanValue } from "../core/plan/plan";
import type { Lang } from "../core/i18n/lang";
import { ExcelDoorError, wrap } from "./errors";
import { readStructure, type Structure, type TableInfo } from "./structure";
import { readColumns, tableModel, workbookModel } from "./readModel";
import { queueCells, writeColumns } from "./writeColumns";
import { queueWrite } from "./writeCells";
import { queueAudit } from "./audit";
import { install, type InstallOutcome } from "./install";
import { upgradeTeamOps } from "./upgradeTeamOps";
import type { Status } from "../core/followup/derive";
import type { Grade } from "../core/grading/gradeCustomer";
import { CONTACT_COLUMNS } from "../core/contacts/columns";
import { contactsByCustomer, readContacts } from "../core/contacts/readContacts";
import { contactLines, type ContactLine } from "../core/contacts/contactLines";

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

export interface TemplateStatus {
  readonly installed: boolean;
  readonly lang: Lang;
  readonly version: number | null;
  readonly customers: number;
  readonly followUps: number;
  readonly missingColumns: readonly string[];
}

export function need(s: Structure): { cu: TableInfo; fu: TableInfo | null } {
  const cu = s.tables.customers;
  if (!cu?.exists) throw new ExcelDoorError("NotInstalled", "The customer sheet is not installed", "read");
  const fu = s.tables.followUps?.exists ? (s.tables.followUps ?? null) : null;
  return { cu, fu };
}

function lastGradedRow(s: Structure): number | null {
  const labels = [META_ROWS.lastGraded["zh-CN"], META_ROWS.lastGraded["en-US"]].map(normalizeLabel);
  return s.rulesRows.find((r) => labels.includes(normalizeLabel(r.label)))?.row ?? null;
}

export async function run<T>(step: string, f: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(f);
  } catch (e) {
    if (e instanceof UseCaseError) throw new ExcelDoorError("InvalidInput", e.message, step, e, e.issues);
    throw wrap(e, step);
  }
}

/** Rows of a table, not counting the blank placeholder row a fresh table carries. */
function dataRows(info: TableInfo | undefined): number {
  if (!info?.exists) return 0;
  return info.rowCount === 1 && info.lastRowBlank ? 0 : info.rowCount;
}

export async function templateStatus(): Promise<TemplateStatus> {
  return run("status", async (context) => {
    const s = await readStructure(context);
    const cu = s.tables.customers;
    const missing = cu?.exists ? CUSTOMER_COLUMNS.filter((c) => cu.positions[c.key] === undefined).map((c) => c.header[s.lang]) : [];
    return {
      installed: cu?.exists === true, lang: s.lang, version: s.templateVersion,
      customers: dataRows(cu), followUps: dataRows(s.tables.followUps), missingColumns: missing,
    };
  });
}

export async function installTemplate(lang: Lang, confirmAdopt: boolean, user: string, now: Date): Promise<InstallOutcome> {
  const installed = await run("install", () => install(lang, confirmAdopt));
  const poolRows = await run("upgrade", () => upgradeTeamOps(installed));
  const out: InstallOutcome = installed.kind === "upgraded" ? { ...installed, columns: [...installed.columns, ...poolRows] } : installed;
  if (out.kind === "installed" || out.kind === "upgraded") {
    await run("audit", async (context) => {
      const s = await readStructure(context);
      queueAudit(context, s.tables.audit, { user, action: out.kind === "installed" ? "install" : "upgrade", target: out.sheets.concat(out.kind === "upgraded" ? out.columns : []).join(", "), cells: 0 }, now, s.tables.audit?.lastRowBlank ?? false);
      await context.sync();
    });
  }
  return out;
}

/**
 * Grade: read only the columns grading needs, decide in core, write derived columns in bulk.
 * Syncs: 1 (structure) + 1 per read chunk + 1 per write chunk, whatever the row count.
 */
export async function gradeWorkbook(today: DayNumber, user: string, now: Date, onProgress?: Progress): Promise<GradeOutcome> {
  return run("grade", async (context) => {
    const s = await readStructure(context);
    const { cu, fu } = need(s);
    const reads = await readColumns(context, [{ info: cu, keys: GRADE_KEYS }, ...(fu ? [{ info: fu, keys: HISTORY_KEYS }] : [])], (d, t) => onProgress?.(d, t * 2));
    const model = workbookModel(s, tableModel(cu, reads.get(cu) ?? {}), fu ? tableModel(fu, reads.get(fu) ?? {}) : null);
    const plan = grade(model, today);
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const lastRow = lastGradedRow(s);
    const rules = s.tables.rules;
    // Cells this run writes, known before writing so the audit row in the last chunk can say it.
    const planned = plan.writes.reduce((n, w) => n + w.values.filter((v) => v !== null).length, 0) + plan.idFills.length;
    const written = await writeColumns(context, cu, plan.writes, plan.idFills, () => {
      if (lastRow !== null && rules?.exists) queueWrite(context.workbook.worksheets.getItem(rules.sheetName).getRangeByIndexes(lastRow - 1, rules.columnIndex + 1, 1, 1), [[date(today)]]);
      queueAudit(context, s.tables.audit, { user, action: "grade", target: `${cu.sheetName} (${plan.summary.customers})${plan.idFills.length ? ` +${plan.idFills.length} ID` : ""}`, cells: planned }, now, s.tables.audit?.lastRowBlank ?? false);
    }, (d, t) => onProgress?.(t + d, t * 2));
    return { lang: s.lang, sheetName: cu.sheetName, summary: plan.summary, issues: plan.issues, cellsWritten: written, idsFilled: plan.idFills.length };
  });
}

/**
 * Log one follow-up: appended below the table with getRowsBelow (co-authoring safe), after checking
 * for a totals row and for data below; if the table did not grow, rows.add instead. Only that
 * customer's derived cells (and the stage, when asked) are written.
 */
export async function logFollowUp(input: FollowUpInput, today: DayNumber, user: string, now: Date): Promise<LogOutcome> {
  return run("log", async (context) => {
    const s = await readStructure(context);
    const { cu, fu } = need(s);
    if (!fu) throw new ExcelDoorError("NotInstalled", "The follow-up sheet is not installed", "log");
    const reads = await readColumns(context, [{ info: cu, keys: GRADE_KEYS }, { info: fu, keys: HISTORY_KEYS }]);
    const model = workbookModel(s, tableModel(cu, reads.get(cu) ?? {}), tableModel(fu, reads.get(fu) ?? {}));
    const plan = planFollowUp(model, input, today);
    const width = fu.headers.length;
    const rowValues: Array<PlanValue | null> = new Array<PlanValue | null>(width).fill(null);
    for (const [key, v] of Object.entries(plan.row)) {
      const p = fu.positions[key];
      if (p !== undefined) rowValues[p] = v.kind === "blank" ? null : v;
    }
    const sheet = context.workbook.worksheets.getItem(fu.sheetName);
    const fillPlaceholder = fu.lastRowBlank && fu.rowCount === 1;
    let usedFallback = false;
    let targetRow: number;
    if (fu.showTotals) {
      // Below the body sits the totals row: getRowsBelow would overwrite it.
      fu.table.rows.add(undefined, [rowValues.map(() => "")]);
      usedFallback = true;
      targetRow = fu.headerRowIndex + 1 + fu.rowCount;
      queueWrite(sheet.getRangeByIndexes(targetRow, fu.columnIndex, 1, width), [rowValues]);
    } else if (fillPlaceholder) {
      targetRow = fu.headerRowIndex + 1;
      queueWrite(sheet.getRangeByIndexes(targetRow, fu.columnIndex, 1, width), [rowValues]);
    } else {
      const below = fu.table.getDataBodyRange().getRowsBelow(1);
      // Data right below the table would be overwritten: push it down first.
      if (!fu.belowEmpty) below.insert(Excel.InsertShiftDirection.down);
      targetRow = fu.headerRowIndex + 1 + fu.rowCount;
      queueWrite(fu.table.getDataBodyRange().getRowsBelow(1), [rowValues]);
    }
    queueCells(context.workbook.worksheets.getItem(cu.sheetName), cu, plan.customerWrites);
    const rows = fu.table.rows.load("count");
    queueAudit(context, s.tables.audit, { user, action: "log", target: `${parseText(plan.row.customerId?.kind === "text" ? plan.row.customerId.text : "")} ${formatIso(input.date)}`, cells: width + plan.customerWrites.length }, now, s.tables.audit?.lastRowBlank ?? false);
    await context.sync();
    const expected = fillPlaceholder ? fu.rowCount : fu.rowCount + 1;
    if (!fu.showTotals && rows.count < expected) {
      // The table did not grow (Excel's AutoCorrect option is off): add the row through the table.
      const written = sheet.getRangeByIndexes(targetRow, fu.columnIndex, 1, width);
      written.clear(Excel.ClearApplyTo.contents);
      fu.table.rows.add(undefined, [rowValues.map(() => "")]);
      queueWrite(sheet.getRangeByIndexes(targetRow, fu.columnIndex, 1, width), [rowValues]);
      await context.sync();
      usedFallback = true;
    }
    const nextDue = plan.customer.derived.nextDue;
    return { row: targetRow + 1, customer: plan.customer.record.id, nextDue, usedFallback };
  });
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
    const reads = await readColumns(context, [{ info: cuAll, keys: Object.keys(cuAll.positions) }, ...(fuAll ? [{ info: fuAll, keys: Object.keys(fuAll.positions) }] : [])]);
    const cuModel = tableModel(cuAll, reads.get(cuAll) ?? {});
    const fuModel = fuAll ? tableModel(fuAll, reads.get(fuAll) ?? {}) : null;
    const issues = check(workbookModel(s, cuModel, fuModel), today);
    return issues.map((issue) => ({
      issue,
      address: issue.sheet === "customers" ? address(cuModel, cu.sheetName, issue.row, issue.columnKey) : issue.sheet === "followUps" && fuModel && fuAll ? address(fuModel, fuAll.sheetName, issue.row, issue.columnKey) : null,
    }));
  });
}

/** Selects a cell (an issue's or a due customer's), bringing its sheet forward. */
export async function selectCell(addr: string): Promise<void> {
  return run("select", async (context) => {
    const [sheet, local] = addr.includes("!") ? [addr.slice(0, addr.lastIndexOf("!")), addr.slice(addr.lastIndexOf("!") + 1)] : [null, addr];
    const ws = sheet ? context.workbook.worksheets.getItem(sheet.replace(/^'|'$/g, "")) : context.workbook.worksheets.getActiveWorksheet();
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

/** The card for the customer on a worksheet row of the Customers sheet (null when it is not a customer row). */
export async function customerCard(row: number, today: DayNumber): Promise<CustomerCard | null> {
  return run("card", async (context) => {
    const s = await readStructure(context);
    const { cu, fu } = need(s);
    const index = row - cu.headerRowIndex - 2;
    if (index < 0 || index >= cu.rowCount) return null;
    const ct = s.tables.contacts?.exists ? s.tables.contacts : null;
    const reads = await readColumns(context, [{ info: cu, keys: [...GRADE_KEYS, "phone"] }, ...(fu ? [{ info: fu, keys: ["date", "customerId", "nextDate", "summary", "method", "by"] }] : []), ...(ct ? [{ info: ct, keys: CONTACT_COLUMNS.map((c) => c.key) }] : [])]);
    const cuCols = reads.get(cu) ?? {};
    const fuCols = fu ? (reads.get(fu) ?? {}) : {};
    const plan = grade(workbookModel(s, tableModel(cu, cuCols), fu ? tableModel(fu, fuCols) : null), today);
    const r = plan.results.find((x) => x.record.index === index);
    if (!r) return null;
    const recent: Array<{ date: DayNumber; method: string; summary: string; by: string }> = [];
    const ids = fuCols.customerId ?? [];
    const key = r.record.id.toUpperCase();
    ids.forEach((v: RawCell, i: number) => {
      if (parseText(v).toUpperCase() !== key) return;
      const d = parseDate(fuCols.date?.[i] ?? null);
      if (d.ok && d.value <= today) recent.push({ date: d.value, method: parseText(fuCols.method?.[i] ?? null), summary: parseText(fuCols.summary?.[i] ?? null), by: parseText(fuCols.by?.[i] ?? null) });
    });
    recent.sort((a, b) => b.date - a.date);
    return {
      id: r.record.id, name: r.record.name, row: r.record.row, grade: r.grade, reason: r.reason ? renderReason(r.reason, s.lang) : gradeLabel(r.grade, s.lang),
      status: r.derived.status, nextDue: r.derived.nextDue, daysToDue: r.derived.daysToDue,
      phoneMasked: maskPhone(parseText(cuCols.phone?.[index] ?? null)), recent: recent.slice(0, 5),
      contacts: contactLines(contactsByCustomer(ct ? readContacts(tableModel(ct, reads.get(ct) ?? {})) : []), r.record.id, s.lang),
    };
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
