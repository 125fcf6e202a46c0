// What a valid score looks like on each language test's certificate, per ability. Used by the
// schema so that every adapter (CLI, API, web form) rejects an impossible result with the same
// message. The conversion of a valid score to CLB/NCLC lives in `rules/language`.
// Sources: the maxima are the top of each test's chart in docs/sources/language-tests.md (IELTS 9, PTE Core 90,
// CELPIP 12, TCF Canada 699 / 20, TEF Canada 699 and the legacy 360/300/450/450; L1–L7). The floors (0, and
// 10 for PTE Core) are the scales' lowest scores; the stored sources do not state them.
import type { Ability, LanguageTest } from "./schema.js";

export type TefScale = "legacy" | "2019" | "2023";

export interface ScoreRange {
  min: number;
  max: number;
  /** Scores move in steps of this size (IELTS: 0.5 bands; the others: whole numbers). */
  step: number;
}

const whole = (min: number, max: number): ScoreRange => ({ min, max, step: 1 });
const same = (r: ScoreRange): Record<Ability, ScoreRange> => ({
  listening: r,
  reading: r,
  writing: r,
  speaking: r,
});

/** Which language each test measures: English tests can only be English, French tests only French. */
export const testLanguage: Record<LanguageTest, "english" | "french"> = {
  ielts: "english",
  celpip: "english",
  "pte-core": "english",
  clb: "english",
  tef: "french",
  tcf: "french",
  nclc: "french",
};

/** The problem when the second official language's test measures the first's language, as the schema and the
 * rules report it; `allowed` lists the other language's tests. */
export function sameLanguageProblem(first: "english" | "french"): { problem: string; allowed: string } {
  const otherTests = (Object.keys(testLanguage) as LanguageTest[]).filter((t) => testLanguage[t] !== first);
  return {
    problem: `must be a test of the other official language (the first language is ${first})`,
    allowed: otherTests.join(" | "),
  };
}

/** First day IRCC accepted PTE Core results for economic immigration (docs/sources/language-tests.md L9). */
export const pteCoreAcceptedFrom = "2024-01-30";

/**
 * TCF Canada was designated for Express Entry in November 2018 (docs/sources/language-tests.md L8: CIC News
 * 2018-11-10; one source says December). The first of that month is used only to warn, never to reject.
 */
export const tcfCanadaDesignatedFrom = "2018-11-01";

/** TEF Canada was rescored on 2019-10-01 and again for tests taken on or after 2023-12-11 (L2, L6, L7):
 * the first test day of each newer scale. */
export const tefScaleStarts = { "2019": "2019-10-01", "2023": "2023-12-11" } as const;

export function tefScaleFor(testedOn: string): TefScale {
  if (testedOn < tefScaleStarts["2019"]) return "legacy";
  if (testedOn < tefScaleStarts["2023"]) return "2019";
  return "2023";
}

/** The scale a TEF result is read on: the one given, else the one in force on `testedOn`; unknown without either. */
export function tefScaleOf(r: {
  scale?: TefScale | undefined;
  testedOn?: string | undefined;
}): TefScale | undefined {
  return r.scale ?? (r.testedOn ? tefScaleFor(r.testedOn) : undefined);
}

/** The problem with a TEF result that has neither `testedOn` nor `scale`, as the schema and the rules report it. */
export const tefScaleMissing = {
  problem: `is required for TEF Canada (its scale changed on ${tefScaleStarts["2019"]} and ${tefScaleStarts["2023"]}), or give scale`,
  allowed: "a date YYYY-MM-DD, or scale: legacy | 2019 | 2023",
} as const;

export function scoreRanges(test: LanguageTest, tefScale?: TefScale): Record<Ability, ScoreRange> {
  switch (test) {
    case "ielts":
      return same({ min: 0, max: 9, step: 0.5 });
    case "celpip":
      // CELPIP-General levels 1–12 (an "M" result is entered as 0).
      return same(whole(0, 12));
    case "pte-core":
      return same(whole(10, 90));
    case "tcf":
      // Compréhension orale / écrite are scored 100–699 (entered 0–699), expression écrite / orale 0–20.
      return {
        listening: whole(0, 699),
        reading: whole(0, 699),
        writing: whole(0, 20),
        speaking: whole(0, 20),
      };
    case "tef":
      if (tefScale === "legacy")
        return {
          listening: whole(0, 360),
          reading: whole(0, 300),
          writing: whole(0, 450),
          speaking: whole(0, 450),
        };
      return same(whole(0, 699));
    case "clb":
    case "nclc":
      return same(whole(0, 12));
  }
}

export function describeRange(r: ScoreRange): string {
  return r.step === 1 ? `whole numbers ${r.min}–${r.max}` : `${r.min}–${r.max} in steps of ${r.step}`;
}

export function isInRange(value: number, r: ScoreRange): boolean {
  if (!Number.isFinite(value) || value < r.min || value > r.max) return false;
  const steps = (value - r.min) / r.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}
