// Every migration, in order. To add one: create `NNNN-what-it-does.ts` next to this file exporting
// `migration: Migration` with the next version number, and append it here. Never edit a migration
// that has shipped: add a new one. (Migrations are TypeScript modules so esbuild bundles them.)
import { migration as m0001 } from "./0001-rounds-fetches-changes.js";
import { migration as m0002 } from "./0002-candidate-pool.js";
import { migration as m0003 } from "./0003-clients.js";
import { migration as m0004 } from "./0004-feed-updates.js";

export interface Migration {
  /** 1, 2, 3, … — the position in `migrations`. */
  version: number;
  name: string;
  /** One or more SQL statements, valid on PostgreSQL and PGlite. */
  sql: string;
}

export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004];
