import { ExcelDouble } from "../double/excelDouble";
import type { CellValue } from "../double/store";
import { matchHeaders } from "../../src/core/model/headers";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS } from "../../src/core/template/columns";

export type SeedRow = Readonly<Record<string, CellValue>>;

/** Puts rows into one of our tables as a person would have typed them (the table grows over them). */
export function seed(x: ExcelDouble, tableName: "CRM_Customers" | "CRM_FollowUps", rows: readonly SeedRow[], replacePlaceholder = true): void {
  const t = x.table(tableName);
  const sheet = x.store.sheetById(t.sheetId);
  if (!sheet) throw new Error("no sheet");
  const headers: string[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) headers.push(String(sheet.cell(t.rect.r0, c)?.v ?? ""));
  const { positions } = matchHeaders(headers, tableName === "CRM_Customers" ? CUSTOMER_COLUMNS : FOLLOWUP_COLUMNS);
  const bodyRows = t.rect.r1 - t.rect.r0;
  let start = t.rect.r1 + 1;
  if (replacePlaceholder && bodyRows === 1) {
    let blank = true;
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = sheet.cell(t.rect.r1, c);
      if (cell && cell.f === null && cell.v !== null && cell.v !== "") blank = false;
    }
    if (blank) start = t.rect.r1;
  }
  rows.forEach((row, i) => {
    for (const [key, v] of Object.entries(row)) {
      const p = positions[key];
      if (p === undefined) throw new Error(`no column ${key}`);
      const cell = sheet.ensure(start + i, t.rect.c0 + p);
      cell.v = v;
      cell.f = null;
    }
  });
  t.rect = { ...t.rect, r1: Math.max(t.rect.r1, start + rows.length - 1) };
}
