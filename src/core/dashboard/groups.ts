import type { Lang } from "../i18n/lang";
import { entryLabel, listDef, type ListKey } from "../template/lists";
import type { CriteriaColumn } from "./_lib/columns";

/** A row of a dashboard table: what it is called and the exact texts that count towards it. */
export interface Group {
  readonly label: string;
  /** Texts matched without case: a list label in both languages, or one name as it was typed. */
  readonly values: readonly string[];
}

function unique(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => { const l = x.toLowerCase(); if (seen.has(l)) return false; seen.add(l); return true; });
}

/** One group per entry of a dropdown list, matching its label in either language. */
export function listGroups(key: ListKey, lang: Lang): Group[] {
  return listDef(key).entries.map((e) => ({ label: entryLabel(e, lang), values: unique(Object.values(e)) }));
}

/**
 * Groups for the texts of a column that no known group matches, one per name once trimmed and
 * case folded: `张三` and `张三 ` are one owner, counted under both spellings.
 * @example textGroups(ownerColumn, []) // [{ label: "张三", values: ["张三", "张三 "] }]
 */
export function textGroups(col: CriteriaColumn, raw: ReadonlyArray<unknown>, known: readonly Group[]): Group[] {
  const taken = new Set(known.flatMap((g) => g.values.map((v) => v.toLowerCase())));
  const byName = new Map<string, { label: string; values: string[]; seen: Set<string> }>();
  for (let i = 0; i < col.lower.length; i++) {
    const l = col.lower[i];
    if (l === null || l === undefined || taken.has(l)) continue;
    const name = l.trim();
    if (name === "") continue;
    let g = byName.get(name);
    if (!g) { g = { label: String(raw[i]).trim(), values: [], seen: new Set() }; byName.set(name, g); }
    if (!g.seen.has(l)) { g.seen.add(l); g.values.push(String(raw[i])); }
  }
  return [...byName.values()].map((g) => ({ label: g.label, values: g.values }));
}
