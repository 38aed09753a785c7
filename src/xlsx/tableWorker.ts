/**
 * A worker thread's whole job: read one of our tables from the workbook's bytes (shared with the
 * main thread, not copied) and send it back packed. Started by `readTableBeside`.
 */
import { parentPort, workerData } from "worker_threads";
import { Book } from "./book";
import { XlsxError } from "./errors";
import { internValues, readTable, type Found } from "./read";
import { packColumn, transferablesOf, type PackedColumn } from "./columnPack";
import type { Located } from "./read";
import type { TableModel } from "../core/model/workbookModel";
import type { XlsxErrorWire } from "./errors";

export interface TableJob {
  readonly buf: SharedArrayBuffer;
  readonly found: Found;
  readonly keys: readonly string[] | "all";
  readonly formulaMarks: readonly string[];
}

export type TableReply =
  | { readonly ok: true; readonly located: Located; readonly model: Omit<TableModel, "cols">; readonly cols: Record<string, PackedColumn> }
  | { readonly ok: false; readonly xlsx: XlsxErrorWire | null; readonly message: string };

async function run(job: TableJob): Promise<void> {
  const port = parentPort;
  if (!port) return;
  try {
    internValues(false);
    const book = new Book(new Uint8Array(job.buf));
    const { located, model } = await readTable(book, job.found, job.keys, job.formulaMarks);
    const { cols, ...rest } = model;
    const packed: Record<string, PackedColumn> = {};
    for (const [k, v] of Object.entries(cols)) packed[k] = packColumn(v);
    const reply: TableReply = { ok: true, located, model: rest, cols: packed };
    port.postMessage(reply, transferablesOf(packed));
  } catch (e) {
    const reply: TableReply = { ok: false, xlsx: e instanceof XlsxError ? e.wire() : null, message: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
}

void run(workerData as TableJob);
