import { toYmd, type DayNumber } from "../_lib/calendar";
import { perLang, type Texts } from "../i18n/lang";
import { fill } from "../i18n/catalogue";
import { defaultRules, type Rules } from "../rules/rules";
import { gradeCustomer, stageClass, type Grade } from "../grading/gradeCustomer";
import { cadenceDays, type Status } from "../followup/derive";
import { isWorkingDay, nextWorkingDay, type WorkCalendar } from "../followup/workdays";
import type { LevelKey, StageKey, TierKey } from "../template/lists";
import { between, chance, pick, rng, weighted, type Rand } from "./prng";
import { REGIONS, type City, type Province } from "./geography";
import { INDUSTRIES, type IndustryProfile, type Trade } from "./industries";
import { BRANDS, GIVEN_NAMES, REPS, SURNAMES, TITLES, type Rep } from "./people";
import { FEEDBACK, LINES, NEXT_STEPS, NOTES, TAGS, TERSE, type Line, type MethodKey, type TouchStage } from "./talk";

/** One follow-up in a customer's story. Texts are already in both languages. */
export interface Touch {
  readonly day: DayNumber;
  readonly stage: TouchStage;
  readonly method: MethodKey;
  readonly summary: Texts;
  readonly feedback: Texts | null;
  readonly nextStep: Texts | null;
  readonly nextDate: DayNumber | null;
  /** The stage the deal entered with this follow-up, when it moved. */
  readonly stageChange: StageKey | null;
  readonly by: string;
}

export interface Contact {
  readonly name: string;
  readonly title: Texts;
  /** Index in the Lists sheet's contact-role list. */
  readonly role: number;
  readonly phone: string | null;
  readonly wechat: string | null;
  readonly email: string | null;
}

/** A deliberate data problem for the check to find. */
export type Flaw = "duplicate" | "badPhone" | "badEmail" | "pastClose" | "noContact";

/**
 * A customer and everything that happened with them. Later features (contacts, complaints, pool,
 * tiers) extend this record, so the same story drives every sheet.
 */
export interface CustomerStory {
  id: string;
  created: DayNumber;
  province: Province;
  city: City;
  industry: IndustryProfile;
  trade: Trade;
  name: string;
  shortName: string;
  /** Index in the customer-type list. */
  type: number;
  tier: TierKey;
  /** Index in the company-size list. */
  size: number;
  /** Index in the lead-source list. */
  source: number;
  contact: Contact;
  need: Texts;
  amount: number | null;
  closeDate: DayNumber | null;
  fit: LevelKey | null;
  intent: LevelKey | null;
  stage: StageKey;
  owner: Rep;
  wonDate: DayNumber | null;
  wonAmount: number | null;
  /** Index in the lost-reason list. */
  lostReason: number | null;
  competitor: Texts | null;
  tags: Texts[];
  note: Texts | null;
  touches: Touch[];
  /** The status the story was written to have on `today`, and the grade it was written for. */
  intended: Status;
  grade: Grade | null;
  flaws: Flaw[];
}

/** A follow-up logged against a mistyped customer ID (a deliberate problem). */
export interface StrayTouch {
  readonly customerId: string;
  readonly touch: Touch;
}

export interface Demo {
  readonly today: DayNumber;
  readonly customers: readonly CustomerStory[];
  readonly strays: readonly StrayTouch[];
}

export interface DemoOptions {
  readonly customers: number;
  readonly today: DayNumber;
  readonly seed: number;
  readonly calendar: WorkCalendar;
}

const PATH: readonly StageKey[] = ["contacted", "qualified", "proposal", "negotiation"];
const RANK: Readonly<Record<StageKey, number>> = { lead: 0, contacted: 1, qualified: 2, proposal: 3, negotiation: 4, won: 5, afterSales: 5, lost: 3, churned: 5, invalid: 0 };
const INTENT_BY_RANK: ReadonlyArray<readonly [number, number, number]> = [[1, 3, 3], [2, 4, 3], [3, 4, 2], [4, 4, 1], [6, 3, 1], [6, 3, 1]];
/** Deal size ranges (CNY) by company size: a 30-person shop does not buy a 2-million system. */
const DEAL_BY_SIZE: ReadonlyArray<readonly [number, number]> = [[30000, 80000], [50000, 150000], [100000, 400000], [300000, 800000], [600000, 2000000]];
/** How old a customer at each stage usually is (days since created). */
const AGE: Readonly<Record<StageKey, readonly [number, number]>> = {
  lead: [0, 20], contacted: [5, 120], qualified: [20, 200], proposal: [40, 260], negotiation: [60, 300],
  won: [90, 360], afterSales: [150, 480], lost: [30, 360], churned: [300, 500], invalid: [5, 300],
};
const SOURCES: ReadonlyArray<readonly [number, number]> = [[0, 14], [1, 12], [2, 12], [3, 7], [4, 6], [5, 2], [6, 8], [7, 8], [8, 10], [9, 5], [10, 4], [12, 2]];
const LOST_REASONS: ReadonlyArray<readonly [number, number]> = [[0, 4], [1, 1], [2, 4], [3, 2], [4, 2], [5, 1]];
const CHURN_REASONS: ReadonlyArray<readonly [number, number]> = [[0, 2], [1, 4], [2, 3]];
/** Price, service and competitor losses have a named competitor. */
const WITH_COMPETITOR = new Set([0, 1, 2]);
const MOBILE_PREFIXES = ["138", "139", "136", "135", "137", "150", "151", "152", "158", "159", "186", "187", "188", "189", "180", "181", "177", "176", "199", "133"];

const levelOf = (r: Rand, w: readonly [number, number, number]): LevelKey => weighted(r, [["high", w[0]], ["medium", w[1]], ["low", w[2]]] as const);

/** A saying with `{p}` filled by the product, in every language. */
function withProduct(t: Texts, p: Texts): Texts {
  return perLang((l) => fill(t[l], { p: p[l] }));
}

class Teller {
  private readonly rules: Rules = defaultRules();
  private readonly names = new Set<string>();
  private readonly phones = new Set<string>();
  constructor(private readonly r: Rand, private readonly o: DemoOptions) {}

  /** The working day on or before d: reps log on working days. */
  private workBefore(d: number): DayNumber {
    let x = d;
    for (let i = 0; i < 30 && !isWorkingDay(x as DayNumber, this.o.calendar); i++) x--;
    return x as DayNumber;
  }
  private due(d: number): number {
    return nextWorkingDay(d as DayNumber, this.o.calendar);
  }

  private brand(tries: number): readonly [string, string] {
    const r = this.r;
    if (tries < 20) { const [b, [a, c]] = pick(r, BRANDS); return [b, `${a}${c}`]; }
    const [x, [xa]] = pick(r, BRANDS);
    const [y, [, yb]] = pick(r, BRANDS);
    return [`${x.charAt(0)}${y.charAt(1)}`, `${xa}${yb}`];
  }

  private company(city: City, trade: Trade, size: number): { name: string; shortName: string; brand: string } {
    const r = this.r;
    for (let i = 0; ; i++) {
      const [brand, py] = this.brand(i);
      // Accidental duplicates would drown the one planted on purpose: a name is used once.
      const key = `${city.short}${brand}${trade.word}`;
      if (this.names.has(key) && i < 500) continue;
      this.names.add(key);
      const suffix = size === 4 && chance(r, 0.3) ? "股份有限公司" : "有限公司";
      return { name: i < 500 ? `${key}${suffix}` : `${key}(${i})${suffix}`, shortName: `${brand}${trade.word.slice(0, 2)}`, brand: py };
    }
  }

  private phone(city: City): string {
    const r = this.r;
    for (;;) {
      const p = chance(r, 0.12)
        ? `${city.areaCode}-${between(r, 2, 8)}${String(between(r, 0, 9999999)).padStart(7, "0")}`
        : `${pick(r, MOBILE_PREFIXES)}${String(between(r, 0, 99999999)).padStart(8, "0")}`;
      if (!this.phones.has(p)) { this.phones.add(p); return p; }
    }
  }

  private contact(city: City, brandPy: string, rank: number): Contact {
    const r = this.r;
    const [sur, surPy] = pick(r, SURNAMES);
    const [given, givenPy] = pick(r, GIVEN_NAMES);
    // Early in a deal the rep talks to whoever answered; later to the person who decides.
    const role = rank >= 3 ? weighted(r, [[0, 5], [1, 3], [2, 1], [4, 1]] as const) : weighted(r, [[0, 3], [1, 3], [2, 2], [3, 2], [4, 1]] as const);
    const phone = chance(r, 0.96) ? this.phone(city) : null;
    const wechat = phone === null || chance(r, 0.45) ? (phone !== null && !phone.includes("-") && chance(r, 0.3) ? phone : `${surPy}${givenPy}${between(r, 70, 99)}`) : null;
    const email = chance(r, 0.5) ? `${surPy}${givenPy}@${brandPy}.com.cn` : null;
    return { name: `${sur}${given}`, title: pick(r, TITLES[role] ?? []), role, phone, wechat, email };
  }

  /** A line this story has not used yet where there is one: a real log rarely repeats itself word for word. */
  private line(stage: TouchStage, rep: Rep, used: ReadonlySet<Texts>): Line {
    const fresh = LINES[stage].filter((x) => !used.has(x.text));
    const lines = fresh.length > 0 ? fresh : LINES[stage];
    return weighted(this.r, lines.map((x) => [x, rep.methods[x.method] ?? 0.3] as const));
  }

  story(force: { stage?: StageKey; owner?: Rep; flaw?: Flaw }): CustomerStory {
    const r = this.r;
    const today = this.o.today;
    const owner = force.owner ?? weighted(r, REPS.map((x) => [x, x.weight] as const));
    const stage = force.stage ?? weighted(r, (Object.entries(owner.stages) as Array<[StageKey, number]>).map(([k, w]) => [k, w] as const));
    const cls = stageClass(stage);
    let intended: Status = cls === "closed" ? "closed" : "ok";
    if (cls !== "closed" && force.flaw === undefined) {
      const canSleep = ["contacted", "qualified", "won", "afterSales"].includes(stage) && owner.joinedDaysAgo === null;
      if (canSleep && chance(r, owner.dormant)) intended = "dormant";
      else if (chance(r, owner.overdue)) intended = "overdue";
    }
    const sleepy = intended === "dormant" && cls === "open";
    const industry = weighted(r, INDUSTRIES.map((x) => [x, x.weight] as const));
    const trade = pick(r, industry.trades);
    const province = weighted(r, REGIONS.map((x) => [x, x.weight] as const));
    const city = weighted(r, province.cities.map((x) => [x, x.weight] as const));
    const size = sleepy ? between(r, 0, 1) : weighted(r, industry.sizes.map((w, i) => [i, w] as const));
    const { name, shortName, brand } = this.company(city, trade, size);
    const rank = RANK[stage];
    const [lo, hi] = DEAL_BY_SIZE[size] ?? [50000, 150000];
    const deal = Math.round((lo + r() * (hi - lo)) / (size >= 3 ? 10000 : 1000)) * (size >= 3 ? 10000 : 1000);
    const tier: TierKey = !sleepy && size >= 3 && chance(r, 0.15) ? "strategic" : !sleepy && size >= 2 && chance(r, 0.3) ? "key" : "standard";
    const fit: LevelKey | null = sleepy ? pick(r, ["medium", "low"] as const) : rank === 0 && chance(r, 0.3) ? null : levelOf(r, [3, 4, 2]);
    const intent: LevelKey | null = sleepy ? "low" : rank === 0 && chance(r, 0.6) ? null : levelOf(r, INTENT_BY_RANK[Math.min(rank, 5)] ?? [1, 1, 1]);
    const amount = sleepy ? null : rank <= 1 && chance(r, 0.5) ? null : deal;
    let closeDate: DayNumber | null = null;
    if (cls === "open" && !sleepy) {
      const ahead: Readonly<Record<number, readonly [number, number]>> = { 1: [90, 200], 2: [40, 150], 3: [20, 90], 4: [5, 40] };
      const range = ahead[rank];
      if (range && (rank >= 2 || chance(r, 0.4))) closeDate = (today + between(r, range[0], range[1])) as DayNumber;
      if (force.flaw === "pastClose") closeDate = (today - between(r, 7, 20)) as DayNumber;
    }
    const reason = gradeCustomer({ stage, closeDate, amount, fit, intent, tier, override: null }, this.rules, today);
    const grade = reason?.final ?? null;
    if (sleepy && grade !== "C" && grade !== "toAssess") intended = "overdue";
    const cadence = cadenceDays(grade, cls, this.rules) ?? 30;

    // The deal's path, one entry per follow-up, in order.
    const plan: TouchStage[] = [];
    const times = () => between(r, 1, owner.perStage);
    const walk = (upTo: number) => { for (let k = 0; k <= upTo; k++) for (let n = times(); n > 0; n--) plan.push(PATH[k] as TouchStage); };
    let lostReason: number | null = null;
    if (stage === "lead") { if (chance(r, 0.35)) plan.push("attempt"); }
    else if (cls === "open") walk(PATH.indexOf(stage));
    else if (stage === "won" || stage === "afterSales" || stage === "churned") {
      walk(PATH.length - 1);
      plan.push("won");
      const after = stage === "won" ? between(r, 0, 1) : between(r, 1, 4);
      for (let n = 0; n < after; n++) plan.push("afterSales");
      if (stage === "churned") { lostReason = weighted(r, CHURN_REASONS); plan.push("churned"); }
    } else if (stage === "lost") {
      walk(between(r, 0, PATH.length - 1));
      lostReason = weighted(r, LOST_REASONS);
      plan.push("lost");
    } else {
      if (chance(r, 0.5)) plan.push("attempt");
      plan.push("invalid");
    }

    // When the last follow-up was, and what was agreed then, is what makes the status.
    let last: number;
    let lastNext: number | null = null;
    const agree = chance(r, owner.nextDateRate);
    if (intended === "closed") last = today - between(r, 3, 150);
    else if (intended === "dormant") last = today - between(r, 190, 420);
    else if (intended === "ok") {
      last = today - between(r, 0, Math.max(0, cadence - 3));
      if (agree && last + cadence >= today + 1) lastNext = between(r, today + 1, last + cadence);
    } else if (chance(r, 0.4) && cadence > 6) {
      // A promised call-back that did not happen.
      last = today - between(r, 5, Math.min(cadence - 1, 25));
      lastNext = last + between(r, 1, 2);
      // Over a long holiday the promised day may not have come due yet: then the rep simply went quiet.
      if (this.due(lastNext) >= today) { last = today - cadence - between(r, 12, 40); lastNext = null; }
    } else {
      last = today - cadence - between(r, 12, 40);
      if (agree) lastNext = last + between(r, 2, Math.max(2, cadence - 1));
    }

    // After the signing, call-backs a month or two apart, counted back from the last contact.
    const days: number[] = new Array<number>(plan.length);
    let d = this.workBefore(last);
    let k = plan.length - 1;
    for (; k >= 0 && (plan[k] === "afterSales" || plan[k] === "churned" || plan[k] === "won"); k--) {
      days[k] = d;
      d = this.workBefore(d - (plan[k] === "won" ? between(r, owner.gap[0], owner.gap[1]) : between(r, 25, 60)));
    }
    // Before it, the deal's follow-ups spread over the customer's age: a deal in negotiation is months old.
    const presale = k + 1;
    const end = presale === plan.length ? this.workBefore(last) : d;
    const [ageLo, ageHi] = AGE[stage];
    const age = Math.min(between(r, ageLo, ageHi), owner.joinedDaysAgo ?? Infinity);
    const minSpan = Math.max(0, presale - 1) * owner.gap[0];
    const first = Math.min(today - age, end - minSpan);
    for (let j = 0; j < presale; j++) {
      const step = presale > 1 ? (end - first) / (presale - 1) : 0;
      const target = j === presale - 1 ? end : first + j * step + (r() - 0.5) * step * 0.4;
      let x: number = this.workBefore(Math.round(target));
      if (j > 0 && x <= (days[j - 1] as number)) x = nextWorkingDay(((days[j - 1] as number) + 1) as DayNumber, this.o.calendar);
      days[j] = Math.min(x, end);
    }
    // Snapping to working days can squeeze two follow-ups onto one day: move the earlier one back.
    for (let j = presale - 2; j >= 0; j--) if ((days[j] as number) >= (days[j + 1] as number)) days[j] = this.workBefore((days[j + 1] as number) - 1);
    let created: number;
    if (plan.length > 0) created = this.workBefore((days[0] as number) - between(r, 0, owner.terse > 0.3 ? 6 : 2));
    else created = intended === "ok" ? this.workBefore(today - between(r, 0, 1)) : this.workBefore(today - between(r, 12, 30));

    const touches: Touch[] = [];
    const competitors = industry.competitors;
    let wonDate: DayNumber | null = null;
    const seen = new Set<TouchStage>();
    const used = new Set<Texts>();
    plan.forEach((ts, k) => {
      const day = days[k] as DayNumber;
      let line = this.line(ts, owner, used);
      // A lost deal's last note says how it was lost: to a rival, put on hold, or gone silent.
      if (ts === "lost" && lostReason !== null) line = LINES.lost[lostReason === 3 || lostReason === 4 ? 1 : lostReason === 5 ? 2 : 0] ?? line;
      const terse = TERSE[line.method];
      const vague = terse !== undefined && !used.has(terse) && PATH.includes(ts as StageKey) && chance(r, owner.terse);
      const summary = vague ? terse : withProduct(line.text, industry.product);
      used.add(vague ? terse : line.text);
      const talky = chance(r, owner.feedbackRate);
      const fb = FEEDBACK[ts];
      const feedback = ts === "lost" ? (lostReason === 0 || lostReason === 2 ? FEEDBACK.lost[0] ?? null : lostReason === 3 || lostReason === 4 ? FEEDBACK.lost[1] ?? null : null)
        : talky && fb.length > 0 ? pick(r, fb) : null;
      const ns = NEXT_STEPS[ts];
      const nextStep = talky && ns.length > 0 ? pick(r, ns) : null;
      const isLast = k === plan.length - 1;
      let nextDate: number | null = null;
      if (isLast) nextDate = cls === "closed" ? null : lastNext;
      else if (chance(r, owner.nextDateRate)) nextDate = Math.max(day + 1, (days[k + 1] as number) + between(r, -1, 2));
      const entering = ts === "attempt" || ts === "afterSales" ? (ts === "afterSales" && !seen.has("afterSales") && stage !== "won" ? "afterSales" : null) : seen.has(ts) ? null : (ts as StageKey);
      seen.add(ts);
      if (ts === "won") wonDate = day;
      touches.push({ day, stage: ts, method: line.method, summary, feedback, nextStep, nextDate: nextDate as DayNumber | null, stageChange: entering, by: owner.name });
    });

    const competitor = lostReason !== null && WITH_COMPETITOR.has(lostReason) ? pick(r, competitors)
      : (stage === "proposal" || stage === "negotiation") && chance(r, 0.3) ? pick(r, competitors) : null;
    // A discount of up to 15 %, in whole thousands and never past it: rounding 85 % of a small deal down would cut deeper.
    const wonAmount = wonDate !== null ? Math.max(Math.ceil((deal * 0.85) / 1000), Math.round((deal * (0.85 + r() * 0.15)) / 1000)) * 1000 : null;
    if (wonDate !== null) closeDate = (wonDate + between(r, -10, 15)) as DayNumber;
    else if (stage === "lost" && touches.length > 0) closeDate = ((touches[touches.length - 1] as Touch).day + between(r, 10, 60)) as DayNumber;
    const source = weighted(r, SOURCES);
    const contact = this.contact(city, brand, rank);
    const tags: Texts[] = [];
    if (intent === "high" && cls === "open") tags.push(TAGS.highIntent);
    if (lostReason === 0 || chance(r, 0.12)) tags.push(TAGS.priceSensitive);
    if (chance(r, 0.08)) tags.push(TAGS.techFirst);
    if (source === 2) tags.push(TAGS.referral);
    return {
      id: "", created: created as DayNumber, province, city, industry, trade, name, shortName,
      type: weighted(r, [[0, 90], [2, 6], [3, 4]] as const), tier, size, source, contact,
      need: pick(r, industry.needs), amount: wonDate !== null || stage === "lost" ? deal : amount, closeDate, fit, intent, stage, owner,
      wonDate, wonAmount, lostReason, competitor, tags,
      note: stage === "afterSales" && chance(r, 0.2) ? NOTES.renewal : null,
      touches, intended, grade, flaws: force.flaw ? [force.flaw] : [],
    };
  }
}

function monthOf(d: DayNumber): string {
  const { year, month } = toYmd(d);
  return `${year}${String(month).padStart(2, "0")}`;
}

/** Customers with these planted problems: only in a demo big enough that a handful is a small share. */
export const FLAWS_FROM = 20;

/**
 * A whole team's book: customers with their stories, sorted by creation and numbered as the
 * template numbers them, plus a handful of deliberate problems for the check.
 * @example generateDemo({ customers: 200, today, seed: 20260501, calendar }).customers.length // 200
 */
export function generateDemo(o: DemoOptions): Demo {
  const r = rng(o.seed);
  const teller = new Teller(r, o);
  const n = Math.max(0, Math.floor(o.customers));
  const flawed = n >= FLAWS_FROM;
  const behind = REPS.find((x) => x.overdue === Math.max(...REPS.map((y) => y.overdue)));
  const stories: CustomerStory[] = [];
  for (let i = 0; i < n; i++) {
    if (flawed && i === Math.floor(n * 0.3)) stories.push(teller.story({ stage: "negotiation", ...(behind ? { owner: behind } : {}), flaw: "pastClose" }));
    else if (flawed && i === Math.floor(n * 0.55)) {
      const s = teller.story({ stage: "lead", flaw: "noContact" });
      s.contact = { ...s.contact, phone: null, wechat: null, email: null };
      s.source = 0;
      s.note = NOTES.noContact;
      stories.push(s);
    } else stories.push(teller.story({}));
  }
  stories.sort((a, b) => a.created - b.created);
  const seq = new Map<string, number>();
  for (const s of stories) {
    const m = monthOf(s.created);
    const k = (seq.get(m) ?? 0) + 1;
    seq.set(m, k);
    s.id = `KH-${m}-${String(k).padStart(3, "0")}`;
  }
  const strays: StrayTouch[] = [];
  if (flawed) {
    // Two reps chasing one company: the newest lead is the same firm and person as an older customer.
    const dup = [...stories].reverse().find((s) => s.stage === "lead" && s.flaws.length === 0);
    const orig = dup && stories.find((s) => s.created < dup.created && s.owner !== dup.owner && s.flaws.length === 0 && s.contact.phone !== null && stageClass(s.stage) === "open");
    if (dup && orig) {
      Object.assign(dup, { name: orig.name, shortName: orig.shortName, province: orig.province, city: orig.city, industry: orig.industry, trade: orig.trade, contact: orig.contact, need: orig.need, source: 0 });
      dup.flaws.push("duplicate");
      orig.flaws.push("duplicate");
    }
    const clean = stories.filter((s) => s.flaws.length === 0);
    const phoneOne = clean.find((s, i) => i > clean.length / 3 && s.contact.phone !== null && !s.contact.phone.includes("-"));
    if (phoneOne) {
      phoneOne.contact = { ...phoneOne.contact, phone: (phoneOne.contact.phone as string).slice(0, 10) };
      phoneOne.flaws.push("badPhone");
    }
    const mailOne = clean.find((s, i) => i > clean.length / 2 && s.flaws.length === 0 && s.contact.email !== null);
    if (mailOne) {
      mailOne.contact = { ...mailOne.contact, email: (mailOne.contact.email as string).replace(/\.com\.cn$/, "") };
      mailOne.flaws.push("badEmail");
    }
    // A follow-up typed against an ID with a digit missing.
    const host = [...clean].reverse().find((s) => s.touches.length > 0 && s.flaws.length === 0 && stageClass(s.stage) === "open");
    const touch = host?.touches[host.touches.length - 1];
    if (host && touch) strays.push({ customerId: host.id.slice(0, -1), touch: { ...touch, stageChange: null, nextDate: null } });
  }
  return { today: o.today, customers: stories, strays };
}
