// Starts the server in a child process (for the bench, so the load generator and the server do not
// share one event loop) and waits until /healthz answers.
import { type ChildProcess, spawn } from "node:child_process";

export interface ChildServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function spawnServer(options: {
  port: number;
  dataDir: string;
  webRoot?: string;
  /** What becomes of the server's log (stderr): shown here (default), or read by the caller. */
  stderr?: "inherit" | "pipe";
}): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: {
      ...process.env,
      PORT: String(options.port),
      EE_DATA_DIR: options.dataDir,
      ...(options.webRoot ? { EE_WEB_ROOT: options.webRoot } : {}),
      DATABASE_URL: "",
    },
    stdio: ["ignore", "ignore", options.stderr ?? "inherit"],
  });
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
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
