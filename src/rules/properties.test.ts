// Laws of the CRS checked on random valid profiles (fast-check), and the batch scorer against the
// single scorer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreRanges, type TefScale } from "../profile/language-ranges.js";
import {
  type Ability,
  abilities,
  canadianEducationLevels,
  educationLevels,
  jobOfferKinds,
  type LanguageTest,
  type Profile,
  type ProfileInput,
  profile as profileSchema,
} from "../profile/schema.js";
import { scoreBatch } from "./batch.js";
import { scoreProfile } from "./calculator.js";

const dayAfter = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dateBetween = (from: string, to: string) => {
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return fc.integer({ min: 0, max: span }).map((d) => dayAfter(from, d));
};

/** A valid score for one ability: a whole number of steps inside the test's range. */
const scoreIn = (test: LanguageTest, ability: Ability, scale?: TefScale) => {
  const r = scoreRanges(test, scale)[ability];
  return fc.integer({ min: 0, max: Math.round((r.max - r.min) / r.step) }).map((k) => r.min + k * r.step);
};

const resultOf = (tests: readonly LanguageTest[]) =>
  fc.constantFrom(...tests).chain((test) => {
    const dated =
      test === "pte-core"
        ? dateBetween("2024-01-30", "2026-12-31").map((testedOn) => ({ testedOn, scale: undefined }))
        : test === "tef"
          ? fc.record({
              testedOn: dateBetween("2015-01-01", "2026-12-31"),
              scale: fc.constantFrom<TefScale | undefined>(undefined, "legacy", "2019", "2023"),
            })
          : fc.constant({ testedOn: undefined, scale: undefined });
    return dated.chain(({ testedOn, scale }) => {
      const tefScale: TefScale | undefined =
        test === "tef"
          ? (scale ?? (testedOn! < "2019-10-01" ? "legacy" : testedOn! < "2023-12-11" ? "2019" : "2023"))
          : undefined;
      return fc.record({
        test: fc.constant(test),
        ...(testedOn ? { testedOn: fc.constant(testedOn) } : {}),
        ...(scale ? { scale: fc.constant(scale) } : {}),
        listening: scoreIn(test, "listening", tefScale),
        reading: scoreIn(test, "reading", tefScale),
        writing: scoreIn(test, "writing", tefScale),
        speaking: scoreIn(test, "speaking", tefScale),
      });
    });
  });

const english = ["ielts", "celpip", "pte-core", "clb"] as const;
const french = ["tef", "tcf", "nclc"] as const;

// PTE Core counts only for assessment dates on or after IRCC accepted it (2024-01-30).
const testsOn = (assessedOn: string, tests: readonly LanguageTest[]) =>
  assessedOn < "2024-01-30" ? tests.filter((t) => t !== "pte-core") : tests;

const profileInput: fc.Arbitrary<ProfileInput> = dateBetween("2015-01-01", "2027-06-30")
  .chain((assessedOn) =>
    fc.record({
      assessedOn: fc.constant(assessedOn),
      age: fc.integer({ min: 16, max: 60 }),
      education: fc.constantFrom(...educationLevels),
      canadianEducation: fc.constantFrom(...canadianEducationLevels),
      firstIsEnglish: fc.boolean(),
      english: resultOf(testsOn(assessedOn, english)),
      french: resultOf(french),
      hasSecond: fc.boolean(),
      canadianWorkYears: fc.integer({ min: 0, max: 8 }),
      foreignWorkYears: fc.integer({ min: 0, max: 6 }),
      certificateOfQualification: fc.boolean(),
      siblingInCanada: fc.boolean(),
      jobOffer: fc.constantFrom(...jobOfferKinds),
      provincialNomination: fc.boolean(),
      spouse: fc.option(
        fc.record({
          accompanying: fc.boolean(),
          canadianCitizenOrPR: fc.boolean(),
          education: fc.option(fc.constantFrom(...educationLevels), { nil: undefined }),
          firstLanguage: fc.option(resultOf(testsOn(assessedOn, [...english, ...french])), {
            nil: undefined,
          }),
          canadianWorkYears: fc.integer({ min: 0, max: 8 }),
        }),
        { nil: undefined },
      ),
    }),
  )
  .map(({ firstIsEnglish, english: en, french: fr, hasSecond, spouse, ...rest }) => {
    const input: ProfileInput = {
      ...rest,
      firstLanguage: firstIsEnglish ? en : fr,
      ...(hasSecond ? { secondLanguage: firstIsEnglish ? fr : en } : {}),
    };
    if (spouse) {
      const s: NonNullable<ProfileInput["spouse"]> = {
        accompanying: spouse.accompanying,
        canadianCitizenOrPR: spouse.canadianCitizenOrPR,
        canadianWorkYears: spouse.canadianWorkYears,
      };
      if (spouse.education) s.education = spouse.education;
      if (spouse.firstLanguage) s.firstLanguage = spouse.firstLanguage;
      input.spouse = s;
    }
    return input;
  });

const parsed = profileInput.map((p) => profileSchema.parse(p));

describe("CRS laws (fast-check)", () => {
  it("total ≤ 1200; sections within their maxima; the total is the sum of the sections", () => {
    fc.assert(
      fc.property(parsed, (p) => {
        const r = scoreProfile(p);
        expect(r.total).toBeLessThanOrEqual(1200);
        expect(r.transferability.subtotal).toBeLessThanOrEqual(100);
        expect(r.transferability.education).toBeLessThanOrEqual(50);
        expect(r.transferability.foreignWork).toBeLessThanOrEqual(50);
        expect(r.transferability.certificate).toBeLessThanOrEqual(50);
        expect(r.core.subtotal).toBeLessThanOrEqual(r.withSpouse ? 460 : 500);
        expect(r.spouse.subtotal).toBeLessThanOrEqual(r.withSpouse ? 40 : 0);
        expect(r.core.subtotal + r.spouse.subtotal).toBeLessThanOrEqual(500);
        expect(r.additional.subtotal).toBeLessThanOrEqual(600);
        expect(r.total).toBe(
          r.core.subtotal + r.spouse.subtotal + r.transferability.subtotal + r.additional.subtotal,
        );
      }),
      { numRuns: 1500 },
    );
  });

  it("raising any one ability's result never lowers the score", () => {
    const which = fc.constantFrom("firstLanguage", "secondLanguage", "spouse") as fc.Arbitrary<
      "firstLanguage" | "secondLanguage" | "spouse"
    >;
    fc.assert(
      fc.property(
        parsed,
        which,
        fc.constantFrom(...abilities),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, w, ability, t) => {
          const result = w === "spouse" ? p.spouse?.firstLanguage : p[w];
          if (!result) return;
          const scale =
            result.test === "tef"
              ? (result.scale ??
                (result.testedOn! < "2019-10-01"
                  ? "legacy"
                  : result.testedOn! < "2023-12-11"
                    ? "2019"
                    : "2023"))
              : undefined;
          const range = scoreRanges(result.test, scale)[ability];
          const stepsUp = Math.floor(((range.max - result[ability]) / range.step) * t);
          const raised = { ...result, [ability]: result[ability] + stepsUp * range.step };
          const higher: Profile =
            w === "spouse"
              ? { ...p, spouse: { ...p.spouse!, firstLanguage: raised } }
              : { ...p, [w]: raised };
          expect(scoreProfile(higher).total).toBeGreaterThanOrEqual(scoreProfile(p).total);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("with an accompanying spouse, the core never exceeds 460", () => {
    fc.assert(
      fc.property(parsed, (p) => {
        const withSpouse: Profile = {
          ...p,
          spouse: {
            accompanying: true,
            canadianCitizenOrPR: false,
            canadianWorkYears: 0,
            canadianStudy: false,
          },
        };
        expect(scoreProfile(withSpouse).core.subtotal).toBeLessThanOrEqual(460);
      }),
      { numRuns: 500 },
    );
  });
});

describe("spouse status (fast-check)", () => {
  it("a spouse who is a citizen/PR, or not accompanying, scores exactly as no spouse", () => {
    fc.assert(
      fc.property(parsed, fc.boolean(), (p, citizen) => {
        const single = scoreProfile({ ...p, spouse: undefined });
        const spouse = {
          accompanying: citizen, // a citizen/PR spouse who accompanies, or a spouse who does not
          canadianCitizenOrPR: citizen,
          education: "doctoral" as const,
          canadianWorkYears: 5,
          canadianStudy: false,
        };
        const r = scoreProfile({ ...p, spouse });
        expect(r.withSpouse).toBe(false);
        expect(r.total).toBe(single.total);
      }),
      { numRuns: 500 },
    );
  });
});

describe("scoreBatch", () => {
  it("gives the single scorer's total for every profile", () => {
    fc.assert(
      fc.property(fc.array(parsed, { minLength: 1, maxLength: 60 }), (profiles) => {
        const batch = scoreBatch(profiles);
        expect(batch.errors.size).toBe(0);
        expect(Array.from(batch.totals)).toEqual(profiles.map((p) => scoreProfile(p).total));
        expect(Array.from(batch.mayBeIncomplete)).toEqual(
          profiles.map((p) => (scoreProfile(p).mayBeIncomplete ? 1 : 0)),
        );
      }),
      { numRuns: 200 },
    );
  });
  it("agrees with the single scorer at the schema's extremes (age 120, 60 years of work, CELPIP 12)", () => {
    const extreme = profileSchema.parse({
      assessedOn: "2025-03-25",
      age: 120,
      education: "doctoral",
      firstLanguage: { test: "celpip", listening: 12, reading: 11, writing: 12, speaking: 12 },
      canadianWorkYears: 60,
      foreignWorkYears: 60,
      certificateOfQualification: true,
      spouse: {
        education: "masters",
        canadianWorkYears: 60,
        firstLanguage: { test: "celpip", listening: 12, reading: 12, writing: 12, speaking: 12 },
      },
    });
    // With spouse: age 120 → 0; doctoral 140; CLB 10+ ×4 → 4×32 = 128; 5+ yrs Canada 70 → core 338.
    // Spouse: master's 10 + 4×5 + 5+ yrs 10 = 40. Transferability: education 50 + 50 → 50, foreign 3+
    // yrs 50 + 50 → 50, certificate (CLB 7+) 50 → 150, capped 100. Total 338 + 40 + 100 = 478.
    const single = { ...extreme, spouse: { ...extreme.spouse!, accompanying: false } };
    // Without spouse: 0 + 150 + 4×34 + 80 = 366, + 100 = 466.
    expect(scoreProfile(extreme).total).toBe(478);
    expect(scoreProfile(single).total).toBe(466);
    expect(Array.from(scoreBatch([extreme, single]).totals)).toEqual([478, 466]);
  });
  it("marks a profile it cannot score with -1 and keeps scoring the others", () => {
    const ok = profileSchema.parse({
      assessedOn: "2025-01-01",
      age: 30,
      education: "bachelors",
      firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
    });
    // PTE Core used on a date before IRCC accepted it (no testedOn given)
    const early = profileSchema.parse({
      ...ok,
      assessedOn: "2023-01-01",
      firstLanguage: { test: "pte-core", listening: 70, reading: 70, writing: 70, speaking: 70 },
    });
    const r = scoreBatch([ok, early, ok]);
    expect(Array.from(r.totals)).toEqual([374, -1, 374]);
    expect(r.errors.get(1)?.problems[0]?.field).toBe("firstLanguage.test");
  });
});
