import { localDateTimeSerial } from "../_lib/calendar";
import { num, text, type PlanValue } from "../plan/plan";
import { auditTarget, type OwnerPlan } from "./ownerChange";

/** One audit-log row: when, who, action, target, cells changed (the Audit log's five columns). */
export interface AuditEntry {
  readonly user: string;
  readonly action: string;
  readonly target: string;
  readonly cells: number;
}

/**
 * One audit row per customer whose Owner changes, naming the old owner; a filled blank ID counts
 * as a second cell of that row.
 * @example ownerAuditEntries(plan, "张三")[0] // { user: "张三", action: "release", target: "KH-202605-001 明远: 李四 → 公海", cells: 1 }
 */
export function ownerAuditEntries(plan: OwnerPlan, user: string): AuditEntry[] {
  const filled = new Set(plan.idFills.map((f) => f.index));
  return plan.changes.map((c) => ({ user, action: plan.action, target: auditTarget(c), cells: filled.has(c.index) ? 2 : 1 }));
}

/** The cells of an audit row, in the log's column order. */
export function auditRowValues(e: AuditEntry, now: Date): PlanValue[] {
  return [{ kind: "number", value: localDateTimeSerial(now) }, text(e.user), text(e.action), text(e.target), num(e.cells)];
}
