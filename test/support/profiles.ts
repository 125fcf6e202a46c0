// Profiles the tests work by hand, as a user would type them (the schema's defaults not applied). Each test
// keeps its own hand-worked expectation next to its assertion.

/**
 * The worked example of test/server.test.ts (2015 grid, docs/sources/crs-rules.md), single applicant:
 * 429 on 2025-06-01.
 */
export const workedProfile = {
  age: 29,
  education: "bachelors",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
  foreignWorkYears: 3,
  assessedOn: "2025-06-01",
};

/**
 * A software engineer (NOC 21231, TEER 1): 16 months in Canada (2023-09 to 2024-12), 4 years in India
 * before. Without a spouse, CRS 482 on 2025-06-01 (src/advisor/clients.test.ts shows the lines).
 */
export const engineer = {
  age: 29,
  education: "bachelors",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
  workHistory: [
    { noc: "21231", from: "2023-09-01", to: "2024-12-31", hoursPerWeek: 40, country: "CA" },
    { noc: "21231", from: "2019-01-01", to: "2022-12-31", hoursPerWeek: 40, country: "IN" },
  ],
};

/**
 * The profile with its first language as PTE Core, taken 2024-03-01, 80 in each ability. IRCC counts
 * PTE Core from 2024-01-30, so such a profile cannot be scored on an earlier date.
 */
export const withPteCore = <P extends object>(profile: P) => ({
  ...profile,
  firstLanguage: {
    test: "pte-core",
    testedOn: "2024-03-01",
    listening: 80,
    reading: 80,
    writing: 80,
    speaking: 80,
  },
});
