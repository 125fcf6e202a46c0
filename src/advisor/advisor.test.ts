import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledRounds } from "../draws/index.js";
import {
  buildForecastModel,
  candidateFromProfile,
  daysBetween,
  invitationProbability,
  streamVersionsOf,
} from "../forecast/index.js";
import { withExperienceFromHistory } from "../occupations/index.js";
import {
  educationLevels,
  type Profile,
  type ProfileInput,
  profile as profileSchema,
} from "../profile/schema.js";
import { languageLevels, scoreProfile } from "../rules/index.js";
import { singleWorker } from "../rules/testProfiles.js";
import { possibleActions } from "./actions.js";
import { advise } from "./advise.js";

const asOf = "2025-11-14";
const parse = (p: ProfileInput): Profile => profileSchema.parse(p);
const crs = (p: Profile, on: string) =>
  scoreProfile(withExperienceFromHistory({ ...p, assessedOn: on })).total;

// 29, bachelor's, CLB 9 in all four, 1 year in Canada, 3 abroad, single: CRS 482.
const worker = parse(singleWorker);

describe("the actions offered, worked by hand", () => {
  const actions = possibleActions(worker, asOf);
  const gain = (id: string) => {
    const a = actions.find((x) => x.id === id);
    if (!a) throw new Error(`no action ${id}`);
    return crs(a.profile, a.reachedOn) - crs(worker, asOf);
  };

  it("starts from the engine's 482", () => expect(crs(worker, asOf)).toBe(482));
  it("French at NCLC 7: 50 French points + 4 × 3 second-language points", () =>
    expect(gain("french-nclc-7")).toBe(62));
  it("a master's: education 120 → 135, transferability 38 → 50 (capped)", () =>
    expect(gain("education-masters")).toBe(27));
  it("CLB 10 in listening: 31 → 34", () => expect(gain("retest-first-listening")).toBe(3));
  it("another year in Canada, a year later at 30: +13 work, −5 age, +12 transferability", () =>
    expect(gain("canadian-work-plus-one")).toBe(20));
  it("a nomination: 600", () => expect(gain("provincial-nomination")).toBe(600));
  it("offers nothing for a spouse the person does not have", () =>
    expect(actions.some((a) => a.kind.startsWith("spouse"))).toBe(false));
});

describe("another year of work is a calendar year later", () => {
  const reached = (date: string, id: string) =>
    possibleActions(worker, date).find((a) => a.id === id)?.reachedOn;

  it("an ordinary date: the same day next year", () =>
    expect(reached("2025-11-14", "canadian-work-plus-one")).toBe("2026-11-14"));
  it("across 29 February 2024 (non-leap start): 2023-03-01 → 2024-03-01, not 365 days later (02-29)", () =>
    expect(reached("2023-03-01", "foreign-work-plus-one")).toBe("2024-03-01"));
  it("from 29 February 2024: 28 February 2025, as occupations' addYears draws the work windows", () =>
    expect(reached("2024-02-29", "canadian-work-plus-one")).toBe("2025-02-28"));

  it("from 29 February, the open job has a full second year by 28 February", () => {
    // 30 h/week from 2023-03-01: to 2024-02-29 is 366 days = 366 × 30 / 7 = 1,568.6 h (one year, 1,560 h);
    // to 2025-02-28 is 731 days = 3,132.9 h, past the 3,120 h of two years (programs.md: 1 year = 1,560 h).
    const employed = parse({
      ...singleWorker,
      workHistory: [{ noc: "21231", from: "2023-03-01", to: null, hoursPerWeek: 30, country: "CA" }],
    });
    const action = possibleActions(employed, "2024-02-29").find((a) => a.id === "work-one-more-year");
    expect(action?.reachedOn).toBe("2025-02-28");
    expect(withExperienceFromHistory({ ...employed, assessedOn: "2024-02-29" }).canadianWorkYears).toBe(1);
    expect(withExperienceFromHistory(action!.profile).canadianWorkYears).toBe(2);
    expect(action!.profile.age).toBe(employed.age! + 1);
  });
});

const clb = fc.integer({ min: 4, max: 12 });
const generatedProfile = fc
  .record({
    age: fc.integer({ min: 18, max: 60 }),
    education: fc.constantFrom(...educationLevels),
    levels: fc.tuple(clb, clb, clb, clb),
    canadianWorkYears: fc.integer({ min: 0, max: 6 }),
    foreignWorkYears: fc.integer({ min: 0, max: 6 }),
    provincialNomination: fc.boolean(),
    french: fc.option(fc.tuple(clb, clb, clb, clb), { nil: undefined }),
    spouse: fc.option(
      fc.record({
        education: fc.constantFrom(...educationLevels),
        levels: fc.option(fc.tuple(clb, clb, clb, clb), { nil: undefined }),
        accompanying: fc.boolean(),
      }),
      { nil: undefined },
    ),
  })
  .map(({ levels, french, spouse, ...rest }) => {
    const result = (test: "clb" | "nclc", [listening, reading, writing, speaking]: number[]) => ({
      test,
      listening: listening!,
      reading: reading!,
      writing: writing!,
      speaking: speaking!,
    });
    return parse({
      ...rest,
      firstLanguage: result("clb", levels),
      ...(french ? { secondLanguage: result("nclc", french) } : {}),
      ...(spouse
        ? {
            spouse: {
              accompanying: spouse.accompanying,
              education: spouse.education,
              ...(spouse.levels ? { firstLanguage: result("clb", spouse.levels) } : {}),
            },
          }
        : {}),
    });
  });

describe("the advisor's laws", () => {
  it("only offers changes that are possible, and their points are the engine's CRS difference", () => {
    fc.assert(
      fc.property(generatedProfile, (p) => {
        const before = { ...p, assessedOn: asOf };
        const levelsBefore = languageLevels(before);
        for (const a of possibleActions(p, asOf)) {
          const after = a.profile;
          // Time and age only move forward, together.
          expect(a.reachedOn >= asOf).toBe(true);
          expect(after.age).toBe(a.reachedOn === asOf ? p.age : p.age! + 1);
          // Nothing is taken away: education, language levels, experience, nomination.
          expect(educationLevels.indexOf(after.education)).toBeGreaterThanOrEqual(
            educationLevels.indexOf(p.education),
          );
          const levelsAfter = languageLevels(after);
          for (const ability of ["listening", "reading", "writing", "speaking"] as const)
            expect(levelsAfter.first.levels[ability]).toBeGreaterThanOrEqual(
              levelsBefore.first.levels[ability],
            );
          expect(after.canadianWorkYears).toBeGreaterThanOrEqual(p.canadianWorkYears);
          expect(after.foreignWorkYears).toBeGreaterThanOrEqual(p.foreignWorkYears);
          if (p.provincialNomination) expect(a.kind).not.toBe("nomination");
          if (!p.spouse?.accompanying) expect(a.kind.startsWith("spouse")).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reports each change's points as the engine's difference, ranked by chance gained", () => {
    const model = buildForecastModel(bundledRounds(), asOf);
    fc.assert(
      fc.property(generatedProfile, (p) => {
        const advice = advise(p, model, { paths: 1000, assumeUnknownEligible: true });
        expect(advice.score).toBe(crs(p, asOf));
        for (const a of advice.actions) {
          expect(a.pointsGained).toBe(crs(a.profile, a.reachedOn) - advice.score);
          // The engine's score of the changed profile on the day the change is made, worked out here.
          expect(a.newScore).toBe(crs(a.profile, a.reachedOn));
          expect(a.probability).toBeGreaterThanOrEqual(0);
          expect(a.probability).toBeLessThanOrEqual(1);
        }
        for (let k = 1; k < advice.actions.length; k++)
          expect(advice.actions[k - 1]!.probabilityGained).toBeGreaterThanOrEqual(
            advice.actions[k]!.probabilityGained,
          );
      }),
      { numRuns: 15 },
    );
  });

  it("values a nomination above everything for an eligible worker far below the cut-offs", () => {
    const advice = advise(worker, buildForecastModel(bundledRounds(), asOf), {
      paths: 2000,
      assumeUnknownEligible: true,
    });
    expect(advice.actions[0]!.id).toBe("provincial-nomination");
    expect(advice.actions[0]!.newEligibility).toContain("pnp");
  });
});

describe("advice from futures simulated once", () => {
  it("gives each change the chance a run of its own gives it (same seed, same paths)", () => {
    const model = buildForecastModel(bundledRounds(), asOf);
    const options = { paths: 400, seed: 5 };
    const advice = advise(worker, model, options);
    const versions = streamVersionsOf(model);
    const alone = (p: Profile, on: string) =>
      invitationProbability(model, candidateFromProfile(p, on, versions), {
        ...options,
        horizons: [26],
        startWeeks: Math.floor(daysBetween(asOf, on) / 7),
      }).within[0]!.probability;
    expect(advice.probability).toBe(alone(worker, asOf));
    expect(advice.actions.length).toBeGreaterThan(0);
    for (const a of advice.actions) expect(a.probability).toBe(alone(a.profile, a.reachedOn));
  });
});
