/**
 * A1 references: column letters ⇄ 1-based column numbers, and cell references. Every door reads
 * and writes addresses through these, so `AA` means column 27 everywhere.
 */

/**
 * Column letters for a 1-based column number.
 * @example columnLetter(1) === "A"; columnLetter(28) === "AB"
 */
export function columnLetter(n: number): string {
  let s = "";
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/**
 * The 1-based column of the letters a reference starts with (`AB12` → 28); letters stop at the
 * first non-letter, so it reads the column of a whole reference without splitting it first.
 * @example columnNumber("AB12") === 28; columnNumber("$C$3") === 3
 */
export function columnNumber(ref: string): number {
  let col = 0;
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  return col;
}

/**
 * `AB12` (or `$AB$12`, or `Sheet1!AB12`) → `{ col: 28, row: 12 }`, 1-based; null when it is not one cell.
 * @example parseCellRef("'客户信息'!$B$7") // { col: 2, row: 7 }
 */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.slice(ref.lastIndexOf("!") + 1));
  if (!m || !m[1] || !m[2]) return null;
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

/** @example cellRef(28, 12) === "AB12" */
export function cellRef(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/**
 * A sheet name quoted for a formula: `'客户信息'!`, doubling any quote inside.
 * @example sheetRef("O'Brien") === "'O''Brien'!"
 */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/**
 * An address such as `'Tom''s 看板'!A1` split into its sheet (unquoted, null when it names none)
 * and its cells. A sheet name may itself hold "!" (only `[]:*?/\` are barred), so the address is
 * split at its last "!".
 * @example splitAddress("'看板!五月'!A1") // { sheet: "看板!五月", cells: "A1" }
 */
export function splitAddress(address: string): { readonly sheet: string | null; readonly cells: string } {
  const i = address.lastIndexOf("!");
  if (i < 0) return { sheet: null, cells: address };
  const sheet = address.slice(0, i);
  return { sheet: sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet, cells: address.slice(i + 1) };
}
