// The consultant's workspace at scale: `ee clients list` for 500 clients (open the embedded database, load
// the clients and the rounds, each client's status: CRS, streams, latest rounds, and the 26-week probability
// from 1,000 simulated futures per client, or none), and the import of the 500 in one transaction; then the
// statuses alone (no database: the domain's part), each client's futures simulated for it as before, and all
// read from futures simulated once (target < 300 ms for 500 clients with their 26-week chances).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clientStatus, latestRoundByStream } from "../src/advisor/index.js";
import type { Io } from "../src/cli/io.js";
import { bundledRounds } from "../src/draws/index.js";
import { buildForecastModel, newFuturesCache } from "../src/forecast/index.js";
import { profile as profileSchema } from "../src/profile/schema.js";

const clientCount = 500;
const educations = ["secondary", "two-year", "bachelors", "two-or-more", "masters", "doctoral"] as const;
const nocs = ["21231", "31301", "72010", "41200", "13110"];

/** A varied but valid client: age, education, IELTS bands, and for two in three a work history. */
function client(i: number) {
  const band = (k: number) => 6 + ((i + k) % 7) * 0.5; // 6.0 to 9.0
  const profile: Record<string, unknown> = {
    age: 22 + (i % 24),
    education: educations[i % educations.length],
    firstLanguage: {
      test: "ielts",
      listening: band(0),
      reading: band(1),
      writing: band(2),
      speaking: band(3),
    },
    foreignWorkYears: i % 4,
  };
  if (i % 3 !== 0)
    profile.workHistory = [
      {
        noc: nocs[i % nocs.length],
        from: `${2019 + (i % 5)}-0${1 + (i % 9)}-01`,
        to: null,
        hoursPerWeek: 40,
        country: i % 2 ? "CA" : "IN",
      },
    ];
  if (i % 17 === 0) profile.provincialNomination = true;
  return { label: `F-${String(i).padStart(4, "0")}`, profile };
}

const dir = mkdtempSync(join(tmpdir(), "ee-bench-clients-"));
const dataDir = join(dir, "db");
const quiet: Io = { stdout: () => {}, stderr: () => {}, today: "2025-11-20", isTTY: false };
const { run } = await import("../src/cli/commands/clients.js");

async function timed(label: string, args: string[]) {
  const t = performance.now();
  const code = await run([...args, "--data-dir", dataDir], quiet);
  const ms = performance.now() - t;
  if (code !== 0) throw new Error(`${label}: exit ${code}`);
  console.log(`${label}: ${ms.toFixed(0)} ms`);
  return ms;
}

try {
  const file = join(dir, "clients.jsonl");
  writeFileSync(file, Array.from({ length: clientCount }, (_, i) => JSON.stringify(client(i))).join("\n"));
  // The first command migrates and seeds the database (the bundled rounds): not part of the figures.
  await timed("first open (migrate + seed the bundled rounds, not a figure)", ["list", "--paths", "0"]);
  await timed(`ee clients import, ${clientCount} clients in one transaction`, ["import", file]);
  const asOf = ["--as-of", "2025-11-20"];
  await timed(`ee clients list, ${clientCount} clients, status without probability`, [
    "list",
    ...asOf,
    "--paths",
    "0",
  ]);
  const withChance = await timed(
    `ee clients list, ${clientCount} clients, status + 26-week probability (1,000 paths each)`,
    ["list", ...asOf],
  );
  console.log(`  ${(withChance / clientCount).toFixed(1)} ms per client, database and model included`);
  await timed(`ee clients list --json, ${clientCount} clients (1,000 paths each)`, [
    "list",
    "--json",
    ...asOf,
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The 500 statuses in process, from the bundled rounds: what the list costs beyond the database. */
function statusesInProcess() {
  const rounds = bundledRounds();
  const asOf = rounds.at(-1)!.date;
  const profiles = Array.from({ length: clientCount }, (_, i) => profileSchema.parse(client(i).profile));
  const model = buildForecastModel(rounds, asOf);
  const latest = latestRoundByStream(rounds, asOf);
  // Median of 5 runs (the first warms the code up too); each run starts from an empty cache where one is used.
  const time = (label: string, run: () => unknown) => {
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      run();
      runs.push(performance.now() - t);
    }
    const ms = runs.sort((a, b) => a - b)[2]!;
    console.log(`${label}: ${ms.toFixed(0)} ms (${((ms * 1000) / clientCount).toFixed(0)} µs a client)`);
  };
  time(`${clientCount} statuses without probability (CRS, eligibility, latest rounds)`, () =>
    profiles.map((p) => clientStatus(p, rounds, asOf, {}, latest)),
  );
  time(
    `${clientCount} statuses + 26-week chances (1,000 paths), each client's futures simulated for it`,
    () => profiles.map((p) => clientStatus(p, rounds, asOf, { model, paths: 1000 }, latest)),
  );
  time(
    `${clientCount} statuses + 26-week chances, futures simulated once for the list (target < 300 ms)`,
    () => {
      const cache = newFuturesCache(1);
      return profiles.map((p) => clientStatus(p, rounds, asOf, { model, paths: 1000, cache }, latest));
    },
  );
  const warm = newFuturesCache(1);
  time(`  the same, the futures already in the cache (the API's case after the first list)`, () =>
    profiles.map((p) => clientStatus(p, rounds, asOf, { model, paths: 1000, cache: warm }, latest)),
  );
}

statusesInProcess();
