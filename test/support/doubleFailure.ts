import { DoubleError } from "../double/excelDouble";

/**
 * How a call on the Excel double ends, as the tests compare it: the DoubleError's code where Excel
 * would fail, another error's text, or "no error".
 * @example await failureCode(context.sync()) // "InvalidArgument"
 */
export async function failureCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    return e instanceof DoubleError ? e.code : String(e);
  }
}
