import { inflateSync, deflateSync } from "fflate";

/**
 * A minimal zip reader/writer for .xlsx packages that keeps every entry we do not change
 * byte-for-byte: its local header, compressed data and central-directory record are copied as
 * they are; only the entries we rewrite are deflated anew.
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
}

export class ZipError extends Error {}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
}

export function readEntries(buf: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (u32(buf, i) === SIG_EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipError("not a zip file");
  const count = u16(buf, eocd + 10);
  let p = u32(buf, eocd + 16);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (u32(buf, p) !== SIG_CENTRAL) throw new ZipError("corrupt central directory");
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const crc = u32(buf, p + 16);
    const compressedSize = u32(buf, p + 20);
    const size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    const localOffset = u32(buf, p + 42);
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    const end = p + 46 + nameLen + extraLen + commentLen;
    entries.push({ name, method, compressedSize, size, crc, flags, localOffset, central: buf.subarray(p, end) });
    p = end;
  }
  return entries;
}

/** Offset of an entry's stored data, past its local header. */
export function dataStart(buf: Uint8Array, e: ZipEntry): number {
  if (u32(buf, e.localOffset) !== SIG_LOCAL) throw new ZipError(`corrupt entry ${e.name}`);
  return e.localOffset + 30 + u16(buf, e.localOffset + 26) + u16(buf, e.localOffset + 28);
}

export function entryBytes(buf: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new ZipError("encrypted");
  const start = dataStart(buf, e);
  const raw = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method === 8) return inflateSync(raw, { out: new Uint8Array(e.size) });
  throw new ZipError(`unsupported compression ${e.method} in ${e.name}`);
}

export function entryText(buf: Uint8Array, e: ZipEntry): string {
  return new TextDecoder().decode(entryBytes(buf, e));
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
export function crc32(data: Uint8Array): number {
  return crc32Final(crc32Update(0xffffffff, data));
}
/** Incremental CRC-32: start with 0xffffffff, update per chunk, finish with crc32Final. */
export function crc32Update(c0: number, data: Uint8Array): number {
  let c = c0;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return c;
}
export function crc32Final(c: number): number {
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A new package: entries listed in `replace` get the new content (deflated), entries in `add` are
 * appended, names in `remove` are dropped, and every other entry is copied verbatim.
 */
/** Content already deflated (a streamed sheet), with its CRC and uncompressed size. */
export interface Deflated {
  readonly deflated: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

export function rebuild(buf: Uint8Array, entries: readonly ZipEntry[], replace: ReadonlyMap<string, Uint8Array | Deflated>, add: ReadonlyMap<string, Uint8Array | Deflated> = new Map(), remove: ReadonlySet<string> = new Set()): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => { parts.push(b); offset += b.length; };
  const encoder = new TextEncoder();
  const writeNew = (name: string, input: Uint8Array | Deflated) => {
    const nameBytes = encoder.encode(name);
    const pre = input instanceof Uint8Array ? null : input;
    const data = pre ? pre.deflated : deflateSync(input as Uint8Array, { level: 6 });
    const crc = pre ? pre.crc : crc32(input as Uint8Array);
    const content = { length: pre ? pre.size : (input as Uint8Array).length };
    const local = new Uint8Array(30 + nameBytes.length);
    const dv = new DataView(local.buffer);
    dv.setUint32(0, SIG_LOCAL, true); dv.setUint16(4, 20, true); dv.setUint16(6, 0x0800, true); dv.setUint16(8, 8, true);
    dv.setUint32(14, crc, true); dv.setUint32(18, data.length, true); dv.setUint32(22, content.length, true);
    dv.setUint16(26, nameBytes.length, true); dv.setUint16(28, 0, true);
    local.set(nameBytes, 30);
    const at = offset;
    push(local);
    push(data);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, SIG_CENTRAL, true); cv.setUint16(4, 20, true); cv.setUint16(6, 20, true); cv.setUint16(8, 0x0800, true); cv.setUint16(10, 8, true);
    cv.setUint32(16, crc, true); cv.setUint32(20, data.length, true); cv.setUint32(24, content.length, true);
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
    if (e.flags & 8) end += u32(buf, end) === 0x08074b50 ? 16 : 12;
    const at = offset;
    push(buf.subarray(e.localOffset, end));
    const central = new Uint8Array(e.central);
    new DataView(central.buffer).setUint32(42, at, true);
    centrals.push(central);
  }
  for (const [name, content] of add) writeNew(name, content);
  const cdStart = offset;
  for (const c of centrals) push(c);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, SIG_EOCD, true); ev.setUint16(8, centrals.length, true); ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, offset - cdStart, true); ev.setUint32(16, cdStart, true);
  push(eocd);
  const out = new Uint8Array(offset);
  let p = 0;
  for (const b of parts) { out.set(b, p); p += b.length; }
  return out;
}
