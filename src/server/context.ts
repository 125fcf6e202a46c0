// What the API handlers need from the outside world: today's date (the core never reads the clock)
// and the rounds of invitations from the database (embedded PGlite, or PostgreSQL with DATABASE_URL),
// seeded on first run with IRCC's bundled history. Built once at start-up.
import { type CompleteRound, completeRounds, type Round } from "../draws/index.js";
import type { Profile } from "../profile/schema.js";
import {
  DatabaseUnavailableError,
  type Db,
  loadRounds,
  openDatabase,
  seedFromBundledSnapshot,
} from "../storage/index.js";
import type { HeavyRunner } from "./heavy/runner.js";

export interface ApiContext {
  /** Today's date, YYYY-MM-DD (UTC), the default "as of" for scores and forecasts. */
  today: () => string;
  /** Every stored round of invitations, oldest first. */
  rounds: () => Promise<Round[]>;
  /** The database itself, for the consultant's clients (absent: the clients operations answer 503). */
  db?: Db;
  /** Where the heavy computations run (heavy/tasks.ts): a pool of worker threads; absent, this thread. */
  heavy?: HeavyRunner;
}

export interface DataOptions {
  /** PGlite data folder (the embedded database); ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** PostgreSQL connection string (`DATABASE_URL`). */
  databaseUrl?: string;
  /** PostgreSQL: how long to wait at start-up for a server that cannot be reached yet (seconds; default 0). */
  databaseWaitSeconds?: number;
  /** Where the database adapter reports a lost or restored connection; default standard error. */
  log?: (line: string) => void;
  /** Overrides the clock (tests). */
  today?: () => string;
  /** Overrides the time of the first-run seeding record (tests). */
  now?: () => string;
}

// The forecasts' caches key on the rounds array: the same stored rounds must give the same complete ones.
const completeByRounds = new WeakMap<readonly Round[], CompleteRound[]>();

/** The rounds whose size and cut-off were read (what forecasts and statuses compute with), one array per input. */
export function roundsWithFigures(rounds: readonly Round[]): CompleteRound[] {
  let complete = completeByRounds.get(rounds);
  if (!complete) {
    complete = completeRounds(rounds);
    completeByRounds.set(rounds, complete);
  }
  return complete;
}

export const utcToday = () => new Date().toISOString().slice(0, 10);

/** The adapters, not the core, fill in the profile's date (today, or the forecast date) when it has none. */
export function withDefaultDate(profile: Profile, date: string): Profile {
  return profile.assessedOn ? profile : { ...profile, assessedOn: date };
}

export interface DataContext extends ApiContext {
  db: Db;
  close: () => Promise<void>;
}

export async function createDataContext(options: DataOptions): Promise<DataContext> {
  const db = await openDatabase(
    options.databaseUrl
      ? { url: options.databaseUrl, waitForServerSeconds: options.databaseWaitSeconds, log: options.log }
      : { dataDir: options.dataDir },
  );
  const rounds = cachedRounds(db);
  try {
    await seedFromBundledSnapshot(db, (options.now ?? (() => new Date().toISOString()))());
    await rounds(); // read now, so that a database lost before the first request leaves them served
  } catch (e) {
    await db.close();
    throw e;
  }
  return { db, today: options.today ?? utcToday, rounds, close: () => db.close() };
}

/**
 * The rounds change only when a feed is ingested (by `ee`, against a shared PostgreSQL: the embedded
 * database is locked to this process); reading them once a minute at most keeps the API fast and still
 * picks up an ingest without a restart. While the database cannot be reached, the rounds last read keep
 * being served (they are IRCC's published history, at most one ingest behind), so the calculator, draws,
 * forecasts and advice keep working; each request tries the database again (at once refused while the
 * database is known to be down). They are first read at start-up.
 */
function cachedRounds(db: Db): () => Promise<Round[]> {
  let cache: { at: number; rounds: Promise<Round[]> } | null = null;
  let lastRead: Round[] | null = null;
  // An unchanged reload keeps the same list, so that what is cached by list (the forecast models, the
  // rounds each worker holds) stays valid: the workers are sent the rounds once per change, not per minute.
  let current: { rounds: Round[]; json: string } | null = null;
  const sameAsBefore = (loaded: Round[]): Round[] => {
    const json = JSON.stringify(loaded);
    if (current?.json !== json) current = { rounds: loaded, json };
    return current.rounds;
  };
  return () => {
    if (!cache || Date.now() - cache.at > 60_000) {
      const entry = {
        at: Date.now(),
        rounds: loadRounds(db).then(
          (rounds) => {
            lastRead = sameAsBefore(rounds);
            return lastRead;
          },
          (e: unknown) => {
            if (cache === entry) cache = null; // read again on the next request
            if (e instanceof DatabaseUnavailableError && lastRead) return lastRead;
            throw e;
          },
        ),
      };
      cache = entry;
    }
    return cache.rounds;
  };
}
