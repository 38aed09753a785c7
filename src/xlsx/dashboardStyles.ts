import type { DashStyle } from "../core/dashboard/layout";
import { DASH_FORMATS } from "../core/dashboard/layout";
import { attr } from "./xml";

/**
 * Cell styles for the dashboard, appended to styles.xml only where an identical entry is not
 * already there: existing entries keep their positions (every user cell keeps its look), and a
 * rebuild finds the entries the first build added instead of adding them again.
 */
export class DashboardStyles {
  private xml: string;
  readonly index = new Map<DashStyle, number>();

  constructor(stylesXml: string) {
    this.xml = stylesXml;
    const font = (size: number, bold: boolean, color?: string) =>
      `<font>${bold ? "<b/>" : ""}<sz val="${size}"/>${color ? `<color rgb="${color}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
    const fill = (rgb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
    const thin = '<border><left/><right/><top/><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border>';
    const plain = this.child("fonts", "font", font(11, false));
    const fonts = {
      title: this.child("fonts", "font", font(18, true, "FF1F3864")),
      section: this.child("fonts", "font", font(13, true, "FF1F3864")),
      bold: this.child("fonts", "font", font(11, true)),
      note: this.child("fonts", "font", font(9, false, "FF595959")),
      kpi: this.child("fonts", "font", font(20, true, "FF1F3864")),
    };
    const headerFill = this.child("fills", "fill", fill("FFDDEBF7"));
    const kpiFill = this.child("fills", "fill", fill("FFF2F2F2"));
    const line = this.child("borders", "border", thin);
    const spec: Record<DashStyle, { font: number; fill: number; border: number; align?: string }> = {
      title: { font: fonts.title, fill: 0, border: 0 },
      note: { font: fonts.note, fill: 0, border: 0, align: '<alignment vertical="top" wrapText="1"/>' },
      section: { font: fonts.section, fill: 0, border: 0 },
      header: { font: fonts.bold, fill: headerFill, border: line, align: '<alignment wrapText="1" vertical="center"/>' },
      // A long industry name shrinks to fit its cell rather than being cut off in print.
      label: { font: plain, fill: 0, border: line, align: '<alignment shrinkToFit="1"/>' },
      count: { font: plain, fill: 0, border: line },
      amount: { font: plain, fill: 0, border: line },
      percent: { font: plain, fill: 0, border: line },
      days: { font: plain, fill: 0, border: line },
      month: { font: plain, fill: 0, border: line, align: '<alignment horizontal="left"/>' },
      date: { font: fonts.note, fill: 0, border: 0, align: '<alignment horizontal="left"/>' },
      kpiLabel: { font: fonts.bold, fill: kpiFill, border: 0, align: '<alignment horizontal="center" vertical="center" wrapText="1"/>' },
      kpiValue: { font: fonts.kpi, fill: kpiFill, border: 0, align: '<alignment horizontal="center"/>' },
      kpiAmount: { font: fonts.kpi, fill: kpiFill, border: 0, align: '<alignment horizontal="center"/>' },
    };
    for (const [k, s] of Object.entries(spec) as Array<[DashStyle, (typeof spec)[DashStyle]]>) {
      const fmt = this.numFmt(DASH_FORMATS[k]);
      const applies = `${fmt ? ' applyNumberFormat="1"' : ""}${s.font ? ' applyFont="1"' : ""}${s.fill ? ' applyFill="1"' : ""}${s.border ? ' applyBorder="1"' : ""}${s.align ? ' applyAlignment="1"' : ""}`;
      const xf = s.align
        ? `<xf numFmtId="${fmt}" fontId="${s.font}" fillId="${s.fill}" borderId="${s.border}" xfId="0"${applies}>${s.align}</xf>`
        : `<xf numFmtId="${fmt}" fontId="${s.font}" fillId="${s.fill}" borderId="${s.border}" xfId="0"${applies}/>`;
      this.index.set(k, this.child("cellXfs", "xf", xf));
    }
  }

  toXml(): string {
    return this.xml;
  }

  /** The position of an identical child in a block, appended when missing. */
  private child(block: string, tag: string, element: string): number {
    const re = new RegExp(`<${block}\\b([^>]*)>([\\s\\S]*?)</${block}>`);
    const m = re.exec(this.xml);
    if (!m) {
      // A styles part without this block (rare, hand-made files): create it where the schema wants it.
      const order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"];
      const after = order.slice(0, order.indexOf(block)).reverse().find((b) => new RegExp(`</${b}>`).test(this.xml));
      const ins = `<${block} count="1">${element}</${block}>`;
      this.xml = after ? this.xml.replace(`</${after}>`, `</${after}>${ins}`) : this.xml.replace(/(<styleSheet\b[^>]*>)/, `$1${ins}`);
      return 0;
    }
    const children = [...(m[2] ?? "").matchAll(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g"))].map((x) => x[0]);
    const at = children.indexOf(element);
    if (at >= 0) return at;
    const attrs = (m[1] ?? "").replace(/\scount="\d+"/, "");
    this.xml = this.xml.replace(re, `<${block} count="${children.length + 1}"${attrs}>${m[2] ?? ""}${element}</${block}>`);
    return children.length;
  }

  /** A number format's id: built-in for General and the common ones, else custom (reused when present). */
  private numFmt(code: string): number {
    const builtin: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
    if (builtin[code] !== undefined) return builtin[code] as number;
    for (const m of this.xml.matchAll(/<numFmt\b[^>]*\/?>/g)) if (attr(m[0], "formatCode") === code) return Number(attr(m[0], "numFmtId"));
    const used = [...this.xml.matchAll(/numFmtId="(\d+)"/g)].map((x) => Number(x[1]));
    const id = Math.max(163, ...used) + 1;
    const el = `<numFmt numFmtId="${id}" formatCode="${code}"/>`;
    if (/<numFmts\b/.test(this.xml)) this.xml = this.xml.replace(/<numFmts\b([^>]*)count="(\d+)"([^>]*)>/, (_x, a: string, n: string, b: string) => `<numFmts${a}count="${Number(n) + 1}"${b}>`).replace("</numFmts>", `${el}</numFmts>`);
    else this.xml = this.xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="1">${el}</numFmts>`);
    return id;
  }
}
