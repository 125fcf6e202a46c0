// `ee backtest`: replays history — each round forecast from the rounds before it — and prints the
// accuracy per stream beside two naive baselines. Thin adapter over src/forecast.
import { type BacktestReport, backtest, type Scores, syntheticOffsets } from "../../forecast/index.js";
import { type Io, UsageError } from "../io.js";
import { dateOption, parseOptions, percent, storedRounds } from "./forecast.js";

const usage = `Usage: ee backtest --from DATE [--to DATE] [--json] [--data-dir DIR]

Walks through the rounds dated from --from to --to: each round is forecast from the rounds dated
strictly before it (as of the previous round day), then compared with what happened. Per stream:
the date error (mean absolute, days), the cut-off error (mean absolute, points), the share of actual
cut-offs inside the 80% interval, and the Brier score of the invitation probabilities of synthetic
profiles (scores ${syntheticOffsets.join(", ")} around the stream's last cut-off) — and the same for
two naive baselines: next cut-off = the stream's last cut-off; next date = its last date + its median
spacing. Then the date errors by cause, and which cut-off forecast each stream used (the one
with the smallest errors over its latest rounds, chosen again at every round).

  --from DATE      first round date to forecast, YYYY-MM-DD (required)
  --to DATE        last round date to forecast (default: the latest round)
  --json           the report as JSON (every forecast row included)
  --data-dir DIR   the embedded database's folder (DATABASE_URL selects PostgreSQL)
  -h, --help       this help`;

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");

function line(name: string, s: Scores): string {
  return `  ${name.padEnd(30)} ${String(s.rounds).padStart(4)}  ${fixed(s.dateMae).padStart(5)} (${fixed(s.naive.dateMae).padStart(5)})  ${fixed(s.cutoffMae).padStart(5)} (${fixed(s.naive.cutoffMae).padStart(5)})  ${percent(s.coverage80).padStart(4)}  ${fixed(s.brier, 3)} (${fixed(s.naive.brier, 3)})`;
}

function print(io: Io, r: BacktestReport) {
  io.stdout(`Backtest of the rounds from ${r.from} to ${r.to} (naive baselines in brackets)`);
  io.stdout(`  ${"stream".padEnd(30)} ${"n".padStart(4)}  date MAE days  cut-off MAE    80%   Brier`);
  for (const s of [...r.byStream].sort((a, b) => b.rounds - a.rounds)) io.stdout(line(s.stream, s));
  io.stdout(line("all streams", r.overall));
  const o = r.overall;
  const gain = 1 - o.cutoffMae / o.naive.cutoffMae;
  io.stdout(
    `Cut-off MAE ${gain >= 0 ? `${percent(gain)} lower` : `${percent(-gain)} higher`} than the naive baseline (target: 25% lower); 80% intervals hold ${percent(o.coverage80)} (target: 70–90%); date MAE ${fixed(o.dateMae)} days (target: at most 2).`,
  );
  const missed = r.dateMisses.filter((m) => m.cause !== "exact");
  const totalDays = missed.reduce((sum, m) => sum + m.days, 0);
  if (totalDays > 0)
    io.stdout(
      `Date errors by cause (days, share of all): ${missed.map((m) => `${m.cause} ${m.rounds} rounds ${m.days} d (${percent(m.days / totalDays)})`).join("; ")}.`,
    );
  const j = r.joins;
  if (j.cases)
    io.stdout(
      `Joining a draw week under way, judged on every such week (not only on the rounds that happened): ${j.cases} cases, ${j.expected.toFixed(0)} joins expected, ${j.joined} happened, Brier ${fixed(j.brier, 3)}.`,
    );
  const h = r.hindsight;
  io.stdout(
    `In hindsight, which no forecast has: cut-off MAE ${fixed(h.cutoff.bestConstantPerStream)} with the best single value per stream, ${fixed(h.cutoff.bestCandidatePerStream)} with the best single forecast method per stream (the target is ${fixed(0.75 * o.naive.cutoffMae)}); date MAE ${fixed(h.date.knowingJoins)} days knowing whether each round joined the draw week under way, ${fixed(h.date.alwaysJoin)} if every stream always joined.`,
  );
  const e = r.everyRoundDay;
  if (e.forecasts)
    io.stdout(
      `Date forecasts judged on every round day (${e.forecasts} forecasts of the listed streams, against each stream's next round): MAE ${fixed(e.dateMae)} days, median ${fixed(e.medianDateError, 0)}; if every stream always joined the week under way: MAE ${fixed(e.alwaysJoin.dateMae)}, median ${fixed(e.alwaysJoin.medianDateError, 0)}.`,
    );
  const methods = new Map<string, number>();
  for (const row of r.rows) methods.set(row.method, (methods.get(row.method) ?? 0) + 1);
  io.stdout(
    `Cut-off forecasts chosen per stream by their recent errors: ${[...methods]
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m} ${n}`)
      .join(", ")}.`,
  );
  if (r.skipped.length)
    io.stdout(
      `Not forecast (the stream had fewer than two rounds, or none in the two years before): ${r.skipped.map((s) => `${s.round} ${s.stream}`).join(", ")}`,
    );
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    {
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "boolean" },
      "data-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    "backtest",
  );
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length)
    throw new UsageError(`unexpected argument "${positionals[0]}" (see ee backtest --help)`);
  const from = dateOption("from", values.from);
  if (!from) throw new UsageError("--from: required (allowed: a date YYYY-MM-DD)");
  const to = dateOption("to", values.to);
  if (to !== undefined && to < from)
    throw new UsageError(`--to: ${to} is before --from ${from} (allowed: ${from} or later)`);
  const rounds = await storedRounds(values["data-dir"]);
  // A progress bar only for a person watching a terminal, never in JSON or a pipe.
  const showProgress = io.isTTY && !values.json;
  const onProgress = showProgress
    ? (done: number, total: number) => {
        const width = 30;
        const filled = total ? Math.round((done / total) * width) : width;
        process.stderr.write(
          `\r  [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} rounds`,
        );
        if (done === total) process.stderr.write("\n");
      }
    : undefined;
  const report = backtest(rounds, { from, ...(to ? { to } : {}), ...(onProgress ? { onProgress } : {}) });
  if (report.rows.length === 0 && report.skipped.length === 0)
    throw new UsageError(`no round between ${from} and ${report.to} (allowed: a range that holds rounds)`);
  if (values.json) io.stdout(JSON.stringify(report, null, 2));
  else print(io, report);
  return 0;
}
