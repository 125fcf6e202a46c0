// The messages between the pool (pool.ts) and its workers (worker.ts).
import type { TaskFailure } from "./pool.js";

export type ToWorker =
  /** The shared data every following task reads (once per data version). */
  { type: "data"; data: object } | { type: "run"; id: number; name: string; args: unknown };

export type FromWorker =
  | { type: "ready" }
  | { type: "done"; id: number; result: unknown }
  | { type: "failed"; id: number; failure: TaskFailure };
