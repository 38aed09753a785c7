/** Small, fast XML helpers for the parts of SpreadsheetML we read and patch. */

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    // Characters XML 1.0 cannot carry are written as Excel does: _xHHHH_.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? ""))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1] ?? "") : null;
}

/** Text of every <t> inside a fragment (shared string item or inline string), phonetic runs left out. */
export function textOf(fragment: string): string {
  const clean = fragment.indexOf("<rPh") >= 0 ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : fragment;
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) out += m[1] ?? "";
  return unescapeXml(out);
}

/** `AB12` → { col: 28, row: 12 } (1-based). */
export function parseRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m || !m[1] || !m[2]) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col, row: Number(m[2]) };
}

export function parseRange(ref: string): { c0: number; r0: number; c1: number; r1: number } | null {
  const [a, b] = ref.split(":");
  const p = a ? parseRef(a) : null;
  const q = b ? parseRef(b) : p;
  if (!p || !q) return null;
  return { c0: p.col, r0: p.row, c1: q.col, r1: q.row };
}
