import type { TableModel } from "../model/workbookModel";
import { columnLetter, sheetColumn } from "../model/workbookModel";
import type { TableColumns } from "./_lib/columns";

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

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

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
      const set = new Set(c.values.map((v) => v.toLowerCase()));
      return (i) => { const l = col.lower[i]; return l !== null && l !== undefined && set.has(l); };
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

function evaluate(cols: TableColumns, crits: readonly Criterion[], sumKey: string | null): number {
  const tests = crits.map((c) => matcher(cols, c));
  const sum = sumKey === null ? null : cols.get(sumKey).num;
  let total = 0;
  outer: for (let i = 0; i < cols.rows; i++) {
    for (const t of tests) if (!t(i)) continue outer;
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
