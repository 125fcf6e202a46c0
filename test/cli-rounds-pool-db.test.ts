// The candidate pool in a real database (src/storage/pool.ts, migration 0002), on PGlite and PostgreSQL:
// saved with the rule set and date, loaded into the engine, invitations recorded so the invited leave.
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { invitedIds, runRound } from "../src/rounds/index.js";
import { listPools, loadPool, recordInvitations, savePoolCandidates } from "../src/storage/pool.js";
import {
  type Backend,
  freshDatabase,
  removeTemplates,
  type TestDatabase,
} from "./fixtures/feed/databases.js";

afterAll(() => removeTemplates());

const candidate = (id: string, crs: number, submittedAt: string, eligible = ["general"]) => ({
  id,
  crs,
  submittedAt,
  eligible,
  ruleSet: "2025-03-25 rules",
  computedOn: "2025-06-01",
});

describe.each<Backend>(["pglite", "postgres"])("pool storage on %s", (backend) => {
  let t: TestDatabase;
  afterEach(async () => {
    await t?.db.close().catch(() => undefined);
    await t?.dispose();
  });

  it("saves, loads, runs a round, records the invitations: the invited leave the pool", async () => {
    t = await freshDatabase(backend, inject("postgresUrl"));
    const db = t.db;
    await savePoolCandidates(db, "clients", [
      candidate("a", 500, "2025-01-02T10:00:00Z"),
      candidate("b", 480, "2025-01-03T10:00:00Z", ["general", "cec"]),
      candidate("c", 480, "2025-01-01T10:00:00Z"),
    ]);
    const pool = (await loadPool(db, "clients"))!;
    expect(pool.size).toBe(3);
    expect(pool.ruleSet).toBe("2025-03-25 rules");
    expect(pool.computedOn).toBe("2025-06-01");

    const round = runRound(pool, { date: "2025-06-10", stream: "general", size: 2 });
    expect(invitedIds(round)).toEqual(["a", "c"]);
    expect(
      await recordInvitations(db, "clients", {
        ids: invitedIds(round),
        round: "simulated",
        date: round.date,
        expiresOn: round.expiresOn,
      }),
    ).toBe(2);

    const after = (await loadPool(db, "clients"))!;
    expect(after.size).toBe(1);
    expect(after.ids).toEqual(["b"]);
    const [row] = await db.query<{ invitation_expires_on: string }>(
      "select invitation_expires_on::text from pool_candidates where pool = 'clients' and id = 'a'",
    );
    expect(row!.invitation_expires_on).toBe("2025-08-09");
    expect(await listPools(db)).toEqual([
      {
        pool: "clients",
        candidates: 3,
        inPool: 1,
        invited: 2,
        computedOn: ["2025-06-01"],
        ruleSets: ["2025-03-25 rules"],
      },
    ]);
  });

  it("a resubmitted candidate replaces the old row and is back in the pool", async () => {
    t = await freshDatabase(backend, inject("postgresUrl"));
    const db = t.db;
    await savePoolCandidates(db, "p", [candidate("a", 400, "2025-01-01T00:00:00Z")]);
    await recordInvitations(db, "p", { ids: ["a"], round: "r", date: "2025-02-01", expiresOn: "2025-04-02" });
    expect(await loadPool(db, "p")).toBeNull();
    await savePoolCandidates(db, "p", [candidate("a", 410, "2025-03-01T00:00:00Z")]);
    const pool = (await loadPool(db, "p"))!;
    expect(pool.scores[0]).toBe(410);
  });

  it("an unknown stream key is refused before anything is written", async () => {
    t = await freshDatabase(backend, inject("postgresUrl"));
    await expect(
      savePoolCandidates(t.db, "p", [candidate("a", 400, "2025-01-01T00:00:00Z", ["nurses"])]),
    ).rejects.toThrow(/unknown stream key "nurses"/);
    expect(await listPools(t.db)).toEqual([]);
  });
});
