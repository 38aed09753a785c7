/**
 * One copy of each repeated value read from a sheet (a follow-up's customer ID, ten or so times
 * each): a bounded map, so a sheet of unique values cannot grow it without end.
 */
const LIMIT = 200_000;
const MAX_LEN = 40;

/**
 * The copy already handed out for `s`, or `make(s)` (kept for next time); values longer than an
 * ID or a label are made each time, never kept.
 * @example const seen = new Map(); oneCopy(seen, "KH-202605-000001") === oneCopy(seen, "KH-202605-000001".slice(0)) // true
 */
export function oneCopy(seen: Map<string, string>, s: string, make: (s: string) => string = (x) => x): string {
  if (s.length > MAX_LEN) return make(s);
  const hit = seen.get(s);
  if (hit !== undefined) return hit;
  const copy = make(s);
  if (seen.size < LIMIT) seen.set(copy, copy);
  return copy;
}

/**
 * What `make` gave for `key` before, or `make()` (kept for next time, under a copy of the key that
 * does not hold on to the text it was cut from); keys longer than `MAX_LEN` are made each time.
 */
export function remembered(seen: Map<string, string>, key: string, make: () => string): string {
  if (key.length > MAX_LEN) return make();
  const hit = seen.get(key);
  if (hit !== undefined) return hit;
  const made = make();
  if (seen.size < LIMIT) seen.set(flatCopy(key), made);
  return made;
}

/** A flat copy of a string (a substring is otherwise a view that keeps its whole parent alive). */
export const flatCopy = (s: string): string => [" ", s].join("").slice(1);
