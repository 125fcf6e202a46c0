// Conversion boundaries, written from IRCC's equivalency charts (docs/sources/language-tests.md),
// not read from data/language-charts.ts: the last score below each level and the first score of it.
import { describe, expect, it } from "vitest";
import { FieldError } from "../profile/errors.js";
import { type LanguageResult, profile as profileSchema } from "../profile/schema.js";
import { convertResult, languageLevels } from "./language.js";

type Scores = [listening: number, reading: number, writing: number, speaking: number];
const result = (
  test: LanguageResult["test"],
  s: Scores,
  extra: Partial<LanguageResult> = {},
): LanguageResult => ({
  test,
  listening: s[0],
  reading: s[1],
  writing: s[2],
  speaking: s[3],
  ...extra,
});
const levels = (test: LanguageResult["test"], s: Scores, extra: Partial<LanguageResult> = {}) => {
  const l = convertResult(result(test, s, extra), "firstLanguage", "2025-06-01").levels;
  return [l.listening, l.reading, l.writing, l.speaking];
};

describe("IELTS General Training → CLB", () => {
  it("gives the familiar CLB 9 for L8 R7 W7 S7 and CLB 10 for L8.5 R8 W7.5 S7.5", () => {
    expect(levels("ielts", [8, 7, 7, 7])).toEqual([9, 9, 9, 9]);
    expect(levels("ielts", [8.5, 8, 7.5, 7.5])).toEqual([10, 10, 10, 10]);
  });
  it("listening 6.0–7.0 is CLB 7 (CLB 8 needs 7.5); reading 7.0–7.5 is CLB 9", () => {
    expect(levels("ielts", [6, 7, 6, 6])).toEqual([7, 9, 7, 7]);
    expect(levels("ielts", [7, 7.5, 6, 6])).toEqual([7, 9, 7, 7]);
    expect(levels("ielts", [7.5, 6.5, 6.5, 6.5])).toEqual([8, 8, 8, 8]);
  });
  it("each level's lower edge, per ability", () => {
    // CLB:            10   9    8    7    6    5    4
    // listening:      8.5  8.0  7.5  6.0  5.5  5.0  4.5
    // reading:        8.0  7.0  6.5  6.0  5.0  4.0  3.5
    // writing:        7.5  7.0  6.5  6.0  5.5  5.0  4.0
    // speaking:       7.5  7.0  6.5  6.0  5.5  5.0  4.0
    expect(levels("ielts", [5.5, 5, 5.5, 5.5])).toEqual([6, 6, 6, 6]);
    expect(levels("ielts", [5, 4, 5, 5])).toEqual([5, 5, 5, 5]);
    expect(levels("ielts", [4.5, 3.5, 4, 4])).toEqual([4, 4, 4, 4]);
    expect(levels("ielts", [4, 3, 3.5, 3.5])).toEqual([0, 0, 0, 0]);
    expect(levels("ielts", [9, 9, 9, 9])).toEqual([10, 10, 10, 10]);
  });
});

describe("CELPIP-General → CLB", () => {
  it("CELPIP levels are CLB levels", () => {
    expect(levels("celpip", [9, 7, 10, 12])).toEqual([9, 7, 10, 12]);
    expect(levels("celpip", [4, 3, 0, 5])).toEqual([4, 3, 0, 5]);
  });
});

describe("PTE Core → CLB", () => {
  it("each level's lower edge and the score just below it", () => {
    // listening 89/82/71/60/50/39/28/18, reading 88/78/69/60/51/42/33/24,
    // writing 90/88/79/69/60/51/41/32, speaking 89/84/76/68/59/51/42/34 for CLB 10..3
    expect(levels("pte-core", [89, 88, 90, 89])).toEqual([10, 10, 10, 10]);
    expect(levels("pte-core", [88, 87, 89, 88])).toEqual([9, 9, 9, 9]);
    expect(levels("pte-core", [82, 78, 88, 84])).toEqual([9, 9, 9, 9]);
    expect(levels("pte-core", [81, 77, 87, 83])).toEqual([8, 8, 8, 8]);
    expect(levels("pte-core", [60, 60, 69, 68])).toEqual([7, 7, 7, 7]);
    expect(levels("pte-core", [59, 59, 68, 67])).toEqual([6, 6, 6, 6]);
    expect(levels("pte-core", [39, 42, 51, 51])).toEqual([5, 5, 5, 5]);
    expect(levels("pte-core", [28, 33, 41, 42])).toEqual([4, 4, 4, 4]);
    expect(levels("pte-core", [18, 24, 32, 34])).toEqual([3, 3, 3, 3]);
    expect(levels("pte-core", [17, 23, 31, 33])).toEqual([0, 0, 0, 0]);
  });
  it("a PTE Core test taken before 2024-01-30 is an error saying from when it is accepted", () => {
    expect(() =>
      convertResult(result("pte-core", [70, 70, 70, 70], { testedOn: "2024-01-29" }), "firstLanguage"),
    ).toThrow(/accepted by IRCC from 2024-01-30/);
    expect(levels("pte-core", [70, 70, 70, 70], { testedOn: "2024-01-30" })).toEqual([7, 8, 7, 7]);
  });
  it("a PTE Core result cannot count on a date before it was accepted, even without testedOn", () => {
    try {
      convertResult(result("pte-core", [70, 70, 70, 70]), "firstLanguage", "2023-06-01");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FieldError);
      expect((e as FieldError).problems[0]!.field).toBe("firstLanguage.test");
    }
  });
  it("a PTE Core test taken on/after 2024-01-30 still cannot count for a date before then", () => {
    // Taken 2024-02-01, scored for 2023-06-01: on 2023-06-01 IRCC did not accept PTE Core at all.
    try {
      convertResult(
        result("pte-core", [70, 70, 70, 70], { testedOn: "2024-02-01" }),
        "firstLanguage",
        "2023-06-01",
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FieldError);
      expect((e as FieldError).problems[0]!.field).toBe("firstLanguage.test");
      expect((e as FieldError).problems[0]!.problem).toMatch(/from 2024-01-30.*2023-06-01/);
    }
    // Scored on the acceptance day itself it counts: L70 → CLB 7 (60–70), R70 → 8 (69–77),
    // W70 → 7 (69–78), S70 → 7 (68–75).
    expect(
      convertResult(
        result("pte-core", [70, 70, 70, 70], { testedOn: "2024-01-30" }),
        "firstLanguage",
        "2024-01-30",
      ).levels,
    ).toEqual({ listening: 7, reading: 8, writing: 7, speaking: 7 });
  });
});

describe("TEF Canada → NCLC, three scales", () => {
  it("picks the scale from testedOn: legacy before 2019-10-01, 2019 to 2023-12-10, 2023 from 2023-12-11", () => {
    const at = (testedOn: string) =>
      convertResult(result("tef", [300, 250, 300, 300], { testedOn }), "x").tefScale;
    expect(at("2019-09-30")).toBe("legacy");
    expect(at("2019-10-01")).toBe("2019");
    expect(at("2023-12-10")).toBe("2019");
    expect(at("2023-12-11")).toBe("2023");
  });
  it("the scale field overrides the date", () => {
    // Legacy: listening 316 → NCLC 10 (316–360), reading 248 → 9 (248–262), writing 371 → 9, speaking 371 → 9
    expect(levels("tef", [316, 248, 371, 371], { testedOn: "2024-05-01", scale: "legacy" })).toEqual([
      10, 9, 9, 9,
    ]);
    // The same numbers on the 2023 scale: L 316 → 4 (306–351), R 248 → below 4, W 371 → 5 (330–378), S 371 → 4 (328–386)
    expect(levels("tef", [316, 248, 371, 371], { testedOn: "2024-05-01" })).toEqual([4, 0, 5, 4]);
  });
  it("legacy scale edges (reading /300, writing /450, listening /360, speaking /450)", () => {
    // NCLC 7: R 207, W 310, L 249, S 310; one below is NCLC 6
    expect(levels("tef", [249, 207, 310, 310], { scale: "legacy" })).toEqual([7, 7, 7, 7]);
    expect(levels("tef", [248, 206, 309, 309], { scale: "legacy" })).toEqual([6, 6, 6, 6]);
    // NCLC 4: L 145, R 121, W 181, S 181
    expect(levels("tef", [145, 121, 181, 181], { scale: "legacy" })).toEqual([4, 4, 4, 4]);
    expect(levels("tef", [144, 120, 180, 180], { scale: "legacy" })).toEqual([0, 0, 0, 0]);
    expect(levels("tef", [360, 300, 450, 450], { scale: "legacy" })).toEqual([10, 10, 10, 10]);
  });
  it("2019 scale: the same bands for all four abilities", () => {
    // 10: 566, 9: 533, 8: 500, 7: 450, 6: 400, 5: 350, 4: 300
    expect(levels("tef", [566, 533, 500, 450], { testedOn: "2020-01-01" })).toEqual([10, 9, 8, 7]);
    expect(levels("tef", [565, 532, 499, 449], { testedOn: "2020-01-01" })).toEqual([9, 8, 7, 6]);
    expect(levels("tef", [400, 350, 300, 299], { testedOn: "2020-01-01" })).toEqual([6, 5, 4, 0]);
  });
  it("2023 scale: per-skill bands", () => {
    // NCLC 7: reading 434, writing 428, listening 434, speaking 456
    expect(levels("tef", [434, 434, 428, 456], { testedOn: "2024-01-01" })).toEqual([7, 7, 7, 7]);
    expect(levels("tef", [433, 433, 427, 455], { testedOn: "2024-01-01" })).toEqual([6, 6, 6, 6]);
    // NCLC 10: reading 546, writing 558, listening 546, speaking 556
    expect(levels("tef", [546, 546, 558, 556], { testedOn: "2024-01-01" })).toEqual([10, 10, 10, 10]);
    expect(levels("tef", [545, 545, 557, 555], { testedOn: "2024-01-01" })).toEqual([9, 9, 9, 9]);
    // NCLC 4: reading 306, writing 268, listening 306, speaking 328
    expect(levels("tef", [306, 306, 268, 328], { testedOn: "2024-01-01" })).toEqual([4, 4, 4, 4]);
    expect(levels("tef", [305, 305, 267, 327], { testedOn: "2024-01-01" })).toEqual([0, 0, 0, 0]);
  });
  it("TEF without testedOn or scale is an error naming testedOn", () => {
    try {
      convertResult(result("tef", [400, 400, 400, 400]), "secondLanguage");
      expect.unreachable();
    } catch (e) {
      expect((e as FieldError).problems[0]!.field).toBe("secondLanguage.testedOn");
    }
  });
});

describe("TCF Canada → NCLC", () => {
  it("reading and listening bands differ; writing and speaking are scored /20", () => {
    // reading 453 is NCLC 7 but listening 453 is NCLC 6 (listening 7 starts at 458)
    expect(levels("tcf", [453, 453, 10, 10])).toEqual([6, 7, 7, 7]);
    expect(levels("tcf", [458, 452, 9, 9])).toEqual([7, 6, 6, 6]);
    // NCLC 10: R 549, L 549, W/S 16
    expect(levels("tcf", [549, 549, 16, 16])).toEqual([10, 10, 10, 10]);
    expect(levels("tcf", [548, 548, 15, 15])).toEqual([9, 9, 9, 9]);
    // NCLC 9: L 523, R 524; NCLC 8: L 503, R 499, W/S 12
    expect(levels("tcf", [523, 524, 14, 14])).toEqual([9, 9, 9, 9]);
    expect(levels("tcf", [503, 499, 12, 12])).toEqual([8, 8, 8, 8]);
    // NCLC 5: L 369, R 375, W/S 6; NCLC 4: L 331, R 342, W/S 4
    expect(levels("tcf", [369, 375, 6, 6])).toEqual([5, 5, 5, 5]);
    expect(levels("tcf", [331, 342, 4, 4])).toEqual([4, 4, 4, 4]);
    expect(levels("tcf", [330, 341, 3, 3])).toEqual([0, 0, 0, 0]);
  });
});

describe("CLB / NCLC given directly", () => {
  it("are taken as they are", () => {
    expect(levels("clb", [12, 0, 7, 4])).toEqual([12, 0, 7, 4]);
    expect(levels("nclc", [7, 8, 9, 10])).toEqual([7, 8, 9, 10]);
  });
  it("13 is an error naming the field and the allowed values", () => {
    try {
      convertResult(result("clb", [13, 5, 5, 5]), "firstLanguage");
      expect.unreachable();
    } catch (e) {
      const p = (e as FieldError).problems[0]!;
      expect(p.field).toBe("firstLanguage.listening");
      expect(p.allowed).toBe("whole numbers 0–12");
    }
  });
});

describe("languageLevels", () => {
  const base = {
    assessedOn: "2025-06-01",
    age: 30,
    education: "bachelors",
    firstLanguage: { test: "tcf", listening: 458, reading: 453, writing: 10, speaking: 10 },
    secondLanguage: { test: "celpip", listening: 5, reading: 6, writing: 5, speaking: 5 },
    spouse: { firstLanguage: { test: "ielts", listening: 6, reading: 6, writing: 6, speaking: 6 } },
  };
  it("tags each result english or french and gives the lowest ability", () => {
    const l = languageLevels(profileSchema.parse(base));
    expect(l.first.language).toBe("french");
    expect(l.first.lowest).toBe(7);
    expect(l.second?.language).toBe("english");
    expect(l.second?.levels).toEqual({ listening: 5, reading: 6, writing: 5, speaking: 5 });
    expect(l.second?.lowest).toBe(5);
    expect(l.spouse?.lowest).toBe(7);
  });
  it("rejects two results in the same language", () => {
    const p = profileSchema.parse(base);
    p.secondLanguage = {
      test: "tef",
      testedOn: "2024-01-01",
      listening: 500,
      reading: 500,
      writing: 500,
      speaking: 500,
    };
    expect(() => languageLevels(p)).toThrow(/other official language/);
  });
});
