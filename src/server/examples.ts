// Request bodies that work, for the OpenAPI document and the docs page.

/** A profile for the examples of the reference (every required field, a few optional ones). */
export const exampleProfile = {
  age: 29,
  education: "bachelors",
  firstLanguage: { test: "ielts", testedOn: "2025-03-01", listening: 8, reading: 7, writing: 7, speaking: 7 },
  foreignWorkYears: 3,
  assessedOn: "2025-06-01",
};
