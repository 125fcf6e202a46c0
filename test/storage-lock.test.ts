// PGlite is single-process: a second process opening the same data directory must be refused with a
// clear message (not corrupt the database), and a lock left by a killed process must not block forever.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
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
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { DatabaseInUseError, lockDataDir, openDatabase } from "../src/storage/index.js";

const scratch = mkdtempSync(join(tmpdir(), "ee-lock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
}
const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();

/** The pid the data directory's lock names (its first line). */
function lockedBy(dataDir: string): number {
  return Number(readFileSync(join(dataDir, "ee-process.lock"), "utf8").split("\n")[0]);
}

function freshDir(name: string): string {
  const dataDir = join(scratch, name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  return dataDir;
}

/** A process that is alive, and is not this program (`sleep`); killed when the test ends. */
function aLiveStranger(): ChildProcess {
  const sleeper = spawn("sleep", ["600"], { stdio: "ignore" });
  onTestFinished(() => {
    sleeper.kill();
  });
  return sleeper;
}

/** An ee process (a child) that takes the lock and holds it until the test ends; resolves with its pid. */
async function aChildHolding(dataDir: string): Promise<number> {
  const script = `import("./src/storage/index.ts").then((s) => {
    try { s.lockDataDir(${JSON.stringify(dataDir)}); console.log("LOCKED"); }
    catch (e) { console.log(e.name); }
    process.stdin.on("end", () => process.exit(0)).resume();
  })`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  onTestFinished(async () => {
    child.stdin.end();
    await exited;
  });
  let out = "";
  for await (const chunk of child.stdout.setEncoding("utf8")) {
    out += chunk;
    if (out.includes("\n")) break;
  }
  expect(out.trim()).toBe("LOCKED");
  return child.pid!;
}

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
    // The pid first (all that older versions read), then this process's start time and the boot's id.
    expect(readFileSync(lockPath, "utf8")).toBe(
      `${process.pid}\nstarted=${startTimeOf(process.pid)}\nboot=${bootId}\n`,
    );

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
    expect(lockedBy(dataDir)).toBe(process.pid);
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
      // Half the rounds: a dead pid; the others: a live pid that another process has since been given.
      const stale =
        round % 2 === 0
          ? String(spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!)
          : `${aLiveStranger().pid}\nstarted=1\nboot=${bootId}\n`;
      writeFileSync(join(dataDir, "ee-process.lock"), stale);
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
    expect(() => lockDataDir(dataDir)).toThrow(
      `in use by process ${process.pid} (this process: close it first)`,
    );
    release();
    lockDataDir(dataDir)(); // released: free again
  });

  it("takes over a lock naming this process's pid that this process does not hold (a restarted container)", () => {
    // A container's server is process 1 after a restart, as it was before: the lock its predecessor left
    // names our own pid. Written by an older version (the pid alone), or by this one (another start time).
    for (const content of [
      String(process.pid),
      `${process.pid}\n`,
      `${process.pid}\nstarted=1\nboot=${bootId}\n`,
    ]) {
      const dataDir = freshDir("same-pid");
      writeFileSync(join(dataDir, "ee-process.lock"), content);
      const release = lockDataDir(dataDir);
      expect(readFileSync(join(dataDir, "ee-process.lock"), "utf8"), content).toContain(
        `started=${startTimeOf(process.pid)}`,
      );
      expect(() => lockDataDir(dataDir), content).toThrow("(this process: close it first)");
      release();
      expect(readdirSync(dataDir)).toEqual([]);
    }
  });

  it("takes over a lock whose pid is alive but now names another process (pid reuse, a reboot)", () => {
    const stranger = aLiveStranger();
    const startedAt = startTimeOf(stranger.pid!);
    for (const content of [
      `${stranger.pid}\nstarted=${Number(startedAt) - 1}\nboot=${bootId}\n`, // another process had that pid
      `${stranger.pid}\nstarted=${startedAt}\nboot=another-boot\n`, // written before a reboot
    ]) {
      const dataDir = freshDir("reused-pid");
      writeFileSync(join(dataDir, "ee-process.lock"), content);
      const release = lockDataDir(dataDir);
      expect(lockedBy(dataDir), content).toBe(process.pid);
      release();
    }
  });

  it("refuses while the recorded process itself still runs, whatever it is", () => {
    // The pid and its start time match: the process that wrote the lock. An old-format lock (the pid
    // alone) cannot tell a reused pid from its owner, and a live pid is taken as the owner.
    const stranger = aLiveStranger();
    for (const content of [
      `${stranger.pid}\nstarted=${startTimeOf(stranger.pid!)}\nboot=${bootId}\n`,
      String(stranger.pid),
    ]) {
      const dataDir = freshDir("recorded-alive");
      writeFileSync(join(dataDir, "ee-process.lock"), content);
      expect(() => lockDataDir(dataDir), content).toThrow(`in use by process ${stranger.pid} (the server`);
      expect(readFileSync(join(dataDir, "ee-process.lock"), "utf8")).toBe(content);
    }
  });

  it("refuses a lock held by a running ee process", async () => {
    const dataDir = freshDir("child-holds");
    const holder = await aChildHolding(dataDir);
    expect(lockedBy(dataDir)).toBe(holder);
    expect(() => lockDataDir(dataDir)).toThrow(
      `in use by process ${holder} (the server, or another ee command)`,
    );
    expect(lockedBy(dataDir)).toBe(holder);
  });
});
