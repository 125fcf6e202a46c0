// A round of invitations as parsed from IRCC's feed. The raw row is kept beside it in storage.
import type { StreamRef } from "./stream.js";

/** The pool's CRS distribution on `asOn` (feed fields dd1..dd18). */
export interface PoolDistribution {
  asOn: string;
  /** dd1: 601–1200 */ r601to1200: number;
  /** dd2: 501–600 */ r501to600: number;
  /** dd3: 451–500, split by dd4..dd8 (491–500, 481–490, 471–480, 461–470, 451–460) */
  r451to500: number;
  r491to500: number;
  r481to490: number;
  r471to480: number;
  r461to470: number;
  r451to460: number;
  /** dd9: 401–450, split by dd10..dd14 (441–450, 431–440, 421–430, 411–420, 401–410) */
  r401to450: number;
  r441to450: number;
  r431to440: number;
  r421to430: number;
  r411to420: number;
  r401to410: number;
  /** dd15: 351–400 */ r351to400: number;
  /** dd16: 301–350 */ r301to350: number;
  /** dd17: 0–300 */ r0to300: number;
  /** dd18 */ total: number;
}

export interface Round {
  /** As published: "379", "91a". */
  round: string;
  /** Numeric part, for ordering: 91 for "91a". */
  roundNumber: number;
  /** ISO date of the round. */
  date: string;
  /** drawName as published. */
  name: string;
  /** drawText2: the programs invited, as published. */
  programs: string;
  stream: StreamRef;
  size: number;
  cutoff: number;
  /** drawDateTime as ISO 8601 UTC, null when absent. */
  drawnAt: string | null;
  /** drawCutOff (tie-breaking rule) as ISO 8601 UTC; null for early rounds that published none. */
  tieBreakAt: string | null;
  /** Null when the feed published no distribution (all dd fields "0"), never an empty pool. */
  distribution: PoolDistribution | null;
}
