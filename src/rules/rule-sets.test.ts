// Every table of every rule set pinned against IRCC's published grid (docs/sources/crs-rules.md).
// The expected numbers are typed here from the grid, not read from the data files.
import { describe, expect, it } from "vitest";
import { FieldError } from "../profile/errors.js";
import { educationLevels } from "../profile/schema.js";
import { bandFor, ruleSetFor, unconfirmedChangeOn } from "./calculator.js";
import { ruleSets } from "./data/rule-sets.js";

// Age 17..46, grid columns WS / S
const ageWithSpouse = [
  0, 90, 95, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 95, 90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 35,
  25, 15, 5, 0, 0,
];
const ageSingle = [
  0, 99, 105, 110, 110, 110, 110, 110, 110, 110, 110, 110, 110, 105, 99, 94, 88, 83, 77, 72, 66, 61, 55, 50,
  39, 28, 17, 6, 0, 0,
];
// education in schema order: less-than-secondary, secondary, one-year, two-year, bachelors, two-or-more, masters, doctoral
const educationWithSpouse = [0, 28, 84, 91, 112, 119, 126, 140];
const educationSingle = [0, 30, 90, 98, 120, 128, 135, 150];
// first language per ability, CLB 0..12
const firstWithSpouse = [0, 0, 0, 0, 6, 6, 8, 16, 22, 29, 32, 32, 32];
const firstSingle = [0, 0, 0, 0, 6, 6, 9, 17, 23, 31, 34, 34, 34];
// second language per ability, CLB 0..12
const secondPerAbility = [0, 0, 0, 0, 0, 1, 1, 3, 3, 6, 6, 6, 6];
// Canadian work, years 0..7
const canadianWorkWithSpouse = [0, 35, 46, 56, 63, 70, 70, 70];
const canadianWorkSingle = [0, 40, 53, 64, 72, 80, 80, 80];
// spouse factors
const spouseEducation = [0, 2, 6, 7, 8, 9, 10, 10];
const spouseLanguage = [0, 0, 0, 0, 0, 1, 1, 3, 3, 5, 5, 5, 5];
const spouseWork = [0, 5, 7, 8, 9, 10, 10];

describe.each(ruleSets.map((r) => [r.effectiveFrom, r] as const))("rule set %s", (_date, rules) => {
  const { core: A, spouse: B, transferability: C } = rules;
  it("A. age, both columns, 17 to 46", () => {
    const ages = Array.from({ length: 30 }, (_, i) => 17 + i);
    expect(ages.map((a) => bandFor(A.age.rows, a).withSpouse)).toEqual(ageWithSpouse);
    expect(ages.map((a) => bandFor(A.age.rows, a).withoutSpouse)).toEqual(ageSingle);
    expect(bandFor(A.age.rows, 0).withoutSpouse).toBe(0);
    expect(bandFor(A.age.rows, 120).withoutSpouse).toBe(0);
  });
  it("A. education, both columns", () => {
    expect(educationLevels.map((e) => A.education.rows[e].withSpouse)).toEqual(educationWithSpouse);
    expect(educationLevels.map((e) => A.education.rows[e].withoutSpouse)).toEqual(educationSingle);
  });
  it("A. first official language per ability, both columns", () => {
    const clbs = Array.from({ length: 13 }, (_, i) => i);
    expect(clbs.map((c) => bandFor(A.firstLanguage.rows, c).withSpouse)).toEqual(firstWithSpouse);
    expect(clbs.map((c) => bandFor(A.firstLanguage.rows, c).withoutSpouse)).toEqual(firstSingle);
  });
  it("A. second official language per ability, capped 22 with spouse / 24 without", () => {
    expect(Array.from({ length: 13 }, (_, c) => bandFor(A.secondLanguage.rows, c).points)).toEqual(
      secondPerAbility,
    );
    expect(A.secondLanguage.capWithSpouse).toBe(22);
    expect(A.secondLanguage.capWithoutSpouse).toBe(24);
  });
  it("A. Canadian work experience, both columns", () => {
    const years = Array.from({ length: 8 }, (_, i) => i);
    expect(years.map((y) => bandFor(A.canadianWork.rows, y).withSpouse)).toEqual(canadianWorkWithSpouse);
    expect(years.map((y) => bandFor(A.canadianWork.rows, y).withoutSpouse)).toEqual(canadianWorkSingle);
  });
  it("A. maxima are 460 with spouse and 500 without", () => {
    // 100 + 140 + 4×32 + 22 + 70 = 460; 110 + 150 + 4×34 + 24 + 80 = 500
    const max = (col: "withSpouse" | "withoutSpouse", cap: number) =>
      Math.max(...A.age.rows.map((r) => r[col])) +
      A.education.rows.doctoral[col] +
      4 * bandFor(A.firstLanguage.rows, 12)[col] +
      cap +
      bandFor(A.canadianWork.rows, 60)[col];
    expect(max("withSpouse", A.secondLanguage.capWithSpouse)).toBe(460);
    expect(max("withoutSpouse", A.secondLanguage.capWithoutSpouse)).toBe(500);
  });
  it("B. spouse education, language per ability, Canadian work", () => {
    expect(educationLevels.map((e) => B.education.rows[e])).toEqual(spouseEducation);
    expect(Array.from({ length: 13 }, (_, c) => bandFor(B.firstLanguage.rows, c).points)).toEqual(
      spouseLanguage,
    );
    expect(Array.from({ length: 7 }, (_, y) => bandFor(B.canadianWork.rows, y).points)).toEqual(spouseWork);
  });
  it("C. skill transferability tables and caps", () => {
    expect(C.bucketCap).toBe(50);
    expect(C.cap).toBe(100);
    expect(educationLevels.map((e) => C.educationTier[e])).toEqual([
      "none",
      "none",
      "postSecondary",
      "postSecondary",
      "postSecondary",
      "advanced",
      "advanced",
      "advanced",
    ]);
    expect(C.educationWithLanguage).toEqual({
      none: { partial: 0, full: 0 },
      postSecondary: { partial: 13, full: 25 },
      advanced: { partial: 25, full: 50 },
    });
    expect(C.educationWithCanadianWork).toEqual({
      none: { oneYear: 0, twoOrMore: 0 },
      postSecondary: { oneYear: 13, twoOrMore: 25 },
      advanced: { oneYear: 25, twoOrMore: 50 },
    });
    expect([0, 1, 2, 3, 10].map((y) => bandFor(C.foreignWorkTier, y).tier)).toEqual([
      "none",
      "oneOrTwoYears",
      "oneOrTwoYears",
      "threeOrMore",
      "threeOrMore",
    ]);
    expect(C.foreignWorkWithLanguage).toEqual({
      none: { partial: 0, full: 0 },
      oneOrTwoYears: { partial: 13, full: 25 },
      threeOrMore: { partial: 25, full: 50 },
    });
    expect(C.foreignWorkWithCanadianWork).toEqual({
      none: { oneYear: 0, twoOrMore: 0 },
      oneOrTwoYears: { oneYear: 13, twoOrMore: 25 },
      threeOrMore: { oneYear: 25, twoOrMore: 50 },
    });
    expect(C.certificateWithLanguage).toEqual({ clb5: 25, clb7: 50 });
  });
  it("every table names its source", () => {
    for (const t of [A.age, A.education, A.firstLanguage, A.secondLanguage, A.canadianWork, B.education])
      expect(t.source).toMatch(/\[S\d/);
    expect(C.source).toMatch(/\[S\d/);
    expect(rules.additional.source).toMatch(/\[S\d/);
  });
});

describe("D. additional points by rule set", () => {
  // [effectiveFrom, PNP, job NOC 00, job other, Cdn edu 1–2 yr, Cdn edu 3+ yr, French (Eng < CLB 5), French (Eng CLB 5+), sibling]
  const expected = [
    ["2015-01-01", 600, 600, 600, 0, 0, 0, 0, 0],
    ["2016-11-19", 600, 200, 50, 15, 30, 0, 0, 0],
    ["2017-06-06", 600, 200, 50, 15, 30, 15, 30, 15],
    ["2020-10-20", 600, 200, 50, 15, 30, 25, 50, 15],
    ["2025-03-25", 600, 0, 0, 15, 30, 25, 50, 15],
  ];
  it("has exactly the five confirmed rule sets, in date order", () => {
    expect(ruleSets.map((r) => r.effectiveFrom)).toEqual(expected.map((e) => e[0]));
  });
  it.each(expected)("%s", (date, pnp, noc00, other, edu12, edu3, frenchLow, frenchHigh, sibling) => {
    const D = ruleSetFor(date as string).additional;
    expect([
      D.provincialNomination,
      D.jobOffer["noc-00"],
      D.jobOffer.other,
      D.canadianEducation["one-or-two-year"],
      D.canadianEducation["three-year-plus"],
      D.french.englishBelowClb5OrNone,
      D.french.englishClb5AllFour,
      D.sibling,
    ]).toEqual([pnp, noc00, other, edu12, edu3, frenchLow, frenchHigh, sibling]);
    expect(D.cap).toBe(600);
  });
});

describe("ruleSetFor", () => {
  it("switches on each effective date, not the day before", () => {
    expect(ruleSetFor("2015-01-01").effectiveFrom).toBe("2015-01-01");
    expect(ruleSetFor("2016-11-18").effectiveFrom).toBe("2015-01-01");
    expect(ruleSetFor("2016-11-19").effectiveFrom).toBe("2016-11-19");
    expect(ruleSetFor("2017-06-05").effectiveFrom).toBe("2016-11-19");
    expect(ruleSetFor("2017-06-06").effectiveFrom).toBe("2017-06-06");
    expect(ruleSetFor("2020-10-19").effectiveFrom).toBe("2017-06-06");
    expect(ruleSetFor("2020-10-20").effectiveFrom).toBe("2020-10-20");
    expect(ruleSetFor("2025-03-24").effectiveFrom).toBe("2020-10-20");
    expect(ruleSetFor("2025-03-25").effectiveFrom).toBe("2025-03-25");
    expect(ruleSetFor("2030-01-01").effectiveFrom).toBe("2025-03-25");
  });
  it("documents why 2020-10-20 and not 2020-10-27", () => {
    expect(ruleSetFor("2020-10-20").dateNote).toMatch(/2020-10-27/);
  });
  it("a date before 2015-01-01 is a FieldError naming assessedOn", () => {
    expect(() => ruleSetFor("2014-12-31")).toThrow(FieldError);
    try {
      ruleSetFor("2014-12-31");
    } catch (e) {
      expect((e as FieldError).problems[0]!.field).toBe("assessedOn");
    }
  });
  it("flags dates on or after 2026-11-03 (unconfirmed change), not before", () => {
    expect(unconfirmedChangeOn("2026-11-02")).toBeUndefined();
    expect(unconfirmedChangeOn("2026-11-03")?.reason).toMatch(/may be incomplete/);
  });
});
