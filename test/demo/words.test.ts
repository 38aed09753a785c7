/**
 * The demo's words are a catalogue of their own (DEMO_CATALOGUES, apart from the product's CATALOGUES
 * so the task pane does not ship them); the demo's modules hold structure and find their texts by key. A gap in a numbered list would silently shorten it, and a text no structure
 * reaches would be a translator's wasted work: both fail here.
 */
import { DEMO_EN_US } from "../../src/core/i18n/locales/demo.en-US";
import { LANGS, type Texts } from "../../src/core/i18n/lang";
import { FEEDBACK, LINES, NEXT_STEPS, NOTES, SOURCE_DETAILS, TAGS, TERSE } from "../../src/core/demo/talk";
import { INDUSTRIES } from "../../src/core/demo/industries";
import { REGIONS } from "../../src/core/demo/geography";
import { TITLES } from "../../src/core/demo/people";
import { DEMO_CATALOGUES, demoList, demoText, pairedList } from "../../src/core/demo/words";

const KEYS = Object.keys(DEMO_EN_US);
const params = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
const pairOf = (t: Texts) => LANGS.map((l) => t[l]).join("\u0000");

it("numbered lists run from 1 without a gap", () => {
  const gaps = KEYS.flatMap((k) => {
    const m = /^(.*)\.(\d+)$/.exec(k);
    if (!m) return [];
    const n = Number(m[2]);
    return n > 1 && !KEYS.includes(`${m[1]}.${n - 1}`) ? [k] : [];
  });
  expect(KEYS.filter((k) => /\.\d+$/.test(k)).length).toBeGreaterThan(100);
  expect(gaps).toEqual([]);
});

it("every demo text is reached by the demo's structure (the province names are the Lists sheet's own)", () => {
  const reached = new Set<string>();
  const add = (t: Texts | undefined) => t && reached.add(pairOf(t));
  for (const lines of Object.values(LINES)) for (const l of lines) add(l.text);
  for (const list of [...Object.values(FEEDBACK), ...Object.values(NEXT_STEPS)]) list.forEach(add);
  [...Object.values(TERSE), ...Object.values(TAGS), ...Object.values(NOTES), ...Object.values(SOURCE_DETAILS)].forEach(add);
  for (const i of INDUSTRIES) [i.product, i.show, ...i.needs, ...i.competitors, ...i.trades.map((t) => t.sub)].forEach(add);
  for (const p of REGIONS) p.cities.forEach((c) => add(c.name));
  TITLES.flat().forEach(add);
  const unreached = KEYS.filter((k) => !reached.has(pairOf(demoText(k))));
  expect(unreached).toEqual([]);
});

it("looks texts up in every shipped language, and refuses a key or a count the catalogue does not have", () => {
  expect(demoText("competitor.yonyou")).toEqual(Object.fromEntries(LANGS.map((l) => [l, DEMO_CATALOGUES[l]["competitor.yonyou"]])));
  expect(demoList("talk.attempt").map((t) => t["en-US"])).toEqual([DEMO_EN_US["talk.attempt.1"], DEMO_EN_US["talk.attempt.2"]]);
  expect(demoList("talk.nowhere")).toEqual([]);
  expect(() => demoText("competitor.nobody")).toThrow("competitor.nobody");
  expect(() => pairedList("talk.attempt", ["phone"])).toThrow("2 texts for 1 items");
});

// The product catalogues' checks (test/i18n/catalogues.test.ts) no longer see these words: the same checks here.
it.each(LANGS)("%s has every demo key of the reference and no other, each a non-empty text with the reference's parameters", (lang) => {
  const words = DEMO_CATALOGUES[lang] as Readonly<Record<string, unknown>>;
  expect(Object.keys(words).sort()).toEqual([...KEYS].sort());
  for (const k of KEYS) {
    const v = words[k];
    expect([k, typeof v, v === ""]).toEqual([k, "string", false]);
    expect([k, params(v as string)]).toEqual([k, params((DEMO_EN_US as Readonly<Record<string, string>>)[k] as string)]);
  }
});
