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
