// The feed snapshot shipped inside the project (IRCC's ee_rounds_123_en.json as served on 2026-08-07: 435 rows,
// rounds 1 of 2015-01-31 to 434 of 2026-08-07, copied 2026-12-03 from a stored copy: docs/sources/README.md), parsed.
// Rounds 1-379 are byte for byte the rows of the earlier snapshot (to 2025-11-14).
// Pure: the JSON is imported (bundled by esbuild and Vite), nothing is read at run time.
import snapshot from "./data/ee_rounds_123_en.json" with { type: "json" };
import { type ParsedFeed, parseFeedObject } from "./feed.js";
import { type CompleteRound, completeRounds } from "./round.js";

/** Where the bundled snapshot came from. */
export const bundledFeedSource =
  "bundled snapshot of https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json (as served on 2026-08-07, rounds 1–434)";

let cached: ParsedFeed | null = null;

/** The bundled snapshot parsed (rounds in chronological order, raw rows, warnings). */
export function bundledFeed(): ParsedFeed {
  cached ??= parseFeedObject(snapshot);
  return cached;
}

let complete: CompleteRound[] | null = null;

/** The bundled snapshot's rounds with their figures read (every one of them: only round 208's tie-break is unreadable), oldest first. */
export function bundledRounds(): CompleteRound[] {
  complete ??= completeRounds(bundledFeed().rounds);
  return complete;
}

/** The bundled snapshot as decoded JSON, for seeding the database. */
export function bundledFeedObject(): unknown {
  return snapshot;
}
