// What a person can still change, as changed profiles: a retest reaching the next CLB in one
// ability, French to NCLC 7, a higher degree or a second credential, another year of work (a year
// later, one year older), the spouse's language or education, a provincial nomination. Only changes
// that are possible: nothing lowers a level, age only goes up, a year of work takes a year.
import { addYears } from "../occupations/index.js";
import { ageOn, ageRange, withAgeOn } from "../profile/age.js";
import { type Ability, abilities, type Education, educationLevels, type Profile } from "../profile/schema.js";
import { languageLevels, type OfficialLanguage, resultIn, ruleSetFor } from "../rules/index.js";

export type ActionKind =
  | "retest"
  | "french"
  | "education"
  | "canadian-work"
  | "foreign-work"
  | "work"
  | "spouse-language"
  | "spouse-education"
  | "nomination";

export interface CandidateAction {
  kind: ActionKind;
  /** Stable id, e.g. "retest-first-reading", "education-masters". */
  id: string;
  description: string;
  /** The profile once the change is made, assessed on `reachedOn`. */
  profile: Profile;
  /** When the change can be in the profile: the forecast date, or a year later for work. */
  reachedOn: string;
  /** What the dates do not capture (study time, the retest itself). */
  note?: string;
}

/**
 * The levels a language retest is worth aiming at, read from the CRS grid in force on `date` (so
 * they carry its source): first-language points stop rising at the floor of the open-ended band
 * (CLB 10 in the 2015 grid; the charts go to 12), and the spouse's points rise at the floor of
 * each band that earns points (CLB 5, 7 and 9).
 */
function languageSteps(date: string): { highestUsefulClb: number; spouseLanguageSteps: number[] } {
  const rules = ruleSetFor(date);
  const firstBands = rules.core.firstLanguage.rows; // lowest first, the last one open-ended
  return {
    highestUsefulClb: firstBands[firstBands.length - 1]!.from,
    spouseLanguageSteps: rules.spouse.firstLanguage.rows.filter((band) => band.points > 0).map((b) => b.from),
  };
}

/** The next levels of education worth studying for, from the current one (the CRS ladder). */
export function higherEducation(current: Education): Education[] {
  // From a bachelor's, a master's is as reachable as a second credential; otherwise the next rung.
  if (current === "bachelors") return ["two-or-more", "masters"];
  const next = educationLevels[educationLevels.indexOf(current) + 1];
  return next ? [next] : [];
}

const educationText: Record<Education, string> = {
  "less-than-secondary": "less than secondary school",
  secondary: "a secondary school diploma",
  "one-year": "a one-year post-secondary credential",
  "two-year": "a two-year post-secondary credential",
  bachelors: "a bachelor's degree (or a three-year program)",
  "two-or-more": "a second credential (two or more, one of three years or more)",
  masters: "a master's degree (or an entry-to-practice professional degree)",
  doctoral: "a doctorate",
};

/** The scale a language's levels are given on: CLB for English, NCLC for French. */
const levelScale = (language: OfficialLanguage) => (language === "english" ? "clb" : "nclc");

/** A result given directly as CLB (English) or NCLC (French) levels: what a retest would reach. */
function levelsResult(
  language: OfficialLanguage,
  levels: Record<Ability, number>,
  on: string,
): Profile["firstLanguage"] {
  return { test: levelScale(language), testedOn: on, ...levels };
}

/**
 * Every possible change for `profile` as of `date` (the age is its age on `date`: worked out from the birth
 * date when the profile has one, else the age as given).
 */
export function possibleActions(profile: Profile, date: string): CandidateAction[] {
  const current = { ...withAgeOn(profile, date), assessedOn: date };
  const langs = languageLevels(current);
  const { highestUsefulClb, spouseLanguageSteps } = languageSteps(date);
  const out: CandidateAction[] = [];
  const retestNote = "assumes the retest is taken and scored by then";

  // A retest reaching the next CLB/NCLC in one ability of the first language.
  for (const ability of abilities) {
    const level = langs.first.levels[ability];
    if (level >= highestUsefulClb) continue;
    const next = Math.max(level + 1, 4);
    out.push({
      kind: "retest",
      id: `retest-first-${ability}`,
      description: `${levelScale(langs.first.language).toUpperCase()} ${next} in ${ability} (first language, now ${level})`,
      profile: {
        ...current,
        firstLanguage: levelsResult(langs.first.language, { ...langs.first.levels, [ability]: next }, date),
      },
      reachedOn: date,
      note: retestNote,
    });
  }

  // French at NCLC 7 in every ability (the French additional points and the French category).
  const french = resultIn(langs, "french");
  if (!french || abilities.some((a) => french.levels[a] < 7)) {
    const seven = Object.fromEntries(abilities.map((a) => [a, Math.max(7, french?.levels[a] ?? 0)]));
    const result = levelsResult("french", seven as Record<Ability, number>, date);
    out.push({
      kind: "french",
      id: "french-nclc-7",
      description: french ? "French to NCLC 7 in every ability" : "a French test at NCLC 7 in every ability",
      profile:
        langs.first.language === "french"
          ? { ...current, firstLanguage: result }
          : { ...current, secondLanguage: result },
      reachedOn: date,
      note: retestNote,
    });
  }

  for (const level of higherEducation(current.education))
    out.push({
      kind: "education",
      id: `education-${level}`,
      description: `complete ${educationText[level]} (credential assessed)`,
      profile: { ...current, education: level },
      reachedOn: date,
      note: "scored as if completed on the forecast date; the study time and the age points it may cost are not modelled",
    });

  // Another year of work: a calendar year later (365 days would land a day early across 29 February),
  // and one year older. From 29 February the year ends on 28 February, not 1 March: that is occupations'
  // addYears, which draws the work-history windows, so the project has one calendar; and by 28 February
  // a job has run 365 days, more than the 364 that 30 h a week needs for 1,560 hours (programs.md).
  // With a birth date the age is the one on that day (born 29 February: still the same age on 28 February).
  const inAYear = addYears(date, 1);
  const ageInAYear = current.birthDate ? ageOn(current.birthDate, inAYear) : current.age + 1;
  const older = { ...current, assessedOn: inAYear, age: ageInAYear };
  // At the grid's last age (120) a year on is past the CRS grid and the profile schema: nothing to score.
  const aYearOnScores = ageInAYear <= ageRange.max;
  if (aYearOnScores && current.workHistory?.length) {
    if (current.workHistory.some((p) => p.to === null))
      out.push({
        kind: "work",
        id: "work-one-more-year",
        description: "one more year in your current job(s)",
        profile: older,
        reachedOn: inAYear,
      });
  } else if (aYearOnScores) {
    if (current.canadianWorkYears > 0 || current.authorizedToWorkInCanada)
      out.push({
        kind: "canadian-work",
        id: "canadian-work-plus-one",
        description: `another year of skilled work in Canada (${current.canadianWorkYears + 1} years)`,
        profile: { ...older, canadianWorkYears: current.canadianWorkYears + 1 },
        reachedOn: inAYear,
      });
    out.push({
      kind: "foreign-work",
      id: "foreign-work-plus-one",
      description: `another year of skilled work abroad (${current.foreignWorkYears + 1} years)`,
      profile: { ...older, foreignWorkYears: current.foreignWorkYears + 1 },
      reachedOn: inAYear,
    });
  }

  const spouse = current.spouse;
  if (spouse?.accompanying && !spouse.canadianCitizenOrPR) {
    const lowest = langs.spouse ? Math.min(...abilities.map((a) => langs.spouse!.levels[a])) : 0;
    const step = spouseLanguageSteps.find((s) => s > lowest);
    if (step !== undefined) {
      const levels = Object.fromEntries(
        abilities.map((a) => [a, Math.max(step, langs.spouse?.levels[a] ?? 0)]),
      );
      // No spouse result yet: English, on the CLB.
      const language = langs.spouse?.language ?? "english";
      out.push({
        kind: "spouse-language",
        id: `spouse-language-clb-${step}`,
        description: `your spouse reaches ${levelScale(language).toUpperCase()} ${step} in every ability`,
        profile: {
          ...current,
          spouse: {
            ...spouse,
            firstLanguage: levelsResult(language, levels as Record<Ability, number>, date),
          },
        },
        reachedOn: date,
        note: retestNote,
      });
    }
    const spouseNext = higherEducation(spouse.education ?? "less-than-secondary")[0];
    if (spouseNext)
      out.push({
        kind: "spouse-education",
        id: `spouse-education-${spouseNext}`,
        description: `your spouse completes ${educationText[spouseNext]}`,
        profile: { ...current, spouse: { ...spouse, education: spouseNext } },
        reachedOn: date,
        note: "scored as if completed on the forecast date",
      });
  }

  if (!current.provincialNomination)
    out.push({
      kind: "nomination",
      id: "provincial-nomination",
      description: "a provincial or territorial nomination (through Express Entry)",
      profile: { ...current, provincialNomination: true },
      reachedOn: date,
      note: "a province must select you; its own criteria apply",
    });
  return out;
}
