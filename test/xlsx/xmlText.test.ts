import fc from "fast-check";
import { escapeText, textOf, unescapeEntities, unescapeXml } from "../../src/xlsx/xml";

// The fast paths (native replacements for named entities, a single plain run without a regular
// expression) must read exactly what the general paths read.
describe("entity and run decoding", () => {
  it("decodes the named entities of a formula, &amp; last so an escaped reference stays literal", () => {
    expect(unescapeEntities('IF($A5=&quot;&quot;,&quot;&lt;&gt;&quot;,&apos;x&apos;)')).toBe(`IF($A5="","<>",'x')`);
    expect(unescapeEntities("&amp;quot; &amp;lt; &amp;amp;")).toBe("&quot; &lt; &amp;");
  });

  it("keeps unknown entities and decodes character references alongside named ones", () => {
    expect(unescapeEntities("a &foo; b")).toBe("a &foo; b");
    expect(unescapeEntities("&#20013;&#x6587;&amp;&quot;")).toBe('中文&"');
  });

  it("reads a single run, preserved or not, with its escapes", () => {
    expect(textOf("<t>客户 &amp; 伙伴</t>")).toBe("客户 & 伙伴");
    expect(textOf('<t xml:space="preserve"> C_x0009_ </t>')).toBe(" C\t ");
    expect(textOf("<t></t>")).toBe("");
  });

  it("reads rich text, prefixed runs and phonetic runs the general way", () => {
    expect(textOf("<r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r>")).toBe("ab");
    expect(textOf("<x:t>前缀</x:t>")).toBe("前缀");
    expect(textOf("<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh>")).toBe("東京");
  });
});

describe("a cell's text written", () => {
  it("reads back as it was, whatever underscores and escapes it holds", () => {
    const piece = fc.constantFrom("_x0041_", "_x005F_", "_x0041", "_x", "_", "x0041_", "&", "<", "\t", "\u0001", "a", "中");
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join("")), (text) => {
      expect(textOf(`<t xml:space="preserve">${escapeText(text)}</t>`)).toBe(text);
      expect(unescapeXml(escapeText(text))).toBe(text);
    }), { numRuns: 2000 });
    expect(escapeText("a_x0041_b")).toBe("a_x005F_x0041_b");
  });
});
