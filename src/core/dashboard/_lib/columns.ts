import type { RawCell, TableModel } from "../../model/workbookModel";

/**
 * One column read the way COUNTIFS and SUMIFS read it, so the engine counts exactly what the
 * sheet's formulas count: text compared without case, numbers only where the cell holds a
 * number (a date typed as text is not a date to COUNTIFS), blank meaning empty or "".
 */
export class CriteriaColumn {
  /** Lower-cased text, or null when the cell is not text. */
  readonly lower: ReadonlyArray<string | null>;
  /** The number in the cell, NaN when it holds none (booleans are not numbers to COUNTIFS). */
  readonly num: Float64Array;
  /** Empty cell or empty text: what the criterion "" matches. */
  readonly blank: Uint8Array;
  /** Anything but an empty cell or empty text: what COUNTA counts. */
  readonly filled: Uint8Array;
  /** Each distinct lower-cased text numbered once; -1 where the cell is not text. */
  readonly codes: Int32Array;
  readonly dictionary = new Map<string, number>();

  constructor(cells: readonly RawCell[], n: number) {
    const lower: Array<string | null> = new Array<string | null>(n).fill(null);
    this.num = new Float64Array(n).fill(NaN);
    this.blank = new Uint8Array(n);
    this.filled = new Uint8Array(n);
    this.codes = new Int32Array(n).fill(-1);
    // Repeated labels (stages, owners) are lower-cased and numbered once each, not once per row.
    const seen = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const v = cells[i] ?? null;
      if (v === null || v === "") { this.blank[i] = 1; continue; }
      this.filled[i] = 1;
      if (typeof v === "number") this.num[i] = v;
      else if (typeof v === "string") {
        let l = seen.get(v);
        if (l === undefined) { l = v.toLowerCase(); if (seen.size < 50_000) seen.set(v, l); }
        lower[i] = l;
        let code = this.dictionary.get(l);
        if (code === undefined) { code = this.dictionary.size; this.dictionary.set(l, code); }
        this.codes[i] = code;
      }
    }
    this.lower = lower;
  }

  static empty(n: number): CriteriaColumn {
    return new CriteriaColumn([], n);
  }
}

/** A table's columns by key, each built on first use. */
export class TableColumns {
  private readonly cache = new Map<string, CriteriaColumn>();
  /** Rows meeting a criterion, by the criterion's text (see criteria.ts). */
  readonly masks = new Map<string, { readonly mask: Uint8Array; readonly rows: Int32Array }>();
  readonly rows: number;
  constructor(readonly table: TableModel | null) {
    this.rows = table?.rowCount ?? 0;
  }
  has(key: string): boolean {
    return this.table !== null && this.table.positions[key] !== undefined;
  }
  /** Replaces a column's cells with computed ones (the live Status, evaluated as the sheet evaluates it). */
  override(key: string, cells: readonly RawCell[]): void {
    this.cache.set(key, new CriteriaColumn(cells, this.rows));
    this.masks.clear();
  }
  get(key: string): CriteriaColumn {
    let c = this.cache.get(key);
    if (!c) {
      const cells = this.table?.cols[key];
      c = cells ? new CriteriaColumn(cells, this.rows) : CriteriaColumn.empty(this.rows);
      this.cache.set(key, c);
    }
    return c;
  }
}
