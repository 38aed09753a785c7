import type { TransformOptions } from "stream";
import * as zlib from "zlib";

/**
 * A minimal zip reader/writer for .xlsx packages that keeps every entry we do not change
 * byte-for-byte: its local header, compressed data and central-directory record are copied as
 * they are; only the entries we rewrite are deflated anew. Inflate, deflate and CRC-32 are Node's
 * native zlib; ZIP64 archives are read (sizes, offsets and entry counts past 32/16 bits).
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly flags: number;
  /** Offset of the local header in the source buffer. */
  readonly localOffset: number;
  /** The central-directory record, verbatim. */
  readonly central: Uint8Array;
  /** Where the local-header offset lives in `central`: 42, or inside the ZIP64 extra field. */
  readonly offsetField: { readonly at: number; readonly wide: boolean };
  /** The entry carries ZIP64 sizes (its data descriptor, if any, has 8-byte sizes). */
  readonly zip64: boolean;
}

export class ZipError extends Error {}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  const v = u32(b, o) + u32(b, o + 4) * 2 ** 32;
  if (!Number.isSafeInteger(v)) throw new ZipError("a ZIP64 size or offset is too large to read");
  return v;
}

/** The end-of-central-directory facts, ZIP64 ones when the classic record says "see ZIP64". */
function directory(buf: Uint8Array): { count: number; offset: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (u32(buf, i) === SIG_EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipError("not a zip file");
  let count = u16(buf, eocd + 10);
  let offset = u32(buf, eocd + 16);
  const loc = eocd - 20;
  if (loc >= 0 && u32(buf, loc) === SIG_EOCD64_LOCATOR) {
    const at = u64(buf, loc + 8);
    if (u32(buf, at) !== SIG_EOCD64) throw new ZipError("corrupt ZIP64 end of central directory");
    count = u64(buf, at + 32);
    offset = u64(buf, at + 48);
  } else if (count === MAX16 || offset === MAX32) {
    throw new ZipError("a ZIP64 archive without its ZIP64 directory record");
  }
  return { count, offset };
}

export function readEntries(buf: Uint8Array): ZipEntry[] {
  const { count, offset } = directory(buf);
  let p = offset;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (u32(buf, p) !== SIG_CENTRAL) throw new ZipError("corrupt central directory");
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const crc = u32(buf, p + 16);
    let compressedSize = u32(buf, p + 20);
    let size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    let localOffset = u32(buf, p + 42);
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    let offsetField = { at: 42, wide: false };
    let zip64 = false;
    // ZIP64 extra field: the 64-bit values, in this order, for exactly the fields that read 0xFFFFFFFF.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(buf, x);
      const len = u16(buf, x + 2);
      if (id === 0x0001) {
        zip64 = true;
        let q = x + 4;
        if (size === MAX32) { size = u64(buf, q); q += 8; }
        if (compressedSize === MAX32) { compressedSize = u64(buf, q); q += 8; }
        if (localOffset === MAX32) { localOffset = u64(buf, q); offsetField = { at: q - p, wide: true }; }
      }
      x += 4 + len;
    }
    const end = p + 46 + nameLen + extraLen + commentLen;
    entries.push({ name, method, compressedSize, size, crc, flags, localOffset, central: buf.subarray(p, end), offsetField, zip64 });
    p = end;
  }
  return entries;
}

/** Offset of an entry's stored data, past its local header. */
export function dataStart(buf: Uint8Array, e: ZipEntry): number {
  if (u32(buf, e.localOffset) !== SIG_LOCAL) throw new ZipError(`${e.name}: corrupt zip entry`);
  return e.localOffset + 30 + u16(buf, e.localOffset + 26) + u16(buf, e.localOffset + 28);
}

function rawData(buf: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new ZipError(`${e.name}: the entry is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`${e.name}: unsupported compression method ${e.method}`);
  const start = dataStart(buf, e);
  if (start + e.compressedSize > buf.length) throw new ZipError(`${e.name}: the zip entry is cut short`);
  return buf.subarray(start, start + e.compressedSize);
}

function damaged(e: ZipEntry, why: string): ZipError {
  return new ZipError(`${e.name}: the zip entry is damaged (${why})`);
}

/** The whole content of an entry, its size and CRC checked. */
export function entryBytes(buf: Uint8Array, e: ZipEntry): Uint8Array {
  const raw = rawData(buf, e);
  let out: Uint8Array;
  try {
    out = e.method === 0 ? raw : zlib.inflateRawSync(raw);
  } catch {
    throw damaged(e, "its compressed data does not inflate");
  }
  if (out.length !== e.size) throw damaged(e, "wrong size");
  if (zlib.crc32(out) !== e.crc) throw damaged(e, "CRC mismatch");
  return out;
}

export function entryText(buf: Uint8Array, e: ZipEntry): string {
  return new TextDecoder().decode(entryBytes(buf, e));
}

/**
 * The size of a streamed piece. Under V8's largest young-generation object (128 KiB), so the text
 * made of each piece dies young and is swept cheaply; megabyte pieces went straight to the
 * large-object space, which only a full collection — marking the whole model read so far — frees.
 */
export const STREAM_CHUNK = 1 << 16;

/**
 * What zlib inflates in one go on the thread pool, handed on in STREAM_CHUNK pieces. zlib starts
 * its next piece only from a turn of this thread's event loop, once per piece: with small pieces
 * the reader waited for every one of them whenever the pool's thread was not scheduled at once.
 */
const INFLATE_CHUNK = 1 << 20;

/**
 * Streams an entry's content in pieces (a sheet of hundreds of megabytes never exists whole),
 * checking size and CRC once the last piece has passed. `onChunk` may return a promise (a writer
 * waiting for its own deflate to drain); an exception from it ends the stream and is rethrown.
 */
export async function streamEntry(buf: Uint8Array, e: ZipEntry, onChunk: (chunk: Uint8Array) => void | Promise<void>): Promise<void> {
  const raw = rawData(buf, e);
  let crc = 0;
  let size = 0;
  const take = async (c: Uint8Array) => {
    if (c.length === 0) return;
    crc = zlib.crc32(c, crc);
    size += c.length;
    // Past its declared size a part is damaged: said now, not after inflating all of it.
    if (size > e.size) throw damaged(e, "wrong size");
    for (let at = 0; at < c.length; at += STREAM_CHUNK) await onChunk(c.subarray(at, Math.min(c.length, at + STREAM_CHUNK)));
  };
  if (e.method === 0) {
    const step = STREAM_CHUNK;
    for (let i = 0; i < raw.length; i += step) await take(raw.subarray(i, Math.min(raw.length, i + step)));
  } else {
    // zlib inflates on the thread pool: a few megabytes of look-ahead let it run while this thread
    // scans (a zlib stream passes stream options on; its default look-ahead is 16 KiB).
    const options: zlib.ZlibOptions & TransformOptions = { chunkSize: INFLATE_CHUNK, readableHighWaterMark: 1 << 22 };
    const inflate = zlib.createInflateRaw(options);
    let failed: unknown = null;
    inflate.end(raw);
    try {
      for await (const out of inflate) {
        try {
          await take(out as Buffer);
        } catch (err) {
          failed = err;
          break;
        }
      }
    } catch {
      throw damaged(e, "its compressed data does not inflate");
    } finally {
      inflate.destroy();
    }
    if (failed !== null) throw failed;
  }
  if (size !== e.size) throw damaged(e, "wrong size");
  if ((crc >>> 0) !== e.crc) throw damaged(e, "CRC mismatch");
}

export function crc32(data: Uint8Array, prev = 0): number {
  return zlib.crc32(data, prev);
}

/** Content already deflated (a streamed sheet), with its CRC and uncompressed size. */
export interface Deflated {
  /** The compressed bytes, whole or as the pieces zlib gave (a large sheet is never joined in memory). */
  readonly deflated: Uint8Array | readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

/**
 * A turn of the event loop. A zlib stream hands its next piece to the thread pool only from the
 * callback of the last one, which runs in such a turn: a reader busy in promise callbacks alone
 * would leave the pool idle, and inflating or deflating would wait for it instead of running beside it.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Raw deflate fed piece by piece; level 1 because a rewritten sheet is deflated on every run. */
export class DeflateStream {
  // A few megabytes may wait for the pool, so that the writer goes on while they are deflated.
  private readonly engine = zlib.createDeflateRaw({ level: 1, chunkSize: 1 << 18, writableHighWaterMark: 1 << 22 } as zlib.ZlibOptions & TransformOptions);
  private readonly chunks: Buffer[] = [];
  private crc = 0;
  private size = 0;
  /** An error zlib reported, kept from the moment it came: said by the next push or by `end`. */
  private failed: Error | null = null;

  constructor() {
    this.engine.on("data", (c: Buffer) => this.chunks.push(c));
    this.engine.on("error", (e: Error) => { this.failed ??= e; });
  }

  /** Queues a piece; resolves once zlib can take more (memory stays bounded however large the sheet). */
  async push(data: Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    if (data.length === 0) return;
    this.crc = zlib.crc32(data, this.crc);
    this.size += data.length;
    if (!this.engine.write(data)) await this.drained();
    else await nextTurn();
    if (this.failed) throw this.failed;
  }

  /** Until zlib takes more, or its stream has closed (failed). */
  private drained(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        this.engine.off("drain", done);
        this.engine.off("close", done);
        resolve();
      };
      this.engine.on("drain", done);
      this.engine.on("close", done);
    });
  }

  async end(): Promise<Deflated> {
    if (this.failed) throw this.failed;
    await new Promise<void>((resolve, reject) => {
      this.engine.once("end", () => resolve());
      this.engine.once("error", reject);
      this.engine.end();
    });
    return { deflated: this.chunks, crc: this.crc >>> 0, size: this.size };
  }
}

function deflated(input: Uint8Array | Deflated): Deflated {
  if (!(input instanceof Uint8Array)) return input;
  return { deflated: zlib.deflateRawSync(input, { level: 6 }), crc: zlib.crc32(input), size: input.length };
}

/**
 * A new package: entries listed in `replace` get the new content (deflated), entries in `add` are
 * appended, names in `remove` are dropped, and every other entry is copied verbatim.
 */
export function rebuild(buf: Uint8Array, entries: readonly ZipEntry[], replace: ReadonlyMap<string, Uint8Array | Deflated>, add: ReadonlyMap<string, Uint8Array | Deflated> = new Map(), remove: ReadonlySet<string> = new Set()): Uint8Array {
  return joinPieces(rebuildInPieces(buf, entries, replace, add, remove));
}

/** A package as the pieces it is written from, in order: saved piece by piece, never joined in memory. */
export interface Pieces {
  readonly pieces: readonly Uint8Array[];
  readonly size: number;
}

export function joinPieces(p: Pieces): Uint8Array {
  const out = new Uint8Array(p.size);
  let at = 0;
  for (const b of p.pieces) { out.set(b, at); at += b.length; }
  return out;
}

/** `rebuild`, as pieces: the verbatim entries are views of `buf`, the new ones their deflated bytes. */
export function rebuildInPieces(buf: Uint8Array, entries: readonly ZipEntry[], replace: ReadonlyMap<string, Uint8Array | Deflated>, add: ReadonlyMap<string, Uint8Array | Deflated> = new Map(), remove: ReadonlySet<string> = new Set()): Pieces {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => { parts.push(b); offset += b.length; };
  const encoder = new TextEncoder();
  const tooLarge = (what: string) => new ZipError(`${what}: the new package would pass 4 GB, which this writer does not produce`);
  const writeNew = (name: string, input: Uint8Array | Deflated) => {
    const nameBytes = encoder.encode(name);
    const d = deflated(input);
    const data = d.deflated instanceof Uint8Array ? [d.deflated] : d.deflated;
    const compressed = data.reduce((n, b) => n + b.length, 0);
    if (compressed >= MAX32 || d.size >= MAX32 || offset >= MAX32) throw tooLarge(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const dv = new DataView(local.buffer);
    dv.setUint32(0, SIG_LOCAL, true); dv.setUint16(4, 20, true); dv.setUint16(6, 0x0800, true); dv.setUint16(8, 8, true);
    dv.setUint32(14, d.crc, true); dv.setUint32(18, compressed, true); dv.setUint32(22, d.size, true);
    dv.setUint16(26, nameBytes.length, true); dv.setUint16(28, 0, true);
    local.set(nameBytes, 30);
    const at = offset;
    push(local);
    for (const b of data) push(b);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, SIG_CENTRAL, true); cv.setUint16(4, 20, true); cv.setUint16(6, 20, true); cv.setUint16(8, 0x0800, true); cv.setUint16(10, 8, true);
    cv.setUint32(16, d.crc, true); cv.setUint32(20, compressed, true); cv.setUint32(24, d.size, true);
    cv.setUint16(28, nameBytes.length, true); cv.setUint32(42, at, true);
    central.set(nameBytes, 46);
    centrals.push(central);
  };
  for (const e of entries) {
    if (remove.has(e.name)) continue;
    const content = replace.get(e.name);
    if (content) { writeNew(e.name, content); continue; }
    // Verbatim: local header + data (+ data descriptor when flagged), and the central record with the new offset.
    const start = dataStart(buf, e);
    let end = start + e.compressedSize;
    if (e.flags & 8) end += (u32(buf, end) === SIG_DESCRIPTOR ? 4 : 0) + 4 + (e.zip64 ? 16 : 8);
    const at = offset;
    push(buf.subarray(e.localOffset, end));
    const central = new Uint8Array(e.central);
    const cv = new DataView(central.buffer);
    if (e.offsetField.wide) cv.setBigUint64(e.offsetField.at, BigInt(at), true);
    else if (at >= MAX32) throw tooLarge(e.name);
    else cv.setUint32(42, at, true);
    centrals.push(central);
  }
  for (const [name, content] of add) writeNew(name, content);
  const cdStart = offset;
  for (const c of centrals) push(c);
  const cdSize = offset - cdStart;
  // The classic end record cannot say where a directory at or past 4 GB starts, and this writer
  // writes the ZIP64 one only for the entry count: refuse rather than write what no reader can open.
  if (cdStart >= MAX32 || cdSize >= MAX32) throw tooLarge("the central directory");
  // More entries than 16 bits can count: a ZIP64 end record and its locator before the classic one.
  if (centrals.length >= MAX16) {
    const rec = new Uint8Array(56 + 20);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, SIG_EOCD64, true); rv.setBigUint64(4, 44n, true); rv.setUint16(12, 45, true); rv.setUint16(14, 45, true);
    rv.setBigUint64(24, BigInt(centrals.length), true); rv.setBigUint64(32, BigInt(centrals.length), true);
    rv.setBigUint64(40, BigInt(cdSize), true); rv.setBigUint64(48, BigInt(cdStart), true);
    rv.setUint32(56, SIG_EOCD64_LOCATOR, true); rv.setBigUint64(64, BigInt(offset), true); rv.setUint32(72, 1, true);
    push(rec);
  }
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  const n16 = Math.min(centrals.length, MAX16);
  ev.setUint32(0, SIG_EOCD, true); ev.setUint16(8, n16, true); ev.setUint16(10, n16, true);
  ev.setUint32(12, cdSize, true); ev.setUint32(16, cdStart, true);
  push(eocd);
  return { pieces: parts, size: offset };
}
