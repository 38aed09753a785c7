import type { DayNumber } from "../_lib/calendar";
import type { Issue } from "../issues/issue";
import type { Rules } from "../rules/rules";
import type { Status } from "../followup/derive";
import type { Lang } from "../i18n/lang";
import { cell, type TableModel, type WorkbookModel } from "../model/workbookModel";
import { parseAmount, parseDate, parseText } from "../model/parse";
import { stageClass } from "../grading/gradeCustomer";
import { headerLookup, type CustomerRecord } from "../model/customers";
import { idKey } from "../followup/history";
import { IssueSink } from "../issues/issueSink";
import { text, type PlanValue } from "../plan/plan";
import { COMPLAINT_COLUMNS } from "./columns";
import { complaintStats, NO_COMPLAINTS, readComplaints, type ComplaintState, type ComplaintStats } from "./complaints";
import { valueTier, type TierResult } from "./valueTier";
import { isLate, isOpen } from "./complaintStatus";
import { renderTierReason } from "./tierReason";
import { healthText } from "./messages";
import type { ValueTier } from "./types";
import type { WallTime } from "./wallClock";

function factKey(f: TierResult["facts"][number]): string {
  switch (f.kind) {
    case "complaints":
      return `c${f.count}/${f.days}`;
    case "late":
      return `l${f.count}`;
    case "wonAmount":
      return `w${f.amount}/${f.days}`;
    case "pipeline":
      return `p${f.amount}/${f.days}`;
    default:
      return f.kind;
  }
}

/** Customer columns the tier reads beyond what grading reads. */
export const TIER_READ_KEYS = ["need", "wonAmount", "wonDate", "intent", "value"] as const;

export interface HealthSummary {
  readonly byTier: Readonly<Record<ValueTier | "none", number>>;
  readonly complaints: { readonly total: number; readonly open: number; readonly late: number };
}

/**
 * The complaint side of one grading run: every complaint's status at `now`, counts per customer,
 * and a way to tier each customer once its follow-up status is known.
 */
export class HealthRun {
  readonly states: readonly ComplaintState[];
  readonly issues: readonly Issue[];
  private readonly byCustomer: Map<string, ComplaintStats>;
  private readonly sink: IssueSink;
  private readonly byTier: Record<ValueTier | "none", number> = { risk: 0, highValue: 0, potential: 0, dormant: 0, standard: 0, none: 0 };
  private readonly labels = new Map<string, PlanValue>();
  /** Reasons repeat (一般, 沉睡, 战略客户): rendered once per distinct set of facts. */
  private readonly reasons = new Map<string, PlanValue>();

  constructor(
    model: WorkbookModel,
    private readonly customers: TableModel,
    private readonly rules: Rules,
    private readonly today: DayNumber,
    now: WallTime,
  ) {
    const t = model.complaints ?? null;
    const cSink = t ? new IssueSink(t, headerLookup(t, model.lang, [...COMPLAINT_COLUMNS])) : null;
    const { byCustomer, states } = complaintStats(readComplaints(t, cSink), rules, now);
    this.byCustomer = byCustomer;
    this.states = states;
    this.sink = new IssueSink(customers, headerLookup(customers, model.lang));
    this.issues = cSink?.issues ?? [];
  }

  /** Unreadable won amounts and dates met while tiering (grading reports the rest). */
  get customerIssues(): readonly Issue[] {
    return this.sink.issues;
  }

  complaintsOf(id: string): ComplaintStats {
    return this.byCustomer.get(idKey(id)) ?? NO_COMPLAINTS;
  }

  /** Tiers one customer; null for closed stages. */
  tier(c: CustomerRecord, id: string, status: Status): TierResult | null {
    const t = this.customers;
    const i = c.index;
    const raw = (k: string) => cell(t, k, i);
    const s = this.complaintsOf(id);
    const r = valueTier(
      {
        stage: stageClass(c.stage),
        intent: c.intent,
        accountTier: c.tier,
        need: parseText(raw("need")),
        amount: c.amount,
        closeDate: c.closeDate,
        wonAmount: this.sink.take(parseAmount(raw("wonAmount")), "wonAmount", i, "unreadableAmount", raw("wonAmount")),
        wonDate: this.sink.take(parseDate(raw("wonDate")), "wonDate", i, "unreadableDate", raw("wonDate")),
        status,
        complaints: { recent: s.recent, late: s.late },
      },
      this.rules,
      this.today,
    );
    this.byTier[r?.tier ?? "none"]++;
    return r;
  }

  /** The two cells the Customers table shows: tier label and reason. */
  cells(r: TierResult | null, lang: Lang): { tier: PlanValue; reason: PlanValue } {
    if (!r) return { tier: text(""), reason: text("") };
    const key = `${r.tier}|${lang}`;
    let label = this.labels.get(key);
    if (!label) {
      label = text(healthText(lang).tier[r.tier]);
      this.labels.set(key, label);
    }
    const rkey = `${lang}|${r.applies.join(",")}|${r.facts.map(factKey).join(",")}`;
    let reason = this.reasons.get(rkey);
    if (!reason) {
      reason = text(renderTierReason(r, lang));
      if (this.reasons.size < 50_000) this.reasons.set(rkey, reason);
    }
    return { tier: label, reason };
  }

  summary(): HealthSummary {
    let open = 0;
    let late = 0;
    for (const s of this.states) {
      if (isOpen(s.status)) open++;
      if (isLate(s.status)) late++;
    }
    return { byTier: { ...this.byTier }, complaints: { total: this.states.length, open, late } };
  }
}
