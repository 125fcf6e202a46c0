import { describe, expect, it } from "vitest";
import {
  assessEligibility,
  compileEligibility,
  eligibilityBatch,
  withExperienceFromHistory,
} from "../occupations/index.js";
import { FieldError } from "../profile/errors.js";
import { type ProfileInput, profile as profileSchema } from "../profile/schema.js";
import { languageLevels } from "../rules/index.js";
import { poolFromProfiles, scoreCandidate, streamEligibility } from "./candidates.js";
import { runRound } from "./engine.js";
import { keysOf, maskOf, streamKeys } from "./pool.js";

const nurse = (extra: Partial<ProfileInput> = {}) =>
  profileSchema.parse({
    id: "n1",
    submittedAt: "2025-01-05T08:30:00+01:00",
    age: 30,
    education: "bachelors",
    firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
    workHistory: [{ noc: "31301", from: "2024-01-01", to: null, hoursPerWeek: 37.5, country: "CA" }],
    ...extra,
  });

describe("scoring a profile into a pool candidate", () => {
  it("keeps the score, the eligibility keys, the rule set and the date, and normalizes the time to UTC", () => {
    const c = scoreCandidate(nurse(), "2025-03-01");
    expect(c.id).toBe("n1");
    expect(c.submittedAt).toBe("2025-01-05T07:30:00Z");
    expect(c.computedOn).toBe("2025-03-01");
    // Before the 2025-03-25 change (no more job-offer points), the rule set of 2020-10-20 applied.
    expect(c.ruleSet).toBe("French bonus raised to 25/50");
    // Single, 30: age 105 + bachelor's 120 + CLB 9 in all four 4 × 31 + 1 year in Canada 40,
    // + transferability: bachelor's with CLB 9 25, with 1 year in Canada 13 = 427.
    expect(c.crs).toBe(427);
    // 14 months in Canada as a nurse: CEC, and the healthcare list version of that date.
    expect(c.eligible).toEqual(
      expect.arrayContaining(["general", "cec", "healthcare-social-services@2025-v2"]),
    );
    expect(c.eligible).not.toContain("fst");
    // FSW needs proof of funds, which this profile does not give.
    expect(c.unknown).toContain("fsw");
  });

  it("Canadian experience years come from the history: 1 year in Canada scores more than none", () => {
    const withHistory = scoreCandidate(nurse(), "2025-03-01");
    const without = scoreCandidate(nurse({ workHistory: [] }), "2025-03-01");
    // 1 year in Canada: 40 core points + 13 for a bachelor's with 1 year of Canadian work.
    expect(withHistory.crs - without.crs).toBe(40 + 13);
  });

  it("a candidate needs an id and a submission time, named as fields", () => {
    const p = nurse();
    expect(() => scoreCandidate({ ...p, submittedAt: undefined }, "2025-03-01")).toThrow(FieldError);
    expect(() => scoreCandidate({ ...p, id: undefined }, "2025-03-01")).toThrow(/id: is required/);
  });

  it("a pool of profiles runs a category round on the version in force", () => {
    const pool = poolFromProfiles(
      [
        nurse(),
        nurse({ id: "n2", submittedAt: "2025-01-04T00:00:00Z" }),
        nurse({ id: "dev", workHistory: [] }),
      ],
      "2025-03-01",
    );
    expect(keysOf(pool.eligible[2]!)).not.toContain("general");
    const r = runRound(pool, { date: "2025-03-01", stream: "healthcare-social-services", size: 1 });
    expect(r.invited).toBe(1);
    expect(pool.ids![r.invitedIndices[0]!]).toBe("n2");
  });
});

describe("eligibility from the compiled rules", () => {
  it("answers in the pool's stream-key order, so its masks are the pool's", () => {
    expect(compileEligibility().keys).toEqual(streamKeys);
  });

  it("gives a candidate the keys the full report gives, in its order, and the pool's masks in a batch", () => {
    const profiles = [
      nurse(),
      nurse({ workHistory: [] }),
      nurse({ workHistory: undefined, canadianWorkYears: 1 }),
      nurse({
        provincialNomination: true,
        secondLanguage: { test: "nclc", listening: 7, reading: 7, writing: 7, speaking: 7 },
      }),
      nurse({ intendsToLiveInQuebec: true }),
    ];
    const date = "2025-03-01";
    const judged = profiles.map((p) => withExperienceFromHistory({ ...p, assessedOn: date }));
    const batch = eligibilityBatch(judged);
    judged.forEach((p, i) => {
      const full = streamEligibility(assessEligibility(p, languageLevels(p), date));
      const c = scoreCandidate(profiles[i]!, date);
      expect(c.eligible).toEqual(full.eligible);
      expect(c.unknown ?? []).toEqual(full.unknown);
      expect(batch.eligible[i]).toBe(maskOf(full.eligible));
      expect(batch.unknown[i]).toBe(maskOf(full.unknown));
    });
  });
});
