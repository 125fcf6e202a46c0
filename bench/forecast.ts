// Forecast speed: one 10,000-path, 26-week invitation probability (target: under 1 s), alone and read from
// futures already simulated (what the API and the client lists do: one simulation per model, seed and
// paths, then every person only reads it), the advice for one person, and a full
// backtest from 2024-01-01 to 2025-11-14, and from 2025-11-15 to the end of the bundled history (and of
// 2016–2023, the period the model's hyper-parameters were chosen on), with their accuracy figures.

import { advise } from "../src/advisor/index.js";
import { bundledRounds } from "../src/draws/index.js";
import {
  backtest,
  buildForecastModel,
  invitationProbability,
  newFuturesCache,
} from "../src/forecast/index.js";
import { profile as profileSchema } from "../src/profile/schema.js";
import { singleWorker } from "../src/rules/testProfiles.js";

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
  `invitation probability, 10,000 paths × 26 weeks, simulated for the call: ${ms(t)} (target < 1000 ms); within 26 weeks ${(p.within.at(-1)!.probability * 100).toFixed(1)}%`,
);
const runs = 200;
t = performance.now();
for (let i = 0; i < 20; i++) invitationProbability(model, candidate, { paths: 10_000, seed: 1 });
const uncachedMs = (performance.now() - t) / 20;
const cache = newFuturesCache();
t = performance.now();
invitationProbability(model, candidate, { paths: 10_000, seed: 1, cache });
console.log(`  simulating the futures of every stream once (10,000 paths, kept in the cache): ${ms(t)}`);
t = performance.now();
for (let i = 0; i < runs; i++)
  invitationProbability(model, { ...candidate, score: 500 + (i % 60) }, { paths: 10_000, seed: 1, cache });
const cachedMs = (performance.now() - t) / runs;
console.log(
  `  per person: ${uncachedMs.toFixed(1)} ms simulated for the call, ${cachedMs.toFixed(2)} ms read from the cached futures (mean of ${runs}) → ${Math.round(1000 / cachedMs)} persons/s`,
);
const worker = profileSchema.parse(singleWorker);
t = performance.now();
const advice = advise(worker, model, { paths: 4000, seed: 1 });
console.log(
  `advice for one person (${advice.actions.length} changes, 4,000 paths, futures simulated once): ${ms(t)}`,
);

// The tuning period (hyper-parameters were chosen on it) and the scored period (reported, never tuned on).
// 2024-01-01 → 2025-11-14 is the span src/forecast/README.md reports (the bundled history then ended on
// 2025-11-14); the rounds the feed of 2026-08-07 added are scored on their own.
for (const [from, to] of [
  ["2016-01-01", "2023-12-31"],
  ["2024-01-01", "2025-11-14"],
  ["2025-11-15", undefined],
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
