// CRS figures: batch scorings per second (single thread) on 1,000,000 generated profiles, and the
// cold start of `ee crs FILE` (median of 21 spawns of the built CLI).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { canadianEducationLevels, educationLevels, type Profile } from "../src/profile/schema.js";
import { seededRandom } from "../src/rounds/random.js";
import { allocateColumns, compileRuleSets, scoreColumns, writeProfile } from "../src/rules/index.js";
import { issueExample } from "../src/rules/testProfiles.js";

const COUNT = 1_000_000;

const dates = ["2015-06-01", "2016-12-01", "2018-03-01", "2021-05-01", "2025-06-01", "2026-11-20"];
function generate(rand: () => number): Profile {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)] as T;
  const ielts = () => int(19) / 2;
  const hasSpouse = rand() < 0.5;
  return {
    assessedOn: pick(dates),
    age: 18 + int(30),
    education: pick(educationLevels),
    canadianEducation: pick(canadianEducationLevels),
    firstLanguage: {
      test: "ielts",
      listening: ielts(),
      reading: ielts(),
      writing: ielts(),
      speaking: ielts(),
    },
    secondLanguage:
      rand() < 0.3
        ? { test: "nclc", listening: int(13), reading: int(13), writing: int(13), speaking: int(13) }
        : undefined,
    canadianWorkYears: int(6),
    foreignWorkYears: int(5),
    certificateOfQualification: rand() < 0.05,
    siblingInCanada: rand() < 0.1,
    jobOffer: pick(["none", "none", "none", "noc-00", "other"] as const),
    provincialNomination: rand() < 0.05,
    spouse: hasSpouse
      ? {
          accompanying: rand() < 0.9,
          canadianCitizenOrPR: rand() < 0.1,
          education: pick(educationLevels),
          firstLanguage: {
            test: "clb",
            listening: int(13),
            reading: int(13),
            writing: int(13),
            speaking: int(13),
          },
          canadianWorkYears: int(4),
          canadianStudy: false,
        }
      : undefined,
    authorizedToWorkInCanada: false,
    relativeInCanada: false,
    canadianStudy: false,
    intendsToLiveInQuebec: false,
  };
}

function batchFigures() {
  const compiled = compileRuleSets();
  const columns = allocateColumns(COUNT);
  // Seeded so that runs are comparable.
  const rand = seededRandom(42);
  const t0 = performance.now();
  for (let i = 0; i < COUNT; i++) writeProfile(columns, i, generate(rand), compiled);
  const prepareMs = performance.now() - t0;
  const out = new Int16Array(COUNT);
  scoreColumns(columns, compiled, out); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const s = performance.now();
    scoreColumns(columns, compiled, out);
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  const median = runs[3] as number;
  let sum = 0;
  for (const v of out) sum += v;
  console.log(
    `batch: ${COUNT.toLocaleString("en")} generated profiles, mean CRS ${(sum / COUNT).toFixed(1)}`,
  );
  console.log(
    `  generating + compiling the profiles to typed arrays: ${prepareMs.toFixed(0)} ms (${Math.round(COUNT / (prepareMs / 1000)).toLocaleString("en")} profiles/s)`,
  );
  console.log(
    `  scoring (scoreColumns, single thread, median of 7): ${median.toFixed(1)} ms → ${Math.round(COUNT / (median / 1000)).toLocaleString("en")} scorings/s (target ≥ 2,000,000/s)`,
  );
}

function coldStart() {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], {
    env: { ...process.env, EE_SKIP_WEB_BUILD: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0)
    console.log(`  (build failed, using the existing dist/: ${build.stderr.trim().split("\n")[0]})`);
  if (!existsSync("dist/ee.mjs")) {
    console.log("cold start: dist/ee.mjs missing (npm run build)");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "ee-bench-"));
  const file = join(dir, "profile.json");
  writeFileSync(file, JSON.stringify(issueExample));
  const time = (args: string[]) => {
    const s = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`ee ${args.join(" ")} failed: ${r.stderr}`);
    return performance.now() - s;
  };
  const median = (args: string[]) => {
    const runs = Array.from({ length: 21 }, () => time(args)).sort((a, b) => a - b);
    return runs[10] as number;
  };
  const bare = median(["-e", ""]);
  const crs = median(["bin/ee.mjs", "crs", file]);
  console.log(
    `cold start of \`ee crs FILE\` (node bin/ee.mjs, median of 21): ${crs.toFixed(0)} ms (target < 200 ms; bare \`node -e ""\`: ${bare.toFixed(0)} ms)`,
  );
}

batchFigures();
coldStart();
