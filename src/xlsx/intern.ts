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
