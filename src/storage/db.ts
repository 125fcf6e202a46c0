// One small database interface over embedded PGlite (the default, a data directory on disk) and a
// PostgreSQL server (when DATABASE_URL is set), so that every query and migration runs on both.
import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Transaction } from "@electric-sql/pglite";
import { lockDataDir } from "./lock.js";
import { migrate } from "./migrate.js";
import { openPostgres } from "./postgres.js";

export { DatabaseInUseError, lockDataDir } from "./lock.js";
export { DatabaseUnavailableError, isConnectionFailure } from "./postgres.js";

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
  /** Whether the database answers now (PostgreSQL: one statement, unless it is known to be down). */
  health(): Promise<DatabaseHealth>;
  close(): Promise<void>;
}

/** What `/healthz` says of the database: nothing that names its host, user or password. */
export interface DatabaseHealth {
  kind: "pglite" | "postgres";
  status: "up" | "down";
  /** While down: since when (ISO 8601). */
  since?: string;
  /** While down: the failure's code (ECONNREFUSED, 57P01, …). */
  reason?: string;
  /** While down: seconds until the next attempt to reconnect. */
  retryAfterSeconds?: number;
}

export interface OpenOptions {
  /** PGlite data directory; default: `defaultDataDir()`. Ignored when `url` is given. */
  dataDir?: string;
  /** A PostgreSQL connection URL (postgres://…); takes precedence over `dataDir`. */
  url?: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /**
   * PostgreSQL: how long to keep trying, in seconds, when the server cannot be reached yet (it may be
   * starting beside us); default 0, fail at once. EE_DATABASE_WAIT_SECONDS in `databaseOptionsFromEnv`.
   */
  waitForServerSeconds?: number;
  /** PostgreSQL: where a lost or restored connection is reported (one line each); default stderr. */
  log?: (line: string) => void;
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
    ? await openPostgres(options.url, {
        waitForServerMs: (options.waitForServerSeconds ?? 0) * 1000,
        log: options.log,
      })
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
  if (env.DATABASE_URL) {
    const wait = databaseWaitSeconds(env);
    return wait === undefined
      ? { url: env.DATABASE_URL }
      : { url: env.DATABASE_URL, waitForServerSeconds: wait };
  }
  return { dataDir: dataDir ?? defaultDataDir(env) };
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
    // In this process: it is there as long as the process is.
    health: async () => ({ kind: "pglite", status: "up" }),
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

/**
 * EE_DATABASE_WAIT_SECONDS: how long to wait at start-up for a PostgreSQL server that cannot be reached yet;
 * undefined when not set. A value that is not a whole number of seconds is refused, naming the variable.
 */
export function databaseWaitSeconds(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.EE_DATABASE_WAIT_SECONDS?.trim();
  if (text === undefined || text === "") return undefined;
  if (!/^\d{1,6}$/.test(text))
    throw new Error(`EE_DATABASE_WAIT_SECONDS: must be a whole number of seconds (got "${text}")`);
  return Number(text);
}
