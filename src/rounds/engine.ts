// The round-of-invitations engine, as IRCC runs a round: rank the eligible candidates by CRS (highest
// first), break ties by profile submission time (earliest first), invite exactly `size` of them (fewer if
// the pool runs out). The cut-off is the lowest invited score; the tie-breaking time is the submission time
// of the last invited candidate with the cut-off score. Invited candidates leave the pool; an invitation
// expires 60 days after the round.
//
// Speed: one pass counts eligible candidates per score (0–1200), which gives the cut-off without sorting the
// pool; a second pass collects the invited; only the candidates tied at the cut-off are sorted.
import { categoryIds, versionInForce, versionKey } from "../occupations/categories.js";
import { addDays } from "../occupations/workHistory.js";
import {
  type CandidatePool,
  candidateId,
  isoTime,
  maxCrs,
  programStreamKeys,
  splitStreamKey,
  streamBit,
} from "./pool.js";

/**
 * An invitation to apply must be answered within 60 days: IRCC, "Create an Express Entry profile: What to do
 * while you wait in the pool" (canada.ca …/express-entry/submit-profile/waiting-pool.html), the rule since
 * 2021-06-29. Not modelled: the 90-day windows IRCC gave before (from November 2016 until late June 2018, and
 * from March 2020 for invitations until 2021-06-28, as reported by immigration news sites; not in
 * docs/sources), so `expiresOn` for a round in those periods is 30 days early.
 */
export const invitationValidDays = 60;

export interface RoundRequest {
  /** ISO date of the round: picks the category list version in force. */
  date: string;
  /** `general`, `cec`, `fsw`, `fst`, `pnp`, a category id, or "category@version" for one list version. */
  stream: string;
  size: number;
}

export interface ResolvedStream {
  id: string;
  /** The pool's eligibility key: "general", "cec", "trades@2025-v2", … */
  key: string;
  /** The category list version, null for general and program rounds. */
  version: string | null;
  /** Uncertainty about the version choice (unconfirmed dates), else null. */
  note: string | null;
}

export class RoundInputError extends Error {
  override name = "RoundInputError";
}

export function resolveStream(stream: string, date: string): ResolvedStream {
  if (programStreamKeys.includes(stream)) return { id: stream, key: stream, version: null, note: null };
  const { id, version: explicitVersion } = splitStreamKey(stream);
  if (!categoryIds.includes(id))
    throw new RoundInputError(
      `stream: unknown stream "${stream}" (allowed: ${[...programStreamKeys, ...categoryIds].join(" | ")}, or category@version)`,
    );
  if (explicitVersion !== undefined) {
    const key = versionKey(id, explicitVersion);
    if (streamBit(key) === undefined)
      throw new RoundInputError(`stream: ${id} has no list version "${explicitVersion}"`);
    return { id, key, version: explicitVersion, note: null };
  }
  const inForce = versionInForce(id, date);
  if (!inForce) throw new RoundInputError(`stream: no list version of ${id} was in force on ${date}`);
  return {
    id,
    key: versionKey(id, inForce.version.version),
    version: inForce.version.version,
    note: inForce.note,
  };
}

export interface RoundResult {
  stream: ResolvedStream;
  date: string;
  requestedSize: number;
  /** Number invited: `requestedSize`, or fewer when the pool ran out. */
  invited: number;
  /** Lowest invited score; null when nobody was invited. */
  cutoff: number | null;
  /** Submission time (ISO UTC) of the last invited candidate with the cut-off score; null when nobody was. */
  tieBreakAt: string | null;
  /** Pool indices of the invited, in rank order. */
  invitedIndices: Uint32Array;
  /** The day the invitations expire (round date + 60 days). */
  expiresOn: string;
  /** Candidates in the pool eligible for the stream before the round. */
  eligibleBefore: number;
  /** Eligible candidates with the cut-off score left out by the tie-break (submitted after `tieBreakAt`). */
  tiedNotInvited: number;
  /** Candidates in the pool whose eligibility for the stream is unknown (not invited). */
  unknownEligibility: number;
  /** The pool after the round: the invited are no longer active. The input pool is left unchanged. */
  pool: CandidatePool;
}

/** Runs one round on the pool. */
export function runRound(pool: CandidatePool, request: RoundRequest): RoundResult {
  const { size, date } = request;
  if (!Number.isInteger(size) || size < 0)
    throw new RoundInputError("size: must be a whole number of 0 or more");
  const stream = resolveStream(request.stream, date);
  const bit = streamBit(stream.key)!;
  const mask = (1 << bit) >>> 0;
  const { scores, eligible, unknown, active, submittedAt } = pool;

  // Pass 1: eligible candidates per score.
  const perScore = new Uint32Array(maxCrs + 1);
  let unknownEligibility = 0;
  for (let i = 0; i < pool.size; i++) {
    if (active[i] === 0) continue;
    if ((eligible[i]! & mask) !== 0) perScore[scores[i]!]!++;
    else if ((unknown[i]! & mask) !== 0) unknownEligibility++;
  }
  let eligibleBefore = 0;
  for (let s = 0; s <= maxCrs; s++) eligibleBefore += perScore[s]!;

  // The cut-off: the highest score at which the candidates at or above it fill the round.
  const toInvite = Math.min(size, eligibleBefore);
  let cutoff = -1;
  let above = 0;
  if (toInvite > 0) {
    for (let s = maxCrs; s >= 0; s--) {
      if (above + perScore[s]! >= toInvite) {
        cutoff = s;
        break;
      }
      above += perScore[s]!;
    }
  }

  // Pass 2: everyone above the cut-off is in; those at the cut-off queue by submission time.
  const invitedIndices = new Uint32Array(toInvite);
  const tied: number[] = [];
  let n = 0;
  if (cutoff >= 0) {
    for (let i = 0; i < pool.size; i++) {
      if (active[i] === 0 || (eligible[i]! & mask) === 0) continue;
      const s = scores[i]!;
      if (s > cutoff) invitedIndices[n++] = i;
      else if (s === cutoff) tied.push(i);
    }
  }
  // Equal submission times (to the millisecond) keep pool order, so the result never depends on chance.
  tied.sort((a, b) => submittedAt[a]! - submittedAt[b]! || a - b);
  const fromTied = toInvite - n;
  for (let k = 0; k < fromTied; k++) invitedIndices[n++] = tied[k]!;
  const lastTied = fromTied > 0 ? tied[fromTied - 1]! : -1;

  // Rank order for the caller: score descending, then submission time.
  const ranked = Array.from(invitedIndices).sort(
    (a, b) => scores[b]! - scores[a]! || submittedAt[a]! - submittedAt[b]! || a - b,
  );
  invitedIndices.set(ranked);

  const nextActive = active.slice();
  for (const i of invitedIndices) nextActive[i] = 0;

  return {
    stream,
    date,
    requestedSize: size,
    invited: toInvite,
    cutoff: cutoff >= 0 ? cutoff : null,
    tieBreakAt: lastTied >= 0 ? isoTime(submittedAt[lastTied]!) : null,
    invitedIndices,
    expiresOn: addDays(date, invitationValidDays),
    eligibleBefore,
    tiedNotInvited: tied.length - fromTied,
    unknownEligibility,
    pool: { ...pool, active: nextActive },
  };
}

/** Ids of the invited, in rank order. */
export function invitedIds(result: RoundResult): string[] {
  return Array.from(result.invitedIndices, (i) => candidateId(result.pool, i));
}
