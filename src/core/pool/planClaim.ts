import type { Issue } from "../issues/issue";
import type { WorkbookModel, TableModel } from "../model/workbookModel";
import type { DayNumber } from "../_lib/calendar";
import { grade } from "../usecases/grade";
import { idKey } from "../followup/history";
import { headerLookup } from "../model/customers";
import { missingTableIssue, UseCaseError } from "../usecases/errors";
import { isPoolOwner } from "./poolOwner";
import type { OwnerPlan } from "./ownerChange";

/** A problem with what the user asked for (not with a cell): sheet-level, on the column it concerns. */
export function inputIssue(t: TableModel, lang: WorkbookModel["lang"], code: Issue["code"], key: string, value: string): Issue {
  return { code, severity: "error", sheet: t.sheet, sheetName: t.sheetName, row: null, column: headerLookup(t, lang)(key), columnKey: key, value };
}

/**
 * A rep takes one customer from the pool: its Owner goes from 公海 / Pool to the rep. Only a
 * customer in the pool can be claimed; the rep must be a name, not the pool itself.
 * @example planClaim(model, "KH-202605-001", "李四", today).changes[0] // { from: "公海", to: "李四", … }
 */
export function planClaim(model: WorkbookModel, customerId: string, owner: string, today: DayNumber): OwnerPlan {
  const t = model.customers;
  if (!t) throw new UseCaseError([missingTableIssue(model, "customers")]);
  const to = owner.trim();
  if (to === "") throw new UseCaseError([inputIssue(t, model.lang, "missingRequired", "owner", "")]);
  if (isPoolOwner(to)) throw new UseCaseError([inputIssue(t, model.lang, "invalidOwner", "owner", to)]);
  const g = grade(model, today);
  const wanted = idKey(customerId.trim());
  const r = wanted === "" ? undefined : g.results.find((x) => idKey(x.record.id) === wanted);
  if (!r) throw new UseCaseError([inputIssue(t, model.lang, "unknownCustomerId", "id", customerId)]);
  if (!isPoolOwner(r.record.owner)) throw new UseCaseError([inputIssue(t, model.lang, "notInPool", "owner", r.record.id)]);
  const change = { index: r.record.index, row: r.record.row, id: r.record.id, name: r.record.name, from: r.record.owner, to };
  return { action: "claim", changes: [change], idFills: [] };
}
