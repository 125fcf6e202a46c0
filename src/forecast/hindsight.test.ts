import { describe, expect, it } from "vitest";
import { bundledRounds } from "../draws/index.js";
import { backtest } from "./backtest.js";
import { type HindsightRow, hindsightBounds, scoreEveryDay } from "./hindsight.js";
import { type Predictions, predictorNames } from "./predictors.js";

/** Every candidate at `value`, but those given. */
const candidates = (value: number, some: Partial<Predictions> = {}): Predictions => ({
  ...(Object.fromEntries(predictorNames.map((name) => [name, value])) as Predictions),
  ...some,
});

const row = (fields: Partial<HindsightRow> & Pick<HindsightRow, "date" | "cutoff">): HindsightRow => ({
  stream: { id: "cec" },
  forecastOn: fields.date,
  candidates: candidates(fields.cutoff),
  joinDate: null,
  laterDate: fields.date,
  ...fields,
});

describe("hindsight bounds", () => {
  it("fits one constant and one candidate per stream, in hindsight", () => {
    const rows = [
      // CEC cut-offs 500, 510, 540: median 510, deviations 10 + 0 + 30 = 40.
      row({ date: "2025-01-07", cutoff: 500, candidates: candidates(520, { last: 505 }) }),
      row({ date: "2025-01-21", cutoff: 510, candidates: candidates(520, { last: 500 }) }),
      row({ date: "2025-02-04", cutoff: 540, candidates: candidates(520, { last: 510 }) }),
      // PNP 700 and 800: any value between fits them with 100 in all.
      row({ date: "2025-01-06", cutoff: 700, stream: { id: "pnp" }, candidates: candidates(760) }),
      row({
        date: "2025-01-20",
        cutoff: 800,
        stream: { id: "pnp" },
        candidates: candidates(760, { mean3: 750 }),
      }),
    ];
    const b = hindsightBounds(rows);
    expect(b.cutoff.bestConstantPerStream).toBeCloseTo((40 + 100) / 5);
    // CEC: "last" errs 5 + 10 + 30 = 45, every other candidate 20 + 10 + 20 = 50.
    // PNP: every candidate errs 60 + 40 = 100 ("last" first among equals), mean3 60 + 50 = 110.
    expect(b.cutoff.candidates).toEqual({ cec: "last", pnp: "last" });
    expect(b.cutoff.bestCandidatePerStream).toBeCloseTo((45 + 100) / 5);
  });

  it("bounds the dates knowing whether each round joined the week under way", () => {
    const rows = [
      // Forecast on Monday 2025-01-06; joined on Tuesday, as the join date said: 0 days.
      row({
        date: "2025-01-07",
        cutoff: 500,
        forecastOn: "2025-01-06",
        joinDate: "2025-01-07",
        laterDate: "2025-01-21",
      }),
      // Forecast on Thursday 2025-01-09 with a join date (Friday) but drawn the week after: the later
      // date (Tuesday 2025-01-21) errs by 1 day; always joining errs by 12.
      row({
        date: "2025-01-22",
        cutoff: 500,
        forecastOn: "2025-01-09",
        joinDate: "2025-01-10",
        laterDate: "2025-01-21",
      }),
      // No week under way: the later date, 3 days off either way.
      row({
        date: "2025-02-07",
        cutoff: 500,
        forecastOn: "2025-01-30",
        joinDate: null,
        laterDate: "2025-02-04",
      }),
    ];
    const b = hindsightBounds(rows);
    expect(b.date.knowingJoins).toBeCloseTo((0 + 1 + 3) / 3);
    expect(b.date.alwaysJoin).toBeCloseTo((0 + 12 + 3) / 3);
  });

  it("scores every round day's forecasts, the shortcut beside them", () => {
    const s = scoreEveryDay([
      { error: 0, alwaysJoinError: 0 },
      { error: 7, alwaysJoinError: 1 },
      { error: 2, alwaysJoinError: 12 },
    ]);
    expect(s.forecasts).toBe(3);
    expect(s.dateMae).toBeCloseTo(3);
    expect(s.medianDateError).toBe(2);
    expect(s.alwaysJoin).toEqual({ dateMae: 13 / 3, medianDateError: 1 });
  });

  it("puts the bounds beside the real backtest, never better than hindsight allows", () => {
    const report = backtest(bundledRounds(), { from: "2025-06-01" });
    const { cutoff } = report.hindsight;
    // A constant or a candidate chosen knowing the outcome is at least as close as the stream's
    // own last cut-off (one of the candidates) and as the fixed rule behind the naive baseline.
    expect(cutoff.bestCandidatePerStream).toBeLessThanOrEqual(report.overall.naive.cutoffMae);
    expect(report.everyRoundDay.forecasts).toBeGreaterThan(report.rows.length);
  });
});
