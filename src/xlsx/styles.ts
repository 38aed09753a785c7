import { attr } from "./xml";

/**
 * The workbook's cell styles, enough to give a date a date format. When the file has no style
 * showing `yyyy-mm-dd`, one number format and one cell style are appended to styles.xml —
 * existing entries keep their positions, so every existing cell keeps its look.
 */
export class StyleBook {
  private xml: string;
  private dateStyle: number | null = null;
  changed = false;

  constructor(xml: string | null, private readonly dateStyles: ReadonlySet<number>) {
    this.xml = xml ?? "";
  }

  isDate(style: number | null): boolean {
    return style !== null && this.dateStyles.has(style);
  }

  /** A cellXfs index with a yyyy-mm-dd format, added when missing. */
  dateStyleIndex(): number {
    if (this.dateStyle !== null) return this.dateStyle;
    const xfsBlock = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(this.xml);
    const xfs = xfsBlock ? [...(xfsBlock[1] ?? "").matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]) : [];
    const customId = [...this.xml.matchAll(/<numFmt\b[^>]*\/?>/g)].find((m) => /^yyyy-mm-dd;?@?$/i.test(attr(m[0], "formatCode") ?? ""));
    const fmtId = customId ? Number(attr(customId[0], "numFmtId")) : null;
    const existing = xfs.findIndex((x) => Number(attr(x, "numFmtId")) === fmtId && fmtId !== null);
    if (existing >= 0) return (this.dateStyle = existing);
    if (!xfsBlock) throw new Error("styles.xml has no cellXfs");
    let id = fmtId;
    if (id === null) {
      const used = [...this.xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
      id = Math.max(163, ...used) + 1;
      const fmt = `<numFmt numFmtId="${id}" formatCode="yyyy-mm-dd"/>`;
      if (/<numFmts\b[^>]*>/.test(this.xml)) {
        this.xml = this.xml.replace(/<numFmts\b([^>]*)count="(\d+)"([^>]*)>/, (_m, a: string, n: string, b: string) => `<numFmts${a}count="${Number(n) + 1}"${b}>`).replace("</numFmts>", `${fmt}</numFmts>`);
      } else {
        this.xml = this.xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="1">${fmt}</numFmts>`);
      }
    }
    const index = xfs.length;
    this.xml = this.xml.replace(/<cellXfs\b([^>]*)count="(\d+)"([^>]*)>/, (_m, a: string, n: string, b: string) => `<cellXfs${a}count="${Number(n) + 1}"${b}>`)
      .replace("</cellXfs>", `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
    this.changed = true;
    return (this.dateStyle = index);
  }

  toXml(): string {
    return this.xml;
  }
}
