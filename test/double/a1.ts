/** A1 addresses for the test double: `A1`, `B2:D9`, `A:A`, `3:5`, with or without `'Sheet'!`. */
export interface Rect {
  /** 0-based, inclusive. */
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function colToLetters(c: number): string {
  let s = "";
  let x = c + 1;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

export function lettersToCol(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits `'My sheet'!A1:B2` into sheet and local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const i = address.lastIndexOf("!");
  if (i < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(i + 1) };
}

export function parseA1(local: string): Rect | null {
  const s = local.replace(/\$/g, "").trim().toUpperCase();
  const parts = s.split(":");
  if (parts.length > 2 || parts.length === 0) return null;
  const one = (p: string) => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m && m[1] && m[2]) return { r: Number(m[2]) - 1, c: lettersToCol(m[1]), kind: "cell" as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m && m[1]) return { r: -1, c: lettersToCol(m[1]), kind: "col" as const };
    m = /^(\d{1,7})$/.exec(p);
    if (m && m[1]) return { r: Number(m[1]) - 1, c: -1, kind: "row" as const };
    return null;
  };
  const a = one(parts[0] ?? "");
  const b = one(parts[1] ?? parts[0] ?? "");
  if (!a || !b || a.kind !== b.kind) return null;
  let rect: Rect;
  if (a.kind === "col") rect = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  else if (a.kind === "row") rect = { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: 0, c1: MAX_COLS - 1 };
  else rect = { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) return null;
  return rect;
}

export function rectToA1(r: Rect): string {
  const a = `${colToLetters(r.c0)}${r.r0 + 1}`;
  const b = `${colToLetters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function quoteSheet(name: string): string {
  // Excel quotes a sheet name in an address only when it holds spaces, punctuation or starts with a digit.
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export const rows = (r: Rect) => r.r1 - r.r0 + 1;
export const cols = (r: Rect) => r.c1 - r.c0 + 1;
export const intersects = (a: Rect, b: Rect) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
/** Whether `inner` lies wholly within `outer`. */
export const contains = (outer: Rect, inner: Rect) => inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
