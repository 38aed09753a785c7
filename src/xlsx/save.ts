import * as fs from "fs";
import * as path from "path";
import { XlsxError } from "./book";
import type { Pieces } from "./zip";

/** Reads a workbook file, refusing what is not one with a clear reason. */
export function readFileChecked(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw XlsxError.of("noSuchFile", { file });
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xls") throw XlsxError.of("xlsNotSupported", { file });
  if (ext === ".csv") throw XlsxError.of("csvNotWorkbook", { file });
  const buf = readShared(file);
  // OLE2 compound files: legacy .xls, or an encrypted (password-protected) .xlsx.
  if (buf.length >= 8 && buf.readUInt32LE(0) === 0xe011cfd0 && buf.readUInt32LE(4) === 0xe11ab1a1) {
    throw XlsxError.of("encryptedOrXls", { file });
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * The whole file in memory a worker thread can read too (see `besideRead.ts`): the package is
 * read once, and no part of it is copied to be scanned on another core.
 */
function readShared(file: string): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      // At most 1 GiB a call: one read of 2 GiB or more is refused by Node.
      const n = fs.readSync(fd, buf, at, Math.min(size - at, 1 << 30), at);
      if (n === 0) break;
      at += n;
    }
    return at === size ? buf : buf.subarray(0, at);
  } finally {
    fs.closeSync(fd);
  }
}

/** writeSync may write less than asked (a full disk, a signal): the rest follows, or it throws. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/** `~$name.xlsx` beside the file means someone has it open in Excel. */
export function lockWarning(file: string): string | null {
  const lock = path.join(path.dirname(file), `~$${path.basename(file)}`);
  return fs.existsSync(lock) ? lock : null;
}

/** Hook for tests: called at each step of a save with its name; throwing there aborts the save. */
export type SaveProbe = (step: "temp-open" | "temp-written" | "before-rename") => void;

/**
 * Writes atomically: a temp file in the same folder, flushed, then renamed over the original.
 * On any error the temp file is removed and the original is untouched.
 */
export function atomicWrite(file: string, data: Uint8Array | Pieces, probe?: SaveProbe): void {
  const dir = path.dirname(path.resolve(file));
  // A file marked read-only is refused even for root, who may write anyway: the mark is the user's wish.
  if (fs.existsSync(file)) {
    let writable = (fs.statSync(file).mode & 0o222) !== 0;
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      writable = false;
    }
    if (!writable) throw XlsxError.of("readOnly", { file });
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  let fd: number | null = null;
  try {
    probe?.("temp-open");
    fd = fs.openSync(tmp, "w", 0o644);
    for (const piece of data instanceof Uint8Array ? [data] : data.pieces) writeAll(fd, piece);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    probe?.("temp-written");
    if (fs.existsSync(file)) fs.chmodSync(tmp, fs.statSync(file).mode & 0o777);
    probe?.("before-rename");
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
