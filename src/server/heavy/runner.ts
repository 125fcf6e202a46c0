// How the API's handlers run a heavy task (tasks.ts): in the worker pool (the server), or in this thread
// (the in-memory tests and any app built without a pool). Either way a handler writes
// `run(name, args, rounds, signal)` and gets the task's result or its error (the tasks are handed only the
// rounds whose size and cut-off could be read: forecasts and simulations learn from figures); the pool's refusals become
// the API's answers here: a full queue or a missed deadline is a 503 with Retry-After (the server is busy:
// the same request later may well succeed), and a request whose client went away is a TaskCancelledError
// (app.ts logs it as such; nobody is left to answer).
import type { Round } from "../../draws/index.js";
import { FieldError, type FieldProblem } from "../../profile/errors.js";
import { RoundInputError } from "../../rounds/index.js";
import { roundsWithFigures } from "../context.js";
import { ApiError } from "../http.js";
import {
  type PoolOptions,
  type PoolStats,
  TaskDeadlineError,
  type TaskFailure,
  TaskQueueFullError,
  WorkerPool,
} from "./pool.js";
import { type HeavyTaskName, type HeavyTasks, heavyTasks, type TaskData } from "./tasks.js";

export interface HeavyRunner {
  /** How many tasks run at once: a long list (the clients) is split into that many parts. */
  parallelism: number;
  run<K extends HeavyTaskName>(
    name: K,
    args: Parameters<HeavyTasks[K]>[0],
    rounds: readonly Round[],
    signal?: AbortSignal,
  ): Promise<ReturnType<HeavyTasks[K]>>;
  /** The pool's counters (none in-thread). */
  stats(): PoolStats | null;
  close(): Promise<void>;
}

/** Runs the tasks in this thread, one at a time (tests, tools): no pool, no deadline. */
export function inlineRunner(): HeavyRunner {
  return {
    parallelism: 1,
    run: async (name, args, rounds) => {
      const task = heavyTasks[name] as (args: unknown, data: TaskData) => never;
      return task(args, { rounds: roundsWithFigures(rounds) });
    },
    stats: () => null,
    close: async () => {},
  };
}

const inThisThread = inlineRunner();

/** The context's runner, else this thread (an app built without a pool: the in-memory tests). */
export const runnerOf = (ctx: { heavy?: HeavyRunner }): HeavyRunner => ctx.heavy ?? inThisThread;

/** How long a client asked to wait should wait before asking again, in seconds. */
export const retryAfterSeconds = { queueFull: 5, deadline: 30 } as const;

/** Rebuilds the domain's errors that name a field (400s), whose class did not cross the thread. */
function reviveDomainError(f: TaskFailure): Error {
  if (f.name === "FieldError") return new FieldError(f.props.problems as FieldProblem[]);
  if (f.name === "RoundInputError") return new RoundInputError(f.message);
  return Object.assign(new Error(f.message), { name: f.name });
}

const busy = (problem: string, seconds: number) =>
  new ApiError(503, [{ field: "(server)", problem, allowed: `the same request after ${seconds} s` }], {
    "retry-after": String(seconds),
  });

/** The answer documented for every operation that runs a heavy task (OpenAPI). */
export const busyResponse = {
  status: 503,
  description:
    "The server is busy: too many long computations are waiting (answered at once), or this one missed its " +
    "deadline. Retry after the Retry-After header's seconds",
  contentType: "application/json",
} as const;

/** Runs the tasks in a pool of worker threads (see pool.ts), with the API's answers to its refusals. */
export function poolRunner(options: Omit<PoolOptions, "revive">): HeavyRunner {
  const pool = new WorkerPool<HeavyTasks>({ ...options, revive: reviveDomainError });
  // One data object per list of rounds (the context keeps the same list while the data is the same), so
  // that each worker is sent the rounds once per version of the data.
  const dataOf = new WeakMap<readonly Round[], TaskData>();
  return {
    parallelism: options.size,
    run: async (name, args, rounds, signal) => {
      const data = dataOf.get(rounds) ?? { rounds: roundsWithFigures(rounds) };
      dataOf.set(rounds, data);
      try {
        return (await pool.run(name, args, { data, signal })) as never;
      } catch (e) {
        if (e instanceof TaskQueueFullError)
          throw busy("is busy: too many long computations are waiting", retryAfterSeconds.queueFull);
        if (e instanceof TaskDeadlineError)
          throw busy(
            `could not finish the computation within ${options.deadlineMs / 1000} s`,
            retryAfterSeconds.deadline,
          );
        throw e;
      }
    },
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}
