// The rounds a forecast may see, grouped by stream, and the pool arithmetic the cut-off model uses.
import { compareRounds } from "../draws/feed.js";
import { type CompleteRound, finestScoreBins, type PoolDistribution } from "../draws/round.js";
import type { StreamRef } from "../draws/stream.js";
import { maxCrs } from "../rounds/pool.js";
import { dayNumber } from "./dates.js";

/**
 * A stream across its list versions, by its id: "general", "cec", "pnp", "stem", … (program and
 * category ids never collide, so the id alone names the stream, as in the round engine).
 */
export function streamKey(stream: Pick<StreamRef, "id">): string {
  return stream.id;
}

/** A stream as the forecasts report it: `recognized` only matters to the feed's warnings. */
export type ForecastStream = Pick<StreamRef, "kind" | "id" | "version">;

export function forecastStream({ kind, id, version }: StreamRef): ForecastStream {
  return { kind, id, version };
}

/**
 * The rounds known on `asOf`: dated on or before it, oldest first (ties by round number).
 * Every model in this folder starts here, which is what keeps forecasts and the backtest honest.
 */
export function roundsKnownOn(rounds: readonly CompleteRound[], asOf: string): CompleteRound[] {
  const cutoffDay = dayNumber(asOf);
  return rounds.filter((r) => dayNumber(r.date) <= cutoffDay).sort(compareRounds);
}

export interface StreamHistory {
  key: string;
  /** The stream as in its latest round (its list version included). */
  stream: StreamRef;
  /** Oldest first. */
  rounds: CompleteRound[];
}

/** Groups rounds (already sorted oldest first) by stream; an unrecognized name is a stream of its own. */
export function byStream(rounds: readonly CompleteRound[]): Map<string, StreamHistory> {
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

/** Candidates in the pool at or above `score`, spreading each published bin's count evenly over its points. */
export function poolAtOrAbove(d: PoolDistribution, score: number): number {
  let count = 0;
  for (const { lo, hi, field } of finestScoreBins) {
    const n = d[field];
    if (score <= lo) count += n;
    else if (score <= hi) count += (n * (hi - score + 1)) / (hi - lo + 1);
  }
  return count;
}

/** The highest score with at least `count` candidates at or above it (0 when the pool is smaller). */
export function scoreWithPoolAbove(d: PoolDistribution, count: number): number {
  let lo = 0;
  let hi = maxCrs;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (poolAtOrAbove(d, mid) >= count) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The most recent published pool distribution among `rounds` (sorted oldest first), if any. */
export function latestPool(rounds: readonly CompleteRound[]): PoolDistribution | null {
  for (let i = rounds.length - 1; i >= 0; i--) {
    const d = rounds[i]?.distribution;
    if (d) return d;
  }
  return null;
}
