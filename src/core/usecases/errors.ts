import type { Issue } from "../issues/issue";
import type { WorkbookModel } from "../model/workbookModel";
import { sheetName, type SheetKey } from "../template/sheets";

/** A use-case that cannot run at all (a sheet or required column is missing); carries the reasons. */
export class UseCaseError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((i) => `${i.code} ${i.sheetName}${i.column ? ` ${i.column}` : ""}`).join("; "));
    this.name = "UseCaseError";
  }
}

export function missingTableIssue(model: WorkbookModel, sheet: SheetKey): Issue {
  return { code: "missingSheet", severity: "error", sheet, sheetName: sheetName(sheet, model.lang), row: null, column: null, columnKey: null };
}
