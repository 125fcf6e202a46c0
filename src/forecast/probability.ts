// The chance of an invitation within 2, 4, 8, 12 and 26 weeks, by Monte Carlo over the schedule and
// cut-off uncertainty of every stream the person is eligible for, and the rounds most likely to invite.
import { dayNumber, isoFromDay } from "./dates.js";
import {
  cachedFutures,
  type FuturesCache,
  type SimulatedFutures,
  type StreamFutures,
  simulateFutures,
} from "./futures.js";
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
 * One stream's *record* rounds after a start day, path by path: the rounds whose cut-off is below every
 * earlier one's since the start. The first round that a score reaches is always a record (every round
 * before it was above the score, so above its cut-off), so a person is answered by reading the records
 * alone: two or three per path, where the rounds within 26 weeks are a dozen or more.
 */
interface StreamRecords {
  offsets: Int32Array;
  days: Int32Array;
  cutoffs: Int32Array;
  /** The record's index among the path's rounds (0 for the stream's next round, …). */
  indexes: Int32Array;
  /** The most rounds the stream has in one path (bounds `indexes`). */
  width: number;
}

// Per futures (they are immutable once simulated), per stream and start day: built on first use.
const recordsCache = new WeakMap<SimulatedFutures, Map<string, StreamRecords>>();

function recordsOf(
  futures: SimulatedFutures,
  stream: number,
  s: StreamFutures,
  startDay: number,
): StreamRecords {
  let held = recordsCache.get(futures);
  if (!held) {
    held = new Map();
    recordsCache.set(futures, held);
  }
  const key = `${stream}/${startDay}`;
  const cached = held.get(key);
  if (cached) return cached;
  const { paths } = futures;
  const offsets = new Int32Array(paths + 1);
  const days = new Int32Array(s.days.length);
  const cutoffs = new Int32Array(s.days.length);
  const indexes = new Int32Array(s.days.length);
  let n = 0;
  let width = 0;
  for (let p = 0; p < paths; p++) {
    const from = s.offsets[p]!;
    const to = s.offsets[p + 1]!;
    width = Math.max(width, to - from);
    let lowest = Number.POSITIVE_INFINITY;
    for (let r = from; r < to; r++) {
      const day = s.days[r]!;
      const cutoff = s.cutoffs[r]!;
      if (day <= startDay || cutoff >= lowest) continue;
      lowest = cutoff;
      days[n] = day;
      cutoffs[n] = cutoff;
      indexes[n++] = r - from;
    }
    offsets[p + 1] = n;
  }
  const records = {
    offsets,
    days: days.slice(0, n),
    cutoffs: cutoffs.slice(0, n),
    indexes: indexes.slice(0, n),
    width,
  };
  held.set(key, records);
  return records;
}

/**
 * Per path, the first round of the person's streams after the start whose cut-off the score reaches: within
 * one stream the rounds are in day order, so the scan of a stream stops at its first reached round (or at
 * the horizon, or at a day no earlier than the best so far). Equal days go to the stream listed first in
 * the model, as when the rounds of all streams were merged in that order.
 *
 * Each stream is read through its records (`recordsOf`). Every path's result is kept in typed arrays and counted afterwards (no per-path maps or closures): the
 * invited paths per week by a histogram summed into the horizons, the first inviting rounds by a dense
 * (stream, round index) table, and the typical date only for the five rounds listed. Ties between rounds
 * that invite in as many paths keep the order in which they first invite, path by path.
 */
// Answers already read, per futures: a person's answer depends only on the futures, the score, the
// streams and the span, and many people share those (a consultant's clients, repeated questions). Bounded
// per futures; each caller gets its own copy.
const answersCache = new WeakMap<SimulatedFutures, Map<string, InvitationProbability>>();
const answersPerFutures = 1024; // about 2 kB each with 26 weekly horizons

function answer(futures: SimulatedFutures, candidate: Candidate, span: Span): InvitationProbability {
  let held = answersCache.get(futures);
  if (!held) {
    held = new Map();
    answersCache.set(futures, held);
  }
  const key = `${candidate.score}|${candidate.eligibleStreams.join(",")}|${span.horizons.join(",")}|${span.startDay}|${span.lastDay}`;
  let found = held.get(key);
  if (!found) {
    found = readFutures(futures, candidate, span);
    if (held.size >= answersPerFutures) held.clear();
    held.set(key, found);
  }
  return structuredClone(found);
}

function readFutures(futures: SimulatedFutures, candidate: Candidate, span: Span): InvitationProbability {
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
  const records = streamIndexes.map((i, k) => recordsOf(futures, i, streams[k]!, startDay));
  // The most rounds any of the person's streams has in one path: the width of the (stream, index) table.
  const width = Math.max(1, ...records.map((r) => r.width));
  const firstOf = new Int32Array(paths).fill(-1); // per path: k × width + index of its first inviting round
  const dayOf = new Int32Array(paths);
  const byDay = new Int32Array(Math.max(0, lastDay - startDay) + 1); // invited paths per day after the start
  for (let p = 0; p < paths; p++) {
    let bestDay = Number.POSITIVE_INFINITY;
    let best = -1;
    for (let k = 0; k < records.length; k++) {
      const { offsets, days, cutoffs, indexes } = records[k]!;
      const to = offsets[p + 1]!;
      for (let r = offsets[p]!; r < to; r++) {
        const day = days[r]!;
        if (day > lastDay || day >= bestDay) break;
        if (cutoffs[r]! > score) continue;
        bestDay = day;
        best = k * width + indexes[r]!;
        break;
      }
    }
    if (best < 0) continue;
    firstOf[p] = best;
    dayOf[p] = bestDay;
    byDay[bestDay - startDay]!++;
  }

  // A path counts within horizon h when its invitation is at most 7h days after the start.
  const within = horizons.map((weeks) => {
    let invited = 0;
    const until = Math.min(byDay.length - 1, Math.floor(7 * weeks));
    for (let d = 0; d <= until; d++) invited += byDay[d]!;
    return { weeks, probability: invited / paths };
  });

  const count = new Int32Array(streams.length * width);
  const firstPath = new Int32Array(streams.length * width).fill(-1);
  for (let p = 0; p < paths; p++) {
    const key = firstOf[p]!;
    if (key < 0) continue;
    if (count[key] === 0) firstPath[key] = p;
    count[key]!++;
  }
  const keys: number[] = [];
  for (let key = 0; key < count.length; key++) if (count[key]! > 0) keys.push(key);
  keys.sort((a, b) => count[b]! - count[a]! || firstPath[a]! - firstPath[b]!);
  const likelyRounds = keys.slice(0, 5).map((key) => {
    const perDay = new Int32Array(byDay.length);
    for (let p = firstPath[key]!; p < paths; p++) if (firstOf[p] === key) perDay[dayOf[p]! - startDay]!++;
    let typical = 0;
    for (let d = 1; d < perDay.length; d++) if (perDay[d]! > perDay[typical]!) typical = d;
    const s = model.streams[streamIndexes[Math.floor(key / width)]!]!;
    return {
      stream: forecastStream(s.stream),
      index: key % width,
      typicalDate: isoFromDay(startDay + typical),
      probability: count[key]! / paths,
    };
  });
  return {
    asOf: model.asOf,
    score: candidate.score,
    paths,
    seed,
    within,
    likelyRounds,
    unforecastStreams: candidate.eligibleStreams.filter((k) => !known.has(k)),
  };
}
