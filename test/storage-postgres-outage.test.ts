// PostgreSQL connections that break under the adapter, on the shared test server (test/global-setup.ts):
// a transaction whose connection is terminated is rolled back whole and reported as DatabaseUnavailableError,
// the pool replaces the connections that pg_terminate_backend ended, and the API answers again; a server
// that cannot be reached at start-up is reported without the URL's password.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../src/server/app.js";
import { createDataContext } from "../src/server/context.js";
import { freePort } from "../src/server/start.js";
import {
  addClient,
  DatabaseUnavailableError,
  type Db,
  ingestFeedText,
  isConnectionFailure,
  listClients,
  openDatabase,
} from "../src/storage/index.js";
import { dump, freshDatabase, type TestDatabase } from "./fixtures/feed/databases.js";
import { onThisMachine } from "./support/connection.js";
import { workedProfile } from "./support/profiles.js";
import { until } from "./support/until.js";

const adminUrl = inject("postgresUrl");
let admin: pg.Client;
const opened: TestDatabase[] = [];

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
});

afterAll(async () => {
  for (const t of opened) {
    await t.db.close().catch(() => undefined);
    await t.dispose();
  }
  await admin.end();
});

async function fresh(): Promise<TestDatabase> {
  const t = await freshDatabase("postgres", adminUrl);
  opened.push(t);
  return t;
}

/** Ends a session from outside, as an operator's pg_terminate_backend would, and waits until it is gone. */
async function terminate(pid: number): Promise<void> {
  const [row] = (await admin.query("select pg_terminate_backend($1, 10000) as ended", [pid])).rows;
  expect(row.ended).toBe(true);
}

/** Ends every session of the database `name` but the admin's own. */
async function terminateAll(name: string): Promise<number> {
  const { rows } = await admin.query(
    "select pg_terminate_backend(pid, 10000) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
    [name],
  );
  return rows.length;
}

describe("which failures are the connection's", () => {
  it("tells a lost or refused connection from a statement's own error", () => {
    const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });
    for (const e of [
      withCode("ECONNREFUSED"),
      withCode("ECONNRESET"),
      withCode("ETIMEDOUT"),
      withCode("EPIPE"),
      withCode("08006"),
      withCode("08001"),
      withCode("57P01"),
      withCode("57P02"),
      withCode("57P03"),
      new Error("Connection terminated unexpectedly"),
      new Error("Connection terminated due to connection timeout"),
      new Error("Client has encountered a connection error and is not queryable"),
      new AggregateError([withCode("ECONNREFUSED")], ""),
      new DatabaseUnavailableError("postgres://x", "57P01", 1),
    ])
      expect(isConnectionFailure(e), String((e as { code?: string }).code ?? e.message)).toBe(true);
    for (const e of [
      withCode("23505", "duplicate key value violates unique constraint"),
      withCode("42P01", "relation does not exist"),
      withCode("28P01", "password authentication failed"),
      new Error("the import failed"),
      "ECONNREFUSED",
      undefined,
    ])
      expect(isConnectionFailure(e), String(e)).toBe(false);
  });
});

describe("a connection terminated under a transaction", () => {
  it("rolls back every insert made before it, and the next statements run on a new connection", async () => {
    const { db } = await fresh();
    const attempt = db.transaction(async (tx) => {
      await addClient(tx, { label: "TX-1", profile: workedProfile }, "2026-12-01T10:00:00Z");
      await addClient(tx, { label: "TX-2", profile: workedProfile }, "2026-12-01T10:00:00Z");
      const [session] = await tx.query<{ pid: number }>("select pg_backend_pid() as pid");
      await terminate(session!.pid);
      await addClient(tx, { label: "TX-3", profile: workedProfile }, "2026-12-01T10:00:00Z");
    });
    const refused = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DatabaseUnavailableError);
    // Nothing of it was kept, and the pool serves the next statements from a fresh connection.
    expect(await listClients(db)).toEqual([]);
    await addClient(db, { label: "AFTER", profile: workedProfile }, "2026-12-01T10:05:00Z");
    expect((await listClients(db)).map((c) => c.label)).toEqual(["AFTER"]);
    expect(await db.health()).toEqual({ kind: "postgres", status: "up" });
  });

  it("leaves an ingest cut before its COMMIT unapplied: all 435 rounds of the bundled feed or none", async () => {
    const { db } = await fresh();
    const before = await dump(db);
    const feed = readFileSync(new URL("../src/draws/data/ee_rounds_123_en.json", import.meta.url), "utf8");
    const attempt = ingestFeedText(db, feed, {
      source: "test",
      fetchedAt: "2026-12-01T10:00:00Z",
      beforeCommit: async (tx) => {
        const [written] = await tx.query<{ n: number }>("select count(*)::int as n from rounds");
        expect(written!.n).toBe(435);
        const [session] = await tx.query<{ pid: number }>("select pg_backend_pid() as pid");
        await terminate(session!.pid);
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(await dump(db)).toEqual(before);
  });
});

describe("connections ended by pg_terminate_backend under a running API", () => {
  it("answers again once the pool has replaced them; meanwhile a 503 with Retry-After, never a crash", async () => {
    const t = await fresh();
    const name = new URL(t.location).pathname.slice(1);
    const logged: string[] = [];
    const data = await createDataContext({
      databaseUrl: t.location,
      today: () => "2026-12-01",
      log: (line) => logged.push(line),
    });
    try {
      const app = createApp({ ...data, logError: (line) => logged.push(line) });
      // Several requests at once, so that the pool holds several connections.
      const warm = await Promise.all(
        Array.from({ length: 5 }, () => app.request("/api/clients", {}, onThisMachine)),
      );
      expect(warm.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(await terminateAll(name)).toBeGreaterThan(0);

      const answers: number[] = [];
      await until(async () => {
        const res = await app.request("/api/clients", {}, onThisMachine);
        answers.push(res.status);
        if (res.status === 503) {
          expect(res.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
          expect(((await res.json()) as { error: { field: string } }).error.field).toBe("(database)");
        }
        return res.status === 200 ? true : undefined;
      });
      expect(
        answers.every((s) => s === 200 || s === 503),
        answers.join(),
      ).toBe(true);
      expect(await (await app.request("/healthz")).json()).toMatchObject({
        status: "ok",
        database: { kind: "postgres", status: "up" },
      });
      // A connection failure is no internal error: nothing is logged per request.
      expect(logged.filter((line) => line.startsWith("error:"))).toEqual([]);
    } finally {
      await data.close();
    }
  });
});

describe("a server that cannot be reached at start-up", () => {
  it("fails with the reason and the address, never the password", async () => {
    const port = await freePort(); // nothing listens there
    const url = `postgres://ee:s3cret-Pa55@127.0.0.1:${port}/postgres`;
    const logged: string[] = [];
    const failure = await openDatabase({ url, log: (line) => logged.push(line) }).then(
      (db: Db) => db.close().then(() => null),
      (e: unknown) => e as Error,
    );
    expect(failure?.message).toContain(
      `cannot connect to the database at postgres://ee:***@127.0.0.1:${port}`,
    );
    expect(failure?.message).toContain("ECONNREFUSED");
    expect(failure?.message).toContain("EE_DATABASE_WAIT_SECONDS");
    expect(failure?.message).not.toContain("s3cret");

    // Waiting for it: tried again with backoff, said once, and still refused after the bounded wait.
    const waited = await openDatabase({
      url,
      waitForServerSeconds: 1,
      log: (line) => logged.push(line),
    }).then(
      (db: Db) => db.close().then(() => null),
      (e: unknown) => e as Error,
    );
    expect(waited?.message).toContain("still unreachable after 1 s");
    expect(logged).toEqual([
      `database: postgres://ee:***@127.0.0.1:${port}/postgres is not reachable yet (ECONNREFUSED); trying again for up to 1 s`,
    ]);
    expect(JSON.stringify([waited?.message, logged])).not.toContain("s3cret");
  });
});
