// Worked examples, each total computed by hand from the published grid (arithmetic in the comments).
import { describe, expect, it } from "vitest";
import { FieldError } from "../profile/errors.js";
import { type ProfileInput, profile as profileSchema } from "../profile/schema.js";
import { scoreProfile } from "./calculator.js";
import { issueExample } from "./testProfiles.js";

const score = (input: ProfileInput) => scoreProfile(profileSchema.parse(input));

describe("the issue's example (with an accompanying spouse)", () => {
  it("scores 461 with the TEF numbers read on the 2023 scale (tested 2024-05-01)", () => {
    // IELTS L8 R7 W7 S7.5 → CLB 9 9 9 10 → WS 29+29+29+32 = 119
    // TEF 2023 scale L316 → 4, R248 → below 4, W371 → 5, S371 → 4 → 0+0+1+0 = 1
    // A: age 29 WS 100 + bachelor's WS 112 + 119 + 1 + 1 yr Canada WS 35 = 367
    // B: secondary 2 + CLB 5 ×4 → 1×4 = 4 + 0 = 6
    // C: education: bachelor's + CLB 9 = 25, + 1 yr Canada = 13 → 38;
    //    foreign 3+ yrs + CLB 9 = 50, + 1 yr Canada = 25 → 75, capped at 50; total 88
    // D: 0.  Total 367 + 6 + 88 = 461
    const r = score(issueExample);
    expect(r.total).toBe(461);
    expect(r.core).toEqual({
      age: 100,
      education: 112,
      firstLanguage: 119,
      secondLanguage: 1,
      canadianWork: 35,
      subtotal: 367,
    });
    expect(r.spouse).toEqual({ education: 2, firstLanguage: 4, canadianWork: 0, subtotal: 6 });
    expect(r.transferability).toEqual({ education: 38, foreignWork: 50, certificate: 0, subtotal: 88 });
    expect(r.additional.subtotal).toBe(0);
    expect(r.ruleSet.effectiveFrom).toBe("2025-03-25");
    expect(r.withSpouse).toBe(true);
    expect(r.mayBeIncomplete).toBe(false);
  });
  it("shows the NCLC reached and hints at the legacy scale", () => {
    const r = score(issueExample);
    const second = r.lines.find((l) => l.factor === "Second official language")!;
    expect(second.explanation).toContain("reading below NCLC 4");
    expect(second.explanation).toContain("writing NCLC 5");
    expect(r.warnings.join("\n")).toMatch(/legacy scale.*NCLC 9.*"scale": "legacy"/);
  });
  it("gives no legacy-scale hint for numbers the legacy scale cannot hold", () => {
    // Reading 320 is above the legacy scale's 300: those numbers were not copied from it.
    const secondLanguage = { ...issueExample.secondLanguage, reading: 320 };
    const r = score({ ...issueExample, secondLanguage });
    expect(r.warnings.join("\n")).not.toMatch(/legacy scale/);
  });
  it("scores 532 when the TEF numbers are the legacy-scale equivalents", () => {
    // TEF legacy L316 → 10, R248 → 9, W371 → 9, S371 → 9 → 6 each = 24, capped at 22 with spouse
    // French bonus: NCLC 9+ in all four and CLB 9+ in English → 50
    // A = 100 + 112 + 119 + 22 + 35 = 388; B = 6; C = 88; D = 50 → 532
    const r = score({ ...issueExample, secondLanguage: { ...issueExample.secondLanguage, scale: "legacy" } });
    expect(r.core.secondLanguage).toBe(22);
    expect(r.additional.french).toBe(50);
    expect(r.total).toBe(532);
    expect(r.warnings).toEqual([]);
  });
  it("uses the without-spouse columns when the spouse is a citizen/PR or not accompanying", () => {
    // A: age S 110 + bachelor's S 120 + (31+31+31+34 = 127) + 1 + 1 yr Canada S 40 = 398; B = 0; C = 88 → 486
    for (const change of [{ canadianCitizenOrPR: true }, { accompanying: false }]) {
      const r = score({ ...issueExample, spouse: { ...issueExample.spouse, ...change } });
      expect(r.withSpouse).toBe(false);
      expect(r.core).toEqual({
        age: 110,
        education: 120,
        firstLanguage: 127,
        secondLanguage: 1,
        canadianWork: 40,
        subtotal: 398,
      });
      expect(r.spouse.subtotal).toBe(0);
      expect(r.total).toBe(486);
    }
  });
  it("caps the second language at 24 without a spouse", () => {
    const r = score({
      ...issueExample,
      spouse: undefined,
      secondLanguage: { ...issueExample.secondLanguage, scale: "legacy" },
    });
    expect(r.core.secondLanguage).toBe(24);
  });
  it("a spouse without a language result gets no language points", () => {
    const { firstLanguage: _, ...spouse } = issueExample.spouse;
    const r = score({ ...issueExample, spouse });
    expect(r.spouse).toEqual({ education: 2, firstLanguage: 0, canadianWork: 0, subtotal: 2 });
  });
});

describe("single candidates", () => {
  it("29, master's, IELTS 8/7/7/7.5: 422", () => {
    // A: 110 + 135 + (31+31+31+34 = 127) = 372; C: master's + CLB 9 = 50; total 422
    const r = score({
      assessedOn: "2025-11-14",
      age: 29,
      education: "masters",
      firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7.5 },
    });
    expect(r.total).toBe(422);
    expect(r.transferability.education).toBe(50);
  });
});

describe("French-language points by date", () => {
  // Single, 35, bachelor's, TCF NCLC 7 in all four (L458 R453 W10 S10), CELPIP 5 in all four.
  // A: age 35 S 77 + bachelor's 120 + NCLC 7 ×4 → 17×4 = 68 + CLB 5 ×4 → 1×4 = 4 = 269
  // C: bachelor's + lowest NCLC 7 (partial) = 13. Base 282, plus the French bonus.
  const french = (assessedOn: string, english?: [number, number, number, number]) =>
    score({
      assessedOn,
      age: 35,
      education: "bachelors",
      firstLanguage: { test: "tcf", listening: 458, reading: 453, writing: 10, speaking: 10 },
      ...(english
        ? {
            secondLanguage: {
              test: "celpip",
              listening: english[0],
              reading: english[1],
              writing: english[2],
              speaking: english[3],
            },
          }
        : {}),
    });
  it("English CLB 5+ in all four: 0 before 2017-06-06, 30 to 2020-10-19, 50 from 2020-10-20", () => {
    expect(french("2016-12-01", [5, 5, 5, 5]).total).toBe(282);
    expect(french("2017-06-05", [5, 5, 5, 5]).total).toBe(282);
    expect(french("2017-06-06", [5, 5, 5, 5]).total).toBe(312);
    expect(french("2020-10-19", [5, 5, 5, 5]).total).toBe(312);
    expect(french("2020-10-20", [5, 5, 5, 5]).total).toBe(332);
    expect(french("2025-11-14", [5, 5, 5, 5]).additional.french).toBe(50);
  });
  it("English below CLB 5 in one ability, or no English: 15 then 25", () => {
    // CELPIP 4/5/5/5 → second language 0+1+1+1 = 3, so A = 268 and the base is 281
    expect(french("2018-01-01", [4, 5, 5, 5]).additional.french).toBe(15);
    expect(french("2025-11-14", [4, 5, 5, 5]).additional.french).toBe(25);
    expect(french("2025-11-14", [4, 5, 5, 5]).total).toBe(281 + 25);
    // No English: A = 265, C = 13 → 278 + 25
    expect(french("2025-11-14").total).toBe(303);
    expect(french("2019-01-01").additional.french).toBe(15);
  });
  it("no bonus when one French ability is below NCLC 7", () => {
    // TCF listening 453 is NCLC 6 (listening NCLC 7 starts at 458)
    const r = score({
      assessedOn: "2025-11-14",
      age: 35,
      education: "bachelors",
      firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
      secondLanguage: { test: "tcf", listening: 453, reading: 453, writing: 10, speaking: 10 },
    });
    expect(r.additional.french).toBe(0);
  });
});

describe("arranged employment, nomination, sibling, Canadian education by date", () => {
  // Single, 30, bachelor's, CLB 9 in all four.
  // A: 105 + 120 + 31×4 = 349; C: bachelor's + CLB 9 = 25. Base 374.
  const base = (assessedOn: string, extra: Partial<ProfileInput> = {}) =>
    score({
      assessedOn,
      age: 30,
      education: "bachelors",
      firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
      ...extra,
    });
  it("job offer: 600 at launch, 200 (NOC 00) / 50 from 2016-11-19, 0 from 2025-03-25", () => {
    expect(base("2015-06-01").total).toBe(374);
    expect(base("2015-06-01", { jobOffer: "other" }).total).toBe(974);
    expect(base("2016-11-18", { jobOffer: "noc-00" }).total).toBe(974);
    expect(base("2016-11-19", { jobOffer: "noc-00" }).total).toBe(574);
    expect(base("2016-11-19", { jobOffer: "other" }).total).toBe(424);
    expect(base("2025-03-24", { jobOffer: "other" }).total).toBe(424);
    expect(base("2025-03-25", { jobOffer: "noc-00" }).total).toBe(374);
    expect(base("2025-03-25", { jobOffer: "other" }).additional.jobOffer).toBe(0);
  });
  it("provincial nomination 600, and section D never goes over 600", () => {
    expect(base("2025-11-14", { provincialNomination: true }).total).toBe(974);
    // 2015: nomination 600 + job offer 600 = 1200, capped at 600
    const both = base("2015-06-01", { provincialNomination: true, jobOffer: "noc-00" });
    expect(both.additional.subtotal).toBe(600);
    expect(both.total).toBe(974);
    // 600 + 15 + 30 = 645, capped at 600
    const all = base("2025-11-14", {
      provincialNomination: true,
      siblingInCanada: true,
      canadianEducation: "three-year-plus",
    });
    expect(all.additional.subtotal).toBe(600);
    expect(
      all.lines.some((l) => l.factor === "Section cap" && l.explanation.includes("645 capped at 600")),
    ).toBe(true);
  });
  it("sibling: nothing before 2017-06-06, 15 from then", () => {
    expect(base("2017-06-05", { siblingInCanada: true }).total).toBe(374);
    expect(base("2017-06-06", { siblingInCanada: true }).total).toBe(389);
  });
  it("Canadian education: nothing before 2016-11-19, then 15 (1–2 years) / 30 (3+ years)", () => {
    expect(base("2016-11-18", { canadianEducation: "three-year-plus" }).total).toBe(374);
    expect(base("2016-11-19", { canadianEducation: "one-or-two-year" }).total).toBe(389);
    expect(base("2016-11-19", { canadianEducation: "three-year-plus" }).total).toBe(404);
  });
});

describe("skill transferability", () => {
  // Single, 25, secondary school, 2 years in Canada, 3+ years abroad, certificate of qualification.
  const trades = (ielts: number) =>
    score({
      assessedOn: "2025-01-01",
      age: 25,
      education: "secondary",
      firstLanguage: { test: "ielts", listening: ielts, reading: ielts, writing: ielts, speaking: ielts },
      canadianWorkYears: 2,
      foreignWorkYears: 3,
      certificateOfQualification: true,
    });
  it("certificate with CLB 7 in all four: 50; the section reaches its cap of 100", () => {
    // IELTS 6 everywhere → CLB 7. A: 110 + 30 + 17×4 + 2 yrs S 53 = 261
    // C: education (secondary) 0; foreign 3+ & CLB 7 = 25, & 2 yrs Canada = 50 → 75 → 50; certificate 50 → 100
    const r = trades(6);
    expect(r.transferability).toEqual({ education: 0, foreignWork: 50, certificate: 50, subtotal: 100 });
    expect(r.total).toBe(361);
  });
  it("certificate with CLB 5 in all four, one under 7: 25", () => {
    // IELTS 5 → L CLB 5, R CLB 6, W CLB 5, S CLB 5. A: 110 + 30 + (6+9+6+6 = 27) + 53 = 220
    // C: foreign with language 0 (below CLB 7), with 2 yrs Canada 50; certificate 25 → 75
    const r = trades(5);
    expect(r.transferability).toEqual({ education: 0, foreignWork: 50, certificate: 25, subtotal: 75 });
    expect(r.total).toBe(295);
  });
  it("caps the section at 100 when the three buckets add up to 150", () => {
    const r = score({
      assessedOn: "2025-01-01",
      age: 25,
      education: "masters",
      firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
      canadianWorkYears: 2,
      foreignWorkYears: 3,
      certificateOfQualification: true,
    });
    expect(r.transferability).toEqual({ education: 50, foreignWork: 50, certificate: 50, subtotal: 100 });
  });
  it("language pairs use the first language's lowest ability", () => {
    // CLB 10/10/10/8 → lowest 8 → partial: bachelor's 13, not 25
    const r = score({
      assessedOn: "2025-01-01",
      age: 25,
      education: "bachelors",
      firstLanguage: { test: "clb", listening: 10, reading: 10, writing: 10, speaking: 8 },
    });
    expect(r.transferability.education).toBe(13);
  });
});

describe("dates and warnings", () => {
  const minimal = {
    age: 30,
    education: "bachelors",
    firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
  } satisfies ProfileInput;
  it("says the score may be incomplete on and after 2026-11-03", () => {
    expect(score({ ...minimal, assessedOn: "2026-11-02" }).mayBeIncomplete).toBe(false);
    const r = score({ ...minimal, assessedOn: "2026-11-03" });
    expect(r.mayBeIncomplete).toBe(true);
    expect(r.incompleteReason).toMatch(/not confirmed/);
    expect(r.ruleSet.effectiveFrom).toBe("2025-03-25");
    expect(r.warnings.join()).toMatch(/may be incomplete/);
  });
  it("requires assessedOn (the core never reads the clock)", () => {
    expect(() => score(minimal)).toThrow(FieldError);
  });
  it("warns when TCF Canada is used before November 2018, with or without testedOn", () => {
    const tcf = { test: "tcf", listening: 458, reading: 453, writing: 10, speaking: 10 } as const;
    const on = (assessedOn: string, extra = {}) =>
      score({ ...minimal, assessedOn, secondLanguage: { ...tcf, ...extra } }).warnings.join("\n");
    expect(on("2018-06-01")).toMatch(/TCF Canada was designated .* November 2018/);
    expect(on("2018-06-01", { testedOn: "2018-05-01" })).toMatch(/TCF Canada was designated/);
    expect(on("2018-11-01")).not.toMatch(/TCF/);
  });
  it("warns when a result is more than 2 years old", () => {
    const first = { ...minimal.firstLanguage, testedOn: "2023-05-01" };
    expect(score({ ...minimal, firstLanguage: first, assessedOn: "2025-05-01" }).warnings).toEqual([]);
    expect(score({ ...minimal, firstLanguage: first, assessedOn: "2025-05-02" }).warnings[0]).toMatch(
      /more than 2 years old/,
    );
  });
});

describe("anchor scores reported from IRCC's official CRS tool", () => {
  // dorra-can/crs-scenario-lab [S13] (docs/METHODOLOGY.md, test/test_engine.js) captured these from the
  // live tool (2025–2026 rules): single, 29, bachelor's, IELTS at CLB 9 in all four → 379; CLB 10 → 391;
  // married with an accompanying spouse with no details → 353; + provincial nomination → 979;
  // + 1 year of Canadian work → 432. Our hand arithmetic for each is in the comments.
  const clb9 = { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 } as const;
  const clb10 = { test: "ielts", listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 } as const;
  const baseline = {
    assessedOn: "2026-09-01",
    age: 29,
    education: "bachelors",
    firstLanguage: clb9,
  } as const;
  it("379: 110 + 120 + 4×31 + bachelor's with CLB 9 25", () => {
    expect(score(baseline).total).toBe(379);
  });
  it("391: 110 + 120 + 4×34 + 25", () => {
    expect(score({ ...baseline, firstLanguage: clb10 }).total).toBe(391);
  });
  it("353 with an accompanying spouse: 100 + 112 + 4×29 + 25", () => {
    expect(score({ ...baseline, spouse: { accompanying: true } }).total).toBe(353);
  });
  it("979 with a provincial nomination: 379 + 600", () => {
    expect(score({ ...baseline, provincialNomination: true }).total).toBe(979);
  });
  it("432 with 1 year of Canadian work: 379 + 40 + bachelor's with 1 year 13", () => {
    expect(score({ ...baseline, canadianWorkYears: 1 }).total).toBe(432);
  });
});
