// The cut-off of a stream's next rounds as a distribution. The point forecast is chosen per stream
// and as of each date among the candidates of `predictors.ts`: the one whose one-step errors over the
// stream's latest rounds were the smallest (rolling-origin evaluation on the stream's own past only).
// The spread is the past one-step errors of that whole procedure, choice included, replayed round by
// round (never from the future). Later rounds keep the same centre; their spread widens as much as
// the stream's cut-offs persist (AR(1)).
import type { CompleteRound } from "../draws/round.js";
import { dayNumber } from "./dates.js";
import {
  carriedLastCutoff,
  levelAndPersistence,
  type Predictions,
  type PredictorName,
  predictAll,
  predictorNames,
} from "./predictors.js";

/** Errors and choices look back two years at most: older rounds belong to another era of the stream. */
const windowDays = 730;
/** At most this many past one-step errors are replayed per stream (the spread). */
const maxErrors = 30;
/** The choice weighs the candidates' errors on this many of the stream's latest rounds… */
const choiceRounds = 6;
/**
 * …and needs at least this many; with fewer, the blend of four is used. The three were chosen on
 * backtests before 2024 only (2016–2023: cut-off MAE 18.6 against 21.8 for the last cut-off; there or
 * on 2019–2023, windows of 4, 5, 7 or 8 rounds, at least 4 rounds, the last cut-off as fallback, or
 * fewer candidates all did worse).
 */
const minChoiceRounds = 3;
const fallbackPredictor: PredictorName = "blend4";

export interface CutoffModel {
  /** The stream's last cut-off carried to the latest pool. */
  start: number;
  /** The one-step point forecast (median) of the next cut-off; later rounds are centred on it too. */
  next: number;
  /** The candidate that gave `next`. */
  method: PredictorName;
  /** The stream's two-year mean cut-off. */
  mean: number;
  /** Persistence 0..1 of a cut-off's deviation from one round to the next (lag-1 autocorrelation). */
  persistence: number;
  /** Past one-step errors (actual − forecast) of the procedure, sorted: the spread of every forecast round. */
  errors: number[];
  /** The likely size: the stream's last one. */
  size: number;
}

/** One past round of the stream with every candidate's forecast of it. */
export interface Replayed {
  day: number;
  actual: number;
  predictions: Predictions;
}

/**
 * The candidate with the smallest mean absolute error on `past` (the stream's latest replayed rounds,
 * oldest first), or the fallback when there are too few. Ties go to the earlier candidate in the list.
 */
export function choosePredictor(past: readonly Replayed[]): PredictorName {
  if (past.length < minChoiceRounds) return fallbackPredictor;
  let best: PredictorName = predictorNames[0];
  let bestError = Number.POSITIVE_INFINITY;
  for (const name of predictorNames) {
    const error = past.reduce((sum, r) => sum + Math.abs(r.predictions[name] - r.actual), 0);
    // A tolerance so that float noise in equal sums does not decide.
    if (error < bestError - 1e-9) {
      best = name;
      bestError = error;
    }
  }
  return best;
}

/** The replayed rounds usable for a choice made on `day`: the latest few within the window. */
function pastFor(replayed: readonly Replayed[], before: number, day: number): Replayed[] {
  return replayed
    .slice(0, before)
    .filter((r) => r.day > day - windowDays)
    .slice(-choiceRounds);
}

/**
 * The stream's cut-off model as of the latest round in `known` (all streams, oldest first);
 * `streamRounds` are the stream's rounds among them, oldest first.
 */
export function cutoffModel(
  streamRounds: readonly CompleteRound[],
  known: readonly CompleteRound[],
): CutoffModel {
  const start = carriedLastCutoff(streamRounds, known);
  const { mean, persistence } = levelAndPersistence(streamRounds, start);
  const lastDay = dayNumber(streamRounds[streamRounds.length - 1]!.date);

  // Replay every candidate on the stream's latest rounds: each forecast sees only the rounds dated
  // strictly before the round it forecasts.
  const first = Math.max(1, streamRounds.length - maxErrors - choiceRounds);
  const replayed: Replayed[] = [];
  let knownEnd = 0;
  for (let i = first; i < streamRounds.length; i++) {
    const target = streamRounds[i]!;
    while (knownEnd < known.length && known[knownEnd]!.date < target.date) knownEnd++;
    replayed.push({
      day: dayNumber(target.date),
      actual: target.cutoff,
      predictions: predictAll(streamRounds.slice(0, i), known.slice(0, knownEnd)),
    });
  }

  // The procedure's own errors: at each replayed round, the choice made from the rounds before it.
  const errors: number[] = [];
  replayed.forEach((r, k) => {
    if (r.day <= lastDay - windowDays || replayed.length - k > maxErrors) return;
    const choice = choosePredictor(pastFor(replayed, k, r.day));
    errors.push(r.actual - r.predictions[choice]);
  });
  errors.sort((a, b) => a - b);

  const asOfDay = dayNumber(known[known.length - 1]?.date ?? streamRounds[streamRounds.length - 1]!.date);
  const method = choosePredictor(pastFor(replayed, replayed.length, asOfDay));
  const next = predictAll(streamRounds, known)[method];
  // The likely size is the last one: on 2015–2023 it missed by 26% on average, the median of the
  // last 3 by 32%, of the last 5 by 34% (IRCC changes sizes in steps and keeps them).
  const size = streamRounds[streamRounds.length - 1]!.size;
  return { start, next, method, mean, persistence, errors, size };
}

/** The q-quantile (0..1) of sorted numbers, interpolated. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
