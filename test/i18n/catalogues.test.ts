import { CATALOGUES, fill, say, type Section } from "../../src/core/i18n/catalogue";
import { LANGS, localeLang } from "../../src/core/i18n/lang";
import { EN_US } from "../../src/core/i18n/locales/en-US";
import { formatAmountShort, thresholdAmount } from "../../src/core/i18n/messages";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../../src/core/template/columns";
import { CONTACT_COLUMNS } from "../../src/core/contacts/columns";
import { COMPLAINT_COLUMNS } from "../../src/core/health/columns";
import { columnOf } from "../../src/core/template/columnDef";
import { entryKey, entryLabel, listDef, STAGES, type ListEntry } from "../../src/core/template/lists";

const params = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();

describe("message catalogues", () => {
  it.each(LANGS)("%s has every section and key of the reference, and no other", (lang) => {
    const c = CATALOGUES[lang] as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(c).sort()).toEqual(Object.keys(EN_US).sort());
    for (const s of Object.keys(EN_US) as Section[]) expect([s, Object.keys(c[s] ?? {}).sort()]).toEqual([s, Object.keys(EN_US[s]).sort()]);
  });
  it.each(LANGS)("%s: every text is a non-empty string with the reference's parameters", (lang) => {
    for (const s of Object.keys(EN_US) as Section[]) {
      for (const [k, ref] of Object.entries(EN_US[s]) as Array<[string, string]>) {
        const v = (CATALOGUES[lang][s] as Readonly<Record<string, unknown>>)[k];
        expect([s, k, typeof v, v === ""]).toEqual([s, k, "string", false]);
        expect([s, k, params(v as string)]).toEqual([s, k, params(ref)]);
      }
    }
  });
  it.each(LANGS)("%s: settings are what the code reads them as", (lang) => {
    const st = CATALOGUES[lang].settings;
    for (const n of [st.amountBigFrom, st.amountMidFrom, st.dayDigits]) expect(Number.isInteger(Number(n)) && Number(n) > 0).toBe(true);
    expect(["short", "grouped"]).toContain(st.amountThresholdStyle);
    for (const list of ["months", "shortMonths"] as const) expect(CATALOGUES[lang].calendar[list].split(",")).toHaveLength(12);
    for (const list of ["days", "shortDays"] as const) expect(CATALOGUES[lang].calendar[list].split(",")).toHaveLength(7);
  });
  it("fills parameters, leaving unknown ones visible", () => {
    expect(fill("第 {row} 行,下次 {next}", { row: 3, next: "5月1日" })).toBe("第 3 行,下次 5月1日");
    expect(fill("{a} {b}", { a: 1 })).toBe("1 {b}");
    expect(say("zh-CN", "cli", "noProblems", { file: "a.xlsx" })).toBe("a.xlsx:未发现问题。");
  });
  it("writes amounts in each language's own scales", () => {
    expect([formatAmountShort(200000, "zh-CN"), formatAmountShort(120000000, "zh-CN"), formatAmountShort(800, "zh-CN")]).toEqual(["20万", "1.2亿", "800元"]);
    expect([formatAmountShort(200000, "en-US"), formatAmountShort(120000000, "en-US"), formatAmountShort(800, "en-US")]).toEqual(["200k", "120M", "800"]);
    expect([thresholdAmount(500000, "zh-CN"), thresholdAmount(1234567, "en-US")]).toEqual(["50万", "1,234,567"]);
  });
  it("takes the user's language from the locale, most specific variable first", () => {
    expect(localeLang({ LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(localeLang({ LANG: "zh_CN.UTF-8", LC_ALL: "en_GB.UTF-8" })).toBe("en-US");
    expect(localeLang({ LC_MESSAGES: "zh_TW", LANG: "C" })).toBe("zh-CN");
    expect(localeLang({ LANG: "C" })).toBe("en-US");
    expect(localeLang({})).toBe("en-US");
  });
});

describe("texts that state a rule quote the rule's default", () => {
  it("a changed default changes the Guide and the prompts with it", () => {
    jest.isolateModules(() => {
      jest.doMock("../../src/core/rules/ruleDefs", () => {
        const actual = jest.requireActual("../../src/core/rules/ruleDefs");
        const changed = { importanceA: 800000, urgencyADays: 21, dormantDays: 120, gradeA: 2.6, firstContactDays: 3 } as Record<string, number>;
        const RULE_DEFS = actual.RULE_DEFS.map((r: { key: string }) => (r.key in changed ? { ...r, defaultValue: changed[r.key] } : r));
        return { ...actual, RULE_DEFS, ruleDefault: (k: string) => Number(RULE_DEFS.find((r: { key: string }) => r.key === k).defaultValue) };
      });
      const { guideRows } = jest.requireActual("../../src/core/template/guide");
      const { CUSTOMER_COLUMNS } = jest.requireActual("../../src/core/template/columns");
      const zh = (guideRows("zh-CN") as Array<{ text?: string }>).map((r) => r.text ?? "").join("\n");
      const en = (guideRows("en-US") as Array<{ text?: string }>).map((r) => r.text ?? "").join("\n");
      expect(zh).toContain("≥80万为A");
      expect(zh).toContain("21天内为A");
      expect(zh).toContain("沉睡:120天");
      expect(zh).toContain("≥2.6为A");
      expect(en).toContain("≥ 800,000 is A");
      const prompt = (key: string) =>
        (CUSTOMER_COLUMNS as Array<{ key: string; prompt?: { text: Record<string, string> } }>).find((c) => c.key === key)?.prompt?.text;
      expect(prompt("amount")?.["zh-CN"]).toContain("≥80万为A");
      expect(prompt("closeDate")?.["zh-CN"]).toContain("21天内为A,22-90天为B");
      expect(prompt("closeDate")?.["en-US"]).toContain("Within 21 days is A, 22-90 B");
      expect(prompt("created")?.["zh-CN"]).toContain("建档后3天内");
    });
  });
});

describe("template words live in the catalogues", () => {
  const tables = { customers: CUSTOMER_COLUMNS, followups: FOLLOWUP_COLUMNS, contacts: CONTACT_COLUMNS, complaints: COMPLAINT_COLUMNS };

  it.each(Object.entries(tables))("every %s column has a header, and its prompt and alert, in every language", (_, columns) => {
    for (const c of columns) {
      for (const lang of LANGS) {
        expect(c.header[lang]).not.toBe("");
        if (c.prompt) expect([c.prompt.title[lang], c.prompt.text[lang]]).not.toContain("");
        if (c.error) expect(c.error[lang]).not.toBe("");
      }
    }
  });

  it("every column key of the catalogue names a column, so no word is left behind when a column goes", () => {
    const ids = new Set(Object.entries(tables).flatMap(([t, cols]) => cols.map((c) => `${t}.${c.key}`)));
    const orphans = Object.keys(CATALOGUES["en-US"].columns).map((k) => k.split(".").slice(0, 2).join(".")).filter((k) => !ids.has(k));
    expect(orphans).toEqual([]);
  });

  it("a column without words fails when its module loads, not in a user's workbook", () => {
    expect(() => columnOf("customers")("noSuchColumn", "text", 8)).toThrow("no words for column customers.noSuchColumn");
  });

  it("list entries come from the catalogue in the workbook's language, and keep their key", () => {
    expect(entryLabel(STAGES.lead, "zh-CN")).toBe(CATALOGUES["zh-CN"].listEntries["stage.lead"]);
    expect(entryLabel(STAGES.lead, "en-US")).toBe("Lead");
    expect(entryKey(STAGES.lead)).toBe("lead");
    expect(listDef("industry").entries.map(entryKey)).toEqual("ABCDEFGHIJKLMNOPQRST".split(""));
    expect(entryKey(listDef("gradeOverride").entries[0] as ListEntry)).toBe("A");
  });
});
