// The candidate pool, column by column in typed arrays so that a million scored candidates fit in a few
// dozen megabytes and a round is two passes over flat memory. Scores and eligibility are computed once,
// when a candidate enters the pool, and the pool records the date and CRS rule set they were computed under.
import { allVersionKeys } from "../occupations/categories.js";

/** The maximum CRS score (600 core + human capital, 600 additional). */
export const maxCrs = 1200;

/**
 * Stream keys, one eligibility bit each: `general` (eligible for FSW, CEC or FST, i.e. in the pool), the
 * four programs, then every category version ("trades@2025-v2"). 26 keys fit a 32-bit mask.
 */
export const streamKeys: readonly string[] = ["general", "cec", "fsw", "fst", "pnp", ...allVersionKeys];
const bitOfKey = new Map(streamKeys.map((k, i) => [k, i]));

export function streamBit(key: string): number | undefined {
  return bitOfKey.get(key);
}

export function maskOf(keys: readonly string[]): number {
  let mask = 0;
  for (const k of keys) {
    const bit = bitOfKey.get(k);
    if (bit === undefined) throw new Error(`unknown stream key "${k}" (allowed: ${streamKeys.join(" | ")})`);
    mask |= 1 << bit;
  }
  return mask >>> 0;
}

export function keysOf(mask: number): string[] {
  return streamKeys.filter((_, bit) => (mask >>> bit) & 1);
}

export interface CandidatePool {
  size: number;
  /** Candidate ids, or null for synthetic pools (then the id is "synthetic-<index>"). */
  ids: readonly string[] | null;
  /** CRS score, 0–1200. */
  scores: Uint16Array;
  /** Profile submission time, epoch milliseconds (UTC). */
  submittedAt: Float64Array;
  /** Bit per stream key where the candidate is eligible. */
  eligible: Uint32Array;
  /** Bit per stream key where eligibility is unknown (never invited on that stream; counted in summaries). */
  unknown: Uint32Array;
  /** 1 while the candidate is in the pool; 0 once invited (invited candidates leave the pool). */
  active: Uint8Array;
  /** The date scores and eligibility were computed for. */
  computedOn: string;
  /** The CRS rule set they were computed under (its label), or a description for synthetic pools. */
  ruleSet: string;
}

/** One candidate once scored: what the pool keeps of a profile (never the profile itself). */
export interface ScoredCandidate {
  id: string;
  submittedAt: string;
  crs: number;
  /** Stream keys the candidate is eligible for. */
  eligible: string[];
  /** Stream keys where eligibility is unknown. */
  unknown?: string[];
}

export function emptyPool(size: number, computedOn: string, ruleSet: string, withIds = true): CandidatePool {
  return {
    size,
    ids: withIds ? new Array<string>(size).fill("") : null,
    scores: new Uint16Array(size),
    submittedAt: new Float64Array(size),
    eligible: new Uint32Array(size),
    unknown: new Uint32Array(size),
    active: new Uint8Array(size).fill(1),
    computedOn,
    ruleSet,
  };
}

/** Problems with one candidate, naming the field and the allowed values. */
export class PoolInputError extends Error {
  override name = "PoolInputError";
}

export function poolFromCandidates(
  candidates: readonly ScoredCandidate[],
  computedOn: string,
  ruleSet: string,
): CandidatePool {
  const pool = emptyPool(candidates.length, computedOn, ruleSet);
  const ids = pool.ids as string[];
  const seen = new Set<string>();
  candidates.forEach((c, i) => {
    const where = `candidate ${i + 1} (${c.id})`;
    if (!Number.isInteger(c.crs) || c.crs < 0 || c.crs > maxCrs)
      throw new PoolInputError(`${where}: crs must be an integer from 0 to ${maxCrs}`);
    const t = Date.parse(c.submittedAt);
    if (Number.isNaN(t)) throw new PoolInputError(`${where}: submittedAt must be an ISO 8601 UTC time`);
    if (seen.has(c.id)) throw new PoolInputError(`${where}: id is used twice (ids must be unique)`);
    seen.add(c.id);
    ids[i] = c.id;
    pool.scores[i] = c.crs;
    pool.submittedAt[i] = t;
    pool.eligible[i] = maskOf(c.eligible);
    pool.unknown[i] = maskOf(c.unknown ?? []);
  });
  return pool;
}

/** ISO 8601 UTC as IRCC's feed gives times ("2024-12-02T22:19:41Z"): milliseconds only when there are any. */
export function isoTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}

export const candidateId = (pool: CandidatePool, index: number) =>
  pool.ids?.[index] ?? `synthetic-${index + 1}`;

/** Back to plain records (for the JSON Lines pool file and the database). */
export function candidateAt(pool: CandidatePool, index: number): ScoredCandidate {
  const unknown = keysOf(pool.unknown[index]!);
  return {
    id: candidateId(pool, index),
    submittedAt: isoTime(pool.submittedAt[index]!),
    crs: pool.scores[index]!,
    eligible: keysOf(pool.eligible[index]!),
    ...(unknown.length ? { unknown } : {}),
  };
}

/** Candidates still in the pool. */
export function activeCount(pool: CandidatePool): number {
  let n = 0;
  for (let i = 0; i < pool.size; i++) n += pool.active[i]!;
  return n;
}
