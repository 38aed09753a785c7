import type { RawCell, TableModel, WorkbookModel } from "../../src/core/model/workbookModel";
import type { Lang } from "../../src/core/i18n/lang";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../../src/core/template/columns";
import { parseIsoDay, type DayNumber } from "../../src/core/_lib/calendar";
import { headerText } from "../../src/core/model/headers";
import { sheetName } from "../../src/core/template/sheets";
import { rulesRows } from "../../src/core/template/rulesSheet";

export const day = (iso: string): DayNumber => {
  const d = parseIsoDay(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
};

export type Row = Readonly<Record<string, RawCell>>;

export function makeTable(sheet: "customers" | "followUps", rows: readonly Row[], lang: Lang = "zh-CN", defs: readonly ColumnDef[] = sheet === "customers" ? CUSTOMER_COLUMNS : FOLLOWUP_COLUMNS): TableModel {
  const headers = defs.map((d) => headerText(d, lang));
  const positions = Object.fromEntries(defs.map((d, i) => [d.key, i]));
  const cols: Record<string, RawCell[]> = {};
  for (const d of defs) cols[d.key] = rows.map((r) => r[d.key] ?? null);
  return { sheet, sheetName: sheetName(sheet, lang), headerRow: 1, firstColumn: 1, rowCount: rows.length, headers, positions, cols };
}

let seq = 0;
/** A typical open customer; override any field. */
export function makeCustomer(over: Row = {}): Row {
  seq++;
  return {
    id: `KH-202601-${String(seq).padStart(3, "0")}`, name: `测试公司${seq}有限公司`, industry: "C 制造业", contact: "王经理",
    phone: "13812345678", stage: "新线索", owner: "张三", created: day("2026-01-05"), ...over,
  };
}

export function makeFollowUp(over: Row = {}): Row {
  return { date: day("2026-05-01"), customerId: "KH-202601-001", by: "张三", method: "电话", summary: "电话沟通", ...over };
}

export function makeModel(opts: { customers?: readonly Row[]; followUps?: readonly Row[]; lang?: Lang; rules?: Record<string, RawCell>; lists?: WorkbookModel["lists"] } = {}): WorkbookModel {
  const lang = opts.lang ?? "zh-CN";
  const rules = rulesRows(lang, null).map((r, i) => {
    const label = r[0]?.kind === "text" ? r[0].text : "";
    const v = r[1];
    const value: RawCell = v?.kind === "number" ? v.value : v?.kind === "text" ? v.text : null;
    return { label, value: opts.rules && label in opts.rules ? (opts.rules[label] ?? null) : value, row: i + 2 };
  });
  for (const [label, value] of Object.entries(opts.rules ?? {})) if (!rules.some((r) => r.label === label)) rules.push({ label, value, row: rules.length + 2 });
  return {
    lang, templateVersion: 1,
    customers: makeTable("customers", opts.customers ?? [], lang),
    followUps: makeTable("followUps", opts.followUps ?? [], lang),
    rules, lists: opts.lists ?? {},
  };
}
