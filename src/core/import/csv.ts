import Papa from "papaparse";
import type { RawCell } from "../model/workbookModel";

/** What Chinese Excel, WPS and others save a CSV as. */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Decodes CSV bytes with the platform's WHATWG TextDecoder (ICU in browsers and in Node): a BOM
 * says UTF-8 or UTF-16; without one, bytes that are valid UTF-8 are UTF-8 and anything else is
 * GB18030 (a superset of GBK and GB2312, what 「CSV (逗号分隔)」 writes on a Chinese Windows).
 * @example decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { text: "a", encoding: "utf-8" }
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const b0 = bytes[0], b1 = bytes[1], b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) with
 * papaparse, the delimiter sniffed among `,` `;` tab and `|`. Cells are text exactly as written
 * (never numbers or formulas); an empty field is blank. Row i is CSV record i + 1.
 * @example parseCsvText("a;b\n1;2").rows // [["a", "b"], ["1", "2"]]
 */
export function parseCsvText(text: string): { rows: RawCell[][]; delimiter: string } {
  // Sniffed on the first records without blank lines (papaparse's guess counts a blank line as a
  // one-field record and then falls back to ","); parsed with blank lines kept, so row numbers match Excel's.
  const guess = Papa.parse<string[]>(text, { delimiter: "", delimitersToGuess: [",", ";", "\t", "|"], skipEmptyLines: "greedy", preview: 50 });
  const r = Papa.parse<string[]>(text, { delimiter: guess.meta.delimiter, skipEmptyLines: false, header: false, dynamicTyping: false });
  const bad = r.errors.find((e) => e.type === "Quotes");
  if (bad) throw new CsvError(`unbalanced quotes near record ${(bad.row ?? 0) + 1}`);
  const rows: RawCell[][] = r.data.map((rec) => rec.map((c) => (c === "" ? null : c)));
  // A final line break is the end of the last record, not an empty record after it.
  const last = rows[rows.length - 1];
  if (last && last.length <= 1 && (last[0] ?? null) === null) rows.pop();
  return { rows, delimiter: r.meta.delimiter };
}

/** Bytes of a CSV file to rows: decoding and parsing in one step. */
export function readCsv(bytes: Uint8Array): { rows: RawCell[][]; delimiter: string; encoding: CsvEncoding } {
  const { text, encoding } = decodeCsvBytes(bytes);
  return { ...parseCsvText(text), encoding };
}
