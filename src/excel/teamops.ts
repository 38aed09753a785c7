import type { DayNumber } from "../core/_lib/calendar";
import type { Lang } from "../core/i18n/lang";
import { GRADE_READ_KEYS, HISTORY_READ_KEYS } from "../core/usecases/grade";
import { planPool, type PoolPlan } from "../core/pool/planPool";
import { planClaim } from "../core/pool/planClaim";
import { planHandover, type HandoverInput, type HandoverPlan } from "../core/handover/planHandover";
import type { OwnerAction } from "../core/pool/ownerChange";
import { isPoolOwner, sameOwner } from "../core/pool/poolOwner";
import { parseText } from "../core/model/parse";
import type { WorkbookModel } from "../core/model/workbookModel";
import { readStructure, type Structure, type TableInfo } from "./structure";
import { readColumns, tableModel, workbookModel } from "./readModel";
import { writeOwners, type OwnerWriteOutcome } from "./ownerWrite";
import { need } from "./usecases";
import { runUseCase as run } from "./errors";

/** The Pool page: the plan's lists and switch, with the workbook's language and the warning days. */
export type PoolOverview = Pick<PoolPlan, "enabled" | "due" | "soon" | "inPool"> & { readonly lang: Lang; readonly warnDays: number };

/** What a release, claim or handover wrote, and the rows someone else changed meanwhile (not written). */
export type OwnerOutcome = OwnerWriteOutcome & { readonly action: OwnerAction };

export interface HandoverPreview {
  readonly lang: Lang;
  readonly counts: HandoverPlan["counts"];
  readonly byStage: HandoverPlan["byStage"];
  readonly kept: number;
  readonly total: number;
}

/** One sync for the structure, the chunks of the columns grading reads: the model pool and handover decide on. */
async function readModel(context: Excel.RequestContext): Promise<{ s: Structure; cu: TableInfo; model: WorkbookModel }> {
  const s = await readStructure(context);
  const { cu, fu } = need(s);
  const reads = await readColumns(context, [{ info: cu, keys: GRADE_READ_KEYS }, ...(fu ? [{ info: fu, keys: HISTORY_READ_KEYS }] : [])]);
  return { s, cu, model: workbookModel(s, tableModel(cu, reads.get(cu) ?? {}), fu ? tableModel(fu, reads.get(fu) ?? {}) : null) };
}

/** The Pool page: who is due, who will be soon, who is in the pool. Reads only. */
export async function poolOverview(today: DayNumber): Promise<PoolOverview> {
  return run("pool", async (context) => {
    const { model } = await readModel(context);
    const p = planPool(model, today);
    return { lang: model.lang, enabled: p.enabled, warnDays: p.rules.releaseWarn, due: p.due, soon: p.soon, inPool: p.inPool };
  });
}

/** Releases the due customers to the pool (Owner → 公海 / Pool), guarded against co-authors' edits, one audit row each. */
export async function releaseToPool(today: DayNumber, user: string, now: Date): Promise<OwnerOutcome> {
  return run("release", async (context) => {
    const { s, cu, model } = await readModel(context);
    const plan = planPool(model, today).release;
    return { action: plan.action, ...(await writeOwners(context, s, cu, plan, user, now)) };
  });
}

/** The current user takes one customer from the pool. */
export async function claimCustomer(customerId: string, owner: string, today: DayNumber, user: string, now: Date): Promise<OwnerOutcome> {
  return run("claim", async (context) => {
    const { s, cu, model } = await readModel(context);
    const plan = planClaim(model, customerId, owner, today);
    return { action: plan.action, ...(await writeOwners(context, s, cu, plan, user, now)) };
  });
}

/** The counts a handover would move, for the Handover page's preview. Reads only. */
export async function previewHandover(input: HandoverInput, today: DayNumber): Promise<HandoverPreview> {
  return run("handover", async (context) => {
    const { model } = await readModel(context);
    const p = planHandover(model, input, today);
    return { lang: model.lang, counts: p.counts, byStage: p.byStage, kept: p.kept, total: p.changes.length };
  });
}

/** Moves a leaving rep's customers; rows a co-author changed meanwhile are left alone and reported. */
export async function handOver(input: HandoverInput, today: DayNumber, user: string, now: Date): Promise<OwnerOutcome> {
  return run("handover", async (context) => {
    const { s, cu, model } = await readModel(context);
    const plan = planHandover(model, input, today);
    return { action: plan.action, ...(await writeOwners(context, s, cu, plan, user, now)) };
  });
}

/** Names for the Handover page's pickers: the team list, then any other Owner on the sheet (the pool left out). */
export async function teamMembers(): Promise<string[]> {
  return run("team", async (context) => {
    const s = await readStructure(context);
    const { cu } = need(s);
    const owners = (await readColumns(context, [{ info: cu, keys: ["owner"] }])).get(cu)?.owner ?? [];
    const out: string[] = [];
    for (const v of [...(s.lists.team ?? []), ...owners]) {
      const name = parseText(v);
      if (name !== "" && !isPoolOwner(name) && !out.some((x) => sameOwner(x, name))) out.push(name);
    }
    return out;
  });
}
