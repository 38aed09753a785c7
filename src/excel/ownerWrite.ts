import type { OwnerChange, OwnerPlan } from "../core/pool/ownerChange";
import { ownerAuditEntries } from "../core/pool/audit";
import { sameOwner } from "../core/pool/poolOwner";
import { idKey } from "../core/followup/history";
import { parseText } from "../core/model/parse";
import { text } from "../core/plan/plan";
import type { Structure, TableInfo } from "./structure";
import { readColumns } from "./readModel";
import { queueCells } from "./writeColumns";
import { queueAudit } from "./audit";

export interface OwnerWriteOutcome {
  readonly written: readonly OwnerChange[];
  /** Changed by someone else since the plan was made (a co-author's Owner edit, a sort): left as they are. */
  readonly skipped: readonly OwnerChange[];
}

/**
 * Writes planned Owner cells without overwriting a co-author. Right before writing, the Owner and
 * ID columns are read again; a row whose Owner no longer holds the planned "from" (someone edited
 * it) or whose ID moved (a sort, an inserted row) is skipped and reported, never written. The
 * writes, filled IDs and one audit row per written customer then go in one batch. Office.js has no
 * compare-and-swap: an edit landing within that last round trip is the one window this cannot see.
 */
export async function writeOwners(context: Excel.RequestContext, s: Structure, cu: TableInfo, plan: OwnerPlan, user: string, now: Date): Promise<OwnerWriteOutcome> {
  if (plan.changes.length === 0) return { written: [], skipped: [] };
  const fresh = (await readColumns(context, [{ info: cu, keys: ["owner", "id"] }])).get(cu) ?? {};
  const filled = new Set(plan.idFills.map((f) => f.index));
  const written: OwnerChange[] = [];
  const skipped: OwnerChange[] = [];
  for (const c of plan.changes) {
    const owner = parseText(fresh.owner?.[c.index] ?? null);
    const id = parseText(fresh.id?.[c.index] ?? null);
    const sameRow = filled.has(c.index) ? id === "" : idKey(id) === idKey(c.id);
    (sameRow && sameOwner(owner, c.from) ? written : skipped).push(c);
  }
  if (written.length === 0) return { written, skipped };
  const keep = new Set(written.map((c) => c.index));
  const sheet = context.workbook.worksheets.getItem(cu.sheetName);
  queueCells(sheet, cu, [
    ...written.map((c) => ({ key: "owner", index: c.index, value: text(c.to) })),
    ...plan.idFills.filter((f) => keep.has(f.index)),
  ]);
  const entries = ownerAuditEntries({ ...plan, changes: written, idFills: plan.idFills.filter((f) => keep.has(f.index)) }, user);
  const audit = s.tables.audit;
  entries.forEach((e, i) => {
    // Each row below the previous one; a fresh log's blank row takes the first.
    const blank = audit?.lastRowBlank === true && audit.rowCount === 1;
    queueAudit(context, audit && { ...audit, rowCount: audit.rowCount + i - (blank && i > 0 ? 1 : 0) }, e, now, blank && i === 0);
  });
  await context.sync();
  return { written, skipped };
}
