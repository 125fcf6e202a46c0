// Every warning the CRS engine can give is said in the page's language (none left in English), for
// profiles made to trigger each one.
import { describe, expect, it } from "vitest";
import { type ProfileInput, profile } from "../profile/schema.js";
import { scoreProfile } from "../rules/index.js";
import { translator } from "./i18n.js";
import { localizeWarning } from "./warnings.js";

const base: ProfileInput = {
  age: 30,
  education: "bachelors",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
  assessedOn: "2025-06-01",
};
const warningsOf = (p: ProfileInput) => scoreProfile(profile.parse(p)).warnings;

const cases: [string, ProfileInput][] = [
  [
    "a result over 2 years old",
    { ...base, firstLanguage: { ...base.firstLanguage, testedOn: "2022-01-15" } },
  ],
  [
    "a test dated after the score",
    { ...base, firstLanguage: { ...base.firstLanguage, testedOn: "2025-07-01" } },
  ],
  [
    "a TCF before November 2018",
    {
      ...base,
      assessedOn: "2019-03-01",
      secondLanguage: {
        test: "tcf",
        testedOn: "2018-06-01",
        listening: 500,
        reading: 500,
        writing: 12,
        speaking: 12,
      },
    },
  ],
  [
    "TEF numbers that look like the legacy scale",
    {
      ...base,
      secondLanguage: {
        test: "tef",
        testedOn: "2024-02-01",
        listening: 300,
        reading: 250,
        writing: 380,
        speaking: 380,
      },
    },
  ],
];

describe("engine warnings in the page's language", () => {
  for (const [name, input] of cases) {
    it(`says ${name} in English and French, naming the form's section`, () => {
      const warnings = warningsOf(input);
      expect(warnings.length).toBeGreaterThan(0);
      for (const w of warnings) {
        const fr = localizeWarning(translator("fr"), "fr", w);
        const en = localizeWarning(translator("en"), "en", w);
        expect(fr.english, w).toBe(false);
        expect(en.english, w).toBe(false);
        expect(fr.text).toMatch(/langue officielle/);
        expect(en.text).not.toMatch(/firstLanguage|secondLanguage/);
      }
    });
  }

  it("keeps a warning it does not know, marked as English", () => {
    expect(localizeWarning(translator("fr"), "fr", "something new")).toEqual({
      text: "something new",
      english: true,
    });
  });
});
