// What the API handlers need from the outside world: today's date (the core never reads the clock)
// and the rounds of invitations from the database (embedded PGlite, or PostgreSQL with DATABASE_URL),
// seeded on first run with IRCC's bundled history. Built once at start-up.
import { type CompleteRound, completeRounds, type Round } from "../draws/index.js";
import type { Profile } from "../profile/schema.js";
import { type Db, loadRounds, openDatabase, seedFromBundledSnapshot } from "../storage/index.js";

export interface ApiContext {
  /** Today's date, YYYY-MM-DD (UTC), the default "as of" for scores and forecasts. */
  today: () => string;
  /** Every stored round of invitations, oldest first. */
  rounds: () => Promise<Round[]>;
  /** The database itself, for the consultant's clients (absent: the clients operations answer 503). */
  db?: Db;
}

export interface DataOptions {
  /** PGlite data folder (the embedded database); ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** PostgreSQL connection string (`DATABASE_URL`). */
  databaseUrl?: string;
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
    options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir },
  );
  try {
    await seedFromBundledSnapshot(db, (options.now ?? (() => new Date().toISOString()))());
  } catch (e) {
    await db.close();
    throw e;
  }
  // The rounds change only when a feed is ingested (by `ee`, against a shared PostgreSQL: the embedded
  // database is locked to this process); reading them once a minute at most keeps the API fast and still
  // picks up an ingest without a restart.
  let cache: { at: number; rounds: Promise<Round[]> } | null = null;
  const rounds = () => {
    if (!cache || Date.now() - cache.at > 60_000) {
      const loading = loadRounds(db);
      cache = { at: Date.now(), rounds: loading };
      loading.catch(() => {
        cache = null;
      });
    }
    return cache.rounds;
  };
  return { db, today: options.today ?? utcToday, rounds, close: () => db.close() };
}
