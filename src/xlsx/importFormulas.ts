import { shiftFormula } from "./formula";

/** Rows every relative reference is moved by once, to find them: far beyond any table of ours, within the sheet. */
const PROBE = 900_000;

/**
 * A calculated column's formula for any row, from the formula as the table part holds it (for its
 * first data row). The formula is parsed once (by shiftFormula, moved PROBE rows): each digit run
 * that moved is a relative row reference, kept as an offset; a row's formula is then the pieces
 * joined — the same text shiftFormula gives, at the cost of a join per row, not a parse (a Status
 * formula is several hundred characters, and an import appends tens of thousands of rows).
 * Falls back to shiftFormula per row when the probe does not read back cleanly.
 * @example formulaForRow("IF($A2=\"\",\"\",B2*$C$1)", 2)(5) // 'IF($A5="","",B5*$C$1)'
 */
export function formulaForRow(formula: string, firstRow: number): (row: number) => string {
  const moved = shiftFormula(formula, PROBE, 0);
  const texts: string[] = [];
  const rows: number[] = [];
  let i = 0, j = 0, from = 0;
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  while (i < formula.length || j < moved.length) {
    if (formula[i] === moved[j] && i < formula.length) { i++; j++; continue; }
    // A difference: it lies in a digit run; back to where that run starts (the same in both, as all before was equal).
    while (i > from && isDigit(formula[i - 1])) { i--; j--; }
    let a = i, b = j;
    while (isDigit(formula[a])) a++;
    while (isDigit(moved[b])) b++;
    const was = Number(formula.slice(i, a));
    if (a === i || b === j || Number(moved.slice(j, b)) - was !== PROBE) return (row) => shiftFormula(formula, row - firstRow, 0);
    texts.push(formula.slice(from, i));
    rows.push(was - firstRow);
    i = a; j = b; from = a;
  }
  texts.push(formula.slice(from));
  if (rows.length === 0) return () => formula;
  return (row) => {
    let out = texts[0] as string;
    for (let k = 0; k < rows.length; k++) out += String((rows[k] as number) + row) + (texts[k + 1] as string);
    return out;
  };
}
