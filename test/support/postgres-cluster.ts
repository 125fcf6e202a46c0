// A throwaway PostgreSQL cluster (Debian's binaries) that a test may stop and start again: the shared
// test server (test/global-setup.ts) and the tests that take the database away from a running server.
// As root, initdb and the server run as Debian's `postgres` user (initdb refuses root).
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Cluster {
  /** postgres://ee@127.0.0.1:PORT/postgres (trust authentication: any password is accepted). */
  url: string;
  port: number;
  /** Starts the server and waits until it accepts connections. */
  start: () => void;
  /** Stops it: `fast` ends every session (a restart, pg_ctl stop -m fast); `immediate` does not wait. */
  stop: (mode?: "fast" | "immediate") => void;
  /** Stops it if running and deletes its files. */
  dispose: () => void;
}

function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) throw new Error("PostgreSQL is not installed: run `npm test`, which installs it");
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, "bin", "initdb"))) return join(root, v, "bin");
  throw new Error("PostgreSQL server binaries (initdb) not found under /usr/lib/postgresql");
}

/** Creates a cluster listening on 127.0.0.1:`port` (only loopback) and starts it. */
export function createCluster(port: number): Cluster {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), "ee-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), 0);
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, cmd), args, { stdio: "pipe" });
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "ee", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const start = () => {
    run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
    running = true;
  };
  const stop = (mode: "fast" | "immediate" = "fast") => {
    run("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
    running = false;
  };
  start();
  return {
    url: `postgres://ee@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    dispose: () => {
      if (running) stop("immediate");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
