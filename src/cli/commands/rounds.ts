// `ee rounds replay`: every historical general round with a published distribution, replayed on a pool
// synthesized from that distribution (within-bin shapes learned leave-one-out), actual vs simulated cut-off.
import { bundledRounds } from "../../draws/index.js";
import { replayHistory } from "../../rounds/index.js";
import { type Io, parseCommandArgs, UsageError } from "../io.js";

const usage = `Usage: ee rounds replay [--json] [--even] [--seed S]

Replays every general round (no program specified) that has a published pool distribution: a pool
is synthesized from the round's distribution, shaped inside each bin by the OTHER rounds' sizes and
cut-offs (leave-one-out: a round's own cut-off never informs its own simulation), and a round of the
same size is run on it. Prints actual and simulated cut-offs, the error, and the mean absolute error.

  --json      print {"rounds": [{"round","actual","simulated","error"}], "meanAbsoluteError"}
  --even      spread candidates evenly inside bins instead (the baseline)
  --seed S    seed for the synthetic pools' submission times (default 1)
  -h, --help  this help`;

export async function run(argv: string[], io: Io): Promise<number> {
  const options = {
    json: { type: "boolean" },
    even: { type: "boolean" },
    seed: { type: "string" },
    help: { type: "boolean", short: "h" },
  } as const;
  const { values, positionals } = parseCommandArgs(argv, options, "rounds");
  if (values.help || positionals[0] === undefined) {
    io.stdout(usage);
    return values.help ? 0 : 2;
  }
  if (positionals[0] !== "replay")
    throw new UsageError(`unknown subcommand "${positionals[0]}" (allowed: replay)`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    throw new UsageError("--seed: must be a whole number of 0 or more");
  const result = replayHistory(bundledRounds(), { method: values.even ? "even" : "learned", seed });
  const mae = result.meanAbsoluteError === null ? null : Math.round(result.meanAbsoluteError * 100) / 100;
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
          rounds: result.rounds.map((r) => ({
            round: r.round,
            actual: r.actual,
            simulated: r.simulated,
            error: r.error,
          })),
          meanAbsoluteError: mae,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.stdout(`round  date        size    actual  simulated  error`);
  for (const r of result.rounds)
    io.stdout(
      `${r.round.padEnd(6)} ${r.date}  ${String(r.size).padStart(5)}  ${String(r.actual).padStart(6)}  ${String(r.simulated ?? "-").padStart(9)}  ${r.error === null ? "-" : (r.error > 0 ? `+${r.error}` : String(r.error)).padStart(5)}`,
    );
  io.stdout(
    `\n${result.rounds.length} general rounds, ${result.method === "even" ? "even spreading inside bins" : "within-bin shapes learned leave-one-out"}: mean absolute error ${mae} points`,
  );
  return 0;
}
