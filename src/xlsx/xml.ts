import { XlsxError } from "./errors";
import { parseCellRef } from "../core/_lib/a1";

/** Small, fast XML helpers for the parts of SpreadsheetML we read and patch. */

// Anything escapeXml changes; most cell text has none of it and is returned after one test.
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    // Characters XML 1.0 cannot carry are written as Excel does: _xHHHH_.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

/**
 * A cell's text (the content of a `<t>`): escaped like any XML, and an underscore that could
 * start an `_xHHHH_` escape written as one itself (`_x005F_`), so that a text holding "_x0041_"
 * reads back as it was, in Excel and here, not as "A" (ECMA-376 Part 1, §22.9.2.19, ST_Xstring).
 * @example escapeText("a_x0041_b") // "a_x005F_x0041_b"
 */
export function escapeText(s: string): string {
  // The text's own underscores first (the escapes escapeXml then writes are real ones), each that
  // is followed by x and four hex digits, whatever comes next: a control character after them is
  // written as an escape that starts with "_", which would complete the pattern.
  return escapeXml(s.indexOf("_x") < 0 ? s : s.replace(/_(?=x[0-9A-Fa-f]{4})/g, "_x005F_"));
}

/** An attribute value: escaped like text, plus tabs and line breaks as references so they survive normalization. */
export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Entity and character references only: for attribute values and formulas, where `_xHHHH_` is literal text. */
export function unescapeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  // Only the five named entities (a formula full of &quot;): native replacements, &amp; last so
  // "&amp;quot;" stays "&quot;". Character references take the loop below.
  if (s.indexOf("&#") < 0) {
    return s.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&apos;", "'").replaceAll("&amp;", "&");
  }
  // A loop rather than a regular expression: formulas are long and full of &quot;.
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp);
    if (semi < 0) break;
    const name = s.slice(amp + 1, semi);
    let ch: string | undefined = ENTITIES[name];
    if (ch === undefined && name.startsWith("#")) {
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(code)) ch = String.fromCodePoint(code);
    }
    if (ch !== undefined) {
      out += s.slice(from, amp) + ch;
      from = semi + 1;
    }
    amp = s.indexOf("&", ch !== undefined ? semi + 1 : amp + 1);
  }
  return out + s.slice(from);
}

/** Cell text: references, and the `_xHHHH_` escapes Excel writes for characters XML cannot carry. */
export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? ""))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of every <t> inside a fragment (shared string item or inline string, any prefix), phonetic runs left out. */
export function textOf(fragment: string): string {
  const plain = plainText(fragment);
  if (plain !== null) return unescapeXml(plain);
  const clean = fragment.indexOf("rPh") >= 0 ? fragment.replace(/<([\w.-]+:)?rPh\b[\s\S]*?<\/([\w.-]+:)?rPh>/g, "") : fragment;
  let out = "";
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) out += m[1] ?? "";
  return unescapeXml(out);
}

/**
 * The text of the commonest fragment, a single unprefixed run (`<t>…</t>` or
 * `<t xml:space="preserve">…</t>`) with nothing else around it, found without a regular
 * expression; null for anything else (rich text, a prefix, phonetic runs), which takes the general path.
 */
function plainText(fragment: string): string | null {
  let start: number;
  if (fragment.startsWith("<t>")) start = 3;
  else if (fragment.startsWith('<t xml:space="preserve">')) start = 24;
  else return null;
  const end = fragment.length - 4;
  if (end < start || !fragment.endsWith("</t>")) return null;
  const text = fragment.slice(start, end);
  return text.indexOf("<") < 0 ? text : null;
}

/**
 * The items of a shared-strings part, in order: plain and rich text alike, any namespace prefix.
 * @example sharedStringItems("sst", "<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si></sst>") // ["a", "bc"]
 */
export function sharedStringItems(part: string, xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] === undefined ? "" : textOf(m[1]));
  if (out.length === 0 && /<(?:[\w.-]+:)?si[\s>]/.test(xml)) throw XlsxError.of("badXmlShort", { part });
  return out;
}

/** `AB12` → { col: 28, row: 12 } (1-based): the core's A1 reader. */
export const parseRef = parseCellRef;

export function parseRange(ref: string): { c0: number; r0: number; c1: number; r1: number } | null {
  const [a, b] = ref.split(":");
  const p = a ? parseRef(a) : null;
  const q = b ? parseRef(b) : p;
  if (!p || !q) return null;
  return { c0: p.col, r0: p.row, c1: q.col, r1: q.row };
}
