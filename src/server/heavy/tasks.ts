// The API's heavy computations, each a plain call of the domain modules on its arguments and the stored
// rounds: Monte Carlo probabilities, "your chances", advice, client statuses, forecasts and simulated
// rounds. The server runs them in worker threads (pool.ts), so that one of them never holds up the
// requests that cost nothing; the same functions run in-process where no pool is wanted (inline.ts).
// Arguments and results cross a thread boundary: plain data only (structured clone), no functions.
import {
  advise,
  clientStatus,
  clientStatusOrProblems,
  latestRoundByStream,
  withoutChangedProfiles,
} from "../../advisor/index.js";
import type { CompleteRound } from "../../draws/index.js";
import {
  assumingUnknownEligible,
  buildForecastModel,
  candidateFromProfile,
  type ForecastModel,
  type ForecastRound,
  forecastRounds,
  invitationProbability,
  newFuturesCache,
  streamVersionsOf,
} from "../../forecast/index.js";
import { assessEligibility } from "../../occupations/index.js";
import { withExperienceFromHistory } from "../../occupations/workHistory.js";
import { withAgeOn } from "../../profile/age.js";
import type { FieldProblem } from "../../profile/errors.js";
import type { Profile } from "../../profile/schema.js";
import { type BinShape, learnShapes, runRound, shapePoints, synthesizePool } from "../../rounds/index.js";
import { languageLevels, scoreProfile } from "../../rules/index.js";

/** What every task reads besides its arguments: sent to each worker once per version of the rounds. */
export interface TaskData {
  /** Every stored round of invitations whose size and cut-off could be read, oldest first. */
  rounds: readonly CompleteRound[];
}

// Building the model costs tens of milliseconds; the same rounds and date give the same model (one cache
// per thread, for every task that forecasts).
const models = new Map<string, { rounds: readonly CompleteRound[]; model: ForecastModel }>();
function modelFor(rounds: readonly CompleteRound[], asOf: string): ForecastModel {
  const cached = models.get(asOf);
  if (cached && cached.rounds === rounds) return cached.model;
  const model = buildForecastModel(rounds, asOf);
  if (models.size > 32) models.clear();
  models.set(asOf, { rounds, model });
  return model;
}

// Learning the within-bin shapes reads every round; the same rounds give the same shapes.
let shapesCache: { rounds: readonly CompleteRound[]; shapes: BinShape[] } | null = null;
function shapesFor(rounds: readonly CompleteRound[]): BinShape[] {
  if (shapesCache?.rounds !== rounds) shapesCache = { rounds, shapes: learnShapes(shapePoints(rounds)) };
  return shapesCache.shapes;
}

// The simulated futures of a model (every stream's rounds, path by path) cost tens of milliseconds per
// 10,000 paths and do not depend on the person: kept for the latest few (date, seed, paths), one cache per
// thread, so that each probability, chance, advice or client status only reads them. Bounded: each holds
// paths × rounds numbers.
const futuresCache = newFuturesCache(4);

// The forecast list is the same for everyone on a model and seed: chances and the forecast share it.
const forecasts = new Map<string, { model: ForecastModel; rounds: ForecastRound[] }>();
function forecastFor(model: ForecastModel, weeks: number, seed: number): ForecastRound[] {
  const key = `${model.asOf}/${weeks}/${seed}`;
  const held = forecasts.get(key);
  if (held && held.model === model) return held.rounds;
  const rounds = forecastRounds(model, { weeks, seed });
  if (forecasts.size > 32) forecasts.clear();
  forecasts.set(key, { model, rounds });
  return rounds;
}

const weekly = Array.from({ length: 26 }, (_, i) => i + 1);

/** How one date's statuses are asked for: `paths` 0 (or no round known yet) means no probability. */
export interface StatusOptions {
  asOf: string;
  paths: number;
  seed: number;
  /** Whether a round is known on `asOf` (the model needs one). */
  forecast: boolean;
}

function statusArgs(
  profile: Profile,
  rounds: readonly CompleteRound[],
  o: StatusOptions,
  latest: Map<string, CompleteRound>,
) {
  const model = o.forecast && o.paths > 0 ? modelFor(rounds, o.asOf) : undefined;
  return [
    profile,
    rounds,
    o.asOf,
    model ? { model, paths: o.paths, seed: o.seed, cache: futuresCache } : {},
    latest,
  ] as const;
}

/** Everything about one profile's chances: score, eligibility, candidate, forecast, weekly probability. */
function chances(
  a: { profile: Profile; asOf: string; seed: number; paths: number; assumeUnknownEligible: boolean },
  { rounds }: TaskData,
) {
  const profile = withExperienceFromHistory(withAgeOn(a.profile));
  const model = modelFor(rounds, a.asOf);
  const judged = candidateFromProfile(profile, a.asOf, streamVersionsOf(model));
  const candidate = a.assumeUnknownEligible ? assumingUnknownEligible(judged) : judged;
  return {
    crs: scoreProfile(profile),
    eligibility: assessEligibility(profile, languageLevels(profile), a.asOf),
    candidate,
    forecast: forecastFor(model, 26, a.seed),
    probability: invitationProbability(model, candidate, {
      seed: a.seed,
      paths: a.paths,
      horizons: weekly,
      cache: futuresCache,
    }),
  };
}

export const heavyTasks = {
  forecast: (a: { asOf: string; weeks: number; seed: number }, { rounds }: TaskData) =>
    forecastFor(modelFor(rounds, a.asOf), a.weeks, a.seed),

  probability: (a: { profile: Profile; asOf: string; seed: number; paths: number }, { rounds }: TaskData) => {
    const model = modelFor(rounds, a.asOf);
    const candidate = candidateFromProfile(a.profile, a.asOf, streamVersionsOf(model));
    return {
      candidate,
      probability: invitationProbability(model, candidate, {
        seed: a.seed,
        paths: a.paths,
        cache: futuresCache,
      }),
    };
  },

  chances,

  /** `chances` as JSON text: a big answer (about 30 kB) crosses the thread as one string, which costs the
   * server's event loop far less than rebuilding the object there and serializing it again. */
  chancesJson: (a: Parameters<typeof chances>[0], data: TaskData) => JSON.stringify(chances(a, data)),

  // The changed profiles stay out of the answer (as in `ee advise --json`): they are the person's data.
  advice: (
    a: { profile: Profile; asOf: string; seed: number; paths: number; assumeUnknownEligible: boolean },
    { rounds }: TaskData,
  ) =>
    withoutChangedProfiles(
      advise(a.profile, modelFor(rounds, a.asOf), {
        seed: a.seed,
        paths: a.paths,
        assumeUnknownEligible: a.assumeUnknownEligible,
        cache: futuresCache,
      }),
    ),

  /** One client's status; a profile the date cannot score throws its FieldError. */
  clientStatus: (a: StatusOptions & { profile: Profile }, { rounds }: TaskData) =>
    clientStatus(...statusArgs(a.profile, rounds, a, latestRoundByStream(rounds, a.asOf))),

  /** Many clients' statuses on one date, in order: each the status, or the problems of a profile the date
   * cannot score (so that one client does not fail a list). */
  clientStatuses: (a: StatusOptions & { profiles: Profile[] }, { rounds }: TaskData) => {
    const latest = latestRoundByStream(rounds, a.asOf);
    return a.profiles.map(
      (profile): ReturnType<typeof clientStatusOrProblems> | { status: null; problems: FieldProblem[] } =>
        clientStatusOrProblems(...statusArgs(profile, rounds, a, latest)),
    );
  },

  /** A round on a pool synthesized like round `like` (an index into the rounds) published. */
  simulateRound: (
    a: { like: number; stream: string; size: number; date: string; seed: number },
    { rounds }: TaskData,
  ) => {
    const source = rounds[a.like]!;
    const pool = synthesizePool({
      distribution: source.distribution!,
      seed: a.seed,
      shapes: shapesFor(rounds),
    });
    const { pool: _after, invitedIndices: _indices, ...result } = runRound(pool, a);
    return { poolSize: pool.size, result };
  },
};

export type HeavyTasks = typeof heavyTasks;
export type HeavyTaskName = keyof HeavyTasks;
