// The cut-off of a stream's next rounds as a distribution. The model is a mean-reverting (AR(1))
// series per stream: the next cut-off is pulled from the last one toward the stream's recent mean, as
// strongly as the stream's own history says cut-offs persist. The last cut-off is first carried to
// the latest pool: if the pool above it has refilled since, the same number of invitations reaches
// a higher score. The spread comes from the model's own past one-step errors (never from the future).
import type { Round } from "../draws/round.js";
import { dayNumber } from "./dates.js";
import { latestPool, poolAtOrAbove, scoreWithPoolAbove } from "./history.js";

/** The cut-offs that define a stream's level: the last two years of its rounds. */
const levelWindowDays = 730;
/** Below this many rounds in the window, the level is just the last cut-off. */
const minRoundsForLevel = 4;
/** At most this many past one-step errors are replayed per stream. */
const maxErrors = 30;
/** How many of the stream's latest rounds give its likely size. */
const sizeRounds = 3;

export interface CutoffModel {
  /** The stream's last cut-off carried to the latest pool: where the series continues from. */
  start: number;
  /** The one-step point forecast (median) of the next cut-off. */
  next: number;
  /** The level the cut-offs revert to. */
  mean: number;
  /** Persistence 0..1: 1 = the next cut-off is the last one, 0 = it is the mean. */
  persistence: number;
  /** Past one-step errors (actual − forecast), sorted: the spread of every forecast round. */
  errors: number[];
  /** Median of the latest sizes. */
  size: number;
}

/** The stream's last cut-off carried to the latest pool (PNP cut-offs sit above the published bands). */
function lastCutoffInLatestPool(streamRounds: readonly Round[], known: readonly Round[]): number {
  const last = streamRounds[streamRounds.length - 1]!;
  const pool = latestPool(known);
  if (!last.distribution || !pool || last.cutoff > 600 || last.stream.id === "pnp") return last.cutoff;
  return scoreWithPoolAbove(pool, poolAtOrAbove(last.distribution, last.cutoff));
}

function levelAndPersistence(
  streamRounds: readonly Round[],
  start: number,
): { mean: number; persistence: number } {
  const lastDay = dayNumber(streamRounds[streamRounds.length - 1]!.date);
  const xs = streamRounds.filter((r) => dayNumber(r.date) > lastDay - levelWindowDays).map((r) => r.cutoff);
  if (xs.length < minRoundsForLevel) return { mean: start, persistence: 1 };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    variance += (xs[i]! - mean) ** 2;
    if (i > 0) covariance += (xs[i]! - mean) * (xs[i - 1]! - mean);
  }
  const persistence = variance > 0 ? Math.min(1, Math.max(0, covariance / variance)) : 1;
  return { mean, persistence };
}

/** The point forecast of the round after `streamRounds` (oldest first), seeing `known` (all streams). */
export function pointCutoff(streamRounds: readonly Round[], known: readonly Round[]): CutoffModel["next"] {
  const start = lastCutoffInLatestPool(streamRounds, known);
  const { mean, persistence } = levelAndPersistence(streamRounds, start);
  return mean + persistence * (start - mean);
}

/**
 * The stream's cut-off model as of the latest round in `known` (all streams, oldest first);
 * `streamRounds` are the stream's rounds among them, oldest first.
 */
export function cutoffModel(streamRounds: readonly Round[], known: readonly Round[]): CutoffModel {
  const start = lastCutoffInLatestPool(streamRounds, known);
  const { mean, persistence } = levelAndPersistence(streamRounds, start);
  const errors: number[] = [];
  const first = Math.max(1, streamRounds.length - maxErrors);
  let knownEnd = 0;
  const lastDay = dayNumber(streamRounds[streamRounds.length - 1]!.date);
  for (let i = first; i < streamRounds.length; i++) {
    const target = streamRounds[i]!;
    // Errors from another era of the stream (before a long pause, other rules) would mislead:
    // the spread, like the level, comes from the last two years.
    if (dayNumber(target.date) <= lastDay - levelWindowDays) continue;
    // Replay the forecast made before this round: only rounds dated strictly before it.
    while (knownEnd < known.length && known[knownEnd]!.date < target.date) knownEnd++;
    const before = known.slice(0, knownEnd);
    errors.push(target.cutoff - pointCutoff(streamRounds.slice(0, i), before));
  }
  errors.sort((a, b) => a - b);
  const sizes = streamRounds.slice(-sizeRounds).map((r) => r.size);
  return {
    start,
    next: mean + persistence * (start - mean),
    mean,
    persistence,
    errors,
    size: Math.round(median(sizes)),
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The q-quantile (0..1) of sorted numbers, interpolated. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
