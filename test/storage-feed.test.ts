// Reading IRCC's feed tolerantly, in a real database (PGlite and PostgreSQL): a broken feed changes
// nothing and is recorded as a failed update; a row with an unreadable field is stored with that field
// null, its published text kept and a warning; the real 2026 feed goes in whole; concurrent updates and
// first starts on one PostgreSQL database are serialized.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { FeedError } from "../src/draws/index.js";
import {
  type Db,
  ingestFeedText,
  loadRound,
  loadRoundChanges,
  loadRounds,
  loadUpdateStatus,
  seedFromBundledSnapshot,
} from "../src/storage/index.js";
import {
  type Backend,
  databasePerTest,
  dump,
  freshDatabase,
  removeTemplates,
} from "./fixtures/feed/databases.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/feed/${name}`, import.meta.url), "utf8");
// The bundled snapshot is IRCC's feed of 2026-08-07; the earlier snapshot (to round 379, 2025-11-14) is its rows
// dated up to 2025-11-14 (IRCC changed none of them since).
const feed2026 = readFileSync(new URL("../src/draws/data/ee_rounds_123_en.json", import.meta.url), "utf8");
const feed2025 = (() => {
  const feed = JSON.parse(feed2026) as { rounds: { drawDate: string }[] };
  return JSON.stringify({ ...feed, rounds: feed.rounds.filter((r) => r.drawDate <= "2025-11-14") });
})();
const fetchedAt = "2026-08-07T18:00:00Z";

afterAll(() => removeTemplates());

describe.each<Backend>(["pglite", "postgres"])("the feed, tolerantly, on %s", (backend) => {
  const open = databasePerTest(backend);

  it("takes IRCC's 2026 feed whole on top of the 2025 snapshot, then changes nothing the second time", async () => {
    const db = await open();
    await ingestFeedText(db, feed2025, { source: "2025.json", fetchedAt: "2026-08-07T17:00:00Z" });
    const first = await ingestFeedText(db, feed2026, { source: "2026.json", fetchedAt });
    expect(first.added).toHaveLength(55);
    const rounds = await loadRounds(db);
    expect(rounds).toHaveLength(435);
    expect(rounds.at(-1)).toMatchObject({ round: "434", size: 300, cutoff: 470, incomplete: false });
    // Round 432's tie-break, typed "July 3rd 2026 at 21:35:13 UTC", the form that used to refuse the feed.
    expect((await loadRound(db, "432"))?.round.tieBreakAt).toBe("2026-07-03T21:35:13Z");
    // Round 208's "October 7 at 16:38:21 UTC" has no year: not guessed, kept as published.
    const r208 = (await loadRound(db, "208"))!;
    expect(r208.round.tieBreakAt).toBeNull();
    expect(r208.round.issues).toContainEqual(
      expect.objectContaining({ kind: "unreadable", field: "drawCutOff", text: "October 7 at 16:38:21 UTC" }),
    );
    expect(first.warnings).toContain(
      'round 208: drawCutOff "October 7 at 16:38:21 UTC" cannot be read (not one certain date and time); stored as null',
    );
    const before = await dump(db);
    const second = await ingestFeedText(db, feed2026, {
      source: "2026.json",
      fetchedAt: "2026-08-07T19:00:00Z",
    });
    expect(second).toMatchObject({ added: [], corrected: [], reparsed: [], unchanged: 435 });
    const after = (await dump(db)) as { rounds: unknown; changes: unknown };
    expect(after.rounds).toEqual((before as typeof after).rounds);
    expect(after.changes).toEqual((before as typeof after).changes);
    const status = await loadUpdateStatus(db);
    expect(status.lastSuccess).toMatchObject({ source: "2026.json", message: "unchanged", roundsAdded: 0 });
    expect(status.lastFailure).toBeNull();
  });

  it.each([
    ["fault-empty.json", /body is empty/],
    ["fault-one-byte.json", /not valid JSON/],
    ["fault-html.json", /HTML page \("Canada.ca - Error 404"\)/],
    ["fault-truncated.json", /not valid JSON, perhaps truncated/],
    ["fault-no-rounds.json", /no "rounds" array/],
    ["fault-same-round-twice.json", /round 433: published twice with different facts/],
    ["five-rounds-2026.json", /lists 5 rounds but 435 are stored/],
  ])("refuses the whole of %s, changes nothing and records the failure", async (name, message) => {
    const db = await open();
    await ingestFeedText(db, feed2026, { source: "2026.json", fetchedAt });
    const before = await dump(db);
    const attempt = ingestFeedText(db, fixture(name), { source: name, fetchedAt: "2026-08-08T08:00:00Z" });
    await expect(attempt).rejects.toThrow(FeedError);
    await expect(attempt).rejects.toThrow(message);
    expect(await dump(db)).toEqual(before);
    const { lastSuccess, lastFailure } = await loadUpdateStatus(db);
    expect(lastSuccess).toMatchObject({ source: "2026.json", roundsAdded: 435 });
    expect(lastFailure).toMatchObject({
      source: name,
      outcome: "failure",
      attemptedAt: "2026-08-08T08:00:00Z",
    });
    expect(lastFailure!.message).toMatch(message);
  });

  it.each([
    ["row-tie-break.json", "drawCutOff", "March 18 at 23:32:40 UTC", { tieBreakAt: null }],
    ["row-date-time.json", "drawDateTime", "August 6, 2026 at 11:29 o'clock", { drawnAt: null }],
    ["row-distribution-date.json", "drawDistributionAsOn", "August 2026", { distribution: null }],
    ["row-count.json", "dd5", "12,89O", { distribution: null }],
    ["row-size.json", "drawSize", "five thousand", { size: null, cutoff: 391, incomplete: true }],
    ["row-cutoff.json", "drawCRS", "", { size: 5000, cutoff: null, incomplete: true }],
  ])(
    "stores %s's round with the unreadable field null, its text kept, and warns",
    async (name, field, text, expected) => {
      const db = await open();
      const result = await ingestFeedText(db, fixture(name), { source: name, fetchedAt });
      expect(result.added).toHaveLength(5);
      const stored = (await loadRound(db, "433"))!;
      expect(stored.round).toMatchObject({ round: "433", date: "2026-08-06", ...expected });
      expect(stored.round.issues).toContainEqual(
        expect.objectContaining({ kind: "unreadable", field, text }),
      );
      expect(stored.raw[field]).toBe(text);
      expect(
        result.warnings.some((w) =>
          w.startsWith(`round 433: ${field} ${JSON.stringify(text)} cannot be read`),
        ),
      ).toBe(true);
      expect((await loadUpdateStatus(db)).lastSuccess?.warnings).toEqual(result.warnings);
    },
  );

  it("refuses a partly read row with strict, changing nothing", async () => {
    const db = await open();
    const attempt = ingestFeedText(db, fixture("row-tie-break.json"), {
      source: "s",
      fetchedAt,
      strict: true,
    });
    await expect(attempt).rejects.toThrow(/round 433: drawCutOff "March 18 at 23:32:40 UTC" cannot be read/);
    expect(await loadRounds(db)).toEqual([]);
    expect((await loadUpdateStatus(db)).lastFailure?.problems).toHaveLength(1);
  });

  it("keeps implausible values as read and flags them", async () => {
    const db = await open();
    const result = await ingestFeedText(db, fixture("row-implausible.json"), {
      source: "s",
      fetchedAt: "2026-08-06T18:00:00Z",
    });
    const stored = (await loadRound(db, "433"))!.round;
    expect(stored).toMatchObject({ size: 123, cutoff: 1391, tieBreakAt: "2026-08-07T23:32:40Z" });
    expect(stored.issues.filter((i) => i.kind === "implausible").map((i) => i.field)).toEqual([
      "drawSize",
      "drawCRS",
      "drawCutOff",
    ]);
    // Round 434 is dated after the day the feed was fetched.
    expect(result.warnings.some((w) => w.startsWith('round 434: drawDate "2026-08-07" looks wrong'))).toBe(
      true,
    );
  });
});

describe("concurrent updates on PostgreSQL", () => {
  it("serializes two first starts and two updates: one seeding, one set of rounds and corrections", async () => {
    const t = await freshDatabase("postgres", inject("postgresUrl"));
    // Three processes' connections to one database.
    const connections: Db[] = [t.db];
    try {
      const a = t.db;
      const b = await t.reopen();
      const c = await t.reopen();
      connections.push(b, c);
      const seeds = await Promise.all([
        seedFromBundledSnapshot(a, "2026-08-07T17:00:00Z"),
        seedFromBundledSnapshot(b, "2026-08-07T17:00:00Z"),
        seedFromBundledSnapshot(c, "2026-08-07T17:00:00Z"),
      ]);
      expect(seeds.filter((s) => s !== null)).toHaveLength(1);
      // The bundled snapshot is the feed of 2026-08-07: 435 rows.
      expect(await loadRounds(a)).toHaveLength(435);
      // The next feed: one more round (a made-up 435 on 2026-08-19).
      const next = JSON.parse(feed2026) as { rounds: Record<string, string>[] };
      next.rounds.unshift({ ...next.rounds[0]!, drawNumber: "435", drawDate: "2026-08-19" });
      const nextText = JSON.stringify(next);
      const updates = await Promise.all(
        [a, b, c].map((db, i) =>
          ingestFeedText(db, nextText, { source: `update ${i}`, fetchedAt: "2026-08-20T18:00:00Z" }),
        ),
      );
      expect(updates.map((u) => u.added.length).sort()).toEqual([0, 0, 1]);
      const corrected = updates.flatMap((u) => u.corrected);
      expect(new Set(corrected).size).toBe(corrected.length);
      const changes = await loadRoundChanges(a);
      expect(changes.map((ch) => ch.round).sort()).toEqual([...corrected].sort());
      expect(await loadRounds(a)).toHaveLength(436);
    } finally {
      for (const connection of connections) await connection.close().catch(() => undefined);
      await t.dispose();
    }
  });
});
