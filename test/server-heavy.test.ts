// The heavy computations through the real Node adapter and a real worker pool: what the server answers
// while its workers are busy, when its queue is full, past a deadline, and what becomes of a computation
// whose client hangs up. The test tasks (test/support/heavy-tasks.ts) replace `advice` with a task that
// holds its worker until the pool stops it, so no assertion depends on how fast anything runs.
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundledRounds } from "../src/draws/index.js";
import { createApp } from "../src/server/app.js";
import { type HeavyRunner, poolRunner } from "../src/server/heavy/runner.js";
import { listen, startServer } from "../src/server/start.js";
import { engineer, withPteCore, workedProfile } from "./support/profiles.js";

const tasksModule = new URL("./support/heavy-tasks.ts", import.meta.url).href;
const rounds = bundledRounds();
const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closing.splice(0)) await close();
});

/** The app on a loopback port with `heavy` running its computations; what it logs goes to `logged`. */
async function serveWith(heavy: HeavyRunner) {
  const logged: string[] = [];
  const logError = (line: string) => logged.push(line);
  const app = createApp({ today: () => "2025-06-01", rounds: async () => rounds, heavy, logError });
  const server = await listen(app.fetch, { port: 0, hostname: "127.0.0.1", logError });
  closing.push(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await heavy.close();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, logged, stats: () => heavy.stats()! };
}

/** A POST that can be hung up on: `hangUp()` closes the connection before the answer. */
function postHeld(base: string, path: string, body: unknown) {
  const text = JSON.stringify(body);
  const req = request(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) },
  });
  const answered = new Promise<number>((resolve) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
  });
  req.end(text);
  return { answered, hangUp: () => req.destroy() };
}

async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((r) => setTimeout(r, 5));
}

const adviceBody = { profile: workedProfile, asOf: "2025-06-01" };

describe("heavy computations in worker threads, through Node", () => {
  it("answers /healthz, /api/crs and the draws while every worker is busy", async () => {
    const { base, stats } = await serveWith(
      poolRunner({ size: 1, queueLimit: 4, deadlineMs: 600_000, tasksModule }),
    );
    const held = postHeld(base, "/api/advice", adviceBody);
    await until(() => stats().running === 1);

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const crs = await fetch(`${base}/api/crs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(workedProfile),
    });
    expect(((await crs.json()) as { total: number }).total).toBe(429);
    expect((await fetch(`${base}/api/draws?stream=cec&from=2025-01-01`)).status).toBe(200);
    expect(stats().running).toBe(1);
    held.hangUp();
  });

  it("stops the computation of a client that hangs up, and logs it as a cancellation", async () => {
    const { base, stats, logged } = await serveWith(
      poolRunner({ size: 1, queueLimit: 4, deadlineMs: 600_000, tasksModule }),
    );
    const held = postHeld(base, "/api/advice", adviceBody);
    await until(() => stats().running === 1);
    held.hangUp();
    await until(() => stats().cancelled === 1);
    // The worker is given a short grace to finish; a task that never ends is then stopped with its worker.
    await until(() => stats().replaced === 1);
    expect(stats()).toMatchObject({ running: 0, cancelled: 1, replaced: 1 });
    await until(() => logged.length === 1);
    expect(logged).toEqual([
      "cancelled: POST /api/advice: the client went away; its computation was stopped",
    ]);
    // The worker that replaced the stopped one computes the next request.
    const res = await fetch(`${base}/api/probability`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profile: engineer, asOf: "2025-06-01", paths: 500 }),
    });
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { candidate: { eligibleStreams: string[] } }).candidate.eligibleStreams,
    ).toContain("cec");
  });

  it("answers 503 at once with Retry-After when the queue is full", async () => {
    const { base, stats, logged } = await serveWith(
      poolRunner({ size: 1, queueLimit: 1, deadlineMs: 600_000, tasksModule }),
    );
    const running = postHeld(base, "/api/advice", adviceBody);
    await until(() => stats().running === 1);
    const waiting = postHeld(base, "/api/advice", adviceBody);
    await until(() => stats().waiting === 1);

    const refused = await fetch(`${base}/api/advice`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(adviceBody),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toMatchObject({
      error: { field: "(server)", problem: "is busy: too many long computations are waiting" },
    });
    // The two before it are still in hand: refusing did not disturb them.
    expect(stats()).toMatchObject({ running: 1, waiting: 1, refused: 1 });
    expect(logged).toEqual([
      "busy: POST /api/advice: answered 503 (is busy: too many long computations are waiting)",
    ]);
    running.hangUp();
    waiting.hangUp();
  });

  it("answers 503 with Retry-After when the computation misses its deadline", async () => {
    const { base, stats } = await serveWith(
      poolRunner({ size: 1, queueLimit: 4, deadlineMs: 100, tasksModule }),
    );
    const res = await fetch(`${base}/api/advice`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(adviceBody),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toMatchObject({
      error: { field: "(server)", problem: "could not finish the computation within 0.1 s" },
    });
    expect(stats()).toMatchObject({ timedOut: 1 });
  });

  it("gives the answers of the in-thread app, errors naming a field included", async () => {
    const { base } = await serveWith(poolRunner({ size: 2, queueLimit: 4, deadlineMs: 600_000 }));
    const inThread = createApp({ today: () => "2025-06-01", rounds: async () => rounds });
    const cases: [string, unknown][] = [
      ["/api/probability", { profile: engineer, asOf: "2025-06-01", paths: 500 }],
      ["/api/chances", { profile: engineer, asOf: "2025-06-01", paths: 500 }],
      ["/api/advice", { profile: engineer, asOf: "2025-06-01", paths: 1000 }],
      ["/api/rounds/simulate", { stream: "cec", size: 3000, date: "2025-06-01" }],
      // PTE Core counts from 2024-01-30: the worker's FieldError is the same 400 naming the field.
      ["/api/probability", { profile: withPteCore(engineer), asOf: "2023-06-01", paths: 500 }],
      ["/api/rounds/simulate", { stream: "no-such-stream", size: 3000, date: "2025-06-01" }],
    ];
    for (const [path, body] of cases) {
      const init = {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      };
      const [viaPool, here] = await Promise.all([
        fetch(`${base}${path}`, init),
        inThread.request(path, init),
      ]);
      expect([path, viaPool.status]).toEqual([path, here.status]);
      expect(await viaPool.json()).toEqual(await here.json());
    }
  });
});

describe("startServer", () => {
  it("runs the heavy operations in its pool of workers, with the configured size and timeouts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ee-server-heavy-"));
    const server = await startServer({
      port: 0,
      host: "127.0.0.1",
      dataDir,
      today: () => "2025-06-01",
      heavy: { workers: 2 },
      timeouts: { headersMs: 4000 },
      logError: () => {},
    });
    closing.push(async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    expect(server.heavy.parallelism).toBe(2);
    expect(server.heavy.stats()).toMatchObject({ size: 2, completed: 0 });
    expect([server.http.headersTimeout, server.http.requestTimeout, server.http.keepAliveTimeout]).toEqual([
      4000, 30_000, 5000,
    ]);
    const res = await fetch(`${server.url}/api/probability`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profile: engineer, asOf: "2025-06-01", paths: 500 }),
    });
    expect(res.status).toBe(200);
    expect(server.heavy.stats()).toMatchObject({ completed: 1 });
  });
});
