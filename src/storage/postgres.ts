// PostgreSQL behind the Db interface: a connection pool that outlives the server it talks to. A dropped
// connection (a restart, pg_terminate_backend, a network cut) never ends the process: every pool and
// client has an error handler, the loss is logged once, the adapter reconnects with backoff, and until
// then every statement fails at once with DatabaseUnavailableError (the API's 503 with Retry-After).
import type { PoolClient } from "pg";
import type { DatabaseHealth, Db, Queryable } from "./db.js";

/** The database cannot be reached just now (connection refused, reset, terminated, shutting down, …). */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  constructor(
    /** The server, without its password. */
    readonly location: string,
    /** What failed, by its code (ECONNREFUSED, 57P01, …): never a password nor a query's values. */
    readonly reason: string,
    /** When to try again, in whole seconds (at least 1). */
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(`the database at ${location} is unavailable (${reason})`, options);
  }
}

/** Error codes of a connection that could not be made or was lost (Node's socket errors and SQLSTATEs). */
const connectionErrorCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
  "ENOTFOUND",
  "57P01", // admin_shutdown: the server is stopping, or pg_terminate_backend
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "57P05", // idle_session_timeout: the server closed this connection
  "25P03", // idle_in_transaction_session_timeout: likewise
]);

/** pg's own messages for a connection that ended or was never made (they carry no code). */
const connectionErrorMessages =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/**
 * Whether `e` says the connection failed rather than the statement: these are worth retrying later,
 * and leave no doubt that an open transaction was not committed (the server rolls it back).
 */
export function isConnectionFailure(e: unknown): boolean {
  if (e instanceof DatabaseUnavailableError) return true;
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && (connectionErrorCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
    return true;
  if (connectionErrorMessages.test(e.message)) return true;
  // Connecting to a name with several addresses (localhost: ::1 and 127.0.0.1) fails with all of them.
  return e instanceof AggregateError && e.errors.some(isConnectionFailure);
}

/** A short, safe name for a connection failure: its code, else pg's words for it. */
function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string" && code !== "") return code;
  if (e instanceof Error && /^Connection terminated/.test(e.message)) return "connection terminated";
  if (e instanceof Error && /^timeout exceeded/.test(e.message)) return "connection timeout";
  return "connection failed";
}

export interface PostgresOptions {
  /** How long to keep trying when the server is not reachable at start-up, in ms (default 0: fail at once). */
  waitForServerMs?: number;
  /** Where a lost or restored connection is reported (one line each); default standard error. */
  log?: (line: string) => void;
}

/** The longest pause between reconnection attempts while the database is away. */
const maxBackoffMs = 5_000;
const backoffMs = (attempt: number) => Math.min(250 * 2 ** attempt, maxBackoffMs);

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const { default: pg } = await import("pg");
  const location = redact(url);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  /** A fresh connection that runs one statement: the proof that the server answers now. */
  const probe = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client.on("error", () => undefined); // a failure here is the answer, reported by connect or query
    try {
      await client.connect();
      await client.query("select 1");
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  await waitForServer(probe, options.waitForServerMs ?? 0, location, log, scrubber(url));

  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: 10_000, // a server that does not answer is a 503, not a request hung forever
    // A peer gone without a word (a network cut) is noticed on a quiet connection too, after a minute
    // rather than the system's default two hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 60_000,
  });
  const link = new ConnectionWatch(probe, location, log);
  /** Clients whose connection reported an error: released with it, so the pool discards them. */
  const broken = new WeakSet<PoolClient>();
  // An idle client's error is the pool's; a checked-out one's is the client's own. Unhandled, either
  // would end the process.
  pool.on("error", (e) => void link.noticed(e));
  pool.on("connect", (client) =>
    client.on("error", (e) => {
      broken.add(client);
      void link.noticed(e);
    }),
  );

  /** The error to throw for `e`: connection failures become DatabaseUnavailableError. */
  const translate = (e: unknown): unknown => {
    if (e instanceof DatabaseUnavailableError || !isConnectionFailure(e)) return e;
    void link.noticed(e);
    return new DatabaseUnavailableError(location, reasonOf(e), link.retryAfterSeconds(), { cause: e });
  };

  /** Runs `use` on a client of the pool, and gives it back (discarded when its connection broke). */
  const withClient = async <T>(use: (client: PoolClient) => Promise<T>): Promise<T> => {
    link.throwIfDown();
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw translate(e);
    }
    let failure: unknown;
    try {
      return await use(client);
    } catch (e) {
      failure = e;
      throw translate(e);
    } finally {
      const discard = broken.has(client) || isConnectionFailure(failure);
      client.release(discard ? ((failure as Error) ?? new Error("connection lost")) : undefined);
    }
  };

  const on = (client: PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      try {
        return (await client.query(sql, params)).rows as T[];
      } catch (e) {
        throw translate(e);
      }
    },
    async exec(sql: string) {
      try {
        await client.query(sql);
      } catch (e) {
        throw translate(e);
      }
    },
  });

  return {
    kind: "postgres",
    location,
    query: (sql, params) => withClient((client) => on(client).query(sql, params)),
    exec: (sql) => withClient((client) => on(client).exec(sql)),
    // Each transaction has a client of its own: statements from elsewhere run beside it, never in it.
    // When its connection breaks, the server rolls the transaction back (nothing of it is kept) and the
    // client is discarded; a COMMIT cut short is applied whole or not at all, so the caller is told
    // the database was unavailable and may check.
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      withClient(async (client) => {
        const tx = on(client);
        await tx.exec("BEGIN");
        try {
          const result = await work(tx);
          await tx.exec("COMMIT");
          return result;
        } catch (e) {
          if (!isConnectionFailure(e) && !broken.has(client))
            await client.query("ROLLBACK").catch(() => broken.add(client));
          throw e;
        }
      }),
    async health() {
      if (!link.isDown()) {
        try {
          await withClient((client) => client.query("select 1"));
        } catch (e) {
          if (isConnectionFailure(e)) await link.noticed(e);
        }
      }
      return { kind: "postgres", ...link.state() };
    },
    async close() {
      link.close();
      await pool.end();
    },
  };
}

/**
 * Whether the server answers, as the adapter believes: "up" until a connection fails and a fresh one
 * cannot be made either; then "down", retried with backoff (250 ms doubling to 5 s) until a fresh
 * connection succeeds. Only those two changes are logged, whatever the number of requests.
 */
class ConnectionWatch {
  private down:
    | { since: Date; reason: string; attempt: number; nextAttemptAt: number; timer?: NodeJS.Timeout }
    | undefined;
  private verifying: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly location: string,
    private readonly log: (line: string) => void,
  ) {}

  isDown(): boolean {
    return this.down !== undefined;
  }

  throwIfDown(): void {
    if (this.down)
      throw new DatabaseUnavailableError(this.location, this.down.reason, this.retryAfterSeconds());
  }

  retryAfterSeconds(): number {
    if (!this.down) return 1;
    return Math.max(1, Math.ceil((this.down.nextAttemptAt - Date.now()) / 1000));
  }

  state(): Omit<DatabaseHealth, "kind"> {
    if (!this.down) return { status: "up" };
    return {
      status: "down",
      since: this.down.since.toISOString(),
      reason: this.down.reason,
      retryAfterSeconds: this.retryAfterSeconds(),
    };
  }

  /**
   * A connection failed: one connection may have been closed alone (pg_terminate_backend, a timeout), so
   * a fresh one is tried before the database is called down. Resolves once that is decided.
   */
  noticed(_e: unknown): Promise<void> {
    if (this.closed || this.down) return Promise.resolve();
    this.verifying ??= this.probe()
      .catch((failure: unknown) => {
        if (!this.closed && !this.down) this.markDown(failure);
      })
      .finally(() => {
        this.verifying = undefined;
      });
    return this.verifying;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.down?.timer);
  }

  private markDown(failure: unknown): void {
    const reason = reasonOf(failure);
    this.down = { since: new Date(), reason, attempt: 0, nextAttemptAt: Date.now() };
    this.log(
      `database: lost the connection to ${this.location} (${reason}); requests that need it answer 503 until it is back`,
    );
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const down = this.down;
    if (!down || this.closed) return;
    const delay = backoffMs(down.attempt);
    down.nextAttemptAt = Date.now() + delay;
    down.timer = setTimeout(() => {
      this.probe().then(
        () => {
          if (this.down !== down || this.closed) return;
          this.down = undefined;
          const seconds = Math.round((Date.now() - down.since.getTime()) / 1000);
          this.log(`database: connected to ${this.location} again after ${seconds} s`);
        },
        (failure: unknown) => {
          down.reason = reasonOf(failure);
          down.attempt++;
          this.scheduleReconnect();
        },
      );
    }, delay);
    down.timer.unref(); // reconnecting never keeps a finished process alive
  }
}

/**
 * Tries to reach the server until it answers or `waitMs` has passed (backoff as above), so that a server
 * started beside its database (containers) does not fail because PostgreSQL is still starting. Only
 * connection failures are retried: a wrong password or database name fails at once.
 */
async function waitForServer(
  probe: () => Promise<void>,
  waitMs: number,
  location: string,
  log: (line: string) => void,
  scrub: (text: string) => string,
): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await probe();
      return;
    } catch (e) {
      const waited = Date.now() - started;
      if (!isConnectionFailure(e) || waited >= waitMs) {
        const detail = scrub(describe(e));
        throw new Error(
          `cannot connect to the database at ${location}: ${detail}` +
            (isConnectionFailure(e)
              ? waitMs > 0
                ? ` (still unreachable after ${Math.round(waited / 1000)} s; EE_DATABASE_WAIT_SECONDS sets how long to wait)`
                : " (EE_DATABASE_WAIT_SECONDS: how long to wait for it at start-up)"
              : ""),
          { cause: e },
        );
      }
      if (attempt === 0)
        log(
          `database: ${location} is not reachable yet (${reasonOf(e)}); trying again for up to ${Math.round(waitMs / 1000)} s`,
        );
      await new Promise((resolve) => setTimeout(resolve, Math.min(backoffMs(attempt), waitMs - waited)));
    }
  }
}

/** An error in a few words: its message, with its code when the message does not say it. */
function describe(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string" && code !== "" && !message.includes(code))
    return message ? `${message} (${code})` : code;
  return message || "connection failed";
}

/** Removes the URL's password from a text (a message may quote the connection string). */
function scrubber(url: string): (text: string) => string {
  let secrets: string[] = [];
  try {
    const u = new URL(url);
    secrets = [u.password, decodeURIComponent(u.password), u.searchParams.get("password") ?? ""].filter(
      (s) => s.length > 0,
    );
  } catch {
    // An unparseable URL: pg fails on it too, with a message that does not repeat it.
  }
  return (text) => secrets.reduce((out, secret) => out.split(secret).join("***"), text);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    if (u.searchParams.has("password")) u.searchParams.set("password", "***");
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
