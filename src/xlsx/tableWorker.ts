/**
 * A worker thread's whole job: read one of our tables from the workbook's bytes (shared with the
 * main thread, not copied) and send it back packed, in parts as it reads, so the main thread
 * unpacks the first rows while the last are still being read. Started by `readTableBeside`.
 */
import { parentPort, workerData } from "worker_threads";
import { Book } from "./book";
import { XlsxError } from "./errors";
import { keepValues, readTable, type Found, type Located } from "./read";
import { packColumn, transferablesOf, type PackedColumn } from "./columnPack";
import type { RawCell, TableModel } from "../core/model/workbookModel";
import type { XlsxErrorWire } from "./errors";

export interface TableJob {
  readonly buf: SharedArrayBuffer;
  readonly found: Found;
  readonly keys: readonly string[] | "all";
  readonly formulaMarks: readonly string[];
  /** Values gathered before a part is sent (tests send small parts). */
  readonly partValues?: number;
}

/** Parts of columns (each continuing where the last part of that column ended), then the end. */
export type TableReply =
  | { readonly kind: "part"; readonly cols: Record<string, PackedColumn> }
  | { readonly kind: "done"; readonly located: Located; readonly model: Omit<TableModel, "cols">; readonly cols: Record<string, PackedColumn> }
  | { readonly kind: "failed"; readonly xlsx: XlsxErrorWire | null; readonly message: string };

/** Values gathered before a part is sent: large enough that a million rows make a few hundred messages. */
const PART_VALUES = 30_000;

async function run(job: TableJob): Promise<void> {
  const port = parentPort;
  if (!port) return;
  try {
    keepValues(false);
    const book = new Book(new Uint8Array(job.buf));
    const sent: Record<string, number> = {};
    // A part sent is cleared here: its texts are views into pieces of the sheet, let go at once.
    const pack = (cols: Readonly<Record<string, RawCell[]>>): Record<string, PackedColumn> => {
      const out: Record<string, PackedColumn> = {};
      for (const [k, v] of Object.entries(cols)) {
        const from = sent[k] ?? 0;
        out[k] = packColumn(v, from, v.length);
        v.fill(null, from);
        sent[k] = v.length;
      }
      return out;
    };
    const waiting = (cols: Readonly<Record<string, RawCell[]>>) => Object.entries(cols).reduce((n, [k, v]) => n + v.length - (sent[k] ?? 0), 0);
    const { located, model } = await readTable(book, job.found, job.keys, job.formulaMarks, (cols) => {
      if (waiting(cols) < (job.partValues ?? PART_VALUES)) return;
      const part = pack(cols);
      const reply: TableReply = { kind: "part", cols: part };
      port.postMessage(reply, transferablesOf(part));
    });
    const { cols, ...rest } = model;
    const tail = pack(cols as Record<string, RawCell[]>);
    const reply: TableReply = { kind: "done", located, model: rest, cols: tail };
    port.postMessage(reply, transferablesOf(tail));
  } catch (e) {
    const reply: TableReply = { kind: "failed", xlsx: e instanceof XlsxError ? e.wire() : null, message: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
}

void run(workerData as TableJob);
