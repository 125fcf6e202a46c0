// What the API handlers need from the outside world: today's date (the core never reads the clock)
// and the rounds of invitations from the database (embedded PGlite, or PostgreSQL with DATABASE_URL),
// seeded on first run with IRCC's bundled history. Built once at start-up.
import type { Round } from "../draws/index.js";
import type { Profile } from "../profile/schema.js";
import { type Db, loadRounds, openDatabase, seedFromBundledSnapshot } from "../storage/index.js";
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
  /** Overrides the clock (tests). */
  today?: () => string;
  /** Overrides the time of the first-run seeding record (tests). */
  now?: () => string;
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
  // An unchanged reload keeps the same list, so that what is cached by list (the forecast models, the
  // rounds each worker holds) stays valid: the workers are sent the rounds once per change, not per minute.
  let cache: { at: number; rounds: Promise<Round[]> } | null = null;
  let current: { rounds: Round[]; json: string } | null = null;
  const sameAsBefore = (loaded: Round[]): Round[] => {
    const json = JSON.stringify(loaded);
    if (current?.json !== json) current = { rounds: loaded, json };
    return current.rounds;
  };
  const rounds = () => {
    if (!cache || Date.now() - cache.at > 60_000) {
      const loading = loadRounds(db).then(sameAsBefore);
      cache = { at: Date.now(), rounds: loading };
      loading.catch(() => {
        cache = null;
      });
    }
    return cache.rounds;
  };
  return { db, today: options.today ?? utcToday, rounds, close: () => db.close() };
}
