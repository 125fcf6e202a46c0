// Profiles shared by tests in several folders (and the bench). Not used by the product.
import type { ProfileInput } from "../profile/schema.js";

// The issue's worked example: CRS 461 with an accompanying spouse (the arithmetic is in calculator.test.ts);
// used by the calculator test, the `ee crs` end-to-end test and the cold-start bench.
export const issueExample = {
  assessedOn: "2025-11-14",
  age: 29,
  education: "bachelors",
  canadianEducation: "none",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7.5 },
  secondLanguage: {
    test: "tef",
    testedOn: "2024-05-01",
    listening: 316,
    reading: 248,
    writing: 371,
    speaking: 371,
  },
  canadianWorkYears: 1,
  foreignWorkYears: 3,
  certificateOfQualification: false,
  siblingInCanada: false,
  jobOffer: "none",
  provincialNomination: false,
  spouse: {
    accompanying: true,
    canadianCitizenOrPR: false,
    education: "secondary",
    firstLanguage: { test: "clb", listening: 5, reading: 5, writing: 5, speaking: 5 },
    canadianWorkYears: 0,
  },
} satisfies ProfileInput;

// 29, bachelor's, IELTS 8/7/7/7 (CLB 9 in all four), 1 year in Canada, 3 abroad, single: CRS 482 under the
// 2025-03-25 rules (the advisor test checks it against the engine); used by the advisor and forecast CLI tests.
export const singleWorker = {
  age: 29,
  education: "bachelors",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
  canadianWorkYears: 1,
  foreignWorkYears: 3,
  authorizedToWorkInCanada: true,
} satisfies ProfileInput;
