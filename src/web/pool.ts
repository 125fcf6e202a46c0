// The pool distribution IRCC publishes with a round, as non-overlapping score ranges in order
// (the feed also gives the 451–500 and 401–450 totals, which these ranges subdivide).
import { finestScoreBins, type PoolDistribution, type Round } from "../draws/round.js";

// The ranges are the feed's finest bins as the draws module defines them (with their source), lowest
// first for the charts.
const lowestFirst = [...finestScoreBins].reverse();

export interface PoolBar {
  range: string;
  from: number;
  to: number;
  count: number;
}

export function poolBars(d: PoolDistribution): PoolBar[] {
  return lowestFirst.map(({ lo, hi, field }) => ({
    range: `${lo}–${hi}`,
    from: lo,
    to: hi,
    count: d[field],
  }));
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
