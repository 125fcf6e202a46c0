// The candidate pool in the database (migration 0002): saving scored candidates under a pool name, loading
// the candidates still in the pool into the engine's typed arrays, and recording a round's invitations
// (invited candidates leave the pool with an invitation that expires 60 days after the round).
// Profiles are personal data: stored, never logged or echoed in errors.
import type { Profile } from "../profile/schema.js";
import { type CandidatePool, poolFromCandidates, type ScoredCandidate, streamBit } from "../rounds/index.js";
import type { Db, Queryable } from "./db.js";

export interface StoredCandidate extends ScoredCandidate {
  ruleSet: string;
  computedOn: string;
  profile?: Profile | null;
}

export interface PoolSummary {
  pool: string;
  candidates: number;
  inPool: number;
  invited: number;
  computedOn: string[];
  ruleSets: string[];
}

/** Rows a statement writes at a time (one JSON parameter per batch keeps it fast on both backends). */
const batchSize = 5000;

/** `items` in consecutive slices of at most `batchSize`. */
function* batches<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let from = 0; from < items.length; from += batchSize) yield items.slice(from, from + batchSize);
}

/**
 * Saves candidates into the named pool in one transaction; a candidate already there (same id) is replaced,
 * as a resubmitted profile would be. Returns the number saved.
 */
export async function savePoolCandidates(
  db: Db,
  pool: string,
  candidates: readonly StoredCandidate[],
): Promise<number> {
  for (const c of candidates)
    for (const key of [...c.eligible, ...(c.unknown ?? [])])
      if (streamBit(key) === undefined) throw new Error(`candidate ${c.id}: unknown stream key "${key}"`);
  await db.transaction(async (tx) => {
    for (const batch of batches(candidates)) {
      const rows = batch.map((c) => ({
        id: c.id,
        submitted_at: c.submittedAt,
        crs: c.crs,
        eligible: c.eligible,
        eligibility_unknown: c.unknown ?? [],
        computed_on: c.computedOn,
        rule_set: c.ruleSet,
        profile: c.profile ?? null,
      }));
      await insertBatch(tx, pool, rows);
    }
  });
  return candidates.length;
}

async function insertBatch(tx: Queryable, pool: string, rows: unknown[]) {
  await tx.query(
    `insert into pool_candidates
       (pool, id, submitted_at, crs, eligible, eligibility_unknown, computed_on, rule_set, profile)
     select $1, r.id, r.submitted_at, r.crs,
            array(select jsonb_array_elements_text(r.eligible)),
            array(select jsonb_array_elements_text(r.eligibility_unknown)),
            r.computed_on, r.rule_set, r.profile
     from jsonb_to_recordset($2::jsonb) as r(
       id text, submitted_at timestamptz, crs smallint, eligible jsonb, eligibility_unknown jsonb,
       computed_on date, rule_set text, profile jsonb)
     on conflict (pool, id) do update set
       submitted_at = excluded.submitted_at, crs = excluded.crs, eligible = excluded.eligible,
       eligibility_unknown = excluded.eligibility_unknown, computed_on = excluded.computed_on,
       rule_set = excluded.rule_set, profile = excluded.profile,
       invited_on = null, invited_in = null, invitation_expires_on = null`,
    [pool, JSON.stringify(rows)],
  );
}

interface CandidateRow {
  id: string;
  submitted_at: string | Date;
  crs: number;
  eligible: string[];
  eligibility_unknown: string[];
  /** Selected as text: "2025-01-31". */
  computed_on: string;
  rule_set: string;
}

/** The candidates still in the named pool (not invited), ready for `runRound`; null when the pool has none. */
export async function loadPool(db: Queryable, pool: string): Promise<CandidatePool | null> {
  const rows = await db.query<CandidateRow>(
    `select id, submitted_at, crs, eligible, eligibility_unknown, computed_on::text as computed_on, rule_set
     from pool_candidates where pool = $1 and invited_on is null order by id`,
    [pool],
  );
  if (rows.length === 0) return null;
  const candidates: ScoredCandidate[] = rows.map((r) => ({
    id: r.id,
    submittedAt: new Date(r.submitted_at).toISOString(), // a Date from pg and PGlite alike
    crs: Number(r.crs),
    // A stream key the code no longer knows (category data changed) is dropped rather than failing the load.
    eligible: r.eligible.filter((k) => streamBit(k) !== undefined),
    unknown: r.eligibility_unknown.filter((k) => streamBit(k) !== undefined),
  }));
  const computedOn = [...new Set(rows.map((r) => r.computed_on))].sort();
  const ruleSets = [...new Set(rows.map((r) => r.rule_set))].sort();
  return poolFromCandidates(candidates, computedOn.join(" + "), ruleSets.join(" + "));
}

/** Marks the invited candidates as having left the pool. Returns how many rows changed. */
export async function recordInvitations(
  db: Db,
  pool: string,
  invitation: { ids: readonly string[]; round: string; date: string; expiresOn: string },
): Promise<number> {
  if (invitation.ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const ids of batches(invitation.ids)) {
      const rows = await tx.query<{ id: string }>(
        `update pool_candidates set invited_on = $3, invited_in = $4, invitation_expires_on = $5
         where pool = $1 and id in (select jsonb_array_elements_text($2::jsonb)) and invited_on is null
         returning id`,
        [pool, JSON.stringify(ids), invitation.date, invitation.round, invitation.expiresOn],
      );
      changed += rows.length;
    }
    return changed;
  });
}

export async function listPools(db: Queryable): Promise<PoolSummary[]> {
  const rows = await db.query<{
    pool: string;
    candidates: number;
    in_pool: number;
    computed_on: string[];
    rule_sets: string[];
  }>(
    `select pool, count(*)::int as candidates, count(*) filter (where invited_on is null)::int as in_pool,
            array_agg(distinct computed_on::text) as computed_on, array_agg(distinct rule_set) as rule_sets
     from pool_candidates group by pool order by pool`,
  );
  return rows.map((r) => ({
    pool: r.pool,
    candidates: Number(r.candidates),
    inPool: Number(r.in_pool),
    invited: Number(r.candidates) - Number(r.in_pool),
    computedOn: r.computed_on,
    ruleSets: r.rule_sets,
  }));
}
