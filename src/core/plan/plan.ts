/**
 * The typed plan a use-case hands a door. Each value says what it is, so each door has exactly one
 * place that writes text as text, a date as a serial with a date format, and a formula as a formula.
 */
export type PlanValue =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  /** A serial; `withTime` (a complaint's clock) asks for a date-and-time format rather than a date's. */
  | { readonly kind: "date"; readonly day: number; readonly withTime?: boolean }
  | { readonly kind: "formula"; readonly formula: string }
  | { readonly kind: "blank" };

export const BLANK: PlanValue = { kind: "blank" };
export const text = (t: string): PlanValue => (t === "" ? BLANK : { kind: "text", text: t });

// Plan values are immutable, so the common ones are shared: grading 100,000 customers would
// otherwise allocate half a million identical small objects for counts and dates.
const NUMS = new Map<number, PlanValue>();
const DATES = new Map<number, PlanValue>();
export const num = (v: number | null): PlanValue => {
  if (v === null) return BLANK;
  if (!Number.isInteger(v) || v < -100_000 || v > 100_000) return { kind: "number", value: v };
  let x = NUMS.get(v);
  if (!x) { x = { kind: "number", value: v }; NUMS.set(v, x); }
  return x;
};
export const date = (d: number | null): PlanValue => {
  if (d === null) return BLANK;
  let x = DATES.get(d);
  if (!x) {
    x = { kind: "date", day: d };
    if (DATES.size < 200_000) DATES.set(d, x);
  }
  return x;
};
export const formula = (f: string): PlanValue => ({ kind: "formula", formula: f });

/** Values for one column of a table, one per data row (index 0 = first data row); null leaves a cell as it is. */
export interface ColumnWrite {
  readonly key: string;
  readonly values: ReadonlyArray<PlanValue | null>;
}

/** A single cell of a table to write (a blank ID we own, a stage change the user asked for). */
export interface CellWrite {
  readonly key: string;
  /** 0-based data row index. */
  readonly index: number;
  readonly value: PlanValue;
}

/**
 * A plan that also fills the blank Customer IDs of the rows it touches: ours to fill, written only
 * where the cell is still blank, and counted in the audit log so its row can name the customer.
 */
export interface IdFilling {
  readonly idFills: readonly CellWrite[];
}
