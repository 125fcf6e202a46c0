// The shape of the pool inside the published distribution's bins. IRCC publishes counts for coarse bins
// (501–600 is one bin) and candidates inside a bin are far from evenly spread. Every round tells us one point
// of the pool's curve on its date: with the round's size and cut-off, the share of the cut-off's bin that
// scored at or above the cut-off is (size − candidates in the bins above) / candidates in the bin. Points from
// many rounds, fitted per bin as a non-increasing curve, give the within-bin shape.
import { mean } from "../draws/analytics.js";
import { type CompleteRound, finestScoreBins, type PoolDistribution, type ScoreBin } from "../draws/round.js";

export type { ScoreBin };

/** The feed's finest bins, highest first (defined with the feed's distribution in draws). */
export const distributionBins: readonly ScoreBin[] = finestScoreBins;

export const binCounts = (d: PoolDistribution): number[] => distributionBins.map((b) => d[b.field]);

export function binIndexOf(score: number): number {
  return distributionBins.findIndex((b) => score >= b.lo && score <= b.hi);
}

/** One observed point of a bin's curve: the share of the bin at or above `score`. */
export interface ShapePoint {
  round: string;
  date: string;
  bin: number;
  score: number;
  shareAtOrAbove: number;
}

/** `shares[k]` is the share of the bin's candidates with score `lo + k`; they add up to 1. */
export interface BinShape {
  lo: number;
  hi: number;
  shares: Float64Array;
  /** How many observed points shaped it (0: even spreading). */
  points: number;
}

/** The point a round gives, or null when the round's numbers do not fall inside one bin consistently. */
export function shapePoint(round: CompleteRound): ShapePoint | null {
  const d = round.distribution;
  if (!d) return null;
  const bin = binIndexOf(round.cutoff);
  if (bin < 0) return null;
  const counts = binCounts(d);
  const above = counts.slice(0, bin).reduce((a, b) => a + b, 0);
  const inBin = counts[bin]!;
  if (inBin <= 0) return null;
  const share = (round.size - above) / inBin;
  // The distribution is taken days before the round; when the pool moved enough to break the arithmetic
  // the point says nothing reliable about the shape.
  if (!(share > 0 && share <= 1)) return null;
  return { round: round.round, date: round.date, bin, score: round.cutoff, shareAtOrAbove: share };
}

/** Rounds whose eligible candidates are the whole pool: general rounds (and PNP rounds for the 601+ bin). */
export function shapePoints(rounds: readonly CompleteRound[]): ShapePoint[] {
  const out: ShapePoint[] = [];
  for (const r of rounds) {
    const generalRound = r.stream.kind === "general";
    // Nominees carry 600 extra points, so a PNP round above 600 samples the 601–1200 bin alone.
    const pnpTopBin = r.stream.id === "pnp" && r.cutoff >= 601;
    if (!generalRound && !pnpTopBin) continue;
    const p = shapePoint(r);
    if (p) out.push(p);
  }
  return out;
}

export function evenShape(bin: ScoreBin): BinShape {
  const n = bin.hi - bin.lo + 1;
  return { lo: bin.lo, hi: bin.hi, shares: new Float64Array(n).fill(1 / n), points: 0 };
}

/**
 * Non-increasing least-squares fit (pool-adjacent-violators) of the share at or above each score,
 * then linear interpolation between (lo, 1), the fitted points and (hi + 1, 0).
 */
export function fitShape(bin: ScoreBin, points: readonly ShapePoint[]): BinShape {
  if (points.length === 0) return evenShape(bin);
  const byScore = new Map<number, number[]>();
  for (const p of points) byScore.set(p.score, [...(byScore.get(p.score) ?? []), p.shareAtOrAbove]);
  const blocks = [...byScore]
    .sort((a, b) => a[0] - b[0])
    .map(([score, shares]) => ({
      lo: score,
      hi: score,
      weight: shares.length,
      value: mean(shares)!, // a score is in byScore only with a share
    }));
  // Pool adjacent violators: the share must not rise as the score rises.
  const merged: typeof blocks = [];
  for (const b of blocks) {
    merged.push({ ...b });
    while (merged.length > 1 && merged[merged.length - 2]!.value < merged[merged.length - 1]!.value) {
      const top = merged.pop()!;
      const prev = merged.pop()!;
      const weight = prev.weight + top.weight;
      merged.push({
        lo: prev.lo,
        hi: top.hi,
        weight,
        value: (prev.value * prev.weight + top.value * top.weight) / weight,
      });
    }
  }
  const anchors: [number, number][] = [[bin.lo, 1]];
  for (const b of merged) {
    const at = (b.lo + b.hi) / 2;
    if (at > bin.lo && at < bin.hi + 1) anchors.push([at, Math.min(1, Math.max(0, b.value))]);
  }
  anchors.push([bin.hi + 1, 0]);
  const atOrAbove = (s: number) => {
    for (let k = 0; k + 1 < anchors.length; k++) {
      const [x0, y0] = anchors[k]!;
      const [x1, y1] = anchors[k + 1]!;
      if (s >= x0 && s <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (s - x0)) / (x1 - x0);
    }
    return 0;
  };
  const n = bin.hi - bin.lo + 1;
  const shares = new Float64Array(n);
  for (let k = 0; k < n; k++) shares[k] = Math.max(0, atOrAbove(bin.lo + k) - atOrAbove(bin.lo + k + 1));
  const total = shares.reduce((a, b) => a + b, 0);
  for (let k = 0; k < n; k++) shares[k] = shares[k]! / total;
  return { lo: bin.lo, hi: bin.hi, shares, points: points.length };
}

/** A shape for every bin, learned from the points (bins without points are spread evenly). */
export function learnShapes(points: readonly ShapePoint[]): BinShape[] {
  return distributionBins.map((bin, i) =>
    fitShape(
      bin,
      points.filter((p) => p.bin === i),
    ),
  );
}

export const evenShapes = (): BinShape[] => distributionBins.map(evenShape);
