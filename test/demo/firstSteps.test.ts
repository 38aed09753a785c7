import { FIRST_STEPS, firstSteps } from "../../src/core/demo/firstSteps";
import { guideRows } from "../../src/core/template/guide";
import { sheetName } from "../../src/core/template/sheets";
import { LANGS } from "../../src/core/i18n/lang";

describe("what to try first", () => {
  it("says the same steps in both languages, with the workbook's own sheet names filled in", () => {
    expect(FIRST_STEPS["zh-CN"].steps.length).toBe(FIRST_STEPS["en-US"].steps.length);
    for (const lang of LANGS) {
      const lines = firstSteps(lang);
      expect(lines.join("\n")).not.toMatch(/\{\w+\}/);
      expect(lines.join("\n")).toContain(sheetName("customers", lang));
      expect(lines.join("\n")).toContain(sheetName("followUps", lang));
      expect(lines.slice(1).every((l, i) => l.startsWith(`${i + 1}. `))).toBe(true);
    }
    expect(firstSteps("en-US").join("\n")).not.toMatch(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/);
  });

  it("is repeated on the Guide sheet, in the workbook's language", () => {
    for (const lang of LANGS) {
      const texts = guideRows(lang).map((r) => (r.kind === "column" ? "" : r.text));
      const [title, ...steps] = firstSteps(lang);
      const at = texts.indexOf(title ?? "");
      expect(at).toBeGreaterThan(0);
      expect(texts.slice(at + 1, at + 1 + steps.length)).toEqual(steps);
    }
  });
});
