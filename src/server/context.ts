// What the API handlers need from the outside world: today's date (the core never reads the clock)
// and the rounds of invitations from the database. Built once at start-up.
import { bundledRounds, type Round } from "../draws/index.js";

export interface ApiContext {
  /** Today's date, YYYY-MM-DD (UTC), the default "as of" for scores and forecasts. */
  today: () => string;
  /** Every stored round of invitations, oldest first. */
  rounds: () => Promise<Round[]>;
}

export interface DataOptions {
  /** PGlite data folder (the embedded database); ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** PostgreSQL connection string (`DATABASE_URL`). */
  databaseUrl?: string;
  /** Overrides the clock (tests). */
  today?: () => string;
}

export const utcToday = () => new Date().toISOString().slice(0, 10);

export async function createDataContext(
  options: DataOptions,
): Promise<ApiContext & { close: () => Promise<void> }> {
  return {
    today: options.today ?? utcToday,
    // Until the database adapter is wired: IRCC's bundled snapshot, the same data it is seeded with.
    rounds: async () => bundledRounds(),
    close: async () => {},
  };
}
