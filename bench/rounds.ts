// `npm run bench rounds`: the round engine on a 1,000,000-candidate scored pool (targets: one 5,000-invitation
// round under 50 ms, pool memory under 300 MB), and scoring plus eligibility of profiles into such a pool.
import { bundledRounds, median } from "../src/draws/index.js";
import {
  assessEligibility,
  compileEligibility,
  eligibilityBatch,
  withExperienceFromHistory,
} from "../src/occupations/index.js";
import { educationLevels, type Profile, profile as profileSchema } from "../src/profile/schema.js";
import {
  type CandidatePool,
  emptyPool,
  learnShapes,
  maskOf,
  runRound,
  seededRandom,
  shapePoints,
  streamEligibility,
  synthesizePool,
} from "../src/rounds/index.js";
import { compileRuleSets, languageLevels, scoreBatch } from "../src/rules/index.js";

const poolSize = 1_000_000;
const ms = (t: number) => `${t.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function poolBytes(p: CandidatePool): number {
  return (
    p.scores.byteLength +
    p.submittedAt.byteLength +
    p.eligible.byteLength +
    p.unknown.byteLength +
    p.active.byteLength
  );
}

// 1. A scored pool of 1,000,000 candidates, shaped like the latest published distribution.
const rounds = bundledRounds();
const latest = rounds.filter((r) => r.distribution).at(-1)!;
global.gc?.();
const heapBefore = process.memoryUsage();
let t = performance.now();
const pool = synthesizePool({
  distribution: latest.distribution!,
  size: poolSize,
  seed: 1,
  shapes: learnShapes(shapePoints(rounds)),
});
const buildMs = performance.now() - t;
global.gc?.();
const heapAfter = process.memoryUsage();
console.log(
  `pool: ${poolSize.toLocaleString("en-CA")} scored candidates like round ${latest.round} (${latest.distribution!.asOn}), built in ${ms(buildMs)}`,
);
console.log(
  `pool memory: ${mb(poolBytes(pool))} in typed arrays (target < 300 MB); process RSS growth ${mb(heapAfter.rss - heapBefore.rss)}, RSS ${mb(heapAfter.rss)}`,
);

// 2. One 5,000-invitation round, a few times (each on the untouched pool).
for (const stream of ["general", "cec", "healthcare-social-services"]) {
  const times: number[] = [];
  let cutoff: number | null = null;
  for (let k = 0; k < 7; k++) {
    t = performance.now();
    const r = runRound(pool, { date: "2025-06-01", stream, size: 5000 });
    times.push(performance.now() - t);
    cutoff = r.cutoff;
  }
  console.log(
    `round: 5,000 invitations, stream ${stream}, on 1,000,000: median ${ms(median(times)!)}, min ${ms(Math.min(...times))} (target < 50 ms); cut-off ${cutoff}`,
  );
}

// 3. Scoring plus eligibility: profiles with a work history, scored (CRS) and judged for every program and
// category version, then packed into the pool's columns.
const random = seededRandom(11);
const nocs = ["21231", "31301", "72200", "13110", "41220", "00012", "63200", "21311", "11100", "33102"];
// Every level the schema knows but less-than-secondary, in the schema's order (the seeded picks depend on it).
const educations = educationLevels.filter((level) => level !== "less-than-secondary");
function makeProfile(i: number): Profile {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const level = () => 5 + Math.floor(random() * 6);
  const start = 2016 + Math.floor(random() * 8);
  return profileSchema.parse({
    id: `p${i}`,
    submittedAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 500 * 86_400_000)).toISOString(),
    assessedOn: "2025-06-01",
    age: 22 + Math.floor(random() * 25),
    education: pick(educations),
    firstLanguage: { test: "clb", listening: level(), reading: level(), writing: level(), speaking: level() },
    settlementFundsCad: Math.floor(random() * 40000),
    familySize: 1 + Math.floor(random() * 4),
    workHistory: [
      {
        noc: pick(nocs),
        from: `${start}-0${1 + Math.floor(random() * 9)}-01`,
        to: random() < 0.5 ? null : "2025-01-31",
        hoursPerWeek: 20 + Math.floor(random() * 25),
        country: random() < 0.4 ? "CA" : "IN",
      },
    ],
  });
}

const chunk = 20_000;
const sample = Number(process.env.EE_BENCH_SCORE_PROFILES ?? poolSize);
const scored = emptyPool(sample, "2025-06-01", "bench");
const compiled = compileRuleSets();
const rules = compileEligibility();
let scoreMs = 0;
let eligibilityMs = 0;
let makeMs = 0;
// The full report (reasons and all) on the first chunk only: the per-profile cost before the compiled rules.
let fullReportMs = 0;
let fullReportCount = 0;
let mismatches = 0;
for (let from = 0; from < sample; from += chunk) {
  t = performance.now();
  const profiles = Array.from({ length: Math.min(chunk, sample - from) }, (_, k) =>
    withExperienceFromHistory(makeProfile(from + k)),
  );
  makeMs += performance.now() - t;
  t = performance.now();
  const batch = scoreBatch(profiles, compiled);
  scoreMs += performance.now() - t;
  t = performance.now();
  const judged = eligibilityBatch(profiles, rules);
  profiles.forEach((p, k) => {
    const i = from + k;
    scored.scores[i] = Math.max(0, batch.totals[k]!);
    scored.eligible[i] = judged.eligible[k]!;
    scored.unknown[i] = judged.unknown[k]!;
    scored.submittedAt[i] = Date.parse(p.submittedAt!);
  });
  eligibilityMs += performance.now() - t;
  if (from === 0) {
    t = performance.now();
    const full = profiles.map((p) =>
      streamEligibility(assessEligibility(p, languageLevels(p), "2025-06-01")),
    );
    fullReportMs = performance.now() - t;
    fullReportCount = profiles.length;
    // The same answers, or the figure means nothing.
    full.forEach((f, k) => {
      if (maskOf(f.eligible) !== judged.eligible[k] || maskOf(f.unknown) !== judged.unknown[k]) mismatches++;
    });
  }
}
const perProfile = (scoreMs + eligibilityMs) / sample;
console.log(
  `scoring + eligibility: ${sample.toLocaleString("en-CA")} profiles (with work histories) in ${ms(scoreMs + eligibilityMs)} (target < 10 s) — CRS ${ms(scoreMs)}, eligibility (4 programs, 21 category versions, compiled rules) ${ms(eligibilityMs)}; ${(perProfile * 1000).toFixed(1)} µs a profile`,
);
console.log(
  `  eligibility per profile: ${((eligibilityMs * 1000) / sample).toFixed(1)} µs compiled (languages included) against ${((fullReportMs * 1000) / fullReportCount).toFixed(1)} µs for the full report with its reasons (measured on ${fullReportCount.toLocaleString("en-CA")}; ${mismatches} different answers)`,
);
if (sample < poolSize)
  console.log(
    `  → a 1,000,000-profile pool: ${((perProfile * poolSize) / 1000).toFixed(1)} s at that rate (measured on ${sample.toLocaleString("en-CA")})`,
  );
console.log(`  (generating the test profiles took ${ms(makeMs)}, not counted)`);
