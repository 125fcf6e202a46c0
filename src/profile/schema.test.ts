import { describe, expect, it } from "vitest";
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
