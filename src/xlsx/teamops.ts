import type { DayNumber } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import { text, type PlanValue } from "../core/plan/plan";
import { GRADE_READ_KEYS, HISTORY_READ_KEYS } from "../core/usecases/grade";
import { planPool, type PoolPlan } from "../core/pool/planPool";
import { planClaim } from "../core/pool/planClaim";
import { planHandover, type HandoverInput, type HandoverPlan } from "../core/handover/planHandover";
import { ownerAuditEntries } from "../core/pool/audit";
import type { OwnerPlan } from "../core/pool/ownerChange";
import { Book, XlsxError } from "./book";
import { readBook, type Located, type ReadResult } from "./read";
import { applyPatches, type SheetPatch, type SheetWrites, type TablePatch } from "./write";
import { atomicWrite, readFileChecked, type SaveProbe } from "./save";
import { auditPatch } from "./auditLog";

/** Who ran the command and when, for the audit rows. */
export interface Actor {
  readonly user: string;
  readonly now: Date;
}

export interface OwnerOutcome<P extends OwnerPlan = OwnerPlan> {
  readonly lang: Lang;
  readonly plan: P;
  /** Owner cells written (0 on a dry run). */
  readonly written: number;
}

async function read(file: string): Promise<ReadResult> {
  return readBook(new Book(readFileChecked(file)), { customers: [...GRADE_READ_KEYS], followUps: [...HISTORY_READ_KEYS], audit: true, rewrite: true });
}

/**
 * Writes an Owner plan: each changed Owner cell as text, blank IDs it fills, and one audit row per
 * customer with the old owner, in one atomic save. Nothing else in the file changes.
 */
async function applyOwnerPlan(file: string, r: ReadResult, plan: OwnerPlan, actor: Actor, probe?: SaveProbe): Promise<number> {
  if (plan.changes.length === 0) return 0;
  const cu = r.customers as Located;
  const ownerPos = cu.positions.owner;
  if (ownerPos === undefined) throw XlsxError.of("noOwnerColumn", {}, { sheet: cu.sheet.name });
  if (!r.audit) throw XlsxError.of("noAuditLog", {});
  const writes: SheetWrites = new Map();
  const set = (row: number, col: number, v: PlanValue) => {
    let m = writes.get(row);
    if (!m) { m = new Map(); writes.set(row, m); }
    m.set(col, v);
  };
  for (const c of plan.changes) set(c.row, cu.firstCol + ownerPos, text(c.to));
  const idPos = cu.positions.id;
  for (const f of plan.idFills) if (idPos !== undefined) set(cu.headerRow + 1 + f.index, cu.firstCol + idPos, f.value);
  const audit = auditPatch(r.audit, ownerAuditEntries(plan, actor.user), actor.now);
  const sheets: SheetPatch[] = [{ path: cu.sheet.path, writes }];
  const tables: TablePatch[] = [];
  if (audit) {
    // The log normally has a sheet of its own; should it share the customers' sheet, one patch carries both.
    if (audit.sheet.path === cu.sheet.path) {
      for (const [row, cells] of audit.sheet.writes) for (const [col, v] of cells) set(row, col, v);
      sheets[0] = { ...audit.sheet, writes };
    } else sheets.push(audit.sheet);
    if (audit.table) tables.push(audit.table);
  }
  const out = await applyPatches(r.book, sheets, tables);
  if (out) await atomicWrite(file, out, probe);
  return plan.changes.length;
}

/** The pool: who is due, soon due and in the pool; with `release`, due customers' Owner → 公海 / Pool. */
export async function poolFile(file: string, today: DayNumber, release: boolean, actor: Actor, probe?: SaveProbe): Promise<OwnerOutcome<PoolPlan["release"]> & { readonly pool: PoolPlan }> {
  const r = await read(file);
  const pool = planPool(r.model, today);
  const written = release ? await applyOwnerPlan(file, r, pool.release, actor, probe) : 0;
  return { lang: r.model.lang, plan: pool.release, pool, written };
}

/** A rep claims one pool customer. */
export async function claimFile(file: string, customerId: string, owner: string, today: DayNumber, actor: Actor, probe?: SaveProbe): Promise<OwnerOutcome> {
  const r = await read(file);
  const plan = planClaim(r.model, customerId, owner, today);
  return { lang: r.model.lang, plan, written: await applyOwnerPlan(file, r, plan, actor, probe) };
}

/** A leaving rep's customers to one or several reps; a dry run only counts. */
export async function handoverFile(file: string, input: HandoverInput, today: DayNumber, dryRun: boolean, actor: Actor, probe?: SaveProbe): Promise<OwnerOutcome<HandoverPlan>> {
  const r = await read(file);
  const plan = planHandover(r.model, input, today);
  return { lang: r.model.lang, plan, written: dryRun ? 0 : await applyOwnerPlan(file, r, plan, actor, probe) };
}
