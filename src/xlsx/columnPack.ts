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

/** What each cell is, one byte per cell. */
const KIND = { null: 0, number: 1, text: 2, true: 3, false: 4, error: 5 } as const;
const { null: NULL, number: NUMBER, text: TEXT, true: TRUE, false: FALSE, error: ERROR } = KIND;
const SEP = "\u0000";

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
  return { kinds, nums, texts: texts.join(SEP) };
}

/**
 * The cells back, appended to `into` (a column arriving in parts). A text seen before is that same string (a follow-up's customer ID, ten times
 * over): a million IDs cost the memory of the hundred thousand customers they name, and each is
 * hashed once when the grade looks it up.
 */
export function unpackColumn(p: PackedColumn, into: RawCell[] = [], seen = new Map<string, string>()): RawCell[] {
  const texts = p.texts.length === 0 && !p.kinds.some((k) => k === TEXT || k === ERROR) ? [] : p.texts.split(SEP);
  let t = 0;
  for (let i = 0; i < p.kinds.length; i++) {
    switch (p.kinds[i]) {
      case NUMBER: into.push(p.nums[i] as number); break;
      case TEXT: {
        const s = texts[t++] as string;
        if (s.length > INTERN_MAX_LEN) { into.push(s); break; }
        const hit = seen.get(s);
        if (hit === undefined && seen.size < INTERN_LIMIT) seen.set(s, s);
        into.push(hit ?? s);
        break;
      }
      case TRUE: into.push(true); break;
      case FALSE: into.push(false); break;
      case ERROR: into.push({ error: texts[t++] as string }); break;
      default: into.push(null);
    }
  }
  return into;
}
const INTERN_LIMIT = 200_000;
const INTERN_MAX_LEN = 40;

/** The numbers' buffers, to move rather than copy across threads. */
export function transferablesOf(cols: Readonly<Record<string, PackedColumn>>): ArrayBuffer[] {
  return Object.values(cols).flatMap((c) => [c.kinds.buffer as ArrayBuffer, c.nums.buffer as ArrayBuffer]);
}
