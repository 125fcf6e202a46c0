// The API's heavy tasks as the worker pool's tests run them: `advice` replaced by a task that never
// finishes by itself (it holds its worker until the pool stops it), so that a test can keep workers busy
// for as long as it needs without depending on how fast anything runs; and tasks that look at what the
// pool gives a worker, fail, or end their worker.
import { FieldError, type FieldProblem } from "../../src/profile/errors.js";
import { heavyTasks, type TaskData } from "../../src/server/heavy/tasks.js";

const neverSignalled = new Int32Array(new SharedArrayBuffer(4));

/** Blocks its worker until the pool terminates it (short waits: termination is seen between them). */
function holdUntilStopped(_args?: unknown): never {
  for (;;) Atomics.wait(neverSignalled, 0, 0, 20);
}

export const tasks = {
  ...heavyTasks,
  advice: holdUntilStopped,
  hold: holdUntilStopped,
  /** Blocks its worker until `release[0]` is set by the test (a task that ends when the test says). */
  holdUntil: (args: { release: Int32Array }) => {
    while (Atomics.load(args.release, 0) === 0) Atomics.wait(args.release, 0, 0, 20);
    return "released";
  },
  /** How many tasks have seen this very data object in this worker: 1 each time if it were cloned per task. */
  countDataUses: (_args: unknown, data: TaskData & { uses?: number }) => {
    data.uses = (data.uses ?? 0) + 1;
    return data.uses;
  },
  fail: (args: { problems: FieldProblem[] }) => {
    throw new FieldError(args.problems);
  },
  /** Ends its worker thread, as a crash would. */
  crash: () => process.exit(1),
};
