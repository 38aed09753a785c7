import type { Issue, IssueCode } from "./issue";
import { type RawCell, type TableModel, sheetRow } from "../model/workbookModel";
import type { Parsed } from "../model/parse";

/** Collects "present but unreadable" cells as issues while parsing. */
export class IssueSink {
  readonly issues: Issue[] = [];
  constructor(
    private readonly table: TableModel,
    private readonly headerOf: (key: string) => string,
  ) {}
  take<T>(p: Parsed<T>, key: string, i: number, code: IssueCode, raw: RawCell): T | null {
    if (p.ok) return p.value;
    if (!p.blank) this.push(code, key, i, rawText(raw));
    return null;
  }
  push(code: IssueCode, key: string | null, i: number | null, value?: string, other?: number): void {
    this.issues.push({
      code,
      severity: code === "unknownLabel" || code === "unreadableDate" || code === "unreadableAmount" ? "error" : "warning",
      sheet: this.table.sheet,
      sheetName: this.table.sheetName,
      row: i === null ? null : sheetRow(this.table, i),
      column: key === null ? null : this.headerOf(key),
      columnKey: key,
      ...(value !== undefined ? { value } : {}),
      ...(other !== undefined ? { other } : {}),
    });
  }
}

export function rawText(v: RawCell): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return String(v);
}
