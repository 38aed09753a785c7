import { shiftFormula } from "../../src/xlsx/formula";
import { parseTag, setAttr, tagXml, TagError } from "../../src/xlsx/tags";
import { cellsOf, Names } from "../../src/xlsx/rows";
import { unescapeEntities } from "../../src/xlsx/xml";

describe("a shared formula read from a follower's cell", () => {
  it.each([
    ["SUM(A1:B$2)*$C3", 2, 1, "SUM(B3:C$2)*$C5"],
    ['IF(A1="B2",LOG10(A1),0)', 1, 0, 'IF(A2="B2",LOG10(A2),0)'],
    ["'My Sheet'!A1+Sheet2!$B1", 1, 1, "'My Sheet'!B2+Sheet2!$B2"],
    ["T[[#This Row],[A1]]+CRM_List1", 3, 3, "T[[#This Row],[A1]]+CRM_List1"],
    ["SUM(A:B)+SUM(1:3)", 1, 1, "SUM(B:C)+SUM(2:4)"],
    ["A1-1", -1, 0, "#REF!-1"],
    ["XFD1+1", 0, 1, "#REF!+1"],
  ])("%s moved by %i rows and %i columns is %s", (f, dr, dc, want) => {
    expect(shiftFormula(f, dr, dc)).toBe(want);
  });
});

describe("start tags and cells as ECMA-376 allows them", () => {
  it("reads either quote style, sets an attribute in place, and refuses a repeated one", () => {
    const t = parseTag(`<x:row r='5' spans="1:3" x14ac:dyDescent='0.25'>`);
    expect(t.name).toBe("x:row");
    setAttr(t, "r", "6");
    expect(tagXml(t)).toBe(`<x:row r="6" spans="1:3" x14ac:dyDescent="0.25">`);
    expect(() => parseTag(`<c r="A1" r="A2">`)).toThrow(TagError);
  });
  it("reads prefixed cells, cells without r, rich text and every cell type", () => {
    const row = `<x:row r='3'><x:c r='B3' t='s'><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r></x:is></x:c>`
      + `<x:c t="b"><x:v>1</x:v></x:c><x:c r="F3" t="e"><x:v>#N/A</x:v></x:c><x:c t="d"><x:v>2026-01-02</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c></x:row>`;
    const cells = cellsOf(row, new Names("x:"));
    expect(cells.map((c) => [c.col, c.t, c.v])).toEqual([[2, "s", "0"], [3, "inlineStr", null], [4, "b", "1"], [6, "e", "#N/A"], [7, "d", "2026-01-02"], [8, "str", "ab"]]);
    expect(cells[1]?.inline).toBe("<x:r><x:t>富</x:t></x:r>");
    expect(unescapeEntities(cells[5]?.f ?? "")).toBe('"a"&"b"');
  });
});
