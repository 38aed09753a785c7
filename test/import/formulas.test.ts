import fc from "fast-check";
import { formulaForRow } from "../../src/xlsx/importFormulas";
import { shiftFormula } from "../../src/xlsx/formula";
import { statusFormula } from "../../src/core/template/statusFormula";
import { statusColumnsAt } from "../../src/core/template/highlights";
import { contactNameFormula } from "../../src/core/contacts/template";
import { CUSTOMER_COLUMNS } from "../../src/core/template/columns";

const positions = Object.fromEntries(CUSTOMER_COLUMNS.map((d, i) => [d.key, i + 1]));

describe("a calculated column's formula for an appended row", () => {
  it.each([
    ["Status", statusFormula(statusColumnsAt(positions) as NonNullable<ReturnType<typeof statusColumnsAt>>, "2", "zh-CN")],
    ["contact name lookup", contactNameFormula("'客户信息'!", positions, 2)],
    ["references of every kind", 'IF(A2="B2",SUM(A2:B$2)+$C3+Sheet2!D9+\'x y\'!E12+F:F+3:3+T[[#This Row],[a]],LOG10(A2))'],
    ["no relative row", "SUM($A$1:$A$9)+1"],
  ])("%s: the same text shiftFormula gives, for any row", (_name, f) => {
    const at = formulaForRow(f, 2);
    fc.assert(fc.property(fc.integer({ min: 2, max: 140_000 }), (row) => { expect(at(row)).toBe(shiftFormula(f, row - 2, 0)); }), { numRuns: 200 });
    expect(at(2)).toBe(f);
  });

  it("moves the Status formula's own-row references to the row", () => {
    expect(formulaForRow('IF(AND($A2="",$B2=""),"",$X2)', 2)(50001)).toBe('IF(AND($A50001="",$B50001=""),"",$X50001)');
  });

  it("a reference that the probe would push off the sheet falls back to shifting per row", () => {
    const f = "A200000+B2";
    expect(formulaForRow(f, 2)(10)).toBe(shiftFormula(f, 8, 0));
  });
});
