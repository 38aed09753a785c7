import type { DashStyle } from "../core/dashboard/layout";
import { DASH_FORMATS } from "../core/dashboard/layout";
import { XlsxError } from "./errors";
import { NS, child, children, createLike, insertInOrder, parseXml, root, serializeXml, type Document, type Element } from "./dom";

const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** Custom number formats start above the built-in ids (0–163 are reserved). */
const FIRST_CUSTOM_FORMAT = 164;
const ELEMENT = 1;

/** The element children of a node, in order (text between them is layout only). */
function elementsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT) out.push(n as Element);
  return out;
}

/**
 * Same element in the sense Excel reads it: local name, namespace, attributes (any order, any
 * prefix) and element children, recursively.
 * @example sameElement(<font><b/><sz val="11"/></font>, <x:font><x:b/><x:sz val="11"/></x:font>) // true
 */
export function sameElement(a: Element, b: Element): boolean {
  if (a.localName !== b.localName || a.namespaceURI !== b.namespaceURI) return false;
  const attrs = (e: Element) => {
    const out = new Map<string, string>();
    for (let i = 0; i < e.attributes.length; i++) {
      const at = e.attributes.item(i);
      if (!at || at.name === "xmlns" || at.prefix === "xmlns") continue;
      out.set(`${at.namespaceURI ?? ""}|${at.localName ?? at.name}`, at.value);
    }
    return out;
  };
  const aa = attrs(a);
  const ba = attrs(b);
  if (aa.size !== ba.size) return false;
  for (const [k, v] of aa) if (ba.get(k) !== v) return false;
  const ac = elementsOf(a);
  const bc = elementsOf(b);
  return ac.length === bc.length && ac.every((c, i) => sameElement(c, bc[i] as Element));
}

/** A copy of `src` made under `parent` with the parent's prefix, attributes set one by one. */
function adopt(parent: Element, src: Element): Element {
  const el = createLike(parent, src.localName ?? "");
  for (let i = 0; i < src.attributes.length; i++) {
    const at = src.attributes.item(i);
    if (at && at.name !== "xmlns" && at.prefix !== "xmlns") el.setAttribute(at.name, at.value);
  }
  for (const c of elementsOf(src)) el.appendChild(adopt(el, c));
  return el;
}

/** One SpreadsheetML element from its markup (ours, built from constants), as a detached DOM. */
function element(markup: string): Element {
  const wrapper = root(parseXml("dashboard styles", `<w xmlns="${NS.main}">${markup}</w>`));
  const el = elementsOf(wrapper)[0];
  if (!el) throw XlsxError.of("emptyStyle", {});
  return el;
}

/**
 * Cell styles for the dashboard, appended to styles.xml through its DOM only where an equal entry
 * is not already there: existing entries keep their positions (every user cell keeps its look),
 * `count` attributes stay equal to the children, and a rebuild finds the entries the first build
 * added instead of adding them again.
 */
export class DashboardStyles {
  private readonly doc: Document;
  readonly index = new Map<DashStyle, number>();
  changed = false;

  constructor(stylesXml: string | null) {
    if (stylesXml === null) throw XlsxError.of("stylesMissingDashboard", {});
    this.doc = parseXml("xl/styles.xml", stylesXml);
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
    return serializeXml(this.doc);
  }

  /** A block of the stylesheet, created where the schema puts it when the part lacks it. */
  private block(name: string): Element {
    const top = root(this.doc);
    const found = child(top, name);
    if (found) return found;
    const el = createLike(top, name);
    el.setAttribute("count", "0");
    insertInOrder(top, el, STYLESHEET_ORDER);
    this.changed = true;
    return el;
  }

  /** The position of an equal child in a block, appended when missing. */
  private child(blockName: string, tag: string, markup: string): number {
    const block = this.block(blockName);
    const want = element(markup);
    const existing = children(block, tag);
    const at = existing.findIndex((e) => sameElement(e, want));
    if (at >= 0) return at;
    block.appendChild(adopt(block, want));
    block.setAttribute("count", String(existing.length + 1));
    this.changed = true;
    return existing.length;
  }

  /** A number format's id: built-in for General and the common ones, else custom (reused when present). */
  private numFmt(code: string): number {
    const builtin: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
    if (builtin[code] !== undefined) return builtin[code] as number;
    const top = root(this.doc);
    const formats = children(child(top, "numFmts") ?? top, "numFmt");
    const same = formats.find((f) => f.getAttribute("formatCode") === code);
    if (same) return Number(same.getAttribute("numFmtId"));
    const id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...formats.map((f) => Number(f.getAttribute("numFmtId")) || 0)) + 1;
    const block = this.block("numFmts");
    const el = createLike(block, "numFmt");
    el.setAttribute("numFmtId", String(id));
    el.setAttribute("formatCode", code);
    block.appendChild(el);
    block.setAttribute("count", String(children(block, "numFmt").length));
    this.changed = true;
    return id;
  }
}
