import type { RawCell, TableModel, WorkbookModel } from "../core/model/workbookModel";
import { isPayloadTooLarge } from "./errors";
import { toRaw, type Structure, type TableInfo } from "./structure";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../core/template/columns";

/**
 * Bytes we expect one cell of a column to cost in a response (JSON; CJK text is 3 bytes a
 * character). An underestimate costs one refused sync and a retry in halves, never a wrong result.
 */
function bytesPerCell(key: string): number {
  const def = CUSTOMER_COLUMNS.find((c) => c.key === key) ?? FOLLOWUP_COLUMNS.find((c) => c.key === key);
  // Measured against the double's JSON accounting on realistic data (a chunk lands near 4 MB).
  switch (def?.type) {
    case "date": case "number": case "amount": return 7;
    case "id": case "phone": return 15;
    case "list": return 13;
    default: return 45;
  }
}
/** Stay under Excel on the web's 5 MB response limit with room to spare. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface ColumnRequest {
  readonly info: TableInfo;
  readonly keys: readonly string[];
}

/**
 * Reads only the requested columns of our tables, in as few syncs as the payload limit allows:
 * every table's chunk i goes in round i, one sync a round; a round that is refused for size is
 * retried in halves.
 */
export async function readColumns(context: Excel.RequestContext, requests: readonly ColumnRequest[], onProgress?: (done: number, total: number) => void): Promise<Map<TableInfo, Record<string, RawCell[]>>> {
  const out = new Map<TableInfo, Record<string, RawCell[]>>();
  const live = requests.filter((r) => r.info.exists && r.info.rowCount > 0);
  for (const r of requests) out.set(r.info, Object.fromEntries(r.keys.filter((k) => r.info.positions[k] !== undefined).map((k) => [k, [] as RawCell[]])));
  const totalBytes = live.reduce((s, r) => s + r.info.rowCount * r.keys.filter((k) => r.info.positions[k] !== undefined).reduce((b, k) => b + bytesPerCell(k), 0), 0);
  let rounds = Math.max(1, Math.ceil(totalBytes / CHUNK_BYTES));
  let attempt = 0;
  for (;;) {
    try {
      await readInRounds(context, live, rounds, out, onProgress);
      return out;
    } catch (e) {
      if (!isPayloadTooLarge(e) || attempt++ > 6) throw e;
      rounds *= 2;
      for (const cols of out.values()) for (const k of Object.keys(cols)) cols[k] = [];
    }
  }
}

async function readInRounds(context: Excel.RequestContext, live: readonly ColumnRequest[], rounds: number, out: Map<TableInfo, Record<string, RawCell[]>>, onProgress?: (done: number, total: number) => void): Promise<void> {
  const plans = live.map((r) => ({ r, size: Math.ceil(r.info.rowCount / rounds) }));
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string) => {
    let s = sheets.get(name);
    if (!s) {
      s = context.workbook.worksheets.getItem(name);
      sheets.set(name, s);
    }
    return s;
  };
  for (let round = 0; round < rounds; round++) {
    const loads: Array<{ target: RawCell[]; range: Excel.Range }> = [];
    for (const { r, size } of plans) {
      const start = round * size;
      const count = Math.min(size, r.info.rowCount - start);
      if (count <= 0) continue;
      const cols = out.get(r.info) as Record<string, RawCell[]>;
      for (const key of Object.keys(cols)) {
        const p = r.info.positions[key] as number;
        const range = sheetOf(r.info.sheetName).getRangeByIndexes(r.info.headerRowIndex + 1 + start, r.info.columnIndex + p, count, 1).load("values");
        loads.push({ target: cols[key] as RawCell[], range });
      }
    }
    if (loads.length === 0) break;
    // One sync per payload chunk (Excel on the web refuses responses over 5 MB), never per row.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const l of loads) for (const row of l.range.values) l.target.push(toRaw(row[0]));
    onProgress?.(round + 1, rounds);
  }
}

export function tableModel(info: TableInfo, cols: Record<string, RawCell[]>): TableModel {
  return {
    sheet: info.key, sheetName: info.sheetName, headerRow: info.headerRowIndex + 1, firstColumn: info.columnIndex + 1,
    rowCount: info.rowCount, headers: info.headers, positions: info.positions, cols,
  };
}

export function workbookModel(
  s: Structure,
  customers: TableModel | null,
  followUps: TableModel | null,
  more: { readonly contacts?: TableModel | null; readonly complaints?: TableModel | null } = {},
): WorkbookModel {
  return { lang: s.lang, templateVersion: s.templateVersion, customers, followUps, contacts: more.contacts ?? null, complaints: more.complaints ?? null, rules: s.rulesRows, lists: s.lists };
}
