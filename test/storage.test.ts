// The rounds feed in a real database, on embedded PGlite and on the PostgreSQL server that
// test/global-setup.ts starts: migrations, seeding, idempotent ingest, corrections, bad feeds.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { bundledRounds, FeedError } from "../src/draws/index.js";
import {
  ingestFeedText,
  loadFetches,
  loadRound,
  loadRoundChanges,
  loadRounds,
  migrate,
  seedFromBundledSnapshot,
  sha256,
} from "../src/storage/index.js";
import { type Backend, databasePerTest, dump, removeTemplates } from "./fixtures/feed/databases.js";

// The bundled snapshot is IRCC's feed of 2026-08-07 (435 rows). These tests work on the earlier snapshot, the
// feed to round 379 of 2025-11-14 (380 rows): its rows dated up to that day, which IRCC has not changed since.
const bundledText = readFileSync(new URL("../src/draws/data/ee_rounds_123_en.json", import.meta.url), "utf8");
const snapshotText = (() => {
  const feed = JSON.parse(bundledText) as { rounds: { drawDate: string }[] };
  return JSON.stringify({ ...feed, rounds: feed.rounds.filter((r) => r.drawDate <= "2025-11-14") });
})();
const odditiesText = readFileSync(new URL("./fixtures/feed/oddities.json", import.meta.url), "utf8");
const at = (minute: number) => `2026-11-24T20:${String(minute).padStart(2, "0")}:00Z`;

/** The snapshot with one round's published fields replaced (a correction by IRCC). */
function snapshotWith(round: string, fields: Record<string, string>): string {
  const feed = JSON.parse(snapshotText) as { rounds: Record<string, string>[] };
  const row = feed.rounds.find((r) => r.drawNumber === round)!;
  Object.assign(row, fields);
  return JSON.stringify(feed);
}

afterAll(() => removeTemplates());

describe.each<Backend>(["pglite", "postgres"])("storage on %s", (backend) => {
  const open = databasePerTest(backend);

  it("records the migrations and applies none twice", async () => {
    const db = await open();
    const rows = await db.query<{ version: number; name: string }>(
      "select version, name from schema_migrations order by version",
    );
    // 2: the candidate pool; 3: clients; 4: nullable figures, round issues, update attempts
    expect(rows.map((r) => Number(r.version))).toEqual([1, 2, 3, 4]);
    expect(await migrate(db)).toEqual([]);
  });

  it("seeds the bundled snapshot on first use, and only then", async () => {
    const db = await open();
    const seeded = await seedFromBundledSnapshot(db, at(0));
    expect(seeded?.added).toHaveLength(435);
    expect(await seedFromBundledSnapshot(db, at(1))).toBeNull();
    // What comes back out of the database is what the parser produced.
    expect(await loadRounds(db)).toEqual(bundledRounds());
    const r379 = await loadRound(db, "379");
    expect(r379?.round).toMatchObject({ size: 3500, cutoff: 462, tieBreakAt: "2024-12-02T22:19:41Z" });
    expect(r379?.raw.drawSize).toBe("3,500");
    expect(r379?.raw.dd2).toBe("26,414");
    const fetches = await loadFetches(db);
    expect(fetches).toHaveLength(1);
    expect(fetches[0]).toMatchObject({
      fetchedAt: "2026-11-24T20:00:00Z",
      result: "ingested: 435 added, 0 corrected, 0 re-read",
    });
    expect(fetches[0]!.source).toContain("bundled snapshot");
    expect((await loadRound(db, "434"))?.round).toMatchObject({ date: "2026-08-07", size: 300, cutoff: 470 });
  });

  it("ingests the same feed twice without changing any round, and logs both fetches", async () => {
    const db = await open();
    const first = await ingestFeedText(db, snapshotText, { source: "file:a.json", fetchedAt: at(1) });
    expect(first.added).toHaveLength(380);
    const before = (await dump(db)) as { rounds: unknown[]; changes: unknown[] };
    const second = await ingestFeedText(db, snapshotText, { source: "file:a.json", fetchedAt: at(2) });
    expect(second).toMatchObject({ added: [], corrected: [], reparsed: [], unchanged: 380 });
    const after = (await dump(db)) as { rounds: unknown[]; changes: unknown[] };
    expect(after.rounds).toEqual(before.rounds);
    expect(after.changes).toEqual([]);
    const fetches = await loadFetches(db);
    expect(fetches.map((f) => [f.payloadSha256, f.result])).toEqual([
      [sha256(snapshotText), "ingested: 380 added, 0 corrected, 0 re-read"],
      [sha256(snapshotText), "unchanged"],
    ]);
  });

  it("logs a corrected round with the row before and after", async () => {
    const db = await open();
    await ingestFeedText(db, snapshotText, { source: "s", fetchedAt: at(1) });
    const corrected = snapshotWith("379", { drawSize: "3,600", drawCRS: "461" });
    const result = await ingestFeedText(db, corrected, { source: "s", fetchedAt: at(5) });
    expect(result.corrected).toEqual(["379"]);
    expect(result.added).toEqual([]);
    const stored = await loadRound(db, "379");
    expect(stored?.round).toMatchObject({ size: 3600, cutoff: 461 });
    const changes = await loadRoundChanges(db);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      round: "379",
      fetchId: result.fetchId,
      detectedAt: "2026-11-24T20:05:00Z",
      fields: ["drawCRS", "drawSize"],
    });
    expect([changes[0]!.before.drawSize, changes[0]!.after.drawSize]).toEqual(["3,500", "3,600"]);
    // The correction, fetched again, is not a new correction.
    const again = await ingestFeedText(db, corrected, { source: "s", fetchedAt: at(6) });
    expect(again.corrected).toEqual([]);
    expect(await loadRoundChanges(db)).toHaveLength(1);
  });

  it("stores each oddity of the real feed as the facts it states", async () => {
    const db = await open();
    const result = await ingestFeedText(db, odditiesText, { source: "oddities", fetchedAt: at(1) });
    expect(result.added).toHaveLength(10);
    const get = async (round: string) => (await loadRound(db, round))!.round;
    // A double space inside the time.
    expect((await get("379")).drawnAt).toBe("2025-11-14T11:53:39Z");
    // "January 23, 2025 at 2025-01-23 15:30:04 UTC"
    expect((await get("333")).drawnAt).toBe("2025-01-23T15:30:04Z");
    // "15:48:39 AM UTC" is a 24-hour time; "04:22:17 AM UTC" is 4 in the morning.
    expect(await get("270")).toMatchObject({
      drawnAt: "2023-10-25T15:48:39Z",
      tieBreakAt: "2023-09-30T04:22:17Z",
    });
    // "April 26,2023 18:10:04 UTC": no "at", no space; dd3 published as 55,867 though dd4..dd8 add to 55,687.
    const r247 = await get("247");
    expect(r247.drawnAt).toBe("2023-04-26T18:10:04Z");
    expect(r247.distribution?.r451to500).toBe(55867);
    expect(r247.distribution?.total).toBe(230189);
    // "May 19,2022 06:48:41 UTC"
    expect((await get("244")).tieBreakAt).toBe("2022-05-19T06:48:41Z");
    // "October 7 at 16:38:21 UTC" for a round on 2021-10-27: no year, so no certain instant; kept as text.
    expect((await get("208")).tieBreakAt).toBeNull();
    expect((await get("208")).issues).toEqual([
      {
        kind: "unreadable",
        field: "drawCutOff",
        text: "October 7 at 16:38:21 UTC",
        problem: "not one certain date and time",
      },
    ]);
    // 91a and 91b, both on 2018-05-30, kept apart; all-"0" distribution = not published.
    expect(await get("91a")).toMatchObject({ roundNumber: 91, size: 500, cutoff: 288, distribution: null });
    expect((await get("91a")).stream).toMatchObject({ kind: "program", id: "fst" });
    expect(await get("91b")).toMatchObject({ roundNumber: 91, size: 200, cutoff: 902 });
    expect((await get("91b")).stream.id).toBe("pnp");
    // No time zone; no tie-breaking rule published in 2015.
    expect(await get("6")).toMatchObject({ drawnAt: "2015-03-27T23:59:47Z", tieBreakAt: null, size: 1637 });
    // An unknown category name: stored as published, unrecognized, with a warning.
    const r380 = await loadRound(db, "380");
    expect(r380?.round.stream).toEqual({
      kind: "category",
      id: "unrecognized-researchers-with-canadian-work-experience-2026-version-1",
      version: null,
      recognized: false,
    });
    expect(r380?.raw.drawName).toBe("Researchers  with Canadian Work Experience, 2026-Version 1");
    expect(result.warnings.filter((w) => w.startsWith("round 380:"))).toHaveLength(1);
    expect(result.warnings.some((w) => w.startsWith('round 247: dd3 "55,867" looks wrong'))).toBe(true);
    expect((await loadRounds(db)).map((r) => r.round)).toEqual([
      "6",
      "91a",
      "91b",
      "208",
      "244",
      "247",
      "270",
      "333",
      "379",
      "380",
    ]);
  });

  it("keeps rounds that a later feed no longer lists, and says so", async () => {
    const db = await open();
    await ingestFeedText(db, odditiesText, { source: "o", fetchedAt: at(1) });
    // The snapshot without round 6 and 91b, plus the oddities' round 380: 2 absent, 371 added.
    const feed = JSON.parse(snapshotText) as { rounds: Record<string, string>[] };
    feed.rounds = feed.rounds.filter((r) => r.drawNumber !== "6" && r.drawNumber !== "91b");
    const result = await ingestFeedText(db, JSON.stringify(feed), { source: "s", fetchedAt: at(2) });
    // The pinned rows dropped the feed's link fields (drawNumberURL, mitext, DrawText1), and 379 had a
    // double space: the full rows are changes to published rows, logged field by field.
    expect(result.corrected).toEqual(["91a", "208", "244", "247", "270", "333", "379"]);
    const [change379] = await loadRoundChanges(db, "379");
    expect(change379?.fields).toEqual(["DrawText1", "drawDateTime", "drawNumberURL", "mitext"]);
    expect(result.warnings.filter((w) => w.includes("absent from this feed"))).toEqual([
      "round 6: stored earlier but absent from this feed; kept as stored",
      "round 91b: stored earlier but absent from this feed; kept as stored",
      "round 380: stored earlier but absent from this feed; kept as stored",
    ]);
    expect(await loadRounds(db)).toHaveLength(381);
  });

  it.each([
    ["an empty body", "", /body is empty/],
    [
      "an HTML page",
      "<html><head><title>Canada.ca - Error 404</title></head><body>…</body></html>",
      /HTML page/,
    ],
    ["a truncated file", snapshotText.slice(0, 250_000), /not valid JSON, perhaps truncated/],
    [
      "a row that cannot be identified",
      snapshotWith("200", { drawNumber: "" }),
      /rounds\[\d+\]: drawNumber "" is not a round number/,
    ],
  ])("rejects %s and changes nothing", async (_what, payload, message) => {
    const db = await open();
    await ingestFeedText(db, snapshotText, { source: "s", fetchedAt: at(1) });
    const before = await dump(db);
    const attempt = ingestFeedText(db, payload, { source: "bad", fetchedAt: at(2) });
    await expect(attempt).rejects.toThrow(FeedError);
    await expect(attempt).rejects.toThrow(message);
    expect(await dump(db)).toEqual(before);
  });

  it("rolls back everything when the ingest fails before its commit", async () => {
    const db = await open();
    await ingestFeedText(db, snapshotText, { source: "s", fetchedAt: at(1) });
    const before = await dump(db);
    const failing = ingestFeedText(db, snapshotWith("379", { drawSize: "9,999" }), {
      source: "s",
      fetchedAt: at(2),
      beforeCommit: async () => {
        throw new Error("interrupted");
      },
    });
    await expect(failing).rejects.toThrow("interrupted");
    expect(await dump(db)).toEqual(before);
  });
});
