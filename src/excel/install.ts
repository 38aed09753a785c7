import type { Lang } from "../core/i18n/lang";
import type { ConditionalFormatSpec, SheetSpec, TableSpec, ValidationSpec } from "../core/plan/installPlan";
import { COLORS } from "../core/plan/installPlan";
import { text } from "../core/plan/plan";
import { columnLetter, sheetRef } from "../core/_lib/a1";
import { dayNumber, formatIso } from "../core/_lib/calendar";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../core/template/columns";
import { planInstall } from "../core/usecases/planInstall";
import { columnValidations } from "../core/template/validations";
import { highlightRules, statusColumnsAt } from "../core/template/highlights";
import { statusFormula } from "../core/template/statusFormula";
import { headerText, matchHeaders, missingColumns } from "../core/model/headers";
import { SHEETS, TEMPLATE_VERSION, sheetName, type SheetKey } from "../core/template/sheets";
import { ourSheetNames, readStructure, type Structure, type TableInfo } from "./structure";
import { queueWrite } from "./writeCells";
import { GUIDE_WIDTHS, guideRowHeight, guideRows, type GuideRow } from "../core/template/guide";
import { upgradeHealth } from "./installHealth";

/**
 * Excel's column width in points for a width in characters (Calibri 11 at 100 %): 7 pixels a
 * character plus 5 of padding, at 0.75 points a pixel; the default 8.43 characters is 48 points.
 * @example columnPoints(8.43) // 48
 */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export type InstallOutcome =
  | { readonly kind: "installed"; readonly lang: Lang; readonly sheets: readonly string[] }
  | { readonly kind: "upgraded"; readonly lang: Lang; readonly sheets: readonly string[]; readonly columns: readonly string[]; /** Sheets of ours written anew (the Guide). */ readonly refreshed: readonly string[] }
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
  return Excel.run({ delayForCellEdit: true }, async (context) => {
    // Asked in the structure's sync: which of our names exist (adding one that exists throws), and
    // how far the used range of each table's sheet reaches (an upgrade must not shift what lies beside it).
    const nameItems = new Map(planInstall(requestedLang).names.map((n) => [n.name, context.workbook.names.getItemOrNullObject(n.name).load("formula")]));
    const usedOf = new Map((["customers", "followUps"] as const).map((k) => [k, context.workbook.tables.getItemOrNullObject(SHEETS[k].table as string).worksheet.getUsedRangeOrNullObject(true).load("columnIndex,columnCount")]));
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
    const names = plan.names.map((n) => ({ spec: n, item: nameItems.get(n.name) as Excel.NamedItem }));
    const used = (["customers", "followUps"] as const).map((k) => {
      const info = s.tables[k];
      const range = usedOf.get(k);
      return info?.exists && range ? { k, info, range } : null;
    });

    const created: string[] = [];
    const addedColumns: string[] = [];
    const placed: Array<{ key: SheetKey; sheet: string; positions: Record<string, number>; headerRow: number; lastRow: number; adopted: boolean; added: readonly ColumnDef[]; validations: readonly ValidationSpec[] }> = [];
    for (const spec of plan.sheets) {
      if (existing[spec.key] === undefined) {
        createSheet(context, spec);
        created.push(spec.name);
      }
    }
    for (const a of adoptable) {
      const t = context.workbook.worksheets.getItem(a.sheet).tables.add(a.address, true);
      t.name = (a.key === "customers" ? "CRM_Customers" : "CRM_FollowUps");
      const headerRow = rowOf(a.address);
      const r = addColumns(context, t, a.sheet, a.headers, a.defs, lang, headerRow, colOf(a.address), null);
      addedColumns.push(...r.added.map((d) => headerText(d, lang)));
      placed.push({ key: a.key, sheet: a.sheet, positions: r.positions, headerRow, lastRow: lastRowOf(a.address), adopted: true, added: r.added, validations: r.validations });
    }
    for (const u of used) {
      if (!u) continue;
      const right = u.range.isNullObject ? null : u.range.columnIndex + u.range.columnCount - 1;
      const r = addColumns(context, u.info.table, u.info.sheetName, u.info.headers, TABLE_DEFS[u.k] as readonly ColumnDef[], lang, u.info.headerRowIndex + 1, u.info.columnIndex + 1, right !== null && right > u.info.columnIndex + u.info.headers.length - 1 ? u.info : null);
      addedColumns.push(...r.added.map((d) => headerText(d, lang)));
      placed.push({ key: u.k, sheet: u.info.sheetName, positions: r.positions, headerRow: u.info.headerRowIndex + 1, lastRow: u.info.headerRowIndex + 1 + u.info.rowCount, adopted: false, added: r.added, validations: r.validations });
    }
    const nothing = created.length === 0 && addedColumns.length === 0 && adoptable.length === 0 && s.templateVersion === TEMPLATE_VERSION;
    if (nothing && names.every((n) => !n.item.isNullObject)) return { kind: "current", lang, version: TEMPLATE_VERSION };

    // Names first: the validations and highlights below refer to them.
    const cuPlaced = placed.find((p) => p.key === "customers");
    for (const n of names) {
      const formula = n.spec.name === "CRM_CustomerIds" && cuPlaced?.positions.id !== undefined ? customerIdsFormula(cuPlaced.sheet, cuPlaced.positions.id, cuPlaced.headerRow) : n.spec.formula;
      if (n.item.isNullObject) context.workbook.names.add(n.spec.name, formula);
      // A name whose sheet was deleted reads #REF!: point it at the sheet again.
      else if (n.item.formula.includes("#REF!")) n.item.formula = formula;
    }
    for (const v of plan.validations) if (created.includes(sheetName(v.sheet, lang))) queueValidation(context, sheetName(v.sheet, lang), v);
    if (created.includes(sheetName("customers", lang))) queueHighlights(context, plan.conditionalFormats, plan.lang);
    for (const p of placed) {
      for (const v of p.validations) queueValidation(context, p.sheet, v);
      const defs = TABLE_DEFS[p.key] as readonly ColumnDef[];
      const fresh = new Set(p.added.map((d) => d.key));
      // An adopted sheet gets what a created one has: dropdowns on every column of ours, highlights, the Status column.
      if (p.adopted) for (const v of columnValidations(p.key, defs.filter((d) => !fresh.has(d.key)), p.positions, p.headerRow, lang)) queueValidation(context, p.sheet, v);
      if (p.key !== "customers") continue;
      const lastRow = p.lastRow;
      const lastColumn = Math.max(...Object.values(p.positions));
      // The highlights read these columns: an upgrade that added one of them had none that worked.
      if (p.adopted || HIGHLIGHT_KEYS.some((k) => fresh.has(k))) queueHighlights(context, highlightRules(p.positions, p.headerRow, lastRow, lastColumn), plan.lang, p.sheet);
      const sc = statusColumnsAt(p.positions);
      const statusCol = p.positions.status;
      if (sc && statusCol !== undefined && fresh.has("status") && lastRow > p.headerRow) {
        // Set after the table exists, so Excel makes it the calculated column new rows inherit.
        const f = statusFormula(sc, "{row}", lang);
        context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.headerRow, statusCol - 1, lastRow - p.headerRow, 1).formulas = Array.from({ length: lastRow - p.headerRow }, (_, i) => [f.split("{row}").join(String(p.headerRow + 1 + i))]);
      }
    }
    await context.sync();
    // Template version 2's Rules rows, names and complaint highlight, on a workbook that lacks them
    // (a first install has them from the plan already).
    if (!created.includes(plan.sheets[0]?.name ?? "")) addedColumns.push(...(await upgradeHealth(context, lang)).rules);
    return installed || adoptable.length > 0 ? { kind: "upgraded", lang, sheets: created, columns: addedColumns, refreshed: [] } : { kind: "installed", lang, sheets: created };
  });
}

/** Defined name for the Customer IDs (the Follow-ups ID dropdown), over the ID column wherever it is. */
function customerIdsFormula(sheet: string, idColumn: number, headerRow: number): string {
  const ref = sheetRef(sheet);
  const c = columnLetter(idColumn);
  const first = headerRow + 1;
  return `=${ref}$${c}$${first}:INDEX(${ref}$${c}:$${c},MAX(${first},COUNTA(${ref}$${c}:$${c})))`;
}

const HIGHLIGHT_KEYS = ["id", "name", "stage", "grade", "lastContact", "created", "nextDue"] as const;

const lastRowOf = (address: string) => Number(/(\d+)$/.exec(address)?.[1] ?? 1);

const rowOf = (address: string) => Number(/(\d+)/.exec(address.split("!").pop() ?? "")?.[1] ?? 1);
const colOf = (address: string) => {
  const letters = /!?\$?([A-Z]+)\$?\d/.exec(address.split("!").pop() ?? "")?.[1] ?? "A";
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
};

/**
 * Adds our missing columns at the table's end, with their validations (never moving a user column).
 * `columns.add` inserts cells beside the table within its rows, which would tear the user's data to
 * its right out of line; when anything lies there (`beside` is the table), whole worksheet columns
 * are inserted instead and the table is resized over them.
 */
function addColumns(context: Excel.RequestContext, table: Excel.Table, sheet: string, headers: readonly string[], defs: readonly ColumnDef[], lang: Lang, headerRow: number, firstCol: number, beside: TableInfo | null): { added: ColumnDef[]; positions: Record<string, number>; validations: ValidationSpec[] } {
  const missing = missingColumns(headers, defs);
  const positions: Record<string, number> = {};
  const m = matchHeaders(headers, defs);
  for (const [k, p] of Object.entries(m.positions)) positions[k] = firstCol + p;
  if (missing.length === 0) return { added: [], positions, validations: [] };
  missing.forEach((d, i) => { positions[d.key] = firstCol + headers.length + i; });
  if (beside) {
    const ws = context.workbook.worksheets.getItem(sheet);
    const after = beside.columnIndex + headers.length;
    ws.getRangeByIndexes(0, after, 1, missing.length).getEntireColumn().insert(Excel.InsertShiftDirection.right);
    queueWrite(ws.getRangeByIndexes(beside.headerRowIndex, after, 1, missing.length), [missing.map((d) => text(headerText(d, lang)))]);
    const lastRow = beside.headerRowIndex + 1 + beside.rowCount + (beside.showTotals ? 1 : 0);
    table.resize(`${columnLetter(beside.columnIndex + 1)}${beside.headerRowIndex + 1}:${columnLetter(after + missing.length)}${lastRow}`);
  } else {
    for (const d of missing) table.columns.add(undefined, undefined, headerText(d, lang));
  }
  const key: SheetKey = defs === CUSTOMER_COLUMNS ? "customers" : "followUps";
  // Queued by the caller once the names they refer to exist.
  return { added: missing, positions, validations: columnValidations(key, missing, positions, headerRow, lang) };
}

/**
 * An upgrade's last step, once every sheet, column and Rules row is in: the current Guide (ours, and it
 * names the template's version), then the version itself. Queued in that order, so a batch that fails
 * on the Guide leaves the old version and the next install tries again. A Guide a manager protected is
 * left as it is, and so is one the install has just created (`created`). The caller syncs.
 * @returns the sheets written anew
 */
export async function finishUpgrade(context: Excel.RequestContext, s: Structure, created: readonly string[]): Promise<string[]> {
  if (s.templateVersion === null || s.templateVersion >= TEMPLATE_VERSION) return [];
  const name = ourSheetNames(s.sheetNames).guide;
  const refreshed: string[] = [];
  if (name !== undefined && !created.includes(name)) {
    const ws = context.workbook.worksheets.getItem(name);
    const protection = ws.protection.load("protected");
    await context.sync();
    if (!protection.protected) {
      rewriteGuide(ws, guideRows(s.lang));
      refreshed.push(name);
    }
  }
  setVersion(context, s);
  return refreshed;
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
  // The audit log is very hidden: not unhidden from Excel's menu, only by the pane (showAuditLog).
  if (spec.hidden) ws.visibility = spec.key === "audit" ? Excel.SheetVisibility.veryHidden : Excel.SheetVisibility.hidden;
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
  const table = ws.tables.add(`${columnLetter(t.column)}${t.row}:${columnLetter(t.column + width - 1)}${t.row + height}`, true);
  table.name = t.name;
  // Formulas set on a column of the table once it exists become its calculated column: new rows inherit them.
  t.calculated.forEach((f, i) => {
    if (f === null) return;
    ws.getRangeByIndexes(t.row, t.column - 1 + i, height, 1).formulas = Array.from({ length: height }, (_, r) => [f.split("{row}").join(String(t.row + 1 + r))]);
  });
  header.format.font.bold = true;
  header.format.font.color = COLORS.headerFont;
  header.format.fill.color = COLORS.header;
  t.widths.forEach((w, i) => { ws.getRangeByIndexes(0, t.column - 1 + i, 1, 1).format.columnWidth = columnPoints(w); });
  t.derived.forEach((d, i) => {
    if (!d) return;
    ws.getRangeByIndexes(t.row - 1, t.column - 1 + i, 1, 1).format.fill.color = COLORS.derivedHeader;
    ws.getRangeByIndexes(t.row, t.column - 1 + i, height, 1).format.fill.color = COLORS.derivedFill;
  });
}

/** The Guide of an upgrade: the old text, its merged paragraphs and their heights go, the current template's are written. */
function rewriteGuide(ws: Excel.Worksheet, rows: readonly GuideRow[]): void {
  const old = ws.getUsedRange();
  old.unmerge();
  old.clear();
  old.format.useStandardHeight = true;
  writeGuide(ws, rows);
}

function writeGuide(ws: Excel.Worksheet, rows: readonly GuideRow[]): void {
  const grid = rows.map((r) => (r.kind === "column" ? r.cells.map(text) : [text(r.text), null, null, null]));
  queueWrite(ws.getRangeByIndexes(0, 0, grid.length, 4), grid);
  GUIDE_WIDTHS.forEach((w, i) => { ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnPoints(w); });
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

function queueHighlights(context: Excel.RequestContext, rules: readonly ConditionalFormatSpec[], lang: Lang, sheet?: string): void {
  for (const cf of rules) {
    const f = context.workbook.worksheets.getItem(sheet ?? sheetName(cf.sheet, lang)).getRange(cf.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    f.custom.rule.formula = cf.formula;
    f.custom.format.fill.color = cf.fill;
    f.custom.format.font.color = cf.fontColor;
  }
}

