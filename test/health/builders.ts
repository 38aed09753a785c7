import type { RawCell, TableModel, WorkbookModel } from "../../src/core/model/workbookModel";
import type { Lang } from "../../src/core/i18n/lang";
import { COMPLAINT_COLUMNS } from "../../src/core/health/columns";
import { headerText } from "../../src/core/model/headers";
import { wallTime, type WallTime } from "../../src/core/health/wallClock";
import { day, makeModel, type Row } from "../support/builders";

/** A moment, `2026-05-01 09:30`. */
export const at = (iso: string): WallTime => {
  const [d, t = "00:00"] = iso.split(" ");
  const [h, m] = t.split(":").map(Number);
  return wallTime(day(d as string), h, m);
};

export function makeComplaints(rows: readonly Row[], lang: Lang = "zh-CN"): TableModel {
  const cols: Record<string, RawCell[]> = {};
  for (const d of COMPLAINT_COLUMNS) cols[d.key] = rows.map((r) => r[d.key] ?? null);
  return {
    sheet: "complaints",
    sheetName: lang === "zh-CN" ? "投诉记录" : "Complaints",
    headerRow: 1,
    firstColumn: 1,
    rowCount: rows.length,
    headers: COMPLAINT_COLUMNS.map((d) => headerText(d, lang)),
    positions: Object.fromEntries(COMPLAINT_COLUMNS.map((d, i) => [d.key, i])),
    cols,
  };
}

/** A model with a Complaints table. */
export function makeHealthModel(opts: Parameters<typeof makeModel>[0] & { complaints?: readonly Row[] } = {}): WorkbookModel {
  const m = makeModel(opts);
  return { ...m, templateVersion: 2, complaints: makeComplaints(opts.complaints ?? [], m.lang) };
}
