// The candidate pool, column by column in typed arrays so that a million scored candidates fit in a few
// dozen megabytes and a round is two passes over flat memory. Scores and eligibility are computed once,
// when a candidate enters the pool, and the pool records the date and CRS rule set they were computed under.
import { programIds } from "../draws/stream.js";
import { allVersionKeys } from "../occupations/categories.js";

/** The maximum CRS score (600 core + human capital, 600 additional). */
export const maxCrs = 1200;

/** The streams that are not categories: the whole pool (`general`) and the four programs (draws' list). */
export const programStreamKeys: readonly string[] = ["general", ...programIds];

/**
 * Stream keys, one eligibility bit each: `general` (eligible for FSW, CEC or FST, i.e. in the pool), the
 * four programs, then every category version ("trades@2025-v2"). 26 keys fit a 32-bit mask.
 */
export const streamKeys: readonly string[] = [...programStreamKeys, ...allVersionKeys];
const bitOfKey = new Map(streamKeys.map((k, i) => [k, i]));

/** A stream key's parts: "trades@2025-v2" → trades and 2025-v2; "cec" → cec and no version. */
export function splitStreamKey(key: string): { id: string; version: string | undefined } {
  const [id, version] = key.split("@") as [string, string | undefined];
  return { id, version };
}

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

/**
 * Builds a pool one candidate at a time into growing typed arrays, so that a large pool file never has to
 * be held as objects. Every problem names the candidate and the field.
 */
export class PoolBuilder {
  private capacity: number;
  private count = 0;
  private ids: string[] = [];
  private scores: Uint16Array;
  private submittedAt: Float64Array;
  private eligible: Uint32Array;
  private unknown: Uint32Array;
  private readonly seen = new Set<string>();
  /** Stream keys → mask, memoized: pool files repeat the same few key lists. */
  private readonly masks = new Map<string, number>();

  constructor(expected = 1024) {
    this.capacity = Math.max(16, expected);
    this.scores = new Uint16Array(this.capacity);
    this.submittedAt = new Float64Array(this.capacity);
    this.eligible = new Uint32Array(this.capacity);
    this.unknown = new Uint32Array(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  private grow() {
    this.capacity *= 2;
    const grown = <T extends Uint16Array | Float64Array | Uint32Array>(a: T, make: (n: number) => T) => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.scores = grown(this.scores, (n) => new Uint16Array(n));
    this.submittedAt = grown(this.submittedAt, (n) => new Float64Array(n));
    this.eligible = grown(this.eligible, (n) => new Uint32Array(n));
    this.unknown = grown(this.unknown, (n) => new Uint32Array(n));
  }

  private mask(keys: readonly string[]): number {
    const key = keys.join(",");
    let m = this.masks.get(key);
    if (m === undefined) {
      m = maskOf(keys);
      this.masks.set(key, m);
    }
    return m;
  }

  add(c: ScoredCandidate): void {
    const where = `candidate ${this.count + 1} (${c.id})`;
    if (!Number.isInteger(c.crs) || c.crs < 0 || c.crs > maxCrs)
      throw new PoolInputError(`${where}: crs must be an integer from 0 to ${maxCrs}`);
    const t = Date.parse(c.submittedAt);
    if (Number.isNaN(t)) throw new PoolInputError(`${where}: submittedAt must be an ISO 8601 UTC time`);
    if (this.seen.has(c.id)) throw new PoolInputError(`${where}: id is used twice (ids must be unique)`);
    let eligible: number;
    let unknown: number;
    try {
      eligible = this.mask(c.eligible);
      unknown = this.mask(c.unknown ?? []);
    } catch (e) {
      throw new PoolInputError(`${where}: ${(e as Error).message}`);
    }
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.seen.add(c.id);
    this.ids.push(c.id);
    this.scores[i] = c.crs;
    this.submittedAt[i] = t;
    this.eligible[i] = eligible;
    this.unknown[i] = unknown;
  }

  finish(computedOn: string, ruleSet: string): CandidatePool {
    const n = this.count;
    return {
      size: n,
      ids: this.ids,
      scores: this.scores.slice(0, n),
      submittedAt: this.submittedAt.slice(0, n),
      eligible: this.eligible.slice(0, n),
      unknown: this.unknown.slice(0, n),
      active: new Uint8Array(n).fill(1),
      computedOn,
      ruleSet,
    };
  }
}

export function poolFromCandidates(
  candidates: readonly ScoredCandidate[],
  computedOn: string,
  ruleSet: string,
): CandidatePool {
  const builder = new PoolBuilder(candidates.length);
  for (const c of candidates) builder.add(c);
  return builder.finish(computedOn, ruleSet);
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
