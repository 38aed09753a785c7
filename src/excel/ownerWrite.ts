import type { OwnerChange, OwnerPlan } from "../core/pool/ownerChange";
import type { CellWrite } from "../core/plan/plan";
import { ownerAuditEntries } from "../core/pool/audit";
import { sameOwner } from "../core/pool/poolOwner";
import { idKey } from "../core/followup/history";
import { parseText } from "../core/model/parse";
import { text } from "../core/plan/plan";
import type { RawCell } from "../core/model/workbookModel";
import { say } from "../core/i18n/catalogue";
import { hiddenRows, readStructure, type Structure, type TableInfo } from "./structure";
import { readColumns } from "./readModel";
import { queueCells } from "./writeColumns";
import { queueAudit } from "./audit";
import { isGuardTrip, MAX_ATTEMPTS, queueBlankGuard, queueRowGuard, queueTextGuard, rowKey } from "./rowGuard";
import { ExcelDoorError } from "./errors";

export interface OwnerWriteOutcome {
  readonly written: readonly OwnerChange[];
  /** Changed by someone else since the plan was made (a co-author's Owner edit, a sort): left as they are. */
  readonly skipped: readonly OwnerChange[];
}

/** Owner changes per batch: each costs a write and two guards, well under Excel on the web's 5 MB request limit. */
const CHUNK = 2_000;

/**
 * Writes planned Owner cells without overwriting a co-author (docs/decisions.md § Team operations).
 *
 * Right before writing, the Owner, ID and name columns are read again and each planned customer is
 * found by ID (by name for a blank ID we fill); one that is gone, or whose Owner no longer holds the
 * planned "from" (someone edited it), is skipped and reported. The batch that writes then starts with two guards per row (see rowGuard.ts): the row
 * still holds its ID (or, for a blank ID we fill, its name and a blank ID cell), and its Owner cell
 * still holds exactly what was just read. Excel stops a batch at its first failing operation, so an
 * edit or a move landing after the re-read fails the batch before any write of it; the run then
 * re-reads and tries again, up to three times. Rows a filter hides are only re-read, not guarded:
 * Excel's find may not see them, and a guard that can never pass would stop every handover on a
 * filtered sheet. What an earlier chunk wrote stays written and is not re-checked.
 */
export async function writeOwners(context: Excel.RequestContext, s: Structure, cu: TableInfo, plan: OwnerPlan, user: string, now: Date): Promise<OwnerWriteOutcome> {
  if (plan.changes.length === 0) return { written: [], skipped: [] };
  const written: OwnerChange[] = [];
  const skipped: OwnerChange[] = [];
  // Keyed by the planned change; rows are found again by ID on every attempt.
  let pending: readonly OwnerChange[] = plan.changes;
  let fills = new Map(plan.idFills.map((f) => [f.index, f]));
  let structure = s;
  let table = cu;
  let placeholder = true;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const fresh = (await readColumns(context, [{ info: table, keys: ["owner", "id", "name"] }])).get(table) ?? {};
    const hidden = await hiddenRows(context, table);
    const where = locate(fresh, table.rowCount);
    const go: OwnerChange[] = [];
    const goFills = new Map<number, CellWrite>();
    for (const c of pending) {
      const fill = fills.get(c.index);
      const at = fill ? where.byBlankIdName.get(c.name) : where.byId.get(idKey(c.id));
      if (at === undefined || !sameOwner(parseText(fresh.owner?.[at] ?? null), c.from)) {
        skipped.push(c);
        continue;
      }
      const moved = { ...c, index: at, row: c.row + at - c.index };
      go.push(moved);
      if (fill) goFills.set(at, { ...fill, index: at });
    }
    // Changes of this attempt whose batch went through; a trip leaves the rest pending.
    let sent = 0;
    try {
      for (let start = 0; start < go.length; start += CHUNK) {
        const chunk = go.slice(start, start + CHUNK);
        queueChunk(context, structure, table, plan.action, chunk, goFills, fresh, hidden, user, now, placeholder);
        // One sync per 2,000 changed owners.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        written.push(...chunk);
        sent += chunk.length;
        // Later audit rows go below (Excel places each when its batch runs); only the very first may fill a fresh log's blank row.
        placeholder = false;
      }
      pending = [];
    } catch (e) {
      if (!isGuardTrip(e)) throw e;
      if (attempt >= MAX_ATTEMPTS) throw new ExcelDoorError("RowsMoved", say(structure.lang, "door", "keptMoving"), plan.action, e);
      pending = go.slice(sent);
      fills = goFills;
      structure = await readStructure(context);
      table = structure.tables.customers ?? table;
    }
  }
  return { written, skipped };
}

/**
 * Where each customer stands now: by ID, and by name for rows whose ID is blank (the ones we fill).
 * A key on two rows is ambiguous, so neither row is written.
 */
function locate(fresh: Record<string, readonly RawCell[]>, rows: number): { byId: Map<string, number>; byBlankIdName: Map<string, number> } {
  const byId = new Map<string, number>();
  const byBlankIdName = new Map<string, number>();
  const twice = new Set<string>();
  const put = (m: Map<string, number>, k: string, i: number, tag: string) => {
    if (k === "" || twice.has(tag + k)) return;
    if (m.has(k)) {
      m.delete(k);
      twice.add(tag + k);
    } else m.set(k, i);
  };
  for (let i = 0; i < rows; i++) {
    const id = parseText(fresh.id?.[i] ?? null);
    if (id !== "") put(byId, idKey(id), i, "i");
    else put(byBlankIdName, parseText(fresh.name?.[i] ?? null), i, "n");
  }
  return { byId, byBlankIdName };
}

/** Guards first, then the Owner writes, the filled IDs and one audit row per customer: one batch. */
function queueChunk(
  context: Excel.RequestContext, s: Structure, cu: TableInfo, action: OwnerPlan["action"], chunk: readonly OwnerChange[],
  fills: ReadonlyMap<number, CellWrite>, fresh: Record<string, readonly RawCell[]>, hidden: Set<number> | null, user: string, now: Date,
  placeholder: boolean,
): void {
  const sheet = context.workbook.worksheets.getItem(cu.sheetName);
  const ownerPos = cu.positions.owner;
  for (const c of chunk) {
    if (hidden?.has(c.index) || ownerPos === undefined) continue;
    queueRowGuard(sheet, cu, c.index, rowKey(fresh.id?.[c.index], fresh.name?.[c.index]), fills.has(c.index));
    queueOwnerGuard(sheet, cu, c.index, ownerPos, fresh.owner?.[c.index] ?? null);
  }
  const idFills = chunk.flatMap((c) => fills.get(c.index) ?? []);
  queueCells(sheet, cu, [...chunk.map((c) => ({ key: "owner", index: c.index, value: text(c.to) })), ...idFills]);
  ownerAuditEntries({ action, changes: chunk, idFills }, user).forEach((e, i) => {
    // Excel places each below the previous one; a fresh log's blank row takes the first.
    queueAudit(context, s.tables.audit, e, now, placeholder && i === 0);
  });
}

/** Fails the batch unless the Owner cell still holds exactly `read` (text as read, or blank). */
function queueOwnerGuard(sheet: Excel.Worksheet, cu: TableInfo, index: number, ownerPos: number, read: RawCell): void {
  const row = cu.headerRowIndex + 1 + index;
  const col = cu.columnIndex + ownerPos;
  const owner = read === null || read === undefined ? "" : String(read);
  if (owner === "") queueBlankGuard(sheet, cu, row, col);
  else queueTextGuard(sheet, row, col, owner);
}
