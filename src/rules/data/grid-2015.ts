// Sections A (core/human capital), B (spouse) and C (skill transferability) of the CRS grid. They have
// not changed since Express Entry launched on 2015-01-01 (docs/sources/crs-rules.md, "Rule history").
// Column WS = with an accompanying spouse who is not a Canadian citizen/PR; S = everyone else.
import type { CoreTables, SpouseTables, TransferabilityTables } from "../rule-set.js";

const grid =
  "IRCC, Comprehensive Ranking System (CRS) criteria – Express Entry (grid) [S1]; Ministerial Instructions respecting the Express Entry system [S3, S10]; full-grid copies [S1c]; official tool tables [S13]";

export const coreTables2015: CoreTables = {
  age: {
    source: `${grid}; age rows also [S1b]. Age in completed years on the day the score is computed [S2]`,
    rows: [
      { from: 0, to: 17, withSpouse: 0, withoutSpouse: 0 },
      { from: 18, to: 18, withSpouse: 90, withoutSpouse: 99 },
      { from: 19, to: 19, withSpouse: 95, withoutSpouse: 105 },
      { from: 20, to: 29, withSpouse: 100, withoutSpouse: 110 },
      { from: 30, to: 30, withSpouse: 95, withoutSpouse: 105 },
      { from: 31, to: 31, withSpouse: 90, withoutSpouse: 99 },
      { from: 32, to: 32, withSpouse: 85, withoutSpouse: 94 },
      { from: 33, to: 33, withSpouse: 80, withoutSpouse: 88 },
      { from: 34, to: 34, withSpouse: 75, withoutSpouse: 83 },
      { from: 35, to: 35, withSpouse: 70, withoutSpouse: 77 },
      { from: 36, to: 36, withSpouse: 65, withoutSpouse: 72 },
      { from: 37, to: 37, withSpouse: 60, withoutSpouse: 66 },
      { from: 38, to: 38, withSpouse: 55, withoutSpouse: 61 },
      { from: 39, to: 39, withSpouse: 50, withoutSpouse: 55 },
      { from: 40, to: 40, withSpouse: 45, withoutSpouse: 50 },
      { from: 41, to: 41, withSpouse: 35, withoutSpouse: 39 },
      { from: 42, to: 42, withSpouse: 25, withoutSpouse: 28 },
      { from: 43, to: 43, withSpouse: 15, withoutSpouse: 17 },
      { from: 44, to: 44, withSpouse: 5, withoutSpouse: 6 },
      { from: 45, to: null, withSpouse: 0, withoutSpouse: 0 },
    ],
  },
  education: {
    source: `${grid}; MI s.11 quoted verbatim [S1a]`,
    rows: {
      "less-than-secondary": { withSpouse: 0, withoutSpouse: 0 },
      secondary: { withSpouse: 28, withoutSpouse: 30 },
      "one-year": { withSpouse: 84, withoutSpouse: 90 },
      "two-year": { withSpouse: 91, withoutSpouse: 98 },
      bachelors: { withSpouse: 112, withoutSpouse: 120 },
      "two-or-more": { withSpouse: 119, withoutSpouse: 128 },
      masters: { withSpouse: 126, withoutSpouse: 135 },
      doctoral: { withSpouse: 140, withoutSpouse: 150 },
    },
  },
  firstLanguage: {
    source: `${grid}. Points per ability (listening, reading, writing, speaking)`,
    rows: [
      { from: 0, to: 3, withSpouse: 0, withoutSpouse: 0 },
      { from: 4, to: 5, withSpouse: 6, withoutSpouse: 6 },
      { from: 6, to: 6, withSpouse: 8, withoutSpouse: 9 },
      { from: 7, to: 7, withSpouse: 16, withoutSpouse: 17 },
      { from: 8, to: 8, withSpouse: 22, withoutSpouse: 23 },
      { from: 9, to: 9, withSpouse: 29, withoutSpouse: 31 },
      { from: 10, to: null, withSpouse: 32, withoutSpouse: 34 },
    ],
  },
  secondLanguage: {
    source: `${grid}. Points per ability; the four together capped at 22 (with spouse) / 24 (without)`,
    rows: [
      { from: 0, to: 4, points: 0 },
      { from: 5, to: 6, points: 1 },
      { from: 7, to: 8, points: 3 },
      { from: 9, to: null, points: 6 },
    ],
    capWithSpouse: 22,
    capWithoutSpouse: 24,
  },
  canadianWork: {
    source: `${grid}. Skilled work (NOC 0/A/B; TEER 0–3 since 2022-11-16 [S14]), in whole years`,
    rows: [
      { from: 0, to: 0, withSpouse: 0, withoutSpouse: 0 },
      { from: 1, to: 1, withSpouse: 35, withoutSpouse: 40 },
      { from: 2, to: 2, withSpouse: 46, withoutSpouse: 53 },
      { from: 3, to: 3, withSpouse: 56, withoutSpouse: 64 },
      { from: 4, to: 4, withSpouse: 63, withoutSpouse: 72 },
      { from: 5, to: null, withSpouse: 70, withoutSpouse: 80 },
    ],
  },
};

export const spouseTables2015: SpouseTables = {
  education: {
    source: `${grid}; spouse education also immigration.ca [S1c]`,
    rows: {
      "less-than-secondary": 0,
      secondary: 2,
      "one-year": 6,
      "two-year": 7,
      bachelors: 8,
      "two-or-more": 9,
      masters: 10,
      doctoral: 10,
    },
  },
  firstLanguage: {
    source: `${grid}. Per ability of the spouse's first official language only`,
    rows: [
      { from: 0, to: 4, points: 0 },
      { from: 5, to: 6, points: 1 },
      { from: 7, to: 8, points: 3 },
      { from: 9, to: null, points: 5 },
    ],
  },
  canadianWork: {
    source: grid,
    rows: [
      { from: 0, to: 0, points: 0 },
      { from: 1, to: 1, points: 5 },
      { from: 2, to: 2, points: 7 },
      { from: 3, to: 3, points: 8 },
      { from: 4, to: 4, points: 9 },
      { from: 5, to: null, points: 10 },
    ],
  },
};

export const transferabilityTables2015: TransferabilityTables = {
  source: `${grid}. Language combinations use the principal applicant's first official language, lowest ability`,
  bucketCap: 50,
  cap: 100,
  educationTier: {
    "less-than-secondary": "none",
    secondary: "none",
    "one-year": "postSecondary",
    "two-year": "postSecondary",
    bachelors: "postSecondary",
    "two-or-more": "advanced",
    masters: "advanced",
    doctoral: "advanced",
  },
  educationWithLanguage: {
    none: { partial: 0, full: 0 },
    postSecondary: { partial: 13, full: 25 },
    advanced: { partial: 25, full: 50 },
  },
  educationWithCanadianWork: {
    none: { oneYear: 0, twoOrMore: 0 },
    postSecondary: { oneYear: 13, twoOrMore: 25 },
    advanced: { oneYear: 25, twoOrMore: 50 },
  },
  foreignWorkTier: [
    { from: 0, to: 0, tier: "none" },
    { from: 1, to: 2, tier: "oneOrTwoYears" },
    { from: 3, to: null, tier: "threeOrMore" },
  ],
  foreignWorkWithLanguage: {
    none: { partial: 0, full: 0 },
    oneOrTwoYears: { partial: 13, full: 25 },
    threeOrMore: { partial: 25, full: 50 },
  },
  foreignWorkWithCanadianWork: {
    none: { oneYear: 0, twoOrMore: 0 },
    oneOrTwoYears: { oneYear: 13, twoOrMore: 25 },
    threeOrMore: { oneYear: 25, twoOrMore: 50 },
  },
  certificateWithLanguage: { clb5: 25, clb7: 50 },
};
