// The candidate point forecasts of a stream's next cut-off. No single one is best everywhere: CEC and
// general cut-offs drift (the last value, or the last value carried to the latest pool, is hard to
// beat), PNP and French cut-offs scatter around a level that moves now and then (a recent median or
// mean beats the last value). `cutoff.ts` picks, per stream and as of each date, the candidate whose
// own recent one-step errors were the smallest. Every candidate sees only the rounds it is given.
import { mean, median } from "../draws/analytics.js";
import type { CompleteRound } from "../draws/round.js";
import { dayNumber } from "./dates.js";
import { latestPool, poolAtOrAbove, scoreWithPoolAbove } from "./history.js";

/** The candidates, in the order that breaks ties (the simplest first). */
export const predictorNames = [
  "last",
  "median3",
  "median5",
  "mean3",
  "mean5",
  "ewma0.3",
  "ewma0.5",
  "carried",
  "ar1",
  "carried+ar1",
  "blend4",
] as const;

export type PredictorName = (typeof predictorNames)[number];

export type Predictions = Record<PredictorName, number>;

/** The cut-offs that define a stream's AR(1) level: the last two years of its rounds. */
const levelWindowDays = 730;
/** Below this many rounds in the window, the AR(1) level is just the carried last cut-off. */
const minRoundsForLevel = 4;
/** An exponentially weighted mean looks this far back at most (0.7^20 < 0.001: older rounds weigh nothing). */
const ewmaRounds = 20;

/**
 * The stream's last cut-off carried to the latest pool: the score with as many candidates at or
 * above it in the latest published distribution as the last cut-off had when it was drawn, so that
 * a refilled pool lifts it. Not for PNP, whose scores (600 + nomination) sit above the fine bands.
 */
export function carriedLastCutoff(
  streamRounds: readonly CompleteRound[],
  known: readonly CompleteRound[],
): number {
  const last = streamRounds[streamRounds.length - 1]!;
  const pool = latestPool(known);
  if (!last.distribution || !pool || last.cutoff > 600 || last.stream.id === "pnp") return last.cutoff;
  return scoreWithPoolAbove(pool, poolAtOrAbove(last.distribution, last.cutoff));
}

/**
 * The stream's two-year mean and lag-1 autocorrelation (clamped to 0..1): how strongly a cut-off
 * away from the mean stays away. With fewer than 4 rounds there is no level: persistence 1 at `start`.
 */
export function levelAndPersistence(
  streamRounds: readonly CompleteRound[],
  start: number,
): { mean: number; persistence: number } {
  const lastDay = dayNumber(streamRounds[streamRounds.length - 1]!.date);
  const xs = streamRounds.filter((r) => dayNumber(r.date) > lastDay - levelWindowDays).map((r) => r.cutoff);
  if (xs.length < minRoundsForLevel) return { mean: start, persistence: 1 };
  const level = mean(xs)!;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    variance += (xs[i]! - level) ** 2;
    if (i > 0) covariance += (xs[i]! - level) * (xs[i - 1]! - level);
  }
  const persistence = variance > 0 ? Math.min(1, Math.max(0, covariance / variance)) : 1;
  return { mean: level, persistence };
}

/** The AR(1) forecast: the carried last cut-off pulled toward the two-year mean by (1 − persistence). */
export function ar1Cutoff(streamRounds: readonly CompleteRound[], known: readonly CompleteRound[]): number {
  const start = carriedLastCutoff(streamRounds, known);
  const { mean, persistence } = levelAndPersistence(streamRounds, start);
  return mean + persistence * (start - mean);
}

/** Exponentially weighted mean of `xs` (oldest first), starting from the first value. */
export function ewma(xs: readonly number[], weight: number): number {
  let level = xs[0]!;
  for (const x of xs) level = weight * x + (1 - weight) * level;
  return level;
}

/**
 * Every candidate's forecast of the round after `streamRounds` (the stream's rounds, oldest first,
 * at least one), seeing `known` (every stream's rounds before that round, oldest first).
 */
export function predictAll(
  streamRounds: readonly CompleteRound[],
  known: readonly CompleteRound[],
): Predictions {
  // Rounds more than two years before the latest belong to another era of the stream (CEC rounds of
  // 2021 at 75–450 points say nothing about those of 2024).
  const lastDay = dayNumber(streamRounds[streamRounds.length - 1]!.date);
  const cutoffs = streamRounds
    .filter((r) => dayNumber(r.date) > lastDay - levelWindowDays)
    .map((r) => r.cutoff);
  const last = cutoffs[cutoffs.length - 1]!;
  const carried = carriedLastCutoff(streamRounds, known);
  const ar1 = ar1Cutoff(streamRounds, known);
  // `cutoffs` holds at least the latest round, so the medians exist.
  const median5 = median(cutoffs.slice(-5))!;
  const recent = cutoffs.slice(-ewmaRounds);
  return {
    last,
    median3: median(cutoffs.slice(-3))!,
    median5,
    mean3: mean(cutoffs.slice(-3))!,
    mean5: mean(cutoffs.slice(-5))!,
    "ewma0.3": ewma(recent, 0.3),
    "ewma0.5": ewma(recent, 0.5),
    carried,
    ar1,
    "carried+ar1": (carried + ar1) / 2,
    // Four unlike forecasts averaged: their errors partly cancel.
    blend4: (last + median5 + carried + ar1) / 4,
  };
}
