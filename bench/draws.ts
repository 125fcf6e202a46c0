// `npm run bench draws`: IRCC's whole rounds feed into an empty PGlite database (target < 1 s),
// the same feed again unchanged (target < 200 ms), and `ee draws list` end to end (the built CLI,
// a new process, an existing database). Figures are printed, never asserted.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median as medianOrNull, parseFeed } from "../src/draws/index.js";
import { ingestFeedText, openDatabase } from "../src/storage/index.js";

const feedText = readFileSync(new URL("../src/draws/data/ee_rounds_123_en.json", import.meta.url), "utf8");
const dir = mkdtempSync(join(tmpdir(), "ee-bench-draws-"));
const ms = (start: number) => `${(performance.now() - start).toFixed(1)} ms`;
const median = (xs: number[]) => medianOrNull(xs)!;
/** The bundled snapshot: IRCC's feed of 2026-08-07, 435 rows (rounds 1–434 with 91a and 91b). */
const rowCount = parseFeed(feedText).rounds.length;

try {
  let start = performance.now();
  for (let i = 0; i < 20; i++) parseFeed(feedText);
  console.log(
    `parse the feed (${rowCount} rounds, ${(feedText.length / 1024).toFixed(0)} KiB): ${((performance.now() - start) / 20).toFixed(1)} ms`,
  );

  const emptyTimes: number[] = [];
  const unchangedTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const dataDir = join(dir, `db-${run}`);
    start = performance.now();
    const db = await openDatabase({ dataDir });
    if (run === 0) console.log(`create and migrate an empty PGlite database: ${ms(start)}`);
    start = performance.now();
    const first = await ingestFeedText(db, feedText, { source: "bench", fetchedAt: "2026-11-24T00:00:00Z" });
    emptyTimes.push(performance.now() - start);
    if (first.added.length !== rowCount)
      throw new Error(`expected ${rowCount} rounds added, got ${first.added.length}`);
    for (let i = 0; i < 3; i++) {
      start = performance.now();
      const again = await ingestFeedText(db, feedText, {
        source: "bench",
        fetchedAt: "2026-11-24T00:01:00Z",
      });
      unchangedTimes.push(performance.now() - start);
      if (again.unchanged !== rowCount) throw new Error("re-ingest changed rounds");
    }
    await db.close();
  }
  console.log(
    `ingest the whole feed (${rowCount} rows) into an empty database: ${median(emptyTimes).toFixed(1)} ms (median of 3; target < 1000 ms)`,
  );
  console.log(
    `re-ingest it unchanged: ${median(unchangedTimes).toFixed(1)} ms (median of 9; target < 200 ms)`,
  );

  // The same on PostgreSQL when a server is given (a scratch database is created and dropped).
  const postgresUrl = process.env.EE_BENCH_POSTGRES_URL;
  if (postgresUrl) await benchPostgres(postgresUrl);
  else console.log("(set EE_BENCH_POSTGRES_URL=postgres://… to measure the same on PostgreSQL)");

  if (!existsSync("dist/ee.mjs")) execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  const dataDir = join(dir, "db-0");
  const env = { ...process.env, DATABASE_URL: "" };
  const cliTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    start = performance.now();
    const r = spawnSync(process.execPath, ["dist/ee.mjs", "draws", "list", "--data-dir", dataDir], {
      env,
      encoding: "utf8",
    });
    cliTimes.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`ee draws list failed: ${r.stderr}`);
  }
  console.log(
    `\`ee draws list\` end to end (new process, ${rowCount} rounds printed): ${median(cliTimes).toFixed(0)} ms (median of 5)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function benchPostgres(url: string) {
  const { default: pg } = await import("pg");
  const name = `ee_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await openDatabase({ url: target.toString() });
    let start = performance.now();
    await ingestFeedText(db, feedText, { source: "bench", fetchedAt: "2026-11-24T00:00:00Z" });
    console.log(`PostgreSQL: ingest the whole feed into an empty database: ${ms(start)}`);
    start = performance.now();
    await ingestFeedText(db, feedText, { source: "bench", fetchedAt: "2026-11-24T00:01:00Z" });
    console.log(`PostgreSQL: re-ingest it unchanged: ${ms(start)}`);
    await db.close();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
