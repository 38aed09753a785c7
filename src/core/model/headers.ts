import type { ColumnDef } from "../template/columns";
import { LANGS } from "../i18n/lang";

/**
 * Normalises a header or label for matching: full-width forms folded (NFKC), the required-field
 * mark `*` dropped, spaces removed, English case ignored. `客户名称＊`, ` Customer  Name*` all match.
 */
export function normalizeLabel(text: string): string {
  return text.normalize("NFKC").replace(/[*\s\u3000]/g, "").toLowerCase();
}

export interface HeaderMatch {
  /** Column key → 0-based position. */
  readonly positions: Record<string, number>;
  /** Required columns not found, as their headers in both languages. */
  readonly missing: readonly ColumnDef[];
  /** Header texts that are not ours; kept untouched. */
  readonly extra: readonly string[];
}

/** Finds our columns among a header row, by text in either language, wherever they stand. */
export function matchHeaders(headers: readonly unknown[], columns: readonly ColumnDef[]): HeaderMatch {
  const byLabel = new Map<string, string>();
  for (const c of columns) for (const l of LANGS) byLabel.set(normalizeLabel(c.header[l]), c.key);
  const positions: Record<string, number> = {};
  const extra: string[] = [];
  headers.forEach((h, i) => {
    const text = typeof h === "string" ? h : h === null || h === undefined ? "" : String(h);
    const key = byLabel.get(normalizeLabel(text));
    // The first column with a header wins; a duplicate header is the user's own column.
    if (key !== undefined && positions[key] === undefined) positions[key] = i;
    else if (text.trim() !== "") extra.push(text);
  });
  const missing = columns.filter((c) => c.required && positions[c.key] === undefined);
  return { positions, missing, extra };
}

/** Header text with the required mark, as we write it. */
export function headerText(c: ColumnDef, lang: (typeof LANGS)[number]): string {
  return c.required ? `${c.header[lang]}*` : c.header[lang];
}

/** Our columns a table lacks, to be added at its end (never moving a user column). */
export function missingColumns(headers: readonly unknown[], defs: readonly ColumnDef[]): ColumnDef[] {
  const { positions } = matchHeaders(headers, defs);
  return defs.filter((d) => positions[d.key] === undefined);
}
