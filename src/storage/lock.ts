// The embedded database's process lock: PGlite is single-process, so one process at a time may open a
// data directory. A lock file names the holder; one left by a process that no longer runs is taken over.
import { closeSync, fstatSync, linkSync, openSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";

/** The embedded database is in use by another process. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

const lockFileName = "ee-process.lock";

/**
 * The lock files this process holds, by file identity (device and inode), shared by every copy of this
 * module loaded in the process: a lock naming this process's pid is stale unless this very process took it
 * (a restarted container's server is process 1 again, as its predecessor was).
 */
const heldHere = heldLocksOfThisProcess();

function heldLocksOfThisProcess(): Set<string> {
  const shared = globalThis as { [key: symbol]: Set<string> | undefined };
  const key = Symbol.for("express-entry-engine.heldDataDirLocks");
  shared[key] ??= new Set<string>();
  return shared[key];
}

/** Who holds a lock: its pid and, where /proc tells them, its start time and the boot it ran in. */
interface LockOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat, field 22). */
  started?: string;
  /** /proc/sys/kernel/random/boot_id: a pid and a start time mean something within one boot only. */
  boot?: string;
}

/**
 * PGlite is a single-process database: two processes writing one data directory would corrupt it
 * (e.g. `ee draws update` while `npm start` runs). A lock file naming the owner keeps the second one out
 * with a clear message; a lock left by a process that no longer runs is taken over. Returns the function
 * that releases the lock.
 *
 * The lock holds the owner's pid on its first line (all that older versions wrote, and read), then its
 * start time and the boot id. A live process with the recorded pid is the owner only if it started at the
 * recorded time: otherwise the pid was reused (after a reboot, or by a container's process 1 restarted),
 * and the lock is stale. Where /proc does not exist, a live pid is taken as the owner.
 *
 * Every step that decides who holds the lock is one atomic file operation, so two processes arriving
 * together cannot both win: the lock appears with its content already in it (a hard link of a written
 * file: no reader sees it empty), and a stale lock is removed only by the one process that managed to
 * link it under a name of its own for that very file (see takeOverStaleLock).
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 50; attempt++) {
    const created = createLock(lockPath);
    if (created) return releaser(lockPath, created);
    const held = readLock(lockPath);
    if (held === undefined) continue; // released between our attempt and our look: try again
    const owner = parseLock(held.content);
    const holder = heldHere.has(held.file) ? "this process" : judge(owner);
    if (holder !== "stale") {
      throw new DatabaseInUseError(
        `the embedded database in ${dataDir} is in use by process ${owner?.pid}` +
          (holder === "this process"
            ? " (this process: close it first)"
            : " (the server, or another ee command)") +
          "; stop that process, choose another --data-dir / EE_DATA_DIR, or set DATABASE_URL to share a PostgreSQL server",
      );
    }
    // Left by a process that no longer runs.
    const outcome = takeOverStaleLock(lockPath, held);
    if (typeof outcome === "function") return outcome;
    if (outcome === "busy") sleepMs(20); // another process is taking it over: see who won
  }
  throw new DatabaseInUseError(
    `could not lock the embedded database in ${dataDir}: its lock was left by a process that no longer runs, ` +
      `and taking it over did not finish; if no ee command or server is running, delete ${lockPath}*`,
  );
}

/** Whether the lock's owner still runs: "this process", "another process", or "stale". */
function judge(owner: LockOwner | undefined): "this process" | "another process" | "stale" {
  if (owner === undefined) return "stale"; // not a lock this program wrote in full: its writer was cut short
  const me = thisProcess();
  if (owner.boot !== undefined && me.boot !== undefined && owner.boot !== me.boot) return "stale";
  if (owner.pid === me.pid) {
    // Not in heldHere: written by an earlier process that had our pid, unless it says it is us.
    return owner.started !== undefined && owner.started === me.started ? "this process" : "stale";
  }
  if (!processIsRunning(owner.pid)) return "stale";
  if (owner.started !== undefined) {
    const started = startTimeOf(owner.pid);
    if (started !== undefined && started !== owner.started) return "stale"; // the pid now names another process
  }
  return "another process";
}

let me: LockOwner | undefined;

function thisProcess(): LockOwner {
  me ??= { pid: process.pid, started: startTimeOf(process.pid), boot: bootId() };
  return me;
}

function lockContent(owner: LockOwner): string {
  const lines = [String(owner.pid)];
  if (owner.started !== undefined) lines.push(`started=${owner.started}`);
  if (owner.boot !== undefined) lines.push(`boot=${owner.boot}`);
  return `${lines.join("\n")}\n`;
}

/** A lock's owner: the pid alone (the old format), or the pid then `key=value` lines. */
function parseLock(content: string): LockOwner | undefined {
  const [first = "", ...rest] = content.split("\n");
  if (!/^\s*\d+\s*$/.test(first)) return undefined;
  const pid = Number(first);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const owner: LockOwner = { pid };
  for (const line of rest) {
    const [key, value] = line.split("=", 2);
    if (key === "started" && value) owner.started = value.trim();
    if (key === "boot" && value) owner.boot = value.trim();
  }
  return owner;
}

/** Field 22 of /proc/<pid>/stat; undefined where /proc does not tell (not Linux, or hidden). */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2, the command name, is in parentheses and may hold spaces and parentheses itself.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[22 - 3]; // the text after ")" starts at field 3
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock naming this process; its file identity, or undefined when a lock is already there. */
function createLock(lockPath: string): string | undefined {
  // Named for this thread: two threads of one process (one pid) may be writing theirs at the same time.
  const written = `${lockPath}.${process.pid}-${threadId}.new`;
  writeFileSync(written, lockContent(thisProcess()));
  try {
    const { dev, ino } = fstatOf(written);
    linkSync(written, lockPath); // fails when lockPath exists, like O_EXCL, but never shows it empty
    heldHere.add(`${dev}-${ino}`);
    return `${dev}-${ino}`;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    throw e;
  } finally {
    unlinkSync(written);
  }
}

function fstatOf(path: string): { dev: number; ino: number } {
  const fd = openSync(path, "r");
  try {
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

function releaser(lockPath: string, file: string): () => void {
  const content = lockContent(thisProcess());
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    try {
      if (readFileSync(lockPath, "utf8") === content) unlinkSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
    heldHere.delete(file);
  };
  process.once("exit", release);
  return release;
}

interface HeldLock {
  content: string;
  /** The file's identity (device and inode): another lock written later is another file. */
  file: string;
}

function readLock(lockPath: string): HeldLock | undefined {
  let fd: number;
  try {
    fd = openSync(lockPath, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  try {
    const { dev, ino } = fstatSync(fd);
    return { content: readFileSync(fd, "utf8"), file: `${dev}-${ino}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the stale lock `stale` and takes the lock, unless another process is doing the same.
 * The claim is a hard link named after the stale file's identity: `link` fails when the name exists,
 * so one process only gets it. Whoever gets it checks that what it linked is the stale file itself
 * (same identity, same content) and not a lock written meanwhile by a process that has just won, and
 * only then removes the lock. The claim is kept until the new lock exists, so the stale file's inode
 * cannot be reused by that new lock while a slower process still judges by it.
 */
function takeOverStaleLock(lockPath: string, stale: HeldLock): (() => void) | "retry" | "busy" {
  const claim = `${lockPath}.takeover-${stale.file}`;
  try {
    linkSync(lockPath, claim);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "retry"; // the lock is gone already
    if (code === "EEXIST") return "busy";
    throw e;
  }
  try {
    const claimed = readLock(claim);
    if (claimed?.file !== stale.file || claimed.content !== stale.content) return "retry";
    unlinkSync(lockPath);
    const created = createLock(lockPath);
    return created ? releaser(lockPath, created) : "retry";
  } finally {
    unlinkSync(claim);
  }
}

/** Waits without an event loop (the lock is taken synchronously, once, at start-up). */
function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
