import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { XlsxError } from "./errors";

/**
 * The XML layer for the small parts we edit (workbook, styles, content types, relationships,
 * tables, the tail of a worksheet): a namespace-aware DOM that keeps every element, attribute,
 * namespace declaration, `mc:Ignorable` list and `extLst` it does not understand, and a
 * serializer that writes attributes it was asked to set — never text pasted into a tag.
 */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  /** ISO 29500 strict: read as if it were the transitional namespace. */
  strict: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
} as const;

export type { Document, Element };

const ELEMENT = 1;

/** Parses a part; anything not well-formed (a duplicate attribute, an unclosed tag) is refused naming the part. */
export function parseXml(part: string, text: string): Document {
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "text/xml");
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split("\n")[0]?.replace(/^.*caused Error: /, "") ?? "";
    throw XlsxError.of("badXml", { part, why });
  }
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

export function root(doc: Document): Element {
  const r = doc.documentElement;
  if (!r) throw XlsxError.of("emptyPart", {});
  return r;
}

/** True when `el` is `local` in SpreadsheetML's main namespace (transitional or strict) or in `ns`. */
export function is(el: Node, local: string, ns: string = NS.main): el is Element {
  if (el.nodeType !== ELEMENT) return false;
  const e = el as Element;
  if (e.localName !== local) return false;
  return e.namespaceURI === ns || (ns === NS.main && e.namespaceURI === NS.strict);
}

/** Child elements named `local` (in `ns`), in document order. */
export function children(parent: Element, local: string, ns: string = NS.main): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (is(n, local, ns)) out.push(n);
  return out;
}

export function child(parent: Element, local: string, ns: string = NS.main): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (is(n, local, ns)) return n;
  return null;
}

/** Every element named `local` (in `ns`) below `parent`, depth first. */
export function descendants(parent: Element, local: string, ns: string = NS.main): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== ELEMENT) continue;
      if (is(n, local, ns)) out.push(n);
      walk(n as Element);
    }
  };
  walk(parent);
  return out;
}

/** A new element in the parent's namespace, with the parent's prefix (`<x:numFmt>` under `<x:numFmts>`). */
export function createLike(parent: Element, local: string): Element {
  const doc = parent.ownerDocument;
  if (!doc) throw XlsxError.of("detached", {});
  const ns = parent.namespaceURI;
  return ns ? doc.createElementNS(ns, parent.prefix ? `${parent.prefix}:${local}` : local) : doc.createElement(local);
}

/**
 * Inserts `el` into `parent` before the first child whose local name comes later in the
 * schema's sequence `order` (unknown children — an `extLst`, another program's elements — stay
 * where they are; a new element goes before an `extLst`).
 */
export function insertInOrder(parent: Element, el: Element, order: readonly string[]): void {
  const at = order.indexOf(el.localName ?? "");
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== ELEMENT) continue;
    const name = (n as Element).localName ?? "";
    const i = order.indexOf(name);
    if ((i > at && at >= 0) || name === "extLst") {
      parent.insertBefore(el, n);
      return;
    }
  }
  parent.appendChild(el);
}

/** Text content of an element (its text and CDATA children, entities resolved). */
export function textContent(el: Element): string {
  return el.textContent ?? "";
}
