// The chance of an invitation within 2, 4, 8, 12 and 26 weeks, by Monte Carlo over the schedule and
// cut-off uncertainty of every stream the person is eligible for, and the rounds most likely to invite.
import { dayNumber, isoFromDay } from "./dates.js";
import { cachedFutures, type FuturesCache, type SimulatedFutures, simulateFutures } from "./futures.js";
import { type ForecastStream, forecastStream } from "./history.js";
import type { ForecastModel } from "./model.js";

export const defaultHorizons = [2, 4, 8, 12, 26] as const;

export interface Candidate {
  /** CRS score on the forecast date (with the 600 nomination points when nominated). */
  score: number;
  /** Ids of the streams the person can be invited in: "general", "cec", "pnp", "stem", … */
  eligibleStreams: readonly string[];
}

export interface ProbabilityOptions {
  /** Horizons in weeks; the longest sets how far paths run. */
  horizons?: readonly number[];
  paths?: number;
  seed?: number;
  /**
   * Weeks after the model's date at which the horizons start (default 0): for a change that takes
   * time, only rounds from then on count, and the horizons run from then.
   */
  startWeeks?: number;
  /**
   * Futures kept between calls (owned by the caller): the futures of every stream are simulated once per
   * model, seed and paths, and each call only reads them. The answer is the same as without.
   */
  cache?: FuturesCache;
}

export interface InvitingRound {
  stream: ForecastStream;
  /** 0 for the stream's next round, 1 for the one after, … */
  index: number;
  /** The date this round most often fell on in the paths that it invited. */
  typicalDate: string;
  /** Share of all paths in which this round is the first to invite. */
  probability: number;
}

export interface InvitationProbability {
  asOf: string;
  score: number;
  paths: number;
  seed: number;
  within: { weeks: number; probability: number }[];
  likelyRounds: InvitingRound[];
  /** Eligible streams the model cannot forecast (no round in two years), said rather than guessed. */
  unforecastStreams: string[];
}

/**
 * Monte Carlo invitation probability. Pure: the same model, candidate and seed give the same answer, with
 * or without a cache (cached futures are the very futures this call would simulate, see `futures.ts`).
 */
export function invitationProbability(
  model: ForecastModel,
  candidate: Candidate,
  options: ProbabilityOptions = {},
): InvitationProbability {
  const span = spanOf(model, options);
  const paths = options.paths ?? 10_000;
  const seed = options.seed ?? 1;
  const futures = options.cache
    ? cachedFutures(options.cache, model, { seed, paths, untilDay: span.lastDay })
    : simulateFutures(model, {
        seed,
        paths,
        untilDay: span.lastDay,
        streams: eligibleIndexes(model, candidate),
      });
  return answer(futures, candidate, span);
}

/** The same answer read from futures already simulated (of `futures.model`, with their seed and paths). */
export function invitationProbabilityFrom(
  futures: SimulatedFutures,
  candidate: Candidate,
  options: Pick<ProbabilityOptions, "horizons" | "startWeeks"> = {},
): InvitationProbability {
  return answer(futures, candidate, spanOf(futures.model, options));
}

interface Span {
  horizons: number[];
  /** Rounds on or before this day do not count (the change is not made yet). */
  startDay: number;
  lastDay: number;
}

function spanOf(model: ForecastModel, options: Pick<ProbabilityOptions, "horizons" | "startWeeks">): Span {
  const horizons = [...(options.horizons ?? defaultHorizons)].sort((a, b) => a - b);
  const startDay = dayNumber(model.asOf) + 7 * (options.startWeeks ?? 0);
  return { horizons, startDay, lastDay: startDay + 7 * (horizons[horizons.length - 1] ?? 26) };
}

function eligibleIndexes(model: ForecastModel, candidate: Candidate): number[] {
  const eligible = new Set(candidate.eligibleStreams);
  return model.streams.flatMap((s, i) => (eligible.has(s.key) ? [i] : []));
}

/**
 * Per path, the first round of the person's streams after the start whose cut-off the score reaches: within
 * one stream the rounds are in day order, so the scan of a stream stops at its first reached round (or at
 * the horizon, or at a day no earlier than the best so far). Equal days go to the stream listed first in
 * the model, as when the rounds of all streams were merged in that order.
 */
function answer(futures: SimulatedFutures, candidate: Candidate, span: Span): InvitationProbability {
  const { model, paths, seed } = futures;
  const { horizons, startDay, lastDay } = span;
  if (lastDay > futures.untilDay)
    throw new RangeError(`the futures end on day ${futures.untilDay}, before the horizon (day ${lastDay})`);
  const streamIndexes = eligibleIndexes(model, candidate);
  const streams = streamIndexes.map((i) => {
    const s = futures.streams[i];
    if (!s) throw new RangeError(`the futures do not include the stream ${model.streams[i]!.key}`);
    return s;
  });
  const score = candidate.score;
  const known = new Set(model.streams.map((s) => s.key));
  const invitedByWeek = new Array<number>(horizons.length).fill(0);
  const firstInviting = new Map<
    number,
    { stream: number; index: number; count: number; days: Map<number, number> }
  >();
  for (let p = 0; p < paths; p++) {
    let bestDay = Number.POSITIVE_INFINITY;
    let bestStream = -1;
    let bestIndex = -1;
    for (let k = 0; k < streams.length; k++) {
      const { offsets, days, cutoffs } = streams[k]!;
      const from = offsets[p]!;
      const to = offsets[p + 1]!;
      for (let r = from; r < to; r++) {
        const day = days[r]!;
        if (day > lastDay || day >= bestDay) break;
        if (day <= startDay || cutoffs[r]! > score) continue;
        bestDay = day;
        bestStream = streamIndexes[k]!;
        bestIndex = r - from;
        break;
      }
    }
    if (bestStream < 0) continue;
    const weeksAhead = (bestDay - startDay) / 7;
    horizons.forEach((h, k) => {
      if (weeksAhead <= h) invitedByWeek[k]!++;
    });
    // Streams are few and rounds within the horizon under a thousand: one number per (stream, round).
    const key = bestStream * 100_000 + bestIndex;
    let entry = firstInviting.get(key);
    if (!entry) {
      entry = { stream: bestStream, index: bestIndex, count: 0, days: new Map() };
      firstInviting.set(key, entry);
    }
    entry.count++;
    entry.days.set(bestDay, (entry.days.get(bestDay) ?? 0) + 1);
  }

  const likelyRounds = [...firstInviting.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 5)
    .map((e) => {
      const s = model.streams[e.stream]!;
      const typicalDay = [...e.days.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
      return {
        stream: forecastStream(s.stream),
        index: e.index,
        typicalDate: isoFromDay(typicalDay),
        probability: e.count / paths,
      };
    });
  return {
    asOf: model.asOf,
    score: candidate.score,
    paths,
    seed,
    within: horizons.map((weeks, k) => ({ weeks, probability: invitedByWeek[k]! / paths })),
    likelyRounds,
    unforecastStreams: candidate.eligibleStreams.filter((k) => !known.has(k)),
  };
}
