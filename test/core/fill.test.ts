import fc from "fast-check";
import { fill } from "../../src/core/i18n/catalogue";

/** The rule as first written: every `{name}` replaced by its value, an unknown name left as it is. */
const byPattern = (t: string, p: Readonly<Record<string, string | number>>) =>
  t.replace(/\{(\w+)\}/g, (m, k: string) => (Object.prototype.hasOwnProperty.call(p, k) ? String(p[k]) : m));

describe("fill", () => {
  const piece = fc.oneof(fc.constantFrom("{a}", "{b}", "{row}", "{x y}", "{", "}", "{}", "{{a}}", "第", " 行"), fc.string({ maxLength: 4 }));
  const template = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));
  const params = fc.dictionary(fc.constantFrom("a", "b", "row", "toString", "constructor"), fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant("{a}")));
  it("fills a template cut once as the pattern would, filled again and again", () => {
    fc.assert(fc.property(template, params, (t, p) => {
      expect(fill(t, p)).toBe(byPattern(t, p));
      expect(fill(t, p)).toBe(byPattern(t, p));
    }));
  });
  it("leaves a name without a value as written, and a value that looks like a name as a value", () => {
    expect(fill("第 {row} 行,{col} 列", { row: 3 })).toBe("第 3 行,{col} 列");
    expect(fill("{a}{b}", { a: "{b}", b: 1 })).toBe("{b}1");
  });
});
