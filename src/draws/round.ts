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

/** The distribution's counts in the feed's order (dd1..dd18), `asOn` aside. */
export const poolDistributionFields = [
  "r601to1200",
  "r501to600",
  "r451to500",
  "r491to500",
  "r481to490",
  "r471to480",
  "r461to470",
  "r451to460",
  "r401to450",
  "r441to450",
  "r431to440",
  "r421to430",
  "r411to420",
  "r401to410",
  "r351to400",
  "r301to350",
  "r0to300",
  "total",
] as const satisfies readonly Exclude<keyof PoolDistribution, "asOn">[];

/** One of the feed's finest published bins: the scores `lo`..`hi` and the field holding its count. */
export interface ScoreBin {
  lo: number;
  hi: number;
  field: Exclude<keyof PoolDistribution, "asOn" | "total" | "r451to500" | "r401to450">;
}

/** The feed's finest bins (dd1, dd2, dd4–dd8, dd10–dd14, dd15–dd17), highest first; they do not overlap. */
export const finestScoreBins: readonly ScoreBin[] = [
  { lo: 601, hi: 1200, field: "r601to1200" },
  { lo: 501, hi: 600, field: "r501to600" },
  { lo: 491, hi: 500, field: "r491to500" },
  { lo: 481, hi: 490, field: "r481to490" },
  { lo: 471, hi: 480, field: "r471to480" },
  { lo: 461, hi: 470, field: "r461to470" },
  { lo: 451, hi: 460, field: "r451to460" },
  { lo: 441, hi: 450, field: "r441to450" },
  { lo: 431, hi: 440, field: "r431to440" },
  { lo: 421, hi: 430, field: "r421to430" },
  { lo: 411, hi: 420, field: "r411to420" },
  { lo: 401, hi: 410, field: "r401to410" },
  { lo: 351, hi: 400, field: "r351to400" },
  { lo: 301, hi: 350, field: "r301to350" },
  { lo: 0, hi: 300, field: "r0to300" },
];

/**
 * A field of a round that could not be read, or was read but is implausible. Unreadable fields are
 * `null` in the round (a whole distribution is `null` when any of its counts or its date is
 * unreadable); implausible values are kept as read. `text` is the field exactly as published.
 */
export interface RoundIssue {
  kind: "unreadable" | "implausible";
  /** The feed's field name: drawCutOff, drawSize, dd3, … */
  field: string;
  text: string;
  /** What is wrong, in words ("not a date and time", "above 1,200, the highest possible CRS"). */
  problem: string;
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
  /** Invitations; null when drawSize could not be read. */
  size: number | null;
  /** The lowest CRS invited; null when drawCRS could not be read. */
  cutoff: number | null;
  /** True when the size or the cut-off could not be read: the round is listed, its figures are not. */
  incomplete: boolean;
  /** drawDateTime as ISO 8601 UTC, null when absent or unreadable. */
  drawnAt: string | null;
  /** drawCutOff (tie-breaking rule) as ISO 8601 UTC; null for early rounds that published none, or unreadable. */
  tieBreakAt: string | null;
  /** Null when the feed published no distribution (all dd fields "0"), never an empty pool; null too when unreadable. */
  distribution: PoolDistribution | null;
  /** Fields that could not be read or look wrong, with their published text; empty for a clean row. */
  issues: RoundIssue[];
}

/** A round whose size and cut-off were read: what the analytics, forecasts and reports compute with. */
export type CompleteRound = Round & { size: number; cutoff: number; incomplete: false };

export function isComplete(round: Round): round is CompleteRound {
  return round.size !== null && round.cutoff !== null;
}

/** The rounds whose size and cut-off were read (an incomplete round has no figures to count). */
export function completeRounds(rounds: readonly Round[]): CompleteRound[] {
  return rounds.filter(isComplete);
}
