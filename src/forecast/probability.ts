// The chance of an invitation within 2, 4, 8, 12 and 26 weeks, by Monte Carlo over the schedule and
// cut-off uncertainty of every stream the person is eligible for, and the rounds most likely to invite.
import { seededRandom } from "../rounds/random.js";
import { dayNumber, isoFromDay } from "./dates.js";
import { type ForecastStream, forecastStream } from "./history.js";
import { type ForecastModel, type SimulatedRound, simulateStream } from "./model.js";

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

/** Monte Carlo invitation probability. Pure: the same model, candidate and seed give the same answer. */
export function invitationProbability(
  model: ForecastModel,
  candidate: Candidate,
  options: ProbabilityOptions = {},
): InvitationProbability {
  const horizons = [...(options.horizons ?? defaultHorizons)].sort((a, b) => a - b);
  const paths = options.paths ?? 10_000;
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const startDay = dayNumber(model.asOf) + 7 * (options.startWeeks ?? 0);
  const lastDay = startDay + 7 * (horizons[horizons.length - 1] ?? 26);
  const eligible = new Set(candidate.eligibleStreams);
  const streamIndexes = model.streams.flatMap((s, i) => (eligible.has(s.key) ? [i] : []));
  const known = new Set(model.streams.map((s) => s.key));

  const invitedByWeek = new Array<number>(horizons.length).fill(0);
  const firstInviting = new Map<
    string,
    { stream: number; index: number; count: number; days: Map<number, number> }
  >();
  const rounds: SimulatedRound[] = [];
  for (let p = 0; p < paths; p++) {
    rounds.length = 0;
    for (const i of streamIndexes) simulateStream(model, i, lastDay, random, rounds);
    let first: SimulatedRound | undefined;
    for (const r of rounds)
      if (r.day > startDay && candidate.score >= r.cutoff && (!first || r.day < first.day)) first = r;
    if (!first) continue;
    const weeksAhead = (first.day - startDay) / 7;
    horizons.forEach((h, k) => {
      if (weeksAhead <= h) invitedByWeek[k]!++;
    });
    const key = `${first.stream}/${first.index}`;
    const entry = firstInviting.get(key) ?? {
      stream: first.stream,
      index: first.index,
      count: 0,
      days: new Map(),
    };
    entry.count++;
    entry.days.set(first.day, (entry.days.get(first.day) ?? 0) + 1);
    firstInviting.set(key, entry);
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
