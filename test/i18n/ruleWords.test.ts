import { RULE_DEFS, cadenceWords, ruleDefault } from "../../src/core/rules/ruleDefs";
import { SHEETS, sheetKeyOf } from "../../src/core/template/sheets";
import { CATALOGUES } from "../../src/core/i18n/catalogue";
import { LANGS } from "../../src/core/i18n/lang";

describe("the Rules sheet's words come from the catalogues", () => {
  it("writes a cadence in words, and any other number of days as a number", () => {
    expect([cadenceWords(7, "zh-CN"), cadenceWords(14, "zh-CN"), cadenceWords(30, "zh-CN"), cadenceWords(10, "zh-CN")]).toEqual(["每周", "每两周", "每月", "每10天"]);
    expect([cadenceWords(7, "en-US"), cadenceWords(21, "en-US")]).toEqual(["weekly", "every 21 days"]);
  });
  it.each(LANGS)("%s: the cadence notes quote the rule defaults", (lang) => {
    for (const key of ["cadenceA", "cadenceB", "cadenceC"] as const) {
      const def = RULE_DEFS.find((r) => r.key === key);
      expect(def?.note[lang]).toContain(cadenceWords(ruleDefault(key), lang));
      expect(def?.note[lang]).not.toContain("{");
    }
  });
  it.each(LANGS)("%s: every rule's label and note is the catalogue's", (lang) => {
    const words = CATALOGUES[lang].rules as Readonly<Record<string, string>>;
    for (const r of RULE_DEFS) expect(r.label[lang]).toBe(words[`${r.key}.label`]);
  });
  it("recognises a sheet by its name in any shipped language", () => {
    for (const def of Object.values(SHEETS)) for (const l of LANGS) expect(sheetKeyOf(` ${def.name[l].toUpperCase()} `)).toBe(def.key);
  });
});
