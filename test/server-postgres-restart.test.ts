// PostgreSQL restarted under a running server (a child process, as `npm start` runs): while the database
// is away the server stays up, the requests that need it answer 503 with a JSON body and Retry-After,
// /healthz says the database is down, the rounds last read are still served; once PostgreSQL is back the
// same requests answer 200, and the loss was logged once, without the password; connections ended by
// pg_terminate_backend are replaced without a word. Also: a server started
// before its database waits for it (EE_DATABASE_WAIT_SECONDS). The test owns its PostgreSQL cluster.
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ChildServer, spawnServer } from "../src/server/spawn.js";
import { freePort } from "../src/server/start.js";
import { type Cluster, createCluster } from "./support/postgres-cluster.js";
import { until } from "./support/until.js";

const password = "s3cret-Pa55"; // trust authentication accepts any: it is there to be kept out of logs
let cluster: Cluster;
let url: string;
const running: ChildServer[] = [];

beforeAll(async () => {
  cluster = createCluster(await freePort());
  const u = new URL(cluster.url);
  u.password = password;
  url = u.toString();
});

afterAll(async () => {
  for (const server of running) await server.stop();
  cluster?.dispose();
});

/** Collects what the child writes to stderr. */
function stderrOf(child: ChildProcess): { text: () => string; waitFor: (part: string) => Promise<void> } {
  let text = "";
  const waiters: (() => void)[] = [];
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    text += chunk;
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    text: () => text,
    waitFor: async (part) => {
      while (!text.includes(part)) {
        if (child.exitCode !== null) throw new Error(`the server exited: ${text}`);
        await new Promise<void>((wake) => waiters.push(wake));
      }
    },
  };
}

it("stays up through a PostgreSQL restart: 503 with Retry-After while it is away, 200 once it is back", async () => {
  let log!: ReturnType<typeof stderrOf>;
  const server = await spawnServer({
    port: await freePort(),
    databaseUrl: url,
    stderr: "pipe",
    onSpawn: (child) => {
      log = stderrOf(child);
    },
  });
  running.push(server);
  const get = (path: string) => fetch(`${server.url}${path}`);
  expect((await get("/api/clients")).status).toBe(200);
  expect((await get("/api/draws?stream=cec")).status).toBe(200); // the rounds are read, and kept
  expect(await (await get("/healthz")).json()).toMatchObject({
    status: "ok",
    database: { kind: "postgres", status: "up" },
  });

  cluster.stop("fast");

  const refused = await get("/api/clients");
  expect(refused.status).toBe(503);
  expect(refused.headers.get("content-type")).toContain("application/json");
  expect(refused.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
  const body = (await refused.json()) as { error: { field: string }; errors: unknown[] };
  expect(body.error.field).toBe("(database)");
  expect(body.errors).toHaveLength(1);

  const health = await get("/healthz");
  expect(health.status).toBe(503);
  expect(health.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
  expect(await health.json()).toMatchObject({
    status: "degraded",
    version: expect.any(String),
    database: { kind: "postgres", status: "down", reason: expect.any(String) },
  });
  // The draws need only the rounds: those last read are served while the database is away.
  expect((await get("/api/draws?stream=cec")).status).toBe(200);
  expect(server.process.exitCode).toBeNull();

  cluster.start();
  await until(async () => ((await get("/api/clients")).status === 200 ? true : undefined));
  const healthy = await get("/healthz");
  expect(healthy.status).toBe(200);
  expect(await healthy.json()).toMatchObject({ status: "ok", database: { status: "up" } });
  expect(server.process.exitCode).toBeNull();
  expect(server.process.signalCode).toBeNull();

  // Its connections ended from outside (pg_terminate_backend): the pool opens others, the process lives on.
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      "select pg_terminate_backend(pid, 10000) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
    );
    expect(rows.length).toBeGreaterThan(0);
  } finally {
    await admin.end();
  }
  await until(async () => ((await get("/api/clients")).status === 200 ? true : undefined));
  expect(server.process.exitCode).toBeNull();

  await log.waitFor("again after");
  const lines = log.text().split("\n").filter(Boolean);
  expect(lines.filter((line) => line.includes("lost the connection"))).toHaveLength(1);
  expect(log.text()).toContain("postgres://ee:***@127.0.0.1");
  expect(log.text()).not.toContain(password);
});

it("waits at start-up for a PostgreSQL that is not accepting connections yet", async () => {
  cluster.stop("fast");
  let log!: ReturnType<typeof stderrOf>;
  let started = false;
  const starting = spawnServer({
    port: await freePort(),
    databaseUrl: url,
    env: { EE_DATABASE_WAIT_SECONDS: "120" },
    stderr: "pipe",
    onSpawn: (child) => {
      log = stderrOf(child);
    },
  });
  starting.then(
    () => {
      started = true;
    },
    () => undefined,
  );
  await log.waitFor("is not reachable yet");
  expect(started).toBe(false);
  cluster.start();
  const server = await starting;
  running.push(server);
  expect((await fetch(`${server.url}/api/clients`)).status).toBe(200);
  expect(log.text()).not.toContain(password);
});
