import type { DayNumber } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import type { RawCell } from "../core/model/workbookModel";
import { normalizeLabel } from "../core/model/headers";
import type { PlanValue } from "../core/plan/plan";
import { planImport, type ImportCounts, type ImportOptions, type ImportPlan, type SourceTable } from "../core/import/planImport";
import { readSourceHeader, type SourceHeader } from "../core/import/headers";
import { hasContactGroups } from "../core/import/contactGroups";
import { CONTACT_MATCH_KEYS, type ContactCounts } from "../core/import/placeContacts";
import { IMPORT_TEXTS, importText } from "../core/import/messages";
import { REPORT_HEADER_ROW, reportSheet } from "../core/import/report";
import { ExcelDoorError, runUseCase as run } from "./errors";
import { readStructure, toRaw, type Structure, type TableInfo } from "./structure";
import { CHUNK_BYTES, readColumns, tableModel, workbookModel } from "./readModel";
import { estimateBytes, queueWrite } from "./writeCells";
import { queueAudit } from "./audit";
import { queueBlankGuard, redoOnMove } from "./rowGuard";

/** What the Import page shows before anything is written. */
export interface ImportPreview {
  readonly lang: Lang;
  readonly header: SourceHeader;
  readonly counts: ImportCounts;
  readonly newColumns: readonly string[];
  /** The first data rows of the source, as they are. */
  readonly sample: ReadonlyArray<readonly RawCell[]>;
  readonly plan: ImportPlan;
}

export interface WorkbookImportOutcome {
  readonly lang: Lang;
  readonly counts: ImportCounts;
  readonly reportSheet: string;
  readonly cellsChanged: number;
  readonly contacts: ContactCounts;
}

/** Rows per read or write chunk for a given width, under Excel on the web's 5 MB payload limit. */
function rowsPerChunk(width: number, bytesPerCell: number): number {
  return Math.max(1, Math.floor(CHUNK_BYTES / Math.max(1, width * bytesPerCell)));
}

/** Rows of a grid that fit one write request, judged by the size of its first 50 rows. */
function rowsPerRequest(grid: ReadonlyArray<ReadonlyArray<PlanValue | null>>): number {
  if (grid.length === 0) return 1;
  const perRow = Math.max(1, estimateBytes(grid.slice(0, 50)) / Math.min(50, grid.length));
  return Math.max(1, Math.floor(CHUNK_BYTES / perRow));
}

/**
 * The source from the open workbook: the selected range when it is more than one cell, else the
 * used range of the active sheet. Read in row chunks; worksheet row numbers are kept for the report.
 */
export async function readWorkbookSource(): Promise<SourceTable> {
  return run("importSource", async (context) => {
    const selected = context.workbook.getSelectedRange().load("address,rowCount,columnCount,rowIndex,columnIndex");
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
    const used = sheet.getUsedRangeOrNullObject(true).load("address,rowCount,columnCount,rowIndex,columnIndex");
    await context.sync();
    const area = selected.rowCount * selected.columnCount > 1 || used.isNullObject ? selected : used;
    const rows: RawCell[][] = [];
    const rowNumbers: number[] = [];
    const step = rowsPerChunk(area.columnCount, 40);
    const ws = context.workbook.worksheets.getItem(sheet.name);
    for (let r = 0; r < area.rowCount; r += step) {
      const n = Math.min(step, area.rowCount - r);
      const chunk = ws.getRangeByIndexes(area.rowIndex + r, area.columnIndex, n, area.columnCount).load("values");
      // One sync per payload chunk, never per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      chunk.values.forEach((row, i) => {
        rows.push(row.map(toRaw));
        rowNumbers.push(area.rowIndex + r + i + 1);
      });
    }
    return { name: area.address.includes("!") ? area.address : `${sheet.name}!${area.address}`, rows, rowNumbers };
  });
}

/** Our table's columns plus the user's own (as `extra:<i>`), so a fill sees every cell it might touch. */
function withExtras(info: TableInfo): TableInfo {
  const taken = new Set(Object.values(info.positions));
  const extras = Object.fromEntries(info.headers.map((_h, i) => [`extra:${i}`, i] as const).filter(([, i]) => !taken.has(i)));
  return { ...info, positions: { ...info.positions, ...extras } };
}


async function planIn(context: Excel.RequestContext, source: SourceTable, options: ImportOptions): Promise<{ s: Structure; plan: ImportPlan; target: TableInfo; contacts: TableInfo | null }> {
  const s = await readStructure(context);
  const cu = s.tables.customers;
  if (!cu?.exists) throw new ExcelDoorError("NotInstalled", "The customer sheet is not installed", "import");
  const fu = s.tables.followUps?.exists ? s.tables.followUps : undefined;
  if (options.kind === "followups" && !fu) throw new ExcelDoorError("NotInstalled", "The follow-up sheet is not installed", "import");
  const cuAll = options.kind === "customers" ? withExtras(cu) : cu;
  const fuAll = fu ? (options.kind === "followups" ? withExtras(fu) : fu) : undefined;
  const cuKeys = options.kind === "customers" ? Object.keys(cuAll.positions) : ["id", "name", "phone", "owner"];
  const fuKeys = options.kind === "followups" ? Object.keys(fuAll?.positions ?? {}) : [];
  // Numbered contact groups are compared with the Contacts table (read only when the source has them).
  const groups = options.kind === "customers" && hasContactGroups(readSourceHeader(options.kind, source.rows, options.map ?? []).uses);
  const ct = groups && s.tables.contacts?.exists ? s.tables.contacts : null;
  const reads = await readColumns(context, [{ info: cuAll, keys: cuKeys }, ...(fuAll && fuKeys.length > 0 ? [{ info: fuAll, keys: fuKeys }] : []), ...(ct ? [{ info: ct, keys: CONTACT_MATCH_KEYS }] : [])]);
  const model = workbookModel(s, tableModel(cuAll, reads.get(cuAll) ?? {}), fuAll ? tableModel(fuAll, reads.get(fuAll) ?? {}) : null, { contacts: ct ? tableModel(ct, reads.get(ct) ?? {}) : null });
  const plan = planImport(model, source, options);
  return { s, plan, target: (options.kind === "customers" ? cuAll : fuAll) as TableInfo, contacts: ct };
}

/** Plans an import without writing: the mapping, the accounting and the first rows, for the page. */
export async function previewImport(source: SourceTable, options: ImportOptions): Promise<ImportPreview> {
  return run("importPreview", async (context) => {
    const { s, plan } = await planIn(context, source, options);
    const sample = source.rows.slice(plan.header.rowIndex + 1, plan.header.rowIndex + 6);
    return { lang: s.lang, header: plan.header, counts: plan.counts, newColumns: plan.newColumns, sample, plan };
  });
}

const REPORT_NAMES = Object.values(IMPORT_TEXTS).map((t) => t.reportSheet);

/**
 * Imports into the open workbook with the same core plan as the command line: the user's new
 * columns added to the table, rows appended through the table (so they take its formats,
 * validation, highlights and Status formula), blanks filled, the report sheet rebuilt and selected,
 * one audit row. Writes go in payload-sized chunks; the plan is made on what the workbook holds
 * at the start of this run.
 */
export async function importIntoWorkbook(source: SourceTable, options: ImportOptions, user: string, now: Date, today: DayNumber): Promise<WorkbookImportOutcome> {
  return run("import", async (context) => {
    // The Contacts rows lead the first batch behind their guard: when a co-author took the table's
    // blank row since we read it, nothing of the batch is applied and the run is planned afresh.
    let lang: Lang = "zh-CN";
    return redoOnMove("import", () => lang, () => importOnce(context, source, options, user, now, today, (l) => { lang = l; }));
  });
}

/**
 * Appends the plan's contacts to the Contacts table through the table, in payload-sized chunks:
 * rows added empty (Excel gives them the columns' formats, validation and the customer-name
 * lookup), then our values written into the table's last rows as Excel finds them when the batch
 * runs — a row a co-author appended meanwhile is not written over. A fresh table's blank row is
 * filled only if it is still blank (guarded). Queued first in the caller's batch.
 */
async function queueContacts(context: Excel.RequestContext, ct: TableInfo, rows: ReadonlyArray<ReadonlyMap<string, PlanValue>>, lang: Lang): Promise<void> {
  if (rows.length === 0) return;
  if (ct.filtered) throw new ExcelDoorError("FilteredTable", importText(lang, "contactsFiltered", { sheet: ct.sheetName }), "import");
  const width = ct.headers.length;
  const grid = rows.map((row) => {
    const cells = new Array<PlanValue | null>(width).fill(null);
    // The customer name is the table's lookup formula: never written.
    for (const [k, v] of row) { const p = ct.positions[k]; if (p !== undefined && k !== "customerName" && v.kind !== "blank") cells[p] = v; }
    return cells;
  });
  const sheet = context.workbook.worksheets.getItem(ct.sheetName);
  let placeholder = ct.rowCount === 1 && ct.lastRowBlank;
  if (placeholder) for (const k of ["customerId", "name"]) {
    const p = ct.positions[k];
    if (p !== undefined) queueBlankGuard(sheet, ct, ct.headerRowIndex + 1, ct.columnIndex + p);
  }
  const step = Math.min(rowsPerChunk(width, 4), rowsPerRequest(grid));
  for (let r = 0; r < grid.length; r += step) {
    const part = grid.slice(r, r + step);
    const add = part.length - (placeholder ? 1 : 0);
    // One blank row per add, without values: a value given for the customer-name column (even "")
    // would replace the table's lookup formula there, while a row added empty takes it.
    for (let i = 0; i < add; i++) ct.table.rows.add();
    placeholder = false;
    const last = ct.table.getDataBodyRange().getLastRow();
    queueWrite(part.length === 1 ? last : last.getOffsetRange(1 - part.length, 0).getResizedRange(part.length - 1, 0), part);
    // The last chunk goes with the caller's next sync.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    if (r + step < grid.length) await context.sync();
  }
}

async function importOnce(context: Excel.RequestContext, source: SourceTable, options: ImportOptions, user: string, now: Date, today: DayNumber, onLang: (l: Lang) => void): Promise<WorkbookImportOutcome> {
  const { s, plan, target, contacts } = await planIn(context, source, options);
  onLang(s.lang);
  if (contacts) await queueContacts(context, contacts, plan.contacts.rows, s.lang);
  const sheet = context.workbook.worksheets.getItem(target.sheetName);
  context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const h of plan.newColumns) target.table.columns.add(undefined, undefined, h);

  const headers = [...target.headers, ...plan.newColumns];
  const ours = new Set(Object.entries(target.positions).filter(([k]) => !k.startsWith("extra:")).map(([, p]) => p));
  const userCols = new Map<string, number>();
  headers.forEach((h, i) => { if (!ours.has(i) && !userCols.has(normalizeLabel(h))) userCols.set(normalizeLabel(h), i); });
  const colOf = (ref: string): number | undefined => (ref.startsWith("user:") ? userCols.get(normalizeLabel(ref.slice(5))) : target.positions[ref]);

  const width = headers.length;
  const grid: Array<Array<PlanValue | null>> = plan.rows.map((row) => {
    const cells = new Array<PlanValue | null>(width).fill(null);
    for (const [ref, v] of row) {
      const c = colOf(ref);
      if (c !== undefined && v.kind !== "blank") cells[c] = v;
    }
    return cells;
  });
  const placeholder = target.rowCount === 1 && target.lastRowBlank;
  const firstRow = target.headerRowIndex + 1 + (placeholder ? 0 : target.rowCount);
  const toAdd = Math.max(0, grid.length - (placeholder ? 1 : 0));
  // Rows come in through the table (blank first): Excel gives them the columns' formats, validation,
  // highlights and calculated Status formula; our values then go in with Text formats first.
  const addStep = rowsPerChunk(width, 4);
  for (let r = 0; r < toAdd; r += addStep) {
    const n = Math.min(addStep, toAdd - r);
    target.table.rows.add(undefined, Array.from({ length: n }, () => new Array<string>(width).fill("")));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    if (r + addStep < toAdd) await context.sync();
  }
  const writeStep = rowsPerRequest(grid);
  for (let r = 0; r < grid.length; r += writeStep) {
    const part = grid.slice(r, r + writeStep);
    queueWrite(sheet.getRangeByIndexes(firstRow + r, target.columnIndex, part.length, width), part);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  for (const f of plan.fills) {
    const c = colOf(f.ref);
    if (c !== undefined) queueWrite(sheet.getRangeByIndexes(target.headerRowIndex + 1 + f.index, target.columnIndex + c, 1, 1), [[f.value]]);
  }

  // The report sheet is ours: rebuilt on every run, then brought forward and selected.
  const lang = s.lang;
  const report = reportSheet(plan, lang, today);
  for (const name of s.sheetNames) if (REPORT_NAMES.includes(name)) context.workbook.worksheets.getItem(name).delete();
  const rs = context.workbook.worksheets.add(report.name);
  const reportWidth = Math.max(...report.rows.map((r) => r.length));
  const padded = report.rows.map((r) => [...r, ...new Array<PlanValue | null>(reportWidth - r.length).fill(null)]);
  const reportStep = rowsPerRequest(padded);
  for (let r = 0; r < padded.length; r += reportStep) {
    const part = padded.slice(r, r + reportStep);
    queueWrite(rs.getRangeByIndexes(r, 0, part.length, reportWidth), part);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    if (r + reportStep < padded.length) await context.sync();
  }
  rs.freezePanes.freezeRows(REPORT_HEADER_ROW);
  [22, 9, 9, 16, 60].forEach((w, i) => { if (i < reportWidth) rs.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 5.7; });
  rs.getRangeByIndexes(REPORT_HEADER_ROW - 1, 0, 1, reportWidth).format.font.bold = true;
  queueAudit(context, s.tables.audit, { user, action: importText(lang, "auditAction"), target: `${source.name} → ${target.sheetName}`, cells: plan.cellsChanged }, now, s.tables.audit?.lastRowBlank ?? false);
  rs.activate();
  rs.getRangeByIndexes(0, 0, 1, 1).select();
  await context.sync();
  return { lang, counts: plan.counts, reportSheet: report.name, cellsChanged: plan.cellsChanged, contacts: plan.contacts.counts };
}

