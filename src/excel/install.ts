import type { Lang } from "../core/i18n/lang";
import type { InstallPlan, SheetSpec, TableSpec, ValidationSpec } from "../core/plan/install";
import { COLORS } from "../core/plan/install";
import { text } from "../core/plan/plan";
import { columnLetter } from "../core/model/workbookModel";
import { dayNumber, formatIso } from "../core/_lib/calendar";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../core/template/columns";
import { planInstall, missingColumns, columnValidations } from "../core/usecases/install";
import { headerText, matchHeaders } from "../core/model/headers";
import { TEMPLATE_VERSION, sheetName, type SheetKey } from "../core/template/sheets";
import { ourSheetNames, readStructure, type Structure, type TableInfo } from "./structure";
import { queueWrite } from "./writeCells";
import { GUIDE_WIDTHS, guideRowHeight, type GuideRow } from "../core/template/guide";
import { upgradeHealth } from "./installHealth";

/** Points per character of column width (Calibri 11 at 100 %). */
const POINTS_PER_CHAR = 7;

export type InstallOutcome =
  | { readonly kind: "installed"; readonly lang: Lang; readonly sheets: readonly string[] }
  | { readonly kind: "upgraded"; readonly lang: Lang; readonly sheets: readonly string[]; readonly columns: readonly string[] }
  | { readonly kind: "current"; readonly lang: Lang; readonly version: number }
  | { readonly kind: "preview"; readonly lang: Lang; readonly adopt: ReadonlyArray<{ readonly sheet: string; readonly range: string; readonly add: readonly string[] }> }
  | { readonly kind: "refused"; readonly lang: Lang; readonly sheet: string; readonly missing: readonly string[] };

interface Adoptable {
  readonly key: SheetKey;
  readonly sheet: string;
  readonly address: string;
  readonly headers: readonly string[];
  readonly defs: readonly ColumnDef[];
}

const TABLE_DEFS: Partial<Record<SheetKey, readonly ColumnDef[]>> = { customers: CUSTOMER_COLUMNS, followUps: FOLLOWUP_COLUMNS };

/**
 * Installs the template, or upgrades it in place: missing sheets are created, missing columns are
 * added at a table's end, nothing of the user's is moved or deleted. A sheet of ours that exists
 * without our table is adopted only after a preview (and only when its headers carry the required
 * columns), or refused with the reason — never half-converted.
 */
export async function install(requestedLang: Lang, confirmAdopt: boolean): Promise<InstallOutcome> {
  return Excel.run(async (context) => {
    const s = await readStructure(context);
    const installed = s.tables.customers?.exists === true;
    const lang: Lang = installed || s.templateVersion !== null ? s.lang : requestedLang;
    const existing = ourSheetNames(s.sheetNames);

    // Sheets of ours present without our table: look at their headers before deciding anything.
    const candidates = (["customers", "followUps"] as const).filter((k) => existing[k] !== undefined && !s.tables[k]?.exists);
    const adoptable: Adoptable[] = [];
    if (candidates.length > 0) {
      const used = candidates.map((k) => {
        const r = context.workbook.worksheets.getItem(existing[k] as string).getUsedRangeOrNullObject(true);
        r.load("address");
        const head = r.getRow(0).load("values");
        return { k, r, head };
      });
      await context.sync();
      for (const u of used) {
        const defs = TABLE_DEFS[u.k] as readonly ColumnDef[];
        const headers = u.r.isNullObject ? [] : (u.head.values[0] ?? []).map((h) => String(h ?? ""));
        // The Customer ID column may be missing: IDs are blanks we own and generate.
        const m = matchHeaders(headers, defs);
        const lacking = m.missing.filter((d) => d.key !== "id" && d.key !== "customerName");
        if (u.r.isNullObject || lacking.length > 0) {
          const missing = u.r.isNullObject ? defs.filter((d) => d.required && d.key !== "id").map((d) => headerText(d, lang)) : lacking.map((d) => headerText(d, lang));
          return { kind: "refused", lang, sheet: existing[u.k] as string, missing };
        }
        adoptable.push({ key: u.k, sheet: existing[u.k] as string, address: u.r.address, headers, defs });
      }
      if (!confirmAdopt) {
        return { kind: "preview", lang, adopt: adoptable.map((a) => ({ sheet: a.sheet, range: a.address, add: missingColumns(a.headers, a.defs).map((d) => headerText(d, lang)) })) };
      }
    }

    const plan = planInstall(lang);
    const created: string[] = [];
    const addedColumns: string[] = [];
    for (const spec of plan.sheets) {
      if (existing[spec.key] === undefined) {
        createSheet(context, spec);
        created.push(spec.name);
      }
    }
    for (const a of adoptable) {
      const t = context.workbook.worksheets.getItem(a.sheet).tables.add(a.address, true);
      t.name = (a.key === "customers" ? "CRM_Customers" : "CRM_FollowUps");
      addedColumns.push(...addColumns(context, t, a.sheet, a.headers, a.defs, lang, rowOf(a.address), colOf(a.address)));
    }
    for (const key of ["customers", "followUps"] as const) {
      const info = s.tables[key];
      if (info?.exists) addedColumns.push(...addColumns(context, info.table, info.sheetName, info.headers, TABLE_DEFS[key] as readonly ColumnDef[], lang, info.headerRowIndex + 1, info.columnIndex + 1));
    }
    const nothing = created.length === 0 && addedColumns.length === 0 && adoptable.length === 0 && s.templateVersion === TEMPLATE_VERSION;
    if (nothing) return { kind: "current", lang, version: TEMPLATE_VERSION };

    if (created.includes(plan.sheets[0]?.name ?? "")) {
      // A brand-new install: names, validations and highlights in the same batch as the sheets.
      queueNames(context, plan);
      for (const v of plan.validations) if (created.includes(sheetName(v.sheet, lang))) queueValidation(context, sheetName(v.sheet, lang), v);
      queueHighlights(context, plan);
    } else if (created.length > 0) {
      // The names already exist from the first install; only the re-created sheets need their rules.
      for (const v of plan.validations) if (created.includes(sheetName(v.sheet, lang))) queueValidation(context, sheetName(v.sheet, lang), v);
    }
    if (s.templateVersion !== null && s.templateVersion < TEMPLATE_VERSION) setVersion(context, s);
    await context.sync();
    // Template version 2's Rules rows, names and complaint highlight, on a workbook that lacks them
    // (a first install has them from the plan already).
    if (!created.includes(plan.sheets[0]?.name ?? "")) addedColumns.push(...(await upgradeHealth(context, lang)).rules);
    return installed || adoptable.length > 0 ? { kind: "upgraded", lang, sheets: created, columns: addedColumns } : { kind: "installed", lang, sheets: created };
  });
}

const rowOf = (address: string) => Number(/(\d+)/.exec(address.split("!").pop() ?? "")?.[1] ?? 1);
const colOf = (address: string) => {
  const letters = /!?\$?([A-Z]+)\$?\d/.exec(address.split("!").pop() ?? "")?.[1] ?? "A";
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
};

/** Adds our missing columns at the table's end, with their validations (never moving a user column). */
function addColumns(context: Excel.RequestContext, table: Excel.Table, sheet: string, headers: readonly string[], defs: readonly ColumnDef[], lang: Lang, headerRow: number, firstCol: number): string[] {
  const missing = missingColumns(headers, defs);
  if (missing.length === 0) return [];
  const positions: Record<string, number> = {};
  const m = matchHeaders(headers, defs);
  for (const [k, p] of Object.entries(m.positions)) positions[k] = firstCol + p;
  missing.forEach((d, i) => {
    table.columns.add(undefined, undefined, headerText(d, lang));
    positions[d.key] = firstCol + headers.length + i;
  });
  const key: SheetKey = defs === CUSTOMER_COLUMNS ? "customers" : "followUps";
  for (const v of columnValidations(key, missing, positions, headerRow, lang)) queueValidation(context, sheet, v);
  return missing.map((d) => headerText(d, lang));
}

function setVersion(context: Excel.RequestContext, s: Structure): void {
  const row = s.rulesRows.find((r) => typeof r.value === "number" && r.value === s.templateVersion);
  const info = s.tables.rules as TableInfo | undefined;
  if (!row || !info) return;
  context.workbook.worksheets.getItem(info.sheetName).getRangeByIndexes(row.row - 1, info.columnIndex + 1, 1, 1).values = [[TEMPLATE_VERSION]];
}

function createSheet(context: Excel.RequestContext, spec: SheetSpec): void {
  const ws = context.workbook.worksheets.add(spec.name);
  for (const t of spec.tables) createTable(ws, t);
  if (spec.guide) writeGuide(ws, spec.guide);
  if (spec.freezeHeader) ws.freezePanes.freezeRows(1);
  if (spec.hidden) ws.visibility = "Hidden";
}

function createTable(ws: Excel.Worksheet, t: TableSpec): void {
  const width = t.headers.length;
  const height = t.rows.length;
  const header = ws.getRangeByIndexes(t.row - 1, t.column - 1, 1, width);
  queueWrite(header, [t.headers.map(text)]);
  const body = ws.getRangeByIndexes(t.row, t.column - 1, height, width);
  // Column formats first, so the rows' values land in cells that already say what they hold.
  body.numberFormat = Array.from({ length: height }, () => [...t.numberFormats]);
  queueWrite(body, t.rows.map((r) => r.map((v) => (v.kind === "blank" ? null : v))));
  t.calculated.forEach((f, i) => {
    if (f === null) return;
    ws.getRangeByIndexes(t.row, t.column - 1 + i, height, 1).formulas = Array.from({ length: height }, (_, r) => [f.split("{row}").join(String(t.row + 1 + r))]);
  });
  const table = ws.tables.add(`${columnLetter(t.column)}${t.row}:${columnLetter(t.column + width - 1)}${t.row + height}`, true);
  table.name = t.name;
  header.format.font.bold = true;
  header.format.font.color = COLORS.headerFont;
  header.format.fill.color = COLORS.header;
  t.widths.forEach((w, i) => { ws.getRangeByIndexes(0, t.column - 1 + i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR; });
  t.derived.forEach((d, i) => {
    if (!d) return;
    ws.getRangeByIndexes(t.row - 1, t.column - 1 + i, 1, 1).format.fill.color = COLORS.derivedHeader;
    ws.getRangeByIndexes(t.row, t.column - 1 + i, height, 1).format.fill.color = COLORS.derivedFill;
  });
}

function writeGuide(ws: Excel.Worksheet, rows: readonly GuideRow[]): void {
  const grid = rows.map((r) => (r.kind === "column" ? r.cells.map(text) : [text(r.text), null, null, null]));
  queueWrite(ws.getRangeByIndexes(0, 0, grid.length, 4), grid);
  GUIDE_WIDTHS.forEach((w, i) => { ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR; });
  ws.getRangeByIndexes(0, 3, grid.length, 1).format.wrapText = true;
  // Paragraphs span the page: merged across the four columns, wrapped, tall enough to read.
  rows.forEach((r, i) => {
    if (r.kind === "column") return;
    const line = ws.getRangeByIndexes(i, 0, 1, 4);
    line.merge(false);
    line.format.wrapText = true;
    if (r.kind === "text") line.format.rowHeight = guideRowHeight(r.text);
    else line.format.font.bold = true;
  });
}

function queueNames(context: Excel.RequestContext, plan: InstallPlan): void {
  for (const n of plan.names) context.workbook.names.add(n.name, n.formula);
}

export function queueValidation(context: Excel.RequestContext, sheet: string, v: ValidationSpec): void {
  const dv = context.workbook.worksheets.getItem(sheet).getRange(v.range).dataValidation;
  switch (v.rule.kind) {
    case "list": dv.rule = { list: { inCellDropDown: true, source: v.rule.source } }; break;
    case "date": dv.rule = { date: { formula1: formatIso(dayNumber(v.rule.min)), formula2: formatIso(dayNumber(v.rule.max)), operator: "Between" } }; break;
    case "decimal": dv.rule = { decimal: { formula1: v.rule.min, formula2: v.rule.max, operator: "Between" } }; break;
    case "whole": dv.rule = { wholeNumber: { formula1: v.rule.min, formula2: v.rule.max, operator: "Between" } }; break;
    case "textLength": dv.rule = { textLength: { formula1: v.rule.min, formula2: v.rule.max, operator: "Between" } }; break;
    case "custom": dv.rule = { custom: { formula: v.rule.formula } }; break;
    default: break;
  }
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  if (v.error) dv.errorAlert = { showAlert: true, style: v.error.style === "warning" ? "Warning" : "Stop", title: v.error.title, message: v.error.text };
}

function queueHighlights(context: Excel.RequestContext, plan: InstallPlan): void {
  for (const cf of plan.conditionalFormats) {
    const f = context.workbook.worksheets.getItem(sheetName(cf.sheet, plan.lang)).getRange(cf.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    f.custom.rule.formula = cf.formula;
    f.custom.format.fill.color = cf.fill;
    f.custom.format.font.color = cf.fontColor;
  }
}

