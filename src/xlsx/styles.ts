import { XlsxError } from "./errors";
import { child, children, createLike, insertInOrder, parseXml, root, serializeXml, type Document, type Element } from "./dom";

const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const DATE_CODE = /^yyyy-mm-dd;?@?$/i;
/** Custom number formats start above the built-in ids (0–163 are reserved). */
const FIRST_CUSTOM_FORMAT = 164;

/**
 * The workbook's cell styles, enough to give a date a date format. When the file has no style
 * showing `yyyy-mm-dd`, one number format and one cell format are appended to styles.xml (through
 * its DOM, `count` attributes kept equal to the children) — existing entries keep their
 * positions, so every existing cell keeps its look.
 */
export class StyleBook {
  private doc: Document | null = null;
  private dateStyle: number | null = null;
  changed = false;

  constructor(private readonly xml: string | null, private readonly dateStyles: ReadonlySet<number>) {}

  isDate(style: number | null): boolean {
    return style !== null && this.dateStyles.has(style);
  }

  private sheet(): Element {
    if (this.xml === null) throw XlsxError.of("stylesMissingDate", {});
    this.doc ??= parseXml("xl/styles.xml", this.xml);
    return root(this.doc);
  }

  /** A cellXfs index with a yyyy-mm-dd format, added when missing. */
  dateStyleIndex(): number {
    if (this.dateStyle !== null) return this.dateStyle;
    const top = this.sheet();
    const xfsEl = child(top, "cellXfs");
    if (!xfsEl) throw XlsxError.of("noCellXfs", {});
    const xfs = children(xfsEl, "xf");
    let numFmts = child(top, "numFmts");
    const formats = numFmts ? children(numFmts, "numFmt") : [];
    const custom = formats.find((f) => DATE_CODE.test(f.getAttribute("formatCode") ?? ""));
    let id = custom ? Number(custom.getAttribute("numFmtId")) : null;
    if (id !== null) {
      const existing = xfs.findIndex((x) => Number(x.getAttribute("numFmtId")) === id);
      if (existing >= 0) return (this.dateStyle = existing);
    } else {
      id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...formats.map((f) => Number(f.getAttribute("numFmtId")) || 0)) + 1;
      if (!numFmts) {
        numFmts = createLike(top, "numFmts");
        insertInOrder(top, numFmts, STYLESHEET_ORDER);
      }
      const fmt = createLike(numFmts, "numFmt");
      fmt.setAttribute("numFmtId", String(id));
      fmt.setAttribute("formatCode", "yyyy-mm-dd");
      numFmts.appendChild(fmt);
      numFmts.setAttribute("count", String(children(numFmts, "numFmt").length));
    }
    const xf = createLike(xfsEl, "xf");
    for (const [k, v] of [["numFmtId", String(id)], ["fontId", "0"], ["fillId", "0"], ["borderId", "0"], ["xfId", "0"], ["applyNumberFormat", "1"]] as const) xf.setAttribute(k, v);
    xfsEl.appendChild(xf);
    xfsEl.setAttribute("count", String(xfs.length + 1));
    this.changed = true;
    return (this.dateStyle = xfs.length);
  }

  toXml(): string {
    return this.doc ? serializeXml(this.doc) : (this.xml ?? "");
  }
}
