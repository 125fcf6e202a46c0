// Starts worker.ts from the sources (vitest, tsx): Node 20's workers do not take `--import tsx` in their
// execArgv, so the worker registers tsx itself before loading its TypeScript entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
