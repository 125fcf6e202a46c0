// `ee forecast`: the next rounds of every stream, with dates, sizes and cut-off intervals, as of a
// date. Also holds what `ee probability`, `ee backtest` and `ee advise` share: the rounds from the
// database and the `--as-of` date. Thin adapter: the models live in src/forecast.
import { parseArgs } from "node:util";
import { type CompleteRound, completeRounds, type Round } from "../../draws/index.js";
import {
  buildForecastModel,
  daysBetween,
  type ForecastModel,
  type ForecastRound,
  forecastRounds,
} from "../../forecast/index.js";
import { isoDate } from "../../profile/schema.js";
import { loadRounds, openRoundsDatabase } from "../../storage/index.js";
import { type Io, UsageError } from "../io.js";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/** `parseArgs`, with a mistyped option reported as one line naming the options the command has. */
export function parseOptions<T extends OptionSpec>(argv: string[], options: T, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS")) throw e;
    const allowed = Object.keys(options)
      .map((o) => `--${o}`)
      .join(" | ");
    const what = /'(-[^']*)'/.exec((e as Error).message)?.[1] ?? "an option";
    throw new UsageError(`ee ${command}: ${what} is not understood (allowed: ${allowed})`);
  }
}

/** The options shared by the commands that forecast from the stored rounds: forecast, probability, advise. */
export const forecastOptions = {
  "as-of": { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
  "data-dir": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `--seed`: a 32-bit whole number, 1 when not given (the same seed gives the same answer). */
export const seedOption = (value: string | undefined): number =>
  integerOption("seed", value, 0, 2 ** 32 - 1) ?? 1;

/** A database more than this many days behind today gets a warning (here and in `ee clients`). */
export const staleAfterDays = 21;

/** Every stored round (the bundled history is loaded into an empty database first). */
/** The stored rounds whose size and cut-off were read: the ones a forecast can learn from. */
export async function storedRounds(dataDir: string | undefined): Promise<CompleteRound[]> {
  const db = await openRoundsDatabase({ dataDir, now: new Date().toISOString() });
  try {
    return completeRounds(await loadRounds(db));
  } finally {
    await db.close();
  }
}

/** Checks a YYYY-MM-DD option; names the option and the allowed form when it is not one. */
export function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = isoDate.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${name}: "${value}" is not a date (allowed: YYYY-MM-DD)`);
  return value;
}

/** Checks a whole-number option within [min, max]. */
export function integerOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(
      `--${name}: "${value}" is not allowed (allowed: a whole number from ${min} to ${max})`,
    );
  return n;
}

/**
 * The forecast date: `--as-of`, else the latest round in the database — with a warning when that is
 * weeks behind today, since forecasts from old data are forecasts of the past.
 */
export function resolveAsOf(asOf: string | undefined, rounds: readonly Round[], io: Io): string {
  const dates = rounds.map((r) => r.date).sort();
  const first = dates[0];
  const latest = dates[dates.length - 1];
  if (!first || !latest) throw new UsageError("the database has no rounds: run `ee draws update`");
  if (asOf !== undefined) {
    if (asOf < first)
      throw new UsageError(`--as-of: ${asOf} is before the first round (allowed: ${first} or later)`);
    const gap = daysBetween(latest, asOf);
    // Silence in the database after its last round is read as IRCC's silence: say so.
    if (gap > staleAfterDays)
      io.stderr(
        `warning: the database has no round after ${latest}, ${gap} days before --as-of; streams look silent since. Run \`ee draws update\` for newer rounds.`,
      );
    return asOf;
  }
  const behind = daysBetween(latest, io.today);
  if (behind > staleAfterDays)
    io.stderr(
      `warning: the latest round in the database is ${latest}, ${behind} days before today; forecasting as of ${latest}. Run \`ee draws update\` for newer rounds.`,
    );
  return latest;
}

/** The forecast model from the stored rounds, as of `--as-of` or else the latest round (see resolveAsOf). */
export async function storedForecastModel(
  asOfOption: string | undefined,
  dataDir: string | undefined,
  io: Io,
): Promise<{ asOf: string; model: ForecastModel }> {
  const rounds = await storedRounds(dataDir);
  const asOf = resolveAsOf(asOfOption, rounds, io);
  return { asOf, model: buildForecastModel(rounds, asOf) };
}

/** Percent without decimals, for the human output. */
export const percent = (p: number) => `${Math.round(p * 100)}%`;

export function streamLabel(s: { kind: string; id: string; version: string | null }): string {
  return s.version ? `${s.id} (${s.version})` : s.id;
}

const usage = `Usage: ee forecast [--weeks 8] [--as-of DATE] [--seed N] [--json] [--data-dir DIR]

The next rounds of invitations of every active stream (PNP, CEC, French, each category, general),
learned from the rounds dated on or before --as-of: the likely date (and how sure), the likely size,
and the cut-off's median with an 80% interval.

  --weeks N        how far ahead, in weeks (1 to 52; default 8)
  --as-of DATE     forecast as of this date, YYYY-MM-DD (default: the latest round in the database)
  --seed N         seed for the simulated intervals of later rounds (default 1)
  --json           a JSON list: {"stream": {"kind","id","version"}, "date", "dateConfidence", "size",
                   "cutoff": {"p10","p50","p90"}}
  --data-dir DIR   the embedded database's folder (default: $EE_DATA_DIR or the user data folder;
                   DATABASE_URL selects PostgreSQL)
  -h, --help       this help`;

function printTable(io: Io, asOf: string, weeks: number, rows: readonly ForecastRound[]) {
  io.stdout(`Next rounds within ${weeks} weeks, as of ${asOf} (cut-off: median and 80% interval)`);
  if (rows.length === 0) {
    io.stdout("  no stream is expected to draw in that time");
    return;
  }
  io.stdout(
    `  ${"date".padEnd(10)}  ${"sure".padStart(4)}  ${"stream".padEnd(42)} ${"size".padStart(6)}  cut-off`,
  );
  for (const r of rows)
    io.stdout(
      `  ${r.date}  ${percent(r.dateConfidence).padStart(4)}  ${streamLabel(r.stream).padEnd(42)} ${String(r.size).padStart(6)}  ${r.cutoff.p50} ${r.cutoff.p10 === null ? "(interval unknown)" : `(${r.cutoff.p10}–${r.cutoff.p90})`}`,
    );
  io.stdout(
    `"sure": the chance the round falls in that week (the stream still drawing, joining a draw week, keeping its rhythm); learned from the rounds up to ${asOf}.`,
  );
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    { weeks: { type: "string" }, ...forecastOptions },
    "forecast",
  );
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length)
    throw new UsageError(`unexpected argument "${positionals[0]}" (see ee forecast --help)`);
  const weeks = integerOption("weeks", values.weeks, 1, 52) ?? 8;
  const seed = seedOption(values.seed);
  const asOfOption = dateOption("as-of", values["as-of"]);
  const { asOf, model } = await storedForecastModel(asOfOption, values["data-dir"], io);
  const rows = forecastRounds(model, { weeks, seed });
  if (values.json) io.stdout(JSON.stringify(rows, null, 2));
  else printTable(io, asOf, weeks, rows);
  return 0;
}
