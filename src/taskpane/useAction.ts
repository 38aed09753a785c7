import { useCallback, useState } from "react";
import { ExcelDoorError } from "../excel/errors";
import { formatIssue } from "../core/i18n/messages";
import type { Lang } from "../core/i18n/lang";

export interface ActionError {
  readonly title: string;
  readonly lines: readonly string[];
}

/** Turns any failure into lines a user can act on: sheet, row and column where known. */
export function describeError(e: unknown, lang: Lang): string[] {
  if (e instanceof ExcelDoorError) {
    if (e.issues.length > 0) return e.issues.map((i) => formatIssue(i, lang));
    return [`${e.step}: ${e.message}${e.code !== "Unknown" ? ` (${e.code})` : ""}`];
  }
  return [e instanceof Error ? e.message : String(e)];
}

/** Runs one use-case at a time, keeping busy and error state for the page. */
export function useAction(lang: Lang, title: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const run = useCallback(async <T,>(f: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError({ title, lines: describeError(e, lang) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [lang, title]);
  return { busy, error, setError, run };
}
