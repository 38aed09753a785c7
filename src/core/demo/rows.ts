import type { DayNumber } from "../_lib/calendar";
import { toYmd } from "../_lib/calendar";
import type { Lang, Texts } from "../i18n/lang";
import { fill, say as catalogueSay } from "../i18n/catalogue";
import { BLANK, date, num, text, type PlanValue } from "../plan/plan";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../template/columns";
import { entryLabel, LEVELS, listDef, STAGES, TIERS, type ListKey } from "../template/lists";
import type { CustomerStory, Demo, Touch } from "./story";
import { REPS } from "./people";
import { METHOD_KEYS, SOURCE_DETAILS } from "./talk";
import { demoContactRows } from "../contacts/demoContacts";

/** Sample rows in template column order, ready for the install plan. */
export interface DemoRows {
  readonly customers: PlanValue[][];
  readonly followUps: PlanValue[][];
  /** The decision makers a main contact is not (the Contacts sheet). */
  readonly contacts?: PlanValue[][];
  /** The reps, for the Sales team list that feeds the Owner and By dropdowns. */
  readonly team: readonly string[];
}

const say = (t: Texts, lang: Lang): string => t[lang];
const entry = (key: ListKey, i: number, lang: Lang): string => {
  const e = listDef(key).entries[i];
  return e ? entryLabel(e, lang) : "";
};
const opt = (s: string | null): PlanValue => (s === null || s === "" ? BLANK : text(s));
const day = (d: DayNumber | null): PlanValue => (d === null ? BLANK : date(d));

function sourceDetail(s: CustomerStory, lang: Lang): string | null {
  const t = SOURCE_DETAILS[s.source];
  if (!t) return null;
  return fill(say(t, lang), { show: say(s.industry.show, lang), year: toYmd(s.created).year, p: say(s.industry.product, lang) });
}

function customerRow(s: CustomerStory, lang: Lang): PlanValue[] {
  const v: Record<string, PlanValue> = {
    id: text(s.id), name: text(s.name), shortName: text(s.shortName),
    type: text(entry("customerType", s.type, lang)), value: text(entryLabel(TIERS[s.tier], lang)),
    industry: text(entry("industry", s.industry.section, lang)), subIndustry: text(say(s.trade.sub, lang)),
    size: text(entry("size", s.size, lang)), province: text(say(s.province.name, lang)), city: text(say(s.city.name, lang)),
    source: text(entry("source", s.source, lang)), sourceDetail: opt(sourceDetail(s, lang)),
    contact: text(s.contact.name), title: text(say(s.contact.title, lang)), role: text(entry("role", s.contact.role, lang)),
    phone: opt(s.contact.phone), wechat: opt(s.contact.wechat), email: opt(s.contact.email),
    need: text(say(s.need, lang)), amount: s.amount === null ? BLANK : num(s.amount), closeDate: day(s.closeDate),
    fit: s.fit ? text(entryLabel(LEVELS[s.fit], lang)) : BLANK, intent: s.intent ? text(entryLabel(LEVELS[s.intent], lang)) : BLANK,
    stage: text(entryLabel(STAGES[s.stage], lang)), competitor: s.competitor ? text(say(s.competitor, lang)) : BLANK,
    wonDate: day(s.wonDate), wonAmount: s.wonAmount === null ? BLANK : num(s.wonAmount),
    lostReason: s.lostReason === null ? BLANK : text(entry("lostReason", s.lostReason, lang)),
    tags: opt(s.tags.map((t) => say(t, lang)).join(catalogueSay(lang, "meta", "listSeparator"))),
    owner: text(s.owner.name), created: date(s.created), notes: s.note ? text(say(s.note, lang)) : BLANK,
  };
  return CUSTOMER_COLUMNS.map((c) => v[c.key] ?? BLANK);
}

function followUpRow(id: string, name: string | null, t: Touch, lang: Lang): PlanValue[] {
  const v: Record<string, PlanValue> = {
    date: date(t.day), customerId: text(id), customerName: opt(name), by: text(t.by),
    method: text(entry("method", METHOD_KEYS.indexOf(t.method), lang)), summary: text(say(t.summary, lang)),
    feedback: t.feedback ? text(say(t.feedback, lang)) : BLANK, nextStep: t.nextStep ? text(say(t.nextStep, lang)) : BLANK,
    nextDate: day(t.nextDate), stageChange: t.stageChange ? text(entryLabel(STAGES[t.stageChange], lang)) : BLANK,
  };
  return FOLLOWUP_COLUMNS.map((c) => v[c.key] ?? BLANK);
}

/**
 * The demo in one language: customers in creation order, the follow-up log in date order (as a
 * team appends it). Company and people's names stay Chinese in en-US, as a China-focused team's would.
 * @example demoRows(generateDemo(opts), "en-US").customers.length // opts.customers
 */
export function demoRows(demo: Demo, lang: Lang): DemoRows {
  const customers = demo.customers.map((s) => customerRow(s, lang));
  const log: Array<{ day: number; order: number; row: PlanValue[] }> = [];
  demo.customers.forEach((s, i) => s.touches.forEach((t) => log.push({ day: t.day, order: i, row: followUpRow(s.id, s.name, t, lang) })));
  for (const x of demo.strays) log.push({ day: x.touch.day, order: demo.customers.length, row: followUpRow(x.customerId, null, x.touch, lang) });
  log.sort((a, b) => a.day - b.day || a.order - b.order);
  return { customers, followUps: log.map((x) => x.row), team: REPS.map((r) => r.name), contacts: demoContactRows(demo, lang) };
}
