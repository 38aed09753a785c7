import type { RawCell } from "../core/model/workbookModel";
import { matchHeaders } from "../core/model/headers";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../core/template/columns";
import { CONTACT_COLUMNS } from "../core/contacts/columns";
import { SHEETS, sheetKeyOf, type SheetKey } from "../core/template/sheets";
import type { ListKey } from "../core/template/lists";
import { templateVersion, workbookLang } from "../core/rules/metaRows";
import type { Lang } from "../core/i18n/lang";
import { COMPLAINT_COLUMNS } from "../core/health/columns";

/** What one sync tells us about one of our tables. */
export interface TableInfo {
  readonly key: SheetKey;
  readonly exists: boolean;
  readonly table: Excel.Table;
  readonly sheetName: string;
  readonly headers: readonly string[];
  /** 0-based worksheet row and column of the header's first cell. */
  readonly headerRowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly showTotals: boolean;
  readonly positions: Readonly<Record<string, number>>;
  /** The body's last row holds nothing (a fresh table's placeholder row): an append fills it. */
  readonly lastRowBlank: boolean;
  /** The row directly below the table is free, so an append there grows the table. */
  readonly belowEmpty: boolean;
  /** A filter (the table's, or the sheet's autofilter) hides some of its rows. */
  readonly filtered: boolean;
}

interface Pending {
  readonly key: SheetKey;
  readonly table: Excel.Table;
  readonly header: Excel.Range;
  readonly body: Excel.Range;
  readonly sheet: Excel.Worksheet;
  readonly last: Excel.Range;
  readonly below: Excel.Range;
  readonly tableFilter: Excel.AutoFilter;
  readonly sheetFilter: Excel.AutoFilter;
}

export interface Structure {
  readonly tables: Readonly<Partial<Record<SheetKey, TableInfo>>>;
  readonly rulesRows: ReadonlyArray<{ readonly label: string; readonly value: RawCell; readonly row: number }>;
  readonly lists: Readonly<Partial<Record<ListKey, readonly RawCell[]>>>;
  readonly sheetNames: readonly string[];
  readonly lang: Lang;
  readonly templateVersion: number | null;
}

const DEFS: Partial<Record<SheetKey, readonly ColumnDef[]>> = { customers: CUSTOMER_COLUMNS, followUps: FOLLOWUP_COLUMNS, contacts: CONTACT_COLUMNS, complaints: COMPLAINT_COLUMNS };
const READ_LISTS: readonly ListKey[] = ["holidays", "workdays", "team"];

function queueTable(context: Excel.RequestContext, key: SheetKey, name: string): Pending {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("showTotals");
  const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex");
  const body = table.getDataBodyRange().load("rowCount,rowIndex");
  const sheet = table.worksheet.load("name");
  const last = table.getDataBodyRange().getLastRow().load("values");
  const below = table.getRange().getRowsBelow(1).load("values");
  const tableFilter = table.autoFilter.load("isDataFiltered");
  const sheetFilter = table.worksheet.autoFilter.load("isDataFiltered");
  return { key, table, header, body, sheet, last, below, tableFilter, sheetFilter };
}

function finishTable(p: Pending): TableInfo {
  const exists = !p.table.isNullObject;
  const headers = exists ? (p.header.values[0] ?? []).map((h) => (h === null || h === undefined ? "" : String(h))) : [];
  const defs = DEFS[p.key];
  return {
    key: p.key, exists, table: p.table, sheetName: exists ? p.sheet.name : "",
    headers, headerRowIndex: exists ? p.header.rowIndex : 0, columnIndex: exists ? p.header.columnIndex : 0,
    rowCount: exists ? p.body.rowCount : 0, showTotals: exists ? p.table.showTotals : false,
    positions: defs ? matchHeaders(headers, defs).positions : {},
    lastRowBlank: exists && (p.last.values[0] ?? []).every((v) => v === "" || v === null),
    belowEmpty: !exists || (p.below.values[0] ?? []).every((v) => v === "" || v === null),
    filtered: exists && (p.tableFilter.isDataFiltered === true || p.sheetFilter.isDataFiltered === true),
  };
}

/**
 * One sync: our tables' headers and sizes, the Rules rows, the short lists grading needs and the
 * sheet names. Large columns are read afterwards, only those a use-case needs.
 */
export async function readStructure(context: Excel.RequestContext): Promise<Structure> {
  const sheets = context.workbook.worksheets.load("items/name");
  const pending: Pending[] = (["customers", "followUps", "rules", "audit", "contacts", "complaints"] as const).map((k) => queueTable(context, k, SHEETS[k].table as string));
  const rulesBody = pending[2]?.table.getDataBodyRange().load("values,rowIndex");
  const lists = READ_LISTS.map((k) => {
    const t = context.workbook.tables.getItemOrNullObject(`CRM_T_${k}`);
    return { key: k, table: t, body: t.getDataBodyRange().load("values") };
  });
  await context.sync();

  const tables: Partial<Record<SheetKey, TableInfo>> = {};
  for (const p of pending) tables[p.key] = finishTable(p);
  const rulesRows: Array<{ label: string; value: RawCell; row: number }> = [];
  if (rulesBody && tables.rules?.exists) {
    rulesBody.values.forEach((r, i) => {
      const label = r[0];
      if (typeof label === "string" && label.trim() !== "") rulesRows.push({ label, value: toRaw(r[1]), row: rulesBody.rowIndex + i + 1 });
    });
  }
  const listValues: Partial<Record<ListKey, RawCell[]>> = {};
  for (const l of lists) if (!l.table.isNullObject) listValues[l.key] = l.body.values.map((r) => toRaw(r[0]));

  const names = sheets.items.map((s) => s.name);
  // The same reading as the file door's: the Rules sheet's meta rows, else the sheet names' language.
  return {
    tables, rulesRows, lists: listValues, sheetNames: names,
    lang: workbookLang(rulesRows, names),
    templateVersion: templateVersion(rulesRows),
  };
}

/** Every error value Excel hands back, the newer ones (dynamic arrays, data types, linked data) too. */
const ERROR_VALUE = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!|PYTHON!|GETTING_DATA)$/;

/** Excel hands back "" for empty cells and `#N/A`-style strings for errors. */
export function toRaw(v: unknown): RawCell {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  const s = String(v);
  if (ERROR_VALUE.test(s)) return { error: s };
  return s;
}

/** Our sheets found by name in either language, whether or not their table is there. */
export function ourSheetNames(names: readonly string[]): Partial<Record<SheetKey, string>> {
  const out: Partial<Record<SheetKey, string>> = {};
  for (const n of names) {
    const k = sheetKeyOf(n);
    if (k && !out[k]) out[k] = n;
  }
  return out;
}


/**
 * Data rows (0-based) a filter hides, read only when a filter is on: one extra sync for the shown
 * rows' addresses of one column. Null when nothing is hidden.
 */
export async function hiddenRows(context: Excel.RequestContext, info: TableInfo): Promise<Set<number> | null> {
  if (!info.filtered || info.rowCount === 0) return null;
  const sheet = context.workbook.worksheets.getItem(info.sheetName);
  const shown = new Set<number>();
  // About 20 bytes an address: 100,000 rows a request stays well under the 5 MB response limit.
  for (let start = 0; start < info.rowCount; start += VIEW_ROWS) {
    const count = Math.min(VIEW_ROWS, info.rowCount - start);
    const view = sheet.getRangeByIndexes(info.headerRowIndex + 1 + start, info.columnIndex, count, 1).getVisibleView().load("cellAddresses");
    // One sync per 100,000 rows, only while a filter is on.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const row of view.cellAddresses) {
      const m = /(\d+)$/.exec(row[0] ?? "");
      if (m?.[1]) shown.add(Number(m[1]) - info.headerRowIndex - 2);
    }
  }
  const hidden = new Set<number>();
  for (let i = 0; i < info.rowCount; i++) if (!shown.has(i)) hidden.add(i);
  return hidden.size > 0 ? hidden : null;
}

const VIEW_ROWS = 100_000;
