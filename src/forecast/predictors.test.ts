import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choosePredictor, cutoffModel, type Replayed } from "./cutoff.js";
import { addDays } from "./dates.js";
import { type Predictions, predictAll, predictorNames } from "./predictors.js";
import { round } from "./testRounds.js";

/** Rounds of `stream` every other Monday from 2025-01-06, with these cut-offs. */
function series(stream: "pnp" | "cec", cutoffs: readonly number[]) {
  return cutoffs.map((c, i) => round(stream, addDays("2025-01-06", 14 * i), c));
}

describe("candidate forecasts", () => {
  it("computes every candidate by hand on a PNP series", () => {
    const rounds = series("pnp", [700, 760, 740, 800, 720, 780]);
    const p = predictAll(rounds, rounds);
    expect(p.last).toBe(780);
    expect(p.median3).toBe(780); // 800, 720, 780
    expect(p.median5).toBe(760); // 760, 740, 800, 720, 780
    expect(p.mean3).toBeCloseTo(766.667, 3); // 2300 / 3
    expect(p.mean5).toBe(760); // 3800 / 5
    // 700 → 718 → 724.6 → 747.22 → 739.054 → 751.3378 (each step 0.3 × cut-off + 0.7 × level)
    expect(p["ewma0.3"]).toBeCloseTo(751.3378, 4);
    // 700 → 730 → 735 → 767.5 → 743.75 → 761.875
    expect(p["ewma0.5"]).toBeCloseTo(761.875, 6);
    // PNP scores sit above the published bands: never carried.
    expect(p.carried).toBe(780);
    // Mean 750; deviations −50, 10, −10, 50, −30, 30: lag-1 covariance −3500 against variance 7000
    // is negative, so persistence 0 and the AR(1) forecast is the mean.
    expect(p.ar1).toBe(750);
    expect(p["carried+ar1"]).toBe(765);
    expect(p.blend4).toBe(767.5); // (780 + 760 + 780 + 750) / 4
  });

  it("ignores rounds more than two years before the stream's latest", () => {
    const old = round("pnp", "2021-06-07", 900);
    const recent = series("pnp", [700, 720, 740]);
    const p = predictAll([old, ...recent], [old, ...recent]);
    expect(p.median5).toBe(720);
    expect(p.mean5).toBe(720);
  });
});

/** A replayed round where every candidate forecast `others` except those in `exact`. */
function replayed(actual: number, others: number, exact: Partial<Predictions> = {}): Replayed {
  const predictions = Object.fromEntries(predictorNames.map((n) => [n, others])) as Predictions;
  return { day: 0, actual, predictions: { ...predictions, ...exact } };
}

describe("choosing a candidate per stream", () => {
  it("picks the candidate with the smallest past errors", () => {
    const past = [
      replayed(750, 790, { median5: 750 }),
      replayed(760, 720, { median5: 770 }),
      replayed(740, 700, { median5: 745 }),
    ];
    // median5 erred 0 + 10 + 5 = 15, every other candidate 40 + 40 + 40 = 120.
    expect(choosePredictor(past)).toBe("median5");
  });

  it("falls back to the blend of four with fewer than three past rounds", () => {
    expect(choosePredictor([replayed(750, 790, { median5: 750 }), replayed(750, 790)])).toBe("blend4");
  });

  it("breaks ties by the order of the list (the simplest first)", () => {
    expect(choosePredictor([replayed(500, 510), replayed(500, 490), replayed(500, 500)])).toBe("last");
  });

  it("keeps the last cut-off when the cut-off moves steadily", () => {
    // 500, 505, …, 535: the last value errs by 5 each round, every average by more.
    const m = cutoffModel(...twice(series("cec", [500, 505, 510, 515, 520, 525, 530, 535])));
    expect(m.method).toBe("last");
    expect(m.next).toBe(535);
  });

  it("forecasts the level when cut-offs scatter around it", () => {
    // 700, 800, 700, … (10 rounds): the last value errs by 100 each round. The choice weighs the last
    // six rounds, forecast from 4…9 earlier ones. AR(1) forecasts their mean (the lag-1
    // autocorrelation is negative: persistence 0): 750, 740, 750, 742.86, 750, 744.44, erring by
    // 50 + 60 + 50 + 57.14 + 50 + 55.56 = 322.7; the mean of the last five errs by 50 + 5 × 60 = 350,
    // the weighted mean (0.3) by 44.7 + 68.7 + 51.9 + 63.7 + 55.4 + 61.2 = 345.6, the medians by 100
    // or more. With ten rounds the mean is 750.
    const m = cutoffModel(...twice(series("pnp", [700, 800, 700, 800, 700, 800, 700, 800, 700, 800])));
    expect(m.method).toBe("ar1");
    expect(m.next).toBe(750);
  });

  it("prefers a weighted mean when too few rounds give AR(1) its level", () => {
    // 8 rounds: the six weighed are forecast from 2…7 earlier ones. From 2 or 3 rounds AR(1) has no
    // level and keeps the last value (errors 100, 100), then 50, 60, 50, 57.14: 417.1 in all. The
    // weighted mean 700 → 730 → 721 → 744.7 → 731.29 → 751.90 → 736.33 errs by
    // 30 + 79 + 44.7 + 68.71 + 51.90 + 63.67 = 338.0, the mean of five by 346.7: the weighted mean
    // wins and continues to 0.3 × 800 + 0.7 × 736.33 = 755.43.
    const m = cutoffModel(...twice(series("pnp", [700, 800, 700, 800, 700, 800, 700, 800])));
    expect(m.method).toBe("ewma0.3");
    expect(m.next).toBeCloseTo(755.43, 2);
  });
});

function twice<T>(x: T): [T, T] {
  return [x, x];
}

describe("laws of the chosen forecast (no pool distributions)", () => {
  const cutoffs = fc.array(fc.integer({ min: 300, max: 900 }), { minLength: 1, maxLength: 16 });

  it("stays within the range of the cut-offs it learned from", () => {
    fc.assert(
      fc.property(cutoffs, (xs) => {
        // Every candidate is a weighted mean of past cut-offs (AR(1): the mean plus a share 0..1 of
        // the last one's distance from it), so the chosen one cannot leave their range.
        const m = cutoffModel(...twice(series("pnp", xs)));
        expect(m.next).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
        expect(m.next).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
      }),
    );
  });

  it("moves with the cut-offs: adding a constant to all of them adds it to the forecast", () => {
    fc.assert(
      fc.property(cutoffs, fc.integer({ min: -200, max: 200 }), (xs, shift) => {
        const a = cutoffModel(...twice(series("pnp", xs)));
        const b = cutoffModel(
          ...twice(
            series(
              "pnp",
              xs.map((x) => x + shift),
            ),
          ),
        );
        expect(b.method).toBe(a.method);
        expect(b.next).toBeCloseTo(a.next + shift, 6);
        expect(b.errors).toEqual(a.errors.map((e) => expect.closeTo(e, 6)));
      }),
    );
  });
});
