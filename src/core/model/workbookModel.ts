import type { Lang } from "../i18n/lang";
import type { SheetKey } from "../template/sheets";

/** An Excel error value as read (`#N/A`, `#VALUE!` …). */
export interface CellError {
  readonly error: string;
}
/** A cell exactly as a door read it: nothing is interpreted here. */
export type RawCell = string | number | boolean | null | CellError;

export function isCellError(v: RawCell): v is CellError {
  return typeof v === "object" && v !== null;
}
export function isBlank(v: RawCell): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/**
 * A table's header row as a door found it: where it is, its texts, and which of them are ours. The
 * model and the file door's record of where a table sits (xlsx `Located`) both start from it.
 */
export interface TableHeading {
  /** 1-based worksheet row of the header. */
  readonly headerRow: number;
  /** Every header cell's text, in sheet order (ours and the user's). */
  readonly headers: readonly string[];
  /** Column key → 0-based position among `headers`. */
  readonly positions: Readonly<Record<string, number>>;
}

/**
 * One of our tables (or a plain range with our headers), column by column: grading 100k rows
 * reads a handful of columns, so a door only has to fetch those.
 */
export interface TableModel extends TableHeading {
  readonly sheet: SheetKey;
  /** The worksheet's name as it is in this workbook. */
  readonly sheetName: string;
  /** 1-based worksheet column of the table's first column. */
  readonly firstColumn: number;
  readonly rowCount: number;
  /** Column key → the cells of the data rows (index i is worksheet row headerRow + 1 + i). */
  readonly cols: Readonly<Record<string, readonly RawCell[]>>;
}

export interface WorkbookModel {
  /** The workbook's content language, from its Rules sheet (falls back to the sheet names' language). */
  readonly lang: Lang;
  readonly templateVersion: number | null;
  readonly customers: TableModel | null;
  readonly followUps: TableModel | null;
  /** 投诉记录; absent in a workbook from before template version 2. */
  readonly complaints?: TableModel | null;
  /** The 联系人 / Contacts table, when the door read it (older workbooks have none). */
  readonly contacts?: TableModel | null;
  /** Rules sheet rows: setting label → raw value. */
  readonly rules: ReadonlyArray<{ readonly label: string; readonly value: RawCell; readonly row: number }>;
  /** Lists sheet columns by list key, e.g. holidays and the team. */
  readonly lists: Readonly<Partial<Record<string, readonly RawCell[]>>>;
}

/** 1-based worksheet row of data row i. */
export function sheetRow(t: TableModel, i: number): number {
  return t.headerRow + 1 + i;
}

export function cell(t: TableModel, key: string, i: number): RawCell {
  const c = t.cols[key];
  return c ? (c[i] ?? null) : null;
}

// Kept here too while the doors still import it from the model; new code imports _lib/a1.
export { columnLetter } from "../_lib/a1";

/**
 * Column key of a user's own column at a position among a table's headers: the check reads every
 * column (an ID number may sit in any), and ours are keyed by name, theirs by place.
 * @example extraColumnKey(31) === "extra:31"
 */
export function extraColumnKey(position: number): string {
  return `extra:${position}`;
}

/** True for a key made by extraColumnKey. */
export function isExtraColumn(key: string): boolean {
  return key.startsWith("extra:");
}

/**
 * A table's positions with every header that is not ours added under extraColumnKey.
 * @example withExtraColumns(["Name", "Mine"], { name: 0 }) // { name: 0, "extra:1": 1 }
 */
export function withExtraColumns(headers: readonly unknown[], positions: Readonly<Record<string, number>>): Record<string, number> {
  const taken = new Set(Object.values(positions));
  const out: Record<string, number> = { ...positions };
  headers.forEach((_h, i) => { if (!taken.has(i)) out[extraColumnKey(i)] = i; });
  return out;
}

/** 1-based worksheet column of a key, or null when the table lacks it. */
export function sheetColumn(t: TableModel, key: string): number | null {
  const p = t.positions[key];
  return p === undefined ? null : t.firstColumn + p;
}
