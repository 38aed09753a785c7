import type { RawCell } from "../core/model/workbookModel";
import { columnLetter } from "../core/_lib/a1";
import type { TableInfo } from "./structure";
import type { Lang } from "../core/i18n/lang";
import { say } from "../core/i18n/catalogue";
import { ExcelDoorError } from "./errors";

/**
 * What a table row held when we read it, so a later batch can insist the row still holds it.
 * - `id`: the Customer ID cell's text;
 * - `name`: the ID was blank, so the customer is known by name (and its ID cell must still be blank
 *   when we fill it);
 * - `none`: neither: the row is not a customer and we write nothing to it.
 */
export type RowKey =
  | { readonly kind: "id"; readonly text: string }
  | { readonly kind: "name"; readonly text: string }
  | { readonly kind: "none" };

function keyText(v: RawCell | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number") return String(v);
  return null;
}

/**
 * The key of each row from the ID and name columns as read.
 * @example rowKeys(["KH-1", null], ["甲", "乙"]) // [{kind:"id",text:"KH-1"}, {kind:"name",text:"乙"}]
 */
export function rowKeys(ids: readonly RawCell[], names: readonly RawCell[], count: number): RowKey[] {
  const out: RowKey[] = [];
  for (let i = 0; i < count; i++) out.push(rowKey(ids[i], names[i]));
  return out;
}

/**
 * One row's key from its ID and name cells exactly as read (untrimmed: the guard finds the cell
 * by its whole text).
 * @example rowKey(" KH-1 ", "甲") // { kind: "id", text: " KH-1 " }
 */
export function rowKey(id: RawCell | undefined, name: RawCell | undefined): RowKey {
  const i = keyText(id);
  const n = keyText(name);
  return i !== null ? { kind: "id", text: i } : n !== null ? { kind: "name", text: n } : { kind: "none" };
}

/**
 * Excel's find treats `*`, `?` and `~` as wildcards; `~` escapes them.
 * @example escapeFind("A*B?") // "A~*B~?"
 */
export function escapeFind(text: string): string {
  return text.replace(/[~*?]/g, (c) => `~${c}`);
}

/** Request bytes one row's guard costs (a range, a find and a load), for sizing write chunks. */
export const GUARD_BYTES = 260;

/**
 * Queues, in the caller's batch and before its writes, the checks that make those writes
 * conditional: each fails the batch (ItemNotFound) unless row `index` still holds `key`.
 * Excel runs a batch's operations in order and stops at the first that fails, so when a co-author
 * has inserted, deleted or sorted rows since we read, nothing queued after the guard is applied.
 *
 * The find runs over the key cell and its neighbour: on a single cell, Excel's find searches the
 * whole sheet. The blank check runs over the ID cell and the ID column's header cell as two areas:
 * the header is never blank, so the check fails exactly when the ID cell is not blank.
 */
export function queueRowGuard(sheet: Excel.Worksheet, info: TableInfo, index: number, key: RowKey, idMustBeBlank: boolean): void {
  if (key.kind === "none") return;
  const p = info.positions[key.kind === "id" ? "id" : "name"];
  if (p === undefined) return;
  const row = info.headerRowIndex + 1 + index;
  queueTextGuard(sheet, row, info.columnIndex + p, key.text);
  const idPos = info.positions.id;
  if (idMustBeBlank && idPos !== undefined) queueBlankGuard(sheet, info, row, info.columnIndex + idPos);
}

/**
 * Fails the batch (ItemNotFound) unless the cell at 0-based (row, col) holds exactly `text`. The find
 * runs over the cell and its neighbour: on a single cell, Excel's find searches the whole sheet.
 */
export function queueTextGuard(sheet: Excel.Worksheet, row: number, col: number, text: string): void {
  const pair = col > 0 ? sheet.getRangeByIndexes(row, col - 1, 1, 2) : sheet.getRangeByIndexes(row, col, 1, 2);
  pair.find(escapeFind(text), { completeMatch: true, matchCase: true }).load("rowIndex");
}

/** Fails the batch unless the cell at 0-based (row, col) of a table's column is blank (see queueRowGuard). */
export function queueBlankGuard(sheet: Excel.Worksheet, info: TableInfo, row: number, col: number): void {
  const letter = columnLetter(col + 1);
  sheet.getRanges(`${letter}${row + 1},${letter}${info.headerRowIndex + 1}`).getSpecialCells(Excel.SpecialCellType.blanks).load("address");
}

/**
 * A batch stopped because the sheet changed under it: one of our guards found its row moved, or a
 * filter turned on since we read (Excel refuses, or on desktop misplaces, a write across its
 * hidden rows). Either way the run is redone from a fresh read.
 */
export function isGuardTrip(e: unknown): boolean {
  if (e instanceof RowsMovedSignal) return true;
  if (typeof e !== "object" || e === null || !("code" in e)) return false;
  const code = (e as { code: unknown }).code;
  return code === "ItemNotFound" || code === "FilteredRangeConflict";
}

/** A checked row (see writeColumns.ts) held another key when its batch ran. */
export class RowsMovedSignal extends Error {
  constructor() {
    super("rows moved since they were read");
    this.name = "RowsMovedSignal";
  }
}

export function sameKey(a: RowKey | undefined, b: RowKey | undefined): boolean {
  const ka = a ?? { kind: "none" as const };
  const kb = b ?? { kind: "none" as const };
  if (ka.kind !== kb.kind) return false;
  return ka.kind === "none" || (kb.kind !== "none" && ka.text === kb.text);
}

/** Same keys on every row: a trip after such a read was not a move, but a row Excel's find cannot see. */
export function sameKeys(a: readonly RowKey[], b: readonly RowKey[]): boolean {
  return a.length === b.length && a.every((k, i) => sameKey(k, b[i]));
}

/** A run whose rows kept moving under it is redone from a fresh read this many times, then abandoned. */
export const MAX_ATTEMPTS = 3;

/**
 * Runs `once` and redoes it from a fresh read when one of its row guards tripped (a co-author moved
 * rows between our read and our write); what an attempt wrote before the trip is on the rows it
 * checked, and the redo rewrites it anyway.
 */
export async function redoOnMove<T>(step: string, lang: () => Lang, once: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once();
    } catch (e) {
      if (!isGuardTrip(e)) throw e;
      if (attempt >= MAX_ATTEMPTS) throw new ExcelDoorError("RowsMoved", say(lang(), "door", "keptMoving"), step, e);
    }
  }
}
