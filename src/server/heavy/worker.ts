// A worker thread of the pool (pool.ts): holds the shared data it was last sent, runs one task at a time
// and answers with its result or the error it threw (as name, message and own properties: an Error's
// class does not cross threads). Bundled as dist/heavy-worker.mjs; from the sources through tsx.
import { parentPort, workerData } from "node:worker_threads";
import type { TaskFailure, TaskRegistry } from "./pool.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { heavyTasks } from "./tasks.js";

const port = parentPort!;
const { tasksModule } = (workerData ?? {}) as { tasksModule?: string };
const tasks: TaskRegistry = tasksModule
  ? ((await import(tasksModule)) as { tasks: TaskRegistry }).tasks
  : heavyTasks;

function failureOf(e: unknown): TaskFailure {
  if (!(e instanceof Error)) return { name: "Error", message: String(e), props: {} };
  // Only what structured clone can carry; anything else is left behind.
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    try {
      structuredClone(value);
      props[key] = value;
    } catch {
      // not cloneable
    }
  }
  return { name: e.name, message: e.message, props };
}

let data: object | undefined;
port.on("message", async (message: ToWorker) => {
  if (message.type === "data") {
    data = message.data;
    return;
  }
  let answer: FromWorker;
  try {
    const task = tasks[message.name];
    if (!task) throw new Error(`no task named "${message.name}"`);
    answer = { type: "done", id: message.id, result: await task(message.args, data) };
  } catch (e) {
    answer = { type: "failed", id: message.id, failure: failureOf(e) };
  }
  try {
    port.postMessage(answer);
  } catch (e) {
    // A result that cannot be cloned is the task's error, not the worker's end.
    port.postMessage({ type: "failed", id: message.id, failure: failureOf(e) } satisfies FromWorker);
  }
});
port.postMessage({ type: "ready" } satisfies FromWorker);
