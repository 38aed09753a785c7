/** A problem with the file, said in one line: what, and where (sheet, row, column) when known. */
export class XlsxError extends Error {
  constructor(message: string, readonly sheet?: string, readonly row?: number, readonly column?: string) {
    super(message);
    this.name = "XlsxError";
  }
}
