// Starts the server in a child process (for the bench, so the load generator and the server do not
// share one event loop, and for the tests that take its database away from under it) and waits until
// /healthz answers.
import { type ChildProcess, spawn } from "node:child_process";

export interface ChildServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function spawnServer(options: {
  port: number;
  /** The embedded database's folder; ignored when `databaseUrl` is given. */
  dataDir?: string;
  /** A PostgreSQL connection URL (DATABASE_URL) instead of the embedded database. */
  databaseUrl?: string;
  webRoot?: string;
  /** More environment variables for the child (e.g. EE_DATABASE_WAIT_SECONDS). */
  env?: Record<string, string>;
  /** "pipe" to read what the server logs from `process.stderr`; default: this process's stderr. */
  stderr?: "inherit" | "pipe";
  /** Called as soon as the child runs, before it answers (e.g. to read its stderr while it waits). */
  onSpawn?: (child: ChildProcess) => void;
}): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: {
      ...process.env,
      PORT: String(options.port),
      EE_DATA_DIR: options.dataDir ?? "",
      ...(options.webRoot ? { EE_WEB_ROOT: options.webRoot } : {}),
      DATABASE_URL: options.databaseUrl ?? "",
      ...options.env,
    },
    stdio: ["ignore", "ignore", options.stderr ?? "inherit"],
  });
  options.onSpawn?.(child);
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error("the server did not answer /healthz within 60 s");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
