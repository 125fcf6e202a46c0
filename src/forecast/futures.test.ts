import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledRounds } from "../draws/index.js";
import { dayNumber, isoFromDay } from "./dates.js";
import { cachedFutures, newFuturesCache, pathSeed, simulateFutures } from "./futures.js";
import { buildForecastModel, type ForecastModel, type StreamModel } from "./model.js";
import { invitationProbability, invitationProbabilityFrom } from "./probability.js";

// A Monday, so that the hand-made streams below draw on Mondays one week apart from it.
const asOf = "2025-01-06";
const asOfDay = dayNumber(asOf);

/**
 * A hand-made stream: its first round a week after `asOf`, then one every `gapWeeks` weeks exactly, each
 * cut-off `next` plus one of `spread` (drawn with equal chances, independently: persistence 0).
 */
function stream(
  key: string,
  options: { next: number; spread: number[]; gapWeeks?: number; active?: number },
): StreamModel {
  const gapWeeks = options.gapWeeks ?? 2;
  return {
    key,
    stream: { kind: "program", id: key, version: null, recognized: true },
    schedule: {
      key,
      stream: { kind: "program", id: key, version: null, recognized: true },
      lastDate: isoFromDay(asOfDay - 7),
      weekday: 0,
      gapWeeks,
      gapDeviations: [0],
      sureness: 1,
      activeProbability: options.active ?? 1,
      joinDay: null,
      joinProbability: 0,
      laterDay: asOfDay + 7,
      nextDay: asOfDay + 7,
    },
    cutoff: {
      start: options.next,
      next: options.next,
      method: "last",
      mean: options.next,
      persistence: 0,
      errors: options.spread,
      size: 1000,
    },
    spread: options.spread,
    spreadKnown: true,
  };
}

const handMade: ForecastModel = {
  asOf,
  latestRoundDate: isoFromDay(asOfDay - 7),
  pause: new Set(),
  streams: [
    // Rounds on weeks 1, 3, 5, … at exactly 500.
    stream("cec", { next: 500, spread: [0] }),
    // Rounds on weeks 1, 3, 5, … at 490 or 510, each with chance 1/2.
    stream("pnp", { next: 500, spread: [-10, 10] }),
    // Still drawing with chance 1/2; if so, every week at 400.
    stream("fst", { next: 400, spread: [0], gapWeeks: 1, active: 0.5 }),
  ],
};

const within = (r: { within: { weeks: number; probability: number }[] }, weeks: number) =>
  r.within.find((w) => w.weeks === weeks)!.probability;

describe("invitation probability on hand-made streams", () => {
  const paths = 4000;
  it("a stream that always cuts at 500: a score of 500 is invited in its first round, 499 never", () => {
    const at = invitationProbability(handMade, { score: 500, eligibleStreams: ["cec"] }, { paths });
    // The first round is a week after the date: within 1 week and every longer horizon, in every path.
    expect(at.within.map((w) => w.probability)).toEqual([1, 1, 1, 1, 1]);
    expect(at.likelyRounds).toEqual([
      {
        stream: { kind: "program", id: "cec", version: null },
        index: 0,
        typicalDate: "2025-01-13",
        probability: 1,
      },
    ]);
    const below = invitationProbability(handMade, { score: 499, eligibleStreams: ["cec"] }, { paths });
    expect(below.within.every((w) => w.probability === 0)).toBe(true);
  });

  it("counts only rounds after the start: starting 1 week on, the first round is the one of week 3", () => {
    const options = { paths, horizons: [1, 2], startWeeks: 1 };
    const r = invitationProbability(handMade, { score: 500, eligibleStreams: ["cec"] }, options);
    // Week 3 is 2 weeks after the start: not within 1 week, within 2.
    expect(r.within.map((w) => w.probability)).toEqual([0, 1]);
    expect(r.likelyRounds[0]).toMatchObject({ index: 1, typicalDate: "2025-01-27" });
  });

  it("a 490-or-510 stream invites 490 with chance 1 − (1/2)^k by its k-th round", () => {
    const r = invitationProbability(
      handMade,
      { score: 490, eligibleStreams: ["pnp"] },
      { paths, horizons: [1, 4, 6] },
    );
    // Rounds on weeks 1, 3, 5: one round within 1 week (1/2), two within 4 (3/4), three within 6 (7/8).
    // 4,000 paths: a standard error under 0.008; 0.04 is five of them.
    expect(Math.abs(within(r, 1) - 0.5)).toBeLessThan(0.04);
    expect(Math.abs(within(r, 4) - 0.75)).toBeLessThan(0.04);
    expect(Math.abs(within(r, 6) - 0.875)).toBeLessThan(0.04);
  });

  it("a stream still drawing with chance 1/2 invites about half the paths, whatever the horizon", () => {
    const r = invitationProbability(handMade, { score: 450, eligibleStreams: ["fst"] }, { paths });
    for (const w of r.within) expect(Math.abs(w.probability - 0.5)).toBeLessThan(0.04);
    // The same paths at every horizon: the stream draws in week 1 when it draws at all.
    expect(new Set(r.within.map((w) => w.probability)).size).toBe(1);
  });

  it("on equal days, the round goes to the stream listed first in the model", () => {
    // cec and pnp both draw on week 1; a score of 510 reaches both cut-offs on that day in every path.
    const r = invitationProbability(handMade, { score: 510, eligibleStreams: ["pnp", "cec"] }, { paths });
    expect(r.likelyRounds).toHaveLength(1);
    expect(r.likelyRounds[0]).toMatchObject({ stream: { id: "cec" }, index: 0, probability: 1 });
  });
});

describe("shared futures", () => {
  const model = buildForecastModel(bundledRounds(), "2025-11-14");
  const keys = model.streams.map((s) => s.key);
  const paths = 300;

  it("give each (path, stream) its own seed, whatever else is simulated beside it", () => {
    expect(pathSeed(1, 0, "cec")).not.toBe(pathSeed(1, 1, "cec"));
    expect(pathSeed(1, 0, "cec")).not.toBe(pathSeed(1, 0, "pnp"));
    expect(pathSeed(1, 0, "cec")).not.toBe(pathSeed(2, 0, "cec"));
    const until = dayNumber("2026-05-15");
    const cec = keys.indexOf("cec");
    const alone = simulateFutures(model, { seed: 3, paths, untilDay: until, streams: [cec] });
    const all = simulateFutures(model, { seed: 3, paths, untilDay: until });
    expect(all.streams[cec]).toEqual(alone.streams[cec]);
    expect(alone.streams.filter((s) => s !== null)).toHaveLength(1);
  });

  it("simulated further ahead, start with the same rounds", () => {
    const short = simulateFutures(model, { seed: 5, paths, untilDay: dayNumber("2026-01-15") });
    const long = simulateFutures(model, { seed: 5, paths, untilDay: dayNumber("2027-01-15") });
    short.streams.forEach((s, i) => {
      const l = long.streams[i]!;
      for (let p = 0; p < paths; p++) {
        const n = s!.offsets[p + 1]! - s!.offsets[p]!;
        const from = l.offsets[p]!;
        expect([...l.days.subarray(from, from + n)]).toEqual([
          ...s!.days.subarray(s!.offsets[p]!, s!.offsets[p + 1]!),
        ]);
        expect([...l.cutoffs.subarray(from, from + n)]).toEqual([
          ...s!.cutoffs.subarray(s!.offsets[p]!, s!.offsets[p + 1]!),
        ]);
      }
    });
  });

  it("answer exactly as a call of its own, for any score, streams, start and horizons", () => {
    const cache = newFuturesCache(2);
    fc.assert(
      fc.property(
        fc.integer({ min: 380, max: 820 }),
        fc.subarray([...keys, "fsw"]),
        fc.integer({ min: 0, max: 52 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 26 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        (score, eligibleStreams, startWeeks, horizons, seed) => {
          const c = { score, eligibleStreams };
          const options = { paths, seed, startWeeks, horizons };
          expect(invitationProbability(model, c, { ...options, cache })).toEqual(
            invitationProbability(model, c, options),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("never lower the chance when the person becomes eligible for one more stream", () => {
    const futures = simulateFutures(model, { seed: 9, paths, untilDay: dayNumber("2026-05-15") });
    fc.assert(
      fc.property(
        fc.integer({ min: 380, max: 820 }),
        fc.subarray(keys),
        fc.constantFrom(...keys),
        (score, streams, extra) => {
          const before = invitationProbabilityFrom(futures, { score, eligibleStreams: streams });
          const after = invitationProbabilityFrom(futures, { score, eligibleStreams: [...streams, extra] });
          before.within.forEach((w, k) => {
            expect(after.within[k]!.probability).toBeGreaterThanOrEqual(w.probability);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuse a question beyond their end or a stream they lack, rather than answer it wrong", () => {
    const futures = simulateFutures(model, {
      seed: 1,
      paths: 10,
      untilDay: dayNumber("2026-01-01"),
      streams: [0],
    });
    expect(() => invitationProbabilityFrom(futures, { score: 500, eligibleStreams: [keys[0]!] })).toThrow(
      RangeError,
    );
    expect(() =>
      invitationProbabilityFrom(futures, { score: 500, eligibleStreams: [keys[1]!] }, { horizons: [4] }),
    ).toThrow(/does not include|do not include/);
  });
});

describe("the futures cache", () => {
  const model = buildForecastModel(bundledRounds(), "2025-11-14");
  const day = (iso: string) => dayNumber(iso);

  it("reuses the futures of the same model, seed and paths, and lengthens them when asked further", () => {
    const cache = newFuturesCache(2);
    const a = cachedFutures(cache, model, { seed: 1, paths: 50, untilDay: day("2026-05-01") });
    expect(cachedFutures(cache, model, { seed: 1, paths: 50, untilDay: day("2026-03-01") })).toBe(a);
    const longer = cachedFutures(cache, model, { seed: 1, paths: 50, untilDay: day("2026-11-01") });
    expect(longer).not.toBe(a);
    expect(longer.untilDay).toBe(day("2026-11-01"));
    expect(cache.entries.size).toBe(1);
  });

  it("holds at most its limit, dropping the least recently used, and never serves another model", () => {
    const cache = newFuturesCache(2);
    const until = day("2026-01-01");
    const one = cachedFutures(cache, model, { seed: 1, paths: 20, untilDay: until });
    cachedFutures(cache, model, { seed: 2, paths: 20, untilDay: until });
    cachedFutures(cache, model, { seed: 1, paths: 20, untilDay: until }); // seed 1 used again
    cachedFutures(cache, model, { seed: 3, paths: 20, untilDay: until }); // drops seed 2
    expect([...cache.entries.keys()]).toEqual(["2025-11-14/1/20", "2025-11-14/3/20"]);
    expect(cachedFutures(cache, model, { seed: 1, paths: 20, untilDay: until })).toBe(one);
    const rebuilt = buildForecastModel(bundledRounds(), "2025-11-14");
    const other = cachedFutures(cache, rebuilt, { seed: 1, paths: 20, untilDay: until });
    expect(other).not.toBe(one);
    expect(other.model).toBe(rebuilt);
  });
});
