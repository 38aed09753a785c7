import type { TableModel } from "../model/workbookModel";
import { columnLetter, sheetColumn } from "../model/workbookModel";
import type { TableColumns } from "./_lib/columns";
import { formulaString as quote } from "../_lib/formulaText";

/** A bound both as a number for the engine and as the formula expression the sheet recalculates. */
export interface Bound {
  readonly value: number;
  readonly formula: string;
}

/**
 * One COUNTIFS criterion over a column of our tables. The engine and the sheet are built from the
 * same criteria, so the figure the engine prints is the figure the formula computes.
 */
export type Criterion =
  /** Text equal (without case) to one of the values: a label in either language, a name's variants. */
  | { readonly kind: "anyOf"; readonly key: string; readonly values: readonly string[] }
  /** Empty cell or empty text. */
  | { readonly kind: "blank"; readonly key: string }
  /** A number compared with a bound (dates are numbers). */
  | { readonly kind: "cmp"; readonly key: string; readonly op: ">=" | "<=" | "<" | ">"; readonly bound: Bound }
  /** Anything but this text (blank cells included, as COUNTIFS has it). */
  | { readonly kind: "not"; readonly key: string; readonly value: string };

/** A figure and the formula that computes it on the sheet; formula null when a column it needs is missing. */
export interface Measure {
  readonly value: number | null;
  readonly formula: string | null;
}

export const constBound = (n: number): Bound => ({ value: n, formula: String(n) });

/** Range of a column from its first data row to the sheet's end, so rows added below are counted. */
export function columnRange(t: TableModel, key: string): string | null {
  const c = sheetColumn(t, key);
  if (c === null) return null;
  const l = columnLetter(c);
  return `${quoteSheet(t.sheetName)}!$${l}$${t.headerRow + 1}:$${l}$1048576`;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}


/**
 * Text matched exactly: operators and wildcards the user's text may hold are neutralised (a
 * leading `=` makes COUNTIFS compare for equality, `~` escapes `*` `?` `~`).
 * @example criterionText("A*B") // "=A~*B"
 */
export function criterionText(v: string): string {
  if (/^[=<>]/.test(v) || /[*?~]/.test(v)) return `=${v.replace(/[~*?]/g, (c) => `~${c}`)}`;
  return v;
}

function critFormula(c: Criterion, values?: readonly string[]): string {
  switch (c.kind) {
    case "anyOf": {
      const vs = values ?? c.values;
      return vs.length === 1 ? quote(criterionText(vs[0] as string)) : `{${vs.map((v) => quote(criterionText(v))).join(",")}}`;
    }
    case "blank": return '""';
    case "not": return quote(`<>${c.value}`);
    case "cmp": return /^-?\d+(\.\d+)?$/.test(c.bound.formula) ? quote(`${c.op}${c.bound.formula}`) : `${quote(c.op)}&(${c.bound.formula})`;
  }
}

/**
 * COUNTIFS/SUMIFS text for criteria. One criterion with several values becomes an array constant
 * inside SUM (portable: Excel, LibreOffice and WPS sum it without array entry); a second one is
 * expanded into a sum of terms, since two array constants would pair up instead of crossing.
 */
function ifsFormula(t: TableModel, fn: "COUNTIFS" | "SUMIFS", sumKey: string | null, crits: readonly Criterion[]): string | null {
  const ranges: string[] = [];
  for (const c of crits) {
    const r = columnRange(t, c.key);
    if (r === null) return null;
    ranges.push(r);
  }
  const sumRange = sumKey === null ? null : columnRange(t, sumKey);
  if (sumKey !== null && sumRange === null) return null;
  const multi = crits.map((c, i) => ({ c, i })).filter((x) => x.c.kind === "anyOf" && x.c.values.length > 1);
  // The longest list stays an array constant; the others are spelled out term by term.
  multi.sort((a, b) => (b.c as { values: readonly string[] }).values.length - (a.c as { values: readonly string[] }).values.length);
  const arrayAt = multi[0]?.i ?? -1;
  const expand = multi.slice(1);
  let combos: Array<Map<number, string>> = [new Map()];
  for (const x of expand) {
    const next: Array<Map<number, string>> = [];
    for (const m of combos) for (const v of (x.c as { values: readonly string[] }).values) next.push(new Map(m).set(x.i, v));
    combos = next;
  }
  const terms = combos.map((m) => {
    const args = crits.map((c, i) => `${ranges[i]},${critFormula(c, m.has(i) ? [m.get(i) as string] : undefined)}`);
    const call = `${fn}(${sumRange !== null ? `${sumRange},` : ""}${args.join(",")})`;
    return arrayAt >= 0 ? `SUM(${call})` : call;
  });
  return terms.join("+");
}

function matcher(cols: TableColumns, c: Criterion): (i: number) => boolean {
  const col = cols.get(c.key);
  switch (c.kind) {
    case "anyOf": {
      // Texts compared by their number in the column's dictionary: one array lookup per row.
      const wanted = new Uint8Array(col.dictionary.size + 1);
      for (const v of c.values) { const code = col.dictionary.get(v.toLowerCase()); if (code !== undefined) wanted[code] = 1; }
      const codes = col.codes;
      return (i) => { const k = codes[i] as number; return k >= 0 && wanted[k] === 1; };
    }
    case "blank": return (i) => col.blank[i] === 1;
    case "not": {
      const v = c.value.toLowerCase();
      return (i) => col.lower[i] !== v;
    }
    case "cmp": {
      const b = c.bound.value;
      const n = col.num;
      switch (c.op) {
        case ">=": return (i) => (n[i] as number) >= b;
        case "<=": return (i) => (n[i] as number) <= b;
        case "<": return (i) => (n[i] as number) < b;
        case ">": return (i) => (n[i] as number) > b;
      }
    }
  }
}

/** Rows meeting one criterion, computed once per table and criterion: the owner table repeats the same few. */
function rowsMeeting(cols: TableColumns, c: Criterion): { readonly mask: Uint8Array; readonly rows: Int32Array } {
  const key = JSON.stringify(c);
  let m = cols.masks.get(key);
  if (!m) {
    const test = matcher(cols, c);
    const mask = new Uint8Array(cols.rows);
    let n = 0;
    for (let i = 0; i < cols.rows; i++) if (test(i)) { mask[i] = 1; n++; }
    const rows = new Int32Array(n);
    for (let i = 0, k = 0; i < cols.rows; i++) if (mask[i] === 1) rows[k++] = i;
    m = { mask, rows };
    cols.masks.set(key, m);
  }
  return m;
}

function evaluate(cols: TableColumns, crits: readonly Criterion[], sumKey: string | null): number {
  const sets = crits.map((c) => rowsMeeting(cols, c)).sort((a, b) => a.rows.length - b.rows.length);
  const sum = sumKey === null ? null : cols.get(sumKey).num;
  // Walk the rarest criterion's rows and test the others: a month or an owner narrows it at once.
  const first = sets[0];
  const rest = sets.slice(1).map((x) => x.mask);
  const n = first ? first.rows.length : cols.rows;
  let total = 0;
  outer: for (let k = 0; k < n; k++) {
    const i = first ? (first.rows[k] as number) : k;
    for (const m of rest) if (m[i] === 0) continue outer;
    if (sum === null) total++;
    else { const v = sum[i] as number; if (!Number.isNaN(v)) total += v; }
  }
  return total;
}

function available(cols: TableColumns, keys: readonly string[]): boolean {
  return cols.table !== null && keys.every((k) => cols.has(k));
}

/**
 * Rows meeting every criterion, and the COUNTIFS formula that counts them on the sheet.
 * @example countIfs(customers, [{ kind: "anyOf", key: "status", values: ["逾期"] }]) // { value: 3, formula: "COUNTIFS('客户信息'!$AO$2:$AO$1048576,\"逾期\")" }
 */
export function countIfs(cols: TableColumns, crits: readonly Criterion[]): Measure {
  if (!available(cols, crits.map((c) => c.key))) return { value: null, formula: null };
  return { value: evaluate(cols, crits, null), formula: ifsFormula(cols.table as TableModel, "COUNTIFS", null, crits) };
}

/** Sum of a column over the rows meeting every criterion (numbers only, as SUMIFS has it). */
export function sumIfs(cols: TableColumns, sumKey: string, crits: readonly Criterion[]): Measure {
  if (!available(cols, [sumKey, ...crits.map((c) => c.key)])) return { value: null, formula: null };
  return { value: evaluate(cols, crits, sumKey), formula: ifsFormula(cols.table as TableModel, "SUMIFS", sumKey, crits) };
}

/** Non-empty cells of a column (COUNTA over the same range). */
export function countFilled(cols: TableColumns, key: string): Measure {
  if (!available(cols, [key])) return { value: null, formula: null };
  const f = cols.get(key).filled;
  let n = 0;
  for (let i = 0; i < cols.rows; i++) n += f[i] as number;
  return { value: n, formula: `COUNTA(${columnRange(cols.table as TableModel, key) as string})` };
}

const paren = (f: string) => (/^[A-Z]+\([^()]*\)$/.test(f) || /^[\w$!':.]+$/.test(f) ? f : `(${f})`);

export function add(...ms: readonly Measure[]): Measure {
  if (ms.some((m) => m.value === null || m.formula === null)) return { value: null, formula: null };
  return { value: ms.reduce((a, m) => a + (m.value as number), 0), formula: ms.map((m) => m.formula as string).join("+") };
}

export function subtract(a: Measure, b: Measure): Measure {
  if (a.value === null || b.value === null || a.formula === null || b.formula === null) return { value: null, formula: null };
  return { value: a.value - b.value, formula: `${a.formula}-${paren(b.formula)}` };
}

/** a / b, blank when b is 0 (no misleading 0% or #DIV/0!). */
export function ratio(a: Measure, b: Measure): Measure {
  if (a.value === null || b.value === null || a.formula === null || b.formula === null) return { value: null, formula: null };
  return { value: b.value === 0 ? null : a.value / b.value, formula: `IF(${paren(b.formula)}=0,"",${paren(a.formula)}/${paren(b.formula)})` };
}

/** A measure over cells of the dashboard itself (a sum of the rows above, a conversion rate). */
export function cellMeasure(value: number | null, formula: string): Measure {
  return { value, formula };
}
