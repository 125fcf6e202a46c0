// Ranks what a person can change by the invitation probability it adds over 26 weeks: each possible
// change is scored by the CRS engine (at the date it can be made, with the age then), judged for
// eligibility, and run through the same Monte Carlo futures (same seed) as the person as they are.
import { dayNumber } from "../forecast/dates.js";
import {
  assumingUnknownEligible,
  cachedFutures,
  candidateFromProfile,
  daysBetween,
  type ForecastCandidate,
  type ForecastModel,
  type FuturesCache,
  invitationProbability,
  newFuturesCache,
  streamVersionsOf,
} from "../forecast/index.js";
import type { Profile } from "../profile/schema.js";
import { type ActionKind, type CandidateAction, possibleActions } from "./actions.js";

export const adviceHorizonWeeks = 26;

export interface Action {
  kind: ActionKind;
  id: string;
  description: string;
  reachedOn: string;
  note?: string;
  /** CRS on `reachedOn` after the change, minus CRS now. */
  pointsGained: number;
  newScore: number;
  /** Chance of an invitation within 26 weeks of `reachedOn` with the change. */
  probability: number;
  /** That chance minus the chance without the change over the same weeks. */
  probabilityGained: number;
  /** Streams the change makes the person eligible for. */
  newEligibility: string[];
  /** The changed profile (for checking; not printed). */
  profile: Profile;
}

export interface Advice {
  asOf: string;
  score: number;
  eligibleStreams: string[];
  /** Streams the profile cannot decide; counted as eligible only with `assumeUnknownEligible`. */
  unknownStreams: string[];
  /** Chance of an invitation within 26 weeks as things are. */
  probability: number;
  actions: Action[];
}

/** Advice as it may be shown or sent: the changed profiles left out. */
export type PublishedAdvice = Omit<Advice, "actions"> & { actions: Omit<Action, "profile">[] };

/** Leaves the changed profiles out of the advice: they are the person's data, already known to them. */
export function withoutChangedProfiles(advice: Advice): PublishedAdvice {
  return { ...advice, actions: advice.actions.map(({ profile: _, ...rest }) => rest) };
}

export interface AdviceOptions {
  paths?: number;
  seed?: number;
  /** Count the streams the profile cannot decide (e.g. no work history) as eligible. Default false. */
  assumeUnknownEligible?: boolean;
  /**
   * Simulated futures kept between calls (see `invitationProbability`). Without one, the futures are still
   * simulated once per call and shared by the person as they are and every change.
   */
  cache?: FuturesCache;
}

/** The possible changes for `profile`, best first (probability gained, then points gained). */
export function advise(profile: Profile, model: ForecastModel, options: AdviceOptions = {}): Advice {
  const paths = options.paths ?? 4000;
  const seed = options.seed ?? 1;
  const versions = streamVersionsOf(model);
  const judge = (p: Profile, date: string) => {
    const c = candidateFromProfile(p, date, versions);
    return options.assumeUnknownEligible ? assumingUnknownEligible(c) : c;
  };
  const now = judge(profile, model.asOf);
  const candidates = possibleActions(profile, model.asOf).map((a) => ({
    action: a,
    startWeeks: Math.floor(daysBetween(model.asOf, a.reachedOn) / 7),
  }));
  // Every change reads the same futures: simulated once, as far as the latest change's horizon reaches
  // (the futures of a stream do not depend on how far they run, so the answers are those of separate runs).
  const cache = options.cache ?? newFuturesCache(1);
  const furthestStart = Math.max(0, ...candidates.map((c) => c.startWeeks));
  const untilDay = dayNumber(model.asOf) + 7 * (furthestStart + adviceHorizonWeeks);
  cachedFutures(cache, model, { seed, paths, untilDay });
  const chance = (candidate: ForecastCandidate, startWeeks: number) =>
    invitationProbability(model, candidate, {
      horizons: [adviceHorizonWeeks],
      paths,
      seed,
      startWeeks,
      cache,
    }).within[0]!.probability;
  const baseline = new Map<number, number>();
  const baselineFrom = (startWeeks: number) => {
    if (!baseline.has(startWeeks)) baseline.set(startWeeks, chance(now, startWeeks));
    return baseline.get(startWeeks)!;
  };

  const actions = candidates.flatMap(
    ({ action: a, startWeeks }: { action: CandidateAction; startWeeks: number }): Action[] => {
      const after = judge(a.profile, a.reachedOn);
      const probability = chance(after, startWeeks);
      const action: Action = {
        kind: a.kind,
        id: a.id,
        description: a.description,
        reachedOn: a.reachedOn,
        ...(a.note ? { note: a.note } : {}),
        pointsGained: after.score - now.score,
        newScore: after.score,
        probability,
        probabilityGained: probability - baselineFrom(startWeeks),
        newEligibility: after.eligibleStreams.filter((s) => !now.eligibleStreams.includes(s)),
        profile: a.profile,
      };
      // A change that adds nothing is not advice.
      return action.pointsGained > 0 || action.newEligibility.length || action.probabilityGained > 0
        ? [action]
        : [];
    },
  );
  actions.sort((a, b) => b.probabilityGained - a.probabilityGained || b.pointsGained - a.pointsGained);
  return {
    asOf: model.asOf,
    score: now.score,
    eligibleStreams: [...now.eligibleStreams],
    unknownStreams: [...now.unknownStreams],
    probability: baselineFrom(0),
    actions,
  };
}
