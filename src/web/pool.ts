// The pool distribution IRCC publishes with a round, as non-overlapping score ranges in order
// (the feed also gives the 451–500 and 401–450 totals, which these ranges subdivide).
import type { PoolDistribution, Round } from "../draws/index.js";

export const poolRanges = [
  ["r0to300", 0, 300],
  ["r301to350", 301, 350],
  ["r351to400", 351, 400],
  ["r401to410", 401, 410],
  ["r411to420", 411, 420],
  ["r421to430", 421, 430],
  ["r431to440", 431, 440],
  ["r441to450", 441, 450],
  ["r451to460", 451, 460],
  ["r461to470", 461, 470],
  ["r471to480", 471, 480],
  ["r481to490", 481, 490],
  ["r491to500", 491, 500],
  ["r501to600", 501, 600],
  ["r601to1200", 601, 1200],
] as const satisfies readonly (readonly [keyof PoolDistribution, number, number])[];

export interface PoolBar {
  range: string;
  from: number;
  to: number;
  count: number;
}

export function poolBars(d: PoolDistribution): PoolBar[] {
  return poolRanges.map(([key, from, to]) => ({ range: `${from}–${to}`, from, to, count: d[key] }));
}

/** The latest distribution published on or before `date` (by its own as-on date), or null. */
export function distributionOn(rounds: readonly Round[], date: string): PoolDistribution | null {
  let found: PoolDistribution | null = null;
  for (const r of rounds) {
    const d = r.distribution;
    if (d && d.asOn <= date && (!found || d.asOn >= found.asOn)) found = d;
  }
  return found;
}
