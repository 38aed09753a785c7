import type { PlanValue } from "../core/plan/plan";
import { DATE_FORMAT, TEXT_FORMAT } from "../core/template/columns";
import { DATE_TIME_FORMAT } from "../core/health/columns";

/**
 * The one place that turns typed plan values into what Excel's `values`, `formulas` and
 * `numberFormat` arrays need. Text gets the Text format (`@`) in the same batch, *before* its value,
 * so `=cmd|…`, `+86…` or `2026-05-01` typed by a user stays exactly that text; dates are serials with
 * a date format; null leaves a cell untouched.
 */
export interface CellArrays {
  readonly numberFormat: (string | null)[][];
  readonly values: (string | number | boolean | null)[][];
  readonly formulas: (string | null)[][] | null;
}

export function toCellArrays(grid: ReadonlyArray<ReadonlyArray<PlanValue | null>>): CellArrays {
  const hasFormula = grid.some((row) => row.some((v) => v?.kind === "formula"));
  const numberFormat: (string | null)[][] = [];
  const values: (string | number | boolean | null)[][] = [];
  const formulas: (string | null)[][] | null = hasFormula ? [] : null;
  for (const row of grid) {
    const nf: (string | null)[] = [];
    const vs: (string | number | boolean | null)[] = [];
    const fs: (string | null)[] = [];
    for (const v of row) {
      if (v === null) { nf.push(null); vs.push(null); fs.push(null); continue; }
      switch (v.kind) {
        case "text": nf.push(TEXT_FORMAT); vs.push(v.text); fs.push(null); break;
        case "date": nf.push(v.withTime ? DATE_TIME_FORMAT : DATE_FORMAT); vs.push(v.day); fs.push(null); break;
        case "number": nf.push(null); vs.push(v.value); fs.push(null); break;
        case "formula": nf.push(null); vs.push(null); fs.push(v.formula); break;
        default: nf.push(null); vs.push(""); fs.push(null);
      }
    }
    numberFormat.push(nf);
    values.push(vs);
    formulas?.push(fs);
  }
  return { numberFormat, values, formulas };
}

/** Queues the writes for one rectangular range: formats first, then values, then formulas. */
export function queueWrite(range: Excel.Range, grid: ReadonlyArray<ReadonlyArray<PlanValue | null>>): void {
  const a = toCellArrays(grid);
  if (a.numberFormat.some((r) => r.some((x) => x !== null))) range.numberFormat = a.numberFormat;
  if (a.values.some((r) => r.some((x) => x !== null))) range.values = a.values;
  if (a.formulas) range.formulas = a.formulas;
}

/** Rough request size of a grid, for chunking under Excel on the web's 5 MB limit. */
export function estimateBytes(grid: ReadonlyArray<ReadonlyArray<PlanValue | null>>): number {
  let n = 0;
  for (const row of grid) for (const v of row) {
    if (v === null) n += 10;
    else if (v.kind === "text") n += v.text.length * 3 + 16;
    else if (v.kind === "formula") n += v.formula.length + 16;
    else n += 24;
  }
  return n;
}
