import type { Lang } from "../core/i18n/lang";
import { say } from "../core/i18n/catalogue";
import { formatIssue } from "../core/i18n/messages";
import { UseCaseError } from "../core/usecases/errors";
import { XlsxError } from "../xlsx/book";
import { templateInfo } from "../xlsx/usecases";
import { UsageError } from "./args";

/** The language a workbook's Rules sheet states, or null when it cannot be read. */
export async function workbookLang(file: string): Promise<Lang | null> {
  try {
    return (await templateInfo(file))?.lang ?? null;
  } catch {
    return null;
  }
}

/** Every failure becomes one line: what, and where (sheet, row, column) when known. */
export function oneLine(e: unknown, lang: Lang): string {
  if (e instanceof UsageError) return e.message;
  if (e instanceof UseCaseError) return e.issues.map((i) => formatIssue(i, lang)).join("; ");
  if (e instanceof XlsxError)
    return [e.sheet, e.row !== undefined ? say(lang, "cli", "atRow", { row: e.row }) : undefined, e.column]
      .filter(Boolean)
      .join(", ")
      .concat(e.sheet ? ": " : "", e.text(lang));
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === "string") {
    if (err.code === "EACCES" || err.code === "EPERM") return say(lang, "cli", "permissionDenied", { path: err.path ?? "" });
    if (err.code === "ENOENT") return say(lang, "cli", "noSuchFile", { path: err.path ?? "" });
    if (err.code === "ENOSPC") return say(lang, "cli", "diskFull");
  }
  return e instanceof Error ? (e.message.split("\n")[0] ?? "error") : String(e);
}
