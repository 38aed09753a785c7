import type { RawCell } from "../core/model/workbookModel";
import type { SourceTable } from "../core/import/planImport";
import { findHeaderRow, HEADER_SEARCH_ROWS, type ImportKind } from "../core/import/headers";
import { Book, XlsxError, type SheetRef } from "./book";
import { decodeCell } from "./read";
import { streamSheet, StopReading } from "./rows";

/** The rows of one worksheet as raw cells (the first `limit` rows when given), with their sheet row numbers. */
async function sheetRows(book: Book, sheet: SheetRef, limit = Number.MAX_SAFE_INTEGER): Promise<{ rows: RawCell[][]; rowNumbers: number[] }> {
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  const shared = () => book.sharedStrings();
  await streamSheet(book, sheet.path, {
    prefix: () => undefined,
    suffix: () => undefined,
    // The scanner's cells: any prefix (`<x:c>`), cells without `r`, shared-formula followers resolved.
    row: (_xml, n, cellsOfRow) => {
      if (n < 0) return;
      if (rows.length >= limit) throw new StopReading();
      const cells = cellsOfRow();
      const row: RawCell[] = [];
      for (const c of cells) {
        while (row.length < c.col - 1) row.push(null);
        // Dates arrive as serials already moved to the 1900 system; a phone stored as a number stays a number.
        row[c.col - 1] = decodeCell(c, shared, book);
      }
      rows.push(row);
      rowNumbers.push(n);
    },
  });
  return { rows, rowNumbers };
}

/**
 * Reads an .xlsx source through our file reader: the sheet named by `--sheet` (either case), else
 * the first visible sheet whose first rows hold a recognisable header, else the first sheet.
 * Shared strings, inline strings, numbers and date cells (1900 and 1904 systems) are read as the
 * reader reads our own sheets; an encrypted or non-zip file is refused by `Book`.
 */
export async function readXlsxSource(bytes: Uint8Array, name: string, kind: ImportKind, sheetName?: string): Promise<SourceTable> {
  const book = new Book(bytes);
  let sheet: SheetRef | undefined;
  if (sheetName !== undefined) {
    sheet = book.sheets.find((s) => s.name === sheetName) ?? book.sheets.find((s) => s.name.toLowerCase() === sheetName.trim().toLowerCase());
    if (!sheet) throw XlsxError.of("noSheetInSource", { file: name, sheet: sheetName, sheets: book.sheets.map((s) => s.name).join(", ") });
  } else {
    const visible = book.sheets.filter((s) => s.state !== "hidden" && s.state !== "veryHidden");
    for (const s of visible) {
      if (findHeaderRow(kind, (await sheetRows(book, s, HEADER_SEARCH_ROWS)).rows) !== null) { sheet = s; break; }
    }
    sheet ??= visible[0] ?? book.sheets[0];
  }
  if (!sheet) throw XlsxError.of("noWorksheets", { file: name });
  const { rows, rowNumbers } = await sheetRows(book, sheet);
  const label = book.sheets.length > 1 ? `${name} [${sheet.name}]` : name;
  return { name: label, rows, rowNumbers };
}
