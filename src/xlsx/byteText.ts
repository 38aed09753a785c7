/**
 * Byte text: a worksheet's inflated bytes seen as a string with one character per byte (Latin-1),
 * so that the scanner's `indexOf` searches run natively over the bytes, offsets are byte offsets,
 * and a row we do not change goes back out as exactly the bytes it came in as. Markup is ASCII, so
 * every tag, attribute and reference reads the same as in real text; only the values we actually
 * use are decoded from UTF-8 (`textOfBytes`), and only the cells we write are encoded
 * (`bytesOfText`). Decoding the whole sheet to text and encoding it back cost more than everything
 * else a run does, and a two-byte string per Chinese character doubled its memory.
 */

/** The bytes as byte text (one character per byte). */
export function byteTextOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** Byte text back to its bytes. */
export function bytesOfByteText(s: string): Buffer {
  return Buffer.from(s, "latin1");
}

// A byte at or above 0x80 means the text holds a multi-byte UTF-8 sequence somewhere.
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Repeated values (a stage, an owner, an industry) decoded once: a bounded map from byte text to
 * text. Its keys are copies, so a key never keeps a megabyte chunk of sheet alive.
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;
const CACHE_MAX_LEN = 48;

/**
 * Real text of some byte text (UTF-8 decoded); ASCII comes back as it is.
 * @example textOfBytes("\u00e5\u00ae\u00a2") // "客"
 */
export function textOfBytes(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  const short = s.length <= CACHE_MAX_LEN;
  if (short) {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
  }
  const text = Buffer.from(s, "latin1").toString("utf8");
  if (short && cache.size < CACHE_LIMIT) cache.set([" ", s].join("").slice(1), text);
  return text;
}

/**
 * Byte text of some real text (UTF-8 encoded): what a new cell's XML becomes before it joins the
 * rows copied from the file.
 * @example bytesOfText("客") // "\u00e5\u00ae\u00a2"
 */
export function bytesOfText(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return Buffer.from(s, "utf8").toString("latin1");
}

/** Code units decoded by `plainTextOf`, reused from call to call. */
const units: number[] = [];
const PLAIN_MAX = 256;

/**
 * The real text of byte text x[from, to) that has nothing to unescape (no "&", no "_" of an
 * `_xHHHH_` escape, no markup), decoded from UTF-8 here and returned as a string of its own (not a
 * view into `x`); null for anything else, or a sequence that is not UTF-8, which the general
 * decoding reads. Cheaper than a lookup: a text read from a cell is decoded, not looked up.
 * @example plainTextOf("<t>\u00e5\u00ae\u00a2</t>", 3, 6) // "客"
 */
export function plainTextOf(x: string, from: number, to: number): string | null {
  if (to - from > PLAIN_MAX) return null;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = x.charCodeAt(i);
    if (c < 0x80) {
      if (c === 38 || c === 95 || c === 60) return null;
      units[n++] = c;
      continue;
    }
    const c2 = x.charCodeAt(i + 1);
    if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= to || (c2 & 0xc0) !== 0x80) return null;
      units[n++] = ((c & 0x1f) << 6) | (c2 & 0x3f);
      i += 1;
      continue;
    }
    const c3 = x.charCodeAt(i + 2);
    if (c >= 0xe0 && c <= 0xef) {
      // No overlong form (E0 below A0) and no surrogate (ED from A0).
      if (i + 2 >= to || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80 || (c === 0xe0 && c2 < 0xa0) || (c === 0xed && c2 >= 0xa0)) return null;
      units[n++] = ((c & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      i += 2;
      continue;
    }
    const c4 = x.charCodeAt(i + 3);
    if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= to || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80 || (c4 & 0xc0) !== 0x80 || (c === 0xf0 && c2 < 0x90) || (c === 0xf4 && c2 >= 0x90)) return null;
      const cp = (((c & 0x07) << 18) | ((c2 & 0x3f) << 12) | ((c3 & 0x3f) << 6) | (c4 & 0x3f)) - 0x10000;
      units[n++] = 0xd800 + (cp >> 10);
      units[n++] = 0xdc00 + (cp & 0x3ff);
      i += 3;
      continue;
    }
    return null;
  }
  units.length = n;
  return String.fromCharCode.apply(null, units);
}
