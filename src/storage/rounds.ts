// Storing and reading IRCC's rounds. Ingest is one transaction: a feed is parsed in full first (a bad
// feed throws before anything is written), then every round is inserted, corrected (a published value
// changed: logged in round_changes with the row before and after) or left alone. The same feed twice
// changes no round and logs no change; each fetch is recorded with its payload's SHA-256 and time.
import { createHash } from "node:crypto";
import {
  bundledFeedObject,
  bundledFeedSource,
  type ParsedFeed,
  parseFeed,
  poolDistributionFields,
  type RawRow,
  type Round,
} from "../draws/index.js";
import type { Db, Queryable } from "./db.js";

export interface IngestOptions {
  /** Where the payload came from (a URL, a file, the bundled snapshot). */
  source: string;
  /** When it was fetched (ISO 8601); the caller owns the clock. */
  fetchedAt: string;
  /** Test hook: runs inside the transaction after the rounds are written, before the commit. */
  beforeCommit?: (tx: Queryable) => Promise<void>;
}

export interface IngestResult {
  fetchId: number;
  payloadSha256: string;
  /** Rounds the database did not have. */
  added: string[];
  /** Rounds whose published row changed (logged in round_changes). */
  corrected: string[];
  /** Rounds whose row was unchanged but whose parsed columns changed (a newer parser or category data). */
  reparsed: string[];
  unchanged: number;
  /** Parser warnings, plus rounds stored earlier that this feed no longer lists (they are kept). */
  warnings: string[];
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Parses `payload` and stores it; throws (changing nothing) when the feed cannot be used. */
export async function ingestFeedText(db: Db, payload: string, options: IngestOptions): Promise<IngestResult> {
  const feed = parseFeed(payload);
  return ingestParsedFeed(db, feed, sha256(payload), options);
}

export async function ingestParsedFeed(
  db: Db,
  feed: ParsedFeed,
  payloadSha256: string,
  options: IngestOptions,
): Promise<IngestResult> {
  return db.transaction(async (tx) => {
    const [fetch] = await tx.query<{ id: number }>(
      `insert into fetches (source, payload_sha256, fetched_at, result) values ($1, $2, $3, 'in progress') returning id`,
      [options.source, payloadSha256, options.fetchedAt],
    );
    const fetchId = Number(fetch!.id);
    const stored = new Map((await selectRounds(tx)).map((s) => [s.round.round, s]));
    const result: IngestResult = {
      fetchId,
      payloadSha256,
      added: [],
      corrected: [],
      reparsed: [],
      unchanged: 0,
      warnings: [...feed.warnings],
    };
    const toInsert: { round: Round; raw: RawRow }[] = [];
    for (let i = 0; i < feed.rounds.length; i++) {
      const round = feed.rounds[i]!;
      const raw = feed.rows[i]!;
      const before = stored.get(round.round);
      stored.delete(round.round);
      if (!before) {
        toInsert.push({ round, raw });
        result.added.push(round.round);
      } else if (stableJson(before.raw) !== stableJson(raw)) {
        await updateRound(tx, round, raw, fetchId);
        await tx.query(
          `insert into round_changes (round, fetch_id, detected_at, fields, before, after)
           values ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb)`,
          [
            round.round,
            fetchId,
            options.fetchedAt,
            JSON.stringify(changedFields(before.raw, raw)),
            JSON.stringify(before.raw),
            JSON.stringify(raw),
          ],
        );
        result.corrected.push(round.round);
      } else if (stableJson(before.round) !== stableJson(round)) {
        await updateRound(tx, round, raw, fetchId);
        result.reparsed.push(round.round);
      } else {
        result.unchanged++;
      }
    }
    await insertRounds(tx, toInsert, fetchId);
    for (const missing of stored.keys()) {
      result.warnings.push(`round ${missing}: stored earlier but absent from this feed; kept as stored`);
    }
    const summary =
      result.added.length + result.corrected.length + result.reparsed.length === 0
        ? "unchanged"
        : `ingested: ${result.added.length} added, ${result.corrected.length} corrected, ${result.reparsed.length} re-read`;
    await tx.query(
      `update fetches set result = $2, rounds_added = $3, rounds_corrected = $4, warnings = $5::jsonb where id = $1`,
      [fetchId, summary, result.added.length, result.corrected.length, JSON.stringify(result.warnings)],
    );
    if (options.beforeCommit) await options.beforeCommit(tx);
    return result;
  });
}

/** Seeds an empty database from the snapshot shipped inside the project; returns null if not empty. */
export async function seedFromBundledSnapshot(db: Db, fetchedAt: string): Promise<IngestResult | null> {
  const [row] = await db.query<{ n: number }>("select count(*)::int as n from rounds");
  if (Number(row?.n) > 0) return null;
  return ingestFeedText(db, JSON.stringify(bundledFeedObject()), { source: bundledFeedSource, fetchedAt });
}

/** A timestamptz column read back as ISO 8601 UTC ("2024-12-02T22:19:41Z"), the form the parser writes. */
const utcIso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ${column}`;

const roundColumns = `round, round_number, draw_date::text as draw_date, name, programs, stream_kind, stream_id,
  stream_version, stream_recognized, size, cutoff,
  ${utcIso("drawn_at")},
  ${utcIso("tie_break_at")},
  distribution_as_on::text as distribution_as_on, distribution, raw`;

interface RoundRow {
  round: string;
  round_number: number;
  draw_date: string;
  name: string;
  programs: string;
  stream_kind: Round["stream"]["kind"];
  stream_id: string;
  stream_version: string | null;
  stream_recognized: boolean;
  size: number;
  cutoff: number;
  drawn_at: string | null;
  tie_break_at: string | null;
  distribution_as_on: string | null;
  distribution: Omit<NonNullable<Round["distribution"]>, "asOn"> | null;
  raw: RawRow;
}

function rowToRound(r: RoundRow): Round {
  return {
    round: r.round,
    roundNumber: Number(r.round_number),
    date: r.draw_date,
    name: r.name,
    programs: r.programs,
    stream: {
      kind: r.stream_kind,
      id: r.stream_id,
      version: r.stream_version,
      recognized: r.stream_recognized,
    },
    size: Number(r.size),
    cutoff: Number(r.cutoff),
    drawnAt: r.drawn_at,
    tieBreakAt: r.tie_break_at,
    distribution:
      r.distribution && r.distribution_as_on ? distributionFrom(r.distribution_as_on, r.distribution) : null,
  };
}

// jsonb reorders keys: rebuild the distribution in the parser's order, so a stored round equals a parsed one.

function distributionFrom(asOn: string, stored: Record<string, number>): NonNullable<Round["distribution"]> {
  const out: Record<string, number | string> = { asOn };
  for (const key of poolDistributionFields) out[key] = Number(stored[key]);
  return out as unknown as NonNullable<Round["distribution"]>;
}

async function selectRounds(db: Queryable, where = "", params: unknown[] = []) {
  const rows = await db.query<RoundRow>(
    `select ${roundColumns} from rounds ${where} order by draw_date, round_number, round`,
    params,
  );
  return rows.map((r) => ({ round: rowToRound(r), raw: r.raw }));
}

/** Every stored round, oldest first. */
export async function loadRounds(db: Queryable): Promise<Round[]> {
  return (await selectRounds(db)).map((s) => s.round);
}

/** One round with its row as published, or null. */
export async function loadRound(db: Queryable, round: string): Promise<{ round: Round; raw: RawRow } | null> {
  const [found] = await selectRounds(db, "where round = $1", [round.trim().toLowerCase()]);
  return found ?? null;
}

export interface FetchRecord {
  id: number;
  source: string;
  payloadSha256: string;
  fetchedAt: string;
  result: string;
}

export async function loadFetches(db: Queryable): Promise<FetchRecord[]> {
  const rows = await db.query<{
    id: number;
    source: string;
    payload_sha256: string;
    fetched_at: string;
    result: string;
  }>(
    `select id, source, payload_sha256, ${utcIso("fetched_at")},
       result from fetches order by id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    payloadSha256: r.payload_sha256,
    fetchedAt: r.fetched_at,
    result: r.result,
  }));
}

export interface RoundChange {
  round: string;
  fetchId: number;
  detectedAt: string;
  fields: string[];
  before: RawRow;
  after: RawRow;
}

export async function loadRoundChanges(db: Queryable, round?: string): Promise<RoundChange[]> {
  const rows = await db.query<{
    round: string;
    fetch_id: number;
    detected_at: string;
    fields: string[];
    before: RawRow;
    after: RawRow;
  }>(
    `select round, fetch_id, ${utcIso("detected_at")},
       fields, before, after from round_changes ${round ? "where round = $1" : ""} order by id`,
    round ? [round] : [],
  );
  return rows.map((r) => ({
    round: r.round,
    fetchId: Number(r.fetch_id),
    detectedAt: r.detected_at,
    fields: r.fields,
    before: r.before,
    after: r.after,
  }));
}

function roundValues(round: Round, raw: RawRow): unknown[] {
  const { asOn, ...distribution } = round.distribution ?? { asOn: null };
  return [
    round.round,
    round.roundNumber,
    round.date,
    round.name,
    round.programs,
    round.stream.kind,
    round.stream.id,
    round.stream.version,
    round.stream.recognized,
    round.size,
    round.cutoff,
    round.drawnAt,
    round.tieBreakAt,
    asOn,
    round.distribution ? JSON.stringify(distribution) : null,
    JSON.stringify(raw),
  ];
}

/** All new rounds in one statement (one round trip), unpacked from a JSON array on the server. */
async function insertRounds(tx: Queryable, items: { round: Round; raw: RawRow }[], fetchId: number) {
  if (items.length === 0) return;
  const values = items.map(({ round, raw }) => roundValues(round, raw));
  await tx.query(
    `insert into rounds (round, round_number, draw_date, name, programs, stream_kind, stream_id, stream_version,
       stream_recognized, size, cutoff, drawn_at, tie_break_at, distribution_as_on, distribution, raw,
       first_fetch_id, last_changed_fetch_id)
     select v->>0, (v->>1)::int, (v->>2)::date, v->>3, v->>4, v->>5, v->>6, v->>7, (v->>8)::boolean,
       (v->>9)::int, (v->>10)::int, (v->>11)::timestamptz, (v->>12)::timestamptz, (v->>13)::date,
       (v->>14)::jsonb, (v->>15)::jsonb, $2, $2
     from jsonb_array_elements($1::jsonb) as v`,
    [JSON.stringify(values), fetchId],
  );
}

async function updateRound(tx: Queryable, round: Round, raw: RawRow, fetchId: number) {
  await tx.query(
    `update rounds set round_number = $2, draw_date = $3, name = $4, programs = $5, stream_kind = $6,
       stream_id = $7, stream_version = $8, stream_recognized = $9, size = $10, cutoff = $11, drawn_at = $12,
       tie_break_at = $13, distribution_as_on = $14, distribution = $15::jsonb, raw = $16::jsonb,
       last_changed_fetch_id = $17
     where round = $1`,
    [...roundValues(round, raw), fetchId],
  );
}

function changedFields(before: RawRow, after: RawRow): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}

/** JSON with sorted keys, so that jsonb's key reordering does not look like a change. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
