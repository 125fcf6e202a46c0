// Worked examples for each program's edges (docs/sources/programs.md), arithmetic written out by hand.
import { describe, expect, it } from "vitest";
import {
  type CandidateLanguages,
  cecEligibility,
  fstEligibility,
  fswAgePoints,
  fswEligibility,
  fswGrid,
  type OfficialLanguageLevels,
  pnpEligibility,
  programEligibility,
} from "./programs.js";
import { requiredFunds } from "./proofOfFunds.js";
import { profileWith } from "./testProfiles.js";

const english = (s: number, l: number, r: number, w: number): OfficialLanguageLevels => ({
  language: "english",
  levels: { speaking: s, listening: l, reading: r, writing: w },
});
const langs = (
  first: OfficialLanguageLevels,
  second: OfficialLanguageLevels | null = null,
): CandidateLanguages => ({
  first,
  second,
  spouse: null,
});
const clb = (n: number) => langs(english(n, n, n, n));

describe("FSW: the 67-point grid", () => {
  // Age 30 → 12; bachelor's (3+ years) → 21; CLB 7 in four abilities → 4 × 4 = 16; 2020-01-01..2024-06-30 at
  // 40 h/week is 1,643 days × 30/7 = 7,041 h → 4 years → 13; relative in Canada → adaptability 5.
  // 12 + 21 + 16 + 13 + 0 + 5 = 67. At age 36 the age factor is 11, so 66.
  const base = {
    education: "bachelors" as const,
    relativeInCanada: true,
    settlementFundsCad: 20000,
    familySize: 1,
    workHistory: [{ noc: "21231", from: "2020-01-01", to: "2024-06-30", hoursPerWeek: 40, country: "IN" }],
  };
  const date = "2025-01-15";

  it("67 points: eligible", () => {
    const p = profileWith({ ...base, age: 30 });
    const grid = fswGrid(p, clb(7), date);
    expect(grid).toMatchObject({
      age: 12,
      education: 21,
      language: 16,
      experience: 13,
      arrangedEmployment: 0,
    });
    expect(grid.adaptability).toBe(5);
    expect(grid.total).toBe(67);
    const r = fswEligibility(p, clb(7), date);
    expect(r.eligible).toBe(true);
  });

  it("66 points: not eligible, and the reason gives the grid", () => {
    const p = profileWith({ ...base, age: 36 });
    expect(fswGrid(p, clb(7), date).total).toBe(66);
    const r = fswEligibility(p, clb(7), date);
    expect(r.eligible).toBe(false);
    expect(r.reasons.join(" ")).toContain("66/100 < 67");
  });

  it("age points: 12 to 35, one less a year, none from 47", () => {
    expect([17, 18, 35, 36, 40, 46, 47].map(fswAgePoints)).toEqual([0, 12, 12, 11, 7, 1, 0]);
  });

  it("adaptability is capped at 10 (Canadian work 10 + relative 5 + study 5)", () => {
    const p = profileWith({
      relativeInCanada: true,
      canadianStudy: true,
      workHistory: [
        { noc: "21231", from: "2023-01-01", to: "2024-12-31", hoursPerWeek: 37.5, country: "CA" },
      ],
    });
    expect(fswGrid(p, clb(7), "2025-01-15").adaptability).toBe(10);
  });

  it("spouse's language: 5 adaptability points for an accompanying spouse only (§2.2 Factor 6)", () => {
    const spouseClb5 = { ...clb(7), spouse: english(5, 5, 5, 5) };
    const spouse = (accompanying: boolean) =>
      profileWith({
        spouse: {
          accompanying,
          firstLanguage: { test: "clb", listening: 5, reading: 5, writing: 5, speaking: 5 },
        },
      });
    expect(fswGrid(spouse(true), spouseClb5, "2025-01-15").adaptability).toBe(5);
    expect(fswGrid(spouse(false), spouseClb5, "2025-01-15").adaptability).toBe(0);
  });

  it("second official language: 4 points only with CLB/NCLC 5 in all four", () => {
    const french = (n: number): OfficialLanguageLevels => ({
      language: "french",
      levels: { speaking: n, listening: n, reading: n, writing: 5 },
    });
    const p = profileWith({});
    expect(fswGrid(p, langs(english(9, 9, 9, 9), french(6)), date).language).toBe(24 + 4);
    expect(
      fswGrid(
        p,
        langs(english(9, 9, 9, 9), { ...french(6), levels: { ...french(6).levels, writing: 4 } }),
        date,
      ).language,
    ).toBe(24);
  });

  it("needs 1 continuous year in one occupation: two 8-month jobs in different occupations are not enough", () => {
    const p = profileWith({
      ...base,
      workHistory: [
        { noc: "21231", from: "2023-01-01", to: "2023-08-31", hoursPerWeek: 40, country: "IN" },
        { noc: "21232", from: "2023-09-01", to: "2024-04-30", hoursPerWeek: 40, country: "IN" },
      ],
    });
    const r = fswEligibility(p, clb(9), date);
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]).toMatch(/longest is 2123[12]/);
  });

  it("below CLB 7 in one ability is not eligible", () => {
    const r = fswEligibility(profileWith({ ...base }), langs(english(7, 7, 7, 6)), date);
    expect(r.eligible).toBe(false);
  });

  it("without a work history the continuity cannot be checked: unknown", () => {
    const r = fswEligibility(
      profileWith({ foreignWorkYears: 3, settlementFundsCad: 20000, familySize: 1 }),
      clb(9),
      date,
    );
    expect(r.eligible).toBe("unknown");
  });
});

describe("proof of funds by date (programs.md §2.3)", () => {
  it("2024 table until 2025-07-06, 2025 table from 2025-07-07", () => {
    expect(requiredFunds(1, "2025-07-06")).toMatchObject({ known: true, amount: 14690 });
    expect(requiredFunds(1, "2025-07-07")).toMatchObject({ known: true, amount: 15263 });
    expect(requiredFunds(4, "2025-08-01")).toMatchObject({ known: true, amount: 28362 });
  });

  it("the 2024 table's start is not recorded: known from 2024-12-31 (it is the 2024 update), unknown before", () => {
    // programs.md §2.3 gives the 2024 table an end (2025-07-06) but no start; on 2024-03-01 it or the
    // earlier table applied, so CAD 14,000 for one person can be neither a pass nor a fail.
    expect(requiredFunds(1, "2024-12-31")).toMatchObject({ known: true, amount: 14690 });
    const early = requiredFunds(1, "2024-03-01");
    expect(early.known).toBe(false);
    if (!early.known) expect(early.reason).toContain("start date is not recorded");
    const p = profileWith({
      settlementFundsCad: 14000,
      familySize: 1,
      workHistory: [{ noc: "21231", from: "2018-01-01", to: "2023-12-31", hoursPerWeek: 40, country: "IN" }],
    });
    const fsw = fswEligibility(p, clb(9), "2024-03-01");
    expect(fsw.eligible).toBe("unknown");
    expect(fsw.reasons.find((x) => x.startsWith("proof of funds"))).toContain("not in the sources");
  });

  it("beyond 7 members, each additional member adds 4,112: 9 members = 40,392 + 2 × 4,112 = 48,616", () => {
    expect(requiredFunds(9, "2025-08-01")).toMatchObject({ known: true, amount: 48616 });
  });

  it("the 2026 amounts are unknown: says so instead of guessing", () => {
    const r = requiredFunds(1, "2026-09-01");
    expect(r.known).toBe(false);
    if (!r.known) expect(r.reason).toContain("not in the sources");
  });

  it("FSW with enough funds for the 2025 table but assessed in late 2026: unknown", () => {
    const p = profileWith({
      settlementFundsCad: 99999,
      familySize: 1,
      workHistory: [{ noc: "21231", from: "2020-01-01", to: "2025-06-30", hoursPerWeek: 40, country: "IN" }],
    });
    expect(fswEligibility(p, clb(9), "2026-09-01").eligible).toBe("unknown");
  });

  it("no funds needed when authorized to work in Canada with a job offer", () => {
    const p = profileWith({
      authorizedToWorkInCanada: true,
      jobOffer: "other",
      workHistory: [{ noc: "21231", from: "2020-01-01", to: "2025-06-30", hoursPerWeek: 40, country: "IN" }],
    });
    expect(fswEligibility(p, clb(9), "2026-09-01").eligible).toBe(true);
  });
});

describe("CEC (programs.md §3)", () => {
  const date = "2025-03-01";
  const canada = (from: string, to: string, extra: Record<string, unknown> = {}) =>
    profileWith({ workHistory: [{ noc: "21231", from, to, hoursPerWeek: 37.5, country: "CA", ...extra }] });

  it("12 months in Canada (2024-01-01..2024-12-31: 366 days × 30/7 = 1,568.6 h ≥ 1,560): eligible", () => {
    expect(cecEligibility(canada("2024-01-01", "2024-12-31"), clb(7), date).eligible).toBe(true);
  });

  it("11 months (2024-01-01..2024-11-30: 335 days × 30/7 = 1,435.7 h): not eligible", () => {
    const r = cecEligibility(canada("2024-01-01", "2024-11-30"), clb(7), date);
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]).toContain("1,436 h");
  });

  it("work older than 3 years does not count", () => {
    expect(cecEligibility(canada("2021-01-01", "2021-12-31"), clb(9), date).eligible).toBe(false);
  });

  it("self-employment and work while a full-time student do not count", () => {
    expect(
      cecEligibility(canada("2024-01-01", "2024-12-31", { selfEmployed: true }), clb(9), date).eligible,
    ).toBe(false);
    expect(
      cecEligibility(canada("2024-01-01", "2024-12-31", { whileFullTimeStudent: true }), clb(9), date)
        .eligible,
    ).toBe(false);
  });

  it("TEER 0–1 experience needs CLB 7; TEER 2–3 needs CLB 5", () => {
    expect(cecEligibility(canada("2024-01-01", "2024-12-31"), clb(6), date).eligible).toBe(false);
    const teer2 = profileWith({
      workHistory: [{ noc: "72200", from: "2024-01-01", to: "2024-12-31", hoursPerWeek: 40, country: "CA" }],
    });
    expect(cecEligibility(teer2, clb(5), date).eligible).toBe(true);
    expect(cecEligibility(teer2, clb(4), date).eligible).toBe(false);
  });

  it("a year mixing TEER 1 and TEER 2 work with CLB 6: the sources do not settle it, so unknown", () => {
    const mixed = profileWith({
      workHistory: [
        { noc: "21231", from: "2024-01-01", to: "2024-06-30", hoursPerWeek: 40, country: "CA" },
        { noc: "72200", from: "2024-07-01", to: "2024-12-31", hoursPerWeek: 40, country: "CA" },
      ],
    });
    expect(cecEligibility(mixed, clb(6), date).eligible).toBe("unknown");
  });

  it("not for someone who intends to live in Quebec", () => {
    const p = { ...canada("2024-01-01", "2024-12-31"), intendsToLiveInQuebec: true };
    expect(cecEligibility(p, clb(9), date).eligible).toBe(false);
  });
});

describe("FST (programs.md §4)", () => {
  const date = "2025-03-01";
  // Electrician (72200) 2022-01-01..2024-12-31: 1,096 days × 30/7 = 4,697 h ≥ 3,120 (2 years), within 5 years.
  const trade = {
    settlementFundsCad: 20000,
    familySize: 1,
    workHistory: [{ noc: "72200", from: "2022-01-01", to: "2024-12-31", hoursPerWeek: 40, country: "PH" }],
  };
  const fstLanguage = langs(english(5, 5, 4, 4));

  it("with a certificate of qualification: eligible (CLB 5/5/4/4 is enough)", () => {
    expect(
      fstEligibility(profileWith({ ...trade, certificateOfQualification: true }), fstLanguage, date).eligible,
    ).toBe(true);
  });

  it("without a certificate or a job offer: not eligible", () => {
    const r = fstEligibility(profileWith(trade), fstLanguage, date);
    expect(r.eligible).toBe(false);
    expect(r.reasons.join(" ")).toContain("certificate of qualification or a job offer");
  });

  it("a job offer in the trade replaces the certificate; one outside the trades does not", () => {
    expect(
      fstEligibility(profileWith({ ...trade, jobOffer: "other", jobOfferNoc: "72200" }), fstLanguage, date)
        .eligible,
    ).toBe(true);
    expect(
      fstEligibility(profileWith({ ...trade, jobOffer: "other", jobOfferNoc: "21231" }), fstLanguage, date)
        .eligible,
    ).toBe(false);
  });

  it("2 years in the trade but 6 years ago: outside the 5-year window (2020-03-01 to 2025-03-01), said so", () => {
    const old = profileWith({
      ...trade,
      certificateOfQualification: true,
      workHistory: [{ noc: "72200", from: "2017-01-01", to: "2018-12-31", hoursPerWeek: 40, country: "PH" }],
    });
    const r = fstEligibility(old, fstLanguage, date);
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]).toContain("no skilled-trade work in that window");
    expect(r.reasons[0]).toContain("2020-03-01 to 2025-03-01");
  });

  it("speaking 4 is below the FST minimum of 5", () => {
    const p = profileWith({ ...trade, certificateOfQualification: true });
    expect(fstEligibility(p, langs(english(4, 5, 4, 4)), date).eligible).toBe(false);
  });

  it("1 year and 11 months in the trade (2023-02-01..2024-12-31, 700 days = 3,000 h) is short of 2 years", () => {
    const p = profileWith({
      ...trade,
      certificateOfQualification: true,
      workHistory: [{ noc: "72200", from: "2023-02-01", to: "2024-12-31", hoursPerWeek: 40, country: "PH" }],
    });
    expect(fstEligibility(p, fstLanguage, date).eligible).toBe(false);
  });
});

describe("PNP (programs.md §5)", () => {
  it("needs a nomination and one of FSW, CEC or FST", () => {
    const cec = profileWith({
      provincialNomination: true,
      workHistory: [{ noc: "21231", from: "2024-01-01", to: "2024-12-31", hoursPerWeek: 40, country: "CA" }],
    });
    const results = programEligibility(cec, clb(7), "2025-03-01");
    expect(results.map((r) => [r.program, r.eligible])).toEqual([
      ["fsw", "unknown"], // funds not given
      ["cec", true],
      ["fst", false],
      ["pnp", true],
    ]);
    expect(pnpEligibility({ ...cec, provincialNomination: false }, results.slice(0, 3)).eligible).toBe(false);
  });

  it("a nomination alone is not enough", () => {
    const nominee = profileWith({ provincialNomination: true });
    const r = programEligibility(nominee, clb(7), "2025-03-01").find((x) => x.program === "pnp")!;
    expect(r.eligible).toBe(false);
  });
});
