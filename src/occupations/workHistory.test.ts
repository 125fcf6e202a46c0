import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { profile as profileSchema, type WorkPeriod, workPeriod } from "../profile/schema.js";
import { noc2021Csv } from "./data/noc2021.js";
import { isSkilled, isSkilledTrade, nocByCode, nocUnitGroups, searchNoc } from "./noc.js";
import { cecEligibility } from "./programs.js";
import {
  addYears,
  continuousRuns,
  countedHours,
  crsExperienceYears,
  dayNumber,
  isoFromDay,
  longestRun,
  longestRunHoursByOccupation,
  withExperienceFromHistory,
  yearsBefore,
} from "./workHistory.js";

const job = (p: Partial<WorkPeriod> & { from: string; to: string | null }): WorkPeriod =>
  workPeriod.parse({ noc: "21231", hoursPerWeek: 30, country: "CA", ...p });

describe("NOC 2021", () => {
  it("embeds the CSV verbatim", () => {
    expect(noc2021Csv).toBe(readFileSync(new URL("./data/noc2021.csv", import.meta.url), "utf8"));
  });

  it("has the 516 unit groups and keeps leading zeros", () => {
    expect(nocUnitGroups).toHaveLength(516);
    expect(nocByCode("00010")?.title).toBe("Legislators");
    expect(nocByCode("31301")).toMatchObject({ teer: 1, broadCategory: 3 });
  });

  it("parses quoted titles containing commas", () => {
    expect(nocByCode("00012")?.title).toBe(
      "Senior managers - financial, communications and other business services",
    );
  });

  it("finds by title word prefixes, ignoring case and accents", () => {
    expect(searchNoc("registered nurse").map((g) => g.code)).toContain("31301");
    expect(searchNoc("ELECTRICIANS").map((g) => g.code)).toContain("72200");
    expect(searchNoc("zzzz")).toEqual([]);
  });

  it("finds by code prefix", () => {
    expect(searchNoc("3130").map((g) => g.code)).toEqual(["31300", "31301", "31302", "31303"]);
  });

  it("TEER 0–3 are skilled, 4–5 are not", () => {
    expect(isSkilled("31301")).toBe(true);
    expect(isSkilled("63200")).toBe(true); // cooks, TEER 3
    expect(isSkilled("65201")).toBe(false); // TEER 5
  });

  it("skilled trades follow IRPR 87.2(1): 96 unit groups, 67 TEER 2 and 29 TEER 3 (programs.md §4)", () => {
    const trades = nocUnitGroups.filter((g) => isSkilledTrade(g.code));
    expect(trades).toHaveLength(96);
    expect(trades.filter((g) => g.teer === 2)).toHaveLength(67);
    expect(trades.filter((g) => g.teer === 3)).toHaveLength(29);
    expect(isSkilledTrade("72600")).toBe(false); // sub-major group 726 excluded
    expect(isSkilledTrade("93200")).toBe(false); // sub-major group 932 excluded
    expect(isSkilledTrade("62200")).toBe(true); // chefs
    expect(isSkilledTrade("63202")).toBe(true); // bakers (minor group 6320)
  });
});

describe("work-history arithmetic (30 h/week cap, 1,560 h a year)", () => {
  const year2024 = { from: "2024-01-01", to: "2024-12-31" };

  it("a full-time calendar year: 366 days × 30/7 = 1,568.57 h", () => {
    expect(countedHours([job({ ...year2024 })], year2024)).toBeCloseTo((366 * 30) / 7, 6);
  });

  it("hours above 30 a week are not counted: 60 h/week for 184 days counts as 30", () => {
    const half = { from: "2024-07-01", to: "2024-12-31" };
    expect(countedHours([job({ ...half, hoursPerWeek: 60 })], half)).toBeCloseTo((184 * 30) / 7, 6);
  });

  it("part-time adds up: 15 h/week for 731 days = 1,566.4 h", () => {
    const twoYears = { from: "2023-01-01", to: "2024-12-31" };
    expect(countedHours([job({ ...twoYears, hoursPerWeek: 15 })], twoYears)).toBeCloseTo((731 * 15) / 7, 6);
  });

  it("two concurrent 20 h jobs count 30 h a week together, not 40", () => {
    const a = job({ ...year2024, hoursPerWeek: 20 });
    const b = job({ ...year2024, hoursPerWeek: 20, noc: "21232" });
    expect(countedHours([a, b], year2024)).toBeCloseTo((366 * 30) / 7, 6);
  });

  it("clips to the window and runs an open period to the window's end", () => {
    const w = { from: "2024-12-01", to: "2024-12-10" };
    expect(countedHours([job({ from: "2020-01-01", to: null })], w)).toBeCloseTo((10 * 30) / 7, 6);
  });

  it("the N years before a date start on the same calendar day", () => {
    expect(yearsBefore("2025-03-01", 3)).toEqual({ from: "2022-03-01", to: "2025-03-01" });
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
  });

  it("joins touching periods of one occupation into one continuous run, and splits at a gap", () => {
    const w = { from: "2020-01-01", to: "2025-01-01" };
    const runs = continuousRuns(
      [
        job({ from: "2024-01-01", to: "2024-03-31" }),
        job({ from: "2024-04-01", to: "2024-06-30" }),
        job({ from: "2024-08-01", to: "2024-08-31" }),
      ],
      w,
    );
    expect(runs.map((r) => [r.from, r.to])).toEqual([
      ["2024-01-01", "2024-06-30"],
      ["2024-08-01", "2024-08-31"],
    ]);
    expect(runs[0]!.hours).toBeCloseTo((182 * 30) / 7, 6); // 91 + 91 days
  });

  it("CRS years: Canadian counts like CEC (no self-employment), foreign abroad, both within 10 years", () => {
    const history = [
      job({ from: "2022-01-01", to: "2024-12-31" }), // 1,096 days in Canada: 3 years (4,697 h)
      job({ from: "2023-01-01", to: "2023-12-31", selfEmployed: true, noc: "21232" }), // not counted
      job({ from: "2013-06-01", to: "2016-05-31", country: "IN" }), // 3 years abroad, but partly > 10 years back
    ];
    // Window 2015-01-15..2025-01-15: abroad 2015-01-15..2016-05-31 = 503 days = 2,155.7 h → 1 year.
    expect(crsExperienceYears(history, "2025-01-15")).toEqual({ canadianWorkYears: 3, foreignWorkYears: 1 });
  });

  it("unskilled (TEER 4–5) work does not count for the CRS", () => {
    const history = [job({ from: "2020-01-01", to: "2024-12-31", noc: "65201" })];
    expect(crsExperienceYears(history, "2025-01-15")).toEqual({ canadianWorkYears: 0, foreignWorkYears: 0 });
  });

  it("the year fields stay when no history is given", () => {
    const p = { canadianWorkYears: 2, foreignWorkYears: 1, assessedOn: "2025-01-01" };
    expect(withExperienceFromHistory(p)).toBe(p);
  });

  it("law: counted hours never exceed 30/7 per day of the window, and adding a period never lowers them", () => {
    const day = fc.integer({ min: 0, max: 2000 });
    const period = fc.record({
      start: day,
      length: fc.integer({ min: 0, max: 800 }),
      hours: fc.integer({ min: 1, max: 80 }),
    });
    const iso = (d: number) => new Date(Date.UTC(2019, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(period, { maxLength: 6 }), period, (list, extra) => {
        const toPeriod = (x: { start: number; length: number; hours: number }) =>
          job({ from: iso(x.start), to: iso(x.start + x.length), hoursPerWeek: x.hours });
        const w = { from: "2019-01-01", to: "2025-12-31" };
        const base = countedHours(list.map(toPeriod), w);
        const more = countedHours([...list, extra].map(toPeriod), w);
        const days = 2557;
        return base <= (days * 30) / 7 + 1e-6 && more >= base - 1e-6;
      }),
    );
  });
});

describe("52 weeks are exactly 1 year however the days are split", () => {
  // 2024-06-02..2025-05-31 is 364 days = 52 weeks; at 30 h/week that is 52 × 30 = 1,560 h exactly. Split at
  // 2024-06-07 into two touching periods, the sum used to come out as 1,559.9999999999998 h (30/7 per day,
  // added segment by segment) and failed the CEC year that one 364-day period passed.
  const window = { from: "2022-06-01", to: "2025-06-01" };
  const split = [
    job({ from: "2024-06-02", to: "2024-06-06", hoursPerWeek: 40 }),
    job({ from: "2024-06-07", to: "2025-05-31", hoursPerWeek: 40 }),
  ];
  it("counted hours and the continuous run: 1,560 h", () => {
    expect(countedHours(split, window)).toBe(1560);
    expect(longestRun(split, window)).toMatchObject({ from: "2024-06-02", to: "2025-05-31", hours: 1560 });
    // A concurrent 10 h/week job adds nothing: the week is already at 30 h.
    const withSecondJob = [
      ...split,
      job({ noc: "21232", from: "2024-06-07", to: "2025-05-31", hoursPerWeek: 10 }),
    ];
    expect(countedHours(withSecondJob, window)).toBe(1560);
  });
  it("meets the CEC year, as a single 364-day period does", () => {
    const clb9 = {
      first: { language: "english" as const, levels: { speaking: 9, listening: 9, reading: 9, writing: 9 } },
      second: null,
      spouse: null,
    };
    const profile = (workHistory: WorkPeriod[]) =>
      profileSchema.parse({
        age: 30,
        education: "bachelors",
        firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
        workHistory,
      });
    expect(cecEligibility(profile(split), clb9, "2025-06-01").eligible).toBe(true);
    const single = [job({ from: "2024-06-02", to: "2025-05-31", hoursPerWeek: 40 })];
    expect(cecEligibility(profile(single), clb9, "2025-06-01").eligible).toBe(true);
  });
});

describe("day numbers", () => {
  it("count days from 1970-01-01 as the calendar does", () => {
    // Worked by hand: 1970 has 365 days; 2000 is a leap year (divisible by 400), 1900 and 2100 are not.
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1971-01-01")).toBe(365);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2);
    expect(dayNumber("2100-03-01") - dayNumber("2100-02-28")).toBe(1);
    expect(dayNumber("1900-03-01") - dayNumber("1900-02-28")).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: -60_000, max: 60_000 }), (day) => {
        expect(dayNumber(isoFromDay(day))).toBe(day);
        expect(dayNumber(isoFromDay(day))).toBe(Date.parse(`${isoFromDay(day)}T00:00:00Z`) / 86_400_000);
      }),
      { numRuns: 3000 },
    );
  });

  it("give each occupation's longest run the hours `longestRun` gives it", () => {
    const history = [
      job({ noc: "21231", from: "2020-01-01", to: "2020-06-30" }),
      job({ noc: "21231", from: "2020-07-01", to: "2021-03-31" }), // touches the first: one run
      job({ noc: "21231", from: "2022-01-01", to: "2022-02-28" }),
      job({ noc: "31301", from: "2023-01-01", to: null, hoursPerWeek: 45 }),
    ];
    const window = yearsBefore("2025-06-01", 10);
    const runs = longestRunHoursByOccupation(history, window);
    // 2020-01-01 to 2021-03-31 is 456 days at 30 h/week: 456 × 30 / 7 h.
    expect(runs.get("21231")).toBeCloseTo((456 * 30) / 7, 9);
    for (const noc of ["21231", "31301"])
      expect(runs.get(noc)).toBe(
        longestRun(
          history.filter((p) => p.noc === noc),
          window,
        )!.hours,
      );
  });
});
