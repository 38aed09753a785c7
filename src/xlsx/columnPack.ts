import type { RawCell } from "../core/model/workbookModel";

/**
 * A column of raw cells packed to cross from a worker thread: a kind per cell, the numbers in one
 * typed array (moved, not copied) and every text in one string. Structured-cloning a million
 * small values costs more than reading them; this costs one join on one side and one split on the
 * other. Texts are joined by U+0000, which XML 1.0 cannot carry, so no cell text holds one.
 */
export interface PackedColumn {
  readonly kinds: Uint8Array;
  readonly nums: Float64Array;
  readonly texts: string;
}

const NULL = 0;
const NUMBER = 1;
const TEXT = 2;
const TRUE = 3;
const FALSE = 4;
const ERROR = 5;
const SEP = "\u0000";

/**
 * @example unpackColumn(packColumn(["KH-1", 45000, null, true, { error: "#N/A" }])) // the same cells
 */
export function packColumn(values: readonly RawCell[]): PackedColumn {
  const kinds = new Uint8Array(values.length);
  const nums = new Float64Array(values.length);
  const texts: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (v === null) kinds[i] = NULL;
    else if (typeof v === "number") { kinds[i] = NUMBER; nums[i] = v; }
    else if (typeof v === "string") { kinds[i] = TEXT; texts.push(v); }
    else if (typeof v === "boolean") kinds[i] = v ? TRUE : FALSE;
    else { kinds[i] = ERROR; texts.push(v.error); }
  }
  return { kinds, nums, texts: texts.join(SEP) };
}

/**
 * The cells back. Each text is a piece of the one joined string, so a million customer IDs cost
 * a million small views, not a million copies; they stay alive together, as the table does.
 */
export function unpackColumn(p: PackedColumn): RawCell[] {
  const texts = p.texts.length === 0 && !p.kinds.some((k) => k === TEXT || k === ERROR) ? [] : p.texts.split(SEP);
  const out = new Array<RawCell>(p.kinds.length);
  let t = 0;
  for (let i = 0; i < p.kinds.length; i++) {
    switch (p.kinds[i]) {
      case NUMBER: out[i] = p.nums[i] as number; break;
      case TEXT: out[i] = texts[t++] as string; break;
      case TRUE: out[i] = true; break;
      case FALSE: out[i] = false; break;
      case ERROR: out[i] = { error: texts[t++] as string }; break;
      default: out[i] = null;
    }
  }
  return out;
}

/** The numbers' buffers, to move rather than copy across threads. */
export function transferablesOf(cols: Readonly<Record<string, PackedColumn>>): ArrayBuffer[] {
  return Object.values(cols).flatMap((c) => [c.kinds.buffer as ArrayBuffer, c.nums.buffer as ArrayBuffer]);
}
