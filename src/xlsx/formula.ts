import { columnLetter, columnNumber } from "../core/_lib/a1";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Column number of letters in any case (formulas may be typed in lower case). */
const colNumber = (letters: string): number => columnNumber(letters.toUpperCase());

/** One reference part moved, or `#REF!` when it leaves the sheet. */
function moveCol(abs: string, letters: string, d: number): string {
  const c = abs ? colNumber(letters) : colNumber(letters) + d;
  return c < 1 || c > MAX_COL ? "#REF!" : `${abs}${abs ? letters.toUpperCase() : columnLetter(c)}`;
}
function moveRow(abs: string, digits: string, d: number): string {
  const r = abs ? Number(digits) : Number(digits) + d;
  return r < 1 || r > MAX_ROW ? "#REF!" : `${abs}${r}`;
}

/** A reference with any part off the sheet is `#REF!` as a whole, as Excel writes it. */
const whole = (ref: string) => (ref.includes("#REF!") ? "#REF!" : ref);

const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_.\\]/.test(ch);

/**
 * A formula as it reads from another cell: relative references move by `dRow` rows and `dCol`
 * columns, `$`-anchored parts stay — what a shared formula's follower means (ECMA-376 §18.3.1.40).
 * Text in quotes, quoted sheet names, structured references and function names are left alone;
 * a reference moved off the sheet becomes `#REF!`.
 * @example shiftFormula("SUM(A1:B$2)*$C3", 2, 1) // "SUM(B3:C$2)*$C5"
 * @example shiftFormula('IF(A1="B2",LOG10(A1),0)', 1, 0) // 'IF(A2="B2",LOG10(A2),0)'
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copied up to its closing quote (doubled quotes escape).
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) { j += 2; continue; }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // A structured reference (Table1[[#This Row],[Amount]]) names columns, not cells.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!isWordChar(formula[i - 1]) && formula[i - 1] !== "$") {
      const ahead = formula.slice(i, i + 24);
      const cell = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!.[])/.exec(ahead);
      if (cell && colNumber(cell[2] as string) <= MAX_COL) {
        out += whole(moveCol(cell[1] as string, cell[2] as string, dCol) + moveRow(cell[3] as string, cell[4] as string, dRow));
        i += cell[0].length;
        continue;
      }
      const cols = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(!.[])/.exec(ahead);
      if (cols && colNumber(cols[2] as string) <= MAX_COL && colNumber(cols[4] as string) <= MAX_COL) {
        out += whole(`${moveCol(cols[1] as string, cols[2] as string, dCol)}:${moveCol(cols[3] as string, cols[4] as string, dCol)}`);
        i += cols[0].length;
        continue;
      }
      const rows = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_(!.[])/.exec(ahead);
      if (rows) {
        out += whole(`${moveRow(rows[1] as string, rows[2] as string, dRow)}:${moveRow(rows[3] as string, rows[4] as string, dRow)}`);
        i += rows[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
