// Opening the rounds database the way the CLI and the server do: DATABASE_URL, else --data-dir /
// EE_DATA_DIR / the user's data directory; migrated; seeded from the bundled snapshot on first use.
import { type Db, databaseOptionsFromEnv, openDatabase } from "./db.js";
import { seedFromBundledSnapshot } from "./rounds.js";

export async function openRoundsDatabase(options: {
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** ISO 8601, recorded as the seed's fetch time. */
  now: string;
}): Promise<Db> {
  const db = await openDatabase(databaseOptionsFromEnv(options.dataDir, options.env ?? process.env));
  try {
    await seedFromBundledSnapshot(db, options.now);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
