// Forecast speed: one 10,000-path, 26-week invitation probability (target: under 1 s) and a full
// backtest from 2024-01-01 to the end of the bundled history (and of 2016–2023, the period the model's
// hyper-parameters were chosen on), with their accuracy figures.
import { bundledRounds } from "../src/draws/index.js";
import { backtest, buildForecastModel, invitationProbability } from "../src/forecast/index.js";

const rounds = bundledRounds();
const asOf = rounds[rounds.length - 1]!.date;
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

let t = performance.now();
const model = buildForecastModel(rounds, asOf);
console.log(`forecast model as of ${asOf}: ${ms(t)}`);

// A CEC candidate just below the recent cut-offs (533–534), so that paths do not stop at the first round.
const candidate = { score: 528, eligibleStreams: ["cec", "general"] };
invitationProbability(model, candidate, { paths: 1000, seed: 1 }); // warm-up
t = performance.now();
const p = invitationProbability(model, candidate, { paths: 10_000, seed: 1 });
console.log(
  `invitation probability, 10,000 paths × 26 weeks: ${ms(t)} (target < 1000 ms); within 26 weeks ${(p.within.at(-1)!.probability * 100).toFixed(1)}%`,
);

// The tuning period (hyper-parameters were chosen on it) and the scored period (reported, never tuned on).
for (const [from, to] of [
  ["2016-01-01", "2023-12-31"],
  ["2024-01-01", undefined],
] as const) {
  t = performance.now();
  const report = backtest(rounds, { from, ...(to ? { to } : {}) });
  console.log(`full backtest ${from} → ${report.to} (${report.rows.length} rounds): ${ms(t)}`);
  const o = report.overall;
  console.log(
    `  date MAE ${o.dateMae.toFixed(2)} d (naive ${o.naive.dateMae.toFixed(2)}), cut-off MAE ${o.cutoffMae.toFixed(2)} (naive ${o.naive.cutoffMae.toFixed(2)}, ${((1 - o.cutoffMae / o.naive.cutoffMae) * 100).toFixed(1)}% lower), 80% coverage ${(o.coverage80 * 100).toFixed(1)}%, Brier ${o.brier.toFixed(3)} (naive ${o.naive.brier.toFixed(3)})`,
  );
  const missedDays = report.dateMisses.reduce((sum, m) => sum + m.days, 0);
  console.log(
    `  date error by cause: ${report.dateMisses
      .filter((m) => m.days > 0)
      .map((m) => `${m.cause} ${((m.days / missedDays) * 100).toFixed(0)}%`)
      .join(", ")}`,
  );
  const h = report.hindsight;
  console.log(
    `  in hindsight: cut-off MAE ${h.cutoff.bestCandidatePerStream.toFixed(2)} with the best single method per stream (target ${(0.75 * o.naive.cutoffMae).toFixed(2)}), date MAE ${h.date.knowingJoins.toFixed(2)} d knowing each join, ${h.date.alwaysJoin.toFixed(2)} d if every stream always joined`,
  );
  const e = report.everyRoundDay;
  console.log(
    `  date forecasts on every round day: MAE ${e.dateMae.toFixed(1)} d (median ${e.medianDateError}), always joining ${e.alwaysJoin.dateMae.toFixed(1)} d (median ${e.alwaysJoin.medianDateError})`,
  );
}
