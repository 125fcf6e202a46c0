// A consultant's client at a glance, on a date: the CRS under the rules of that date, the streams the
// profile is eligible for, the latest round of each of those streams and whether the score reached its
// cut-off, and (when a forecast model is given) the chance of an invitation. Pure: the rounds, the date and
// the model are parameters, so one call per client scales to a list of hundreds.
import type { CompleteRound } from "../draws/index.js";
import { byStream, roundsKnownOn } from "../forecast/history.js";
import {
  candidateFromProfile,
  defaultHorizons,
  type ForecastModel,
  type FuturesCache,
  type InvitationProbability,
  invitationProbability,
} from "../forecast/index.js";
import { withAgeOn } from "../profile/age.js";
import { FieldError, type FieldProblem } from "../profile/errors.js";
import type { Profile } from "../profile/schema.js";

/** The latest round of one eligible stream on the date, and how the client's score compares with it. */
export interface LatestRoundCheck {
  /** Stream id: general, cec, fsw, fst, pnp or a category id. */
  stream: string;
  /** The category list version of that round; null for general and programs. */
  version: string | null;
  round: string;
  date: string;
  cutoff: number;
  /** The round's tie-breaking time (IRCC's), null when it published none. */
  tieBreakAt: string | null;
  /** Score minus cut-off: 0 is exactly at the cut-off. */
  margin: number;
  /** The score is at or above the cut-off (as the probability counts an invitation). */
  reached: boolean;
  /**
   * Whether that round would have invited the client: above the cut-off, yes; below, no; exactly at it,
   * only if the profile was submitted by the tie-breaking time — "unknown" when either time is missing.
   */
  invited: boolean | "unknown";
}

export interface ClientStatus {
  asOf: string;
  /** The age on `asOf`: worked out from the birth date when the profile has one, else the age as given. */
  age: number;
  /** Whether `age` comes from the profile's birth date. */
  ageFromBirthDate: boolean;
  crs: number;
  /** The CRS rule set the score was computed under. */
  ruleSet: string;
  /** Streams the profile proves it is eligible for (categories: the list version of their latest round). */
  eligibleStreams: string[];
  /** Streams the profile cannot decide (e.g. experience given as years without a work history). */
  unknownStreams: string[];
  /** One entry per eligible stream that has had a round on or before `asOf`, latest round first. */
  latestRounds: LatestRoundCheck[];
  /** Eligible streams with no round on or before `asOf`. */
  streamsWithoutRounds: string[];
  /** The Monte Carlo chance of an invitation (proven streams only); null when no model was given. */
  probability: Pick<InvitationProbability, "paths" | "seed" | "within" | "unforecastStreams"> | null;
}

export interface ClientStatusOptions {
  /** The forecast model as of the same date, for the invitation probability; none: no probability. */
  model?: ForecastModel;
  /** Simulated futures (default 10 000; a list of hundreds of clients can use fewer, e.g. 1 000). */
  paths?: number;
  seed?: number;
  /** Probability horizons in weeks (default 2, 4, 8, 12, 26). */
  horizons?: readonly number[];
  /**
   * Simulated futures shared by every client of a list (same model, seed and paths): the futures are
   * simulated once and each client only reads them. The answers are those of separate runs.
   */
  cache?: FuturesCache;
}

/** The latest round of each stream known on `asOf`, by stream id. */
export function latestRoundByStream(
  rounds: readonly CompleteRound[],
  asOf: string,
): Map<string, CompleteRound> {
  const latest = new Map<string, CompleteRound>();
  for (const [key, history] of byStream(roundsKnownOn(rounds, asOf))) latest.set(key, history.rounds.at(-1)!);
  return latest;
}

/** How `score` (with the profile's submission time, if known) fares against `round`. */
export function checkAgainstRound(
  score: number,
  submittedAt: string | undefined,
  round: CompleteRound,
): Pick<LatestRoundCheck, "margin" | "reached" | "invited"> {
  const margin = score - round.cutoff;
  let invited: boolean | "unknown" = margin > 0;
  if (margin === 0)
    invited =
      submittedAt === undefined || round.tieBreakAt === null
        ? "unknown"
        : Date.parse(submittedAt) <= Date.parse(round.tieBreakAt);
  return { margin, reached: margin >= 0, invited };
}

/**
 * The status of one client's profile on `asOf`. `latest` (from `latestRoundByStream`) may be passed in when
 * many clients share the rounds and the date, so that the rounds are grouped once.
 */
export function clientStatus(
  profile: Profile,
  rounds: readonly CompleteRound[],
  asOf: string,
  options: ClientStatusOptions = {},
  latest: ReadonlyMap<string, CompleteRound> = latestRoundByStream(rounds, asOf),
): ClientStatus {
  if (options.model && options.model.asOf !== asOf)
    throw new Error(`the forecast model is as of ${options.model.asOf}, not ${asOf}`);
  // The same judgement as `ee probability` and /api/chances: scored and judged on the date, experience
  // derived from the work history, each category on the list version of its latest round.
  const versions = new Map([...latest].map(([id, round]) => [id, round.stream.version]));
  // A stored age is the age on the day the profile was written; with a birth date, the age on `asOf` is the
  // birth date's (the schema checked that both agreed when the profile gave its assessment date).
  const onDate = profile.birthDate === undefined ? profile : { ...profile, age: undefined };
  const candidate = candidateFromProfile(onDate, asOf, versions);
  const latestRounds: LatestRoundCheck[] = [];
  const streamsWithoutRounds: string[] = [];
  for (const stream of candidate.eligibleStreams) {
    const round = latest.get(stream);
    if (!round) {
      streamsWithoutRounds.push(stream);
      continue;
    }
    latestRounds.push({
      stream,
      version: round.stream.version,
      round: round.round,
      date: round.date,
      cutoff: round.cutoff,
      tieBreakAt: round.tieBreakAt,
      ...checkAgainstRound(candidate.score, profile.submittedAt, round),
    });
  }
  latestRounds.sort((a, b) => b.date.localeCompare(a.date) || a.stream.localeCompare(b.stream));
  let probability: ClientStatus["probability"] = null;
  if (options.model) {
    const p = invitationProbability(options.model, candidate, {
      paths: options.paths ?? 10_000,
      seed: options.seed ?? 1,
      horizons: options.horizons ?? defaultHorizons,
      ...(options.cache ? { cache: options.cache } : {}),
    });
    probability = { paths: p.paths, seed: p.seed, within: p.within, unforecastStreams: p.unforecastStreams };
  }
  return {
    asOf,
    age: withAgeOn(onDate, asOf).age,
    ageFromBirthDate: profile.birthDate !== undefined,
    crs: candidate.score,
    ruleSet: candidate.ruleSet,
    eligibleStreams: [...candidate.eligibleStreams],
    unknownStreams: candidate.unknownStreams,
    latestRounds,
    streamsWithoutRounds,
    probability,
  };
}

/**
 * For a list of clients: the status, or the problems of a profile that cannot be scored on that date (e.g. a
 * PTE Core result on a date before IRCC accepted the test), so that one client does not fail the whole list.
 */
export function clientStatusOrProblems(
  ...args: Parameters<typeof clientStatus>
): { status: ClientStatus; problems?: undefined } | { status: null; problems: FieldProblem[] } {
  try {
    return { status: clientStatus(...args) };
  } catch (e) {
    if (e instanceof FieldError) return { status: null, problems: e.problems };
    throw e;
  }
}

export const clientOrders = ["label", "crs", "chance"] as const;
export type ClientOrder = (typeof clientOrders)[number];

/**
 * Orders a list of clients: by label (A to Z), by CRS or by 26-week chance (highest first). Ties, clients
 * without a chance (no probability asked) and clients that cannot be scored keep label order, the latter last.
 */
export function compareClients(
  order: ClientOrder,
): (
  a: { label: string; status: ClientStatus | null },
  b: { label: string; status: ClientStatus | null },
) => number {
  const key = (s: ClientStatus | null): number => {
    if (!s) return Number.NEGATIVE_INFINITY;
    if (order === "crs") return s.crs;
    return s.probability?.within.find((w) => w.weeks === 26)?.probability ?? -1;
  };
  return (a, b) => {
    const byLabel = a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
    if (order === "label") return byLabel;
    return key(b.status) - key(a.status) || byLabel;
  };
}
