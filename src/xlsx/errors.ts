import type { Lang } from "../core/i18n/lang";
import { CATALOGUES, fill, type Catalogue, type Params } from "../core/i18n/catalogue";
import type { FILE_DOOR_EN_US } from "../core/i18n/locales/fileDoor.en-US";

export type FileDoorKey = keyof Catalogue["fileDoor"];
type Template<K extends FileDoorKey> = (typeof FILE_DOOR_EN_US)[K];

export interface Where {
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
}

export interface XlsxErrorWire {
  readonly key: FileDoorKey;
  readonly params: Readonly<Record<string, string | number>>;
  readonly where: Where;
  readonly inner?: XlsxErrorWire;
}

/**
 * A problem with the file, said in one line: what (a message of the catalogues' "fileDoor" section,
 * so the command line says it in the workbook's language), and where (sheet, row, column) when known.
 * `message` is the English text, for logs and stack traces.
 */
export class XlsxError extends Error {
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;

  private constructor(readonly key: FileDoorKey, readonly params: Readonly<Record<string, string | number>>, where: Where, readonly inner?: XlsxError) {
    super("");
    this.name = "XlsxError";
    Object.assign(this, where);
    this.message = this.text("en-US");
  }

  /**
   * A message's parameters are checked at compile time against the reference text.
   * @example XlsxError.of("noPart", { part: "xl/styles.xml" }).text("zh-CN") === "文件包中没有部件 xl/styles.xml"
   */
  static of<K extends FileDoorKey>(key: K, params: Params<Template<K>>, where: Where = {}): XlsxError {
    return new XlsxError(key, params, where);
  }

  /** The same problem, said as found in `part` at worksheet row `row`. */
  inRow(part: string, row: number): XlsxError {
    return new XlsxError("inRow", { part, row, detail: "" }, { sheet: this.sheet, row: this.row, column: this.column }, this);
  }

  /** The problem as plain data, to cross from a worker thread (an Error loses its fields there). */
  wire(): XlsxErrorWire {
    return { key: this.key, params: this.params, where: { sheet: this.sheet, row: this.row, column: this.column }, inner: this.inner?.wire() };
  }

  /** The problem a worker thread sent, as the error it threw. */
  static fromWire(w: XlsxErrorWire): XlsxError {
    return new XlsxError(w.key, w.params, w.where, w.inner ? XlsxError.fromWire(w.inner) : undefined);
  }

  /** The message in a language. */
  text(lang: Lang): string {
    const params = this.inner ? { ...this.params, detail: this.inner.text(lang) } : this.params;
    return fill(CATALOGUES[lang].fileDoor[this.key], params);
  }
}
