// One small database interface over embedded PGlite (the default, a data directory on disk) and a
// PostgreSQL server (when DATABASE_URL is set), so that every query and migration runs on both.
import {
  closeSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Transaction } from "@electric-sql/pglite";
import { migrate } from "./migrate.js";

export interface Queryable {
  /** Runs one statement with $1.. parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** The data directory or the server (without its password), for messages. */
  readonly location: string;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. Inside
   * `work` use only `tx`: PGlite serializes queries, so the outer `Db` would wait for the transaction.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PGlite data directory; default: `defaultDataDir()`. Ignored when `url` is given. */
  dataDir?: string;
  /** A PostgreSQL connection URL (postgres://…); takes precedence over `dataDir`. */
  url?: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

/**
 * Where the embedded database lives by default: $EE_DATA_DIR, else the user's data directory
 * ($XDG_DATA_HOME, ~/.local/share, %LOCALAPPDATA%, ~/Library/Application Support) + express-entry-engine.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.EE_DATA_DIR) return env.EE_DATA_DIR;
  const app = "express-entry-engine";
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, app);
  if (platform === "win32") return join(env.LOCALAPPDATA ?? join(home, "AppData", "Local"), app);
  if (platform === "darwin") return join(home, "Library", "Application Support", app);
  return join(home, ".local", "share", app);
}

/** Opens (and migrates) the database: PostgreSQL when `url` is given, else PGlite in `dataDir`. */
export async function openDatabase(options: OpenOptions = {}): Promise<Db> {
  const db = options.url
    ? await openPostgres(options.url)
    : await openPglite(options.dataDir ?? defaultDataDir());
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  return db;
}

/** The options the CLI and server use: DATABASE_URL, else --data-dir / EE_DATA_DIR / the default. */
export function databaseOptionsFromEnv(
  dataDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): OpenOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: dataDir ?? defaultDataDir(env) };
}

/** The embedded database is in use by another process. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

const lockFileName = "ee-process.lock";

/**
 * PGlite is a single-process database: two processes writing one data directory would corrupt it
 * (e.g. `ee draws update` while `npm start` runs). A lock file holding the owner's pid keeps the
 * second one out with a clear message; a lock left by a process that no longer runs is taken over.
 * Returns the function that releases the lock.
 *
 * Every step that decides who holds the lock is one atomic file operation, so two processes arriving
 * together cannot both win: the lock appears with its pid already in it (a hard link of a written
 * file: no reader sees it empty), and a stale lock is removed only by the one process that managed to
 * link it under a name of its own for that very file (see takeOverStaleLock).
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createLock(lockPath)) return releaser(lockPath);
    const held = readLock(lockPath);
    if (held === undefined) continue; // released between our attempt and our look: try again
    const owner = Number.parseInt(held.content, 10);
    if (Number.isInteger(owner) && owner > 0 && processIsRunning(owner)) {
      throw new DatabaseInUseError(
        `the embedded database in ${dataDir} is in use by process ${owner}` +
          (owner === process.pid
            ? " (this process: close it first)"
            : " (the server, or another ee command)") +
          "; stop that process, choose another --data-dir / EE_DATA_DIR, or set DATABASE_URL to share a PostgreSQL server",
      );
    }
    // Left by a process that was killed.
    const outcome = takeOverStaleLock(lockPath, held);
    if (typeof outcome === "function") return outcome;
    if (outcome === "busy") sleepMs(20); // another process is taking it over: see who won
  }
  throw new DatabaseInUseError(
    `could not lock the embedded database in ${dataDir}: its lock was left by a process that no longer runs, ` +
      `and taking it over did not finish; if no ee command or server is running, delete ${lockPath}*`,
  );
}

/** Creates the lock with this process's pid in it; false when a lock is already there. */
function createLock(lockPath: string): boolean {
  const written = `${lockPath}.${process.pid}.new`;
  writeFileSync(written, String(process.pid));
  try {
    linkSync(written, lockPath); // fails when lockPath exists, like O_EXCL, but never shows it empty
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    unlinkSync(written);
  }
}

function releaser(lockPath: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    try {
      if (readFileSync(lockPath, "utf8") === String(process.pid)) unlinkSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
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
 * (same identity, same dead pid) and not a lock written meanwhile by a process that has just won, and
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
    return createLock(lockPath) ? releaser(lockPath) : "retry";
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

async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  let pg: InstanceType<typeof PGlite>;
  try {
    pg = await PGlite.create(dataDir);
  } catch (e) {
    releaseLock();
    throw e;
  }
  return {
    kind: "pglite",
    location: dataDir,
    ...pgliteQueryable(pg),
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return pg.transaction((tx) => work(pgliteQueryable(tx)));
    },
    close: async () => {
      try {
        await pg.close();
      } finally {
        releaseLock();
      }
    },
  };
}

/** The rows of PGlite's results: the database itself and a transaction answer the same way. */
function pgliteQueryable(pg: Pick<Transaction, "query" | "exec">): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`cannot connect to the database at ${redact(url)}: ${(e as Error).message}`);
  }
  const query = async <T>(sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows as T[];
  const exec = async (sql: string) => {
    await client.query(sql);
  };
  // One connection serves every caller (the server's requests too): a statement sent on it while a
  // transaction is open would run inside that transaction and be rolled back with it. As PGlite does,
  // statements from outside wait until the open transaction has ended.
  let noTransaction: Promise<void> = Promise.resolve();
  const afterTransaction = async <T>(run: () => Promise<T>): Promise<T> => {
    let settled: Promise<void>;
    do {
      settled = noTransaction;
      await settled;
    } while (settled !== noTransaction); // another transaction began meanwhile
    return run();
  };
  return {
    kind: "postgres",
    location: redact(url),
    query: (sql, params) => afterTransaction(() => query(sql, params)),
    exec: (sql) => afterTransaction(() => exec(sql)),
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const previous = noTransaction;
      let ended!: () => void;
      noTransaction = new Promise((resolve) => {
        ended = resolve;
      });
      await previous;
      try {
        await client.query("BEGIN");
        try {
          const result = await work({ query, exec });
          await client.query("COMMIT");
          return result;
        } catch (e) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw e;
        }
      } finally {
        ended();
      }
    },
    close: () => client.end(),
  };
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
