// The feed snapshot shipped inside the project (IRCC's ee_rounds_123_en.json, rounds 1 of 2015-01-31 to
// 379 of 2025-11-14, compiled 2026-11-24 from a stored copy: docs/sources/README.md), parsed.
// Pure: the JSON is imported (bundled by esbuild and Vite), nothing is read at run time.
import snapshot from "./data/ee_rounds_123_en.json" with { type: "json" };
import { type ParsedFeed, parseFeedObject } from "./feed.js";
import { type CompleteRound, completeRounds } from "./round.js";

/** Where the bundled snapshot came from. */
export const bundledFeedSource =
  "bundled snapshot of https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json (rounds 1–379)";

let cached: ParsedFeed | null = null;

/** The bundled snapshot parsed (rounds in chronological order, raw rows, warnings). */
export function bundledFeed(): ParsedFeed {
  cached ??= parseFeedObject(snapshot);
  return cached;
}

let complete: CompleteRound[] | null = null;

/** The bundled snapshot's rounds with their figures read (every one of them), oldest first. */
export function bundledRounds(): CompleteRound[] {
  complete ??= completeRounds(bundledFeed().rounds);
  return complete;
}

/** The bundled snapshot as decoded JSON, for seeding the database. */
export function bundledFeedObject(): unknown {
  return snapshot;
}
