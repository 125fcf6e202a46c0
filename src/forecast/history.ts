// The rounds a forecast may see, grouped by stream, and the pool arithmetic the cut-off model uses.
import type { PoolDistribution, Round } from "../draws/round.js";
import type { StreamRef } from "../draws/stream.js";
import { dayNumber } from "./dates.js";

/**
 * A stream across its list versions, by its id: "general", "cec", "pnp", "stem", … (program and
 * category ids never collide, so the id alone names the stream, as in the round engine).
 */
export function streamKey(stream: Pick<StreamRef, "id">): string {
  return stream.id;
}

/**
 * The rounds known on `asOf`: dated on or before it, oldest first (ties by round number).
 * Every model in this folder starts here, which is what keeps forecasts and the backtest honest.
 */
export function roundsKnownOn(rounds: readonly Round[], asOf: string): Round[] {
  const cutoffDay = dayNumber(asOf);
  return rounds
    .filter((r) => dayNumber(r.date) <= cutoffDay)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || a.roundNumber - b.roundNumber || a.round.localeCompare(b.round),
    );
}

export interface StreamHistory {
  key: string;
  /** The stream as in its latest round (its list version included). */
  stream: StreamRef;
  /** Oldest first. */
  rounds: Round[];
}

/** Groups rounds (already sorted oldest first) by stream; an unrecognized name is a stream of its own. */
export function byStream(rounds: readonly Round[]): Map<string, StreamHistory> {
  const out = new Map<string, StreamHistory>();
  for (const r of rounds) {
    const key = streamKey(r.stream);
    const entry = out.get(key);
    if (entry) {
      entry.rounds.push(r);
      entry.stream = r.stream;
    } else out.set(key, { key, stream: r.stream, rounds: [r] });
  }
  return out;
}

// The published bands (lowest score, highest score, count) of a pool distribution. The feed splits
// 401–500 into 10-point bands and the rest into wider ones.
function bands(d: PoolDistribution): [number, number, number][] {
  return [
    [601, 1200, d.r601to1200],
    [501, 600, d.r501to600],
    [491, 500, d.r491to500],
    [481, 490, d.r481to490],
    [471, 480, d.r471to480],
    [461, 470, d.r461to470],
    [451, 460, d.r451to460],
    [441, 450, d.r441to450],
    [431, 440, d.r431to440],
    [421, 430, d.r421to430],
    [411, 420, d.r411to420],
    [401, 410, d.r401to410],
    [351, 400, d.r351to400],
    [301, 350, d.r301to350],
    [0, 300, d.r0to300],
  ];
}

/** Candidates in the pool at or above `score`, spreading each band's count evenly over its points. */
export function poolAtOrAbove(d: PoolDistribution, score: number): number {
  let count = 0;
  for (const [lo, hi, n] of bands(d)) {
    if (score <= lo) count += n;
    else if (score <= hi) count += (n * (hi - score + 1)) / (hi - lo + 1);
  }
  return count;
}

/** The highest score with at least `count` candidates at or above it (0 when the pool is smaller). */
export function scoreWithPoolAbove(d: PoolDistribution, count: number): number {
  let lo = 0;
  let hi = 1200;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (poolAtOrAbove(d, mid) >= count) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The most recent published pool distribution among `rounds` (sorted oldest first), if any. */
export function latestPool(rounds: readonly Round[]): PoolDistribution | null {
  for (let i = rounds.length - 1; i >= 0; i--) {
    const d = rounds[i]?.distribution;
    if (d) return d;
  }
  return null;
}
