import type { DayNumber } from "../_lib/calendar";
import { parseIsoDay } from "../_lib/calendar";
import type { Issue } from "../issues/issue";
import type { WorkbookModel, TableModel } from "../model/workbookModel";
import { sheetColumn, sheetRow } from "../model/workbookModel";
import { readRules, type Rules } from "../rules/rules";
import { gradeCustomer, stageClass, type Grade, type GradeReason } from "../grading/gradeCustomer";
import { deriveFollowUp, NO_HISTORY, type Status, type Derived } from "../followup/derive";
import type { WorkCalendar } from "../followup/workdays";
import { IdAllocator } from "../ids/customerId";
import type { Lang } from "../i18n/lang";
import { BLANK, date, formula, num, text, type CellWrite, type ColumnWrite, type IdFilling, type PlanValue } from "../plan/plan";
import { gradeLabel, renderReason } from "../i18n/messages";
import { STATUS_LABELS } from "../i18n/labels";
import { statusFormula, type StatusColumns } from "../template/statusFormula";
import { statusColumnsAt } from "../template/highlights";
import { listDef } from "../template/lists";
import { CUSTOMER_COLUMNS } from "../template/columns";
import { headerLookup, readCustomers, type CustomerRecord, type CustomerRef } from "../model/customers";
import { idKey, readHistories } from "../followup/history";
import { readCalendar } from "../followup/workdays";
import { IssueSink } from "../issues/issueSink";
import { missingTableIssue, UseCaseError } from "./errors";
import { HealthRun, TIER_READ_KEYS, type HealthSummary } from "../health/customerHealth";
import type { ComplaintStats } from "../health/complaints";
import type { TierResult } from "../health/valueTier";
import type { ValueTier } from "../health/types";
import type { WallTime } from "../health/wallClock";
import { countdownWrites } from "../pool/countdownWrites";

export interface DueItem extends CustomerRef {
  readonly owner: string;
  readonly grade: Grade | null;
  readonly status: Status;
  readonly nextDue: DayNumber | null;
  readonly daysToDue: number;
  readonly tier: ValueTier | null;
}

export interface GradeSummary {
  readonly customers: number;
  readonly byGrade: Readonly<Record<Grade | "none", number>>;
  readonly byStatus: Readonly<Record<Status, number>>;
  /** Due today or overdue (and dormant), open first by grade, then most overdue first. */
  readonly due: readonly DueItem[];
  /** Value tiers and complaints (SPEC § Value tiers and complaints). */
  readonly health: HealthSummary;
}

export interface CustomerResult {
  readonly record: CustomerRecord;
  readonly reason: GradeReason | null;
  readonly grade: Grade | null;
  readonly history: { first: DayNumber | null; last: DayNumber | null; count: number };
  readonly derived: Derived;
  readonly tier: TierResult | null;
  readonly complaints: ComplaintStats;
}

export interface GradePlan extends IdFilling {
  /** Derived columns of the Customers table, full height (blank for empty rows). */
  readonly writes: readonly ColumnWrite[];
  readonly summary: GradeSummary;
  readonly issues: readonly Issue[];
  readonly results: readonly CustomerResult[];
  readonly rules: Rules;
}

/** The only columns grading reads: every door fetches these and nothing more. */
export const GRADE_READ_KEYS = ["id", "name", "stage", "closeDate", "amount", "fit", "intent", "value", "gradeOverride", "created", "owner", "contact", "status", "daysToRelease", ...TIER_READ_KEYS.filter((k) => k !== "intent" && k !== "value")] as const;
export const HISTORY_READ_KEYS = ["date", "customerId", "nextDate"] as const;

export const DERIVED_KEYS = CUSTOMER_COLUMNS.filter((c) => c.derived).map((c) => c.key);

export const DEFAULT_CALENDAR: WorkCalendar = {
  holidays: new Set(listDef("holidays").entries.map((e) => parseIsoDay(e["zh-CN"]) as number)),
  workdays: new Set(listDef("workdays").entries.map((e) => parseIsoDay(e["zh-CN"]) as number)),
};

/** A1 letters of the columns the Status formula reads, or null when one is missing. */
export function statusColumns(t: TableModel): StatusColumns | null {
  const p: Record<string, number> = {};
  for (const k of Object.keys(t.positions)) {
    const c = sheetColumn(t, k);
    if (c !== null) p[k] = c;
  }
  return statusColumnsAt(p);
}

const GRADE_VALUES = new Map<string, PlanValue>();
function gradeValue(g: Grade | null, lang: Lang): PlanValue {
  const key = `${g}|${lang}`;
  let v = GRADE_VALUES.get(key);
  if (!v) { v = text(gradeLabel(g, lang)); GRADE_VALUES.set(key, v); }
  return v;
}

const STATUS_TEXTS = new Set(Object.values(STATUS_LABELS).flatMap((l) => [l["zh-CN"], l["en-US"]]));

const GRADE_ORDER: Readonly<Record<Grade | "none", number>> = { A: 0, B: 1, C: 2, toAssess: 3, none: 4 };

/**
 * Grades every customer and derives its follow-up columns and value tier. Pure: the same model,
 * rules, today and now always give the same plan. `now` (wall time) judges complaint deadlines;
 * a door that knows only the day passes nothing and the day's start is used.
 */
export function grade(model: WorkbookModel, today: DayNumber, now: WallTime = today as number as WallTime): GradePlan {
  const t = model.customers;
  if (!t) throw new UseCaseError([missingTableIssue(model, "customers")]);
  const lang = model.lang;
  const sink = new IssueSink(t, headerLookup(t, lang));
  const { rules, issues: ruleIssues } = readRules(model);
  const customers = readCustomers(t, sink);
  const known = new Set(customers.map((c) => idKey(c.id)).filter((k) => k !== ""));
  const fuSink = model.followUps ? new IssueSink(model.followUps, headerLookup(model.followUps, lang)) : null;
  const histories = readHistories(model.followUps, today, fuSink, known);
  const cal = readCalendar(model, DEFAULT_CALENDAR);
  const alloc = new IdAllocator(customers.map((c) => c.id).filter((id) => id !== ""));
  const health = new HealthRun(model, t, rules, today, now);

  const n = t.rowCount;
  const cols: Record<string, Array<PlanValue | null>> = {};
  for (const k of DERIVED_KEYS) cols[k] = new Array<PlanValue | null>(n).fill(k === "status" ? null : BLANK);
  const statusNow = t.cols.status;
  const sc = statusColumns(t);
  // The Status formula differs between rows only by the row number: build it once.
  const statusParts = sc ? statusFormula(sc, "{row}", lang).split("{row}") : null;
  const idFills: CellWrite[] = [];
  const results: CustomerResult[] = [];
  const byGrade = { A: 0, B: 0, C: 0, toAssess: 0, none: 0 };
  const byStatus = { ok: 0, overdue: 0, dormant: 0, closed: 0 };
  const due: DueItem[] = [];

  for (const c of customers) {
    let id = c.id;
    if (id === "") {
      id = alloc.next(c.created ?? today);
      idFills.push({ key: "id", index: c.index, value: text(id) });
    }
    const reason = gradeCustomer(c, rules, today);
    const g = reason?.final ?? null;
    const h = histories.get(idKey(id)) ?? NO_HISTORY;
    const d = deriveFollowUp(g, stageClass(c.stage), h, c.created, rules, cal, today);
    const i = c.index;
    const set = (k: string, v: PlanValue | null) => { (cols[k] as Array<PlanValue | null>)[i] = v; };
    set("grade", gradeValue(g, lang));
    set("gradeReason", text(reason ? renderReason(reason, lang) : ""));
    set("firstContact", date(h.first));
    set("lastContact", date(h.last));
    set("followUps", num(h.count));
    set("nextDue", date(d.nextDue));
    set("daysToDue", num(d.daysToDue));
    // The live Status formula is ours: written where it is missing or was overwritten, left alone where it works.
    const current = statusNow?.[i] ?? null;
    const live = typeof current === "string" && (current.startsWith("=") || STATUS_TEXTS.has(current));
    set("status", live ? null : statusParts ? formula(statusParts.join(String(sheetRow(t, i)))) : text(STATUS_LABELS[d.status][lang]));
    const tier = health.tier(c, id, d.status);
    const tierCells = health.cells(tier, lang);
    set("valueTier", tierCells.tier);
    set("tierReason", tierCells.reason);
    byGrade[g ?? "none"]++;
    byStatus[d.status]++;
    results.push({ record: id === c.id ? c : { ...c, id }, reason, grade: g, history: h, derived: d, tier, complaints: health.complaintsOf(id) });
    if (d.status !== "closed" && d.daysToDue !== null && (d.daysToDue <= 0 || d.status === "dormant")) {
      due.push({ row: c.row, index: i, id, name: c.name, owner: c.owner, grade: g, status: d.status, nextDue: d.nextDue, daysToDue: d.daysToDue, tier: tier?.tier ?? null });
    }
  }
  // The pool's countdown is a live formula too: written only where it is missing or was typed over.
  if (cols.daysToRelease) cols.daysToRelease = countdownWrites(t, results.map((r) => ({ index: r.record.index, row: r.record.row, grade: r.grade, stage: stageClass(r.record.stage), owner: r.record.owner, lastContact: r.history.last, created: r.record.created })), rules, today);
  due.sort((a, b) => GRADE_ORDER[a.grade ?? "none"] - GRADE_ORDER[b.grade ?? "none"] || a.daysToDue - b.daysToDue || a.row - b.row);
  const writes = DERIVED_KEYS.filter((k) => t.positions[k] !== undefined).map((k) => ({ key: k, values: cols[k] as Array<PlanValue | null> }));
  return {
    writes, idFills, results, rules,
    summary: { customers: customers.length, byGrade, byStatus, due, health: health.summary() },
    issues: [...ruleIssues, ...sink.issues, ...health.customerIssues, ...(fuSink?.issues ?? []), ...health.issues],
  };
}
