// A small seeded random generator (mulberry32): the same seed gives the same forecast everywhere,
// in Node and in the browser. Not for anything secret.

export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniformly chosen element of a non-empty list. */
export function pick<T>(random: Random, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}
