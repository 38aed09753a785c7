import type { IdFilling } from "../plan/plan";
import type { CustomerRef } from "../model/customers";

/** The operations that write a user's Owner cell; each is explicit, previewed and logged. */
export type OwnerAction = "release" | "claim" | "handover";

/** One Owner cell to change, with the owner it held when planned (the audit row keeps it). */
export interface OwnerChange extends CustomerRef {
  /** The Owner as it stood (trimmed), blank when there was none. */
  readonly from: string;
  readonly to: string;
}

/** Owner cells to change, and the blank Customer IDs of the changed rows (filled so each audit row names its customer). */
export interface OwnerPlan extends IdFilling {
  readonly action: OwnerAction;
  /** In worksheet row order. */
  readonly changes: readonly OwnerChange[];
}

/**
 * The audit row's target for one change: customer, and the owner before and after.
 * @example auditTarget({ id: "KH-202605-001", name: "明远", from: "张三", to: "公海", … }) === "KH-202605-001 明远: 张三 → 公海"
 */
export function auditTarget(c: OwnerChange): string {
  return `${c.id} ${c.name}: ${c.from === "" ? "—" : c.from} → ${c.to}`;
}

/** Orders changes by worksheet row, so a door writes top to bottom and a preview reads like the sheet. */
export function byRow(a: OwnerChange, b: OwnerChange): number {
  return a.row - b.row;
}
