import { escapeAttr, unescapeEntities } from "./xml";

/**
 * One start tag of streamed sheet XML (a `<row>`, `<c>` or `<dimension>`) as a list of attributes
 * — read in either quote style, changed by name, written back — so a tag we touch is edited the
 * way a DOM would edit it, without parsing the megabytes around it.
 */
export interface Tag {
  /** Qualified name, prefix included (`x:row`). */
  readonly name: string;
  /** Attribute name and value as written in the file (escaped). */
  readonly attrs: Array<[string, string]>;
  readonly selfClosing: boolean;
}

export class TagError extends Error {}

/** Index of the `>` that ends the tag opened at `from` (quotes respected), or -1 when not yet in `s`. */
export function tagEnd(s: string, from: number): number {
  let q = 0;
  for (let i = from + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (q !== 0) { if (c === q) q = 0; continue; }
    if (c === 34 || c === 39) q = c;
    else if (c === 62) return i;
  }
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Parses `<name a="1" b='2'/>`; a repeated attribute makes the XML not well-formed. */
export function parseTag(text: string): Tag {
  let i = 1;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== ">" && text[i] !== "/") i++;
  const name = text.slice(1, i);
  const attrs: Array<[string, string]> = [];
  const end = text.endsWith("/>") ? text.length - 2 : text.length - 1;
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const eq = text.indexOf("=", i);
    if (eq < 0 || eq > end) throw new TagError(`malformed tag ${text.slice(0, 40)}`);
    const key = text.slice(i, eq).trim();
    let j = eq + 1;
    while (isSpace(text.charCodeAt(j))) j++;
    const quote = text[j];
    if (quote !== '"' && quote !== "'") throw new TagError(`unquoted attribute in ${text.slice(0, 40)}`);
    const close = text.indexOf(quote, j + 1);
    if (close < 0) throw new TagError(`unclosed attribute in ${text.slice(0, 40)}`);
    let raw = text.slice(j + 1, close);
    if (quote === "'" && raw.includes('"')) raw = raw.split('"').join("&quot;");
    if (attrs.some(([k]) => k === key)) throw new TagError(`attribute ${key} repeated in <${name}>`);
    attrs.push([key, raw]);
    i = close + 1;
  }
  return { name, attrs, selfClosing: text.endsWith("/>") };
}

export function getAttr(tag: Tag, name: string): string | null {
  const a = tag.attrs.find(([k]) => k === name);
  return a ? unescapeEntities(a[1]) : null;
}

/** Sets an attribute (replacing its value in place, or adding it at the end). */
export function setAttr(tag: Tag, name: string, value: string): void {
  const raw = escapeAttr(value);
  const a = tag.attrs.find(([k]) => k === name);
  if (a) a[1] = raw;
  else tag.attrs.push([name, raw]);
}

/** Sets an attribute as the first one (where `r` goes in what Excel writes). */
export function setFirstAttr(tag: Tag, name: string, value: string): void {
  removeAttr(tag, name);
  tag.attrs.unshift([name, escapeAttr(value)]);
}

export function removeAttr(tag: Tag, name: string): void {
  const i = tag.attrs.findIndex(([k]) => k === name);
  if (i >= 0) tag.attrs.splice(i, 1);
}

export function tagXml(tag: Tag, selfClosing = tag.selfClosing): string {
  let s = `<${tag.name}`;
  for (const [k, v] of tag.attrs) s += ` ${k}="${v}"`;
  return s + (selfClosing ? "/>" : ">");
}
