// `ee advise`: what the person in a profile can change, ranked by the invitation probability it adds
// over 26 weeks. Thin adapter over src/advisor.
import { type Advice, adviceHorizonWeeks, advise, withoutChangedProfiles } from "../../advisor/index.js";
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
} from "./forecast.js";

const usage = `Usage: ee advise [FILE|-] [--as-of DATE] [--seed N] [--paths N] [--json] [--data-dir DIR]

What the person in the profile (FILE or standard input) can still change — a retest reaching the
next CLB in one ability, French to NCLC 7, a second credential or a higher degree, another year of
work (scored a year later, one year older), the spouse's language or education, a provincial
nomination — each with the points gained, the new score, the change in the chance of an invitation
within ${adviceHorizonWeeks} weeks, and the streams it opens; ranked by the chance gained.

  FILE | -                  a profile JSON file, or - for standard input
  --as-of DATE              forecast as of this date (default: the latest round in the database)
  --assume-eligible         count the programs the profile cannot decide (no work history) as met
  --seed N                  random seed (default 1)
  --paths N                 simulated futures per change (1000 to 100000; default 4000)
  --json                    print the advice as JSON
  --data-dir DIR            the embedded database's folder (DATABASE_URL selects PostgreSQL)
  -h, --help                this help`;

function print(io: Io, a: Advice, assumed: boolean) {
  io.stdout(
    `As of ${a.asOf}: CRS ${a.score}, chance of an invitation within ${adviceHorizonWeeks} weeks ${percent(a.probability)}`,
  );
  io.stdout(`  eligible for: ${a.eligibleStreams.join(", ") || "no stream the profile proves"}`);
  if (a.unknownStreams.length)
    io.stdout(
      `  cannot tell from the profile: ${a.unknownStreams.join(", ")}${assumed ? "" : " (give workHistory, or --assume-eligible for the programs)"}`,
    );
  if (a.actions.length === 0) {
    io.stdout("No possible change adds points or chance.");
    return;
  }
  io.stdout("What you can change, best first:");
  for (const x of a.actions) {
    const opens = x.newEligibility.length ? `; opens ${x.newEligibility.join(", ")}` : "";
    const sign = x.probabilityGained >= 0 ? "+" : "−";
    io.stdout(
      `  ${x.description}: ${x.pointsGained >= 0 ? "+" : ""}${x.pointsGained} → ${x.newScore}, chance ${percent(x.probability)} (${sign}${percent(Math.abs(x.probabilityGained))})${opens}${x.reachedOn !== a.asOf ? `; reached ${x.reachedOn}` : ""}`,
    );
    if (x.note) io.stdout(`      ${x.note}`);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    { "assume-eligible": { type: "boolean" }, paths: { type: "string" }, ...forecastOptions },
    "advise",
  );
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`give one profile FILE or - (got ${positionals.length})`);
  const seed = seedOption(values.seed);
  const paths = integerOption("paths", values.paths, 1000, 100_000) ?? 4000;
  const asOfOption = dateOption("as-of", values["as-of"]);
  const profile = readProfile(positionals[0]);
  const { model } = await storedForecastModel(asOfOption, values["data-dir"], io);
  const assumed = Boolean(values["assume-eligible"]);
  const advice = advise(profile, model, {
    seed,
    paths,
    assumeUnknownEligible: assumed,
  });
  if (values.json)
    // The changed profiles stay out of the output: they are the person's data, already known to them.
    io.stdout(JSON.stringify(withoutChangedProfiles(advice), null, 2));
  else print(io, advice, assumed);
  return 0;
}
