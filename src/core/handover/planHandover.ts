import type { DayNumber } from "../_lib/calendar";
import type { WorkbookModel } from "../model/workbookModel";
import { grade } from "../usecases/grade";
import { stageClass, type Grade, type StageClass } from "../grading/gradeCustomer";
import { missingTableIssue, UseCaseError } from "../usecases/errors";
import type { CellWrite } from "../plan/plan";
import { isPoolOwner, sameOwner } from "../pool/poolOwner";
import { inputIssue } from "../pool/planClaim";
import { byRow, type OwnerChange, type OwnerPlan } from "../pool/ownerChange";

export interface HandoverInput {
  /** The leaving rep, as on the Owner cells (trimmed, case ignored). */
  readonly from: string;
  /** One rep, or several to split evenly among. */
  readonly to: readonly string[];
  /** Every stage (won, after-sales, closed too); otherwise open customers only. */
  readonly allStages: boolean;
}

export interface HandoverPlan extends OwnerPlan {
  readonly action: "handover";
  /** Customers each receiving rep gets, in the order given. */
  readonly counts: ReadonlyArray<{ readonly to: string; readonly count: number }>;
  /** Moved customers by stage class. */
  readonly byStage: Readonly<Record<StageClass, number>>;
  /** The rep's customers left where they are (not open, without --all-stages). */
  readonly kept: number;
}

const GRADE_ORDER: Readonly<Record<Grade | "none", number>> = { A: 0, B: 1, C: 2, toAssess: 3, none: 4 };

/**
 * Moves a leaving rep's customers to one rep, or evenly among several: dealt out in turn in grade
 * order (A first, then sheet order), so counts differ by at most one and each rep gets a like share
 * of the A customers. Only Owner cells change; follow-ups keep their author.
 * @example planHandover(model, { from: "张三", to: ["李四", "王五"], allStages: false }, today).counts // [{ to: "李四", count: 2 }, { to: "王五", count: 1 }]
 */
export function planHandover(model: WorkbookModel, input: HandoverInput, today: DayNumber): HandoverPlan {
  const t = model.customers;
  if (!t) throw new UseCaseError([missingTableIssue(model, "customers")]);
  const from = input.from.trim();
  const to: string[] = [];
  for (const raw of input.to) {
    const name = raw.trim();
    if (name !== "" && !to.some((x) => sameOwner(x, name))) to.push(name);
  }
  if (from === "") throw new UseCaseError([inputIssue(t, model.lang, "missingRequired", "owner", "")]);
  if (to.length === 0) throw new UseCaseError([inputIssue(t, model.lang, "missingRequired", "owner", "")]);
  // Into the pool is a release, not a handover; to oneself moves nothing.
  const bad = to.find((x) => isPoolOwner(x) || sameOwner(x, from));
  if (bad !== undefined) throw new UseCaseError([inputIssue(t, model.lang, "invalidOwner", "owner", bad)]);

  const g = grade(model, today);
  const fills = new Map(g.idFills.map((f) => [f.index, f]));
  const mine = g.results.filter((r) => sameOwner(r.record.owner, from));
  const moving = mine.filter((r) => input.allStages || stageClass(r.record.stage) === "open");
  const dealt = [...moving].sort((a, b) => GRADE_ORDER[a.grade ?? "none"] - GRADE_ORDER[b.grade ?? "none"] || a.record.row - b.record.row);
  const counts = to.map((name) => ({ to: name, count: 0 }));
  const byStage: Record<StageClass, number> = { open: 0, maintenance: 0, closed: 0 };
  const changes: OwnerChange[] = dealt.map((r, i) => {
    const target = counts[i % counts.length] as { to: string; count: number };
    target.count++;
    byStage[stageClass(r.record.stage)]++;
    return { index: r.record.index, row: r.record.row, id: r.record.id, name: r.record.name, from: r.record.owner, to: target.to };
  }).sort(byRow);
  const idFills: CellWrite[] = changes.flatMap((c) => { const f = fills.get(c.index); return f ? [f] : []; });
  return { action: "handover", changes, idFills, counts, byStage, kept: mine.length - moving.length };
}
