import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import type { Book } from "./book";
import { XlsxError } from "./errors";
import type { Found, Located } from "./read";
import type { RawCell, TableModel } from "../core/model/workbookModel";
import { unpackColumn, type PackedColumn } from "./columnPack";
import type { TableJob, TableReply } from "./tableWorker";

/**
 * Below this many bytes of sheet XML a table is read on the main thread. Measured on two cores: a
 * 32 MB log (10k customers × 100k follow-ups) gains nothing from a worker — the thread pool's
 * inflate already keeps the second core half busy, and the worker costs some 40 ms to start — while
 * a 320 MB one (100k × 1M) is read half a second sooner.
 */
export const BESIDE_MIN_BYTES = 64 << 20;

/** The threshold in force: `CRM_SHEETS_THREAD_MIN_BYTES` overrides it (0: always a worker; a huge number: never). */
function minBytes(): number {
  const v = Number(process.env.CRM_SHEETS_THREAD_MIN_BYTES);
  return process.env.CRM_SHEETS_THREAD_MIN_BYTES !== undefined && Number.isFinite(v) && v >= 0 ? v : BESIDE_MIN_BYTES;
}

export interface BesideOptions {
  readonly formulaMarks?: readonly string[];
  /** The worker's compiled script (tests point at the built one). */
  readonly script?: string;
  /** Values per part sent back (tests send small parts). */
  readonly partValues?: number;
  /**
   * The same read on this thread, for when the worker itself fails (it could not start, ran out of
   * memory, sent a part that would not arrive): the file is not at fault, so it is read in turn.
   */
  readonly inTurn?: () => Promise<{ located: Located; model: TableModel }>;
}

/** A table being read on a worker thread; `stop` ends it when its result is no longer wanted. */
export type BesideRead = Promise<{ located: Located; model: TableModel }> & { stop(): void };

/**
 * Reads a table on a worker thread while the main thread reads another: the follow-up log is the
 * largest part of a team's workbook, and inflating and scanning it beside the Customers sheet
 * uses the machine's second core. null when that cannot be done here — the workbook's bytes are
 * not shared memory, the part is small, or the worker's compiled script is absent (the program
 * run from its TypeScript sources, as the unit tests do) — and the caller reads it in turn.
 */
export function readTableBeside(book: Book, found: Found, keys: readonly string[] | "all", options: BesideOptions = {}): BesideRead | null {
  const buf = book.buf.buffer;
  // Told by its tag, not instanceof: a buffer made in another realm (a test's sandbox) is shared all the same.
  if (Object.prototype.toString.call(buf) !== "[object SharedArrayBuffer]" || book.buf.byteOffset !== 0 || book.buf.byteLength !== buf.byteLength) return null;
  const entry = book.byName.get(found.sheet.path);
  if (!entry || entry.size < minBytes()) return null;
  const { formulaMarks = [], script = path.join(__dirname, "tableWorker.js"), partValues, inTurn } = options;
  if (!fs.existsSync(script)) return null;
  const job: TableJob = { buf: buf as SharedArrayBuffer, found, keys, formulaMarks, ...(partValues !== undefined ? { partValues } : {}) };
  let worker: Worker | null = null;
  let stopped = false;
  const read = new Promise<{ located: Located; model: TableModel }>((resolve, reject) => {
    worker = new Worker(script, { workerData: job });
    const w = worker;
    // The columns as they arrive, part after part; a repeated text is one string across parts.
    const cols: Record<string, RawCell[]> = {};
    const seen = new Map<string, string>();
    const take = (packed: Readonly<Record<string, PackedColumn>>) => {
      for (const [k, p] of Object.entries(packed)) unpackColumn(p, (cols[k] ??= []), seen);
    };
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      void w.terminate();
      then();
    };
    w.on("message", (reply: TableReply) => {
      if (reply.kind === "part") { take(reply.cols); return; }
      if (reply.kind === "failed") { settle(() => reject(reply.xlsx ? XlsxError.fromWire(reply.xlsx) : new Error(reply.message))); return; }
      take(reply.cols);
      settle(() => resolve({ located: reply.located, model: { ...reply.model, cols } }));
    });
    // The worker failing is not the file failing: read in turn, unless we stopped it ourselves.
    const lost = (why: unknown) => settle(() => {
      if (stopped || !inTurn) reject(stopped ? new Error("table reader stopped") : why);
      else inTurn().then(resolve, reject);
    });
    w.once("error", lost);
    w.once("messageerror", lost);
    w.once("exit", (code) => lost(new Error(`table reader stopped (${code})`)));
  });
  // Stopping ends the worker, and with it the read (which then fails): nothing is left running.
  return Object.assign(read, { stop: () => { stopped = true; void (worker as Worker | null)?.terminate(); } });
}
