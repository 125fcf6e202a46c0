import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn, earliestBirthDate, withAgeOn } from "./age.js";
import { describeIssues, FieldError, type FieldProblem } from "./errors.js";
import { profile } from "./schema.js";

const clb9 = { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 } as const;
const base = { education: "bachelors", firstLanguage: clb9 } as const;

/** The problems of a profile, as the CLI and API report them. */
const problemsOf = (input: unknown): FieldProblem[] => {
  const r = profile.safeParse(input);
  return r.success ? [] : describeIssues(r.error);
};

/** The FieldError problems thrown by `f`. */
function thrownProblems(f: () => unknown): FieldProblem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof FieldError) return e.problems;
    throw e;
  }
  throw new Error("no FieldError was thrown");
}

describe("ageOn: whole years completed on a date", () => {
  it("is one less the day before the birthday, and the new age on the day", () => {
    // Born 1995-11-25: on 2025-11-24 the 30th birthday has not come (2025 − 1995 − 1 = 29); on 2025-11-25 it has.
    expect(ageOn("1995-11-25", "2025-11-24")).toBe(29);
    expect(ageOn("1995-11-25", "2025-11-25")).toBe(30);
    expect(ageOn("1995-11-25", "2025-12-31")).toBe(30);
    // Earlier month, later day: 2026-01-30 is before 11-25 in the calendar year.
    expect(ageOn("1995-11-25", "2026-01-30")).toBe(30);
  });

  it("is 0 on the day of birth and until the first birthday", () => {
    expect(ageOn("2025-06-15", "2025-06-15")).toBe(0);
    expect(ageOn("2025-06-15", "2026-06-14")).toBe(0);
    expect(ageOn("2025-06-15", "2026-06-15")).toBe(1);
  });

  it("born 29 February: the birthday is 1 March in a common year, 29 February in a leap year", () => {
    // The common legal convention (IRCC's sources do not say): 25 is reached on 2025-03-01, not 02-28.
    expect(ageOn("2000-02-29", "2025-02-28")).toBe(24);
    expect(ageOn("2000-02-29", "2025-03-01")).toBe(25);
    // 2024 is a leap year: the birthday is the day itself.
    expect(ageOn("2000-02-29", "2024-02-28")).toBe(23);
    expect(ageOn("2000-02-29", "2024-02-29")).toBe(24);
  });

  it("is negative before the birth", () => {
    expect(ageOn("2000-05-10", "2000-05-09")).toBe(-1);
  });

  // Laws over any two dates (days counted from 1900-01-01, so every date is a real one).
  const day = fc.integer({ min: 0, max: 73_000 }); // 1900 to about 2099
  const iso = (d: number) => new Date(Date.UTC(1900, 0, 1 + d)).toISOString().slice(0, 10);

  it("never goes down as the date moves on, and goes up by at most one a day", () => {
    fc.assert(
      fc.property(day, day, (born, on) => {
        const today = ageOn(iso(born), iso(on));
        const tomorrow = ageOn(iso(born), iso(on + 1));
        expect(tomorrow - today === 0 || tomorrow - today === 1).toBe(true);
      }),
    );
  });

  it("is n on the same month and day n years on (any day but 29 February)", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (born, n) => {
        const b = iso(born);
        fc.pre(b.slice(5) !== "02-29");
        const later = `${Number(b.slice(0, 4)) + n}${b.slice(4)}`;
        expect(ageOn(b, later)).toBe(n);
      }),
    );
  });
});

describe("withAgeOn: the profile with its age on a date", () => {
  it("keeps a profile that gives only an age as it is", () => {
    const p = { age: 29, assessedOn: "2025-11-24" };
    expect(withAgeOn(p)).toBe(p);
    // Another date does not change a stated age: nothing says when the person was born.
    expect(withAgeOn(p, "2026-11-24").age).toBe(29);
  });

  it("works the age out from the birth date on the assessment date", () => {
    expect(withAgeOn({ birthDate: "1995-11-25", assessedOn: "2025-11-24" }).age).toBe(29);
    expect(withAgeOn({ birthDate: "1995-11-25", assessedOn: "2025-11-25" }).age).toBe(30);
    // Or on the date given, e.g. a client's status a year later: the birth date decides, the old age is of
    // another day.
    expect(withAgeOn({ age: 29, birthDate: "1995-11-25", assessedOn: "2025-11-24" }, "2026-11-25").age).toBe(
      31,
    );
  });

  it("refuses an age and a birth date that disagree on the assessment date, naming age", () => {
    const problems = thrownProblems(() =>
      withAgeOn({ age: 30, birthDate: "1995-11-25", assessedOn: "2025-11-24" }),
    );
    expect(problems).toEqual([
      {
        field: "age",
        problem: "does not agree with birthDate: they give different ages on 2025-11-24",
        allowed: "the age in completed years on 2025-11-24, or leave out age or birthDate",
      },
    ]);
    // Without an assessedOn of its own, the date given is the assessment date.
    expect(
      thrownProblems(() => withAgeOn({ age: 30, birthDate: "1995-11-25" }, "2025-11-24"))[0]!.field,
    ).toBe("age");
  });

  it("refuses a profile with neither, naming age and birthDate as the other choice", () => {
    const [problem] = thrownProblems(() => withAgeOn({ assessedOn: "2025-11-24" }));
    expect(problem!.field).toBe("age");
    expect(problem!.problem).toMatch(/birthDate/);
  });

  it("refuses a birth date after the assessment date", () => {
    const [problem] = thrownProblems(() => withAgeOn({ birthDate: "2025-11-25", assessedOn: "2025-11-24" }));
    expect(problem).toMatchObject({
      field: "birthDate",
      problem: "gives an age outside 0–120 on 2025-11-24",
    });
  });
});

describe("a birth date too far in the past", () => {
  it("names the range of birth dates allowed, not 'on or before' the date (which the date already is)", () => {
    // 2025-11-24: someone born 1904-11-25 is 120 (their 121st birthday is the next day); born a day earlier, 121.
    expect(ageOn("1904-11-25", "2025-11-24")).toBe(120);
    expect(problemsOf({ ...base, birthDate: "1904-11-25", assessedOn: "2025-11-24" })).toEqual([]);
    const [problem] = thrownProblems(() => withAgeOn({ birthDate: "1904-11-24", assessedOn: "2025-11-24" }));
    expect(problem).toEqual({
      field: "birthDate",
      problem: "gives an age outside 0–120 on 2025-11-24",
      allowed: "a date of birth from 1904-11-25 to 2025-11-24",
    });
    expect(problemsOf({ ...base, birthDate: "1800-01-01", assessedOn: "2025-11-24" })).toEqual([
      {
        field: "birthDate",
        problem: "gives an age outside 0–120 on 2025-11-24",
        allowed: "a date of birth from 1904-11-25 to 2025-11-24",
      },
    ]);
  });

  it("the earliest birth date allowed across 29 February", () => {
    const allowed = (date: string) =>
      thrownProblems(() => withAgeOn({ birthDate: "1800-01-01" }, date))[0]?.allowed;
    // On 2024-02-29, born 1903-03-01 is 120; born 1903-02-28, 121 (1903 has no 29 February).
    expect(allowed("2024-02-29")).toBe("a date of birth from 1903-03-01 to 2024-02-29");
    expect(ageOn("1903-03-01", "2024-02-29")).toBe(120);
    expect(ageOn("1903-02-28", "2024-02-29")).toBe(121);
    // On 2025-02-28, born 1904-02-29 is 120 (the birthday is 1 March in 2025); born 1904-02-28, 121.
    expect(allowed("2025-02-28")).toBe("a date of birth from 1904-02-29 to 2025-02-28");
    expect(ageOn("1904-02-29", "2025-02-28")).toBe(120);
    expect(ageOn("1904-02-28", "2025-02-28")).toBe(121);
  });

  it("law: born on the earliest date allowed, 120 on the date; born the day before, 121", () => {
    const day = fc.integer({ min: 0, max: 73_000 }); // dates from 2025 to about 2224
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, (d) => {
        const date = iso(Date.UTC(2025, 0, 1 + d));
        const earliest = earliestBirthDate(date);
        const dayBefore = iso(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000);
        return ageOn(earliest, date) === 120 && ageOn(dayBefore, date) === 121;
      }),
    );
  });

  it("a birth date after the date still says on or before it", () => {
    const [problem] = thrownProblems(() => withAgeOn({ birthDate: "2025-11-25", assessedOn: "2025-11-24" }));
    expect(problem?.allowed).toBe("a date of birth on or before 2025-11-24");
  });
});

describe("age and birthDate in the profile schema", () => {
  it("accepts either one, or both when they agree on assessedOn", () => {
    expect(problemsOf({ ...base, age: 29 })).toEqual([]);
    expect(problemsOf({ ...base, birthDate: "1995-11-25" })).toEqual([]);
    expect(problemsOf({ ...base, assessedOn: "2025-11-24", age: 29, birthDate: "1995-11-25" })).toEqual([]);
  });

  it("refuses both when they disagree, repeating neither the age nor the date of birth", () => {
    expect(problemsOf({ ...base, assessedOn: "2025-11-25", age: 29, birthDate: "1995-11-25" })).toEqual([
      {
        field: "age",
        problem: "does not agree with birthDate: they give different ages on 2025-11-25",
        allowed: "the age in completed years on 2025-11-25, or leave out age or birthDate",
      },
    ]);
  });

  it("refuses neither, naming age, alongside the other fields' problems", () => {
    const problems = problemsOf({ education: "college", firstLanguage: clb9 });
    expect(problems.map((p) => p.field).sort()).toEqual(["age", "education"]);
    expect(problems.find((p) => p.field === "age")!.allowed).toBe(
      "a whole number 0–120, or birthDate YYYY-MM-DD",
    );
  });

  it("refuses a birth date that is not a calendar date, naming birthDate only", () => {
    const problems = problemsOf({ ...base, birthDate: "1995-02-30" });
    expect(problems.map((p) => p.field)).toEqual(["birthDate"]);
  });

  it("keeps the birth date in the parsed profile", () => {
    expect(profile.parse({ ...base, birthDate: "2000-02-29" }).birthDate).toBe("2000-02-29");
  });
});
