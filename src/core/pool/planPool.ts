import type { DayNumber } from "../_lib/calendar";
import type { WorkbookModel } from "../model/workbookModel";
import type { CustomerRef } from "../model/customers";
import { grade, type CustomerResult } from "../usecases/grade";
import { stageClass, type Grade } from "../grading/gradeCustomer";
import type { Rules } from "../rules/rules";
import type { CellWrite } from "../plan/plan";
import { daysToRelease } from "./releaseDays";
import { isPoolOwner, poolOwnerLabel } from "./poolOwner";
import { byRow, type OwnerChange, type OwnerPlan } from "./ownerChange";

export interface PoolItem extends CustomerRef {
  readonly owner: string;
  readonly grade: Grade | null;
  /** Latest follow-up, or null when never contacted (then Created counts). */
  readonly lastContact: DayNumber | null;
  readonly created: DayNumber | null;
  /** Days left (≤ 0: due now); null for customers in the pool. */
  readonly daysToRelease: number | null;
}

export interface PoolPlan {
  /** The Rules switch 启用公海; when off nothing is due and nothing is released. */
  readonly enabled: boolean;
  /** Due for release now, most overdue first. */
  readonly due: readonly PoolItem[];
  /** Not due yet but within the warning days (the red cells), soonest first. */
  readonly soon: readonly PoolItem[];
  /** Customers whose Owner is the pool, open to claim. */
  readonly inPool: readonly PoolItem[];
  /** What `--release` writes: each due customer's Owner → 公海 / Pool. */
  readonly release: OwnerPlan;
  readonly rules: Rules;
}

function item(r: CustomerResult, days: number | null): PoolItem {
  return {
    index: r.record.index, row: r.record.row, id: r.record.id, name: r.record.name, owner: r.record.owner,
    grade: r.grade, lastContact: r.history.last, created: r.record.created, daysToRelease: days,
  };
}

/**
 * The customer pool: who is due for release, who will be soon, who is in the pool, and the Owner
 * changes a release would make. Grades come from the same grading as everything else, so a manual
 * grade sets the release days as it sets the cadence. Won, after-sales and closed customers are never due.
 */
export function planPool(model: WorkbookModel, today: DayNumber): PoolPlan {
  const g = grade(model, today);
  const rules = g.rules;
  const due: PoolItem[] = [];
  const soon: PoolItem[] = [];
  const inPool: PoolItem[] = [];
  const fills = new Map(g.idFills.map((f) => [f.index, f]));
  for (const r of g.results) {
    const pooled = isPoolOwner(r.record.owner);
    if (pooled) { inPool.push(item(r, null)); continue; }
    const days = daysToRelease({ grade: r.grade, stage: stageClass(r.record.stage), lastContact: r.history.last, created: r.record.created, inPool: false }, rules, today);
    if (days === null) continue;
    if (days <= 0) due.push(item(r, days));
    else if (days <= rules.releaseWarn) soon.push(item(r, days));
  }
  const order = (a: PoolItem, b: PoolItem) => (a.daysToRelease ?? 0) - (b.daysToRelease ?? 0) || a.row - b.row;
  due.sort(order);
  soon.sort(order);
  const to = poolOwnerLabel(model.lang);
  const changes: OwnerChange[] = due.map((d) => ({ index: d.index, row: d.row, id: d.id, name: d.name, from: d.owner, to })).sort(byRow);
  const idFills: CellWrite[] = changes.flatMap((c) => { const f = fills.get(c.index); return f ? [f] : []; });
  return { enabled: rules.poolOn, due, soon, inPool, release: { action: "release", changes, idFills }, rules };
}
