// The worker pool on its own, with the test tasks of test/support/heavy-tasks.ts (`hold` keeps its worker
// until the pool stops it): every assertion is on what happened, never on how long it took.
import { afterEach, describe, expect, it } from "vitest";
import type { tasks } from "../../../test/support/heavy-tasks.js";
import { FieldError } from "../../profile/errors.js";
import {
  TaskCancelledError,
  TaskCrashedError,
  TaskDeadlineError,
  TaskQueueFullError,
  WorkerPool,
} from "./pool.js";
import { poolRunner } from "./runner.js";

const tasksModule = new URL("../../../test/support/heavy-tasks.ts", import.meta.url).href;
const pools: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function poolOf(size: number, queueLimit = 8, deadlineMs = 60_000, cancelGraceMs = 0) {
  const pool = new WorkerPool<typeof tasks>({
    size,
    queueLimit,
    deadlineMs,
    cancelGraceMs,
    tasksModule,
    revive: (f) =>
      f.name === "FieldError" ? new FieldError(f.props.problems as never) : new Error(f.message),
  });
  pools.push(pool);
  return pool;
}

/** Waits until the pool's counters say `ready` (a task reached a worker, a worker was replaced …). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((r) => setTimeout(r, 5));
}

describe("WorkerPool", () => {
  it("sends the shared data to a worker once per data object, not with every task", async () => {
    const pool = poolOf(1);
    const first = { rounds: [] };
    const uses = [];
    for (let i = 0; i < 3; i++) uses.push(await pool.run("countDataUses", {}, { data: first }));
    expect(uses).toEqual([1, 2, 3]);
    // Another object is another version of the data: sent again, seen fresh.
    expect(await pool.run("countDataUses", {}, { data: { rounds: [] } })).toBe(1);
  });

  it("runs the API's tasks with the results of the same calls in this thread", async () => {
    const pool = poolOf(1);
    const args = { asOf: "2025-06-01", weeks: 4, seed: 7 };
    const { bundledRounds } = await import("../../draws/index.js");
    const { heavyTasks } = await import("./tasks.js");
    const rounds = bundledRounds();
    expect(await pool.run("forecast", args, { data: { rounds } })).toEqual(
      heavyTasks.forecast(args, { rounds }),
    );
  });

  it("gives back a task's error with its fields (rebuilt by `revive`)", async () => {
    const pool = poolOf(1);
    const problems = [{ field: "firstLanguage.test", problem: "was not accepted on that date" }];
    const error = await pool.run("fail", { problems }, { data: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).problems).toEqual(problems);
    expect(pool.stats().failed).toBe(1);
  });

  it("drops a waiting task when its signal aborts, and stops a running one by replacing its worker", async () => {
    const pool = poolOf(1);
    const running = new AbortController();
    const waiting = new AbortController();
    const first = pool.run("hold", {}, { data: {}, signal: running.signal }).catch((e: unknown) => e);
    const second = pool.run("hold", {}, { data: {}, signal: waiting.signal }).catch((e: unknown) => e);
    expect(pool.stats()).toMatchObject({ running: 1, waiting: 1 });

    waiting.abort();
    expect(await second).toBeInstanceOf(TaskCancelledError);
    expect(pool.stats()).toMatchObject({ running: 1, waiting: 0, cancelled: 1, replaced: 0 });

    running.abort();
    expect(await first).toBeInstanceOf(TaskCancelledError);
    expect(pool.stats()).toMatchObject({ running: 0, cancelled: 2, replaced: 1 });
    // The fresh worker runs the next task (and is sent the data again).
    expect(await pool.run("countDataUses", {}, { data: {} })).toBe(1);
  });

  it("keeps the worker of a cancelled task that finishes within its grace, and drops its answer", async () => {
    const pool = poolOf(1, 8, 60_000, 60_000);
    const stop = new AbortController();
    const release = new Int32Array(new SharedArrayBuffer(4));
    const held = pool
      .run("holdUntil", { release }, { data: {}, signal: stop.signal })
      .catch((e: unknown) => e);
    const next = pool.run("countDataUses", {}, { data: {} });
    stop.abort();
    expect(await held).toBeInstanceOf(TaskCancelledError);
    // The worker is still busy with the cancelled task: the next one waits for it, no worker is replaced.
    expect(pool.stats()).toMatchObject({ running: 0, waiting: 1, cancelled: 1, replaced: 0 });
    Atomics.store(release, 0, 1);
    Atomics.notify(release, 0);
    expect(await next).toBe(1);
    expect(pool.stats()).toMatchObject({ completed: 1, replaced: 0, cancelled: 1 });
  });

  it("terminates the worker of a cancelled task still running after its grace", async () => {
    const pool = poolOf(1, 8, 60_000, 20);
    const stop = new AbortController();
    const held = pool.run("hold", {}, { data: {}, signal: stop.signal }).catch((e: unknown) => e);
    stop.abort();
    expect(await held).toBeInstanceOf(TaskCancelledError);
    await until(() => pool.stats().replaced === 1);
    expect(await pool.run("countDataUses", {}, { data: {} })).toBe(1);
  });

  it("refuses a task at once when the queue is full", async () => {
    const pool = poolOf(1, 1);
    const stop = new AbortController();
    const held = [1, 2].map(() => pool.run("hold", {}, { data: {}, signal: stop.signal }).catch(() => {}));
    await expect(pool.run("countDataUses", {}, { data: {} })).rejects.toBeInstanceOf(TaskQueueFullError);
    expect(pool.stats()).toMatchObject({ running: 1, waiting: 1, refused: 1 });
    stop.abort();
    await Promise.all(held);
  });

  it("stops a task past its deadline", async () => {
    const pool = poolOf(1);
    await expect(pool.run("hold", {}, { data: {}, deadlineMs: 50 })).rejects.toBeInstanceOf(
      TaskDeadlineError,
    );
    expect(pool.stats()).toMatchObject({ timedOut: 1, replaced: 1, running: 0 });
  });

  it("fails the task of a worker that dies, and replaces the worker", async () => {
    const pool = poolOf(1);
    await expect(pool.run("crash", undefined, { data: {} })).rejects.toBeInstanceOf(TaskCrashedError);
    await until(() => pool.stats().replaced === 1);
    expect(await pool.run("countDataUses", {}, { data: {} })).toBe(1);
  });

  it("refuses a task whose signal has already aborted, without a worker", async () => {
    const pool = poolOf(1);
    await expect(pool.run("hold", {}, { data: {}, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      TaskCancelledError,
    );
    expect(pool.stats()).toMatchObject({ running: 0, cancelled: 1 });
  });
});

describe("poolRunner", () => {
  it("answers a full queue and a missed deadline with a 503 carrying Retry-After", async () => {
    const runner = poolRunner({ size: 1, queueLimit: 0, deadlineMs: 50, tasksModule });
    pools.push(runner);
    const args = {
      profile: {} as never,
      asOf: "2025-06-01",
      seed: 1,
      paths: 1000,
      assumeUnknownEligible: false,
    };
    // `advice` holds its worker (test tasks): it runs past the deadline; meanwhile the queue (0) is full.
    const pending = runner.run("advice", args, []).catch((e: unknown) => e);
    const refused = await runner.run("advice", args, []).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503, headers: { "retry-after": "5" } });
    expect(await pending).toMatchObject({
      status: 503,
      headers: { "retry-after": "30" },
      problems: [{ field: "(server)", problem: "could not finish the computation within 0.05 s" }],
    });
  });
});
