// The form's profile state: scoring a profile on the page's date (the calculator's "as of", the clients
// editor's today). Expected totals are worked by hand from the 2025-03-25 grid (docs/sources/crs-rules.md).
import { describe, expect, it } from "vitest";
import { evaluate, shareableProfile } from "./profile-state.js";
import { decodeState, encodeState } from "./router.js";

// Single, master's degree, IELTS 8/7/7/7.5 (CLB 9, 9, 9, 10), no work experience; born 1995-11-25.
// Single column: age 29 → 110, 30 → 105, 31 → 99; master's 135; first language 31 + 31 + 31 + 34 = 127;
// skill transferability, education × language 50.
const master = {
  education: "masters",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7.5 },
} as const;
const born = "1995-11-25";

const totalOf = (e: ReturnType<typeof evaluate>) => (e.ok ? e.result.total : e.problems);

describe("evaluate on the page's date", () => {
  it("a birth date alone: 29 the day before the 30th birthday (422), 30 on it (417)", () => {
    expect(totalOf(evaluate({ ...master, birthDate: born }, "2025-11-24"))).toBe(110 + 135 + 127 + 50);
    expect(totalOf(evaluate({ ...master, birthDate: born }, "2025-11-25"))).toBe(105 + 135 + 127 + 50);
  });

  it("a client saved with age and birth date a year ago is scored at the birth date's age today (31: 411)", () => {
    // The clients editor evaluates a stored profile on today; its age (29) was of its own assessedOn.
    const saved = { ...master, birthDate: born, age: 29, assessedOn: "2025-11-24" };
    expect(totalOf(evaluate(saved, "2026-11-25"))).toBe(99 + 135 + 127 + 50);
  });

  it("age and birth date disagreeing on the page's date (no date of their own) are refused, naming age", () => {
    const e = evaluate({ ...master, birthDate: born, age: 31 }, "2025-11-24");
    expect(e.ok).toBe(false);
    expect(e.ok ? [] : e.problems.map((p) => p.field)).toEqual(["age"]);
  });
});

describe("the calculator's shareable URL keeps the age, never the date of birth", () => {
  const withBirth = { ...master, birthDate: born, age: 12 };

  it("replaces the birth date by the age it gives on the assessment date (29 the day before, 30 on it)", () => {
    expect(shareableProfile(withBirth, "2025-11-24")).toEqual({ ...master, age: 29 });
    expect(shareableProfile(withBirth, "2025-11-25")).toEqual({ ...master, age: 30 });
    // Born 29 February: still 24 on 28 February 2025, 25 on 1 March.
    expect(shareableProfile({ ...master, birthDate: "2000-02-29" }, "2025-02-28")).toEqual({
      ...master,
      age: 24,
    });
    expect(shareableProfile({ ...master, birthDate: "2000-02-29" }, "2025-03-01")).toEqual({
      ...master,
      age: 25,
    });
  });

  it("a birth date that gives no age in range (or is not a date) is dropped, the age left as it was", () => {
    expect(shareableProfile({ ...master, birthDate: "2025-11-25", age: 40 }, "2025-11-24")).toEqual({
      ...master,
      age: 40,
    });
    expect(shareableProfile({ ...master, birthDate: "1800-01-01" }, "2025-11-24")).toEqual(master);
    expect(shareableProfile({ ...master, birthDate: "1995-02-30" }, "2025-11-24")).toEqual(master);
  });

  it("a profile without a birth date is kept as it is", () => {
    expect(shareableProfile({ ...master, age: 41 }, "2025-11-24")).toEqual({ ...master, age: 41 });
  });

  it("the encoded URL parameter holds no trace of the birth date", () => {
    const param = encodeState(shareableProfile(withBirth, "2025-11-24"));
    const decoded = JSON.stringify(decodeState(param));
    expect(decoded).not.toContain("birthDate");
    expect(decoded).not.toContain("1995");
  });
});
