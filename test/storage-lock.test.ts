// PGlite is single-process: a second process opening the same data directory must be refused with a
// clear message (not corrupt the database), and a lock left by a killed process must not block forever.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseInUseError, lockDataDir, openDatabase } from "../src/storage/index.js";

const scratch = mkdtempSync(join(tmpdir(), "ee-lock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts `count` processes that call lockDataDir(dataDir) at once (when `go` appears); their answers. */
async function raceForTheLock(dataDir: string, go: string, count: number): Promise<string[]> {
  const script = `import("./src/storage/db.ts").then((s) => {
    const { existsSync } = require("node:fs");
    console.log("READY");
    while (!existsSync(${JSON.stringify(go)}));
    let said;
    try { s.lockDataDir(${JSON.stringify(dataDir)}); said = "LOCKED"; }
    catch (e) { said = e.name === "DatabaseInUseError" ? "IN USE" : "ERROR " + e.message; }
    console.log(said);
    process.stdin.on("end", () => process.exit(0)).resume();
  })`;
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ["--import", "tsx", "-e", script], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  const lines = children.map((child) => {
    const seen: string[] = [];
    const waiters: (() => void)[] = [];
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      seen.push(...chunk.split("\n").filter(Boolean));
      for (const wake of waiters.splice(0)) wake();
    });
    return async (n: number) => {
      while (seen.length < n) await new Promise<void>((wake) => waiters.push(wake));
      return seen[n - 1]!;
    };
  });
  await Promise.all(lines.map((line) => line(1))); // every child is READY
  writeFileSync(go, "");
  const said = await Promise.all(lines.map((line) => line(2)));
  await Promise.all(
    children.map((child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end();
      return exited;
    }),
  );
  return said;
}

describe("the embedded database's process lock", () => {
  it("refuses a second process while the first holds the database, and frees it on close", async () => {
    const dataDir = join(scratch, "held");
    const db = await openDatabase({ dataDir });
    const lockPath = join(dataDir, "ee-process.lock");
    expect(readFileSync(lockPath, "utf8")).toBe(String(process.pid));

    // Another process, as `ee draws list --data-dir` would be while the server runs.
    const other = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import("./src/storage/index.ts").then(async (s) => { try { await s.openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); console.log("OPENED"); } catch (e) { console.log(e.name + ": " + e.message); } })`,
      ],
      { encoding: "utf8" },
    );
    expect(other.stdout).not.toContain("OPENED");
    expect(other.stdout).toContain("DatabaseInUseError");
    expect(other.stdout).toContain(`in use by process ${process.pid}`);
    expect(other.stdout).toContain("DATABASE_URL");

    await db.close();
    expect(existsSync(lockPath)).toBe(false);
    const again = await openDatabase({ dataDir });
    expect(await again.query<{ n: number }>("select 1 as n")).toEqual([{ n: 1 }]);
    await again.close();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dataDir = join(scratch, "stale");
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "ee-process.lock"), String(dead));
    const release = lockDataDir(dataDir);
    expect(readFileSync(join(dataDir, "ee-process.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(join(dataDir, "ee-process.lock"))).toBe(false);
  });

  it("lets exactly one of several processes take over the same stale lock at the same instant", async () => {
    // The children load the code, say READY, and spin until the go file appears; then each takes the
    // lock, says LOCKED or IN USE, and keeps what it got until we close its stdin (so no one sees it
    // released). Two that both read the dead pid used to both "take it over": one removed the lock the
    // other had just written. Several rounds, to give the race chances.
    for (let round = 0; round < 4; round++) {
      const dataDir = join(scratch, `race-${round}`);
      mkdirSync(dataDir, { recursive: true });
      const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
      writeFileSync(join(dataDir, "ee-process.lock"), String(dead));
      const go = join(scratch, `go-${round}`);
      const said = await raceForTheLock(dataDir, go, 4);
      expect(said.sort(), `round ${round}`).toEqual(["IN USE", "IN USE", "IN USE", "LOCKED"]);
      // The winner released it on exit, and no takeover or temporary file is left behind.
      expect(readdirSync(dataDir)).toEqual([]);
    }
  });

  it("refuses with a way out, rather than guess, when a takeover was cut short by a kill", () => {
    // A process killed between claiming the stale lock (a hard link named after the lock file's device
    // and inode) and removing it leaves both behind; nobody else may remove a lock it did not claim.
    const dataDir = join(scratch, "cut-short");
    mkdirSync(dataDir, { recursive: true });
    const lockPath = join(dataDir, "ee-process.lock");
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    writeFileSync(lockPath, String(dead));
    const { dev, ino } = statSync(lockPath);
    linkSync(lockPath, `${lockPath}.takeover-${dev}-${ino}`);
    expect(() => lockDataDir(dataDir)).toThrow(DatabaseInUseError);
    expect(() => lockDataDir(dataDir)).toThrow(`no ee command or server is running, delete ${lockPath}*`);
    expect(readFileSync(lockPath, "utf8")).toBe(String(dead));
  });

  it("says so when this very process still holds it", () => {
    const dataDir = join(scratch, "twice");
    mkdirSync(dataDir, { recursive: true });
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DatabaseInUseError);
    release();
  });
});
