import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledRounds } from "../draws/index.js";
import type { CompleteRound } from "../draws/round.js";
import { type BacktestRow, backtest, dateMiss, dateMisses, scoreJoins, scoreRows } from "./backtest.js";
import { cutoffModel } from "./cutoff.js";
import { addDays, dayNumber, isoFromDay, mondayOf, weekdayOf } from "./dates.js";
import { forecastRounds } from "./forecast.js";
import { poolAtOrAbove, roundsKnownOn, scoreWithPoolAbove } from "./history.js";
import { buildForecastModel } from "./model.js";
import { ar1Cutoff, type Predictions, predictorNames } from "./predictors.js";
import { invitationProbability } from "./probability.js";
import { monthDayOfDay, yearEndPause } from "./schedule.js";
import { pool, round } from "./testRounds.js";

const real = bundledRounds();

describe("dates", () => {
  it("knows the weekday of real round dates", () => {
    // 2025-11-10 was a Monday (PNP round 377), 2025-11-14 a Friday (round 379).
    expect(weekdayOf(dayNumber("2025-11-10"))).toBe(0);
    expect(weekdayOf(dayNumber("2025-11-14"))).toBe(4);
    expect(isoFromDay(mondayOf(dayNumber("2025-11-14")))).toBe("2025-11-10");
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01"); // leap year
  });

  it("reads a day's month and day by arithmetic as the calendar does", () => {
    // Worked by hand: day 0 is 1970-01-01; 2024 is a leap year, 2100 is not, 2000 is.
    expect(monthDayOfDay(0)).toBe(101);
    expect(monthDayOfDay(-1)).toBe(1231);
    expect(monthDayOfDay(dayNumber("2024-02-29"))).toBe(229);
    expect(monthDayOfDay(dayNumber("2100-02-28") + 1)).toBe(301);
    expect(monthDayOfDay(dayNumber("2000-02-28") + 1)).toBe(229);
    expect(monthDayOfDay(dayNumber("2025-12-25"))).toBe(1225);
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 100_000 }), (day) => {
        const iso = isoFromDay(day);
        expect(monthDayOfDay(day)).toBe(Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("pool arithmetic", () => {
  const p = pool("2025-01-01", { r491to500: 100, r481to490: 200 });
  it("counts candidates at or above a score, spreading a band evenly", () => {
    expect(poolAtOrAbove(p, 491)).toBe(100);
    expect(poolAtOrAbove(p, 481)).toBe(300);
    // 486–490 is half of the 481–490 band: 100 + 200 / 2.
    expect(poolAtOrAbove(p, 486)).toBe(200);
  });
  it("finds the highest score with a given number above it", () => {
    expect(scoreWithPoolAbove(p, 200)).toBe(486);
    expect(scoreWithPoolAbove(p, 100)).toBe(491);
  });
});

describe("as of a date", () => {
  it("keeps only the rounds dated on or before the date", () => {
    const known = roundsKnownOn(real, "2025-10-29");
    expect(known.at(-1)?.round).toBe("376");
    expect(known.every((r) => r.date <= "2025-10-29")).toBe(true);
  });

  it("builds the same model whatever happened after the date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 150, max: real.length - 2 }),
        fc.integer({ min: -100, max: 100 }),
        (i, shift) => {
          const asOf = real[i]!.date;
          const altered = real.map((r) =>
            r.date > asOf
              ? { ...r, cutoff: r.cutoff + shift, date: addDays(r.date, Math.abs(shift) % 5) }
              : r,
          );
          const a = forecastRounds(buildForecastModel(real, asOf), { weeks: 8, paths: 200 });
          const b = forecastRounds(buildForecastModel(altered, asOf), { weeks: 8, paths: 200 });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("the 2026 streams of the feed of 2026-08-07", () => {
  it("are forecast under the category list version in force on the forecast date", () => {
    const model = buildForecastModel(real, "2026-08-07");
    const versions = Object.fromEntries(model.streams.map((s) => [s.key, s.stream.version]));
    // Streams with a round in the two years to 2026-08-07 (FST last drew in 2020, general in 2024-04, STEM
    // 2024-04, agriculture 2024-02, all over two years, or in a category no longer in force). The versions
    // in force on 2026-08-07 per categories.json: the 2026 lists from 2026-02-18; French 2026-v2 (first
    // round 394 of 2026-02-06); physicians 2026-v1 from 2025-12-08. Education last drew under 2025-v1 (round
    // 367, 2025-09-17), but its next round falls under the 2026 list.
    expect(versions).toEqual({
      cec: null,
      pnp: null,
      "healthcare-social-services": "2026-v3",
      "french-language-proficiency": "2026-v2",
      trades: "2026-v3",
      transport: "2026-v2",
      education: "2026",
      "physicians-canadian-work-experience": "2026-v1",
      "senior-managers-canadian-work-experience": "2026-v1",
      "skilled-military-recruits": "2026-v1",
    });
    // As of the earlier snapshot's last day, education's list was still 2025-v1.
    const in2025 = buildForecastModel(real, "2025-11-14");
    expect(in2025.streams.find((s) => s.key === "education")?.stream.version).toBe("2025-v1");
  });
});

describe("schedule", () => {
  // A stream drawing every other Wednesday.
  const wednesdays = ["2025-01-08", "2025-01-22", "2025-02-05", "2025-02-19", "2025-03-05"];
  it("continues a regular rhythm on the stream's weekday", () => {
    const rounds = wednesdays.map((d) => round("cec", d, 530));
    const model = buildForecastModel(rounds, "2025-03-05");
    const cec = model.streams.find((s) => s.key === "cec")!;
    expect(cec.schedule.gapWeeks).toBe(2);
    expect(isoFromDay(cec.schedule.nextDay)).toBe("2025-03-19");
  });

  it("has the stream join a draw week another stream opened, when it always has", () => {
    // PNP on Mondays, CEC the next day, every other week; as of a PNP Monday, CEC is due tomorrow.
    const mondays = ["2025-01-06", "2025-01-20", "2025-02-03", "2025-02-17", "2025-03-03", "2025-03-17"];
    const rounds = mondays.flatMap((m, i) => [
      round("pnp", m, 750),
      ...(i < mondays.length - 1 ? [round("cec", addDays(m, 1), 530)] : []),
    ]);
    const model = buildForecastModel(rounds, "2025-03-17");
    const cec = model.streams.find((s) => s.key === "cec")!;
    expect(cec.schedule.joinProbability).toBe(1);
    expect(isoFromDay(cec.schedule.nextDay)).toBe("2025-03-18");
  });

  it("learns the year-end pause from the real history and skips it", () => {
    const pause = yearEndPause(real);
    // Rounds were held on 22 December 2021 and 5 January 2022, never in between.
    expect(pause.has(1222)).toBe(false);
    expect(pause.has(1225)).toBe(true);
    expect(pause.has(1231)).toBe(true);
    expect(pause.has(105)).toBe(false);
    const rounds = real.filter((r) => r.date < "2025-01-01");
    const pnpBefore = buildForecastModel(rounds, "2024-12-16").streams.find((s) => s.key === "pnp")!;
    // PNP drew on 2024-12-16 every other week: 2024-12-30 falls in the pause, so the next Monday after it.
    expect(isoFromDay(pnpBefore.schedule.nextDay)).toBe("2025-01-06");
  });

  it("takes no rhythm from a silence of more than two years", () => {
    // CEC drew on 2015-02-20 and next on 2020-03-23: 266 weeks is a reopening, not a spacing. With no
    // spacing left the stream is given two weeks, not a next round in 2025.
    const cec = buildForecastModel(real, "2020-03-23").streams.find((s) => s.key === "cec")!;
    expect(cec.schedule.gapWeeks).toBe(2);
    expect(isoFromDay(cec.schedule.laterDay) < "2020-04-23").toBe(true);
  });

  it("drops streams silent for two years (FSW-only rounds ended in 2023)", () => {
    const model = buildForecastModel(real, "2025-11-14");
    expect(model.streams.map((s) => s.key)).not.toContain("fsw");
    expect(model.streams.map((s) => s.key)).toContain("pnp");
  });
});

describe("cut-off model", () => {
  it("forecasts a constant cut-off exactly, with no spread", () => {
    const rounds = ["2025-01-08", "2025-01-22", "2025-02-05", "2025-02-19", "2025-03-05", "2025-03-19"].map(
      (d) => round("cec", d, 533),
    );
    const m = cutoffModel(rounds, rounds);
    expect(m.next).toBe(533);
    expect(new Set(m.errors)).toEqual(new Set([0]));
  });

  it("reverts to the mean when cut-offs alternate (hand-worked AR(1))", () => {
    // 500, 510, 500, 510: mean 505; lag-1 covariance −75 against variance 100 → persistence 0.
    const rounds = ["2025-01-08", "2025-01-22", "2025-02-05", "2025-02-19"].map((d, i) =>
      round("cec", d, i % 2 ? 510 : 500),
    );
    const m = cutoffModel(rounds, rounds);
    expect(m.mean).toBe(505);
    expect(m.persistence).toBe(0);
    // The AR(1) candidate; the model itself picks among candidates (predictors.test.ts).
    expect(ar1Cutoff(rounds, rounds)).toBe(505);
  });

  it("carries the last cut-off up when the pool above it has refilled", () => {
    // Last round: 300 candidates at 481–500 before it, cut-off 491 (100 at or above). Since then the
    // 491–500 band has grown to 200: the same 100 invitations now reach 496.
    const before = pool("2025-01-20", { r491to500: 100, r481to490: 200 });
    const after = pool("2025-02-01", { r491to500: 200, r481to490: 200 });
    const last = round("cec", "2025-01-22", 491, 100, before);
    const later = round("pnp", "2025-02-03", 750, 500, after);
    const m = cutoffModel([last], [last, later]);
    expect(m.start).toBe(496);
  });
});

describe("invitation probability", () => {
  const model = buildForecastModel(real, "2025-11-14");
  const options = { paths: 2000, seed: 7 };

  it("is certain for a nominee far above every PNP cut-off, and nil when eligible for nothing", () => {
    const high = invitationProbability(model, { score: 1200, eligibleStreams: ["pnp"] }, options);
    // PNP draws every other week and has drawn in every such window: the next round invites.
    expect(high.within.find((w) => w.weeks === 26)!.probability).toBeGreaterThan(0.99);
    const none = invitationProbability(model, { score: 1200, eligibleStreams: [] }, options);
    expect(none.within.every((w) => w.probability === 0)).toBe(true);
  });

  it("never falls with a longer horizon or a higher score, and is reproducible", () => {
    fc.assert(
      fc.property(fc.integer({ min: 380, max: 560 }), fc.integer({ min: 1, max: 60 }), (score, extra) => {
        const c = {
          score,
          eligibleStreams: ["cec", "french-language-proficiency", "healthcare-social-services"],
        };
        const a = invitationProbability(model, c, options);
        const b = invitationProbability(model, { ...c, score: score + extra }, options);
        for (let k = 1; k < a.within.length; k++)
          expect(a.within[k]!.probability).toBeGreaterThanOrEqual(a.within[k - 1]!.probability);
        // Same seed, same futures: a higher score is invited in every path a lower one is.
        a.within.forEach((w, k) => {
          expect(b.within[k]!.probability).toBeGreaterThanOrEqual(w.probability);
        });
        expect(invitationProbability(model, c, options)).toEqual(a);
      }),
      { numRuns: 10 },
    );
  });

  it("says which eligible streams it cannot forecast", () => {
    const r = invitationProbability(model, { score: 500, eligibleStreams: ["fsw", "cec"] }, options);
    expect(r.unforecastStreams).toEqual(["fsw"]);
  });
});

describe("backtest", () => {
  /** A CEC row of the backtest, exact and with no error, but for the fields a test sets. */
  const backtestRow = (fields: Partial<BacktestRow> & { date: string }): BacktestRow => ({
    round: fields.date,
    stream: { kind: "program", id: "cec", version: null },
    forecastOn: fields.date,
    previousDate: fields.date,
    predictedDate: fields.date,
    cutoff: 500,
    predicted: { p10: 490, p50: 500, p90: 510 },
    method: "last",
    candidates: Object.fromEntries(predictorNames.map((name) => [name, 500])) as Predictions,
    joinDate: null,
    laterDate: fields.date,
    naive: { date: fields.date, cutoff: 500 },
    brier: 0,
    naiveBrier: 0,
    ...fields,
  });

  it("never lets a forecast see its own round or a later one", () => {
    const report = backtest(real, { from: "2025-06-01" });
    expect(report.rows.length).toBeGreaterThan(20);
    for (const row of report.rows) expect(row.forecastOn < row.date).toBe(true);
    // Changing a round, and everything after it, leaves its own forecast unchanged.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: report.rows.length - 1 }),
        fc.integer({ min: 1, max: 200 }),
        (k, shift) => {
          const row = report.rows[k]!;
          const altered: CompleteRound[] = real.map((r) =>
            r.date >= row.date ? { ...r, cutoff: r.cutoff + shift } : r,
          );
          const again = backtest(altered, { from: row.date, to: row.date }).rows.find(
            (r) => r.round === row.round,
          )!;
          expect(again.predicted).toEqual(row.predicted);
          expect(again.predictedDate).toBe(row.predictedDate);
          expect(again.cutoff).toBe(row.cutoff + shift);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("scores rows with the hand-computed errors", () => {
    const rows = [
      backtestRow({
        date: "2025-01-10",
        predictedDate: "2025-01-08",
        cutoff: 500,
        predicted: { p10: 480, p50: 490, p90: 510 },
        naive: { date: "2025-01-15", cutoff: 520 },
        brier: 0.1,
        naiveBrier: 0.3,
      }),
      backtestRow({
        date: "2025-01-24",
        predictedDate: "2025-01-24",
        cutoff: 530,
        predicted: { p10: 490, p50: 500, p90: 520 },
        naive: { date: "2025-01-24", cutoff: 500 },
        brier: 0.3,
        naiveBrier: 0.5,
      }),
    ];
    const s = scoreRows(rows);
    expect(s.dateMae).toBe(1); // (2 + 0) / 2
    expect(s.cutoffMae).toBe(20); // (10 + 30) / 2
    expect(s.coverage80).toBe(0.5); // 500 inside 480–510, 530 outside 490–520
    expect(s.brier).toBeCloseTo(0.2);
    expect(s.naive.cutoffMae).toBe(25); // (20 + 30) / 2
    expect(s.naive.dateMae).toBe(2.5); // (5 + 0) / 2
  });

  it("scores join forecasts on every week under way, joined or not", () => {
    const s = scoreJoins([
      { p: 0.8, joined: true },
      { p: 0.6, joined: false },
      { p: 0.1, joined: false },
    ]);
    expect(s.cases).toBe(3);
    expect(s.expected).toBeCloseTo(1.5); // 0.8 + 0.6 + 0.1
    expect(s.joined).toBe(1);
    expect(s.brier).toBeCloseTo((0.04 + 0.36 + 0.01) / 3); // 0.2², 0.6², 0.1²
  });

  it("judges the joins of the real history, including the weeks a stream did not join", () => {
    const report = backtest(real, { from: "2025-09-01" });
    // Weeks under way are far more common than joins: most cases must be non-joins.
    expect(report.joins.cases).toBeGreaterThan(report.joins.joined);
    expect(report.joins.joined).toBeGreaterThan(0);
  });

  it("splits the date errors by cause", () => {
    const row = (previousDate: string, forecastOn: string, date: string, predictedDate: string) =>
      backtestRow({ previousDate, forecastOn, date, predictedDate });
    const rows = [
      row("2024-12-27", "2025-01-08", "2025-01-10", "2025-01-10"), // exact
      row("2024-10-01", "2025-01-08", "2025-01-10", "2025-01-16"), // 14 weeks silent: 6 days
      row("2024-12-23", "2025-01-06", "2025-01-07", "2025-01-14"), // Monday's week, joined Tuesday: 7 days
      row("2024-12-27", "2025-01-08", "2025-01-17", "2025-01-10"), // a week late: 7 days
      row("2024-12-27", "2025-01-03", "2025-01-08", "2025-01-10"), // 2 days early, not the week under way
    ];
    expect(rows.map(dateMiss)).toEqual([
      "exact",
      "resumed after a silence",
      "joined the week under way",
      "later than forecast",
      "earlier than forecast",
    ]);
    expect(dateMisses([...rows, rows[2]!])).toEqual([
      { cause: "exact", rounds: 1, days: 0 },
      { cause: "resumed after a silence", rounds: 1, days: 6 },
      { cause: "joined the week under way", rounds: 2, days: 14 },
      { cause: "later than forecast", rounds: 1, days: 7 },
      { cause: "earlier than forecast", rounds: 1, days: 2 },
    ]);
  });
});
