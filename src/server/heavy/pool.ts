// A pool of worker threads that run named, pure tasks: `run(name, args, {data, signal, deadlineMs})`.
// The tasks themselves are plain functions in a registry the workers load (tasks.ts for the API), so the
// domain code knows nothing of threads. What the pool adds is the bounding a server needs:
// - a fixed number of workers (the cores), each running one task at a time, so heavy work never blocks
//   the event loop that answers the cheap requests;
// - a queue of at most `queueLimit` waiting tasks: beyond it `run` refuses at once (TaskQueueFullError)
//   instead of letting work pile up;
// - a deadline per task, counted from `run` (waiting included): past it the task is dropped
//   (TaskDeadlineError);
// - cancellation: when `signal` aborts (the client went away) a waiting task is dropped and a running one
//   stopped (TaskCancelledError). The domain's loops are synchronous and know no flag, so a running task
//   is stopped by terminating its worker, and a fresh one takes its place; but not at once: the worker
//   gets `cancelGraceMs` to finish (its answer is then thrown away and it goes on with the next task).
//   Most tasks take milliseconds, and a fresh worker must load its code and rebuild its caches (the model,
//   the simulated futures): terminating a worker whose task was about to end would cost far more than it saves.
// `data` (the rounds) is what every task reads besides its arguments: it is sent to a worker once per
// data object (by identity), not cloned with every task.
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./protocol.js";

/** A worker's tasks: name → function of the arguments and the shared data. */
// biome-ignore lint/suspicious/noExplicitAny: the registry's argument types are each task's own
export type TaskRegistry = Record<string, (args: any, data: any) => unknown>;

export interface PoolOptions {
  /** Worker threads (at least 1). */
  size: number;
  /** Tasks that may wait for a worker; one more is refused at once. */
  queueLimit: number;
  /** Default deadline of a task, from `run` to its result, in milliseconds. */
  deadlineMs: number;
  /**
   * How long a worker whose task was cancelled may still run it before it is terminated (default 1000 ms).
   * The task is rejected at once either way; only the worker's fate waits.
   */
  cancelGraceMs?: number;
  /**
   * URL of the module whose `tasks` export the workers run instead of the API's (tests add tasks that
   * block until released). From the sources only.
   */
  tasksModule?: string;
  /** Rebuilds an error a task threw in a worker from its name, message and own properties. */
  revive?: (failure: TaskFailure) => Error;
  /** Told when a worker thread fails by itself (it cannot load, or it crashed); it is then replaced. */
  onWorkerError?: (error: Error) => void;
}

export interface RunOptions {
  /** The shared data the task reads (sent to each worker once per object). */
  data: object;
  /** Aborted when the answer is no longer wanted (the client disconnected). */
  signal?: AbortSignal;
  /** This task's deadline in milliseconds, instead of the pool's. */
  deadlineMs?: number;
}

/** An error thrown by a task in a worker, as it crossed the thread boundary. */
export interface TaskFailure {
  name: string;
  message: string;
  /** The error's own enumerable properties (e.g. a FieldError's problems). */
  props: Record<string, unknown>;
}

export class TaskQueueFullError extends Error {
  override name = "TaskQueueFullError";
}
export class TaskDeadlineError extends Error {
  override name = "TaskDeadlineError";
}
export class TaskCancelledError extends Error {
  override name = "TaskCancelledError";
}
/** The worker running the task died (out of memory, a crash): the task did not finish. */
export class TaskCrashedError extends Error {
  override name = "TaskCrashedError";
}

export interface PoolStats {
  size: number;
  running: number;
  waiting: number;
  completed: number;
  failed: number;
  refused: number;
  cancelled: number;
  timedOut: number;
  /** Workers started to replace one that was stopped or died. */
  replaced: number;
}

interface Job {
  id: number;
  name: string;
  args: unknown;
  data: object;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Undoes the deadline timer and the abort listener. */
  settle: () => void;
  /** Cancelled while it ran: its worker may still finish it (then the answer is dropped). */
  abandoned?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** The data version this worker holds. */
  version: number;
  /** Set when the pool stops the worker itself (cancellation, deadline, close). */
  stopping: boolean;
  ready: boolean;
}

/** The worker entry: the bundle's `heavy-worker.mjs` beside it, or worker.ts through tsx from the sources. */
function workerEntry(): { url: URL; workerData: Record<string, unknown> } {
  if (import.meta.url.endsWith(".ts"))
    return {
      url: new URL("./worker-from-sources.mjs", import.meta.url),
      workerData: { entry: new URL("./worker.ts", import.meta.url).href },
    };
  return { url: new URL("./heavy-worker.mjs", import.meta.url), workerData: {} };
}

export class WorkerPool<R extends TaskRegistry> {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly versions = new WeakMap<object, number>();
  private nextVersion = 1;
  private nextId = 1;
  private closed = false;
  private readonly counts = { completed: 0, failed: 0, refused: 0, cancelled: 0, timedOut: 0, replaced: 0 };

  constructor(private readonly options: PoolOptions) {
    if (!(options.size >= 1)) throw new Error(`a pool needs at least one worker (got ${options.size})`);
    for (let i = 0; i < options.size; i++) this.slots.push(this.startWorker());
  }

  stats(): PoolStats {
    return {
      size: this.slots.length,
      running: this.slots.filter((s) => s.job && !s.job.abandoned).length,
      waiting: this.waiting.length,
      ...this.counts,
    };
  }

  run<K extends keyof R & string>(
    name: K,
    args: Parameters<R[K]>[0],
    options: RunOptions,
  ): Promise<Awaited<ReturnType<R[K]>>> {
    if (this.closed) return Promise.reject(new Error("the worker pool is closed"));
    const { signal } = options;
    if (signal?.aborted) {
      this.counts.cancelled++;
      return Promise.reject(new TaskCancelledError("the request was abandoned before its task started"));
    }
    const idle = this.slots.find((s) => !s.job);
    if (!idle && this.waiting.length >= this.options.queueLimit) {
      this.counts.refused++;
      return Promise.reject(
        new TaskQueueFullError(`${this.waiting.length} tasks are already waiting for a worker`),
      );
    }
    return new Promise((resolve, reject) => {
      const deadlineMs = options.deadlineMs ?? this.options.deadlineMs;
      const job: Job = {
        id: this.nextId++,
        name,
        args,
        data: options.data,
        resolve: resolve as (value: unknown) => void,
        reject,
        settle: () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        },
      };
      const onAbort = () => {
        this.counts.cancelled++;
        this.drop(job, new TaskCancelledError("the request was abandoned: its task was stopped"), true);
      };
      const timer = setTimeout(() => {
        this.counts.timedOut++;
        this.drop(job, new TaskDeadlineError(`the task did not finish within ${deadlineMs} ms`));
      }, deadlineMs);
      signal?.addEventListener("abort", onAbort, { once: true });
      if (idle) this.dispatch(idle, job);
      else this.waiting.push(job);
    });
  }

  /** Stops every worker; waiting and running tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const gone = new Error("the worker pool was closed");
    for (const job of this.waiting.splice(0)) {
      job.settle();
      job.reject(gone);
    }
    await Promise.all(
      this.slots.map((slot) => {
        slot.stopping = true;
        if (slot.job) {
          clearTimeout(slot.job.abandoned);
          slot.job.settle();
          slot.job.reject(gone);
          slot.job = null;
        }
        return slot.worker.terminate();
      }),
    );
  }

  private startWorker(): Slot {
    const entry = workerEntry();
    const worker = new Worker(entry.url, {
      workerData: { ...entry.workerData, tasksModule: this.options.tasksModule },
    });
    const slot: Slot = { worker, job: null, version: 0, stopping: false, ready: false };
    worker.on("message", (message: FromWorker) => this.onMessage(slot, message));
    // An 'error' is followed by 'exit': the task is failed there.
    worker.on("error", (e) => this.options.onWorkerError?.(e));
    worker.on("exit", () => {
      if (slot.stopping || this.closed) return;
      const job = slot.job;
      slot.job = null;
      if (job) {
        job.settle();
        this.counts.failed++;
        job.reject(new TaskCrashedError("the worker running the task stopped"));
      }
      // A worker that dies before loading its tasks would die again at once: wait a little first.
      if (slot.ready) this.replace(slot);
      else setTimeout(() => this.closed || this.replace(slot), 1000).unref();
    });
    return slot;
  }

  private onMessage(slot: Slot, message: FromWorker) {
    if (message.type === "ready") {
      slot.ready = true;
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return; // a dropped task's late answer
    slot.job = null;
    if (job.abandoned) {
      // Cancelled, but finished within its grace: the worker is kept, the answer dropped.
      clearTimeout(job.abandoned);
      this.next(slot);
      return;
    }
    job.settle();
    if (message.type === "done") {
      this.counts.completed++;
      job.resolve(message.result);
    } else {
      this.counts.failed++;
      const f = message.failure;
      job.reject(this.options.revive?.(f) ?? Object.assign(new Error(f.message), { name: f.name }, f.props));
    }
    this.next(slot);
  }

  private dispatch(slot: Slot, job: Job) {
    slot.job = job;
    let version = this.versions.get(job.data);
    if (version === undefined) {
      version = this.nextVersion++;
      this.versions.set(job.data, version);
    }
    if (slot.version !== version) {
      slot.worker.postMessage({ type: "data", data: job.data } satisfies ToWorker);
      slot.version = version;
    }
    slot.worker.postMessage({ type: "run", id: job.id, name: job.name, args: job.args } satisfies ToWorker);
  }

  private next(slot: Slot) {
    const job = this.waiting.shift();
    if (job) this.dispatch(slot, job);
  }

  /**
   * Takes a task out: from the queue, or from its worker, which is replaced (with `grace`, only if the task
   * is still running `cancelGraceMs` later).
   */
  private drop(job: Job, error: Error, grace = false) {
    job.settle();
    const at = this.waiting.indexOf(job);
    if (at >= 0) this.waiting.splice(at, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) {
      const stop = () => {
        if (slot.job !== job) return; // it finished within its grace
        slot.job = null;
        slot.stopping = true;
        void slot.worker.terminate();
        this.replace(slot);
      };
      const graceMs = this.options.cancelGraceMs ?? 1000;
      if (grace && graceMs > 0) job.abandoned = setTimeout(stop, graceMs);
      else stop();
    }
    job.reject(error);
  }

  private replace(old: Slot) {
    if (this.closed) return;
    const at = this.slots.indexOf(old);
    if (at < 0) return;
    const fresh = this.startWorker();
    this.slots[at] = fresh;
    this.counts.replaced++;
    this.next(fresh);
  }
}
