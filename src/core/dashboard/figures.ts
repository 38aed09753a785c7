import type { DayNumber } from "../_lib/calendar";
import { formatIso } from "../_lib/calendar";
import type { WorkbookModel } from "../model/workbookModel";
import type { Lang } from "../i18n/lang";
import { STATUS_LABELS, GRADE_LABELS } from "../i18n/labels";
import { readRules } from "../rules/rules";
import { STAGES, stageLabels as stageValues, CLOSED_STAGES, MAINTENANCE_STAGES, entryLabel, type StageKey } from "../template/lists";
import { TableColumns } from "./_lib/columns";
import { add, countFilled, countIfs, sumIfs, subtract, ratio, type Criterion, type Measure } from "./criteria";
import { listGroups, textGroups, type Group } from "./groups";
import { liveStatuses } from "./liveStatus";
import { last7Start, monthLabel, monthStart, todayBound, weekEnd, weekStart } from "./periods";
import { liveComplaintStatuses } from "./liveComplaints";
import { LANGS } from "../i18n/lang";
import { healthText } from "../health/messages";
import { COMPLAINT_STATUSES, LATE_STATUSES, RANKED_TIERS, type ComplaintStatus, type ValueTier } from "../health/types";
import type { WallTime } from "../health/wallClock";

export type KpiKey = "open" | "a" | "overdue" | "dormant" | "dueThisWeek" | "followUps7d" | "wonThisMonth" | "wonAmountThisMonth";
export const KPI_KEYS: readonly KpiKey[] = ["open", "a", "overdue", "dormant", "dueThisWeek", "followUps7d", "wonThisMonth", "wonAmountThisMonth"];

export type OwnerKey = "open" | "a" | "overdue" | "dueThisWeek" | "followUps7d" | "aNotContacted" | "newThisWeek";
export const OWNER_KEYS: readonly OwnerKey[] = ["open", "a", "overdue", "dueThisWeek", "followUps7d", "aNotContacted", "newThisWeek"];

export type GradeKey = "A" | "B" | "C" | "toAssess";
/** Value tiers in the order the sheet lists them: the four kinds, then everyone else. */
export const TIER_KEYS: readonly ValueTier[] = [...RANKED_TIERS, "standard"];
export type ComplaintFigure = "open" | "late";
/** The funnel's steps: the open stages, then won (won and after-sales together). */
export type FunnelStep = "lead" | "contacted" | "qualified" | "proposal" | "negotiation" | "won";

export interface CycleStats {
  readonly count: Measure;
  readonly average: Measure;
  /** Not a portable formula: a value as of the build date. */
  readonly median: number | null;
}

/** Every figure of the dashboard with the formula that computes it; the sheet layout and `--json` read this. */
export interface DashboardMeasures {
  readonly lang: Lang;
  readonly today: DayNumber;
  readonly weekStart: DayNumber;
  readonly cadenceA: number;
  readonly kpi: Readonly<Record<KpiKey, Measure>>;
  readonly grades: ReadonlyArray<{ readonly grade: GradeKey; readonly label: string; readonly count: Measure }>;
  /** Customers by the Value tier column (as the last grading wrote it). */
  readonly tiers: ReadonlyArray<{ readonly tier: ValueTier; readonly label: string; readonly count: Measure }>;
  /** Complaints open (not 已完成) and late (响应超时, 解决超时, 回访超时), by the live SLA status at `now`. */
  readonly complaints: Readonly<Record<ComplaintFigure, Measure>>;
  readonly industries: ReadonlyArray<Group & { readonly count: Measure }>;
  /** Non-empty Industry cells (the top 10's complement is this minus their sum). */
  readonly industryFilled: Measure;
  readonly funnel: ReadonlyArray<{ readonly step: FunnelStep; readonly label: string; readonly count: Measure }>;
  readonly closed: ReadonlyArray<{ readonly stage: StageKey; readonly label: string; readonly count: Measure }>;
  readonly months: ReadonlyArray<{ readonly offset: number; readonly month: string; readonly start: number; readonly startFormula: string; readonly followUps: Measure; readonly won: Measure; readonly wonAmount: Measure }>;
  readonly lostReasons: ReadonlyArray<Group & { readonly count: Measure }>;
  readonly sources: ReadonlyArray<Group & { readonly customers: Measure; readonly won: Measure; readonly conversion: Measure }>;
  readonly owners: ReadonlyArray<Group & Readonly<Record<OwnerKey, Measure>>>;
  readonly cycle: CycleStats;
  readonly cycleByIndustry: ReadonlyArray<Group & CycleStats>;
}

/** The open stages: every stage that is neither won/after-sales nor closed. */
const OPEN_STAGES = (Object.keys(STAGES) as StageKey[]).filter((k) => !MAINTENANCE_STAGES.includes(k) && !CLOSED_STAGES.includes(k));
const OPEN = stageValues(OPEN_STAGES);
const WON = stageValues(["won", "afterSales"]);
const anyOf = (key: string, values: readonly string[]): Criterion => ({ kind: "anyOf", key, values });

/** A complaint status's label in every language (COUNTIFS counts either). */
const statusLabels = (keys: readonly ComplaintStatus[]) => keys.flatMap((k) => LANGS.map((l) => healthText(l).complaintStatus[k]));
const OPEN_COMPLAINTS = statusLabels(COMPLAINT_STATUSES.filter((k) => k !== "done"));
const LATE_COMPLAINTS = statusLabels(LATE_STATUSES);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  xs.sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? (xs[m] as number) : ((xs[m - 1] as number) + (xs[m] as number)) / 2;
}

/**
 * The manager's weekly picture: every figure of the dashboard from the Customers and Follow-ups
 * data, each with the COUNTIFS/SUMIFS formula the sheet uses, built from the same criteria so the
 * two agree after any recalculation on the same day. Complaint deadlines are judged at `now` (the
 * wall clock, as the SLA formula's NOW()). Pure: the same model, today and now give the same figures.
 * @example dashboardMeasures(model, today, now).kpi.overdue.value // 12
 */
export function dashboardMeasures(model: WorkbookModel, today: DayNumber, now: WallTime): DashboardMeasures {
  const lang = model.lang;
  const { rules } = readRules(model);
  const cu = new TableColumns(model.customers);
  const fu = new TableColumns(model.followUps);
  const co = new TableColumns(model.complaints ?? null);
  if (model.customers && cu.has("status")) cu.override("status", liveStatuses(model.customers, today, rules.dormantDays, lang));
  if (model.complaints && co.has("slaStatus")) co.override("slaStatus", liveComplaintStatuses(model.complaints, rules, now, lang));

  const ws = weekStart(today);
  const we = weekEnd(today);
  const t = todayBound(today);
  const d7 = last7Start(today);
  const open = anyOf("stage", OPEN);
  const gradeA = anyOf("grade", ["A"]);
  const overdue = anyOf("status", [STATUS_LABELS.overdue[lang]]);
  const dormant = anyOf("status", [STATUS_LABELS.dormant[lang]]);
  const notClosed: Criterion = { kind: "not", key: "status", value: STATUS_LABELS.closed[lang] };
  const dueWeek: Criterion[] = [{ kind: "cmp", key: "nextDue", op: ">=", bound: ws }, { kind: "cmp", key: "nextDue", op: "<=", bound: we }, notClosed];
  const fu7: Criterion[] = [{ kind: "cmp", key: "date", op: ">=", bound: d7 }, { kind: "cmp", key: "date", op: "<=", bound: t }];
  const m0 = monthStart(today, 0);
  const m1 = monthStart(today, 1);
  const wonIn = (a: typeof m0, b: typeof m0): Criterion[] => [{ kind: "cmp", key: "wonDate", op: ">=", bound: a }, { kind: "cmp", key: "wonDate", op: "<", bound: b }];
  const cadA = rules.cadenceA;
  const quietBound = { value: today - cadA, formula: `TODAY()-${cadA}` };
  const newWeek: Criterion[] = [{ kind: "cmp", key: "created", op: ">=", bound: ws }, { kind: "cmp", key: "created", op: "<=", bound: t }];

  const kpi: Record<KpiKey, Measure> = {
    open: countIfs(cu, [open]),
    a: countIfs(cu, [open, gradeA]),
    overdue: countIfs(cu, [overdue]),
    dormant: countIfs(cu, [dormant]),
    dueThisWeek: countIfs(cu, dueWeek),
    followUps7d: countIfs(fu, fu7),
    wonThisMonth: countIfs(cu, wonIn(m0, m1)),
    wonAmountThisMonth: sumIfs(cu, "wonAmount", wonIn(m0, m1)),
  };

  const grades = (["A", "B", "C", "toAssess"] as const).map((g) => {
    const labels = g === "toAssess" ? [GRADE_LABELS.toAssess["zh-CN"], GRADE_LABELS.toAssess["en-US"]] : [g];
    return { grade: g, label: g === "toAssess" ? GRADE_LABELS.toAssess[lang] : g, count: countIfs(cu, [open, anyOf("grade", labels)]) };
  });

  const tiers = TIER_KEYS.map((k) => ({
    tier: k,
    label: healthText(lang).tier[k],
    count: countIfs(cu, [anyOf("valueTier", LANGS.map((l) => healthText(l).tier[k]))]),
  }));
  const complaints: Record<ComplaintFigure, Measure> = {
    open: countIfs(co, [anyOf("slaStatus", OPEN_COMPLAINTS)]),
    late: countIfs(co, [anyOf("slaStatus", LATE_COMPLAINTS)]),
  };

  const known = listGroups("industry", lang);
  const industryGroups = [...known, ...textGroups(cu.get("industry"), model.customers?.cols.industry ?? [], known)];
  const industriesAll = industryGroups.map((g, order) => ({ ...g, order, count: countIfs(cu, [anyOf("industry", g.values)]) }));
  const industries = industriesAll.filter((g) => (g.count.value ?? 0) > 0)
    .sort((a, b) => (b.count.value ?? 0) - (a.count.value ?? 0) || a.order - b.order).slice(0, 10)
    .map(({ label, values, count }) => ({ label, values, count }));

  const steps: readonly FunnelStep[] = ["lead", "contacted", "qualified", "proposal", "negotiation", "won"];
  const funnel = steps.map((s) => ({
    step: s, label: entryLabel(STAGES[s], lang),
    count: countIfs(cu, [anyOf("stage", s === "won" ? WON : stageValues([s]))]),
  }));
  const closed = CLOSED_STAGES.map((s) => ({ stage: s, label: entryLabel(STAGES[s], lang), count: countIfs(cu, [anyOf("stage", stageValues([s]))]) }));

  const months = Array.from({ length: 12 }, (_x, k) => {
    const offset = k - 11;
    const a = monthStart(today, offset);
    const b = monthStart(today, offset + 1);
    return {
      offset, month: monthLabel(a.value as DayNumber), start: a.value, startFormula: a.formula,
      followUps: countIfs(fu, [{ kind: "cmp", key: "date", op: ">=", bound: a }, { kind: "cmp", key: "date", op: "<", bound: b }, { kind: "cmp", key: "date", op: "<=", bound: t }]),
      won: countIfs(cu, wonIn(a, b)),
      wonAmount: sumIfs(cu, "wonAmount", wonIn(a, b)),
    };
  });

  const lostKnown = listGroups("lostReason", lang);
  const lostReasons = [...lostKnown, ...textGroups(cu.get("lostReason"), model.customers?.cols.lostReason ?? [], lostKnown)]
    .map((g) => ({ ...g, count: countIfs(cu, [anyOf("lostReason", g.values)]) }));

  const srcKnown = listGroups("source", lang);
  const sources = [...srcKnown, ...textGroups(cu.get("source"), model.customers?.cols.source ?? [], srcKnown)].map((g) => {
    const customers = countIfs(cu, [anyOf("source", g.values)]);
    const won = countIfs(cu, [anyOf("source", g.values), anyOf("stage", WON)]);
    return { ...g, customers, won, conversion: ratio(won, customers) };
  });

  const owners = textGroups(cu.get("owner"), model.customers?.cols.owner ?? [], []).map((g) => {
    const o = anyOf("owner", g.values);
    return {
      ...g,
      open: countIfs(cu, [o, open]),
      a: countIfs(cu, [o, open, gradeA]),
      overdue: countIfs(cu, [o, overdue]),
      dueThisWeek: countIfs(cu, [o, ...dueWeek]),
      followUps7d: countIfs(fu, [anyOf("by", g.values), ...fu7]),
      aNotContacted: add(
        countIfs(cu, [o, open, gradeA, { kind: "cmp", key: "lastContact", op: "<", bound: quietBound }]),
        countIfs(cu, [o, open, gradeA, { kind: "blank", key: "lastContact" }, { kind: "cmp", key: "created", op: "<", bound: quietBound }]),
      ),
      newThisWeek: countIfs(cu, [o, ...newWeek]),
    };
  }).sort((a, b) => (b.open.value ?? 0) - (a.open.value ?? 0) || a.label.localeCompare(b.label));

  // The cycle starts on Created, or on First contact when Created is blank: first contact is the
  // earliest follow-up, and teams often log follow-ups only after the win (after-sales visits).
  const cycleFor = (extra: readonly Criterion[]): CycleStats => {
    const positive = (key: string): Criterion => ({ kind: "cmp", key, op: ">", bound: { value: 0, formula: "0" } });
    const won = positive("wonDate");
    const withCreated = [won, positive("created"), ...extra];
    const withFc = [won, { kind: "blank", key: "created" } as Criterion, positive("firstContact"), ...extra];
    const count = add(countIfs(cu, withCreated), countIfs(cu, withFc));
    // Sum of (won − start) without a per-row difference: SUMIFS of each date column over the same rows.
    const days = add(
      subtract(sumIfs(cu, "wonDate", withCreated), sumIfs(cu, "created", withCreated)),
      subtract(sumIfs(cu, "wonDate", withFc), sumIfs(cu, "firstContact", withFc)),
    );
    return { count, average: ratio(days, count), median: null };
  };
  const cycleDays = (match: (i: number) => boolean): number[] => {
    const w = cu.get("wonDate").num;
    const f = cu.get("firstContact").num;
    const c = cu.get("created");
    const out: number[] = [];
    for (let i = 0; i < cu.rows; i++) {
      const won = w[i] as number;
      if (!(won > 0) || !match(i)) continue;
      const cr = c.num[i] as number;
      if (cr > 0) out.push(won - cr);
      else if (c.blank[i] === 1 && (f[i] as number) > 0) out.push(won - (f[i] as number));
    }
    return out;
  };
  const hasCycleCols = cu.has("wonDate") && cu.has("firstContact") && cu.has("created");
  const cycle = { ...cycleFor([]), median: hasCycleCols ? median(cycleDays(() => true)) : null };
  const indCol = cu.get("industry");
  const cycleByIndustry = industryGroups.map((g) => {
    const set = new Set(g.values.map((v) => v.toLowerCase()));
    const stats = cycleFor([anyOf("industry", g.values)]);
    const xs = hasCycleCols && cu.has("industry") ? cycleDays((i) => { const l = indCol.lower[i]; return l !== null && l !== undefined && set.has(l); }) : [];
    return { ...g, ...stats, median: median(xs) };
  }).filter((g) => (g.count.value ?? 0) > 0).sort((a, b) => (b.count.value ?? 0) - (a.count.value ?? 0));

  return {
    lang, today, weekStart: ws.value as DayNumber, cadenceA: cadA, kpi, grades, tiers, complaints, industries,
    industryFilled: countFilled(cu, "industry"), funnel, closed, months, lostReasons, sources, owners, cycle, cycleByIndustry,
  };
}

/** The figures as plain numbers (what `dashboard --json` prints and the Overview tab shows). */
export interface DashboardFigures {
  readonly asOf: string;
  readonly weekStart: string;
  readonly kpi: Readonly<Record<KpiKey, number | null>>;
  readonly grades: ReadonlyArray<{ readonly grade: GradeKey; readonly count: number | null }>;
  readonly tiers: Readonly<Record<ValueTier, number | null>>;
  readonly complaints: Readonly<Record<ComplaintFigure, number | null>>;
  readonly industries: ReadonlyArray<{ readonly label: string; readonly count: number | null }>;
  readonly otherIndustries: number | null;
  readonly funnel: ReadonlyArray<{ readonly step: FunnelStep; readonly label: string; readonly count: number | null; readonly reached: number | null; readonly conversion: number | null }>;
  readonly closed: ReadonlyArray<{ readonly stage: StageKey; readonly label: string; readonly count: number | null }>;
  readonly months: ReadonlyArray<{ readonly month: string; readonly followUps: number | null; readonly won: number | null; readonly wonAmount: number | null }>;
  readonly lostReasons: ReadonlyArray<{ readonly label: string; readonly count: number | null }>;
  readonly sources: ReadonlyArray<{ readonly label: string; readonly customers: number | null; readonly won: number | null; readonly conversion: number | null }>;
  readonly owners: ReadonlyArray<{ readonly owner: string } & Readonly<Record<OwnerKey, number | null>>>;
  readonly dealCycle: { readonly count: number | null; readonly average: number | null; readonly median: number | null; readonly byIndustry: ReadonlyArray<{ readonly industry: string; readonly count: number | null; readonly average: number | null; readonly median: number | null }> };
}

/** Reached = customers at this step or a later one; conversion = reached / the previous step's reached. */
export function funnelReach(counts: ReadonlyArray<number | null>): Array<{ reached: number | null; conversion: number | null }> {
  const reached = counts.map((_c, i) => counts.slice(i).reduce<number | null>((a, c) => (a === null || c === null ? null : a + c), 0));
  return reached.map((r, i) => {
    const prev = i === 0 ? null : reached[i - 1] ?? null;
    return { reached: r, conversion: i === 0 || prev === null || r === null || prev === 0 ? null : r / prev };
  });
}

export function toFigures(m: DashboardMeasures): DashboardFigures {
  const v = (x: Measure) => x.value;
  const reach = funnelReach(m.funnel.map((f) => f.count.value));
  const topSum = m.industries.reduce<number | null>((a, g) => (a === null || g.count.value === null ? null : a + g.count.value), 0);
  return {
    asOf: formatIso(m.today),
    weekStart: formatIso(m.weekStart),
    kpi: Object.fromEntries(Object.entries(m.kpi).map(([k, x]) => [k, x.value])) as Record<KpiKey, number | null>,
    grades: m.grades.map((g) => ({ grade: g.grade, count: v(g.count) })),
    tiers: Object.fromEntries(m.tiers.map((t) => [t.tier, v(t.count)])) as Record<ValueTier, number | null>,
    complaints: { open: v(m.complaints.open), late: v(m.complaints.late) },
    industries: m.industries.map((g) => ({ label: g.label, count: v(g.count) })),
    otherIndustries: m.industryFilled.value === null || topSum === null ? null : m.industryFilled.value - topSum,
    funnel: m.funnel.map((f, i) => ({ step: f.step, label: f.label, count: v(f.count), ...(reach[i] as { reached: number | null; conversion: number | null }) })),
    closed: m.closed.map((c) => ({ stage: c.stage, label: c.label, count: v(c.count) })),
    months: m.months.map((x) => ({ month: x.month, followUps: v(x.followUps), won: v(x.won), wonAmount: v(x.wonAmount) })),
    lostReasons: m.lostReasons.map((g) => ({ label: g.label, count: v(g.count) })),
    sources: m.sources.map((g) => ({ label: g.label, customers: v(g.customers), won: v(g.won), conversion: v(g.conversion) })),
    owners: m.owners.map((o) => ({ owner: o.label, open: v(o.open), a: v(o.a), overdue: v(o.overdue), dueThisWeek: v(o.dueThisWeek), followUps7d: v(o.followUps7d), aNotContacted: v(o.aNotContacted), newThisWeek: v(o.newThisWeek) })),
    dealCycle: {
      count: v(m.cycle.count), average: v(m.cycle.average), median: m.cycle.median,
      byIndustry: m.cycleByIndustry.map((g) => ({ industry: g.label, count: v(g.count), average: v(g.average), median: g.median })),
    },
  };
}
