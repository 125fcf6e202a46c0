// Starts a throwaway PostgreSQL server (Debian's binaries) for the database tests, so that every
// migration and query is tested on a real server as well as on embedded PGlite. The URL reaches
// the tests as EE_TEST_POSTGRES_URL. A developer's own server can be used with that variable set.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) throw new Error("PostgreSQL is not installed: run `npm test`, which installs it");
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, "bin", "initdb"))) return join(root, v, "bin");
  throw new Error("PostgreSQL server binaries (initdb) not found under /usr/lib/postgresql");
}

export default async function setup(project: TestProject) {
  if (process.env.EE_TEST_POSTGRES_URL) {
    project.provide("postgresUrl", process.env.EE_TEST_POSTGRES_URL);
    return;
  }
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), "ee-pg-"));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as Debian's `postgres` user then.
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), 0);
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args]) : execFileSync(cmd, args);
  run(join(bin, "initdb"), ["-D", join(dir, "data"), "-A", "trust", "-U", "ee", "--no-sync"]);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const data = join(dir, "data");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run(join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
  const url = `postgres://ee@127.0.0.1:${port}/postgres`;
  process.env.EE_TEST_POSTGRES_URL = url;
  project.provide("postgresUrl", url);
  return () => {
    run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
