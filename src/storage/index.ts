// The storage adapter's public surface.
export {
  addClient,
  type Client,
  ClientChangedError,
  ClientExistsError,
  ClientImportError,
  type ClientInput,
  ClientNotFoundError,
  checkClientProfile,
  clientLabel,
  clientNotes,
  importClients,
  listClients,
  loadClient,
  type OutdatedClient,
  removeClient,
  type StoredClient,
  updateClient,
} from "./clients.js";
export {
  type DatabaseHealth,
  DatabaseInUseError,
  DatabaseUnavailableError,
  type Db,
  databaseOptionsFromEnv,
  databaseWaitSeconds,
  defaultDataDir,
  isConnectionFailure,
  lockDataDir,
  type OpenOptions,
  openDatabase,
  type Queryable,
} from "./db.js";
export { migrate } from "./migrate.js";
export { type Migration, migrations } from "./migrations/index.js";
export {
  type FeedUpdate,
  type FetchRecord,
  type IngestOptions,
  type IngestResult,
  ingestFeedText,
  ingestParsedFeed,
  loadFetches,
  loadRound,
  loadRoundChanges,
  loadRounds,
  loadUpdateStatus,
  type RoundChange,
  recordFailedUpdate,
  seedFromBundledSnapshot,
  sha256,
} from "./rounds.js";
export { openRoundsDatabase } from "./session.js";
