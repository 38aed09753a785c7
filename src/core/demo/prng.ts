/** The seeded randomness every demo draw goes through: the same seed always tells the same stories. */
export type Rand = () => number;

/**
 * mulberry32: tiny, fast and good enough for sample data (not for anything secret).
 * @example const r = rng(7); r() === rng(7)() // true
 */
export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @example pick(rng(1), ["a", "b"]) // "a" or "b" */
export function pick<T>(r: Rand, xs: readonly T[]): T {
  if (xs.length === 0) throw new Error("pick from an empty list");
  return xs[Math.floor(r() * xs.length)] as T;
}

/** An integer in [lo, hi], both included. @example between(rng(1), 3, 5) // 3, 4 or 5 */
export function between(r: Rand, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** One item drawn with the weight it carries. @example weighted(r, [["a", 9], ["b", 1]]) // mostly "a" */
export function weighted<T>(r: Rand, xs: ReadonlyArray<readonly [T, number]>): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return (xs[xs.length - 1] as readonly [T, number])[0];
}

/** True with probability p. */
export function chance(r: Rand, p: number): boolean {
  return r() < p;
}
