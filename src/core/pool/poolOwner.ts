import { perLang, type Lang } from "../i18n/lang";
import { section } from "../i18n/catalogue";
import type { ListEntry } from "../template/lists";
import { normalizeLabel } from "../model/headers";

/** The Owner a released customer gets: an entry of the team list, so the Owner dropdown offers it. */
export const POOL_OWNER: ListEntry = perLang((l) => section(l, "listEntries")["team.pool"]);

const POOL_KEYS = new Set(Object.values(POOL_OWNER).map(normalizeLabel));

/**
 * Whether an Owner cell names the pool, in either language (spaces, case and full-width forms ignored).
 * @example isPoolOwner(" 公海 ") === true; isPoolOwner("pool") === true
 */
export function isPoolOwner(owner: string): boolean {
  return POOL_KEYS.has(normalizeLabel(owner));
}

/** The pool's Owner label in the workbook's language. */
export function poolOwnerLabel(lang: Lang): string {
  // Not entryLabel(): the template's lists import this file, and a value import back would be a cycle.
  return POOL_OWNER[lang];
}

/**
 * Two Owner cells name the same person: trimmed, case and full-width forms ignored (`张三 ` is `张三`).
 * @example sameOwner("Ann ", "ann") === true
 */
export function sameOwner(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}
