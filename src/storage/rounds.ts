// Storing and reading IRCC's rounds. Ingest is one transaction: a feed is parsed in full first (a bad
// feed throws before anything is written), then every round is inserted, corrected (a published value
// changed: logged in round_changes with the row before and after) or left alone. The same feed twice
// changes no round and logs no change; each fetch is recorded with its payload's SHA-256 and time.
// Every attempt, failed ones included, is recorded in feed_updates (the failure outside the rolled-back
// transaction). On PostgreSQL an advisory lock taken first in the transaction serializes concurrent
// ingests and first-start seeding: the second waits, then finds the first one's rounds.
import { createHash } from "node:crypto";
import {
  bundledFeedObject,
  bundledFeedSource,
  FeedError,
  type ParsedFeed,
  parseFeed,
  poolDistributionFields,
  type RawRow,
  type Round,
  type RoundIssue,
} from "../draws/index.js";
import type { Db, Queryable } from "./db.js";

export interface IngestOptions {
  /** Where the payload came from (a URL, a file, the bundled snapshot). */
  source: string;
  /** When it was fetched (ISO 8601); the caller owns the clock. A round dated later is flagged. */
  fetchedAt: string;
  /** Refuse the feed (changing nothing) when any row could only be partly read. */
  strict?: boolean;
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

/** The advisory lock key of ingest and seeding (migrations use 7335001). */
const ingestLockKey = 7335002;

/** A feed listing fewer than this share of the stored rounds is taken for a broken one, not a correction. */
const minShareOfStoredRounds = 0.9;

/**
 * Parses `payload` and stores it; throws (changing nothing) when the feed cannot be used. The attempt is
 * recorded in feed_updates either way.
 */
export async function ingestFeedText(db: Db, payload: string, options: IngestOptions): Promise<IngestResult> {
  let feed: ParsedFeed;
  try {
    feed = parseFeed(payload, { fetchedOn: options.fetchedAt.slice(0, 10) });
  } catch (e) {
    await recordFailedUpdate(db, { source: options.source, attemptedAt: options.fetchedAt, error: e });
    throw e;
  }
  return ingestParsedFeed(db, feed, sha256(payload), options);
}

/** Stores an already parsed feed (see ingestFeedText); records the attempt, failed or not. */
export async function ingestParsedFeed(
  db: Db,
  feed: ParsedFeed,
  payloadSha256: string,
  options: IngestOptions,
): Promise<IngestResult> {
  try {
    const result = await ingestInTransaction(db, feed, payloadSha256, options, false);
    return result!;
  } catch (e) {
    await recordFailedUpdate(db, {
      source: options.source,
      attemptedAt: options.fetchedAt,
      error: e,
      warnings: feed.warnings,
    });
    throw e;
  }
}

/** The rows that could only be partly read, for --strict's refusal. */
function partlyReadProblems(feed: ParsedFeed): string[] {
  return feed.rounds.flatMap((r) =>
    r.issues
      .filter((i) => i.kind === "unreadable")
      .map(
        (i) =>
          `round ${r.round}: ${i.field} ${JSON.stringify(i.text)} cannot be read (${i.problem}); refused by --strict`,
      ),
  );
}

async function ingestInTransaction(
  db: Db,
  feed: ParsedFeed,
  payloadSha256: string,
  options: IngestOptions,
  onlyIntoEmpty: boolean,
): Promise<IngestResult | null> {
  if (options.strict) {
    const problems = partlyReadProblems(feed);
    if (problems.length > 0) throw new FeedError(problems);
  }
  return db.transaction(async (tx) => {
    // Concurrent ingests (two `ee draws update`, a server seeding while the CLI updates) would each insert
    // the same new rounds and log the same corrections: the second waits here for the first to commit.
    if (db.kind === "postgres") await tx.query("select pg_advisory_xact_lock($1)", [ingestLockKey]);
    if (onlyIntoEmpty) {
      const [row] = await tx.query<{ n: number }>("select count(*)::int as n from rounds");
      if (Number(row?.n) > 0) return null;
    }
    const [fetch] = await tx.query<{ id: number }>(
      `insert into fetches (source, payload_sha256, fetched_at, result) values ($1, $2, $3, 'in progress') returning id`,
      [options.source, payloadSha256, options.fetchedAt],
    );
    const fetchId = Number(fetch!.id);
    const stored = new Map((await selectRounds(tx)).map((s) => [s.round.round, s]));
    if (feed.rounds.length < stored.size * minShareOfStoredRounds) {
      throw new FeedError([
        `feed: lists ${feed.rounds.length} rounds but ${stored.size} are stored; a feed that short is taken for a broken one`,
      ]);
    }
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
    await tx.query(
      `insert into feed_updates (attempted_at, source, outcome, message, fetch_id, rounds_added, rounds_changed, warnings)
       values ($1, $2, 'success', $3, $4, $5, $6, $7::jsonb)`,
      [
        options.fetchedAt,
        options.source,
        summary,
        fetchId,
        result.added.length,
        result.corrected.length + result.reparsed.length,
        JSON.stringify(result.warnings),
      ],
    );
    if (options.beforeCommit) await options.beforeCommit(tx);
    return result;
  });
}

/**
 * Seeds an empty database from the snapshot shipped inside the project; returns null if not empty. Two
 * processes starting at once on one PostgreSQL database seed it once: the check is made under the lock.
 */
export async function seedFromBundledSnapshot(db: Db, fetchedAt: string): Promise<IngestResult | null> {
  const [row] = await db.query<{ n: number }>("select count(*)::int as n from rounds");
  if (Number(row?.n) > 0) return null;
  const payload = JSON.stringify(bundledFeedObject());
  const feed = parseFeed(payload, { fetchedOn: fetchedAt.slice(0, 10) });
  return ingestInTransaction(db, feed, sha256(payload), { source: bundledFeedSource, fetchedAt }, true);
}

/** One attempt to update the rounds, as recorded in feed_updates. */
export interface FeedUpdate {
  attemptedAt: string;
  source: string;
  outcome: "success" | "failure";
  /** The result ("unchanged", "ingested: 3 added, …") or the first line of the failure. */
  message: string;
  roundsAdded: number;
  /** Rounds corrected by IRCC or re-read by a newer parser. */
  roundsChanged: number;
  warnings: string[];
  /** Why a failed attempt failed, one line per problem. */
  problems: string[];
}

/** Records an attempt that changed nothing (a fetch that failed, a feed refused). Never throws. */
export async function recordFailedUpdate(
  db: Db,
  attempt: { source: string; attemptedAt: string; error: unknown; warnings?: string[] },
): Promise<void> {
  const problems =
    attempt.error instanceof FeedError
      ? attempt.error.problems
      : [String((attempt.error as Error)?.message ?? attempt.error)];
  await db
    .query(
      `insert into feed_updates (attempted_at, source, outcome, message, warnings, problems)
       values ($1, $2, 'failure', $3, $4::jsonb, $5::jsonb)`,
      [
        attempt.attemptedAt,
        attempt.source,
        problems[0] ?? "failed",
        JSON.stringify(attempt.warnings ?? []),
        JSON.stringify(problems),
      ],
    )
    // The attempt's own error is what the caller reports; a database too broken to record it says so there.
    .catch(() => undefined);
}

/** The latest successful and the latest failed update attempts (null when there was none). */
export async function loadUpdateStatus(
  db: Queryable,
): Promise<{ lastSuccess: FeedUpdate | null; lastFailure: FeedUpdate | null }> {
  const latest = async (outcome: FeedUpdate["outcome"]) => {
    const [r] = await db.query<{
      attempted_at: string;
      source: string;
      outcome: FeedUpdate["outcome"];
      message: string;
      rounds_added: number;
      rounds_changed: number;
      warnings: string[];
      problems: string[];
    }>(
      `select ${utcIso("attempted_at")}, source, outcome, message, rounds_added, rounds_changed, warnings, problems
       from feed_updates where outcome = $1 order by id desc limit 1`,
      [outcome],
    );
    return r
      ? {
          attemptedAt: r.attempted_at,
          source: r.source,
          outcome: r.outcome,
          message: r.message,
          roundsAdded: Number(r.rounds_added),
          roundsChanged: Number(r.rounds_changed),
          warnings: r.warnings,
          problems: r.problems,
        }
      : null;
  };
  return { lastSuccess: await latest("success"), lastFailure: await latest("failure") };
}

/** A timestamptz column read back as ISO 8601 UTC ("2024-12-02T22:19:41Z"), the form the parser writes. */
const utcIso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ${column}`;

const roundColumns = `round, round_number, draw_date::text as draw_date, name, programs, stream_kind, stream_id,
  stream_version, stream_recognized, size, cutoff,
  ${utcIso("drawn_at")},
  ${utcIso("tie_break_at")},
  distribution_as_on::text as distribution_as_on, distribution, issues, raw`;

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
  size: number | null;
  cutoff: number | null;
  drawn_at: string | null;
  tie_break_at: string | null;
  distribution_as_on: string | null;
  distribution: Omit<NonNullable<Round["distribution"]>, "asOn"> | null;
  issues: RoundIssue[];
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
    size: r.size === null ? null : Number(r.size),
    cutoff: r.cutoff === null ? null : Number(r.cutoff),
    incomplete: r.size === null || r.cutoff === null,
    drawnAt: r.drawn_at,
    tieBreakAt: r.tie_break_at,
    distribution:
      r.distribution && r.distribution_as_on ? distributionFrom(r.distribution_as_on, r.distribution) : null,
    issues: r.issues.map((i) => ({ kind: i.kind, field: i.field, text: i.text, problem: i.problem })),
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
    JSON.stringify(round.issues),
  ];
}

/** All new rounds in one statement (one round trip), unpacked from a JSON array on the server. */
async function insertRounds(tx: Queryable, items: { round: Round; raw: RawRow }[], fetchId: number) {
  if (items.length === 0) return;
  const values = items.map(({ round, raw }) => roundValues(round, raw));
  await tx.query(
    `insert into rounds (round, round_number, draw_date, name, programs, stream_kind, stream_id, stream_version,
       stream_recognized, size, cutoff, drawn_at, tie_break_at, distribution_as_on, distribution, raw, issues,
       first_fetch_id, last_changed_fetch_id)
     select v->>0, (v->>1)::int, (v->>2)::date, v->>3, v->>4, v->>5, v->>6, v->>7, (v->>8)::boolean,
       (v->>9)::int, (v->>10)::int, (v->>11)::timestamptz, (v->>12)::timestamptz, (v->>13)::date,
       (v->>14)::jsonb, (v->>15)::jsonb, (v->>16)::jsonb, $2, $2
     from jsonb_array_elements($1::jsonb) as v`,
    [JSON.stringify(values), fetchId],
  );
}

async function updateRound(tx: Queryable, round: Round, raw: RawRow, fetchId: number) {
  await tx.query(
    `update rounds set round_number = $2, draw_date = $3, name = $4, programs = $5, stream_kind = $6,
       stream_id = $7, stream_version = $8, stream_recognized = $9, size = $10, cutoff = $11, drawn_at = $12,
       tie_break_at = $13, distribution_as_on = $14, distribution = $15::jsonb, raw = $16::jsonb,
       issues = $17::jsonb, last_changed_fetch_id = $18
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
