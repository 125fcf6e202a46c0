// Synthetic pools shaped like a published distribution: the bin counts are reproduced exactly (scaled to the
// requested size), scores inside each bin follow a within-bin shape, and eligibility for programs and
// categories is drawn with documented shares. The same seed gives the same pool.
import type { PoolDistribution } from "../draws/round.js";
import { categories, versionKey } from "../occupations/categories.js";
import { addDays, dayNumber } from "../occupations/workHistory.js";
import { type CandidatePool, emptyPool, maskOf } from "./pool.js";
import { seededRandom, shuffle } from "./random.js";
import { type BinShape, binCounts, distributionBins, evenShapes } from "./shapes.js";

/**
 * Shares of the pool eligible for each stream. IRCC does not publish these, so the defaults are assumptions,
 * chosen only to give every stream a plausible population; override them for any real analysis.
 */
export interface EligibilityShares {
  /** Canadian Experience Class. */
  cec: number;
  /** Federal Skilled Worker. */
  fsw: number;
  /** Federal Skilled Trades. */
  fst: number;
  /** Among candidates above 600 points (who have, in practice, the 600 nomination points): nominees. */
  pnpAbove600: number;
  /** Share per category id (applies to every list version of the category). */
  categories: Record<string, number>;
}

export const defaultShares: EligibilityShares = {
  cec: 0.4,
  fsw: 0.65,
  fst: 0.03,
  pnpAbove600: 1,
  categories: {
    "french-language-proficiency": 0.07,
    "healthcare-social-services": 0.12,
    stem: 0.15,
    trades: 0.06,
    transport: 0.03,
    "agriculture-agri-food": 0.01,
    education: 0.03,
    "physicians-canadian-work-experience": 0.003,
    "senior-managers-canadian-work-experience": 0.01,
    "researchers-canadian-work-experience": 0.005,
    "skilled-military-recruits": 0.0005,
  },
};

export interface SynthesizeOptions {
  distribution: PoolDistribution;
  /** Number of candidates; defaults to the distribution's own total. */
  size?: number;
  seed: number;
  /** Within-bin shapes; even spreading when absent. */
  shapes?: readonly BinShape[];
  shares?: EligibilityShares;
  /**
   * Profiles stay in the pool one year ("You can only stay in the Express Entry pool for one year from the
   * date you were accepted into it", IRCC, docs/sources/programs.md §1 [S26]): submission times are spread
   * over the 365 days before `asOn` unless told otherwise.
   */
  submittedWithinDays?: number;
}

/** Splits `total` into integers proportional to `weights`, largest remainders first (sums exactly to total). */
export function apportion(total: number, weights: ArrayLike<number>): number[] {
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += weights[k]!;
  if (total === 0 || sum === 0) return Array.from({ length: weights.length }, () => 0);
  const exact = Array.from(weights, (w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]![1]]!++;
  return out;
}

/** Synthesizes a pool: exact bin counts, shaped scores, seeded eligibility and submission times. */
export function synthesizePool(options: SynthesizeOptions): CandidatePool {
  const { distribution, seed } = options;
  const shapes = options.shapes ?? evenShapes();
  const shares = options.shares ?? defaultShares;
  const counts = binCounts(distribution);
  const size = options.size ?? counts.reduce((a, b) => a + b, 0);
  const perBin = apportion(size, counts);
  const random = seededRandom(seed);
  const pool = emptyPool(
    size,
    distribution.asOn,
    `synthetic (like the distribution of ${distribution.asOn})`,
    false,
  );

  // Scores: each bin's count spread over its scores by the shape, then shuffled so order carries no meaning.
  let i = 0;
  distributionBins.forEach((bin, b) => {
    const shape = shapes[b]!;
    const perScore = apportion(perBin[b]!, shape.shares);
    perScore.forEach((n, k) => {
      pool.scores.fill(bin.lo + k, i, i + n);
      i += n;
    });
  });
  shuffle(pool.scores, random);

  const generalMask = maskOf(["general"]);
  const bit = (key: string) => maskOf([key]);
  const cec = bit("cec");
  const fsw = bit("fsw");
  const fst = bit("fst");
  const pnp = bit("pnp");
  const categoryMasks = categories.map((c) => ({
    share: shares.categories[c.id] ?? 0,
    mask: maskOf(c.versions.map((v) => versionKey(c.id, v.version))),
  }));
  const windowDays = options.submittedWithinDays ?? 365;
  const end = dayNumber(distribution.asOn) * 86_400_000;
  const start = dayNumber(addDays(distribution.asOn, -windowDays)) * 86_400_000;
  for (let k = 0; k < size; k++) {
    let m = generalMask;
    if (random() < shares.cec) m |= cec;
    if (random() < shares.fsw) m |= fsw;
    if (random() < shares.fst) m |= fst;
    // Everyone in the pool meets at least one federal program.
    if ((m & (cec | fsw | fst)) === 0) m |= fsw;
    if (pool.scores[k]! > 600 && random() < shares.pnpAbove600) m |= pnp;
    for (const c of categoryMasks) if (random() < c.share) m |= c.mask;
    pool.eligible[k] = m >>> 0;
    // Whole seconds, as IRCC publishes tie-breaking times.
    pool.submittedAt[k] = Math.floor((start + random() * (end - start)) / 1000) * 1000;
  }
  return pool;
}
