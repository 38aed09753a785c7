import type { Issue } from "../core/issues/issue";
import { UseCaseError } from "../core/usecases/errors";

/** Every failure the Office door reports: a code, the step that failed, and what Excel said. */
export class ExcelDoorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly step: string,
    readonly innerError?: unknown,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = "ExcelDoorError";
  }
}

function officeCode(e: unknown): string | null {
  if (typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string") return (e as { code: string }).code;
  return null;
}

/** Wraps whatever Excel threw (an OfficeExtension.Error carries a code) into one error type. */
export function wrap(e: unknown, step: string): ExcelDoorError {
  if (e instanceof ExcelDoorError) return e;
  const code = officeCode(e) ?? "Unknown";
  const message = e instanceof Error ? e.message : String(e);
  return new ExcelDoorError(code, message, step, e);
}

export function isPayloadTooLarge(e: unknown): boolean {
  const c = officeCode(e);
  return c === "RequestPayloadSizeLimitExceeded" || c === "ResponsePayloadSizeLimitExceeded" || c === "PayloadTooLarge";
}

/**
 * One use-case's Excel.run: it waits while the user is typing in a cell (instead of failing with
 * InvalidOperation) and turns any failure into an ExcelDoorError naming the step.
 */
export async function runUseCase<T>(step: string, f: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run({ delayForCellEdit: true }, f);
  } catch (e) {
    if (e instanceof UseCaseError) throw new ExcelDoorError("InvalidInput", e.message, step, e, e.issues);
    throw wrap(e, step);
  }
}
