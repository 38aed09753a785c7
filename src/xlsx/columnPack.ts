import type { RawCell } from "../core/model/workbookModel";
import { oneCopy } from "./intern";

/**
 * A column of raw cells packed to cross from a worker thread: a kind per cell, the numbers in one
 * typed array (moved, not copied) and every text in one string with each text's length beside it.
 * Structured-cloning a million small values costs more than reading them; this costs one join on
 * one side and one cut per text on the other. Lengths, not a separator: a cell's text may hold any
 * character, U+0000 too (`_x0000_` and `&#0;` read as one).
 */
export interface PackedColumn {
  readonly kinds: Uint8Array;
  readonly nums: Float64Array;
  readonly texts: string;
  readonly lengths: Uint32Array;
}

/** What each cell is, one byte per cell. */
const KIND = { null: 0, number: 1, text: 2, true: 3, false: 4, error: 5 } as const;
const { null: NULL, number: NUMBER, text: TEXT, true: TRUE, false: FALSE, error: ERROR } = KIND;

/**
 * @example unpackColumn(packColumn(["KH-1", 45000, null, true, { error: "#N/A" }])) // the same cells
 */
export function packColumn(values: readonly RawCell[], from = 0, to = values.length): PackedColumn {
  const kinds = new Uint8Array(to - from);
  const nums = new Float64Array(to - from);
  const texts: string[] = [];
  for (let i = 0; i < to - from; i++) {
    const v = values[from + i] ?? null;
    if (v === null) kinds[i] = NULL;
    else if (typeof v === "number") { kinds[i] = NUMBER; nums[i] = v; }
    else if (typeof v === "string") { kinds[i] = TEXT; texts.push(v); }
    else if (typeof v === "boolean") kinds[i] = v ? TRUE : FALSE;
    else { kinds[i] = ERROR; texts.push(v.error); }
  }
  const lengths = new Uint32Array(texts.length);
  texts.forEach((t, i) => { lengths[i] = t.length; });
  return { kinds, nums, texts: texts.join(""), lengths };
}

/**
 * The cells back, appended to `into` (a column arriving in parts). A text seen before is that same string (a follow-up's customer ID, ten times
 * over): a million IDs cost the memory of the hundred thousand customers they name, and each is
 * hashed once when the grade looks it up.
 */
export function unpackColumn(p: PackedColumn, into: RawCell[] = [], seen = new Map<string, string>()): RawCell[] {
  let t = 0;
  let at = 0;
  const next = (): string => {
    const n = p.lengths[t++] as number;
    at += n;
    return p.texts.slice(at - n, at);
  };
  for (let i = 0; i < p.kinds.length; i++) {
    switch (p.kinds[i]) {
      case NUMBER: into.push(p.nums[i] as number); break;
      case TEXT: {
        into.push(oneCopy(seen, next()));
        break;
      }
      case TRUE: into.push(true); break;
      case FALSE: into.push(false); break;
      case ERROR: into.push({ error: next() }); break;
      default: into.push(null);
    }
  }
  return into;
}

/** The numbers' buffers, to move rather than copy across threads. */
export function transferablesOf(cols: Readonly<Record<string, PackedColumn>>): ArrayBuffer[] {
  return Object.values(cols).flatMap((c) => [c.kinds.buffer as ArrayBuffer, c.nums.buffer as ArrayBuffer, c.lengths.buffer as ArrayBuffer]);
}
