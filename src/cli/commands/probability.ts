// `ee probability`: a person's chance of an invitation within 2, 4, 8, 12 and 26 weeks, by Monte Carlo
// over the forecast of every stream they are eligible for. Thin adapter over src/forecast.
import {
  assumingUnknownEligible,
  candidateFromProfile,
  defaultHorizons,
  type ForecastCandidate,
  type ForecastModel,
  type InvitationProbability,
  invitationProbability,
  newFuturesCache,
  streamVersionsOf,
} from "../../forecast/index.js";
import type { Profile } from "../../profile/schema.js";
import { type Io, UsageError } from "../io.js";
import { readProfile } from "../profile-input.js";
import {
  dateOption,
  forecastOptions,
  integerOption,
  parseOptions,
  percent,
  seedOption,
  storedForecastModel,
  streamLabel,
} from "./forecast.js";

const usage = `Usage: ee probability [FILE|-] [--weeks 26] [--as-of DATE] [--seed N] [--paths N] [--json]

The chance that the profile in FILE (or standard input) is invited within 2, 4, 8, 12 and 26 weeks
(up to --weeks), by Monte Carlo over the dates and cut-offs of the next rounds of every stream the
person is eligible for (scored and judged by the CRS and eligibility rules on the forecast date), and
the rounds most likely to invite them. The same seed gives the same answer.

  FILE | -         a profile JSON file, or - for standard input
  --weeks N        the longest horizon, in weeks (1 to 104; default 26)
  --as-of DATE     forecast as of this date, YYYY-MM-DD (default: the latest round in the database)
  --seed N         random seed (default 1)
  --paths N        simulated futures (1000 to 1000000; default 10000)
  --json           print the result as JSON
  --data-dir DIR   the embedded database's folder (DATABASE_URL selects PostgreSQL)
  -h, --help       this help`;

/** The horizons asked for: the standard ones up to `weeks`, and `weeks` itself. */
export function horizonsUpTo(weeks: number): number[] {
  return [...new Set([...defaultHorizons.filter((h) => h < weeks), weeks])];
}

/** The candidate and its probabilities as of `asOf`. */
export function probabilityFor(
  model: ForecastModel,
  profile: Profile,
  options: { horizons: number[]; seed: number; paths: number },
): { candidate: ForecastCandidate; result: InvitationProbability; ifEligible: IfEligible | null } {
  const versions = streamVersionsOf(model);
  const candidate = candidateFromProfile(profile, model.asOf, versions);
  const assumed = assumingUnknownEligible(candidate);
  const extra = assumed.eligibleStreams.filter((s) => !candidate.eligibleStreams.includes(s));
  // Two answers from the same futures: simulated once (every stream) rather than once per answer.
  const shared = extra.length ? { ...options, cache: newFuturesCache(1) } : options;
  return {
    candidate,
    result: invitationProbability(model, candidate, shared),
    ifEligible: extra.length
      ? { streams: extra, within: invitationProbability(model, assumed, shared).within }
      : null,
  };
}

/** The probabilities if the person is eligible for the programs the profile cannot decide. */
interface IfEligible {
  streams: string[];
  within: InvitationProbability["within"];
}

function print(
  io: Io,
  candidate: ForecastCandidate,
  r: InvitationProbability,
  ifEligible: IfEligible | null,
) {
  io.stdout(`Invitation probability as of ${r.asOf}: CRS ${r.score} (rules: ${candidate.ruleSet})`);
  io.stdout(`  eligible for: ${candidate.eligibleStreams.join(", ") || "no stream the profile proves"}`);
  if (ifEligible)
    io.stdout(
      `  (in brackets: if also eligible for ${ifEligible.streams.join(", ")}, which the profile cannot decide — give workHistory)`,
    );
  r.within.forEach((w, k) => {
    const upper = ifEligible ? ` (${percent(ifEligible.within[k]!.probability)})` : "";
    io.stdout(`  within ${String(w.weeks).padStart(3)} weeks: ${percent(w.probability).padStart(4)}${upper}`);
  });
  if (r.likelyRounds.length) {
    io.stdout("Rounds most likely to invite first:");
    for (const l of r.likelyRounds)
      io.stdout(
        `  ${streamLabel(l.stream).padEnd(42)} ${l.index === 0 ? "next round" : `round ${l.index + 1} from now`}, typically ${l.typicalDate}: ${percent(l.probability)}`,
      );
  }
  if (r.unforecastStreams.length)
    io.stdout(`Not forecast (no round in the last two years): ${r.unforecastStreams.join(", ")}`);
  if (candidate.unknownStreams.length)
    io.stdout(`Eligibility unknown from the profile, left out: ${candidate.unknownStreams.join(", ")}`);
  io.stdout(`${r.paths} simulated futures, seed ${r.seed}; the score is held fixed over the horizon.`);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    { weeks: { type: "string" }, paths: { type: "string" }, ...forecastOptions },
    "probability",
  );
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`give one profile FILE or - (got ${positionals.length})`);
  const weeks = integerOption("weeks", values.weeks, 1, 104) ?? 26;
  const seed = seedOption(values.seed);
  const paths = integerOption("paths", values.paths, 1000, 1_000_000) ?? 10_000;
  const asOfOption = dateOption("as-of", values["as-of"]);
  const profile = readProfile(positionals[0]);
  const { model } = await storedForecastModel(asOfOption, values["data-dir"], io);
  const { candidate, result, ifEligible } = probabilityFor(model, profile, {
    horizons: horizonsUpTo(weeks),
    seed,
    paths,
  });
  if (values.json)
    io.stdout(
      JSON.stringify(
        {
          ...result,
          ruleSet: candidate.ruleSet,
          eligibleStreams: candidate.eligibleStreams,
          unknownStreams: candidate.unknownStreams,
          ifEligible,
        },
        null,
        2,
      ),
    );
  else print(io, candidate, result, ifEligible);
  return 0;
}
