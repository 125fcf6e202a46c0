import { describe, expect, it } from "vitest";
import { isCalendarDate } from "./dates.js";
import { describeIssues } from "./errors.js";
import { profile } from "./schema.js";

describe("profile schema", () => {
  it("fills defaults for the optional fields", () => {
    const p = profile.parse({
      age: 29,
      education: "bachelors",
      firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
    });
    expect(p.canadianEducation).toBe("none");
    expect(p.canadianWorkYears).toBe(0);
    expect(p.jobOffer).toBe("none");
    expect(p.spouse).toBeUndefined();
  });

  it("names the field and the allowed values for an unknown education", () => {
    const r = profile.safeParse({
      age: 29,
      education: "college",
      firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
    });
    expect(r.success).toBe(false);
    const problems = describeIssues(r.error!);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe("education");
    expect(problems[0]!.allowed).toContain("bachelors");
    expect(problems[0]!.allowed).toContain("less-than-secondary");
  });

  it("rejects an impossible calendar date", () => {
    const r = profile.safeParse({
      assessedOn: "2025-02-30",
      age: 29,
      education: "bachelors",
      firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
    });
    expect(r.success).toBe(false);
    expect(describeIssues(r.error!)[0]!.field).toBe("assessedOn");
  });
});

describe("language results in the profile schema", () => {
  const base = {
    assessedOn: "2025-06-01",
    age: 30,
    education: "bachelors",
    firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
  };
  const problems = (input: unknown) => {
    const r = profile.safeParse(input);
    return r.success ? [] : describeIssues(r.error);
  };

  it("IELTS moves in half bands: 7.25 is rejected, 7.5 accepted", () => {
    const bad = problems({
      ...base,
      firstLanguage: { test: "ielts", listening: 7.25, reading: 7, writing: 7, speaking: 7 },
    });
    expect(bad).toEqual([
      {
        field: "firstLanguage.listening",
        problem: "is not a valid ielts listening score",
        allowed: "0–9 in steps of 0.5",
      },
    ]);
    expect(
      problems({
        ...base,
        firstLanguage: { test: "ielts", listening: 7.5, reading: 7, writing: 7, speaking: 7 },
      }),
    ).toEqual([]);
  });

  it("CLB/NCLC are whole numbers 0–12", () => {
    const bad = problems({
      ...base,
      firstLanguage: { test: "clb", listening: 13, reading: 9.5, writing: 9, speaking: -1 },
    });
    expect(bad.map((p) => p.field)).toEqual([
      "firstLanguage.listening",
      "firstLanguage.reading",
      "firstLanguage.speaking",
    ]);
    expect(bad[0]!.allowed).toBe("whole numbers 0–12");
  });

  it("TEF ranges follow the scale: legacy reading is out of 300, the newer scales out of 699", () => {
    const tef = (scale: string, reading: number) => ({
      ...base,
      secondLanguage: { test: "tef", scale, listening: 200, reading, writing: 200, speaking: 200 },
    });
    expect(problems(tef("legacy", 301)).map((p) => p.field)).toEqual(["secondLanguage.reading"]);
    expect(problems(tef("2023", 301))).toEqual([]);
    expect(problems(tef("2023", 700)).map((p) => p.field)).toEqual(["secondLanguage.reading"]);
  });

  it("TEF needs testedOn or scale; scale is only for TEF", () => {
    const noDate = problems({
      ...base,
      secondLanguage: { test: "tef", listening: 400, reading: 400, writing: 400, speaking: 400 },
    });
    expect(noDate.map((p) => p.field)).toEqual(["secondLanguage.testedOn"]);
    const scaleOnIelts = problems({
      ...base,
      firstLanguage: { test: "ielts", scale: "legacy", listening: 7, reading: 7, writing: 7, speaking: 7 },
    });
    expect(scaleOnIelts.map((p) => p.field)).toEqual(["firstLanguage.scale"]);
  });

  it("PTE Core taken before 2024-01-30 says from when it is accepted", () => {
    const early = problems({
      ...base,
      firstLanguage: {
        test: "pte-core",
        testedOn: "2024-01-29",
        listening: 70,
        reading: 70,
        writing: 70,
        speaking: 70,
      },
    });
    expect(early).toHaveLength(1);
    expect(early[0]!.field).toBe("firstLanguage.testedOn");
    expect(early[0]!.problem).toMatch(/accepted by IRCC from 2024-01-30/);
  });

  it("the second language must be the other official language", () => {
    const twoEnglish = problems({
      ...base,
      secondLanguage: { test: "celpip", listening: 9, reading: 9, writing: 9, speaking: 9 },
    });
    expect(twoEnglish).toEqual([
      {
        field: "secondLanguage.test",
        problem: "must be a test of the other official language (the first language is english)",
        allowed: "tef | tcf | nclc",
      },
    ]);
  });

  it("a date before 2015-01-01 names assessedOn and the first allowed day", () => {
    const old = problems({ ...base, assessedOn: "2014-12-31" });
    expect(old).toEqual([
      {
        field: "assessedOn",
        problem: "is before Express Entry and the CRS began (2015-01-01)",
        allowed: "a date on or after 2015-01-01",
      },
    ]);
  });

  it("a missing required field says it is required", () => {
    expect(problems({ age: 30, education: "bachelors" })).toEqual([
      { field: "firstLanguage", problem: "is required (expected object)" },
    ]);
  });
});

describe("isCalendarDate (the check ee draws --since and ee pool score --date use without zod)", () => {
  it("takes only days that exist, written YYYY-MM-DD", () => {
    // 2024 is a leap year (divisible by 4, not by 100); 2025 is not; February has 28 days then.
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-28")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-02-31")).toBe(false);
    expect(isCalendarDate("2025-13-01")).toBe(false);
    expect(isCalendarDate("2025-1-01")).toBe(false);
    expect(isCalendarDate("2025-01")).toBe(false);
  });
});
