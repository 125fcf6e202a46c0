// Raw language test results → CLB/NCLC per ability, using IRCC's equivalency charts (data/language-charts.ts).
import { FieldError, type FieldProblem } from "../profile/errors.js";
import {
  describeRange,
  isInRange,
  pteCoreAcceptedFrom,
  sameLanguageProblem,
  scoreRanges,
  type TefScale,
  tefScaleMissing,
  tefScaleOf,
  testLanguage,
} from "../profile/language-ranges.js";
import { type Ability, abilities, type LanguageResult, type Profile } from "../profile/schema.js";
import {
  ieltsGeneralTraining,
  type LanguageChart,
  type LevelMinimums,
  pteCore,
  tcfCanada,
  tefCanada2019,
  tefCanada2023,
  tefCanadaLegacy,
} from "./data/language-charts.js";

export type OfficialLanguage = "english" | "french";
export type AbilityLevels = Record<Ability, number>;

/** One result converted: the CLB (English) or NCLC (French) reached in each ability. */
export interface LanguageLevels {
  language: OfficialLanguage;
  test: LanguageResult["test"];
  /** TEF Canada only: the scale the scores were read on. */
  tefScale?: TefScale;
  /** 0–12; 0 also stands for "below the lowest level the chart lists" (CLB 4, or 3 for PTE Core). */
  levels: AbilityLevels;
  /** The lowest of the four abilities (skill transferability and the French bonus look at it). */
  lowest: number;
  /** The chart used and its source; absent when CLB/NCLC levels were given directly. */
  chart?: { appliesTo: string; source: string };
}

export interface ProfileLanguageLevels {
  first: LanguageLevels;
  second: LanguageLevels | null;
  /** The spouse's first official language, when a result is given. */
  spouse: LanguageLevels | null;
}

/** The person's result in `language`, be it their first or second official language; null when neither is. */
export function resultIn(
  languages: Pick<ProfileLanguageLevels, "first" | "second">,
  language: OfficialLanguage,
): LanguageLevels | null {
  if (languages.first.language === language) return languages.first;
  return languages.second?.language === language ? languages.second : null;
}

/** Highest level whose minimum the score meets, or 0 when it meets none. */
export function levelFromChart(score: number, minimums: LevelMinimums): number {
  for (const row of minimums) if (score >= row.min) return row.level;
  return 0;
}

function chartFor(test: LanguageResult["test"], tefScale: TefScale | undefined): LanguageChart | null {
  switch (test) {
    case "ielts":
      return ieltsGeneralTraining;
    case "pte-core":
      return pteCore;
    case "tcf":
      return tcfCanada;
    case "tef":
      return tefScale === "legacy" ? tefCanadaLegacy : tefScale === "2019" ? tefCanada2019 : tefCanada2023;
    default:
      // CELPIP levels are CLB levels by design; CLB/NCLC are given directly.
      return null;
  }
}

/**
 * Converts one result. `field` is the path used in error messages (e.g. "secondLanguage");
 * `assessedOn` is the day the score is computed for (a test cannot count before IRCC accepted it).
 */
export function convertResult(result: LanguageResult, field: string, assessedOn?: string): LanguageLevels {
  const problems: FieldProblem[] = [];
  let tefScale: TefScale | undefined;
  if (result.test === "tef") {
    tefScale = tefScaleOf(result);
    if (!tefScale) throw new FieldError([{ field: `${field}.testedOn`, ...tefScaleMissing }]);
  }
  if (result.test === "pte-core") {
    // Both the test day and the day the score is for must be on or after acceptance: a test taken
    // later still cannot count for a date on which IRCC did not accept PTE Core at all.
    const takenTooEarly = result.testedOn !== undefined && result.testedOn < pteCoreAcceptedFrom;
    const usedTooEarly = assessedOn !== undefined && assessedOn < pteCoreAcceptedFrom;
    if (takenTooEarly || usedTooEarly)
      problems.push({
        field: `${field}.${takenTooEarly ? "testedOn" : "test"}`,
        problem: takenTooEarly
          ? `PTE Core results are accepted by IRCC from ${pteCoreAcceptedFrom}`
          : `PTE Core results are accepted by IRCC from ${pteCoreAcceptedFrom}; they cannot count for ${assessedOn}`,
        allowed: `a PTE Core test taken and used on or after ${pteCoreAcceptedFrom}, or another test`,
      });
  }
  const ranges = scoreRanges(result.test, tefScale);
  for (const ability of abilities)
    if (!isInRange(result[ability], ranges[ability]))
      problems.push({
        field: `${field}.${ability}`,
        problem: `is not a valid ${result.test} ${ability} score`,
        allowed: describeRange(ranges[ability]),
      });
  if (problems.length) throw new FieldError(problems);

  const chart = chartFor(result.test, tefScale);
  const levels = {} as AbilityLevels;
  for (const ability of abilities)
    levels[ability] = chart ? levelFromChart(result[ability], chart.abilities[ability]) : result[ability];
  const out: LanguageLevels = {
    language: testLanguage[result.test],
    test: result.test,
    levels,
    lowest: Math.min(levels.listening, levels.reading, levels.writing, levels.speaking),
  };
  if (tefScale) out.tefScale = tefScale;
  if (chart) out.chart = { appliesTo: chart.appliesTo, source: chart.source };
  return out;
}

/** CLB/NCLC per ability of the first and second official language and of the spouse's first language. */
export function languageLevels(profile: Profile): ProfileLanguageLevels {
  const problems: FieldProblem[] = [];
  const convert = (r: LanguageResult | undefined, field: string): LanguageLevels | null => {
    if (!r) return null;
    try {
      return convertResult(r, field, profile.assessedOn);
    } catch (e) {
      if (e instanceof FieldError) problems.push(...e.problems);
      else throw e;
      return null;
    }
  };
  const first = convert(profile.firstLanguage, "firstLanguage");
  const second = convert(profile.secondLanguage, "secondLanguage");
  const spouse = convert(profile.spouse?.firstLanguage, "spouse.firstLanguage");
  if (first && second && first.language === second.language)
    problems.push({ field: "secondLanguage.test", ...sameLanguageProblem(first.language) });
  if (problems.length || !first) throw new FieldError(problems);
  return { first, second, spouse };
}
