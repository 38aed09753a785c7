import fc from "fast-check";
import { parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { generateDemo, type CustomerStory } from "../../src/core/demo/story";
import { REGIONS } from "../../src/core/demo/geography";
import { INDUSTRIES } from "../../src/core/demo/industries";
import { REPS } from "../../src/core/demo/people";
import { stageClass } from "../../src/core/grading/gradeCustomer";
import { normalizeCompanyName } from "../../src/core/checks/duplicates";
import { DEFAULT_CALENDAR } from "../../src/core/usecases/grade";
import { isWorkingDay } from "../../src/core/followup/workdays";
import type { StageKey } from "../../src/core/template/lists";
import type { Lang } from "../../src/core/i18n/lang";
import type { MethodKey } from "../../src/core/demo/talk";

const TODAY = parseIsoDay("2026-12-01") as DayNumber;
const demo = (seed: number, customers = 60) => generateDemo({ customers, today: TODAY, seed, calendar: DEFAULT_CALENDAR });
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
/** Seeds that once found a defect run every time, before the random ones. */
const FOUND: [number][] = [
  [2014115569], // a 37,000 deal won at 31,000: 85 % rounded down to the thousand was a deeper discount than 15 %
];
const forAll = (check: (s: CustomerStory, all: readonly CustomerStory[]) => void) =>
  fc.assert(fc.property(seeds, (seed) => { const d = demo(seed); for (const s of d.customers) check(s, d.customers); }), { numRuns: 25, examples: FOUND });

/** The words that name a channel; a summary names its own method's channel and no other's. */
const CHANNEL: Readonly<Record<Lang, Readonly<Record<Exclude<MethodKey, "other">, RegExp>>>> = {
  "zh-CN": { phone: /电话/, visit: /上门|拜访/, customerVisit: /来我司|来访/, email: /邮件/, meeting: /线上会议/, wechat: /(?<!企业)微信/, wecom: /企业微信/ },
  "en-US": { phone: /phone call/i, visit: /visit/i, customerVisit: /came to our office/i, email: /e-mail/i, meeting: /online meeting/i, wechat: /WeChat/, wecom: /WeCom/ },
};
const ORDER: readonly StageKey[] = ["lead", "contacted", "qualified", "proposal", "negotiation", "won", "afterSales"];

describe("the demo model holds together, whatever the seed", () => {
  it("every city lies in its province, and the company carries its city; no 台湾/香港/澳门", () => {
    forAll((s) => {
      const province = REGIONS.find((p) => p.name["zh-CN"] === s.province.name["zh-CN"]);
      expect(province?.cities.map((c) => c.name["zh-CN"])).toContain(s.city.name["zh-CN"]);
      expect(s.name.startsWith(s.city.short)).toBe(true);
      expect(["台湾省", "香港特别行政区", "澳门特别行政区"]).not.toContain(s.province.name["zh-CN"]);
    });
  });

  it("the business, sub-industry and core need belong to the customer's industry", () => {
    forAll((s) => {
      const ind = INDUSTRIES.find((i) => i.key === s.industry.key);
      expect(ind?.trades).toContain(s.trade);
      expect(ind?.needs).toContain(s.need);
      expect(s.name).toContain(s.trade.word);
    });
  });

  it("every summary names its method's channel and no other's, in both languages", () => {
    forAll((s) => {
      for (const t of s.touches) {
        for (const lang of ["zh-CN", "en-US"] as const) {
          const named = (Object.entries(CHANNEL[lang]) as Array<[MethodKey, RegExp]>).filter(([, re]) => re.test(t.summary[lang])).map(([m]) => m);
          expect([t.method, lang, t.summary[lang], named]).toEqual([t.method, lang, t.summary[lang], [t.method]]);
        }
      }
    });
  });

  it("stages move forward in date order, and the last move is the customer's stage", () => {
    forAll((s) => {
      const days = s.touches.map((t) => t.day);
      expect([...days].sort((a, b) => a - b)).toEqual(days);
      expect(new Set(days).size).toBe(days.length);
      const moves = s.touches.map((t) => t.stageChange).filter((x): x is StageKey => x !== null);
      const rank = (k: StageKey) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
      for (let i = 1; i < moves.length; i++) expect(rank(moves[i] as StageKey)).toBeGreaterThan(rank(moves[i - 1] as StageKey));
      if (moves.length > 0) expect(moves[moves.length - 1]).toBe(s.stage);
      else expect(s.stage).toBe("lead");
      for (const t of s.touches) {
        expect(t.day).toBeGreaterThanOrEqual(s.created);
        expect(t.day).toBeLessThanOrEqual(TODAY);
        expect(isWorkingDay(t.day, DEFAULT_CALENDAR)).toBe(true);
        if (t.nextDate !== null) expect(t.nextDate).toBeGreaterThan(t.day);
      }
    });
  });

  it("won customers have the history that led there: won date after first contact, amount near the deal", () => {
    forAll((s) => {
      const won = s.stage === "won" || s.stage === "afterSales" || s.stage === "churned";
      expect(s.wonDate !== null).toBe(won);
      if (s.wonDate === null) return;
      const first = s.touches[0];
      expect(first).toBeDefined();
      expect(s.wonDate).toBeGreaterThanOrEqual(first?.day ?? Infinity);
      for (const k of ["contacted", "qualified", "proposal", "negotiation", "won"] as const) expect(s.touches.map((t) => t.stageChange)).toContain(k);
      expect(s.wonAmount).not.toBeNull();
      expect(s.wonAmount as number).toBeGreaterThanOrEqual((s.amount as number) * 0.84);
      expect(s.wonAmount as number).toBeLessThanOrEqual(s.amount as number);
      // After the signing every contact is an after-sales call-back.
      for (const t of s.touches.filter((x) => x.day > (s.wonDate as number))) expect(t.summary["zh-CN"]).toMatch(/回访/);
    });
  });

  it("lost and churned customers say why, and name the rival when they went to one", () => {
    forAll((s) => {
      const lost = s.stage === "lost" || s.stage === "churned";
      expect(s.lostReason !== null).toBe(lost);
      if (lost && [0, 1, 2].includes(s.lostReason as number)) expect(s.competitor).not.toBeNull();
      if (stageClass(s.stage) === "open" && !s.flaws.includes("pastClose") && s.closeDate !== null) expect(s.closeDate).toBeGreaterThanOrEqual(TODAY);
    });
  });

  it("reps differ: the diligent one agrees next dates far more often than the one falling behind", () => {
    const d = demo(20260501, 400);
    const rate = (name: string) => {
      const ts = d.customers.filter((s) => s.owner.name === name).flatMap((s) => s.touches.slice(0, -1));
      return ts.filter((t) => t.nextDate !== null).length / Math.max(1, ts.length);
    };
    const [diligent, behind] = [REPS[0]?.name ?? "", REPS[2]?.name ?? ""];
    expect(rate(diligent)).toBeGreaterThan(0.8);
    expect(rate(behind)).toBeLessThan(0.35);
    expect(new Set(d.customers.map((s) => s.owner.name)).size).toBe(REPS.length);
  });

  it("a seed reproduces the same book; another seed tells other stories; --customers scales", () => {
    const a = demo(7, 80);
    expect(demo(7, 80)).toEqual(a);
    expect(demo(8, 80).customers.map((s) => s.name)).not.toEqual(a.customers.map((s) => s.name));
    expect(demo(7, 1000).customers).toHaveLength(1000);
    expect(new Set(demo(7, 1000).customers.map((s) => s.id)).size).toBe(1000);
  });
});

describe("a big demo", () => {
  it("keeps company names and phones unique, apart from the one planted duplicate", () => {
    const d = demo(11, 3000);
    const norm = (n: string) => normalizeCompanyName(n);
    const byName = new Map<string, number>();
    for (const s of d.customers) byName.set(norm(s.name), (byName.get(norm(s.name)) ?? 0) + 1);
    const twice = [...byName.entries()].filter(([, n]) => n > 1).map(([k]) => k);
    expect(twice).toEqual(d.customers.filter((s) => s.flaws.includes("duplicate")).slice(0, 1).map((s) => norm(s.name)));
    const phones = d.customers.map((s) => s.contact.phone).filter((p): p is string => p !== null);
    expect(phones.length - new Set(phones).size).toBe(1);
    expect(d.customers.filter((s) => /\(\d+\)/.test(s.name))).toEqual([]);
  });
});
