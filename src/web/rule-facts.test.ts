// The calculator's explanations state grid facts (the ages of the most age points and of none, the
// skill-transferability caps, the TEF Canada scale dates): they are read from the rule set and the
// profile's dates, with their source, never written into the text.
import { describe, expect, it } from "vitest";
import { type ProfileInput, profile as profileSchema } from "../profile/schema.js";
import { ruleSetFor, scoreProfile } from "../rules/index.js";
import { messages, translator } from "./i18n.js";
import { maxTotal, ruleFacts, tefScaleOptions } from "./pages/calculator.js";
import { localizeWarning } from "./warnings.js";

describe("grid facts in the calculator's explanations", () => {
  it("reads the 2025 grid as docs/sources/crs-rules.md gives it: most points 20–29, none from 45, caps 50 and 100", () => {
    // Age rows: 20–29 → 110 single / 100 with spouse, the most; 44 → 6 / 5; 45 or more → 0.
    // Skill transferability: each of the three combinations at most 50, the section at most 100.
    for (const withSpouse of [false, true]) {
      const facts = ruleFacts(ruleSetFor("2025-06-01"), withSpouse);
      expect(facts.age).toMatchObject({ bestFrom: 20, bestTo: 29, noneFrom: 45 });
      expect(facts.transferability).toMatchObject({ bucketCap: 50, cap: 100 });
      expect(facts.age.source).toContain("[S1]");
      expect(facts.transferability.source).toContain("[S1]");
    }
  });

  it("follows the table, not a number of its own: a grid whose points peak at 25–35 and stop at 50", () => {
    const rules = ruleSetFor("2025-06-01");
    const changed = {
      ...rules,
      core: {
        ...rules.core,
        age: {
          source: "a test grid",
          rows: [
            { from: 0, to: 24, withSpouse: 10, withoutSpouse: 10 },
            { from: 25, to: 35, withSpouse: 90, withoutSpouse: 100 },
            { from: 36, to: 49, withSpouse: 40, withoutSpouse: 50 },
            { from: 50, to: null, withSpouse: 0, withoutSpouse: 0 },
          ],
        },
      },
      transferability: { ...rules.transferability, bucketCap: 60, cap: 120 },
    };
    const facts = ruleFacts(changed, false);
    expect(facts.age).toEqual({ bestFrom: 25, bestTo: 35, noneFrom: 50, source: "a test grid" });
    expect(facts.transferability).toMatchObject({ bucketCap: 60, cap: 120 });
  });

  it("gives the highest score of every rule set since 2015 as 1,200", () => {
    // Single column: age 110 + doctorate 150 + 4 × 34 (CLB 10) + second language 24 + 5 years in Canada
    // 80 = 500 core; transferability at most 100; additional at most 600 (docs/sources/crs-rules.md).
    for (const date of ["2015-01-01", "2016-11-19", "2020-10-27", "2025-06-01"])
      expect(maxTotal(ruleSetFor(date)), date).toBe(110 + 150 + 4 * 34 + 24 + 80 + 100 + 600);
    expect(messages.en["calc.totalOf"]).toBe("out of {max}");
  });

  it("leaves no grid figure written in the sentences that state them", () => {
    for (const table of [messages.en, messages.fr]) {
      expect(table["explain.age"]).not.toMatch(/\d/);
      expect(table["explain.transfer"]).not.toMatch(/\d/);
      expect(table["section.capNote"]).not.toMatch(/\d/);
      expect(table["calc.totalOf"]).not.toMatch(/\d/);
      expect(
        table["form.tefScale.legacy"] + table["form.tefScale.2019"] + table["form.tefScale.2023"],
      ).not.toMatch(/\d/);
    }
  });

  it("names the TEF Canada scales by their dates: rescored 2019-10-01 and for tests from 2023-12-11", () => {
    expect(tefScaleOptions(translator("en"), "en")).toEqual([
      ["legacy", "Before October 1, 2019"],
      ["2019", "October 1, 2019 to December 10, 2023"],
      ["2023", "From December 11, 2023"],
    ]);
    const french = tefScaleOptions(translator("fr"), "fr").map(([, label]) => label);
    expect(french[1]).toMatch(/^Du 1(er)? octobre 2019 au 10 décembre 2023$/);
  });
});

describe("the engine's warnings, said in the page's language with the figures of the rules", () => {
  const warningsOf = (profile: ProfileInput) => scoreProfile(profileSchema.parse(profile)).warnings;
  const base = { age: 30, education: "bachelors" as const, assessedOn: "2025-06-01" };
  const shown = (lang: "en" | "fr", warning: string) => localizeWarning(translator(lang), lang, warning);

  it("a result older than IRCC's 2 years", () => {
    const [w] = warningsOf({
      ...base,
      firstLanguage: {
        test: "ielts",
        testedOn: "2022-01-10",
        listening: 8,
        reading: 7,
        writing: 7,
        speaking: 7,
      },
    });
    expect(shown("en", w!).text).toContain("more than 2 years old");
    expect(shown("fr", w!).text).toContain("pendant 2 ans");
  });

  it("TCF Canada before its designation (November 2018)", () => {
    const w = warningsOf({
      ...base,
      firstLanguage: {
        test: "tcf",
        testedOn: "2018-06-01",
        listening: 500,
        reading: 500,
        writing: 12,
        speaking: 12,
      },
    }).find((x) => x.includes("TCF Canada"));
    expect(shown("en", w!).text).toContain("since November 2018");
    expect(shown("fr", w!).text).toContain("depuis novembre 2018");
  });

  it("TEF numbers that look copied from the legacy column (the scale before 2019-10-01)", () => {
    // Tested 2024: read on the 2023 scale these are below NCLC 4; on the legacy scale (reading /300,
    // writing /450, listening /360, speaking /450) they would be NCLC 9 or 10.
    const w = warningsOf({
      ...base,
      firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
      secondLanguage: {
        test: "tef",
        testedOn: "2024-05-01",
        listening: 300,
        reading: 250,
        writing: 380,
        speaking: 380,
      },
    }).find((x) => x.includes("legacy"));
    expect(shown("en", w!).text).toContain("on the scale before October 1, 2019");
    expect(shown("fr", w!).text).toMatch(/barème d'avant le 1(er)? octobre 2019/);
  });

  it("writes none of those figures in the translations themselves", () => {
    for (const table of [messages.en, messages.fr])
      for (const key of ["warn.old", "warn.tcf", "warn.tefScale"] as const)
        expect(table[key], key).not.toMatch(/\d/);
  });
});
