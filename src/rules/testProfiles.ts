// The issue's worked example (CRS 461 with an accompanying spouse; the arithmetic is in
// calculator.test.ts), shared by the rules' tests, the CLI end-to-end test and the bench. Not used by the product.
import type { ProfileInput } from "../profile/schema.js";

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
