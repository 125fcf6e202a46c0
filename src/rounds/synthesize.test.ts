import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledRounds } from "../draws/index.js";
import type { CompleteRound, PoolDistribution } from "../draws/round.js";
import { runRound } from "./engine.js";
import { keysOf } from "./pool.js";
import { seededRandom } from "./random.js";
import { replayableRounds, replayHistory } from "./replay.js";
import { distributionBins, fitShape, shapePoint } from "./shapes.js";
import { apportion, synthesizePool } from "./synthesize.js";

// Round 228 (2022-08-03) as published: size 2,000, cut-off 533; dd1 640, dd2 8,975.
const round228 = bundledRounds().find((r) => r.round === "228")!;

describe("within-bin shapes", () => {
  it("a round's point: (2,000 − 640 above 600) / 8,975 in 501–600 = 0.15153 at or above 533", () => {
    const p = shapePoint(round228)!;
    expect(p.bin).toBe(1);
    expect(p.score).toBe(533);
    expect(p.shareAtOrAbove).toBeCloseTo(1360 / 8975, 6);
  });

  it("fits a non-increasing curve through the points and reproduces a point exactly", () => {
    const bin = distributionBins[1]!; // 501–600
    const points = [
      { round: "x", date: "", bin: 1, score: 551, shareAtOrAbove: 0.1 },
      { round: "y", date: "", bin: 1, score: 521, shareAtOrAbove: 0.5 },
    ];
    const shape = fitShape(bin, points);
    const atOrAbove = (s: number) => shape.shares.slice(s - bin.lo).reduce((a, b) => a + b, 0);
    expect(atOrAbove(551)).toBeCloseTo(0.1, 9);
    expect(atOrAbove(521)).toBeCloseTo(0.5, 9);
    // Linear between (501, 1) and (521, 0.5): at 511 the share at or above is 0.75.
    expect(atOrAbove(511)).toBeCloseTo(0.75, 9);
  });

  it("points that contradict each other are pooled (pool adjacent violators)", () => {
    const bin = distributionBins[1]!;
    const shape = fitShape(bin, [
      { round: "x", date: "", bin: 1, score: 531, shareAtOrAbove: 0.2 },
      { round: "y", date: "", bin: 1, score: 541, shareAtOrAbove: 0.4 },
    ]);
    const atOrAbove = (s: number) => shape.shares.slice(s - bin.lo).reduce((a, b) => a + b, 0);
    // Both become 0.3 on the pooled span 531–541 (anchored at its middle, 536).
    expect(atOrAbove(536)).toBeCloseTo(0.3, 9);
    expect([...shape.shares].every((x) => x >= 0)).toBe(true);
  });
});

describe("synthetic pools", () => {
  const d = round228.distribution as PoolDistribution;

  // Round 228's published counts as they stand in the feed, highest bin first: dd1 (601–1200), dd2 (501–600),
  // dd4–dd8 (491–500 … 451–460), dd10–dd14 (441–450 … 401–410), dd15 (351–400), dd16 (301–350), dd17 (0–300);
  // they add up to dd18, 238,924.
  const published228 = [
    640, 8975, 5343, 9044, 18747, 16413, 12783, 12101, 12705, 9747, 11117, 12317, 68325, 35522, 5145,
  ];

  it("reproduces every published bin exactly at the distribution's own size", () => {
    const pool = synthesizePool({ distribution: d, seed: 7 });
    const counts = new Array(distributionBins.length).fill(0);
    for (const s of pool.scores) counts[distributionBins.findIndex((b) => s >= b.lo && s <= b.hi)]++;
    expect(counts).toEqual(published228);
    expect(pool.size).toBe(238_924);
  });

  it("the same seed gives the same pool; another seed another order", () => {
    const a = synthesizePool({ distribution: d, size: 5000, seed: 42 });
    const b = synthesizePool({ distribution: d, size: 5000, seed: 42 });
    const c = synthesizePool({ distribution: d, size: 5000, seed: 43 });
    expect(a.scores).toEqual(b.scores);
    expect(a.eligible).toEqual(b.eligible);
    expect(a.submittedAt).toEqual(b.submittedAt);
    expect(a.scores).not.toEqual(c.scores);
  });

  it("scales to a requested size, bins in proportion (largest remainders)", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 7 × (0.5, 0.25, 0.25) = 3.5, 1.75, 1.75 → floors 3, 1, 1; the two largest remainders (0.75) get the 2 left.
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    const pool = synthesizePool({ distribution: d, size: 1000, seed: 1 });
    expect(pool.size).toBe(1000);
  });

  it("everyone is in the general stream and in at least one federal program; nominees only above 600", () => {
    const pool = synthesizePool({ distribution: d, size: 20000, seed: 3 });
    for (let i = 0; i < pool.size; i++) {
      const keys = keysOf(pool.eligible[i]!);
      expect(keys).toContain("general");
      expect(keys.some((k) => k === "cec" || k === "fsw" || k === "fst")).toBe(true);
      if (keys.includes("pnp")) expect(pool.scores[i]!).toBeGreaterThan(600);
    }
  });

  it("eligibility shares follow the parameters (CEC 40% of 20,000 within ±2 points)", () => {
    const pool = synthesizePool({ distribution: d, size: 20000, seed: 5 });
    const cec = Array.from(pool.eligible).filter((m) => keysOf(m).includes("cec")).length;
    expect(cec / 20000).toBeGreaterThan(0.38);
    expect(cec / 20000).toBeLessThan(0.42);
  });

  it("law: at any size, each bin holds its published share within one candidate, and the sizes add up", () => {
    const published = published228;
    const total = 238_924;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2 ** 31 }), (size, seed) => {
        const pool = synthesizePool({ distribution: d, size, seed });
        const counts = new Array(distributionBins.length).fill(0);
        for (const s of pool.scores) counts[distributionBins.findIndex((b) => s >= b.lo && s <= b.hi)]++;
        expect(counts.reduce((a, b) => a + b, 0)).toBe(size);
        counts.forEach((n, i) => {
          expect(Math.abs(n - (published[i]! * size) / total)).toBeLessThan(1);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("the seeded generator is deterministic", () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe("replay of the historical general rounds", () => {
  const rounds = bundledRounds();

  it("covers every general round with a distribution", () => {
    expect(replayableRounds(rounds).length).toBe(37);
  });

  it("leave-one-out with learned shapes: mean absolute error ≤ 10 points; even spreading is far worse", () => {
    const learned = replayHistory(rounds);
    const even = replayHistory(rounds, { method: "even" });
    expect(learned.meanAbsoluteError!).toBeLessThanOrEqual(10);
    expect(even.meanAbsoluteError!).toBeGreaterThan(20);
  });

  it("a round's own cut-off never informs its simulation", () => {
    const tampered: CompleteRound[] = rounds.map((r) => (r.round === "263" ? { ...r, cutoff: 599 } : r));
    const honest = replayHistory(rounds).rounds.find((r) => r.round === "263")!;
    const after = replayHistory(tampered).rounds.find((r) => r.round === "263")!;
    expect(after.simulated).toBe(honest.simulated);
    expect(after.actual).toBe(599);
  });

  it("an evenly spread synthetic pool ranks like the published bins: a 2,000 round on round 228's pool lands in 501–600", () => {
    const r = runRound(synthesizePool({ distribution: round228.distribution!, seed: 1 }), {
      date: round228.date,
      stream: "general",
      size: 2000,
    });
    expect(r.cutoff!).toBeGreaterThanOrEqual(501);
    expect(r.cutoff!).toBeLessThanOrEqual(600);
  });
});
