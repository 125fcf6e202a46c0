// A process killed (SIGKILL) in the middle of an ingest leaves the database exactly as it was: the
// child writes every round inside the transaction, says so, and is killed before it can commit.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ingestFeedText, loadRound } from "../src/storage/index.js";
import { type Backend, dump, freshDatabase, removeTemplates } from "./fixtures/feed/databases.js";

const snapshotText = readFileSync(
  new URL("../src/draws/data/ee_rounds_123_en.json", import.meta.url),
  "utf8",
);
const child = new URL("./fixtures/feed/ingest-and-pause.ts", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "ee-kill-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  removeTemplates();
});

/** Runs the child until it reports PAUSED, then kills it with SIGKILL; resolves with what it printed. */
function ingestAndKill(target: string, feedFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", child, target, feedFile], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    proc.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("PAUSED")) proc.kill("SIGKILL");
    });
    proc.stderr.on("data", (chunk) => {
      err += chunk;
    });
    proc.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve(out) : reject(new Error(`child ended without pausing: ${out}${err}`)),
    );
  });
}

describe.each<Backend>(["pglite", "postgres"])("a kill mid-ingest on %s", (backend) => {
  it("leaves the database as it was before", async () => {
    const t = await freshDatabase(backend, inject("postgresUrl"));
    await ingestFeedText(t.db, snapshotText, { source: "s", fetchedAt: "2026-11-24T20:00:00Z" });
    const before = await dump(t.db);
    await t.db.close(); // PGlite: one process at a time owns a data directory
    // The feed the child ingests corrects every round, so a partial commit would show.
    const feed = JSON.parse(snapshotText) as { rounds: Record<string, string>[] };
    for (const row of feed.rounds) row.drawSize = `${row.drawSize} `;
    feed.rounds[0]!.drawCRS = "400";
    const feedFile = join(scratch, `corrected-${backend}.json`);
    writeFileSync(feedFile, JSON.stringify(feed));
    const printed = await ingestAndKill(t.location, feedFile);
    // The bundled snapshot, IRCC's feed of 2026-08-07: 435 rows, round 434 (cut-off 470) first.
    expect(printed).toContain("PAUSED changes-in-transaction=435");
    const db = await t.reopen();
    try {
      expect(await dump(db)).toEqual(before);
      expect((await loadRound(db, "434"))?.round.cutoff).toBe(470);
      // …and the database still works: the same ingest, uninterrupted, commits.
      const result = await ingestFeedText(db, JSON.stringify(feed), {
        source: "s",
        fetchedAt: "2026-11-24T21:05:00Z",
      });
      expect(result.corrected).toHaveLength(435);
      expect((await loadRound(db, "434"))?.round.cutoff).toBe(400);
    } finally {
      await db.close();
      await t.dispose();
    }
  });
});
