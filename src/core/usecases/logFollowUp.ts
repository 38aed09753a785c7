import type { DayNumber } from "../_lib/calendar";
import type { Issue } from "../issues/issue";
import type { RawCell, TableModel, WorkbookModel } from "../model/workbookModel";
import { LabelMap, parseText } from "../model/parse";
import { entryLabel, listDef, STAGES, type ListEntry, type StageKey } from "../template/lists";
import { FOLLOWUP_COLUMNS } from "../template/columns";
import { BLANK, date, text, type CellWrite, type PlanValue } from "../plan/plan";
import { headerLookup } from "../model/customers";
import { idKey } from "../followup/history";
import { stageMap } from "../model/labelMaps";
import { grade, DERIVED_KEYS, type CustomerResult } from "./grade";
import { missingTableIssue, UseCaseError } from "./errors";
import type { Lang } from "../i18n/lang";

export interface FollowUpInput {
  readonly customerId: string;
  readonly date: DayNumber;
  readonly by: string;
  readonly method: string;
  readonly summary: string;
  readonly feedback?: string;
  readonly nextStep?: string;
  readonly nextDate?: DayNumber | null;
  readonly stage?: string;
  /** Whom the rep spoke to (a contact's name); blank means the main contact. */
  readonly spokeWith?: string;
}

export interface FollowUpPlan {
  /** The row to append to the Follow-ups table, by column key (columns the table lacks are skipped by the door). */
  readonly row: Readonly<Record<string, PlanValue>>;
  /** That customer's derived cells, and the stage when the user asked to change it. */
  readonly customerWrites: readonly CellWrite[];
  readonly customer: CustomerResult;
}

const methodEntries = Object.fromEntries(listDef("method").entries.map((e, i) => [String(i), e])) as Record<string, ListEntry>;
const methodMap = new LabelMap(methodEntries);

function fieldIssue(t: TableModel, lang: Lang, key: string, code: Issue["code"], value?: string): Issue {
  const def = FOLLOWUP_COLUMNS.find((d) => d.key === key);
  return {
    code, severity: "error", sheet: t.sheet, sheetName: t.sheetName, row: null,
    column: def ? headerLookup(t, lang)(key) : key, columnKey: key, ...(value !== undefined ? { value } : {}),
  };
}

/**
 * Plans one follow-up: the row to append (text as text, dates as dates, dropdown values in the
 * workbook's language) and the customer's new derived values, computed by the same grading as
 * everything else. Rejects, with reasons, a missing customer, a future date or a blank summary.
 */
export function planFollowUp(model: WorkbookModel, input: FollowUpInput, today: DayNumber): FollowUpPlan {
  const fu = model.followUps;
  const cu = model.customers;
  if (!fu) throw new UseCaseError([missingTableIssue(model, "followUps")]);
  if (!cu) throw new UseCaseError([missingTableIssue(model, "customers")]);
  const lang = model.lang;
  const problems: Issue[] = [];
  const ids = cu.cols.id ?? [];
  const wanted = idKey(input.customerId);
  const index = wanted === "" ? -1 : ids.findIndex((v) => idKey(parseText(v)) === wanted);
  if (index < 0) problems.push(fieldIssue(fu, lang, "customerId", "unknownCustomerId", input.customerId));
  if (input.date > today) problems.push(fieldIssue(fu, lang, "date", "futureFollowUp"));
  if (input.summary.trim() === "") problems.push(fieldIssue(fu, lang, "summary", "missingRequired"));
  // Left blank, the follow-up is by the customer's owner.
  const by = input.by.trim() !== "" ? input.by.trim() : index >= 0 ? parseText(cu.cols.owner?.[index] ?? null) : "";
  if (by === "") problems.push(fieldIssue(fu, lang, "by", "missingRequired"));
  const method = methodMap.parse(input.method);
  if (!method.ok) problems.push(fieldIssue(fu, lang, "method", method.blank ? "missingRequired" : "unknownLabel", input.method));
  let stage: StageKey | null = null;
  if (input.stage !== undefined && input.stage.trim() !== "") {
    const s = stageMap.parse(input.stage);
    if (s.ok) stage = s.value;
    else problems.push(fieldIssue(fu, lang, "stageChange", "unknownLabel", input.stage));
  }
  if (problems.length > 0) throw new UseCaseError(problems);

  const label = (e: ListEntry) => entryLabel(e, lang);
  const canonicalId = parseText(ids[index] ?? null);
  const name = parseText(cu.cols.name?.[index] ?? null);
  const row: Record<string, PlanValue> = {
    date: date(input.date),
    customerId: text(canonicalId),
    customerName: text(name),
    by: text(by),
    method: text(method.ok ? label(methodEntries[method.value] as ListEntry) : input.method),
    // Free text is kept exactly as typed (leading/trailing spaces included): it is the user's.
    summary: text(input.summary),
    feedback: text(input.feedback ?? ""),
    nextStep: text(input.nextStep ?? ""),
    nextDate: date(input.nextDate ?? null),
    stageChange: stage ? text(label(STAGES[stage])) : BLANK,
    spokeWith: text((input.spokeWith ?? "").trim()),
  };

  // Grade the workbook as it will be: the new row appended, the stage changed.
  const appended = appendRow(fu, row);
  const customers = stage ? withCell(cu, "stage", index, label(STAGES[stage])) : cu;
  const plan = grade({ ...model, customers, followUps: appended }, today);
  const result = plan.results.find((r) => r.record.index === index);
  if (!result) throw new UseCaseError([fieldIssue(fu, lang, "customerId", "unknownCustomerId", input.customerId)]);
  const customerWrites: CellWrite[] = [];
  for (const w of plan.writes) {
    const v = w.values[index];
    if (DERIVED_KEYS.includes(w.key) && v !== null && v !== undefined) customerWrites.push({ key: w.key, index, value: v });
  }
  if (stage) customerWrites.push({ key: "stage", index, value: text(label(STAGES[stage])) });
  return { row, customerWrites, customer: result };
}

function toRaw(v: PlanValue): RawCell {
  switch (v.kind) {
    case "text": return v.text;
    case "number": return v.value;
    case "date": return v.day;
    case "formula": return null;
    default: return null;
  }
}

function appendRow(t: TableModel, row: Record<string, PlanValue>): TableModel {
  const cols: Record<string, RawCell[]> = {};
  for (const [k, cells] of Object.entries(t.cols)) cols[k] = [...cells, toRaw(row[k] ?? BLANK)];
  return { ...t, rowCount: t.rowCount + 1, cols };
}

function withCell(t: TableModel, key: string, index: number, value: RawCell): TableModel {
  const c = [...(t.cols[key] ?? new Array<RawCell>(t.rowCount).fill(null))];
  c[index] = value;
  return { ...t, cols: { ...t.cols, [key]: c } };
}

