// Minimum eligibility for the Express Entry programs: FSW (with the 67-point grid), CEC, FST and PNP,
// per docs/sources/programs.md (section numbers and source ids are cited rule by rule). Pure.
import { scoredAge } from "../profile/age.js";
import type { Ability, Profile, WorkPeriod } from "../profile/schema.js";
import { isSkilled, isSkilledTrade, nocByCode, teerOf } from "./noc.js";
import { requiredFunds } from "./proofOfFunds.js";
import {
  canadianExperienceYears,
  countedHours,
  fullYears,
  hoursByOccupation,
  hoursPerYear,
  isForeign,
  isSkilledCanadian,
  isSkilledPeriod,
  longestRun,
  monthsOf,
  yearsBefore,
} from "./workHistory.js";

export type Eligible = boolean | "unknown";
export type ProgramName = "fsw" | "cec" | "fst" | "pnp";

export interface ProgramResult {
  program: ProgramName;
  eligible: Eligible;
  reasons: string[];
}

/** CLB (English) or NCLC (French) per ability, as `rules/languageLevels` gives them. */
export interface OfficialLanguageLevels {
  language: "english" | "french";
  levels: Record<Ability, number>;
}

export interface CandidateLanguages {
  first: OfficialLanguageLevels;
  second: OfficialLanguageLevels | null;
  spouse: OfficialLanguageLevels | null;
}

/** One requirement judged, with why (programs and categories alike). */
export interface Check {
  ok: Eligible;
  reason: string;
}

/** false if any check fails, "unknown" if any is unknown, true otherwise. */
export function combine(values: readonly Eligible[]): Eligible {
  if (values.some((v) => v === false)) return false;
  if (values.some((v) => v === "unknown")) return "unknown";
  return true;
}

/** At least one true wins; otherwise "unknown" if any is unknown. */
export function anyOf(values: readonly Eligible[]): Eligible {
  if (values.some((v) => v === true)) return true;
  if (values.some((v) => v === "unknown")) return "unknown";
  return false;
}

function result(program: ProgramName, checks: Check[]): ProgramResult {
  return { program, eligible: combine(checks.map((c) => c.ok)), reasons: checks.map((c) => c.reason) };
}

const abilityList: Ability[] = ["speaking", "listening", "reading", "writing"];
const levelText = (l: OfficialLanguageLevels) =>
  `${l.language} ${abilityList.map((a) => `${a[0]!.toUpperCase()}${l.levels[a]}`).join(" ")}`;
const describeNoc = (code: string) => `${code} ${nocByCode(code)?.title ?? "(not a NOC 2021 unit group)"}`;
/** 1,234,567 — written by hand because Intl formatting costs microseconds per call across a million profiles. */
export function thousands(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${grouped}` : grouped;
}
const hoursText = (h: number) => `${thousands(h)} h (${monthsOf(h)} months full-time)`;

function meets(l: OfficialLanguageLevels, minimum: Record<Ability, number>): boolean {
  return abilityList.every((a) => l.levels[a] >= minimum[a]);
}

const allFour = (n: number): Record<Ability, number> => ({
  speaking: n,
  listening: n,
  reading: n,
  writing: n,
});

/** The best official language meeting `minimum` in every ability, if any (one language must meet it all). */
function languageCheck(langs: CandidateLanguages, minimum: Record<Ability, number>, rule: string): Check {
  const tried = [langs.first, langs.second].filter((l): l is OfficialLanguageLevels => l !== null);
  const passing = tried.find((l) => meets(l, minimum));
  if (passing) return { ok: true, reason: `language: ${levelText(passing)} meets ${rule}` };
  return { ok: false, reason: `language: needs ${rule}; has ${tried.map(levelText).join("; ")}` };
}

function quebecCheck(profile: Profile): Check {
  return profile.intendsToLiveInQuebec
    ? {
        ok: false,
        reason: "intends to live in Quebec: Quebec selects its own skilled workers (IRPR 87.1(1), §1)",
      }
    : { ok: true, reason: "intends to live outside Quebec" };
}

/** Proof of funds (§2.3): required unless authorized to work in Canada with a valid job offer. */
function fundsCheck(profile: Profile, date: string): Check {
  if (profile.authorizedToWorkInCanada && profile.jobOffer !== "none")
    return {
      ok: true,
      reason: "proof of funds: not required (authorized to work in Canada with a job offer, §2.3)",
    };
  const knownMembers = 1 + (profile.spouse ? 1 : 0);
  const familySize = profile.familySize ?? knownMembers;
  const needed = requiredFunds(familySize, date);
  const sizeNote = profile.familySize
    ? ""
    : ` (familySize not given: counted ${knownMembers}; children count too)`;
  if (profile.settlementFundsCad === undefined)
    return {
      ok: "unknown",
      reason: `proof of funds: settlementFundsCad not given; needed for ${familySize}${sizeNote}: ${needed.known ? `CAD ${needed.amount}` : needed.reason}`,
    };
  const has = profile.settlementFundsCad;
  if (!needed.known) return { ok: "unknown", reason: `proof of funds: CAD ${has}; ${needed.reason}` };
  const ok = has >= needed.amount;
  return {
    ok: ok ? (profile.familySize ? true : "unknown") : false,
    reason: `proof of funds: CAD ${has} ${ok ? "meets" : "is below"} CAD ${needed.amount} for a family of ${familySize}${sizeNote} (table from ${needed.table.from ?? "2024"})`,
  };
}

const noHistory = (what: string): Check => ({
  ok: "unknown",
  reason: `work experience: ${what} cannot be checked from year counts alone; give workHistory`,
});

// ---------------------------------------------------------------- FSW

export interface FswGrid {
  language: number;
  education: number;
  experience: number;
  age: number;
  arrangedEmployment: number;
  adaptability: number;
  total: number;
  /** Why each factor scored what it did. */
  lines: string[];
}

export const fswPassMark = 67;

/** Factor 2 (IRPR 78; §2.2): Canadian credential or foreign one with an ECA. */
export const fswEducationPoints: Record<Profile["education"], number> = {
  "less-than-secondary": 0,
  secondary: 5,
  "one-year": 15,
  "two-year": 19,
  bachelors: 21,
  "two-or-more": 22,
  masters: 23,
  doctoral: 25,
};

/** Factor 1 per ability (§2.2): 9+ → 6, 8 → 5, 7 → 4, below 7 → 0 (and not eligible). */
const fswAbilityPoints = (level: number) => (level >= 9 ? 6 : level === 8 ? 5 : level === 7 ? 4 : 0);

/** Factor 4 (IRPR 81): 12 points from 18 to 35, one less per year to 46, none under 18 or from 47. */
export function fswAgePoints(age: number): number {
  if (age < 18 || age >= 47) return 0;
  if (age <= 35) return 12;
  return 12 - (age - 35);
}

/** Factor 3 (IRPR 80): 1 year 9, 2–3 years 11, 4–5 years 13, 6+ years 15. */
export function fswExperiencePoints(years: number): number {
  if (years >= 6) return 15;
  if (years >= 4) return 13;
  if (years >= 2) return 11;
  if (years >= 1) return 9;
  return 0;
}

/** The periods FSW counts: skilled, paid work anywhere (Canadian work must be authorized). */
const fswPeriods = (history: readonly WorkPeriod[]) =>
  history.filter((p) => isSkilledPeriod(p) && (isForeign(p) || p.authorized));

/** FSW experience hours in the 10 years before the date. */
function fswExperienceHours(history: readonly WorkPeriod[], date: string): number {
  return countedHours(fswPeriods(history), yearsBefore(date, 10));
}

function canadianSkilledYears(profile: Profile, date: string): number {
  if (!profile.workHistory) return profile.canadianWorkYears;
  return canadianExperienceYears(profile.workHistory, date);
}

/** The 67-point selection grid (§2.2). */
export function fswGrid(profile: Profile, langs: CandidateLanguages, date: string): FswGrid {
  const lines: string[] = [];
  const first = langs.first;
  const firstPoints = abilityList.reduce((sum, a) => sum + fswAbilityPoints(first.levels[a]), 0);
  const second = langs.second;
  const secondPoints = second && meets(second, allFour(5)) ? 4 : 0;
  const language = firstPoints + secondPoints;
  lines.push(
    `language ${language}/28: first ${levelText(first)} → ${firstPoints}; second ${second ? `${levelText(second)} → ${secondPoints}` : "none → 0"}`,
  );

  const education = fswEducationPoints[profile.education];
  lines.push(`education ${education}/25: ${profile.education}`);

  const years = profile.workHistory
    ? fullYears(fswExperienceHours(profile.workHistory, date))
    : profile.canadianWorkYears + profile.foreignWorkYears;
  const experience = fswExperiencePoints(years);
  lines.push(
    `experience ${experience}/15: ${years} year(s) of skilled work in the 10 years before ${date}${profile.workHistory ? "" : " (from the year fields)"}`,
  );

  // The age on the date judged, as the work experience is (a birth date alone counts on `date`).
  const ageYears = scoredAge(profile, date);
  const age = fswAgePoints(ageYears);
  lines.push(`age ${age}/12: ${ageYears}`);

  const hasOffer = profile.jobOffer !== "none" && (!profile.jobOfferNoc || isSkilled(profile.jobOfferNoc));
  const arrangedEmployment = hasOffer ? 10 : 0;
  lines.push(
    `arranged employment ${arrangedEmployment}/10: ${hasOffer ? "job offer (taken as a valid LMIA-supported or LMIA-exempt offer, IRPR 82)" : "none"}`,
  );

  const adaptabilityParts: [string, number][] = [];
  const sp = profile.spouse;
  // §2.2 Factor 6: the language points are for an *accompanying* spouse or partner only.
  if (sp?.accompanying && langs.spouse && meets(langs.spouse, allFour(4)))
    adaptabilityParts.push(["spouse language CLB/NCLC 4+", 5]);
  if (profile.canadianStudy) adaptabilityParts.push(["2 years of study in Canada", 5]);
  if (sp?.canadianStudy) adaptabilityParts.push(["spouse's study in Canada", 5]);
  if (canadianSkilledYears(profile, date) >= 1)
    adaptabilityParts.push(["1 year of skilled work in Canada", 10]);
  if (sp && sp.canadianWorkYears >= 1) adaptabilityParts.push(["spouse's 1 year of work in Canada", 5]);
  if (hasOffer) adaptabilityParts.push(["arranged employment", 5]);
  if (profile.relativeInCanada || profile.siblingInCanada) adaptabilityParts.push(["relative in Canada", 5]);
  const adaptability = Math.min(
    10,
    adaptabilityParts.reduce((s, [, p]) => s + p, 0),
  );
  lines.push(
    `adaptability ${adaptability}/10: ${adaptabilityParts.map(([w, p]) => `${w} ${p}`).join(", ") || "none"} (capped at 10)`,
  );

  const total = language + education + experience + age + arrangedEmployment + adaptability;
  return { language, education, experience, age, arrangedEmployment, adaptability, total, lines };
}

export function fswEligibility(profile: Profile, langs: CandidateLanguages, date: string): ProgramResult {
  const checks: Check[] = [];
  if (profile.workHistory) {
    const window = yearsBefore(date, 10);
    const best = longestRun(fswPeriods(profile.workHistory), window);
    checks.push(
      best && best.hours >= hoursPerYear
        ? {
            ok: true,
            reason: `work experience: ${describeNoc(best.noc)}, continuous ${best.from} to ${best.to}: ${hoursText(best.hours)} ≥ 1 year (IRPR 75(2)(a), §2.1)`,
          }
        : {
            ok: false,
            reason: `work experience: needs 1 year (1,560 h) of continuous skilled (TEER 0–3) work in one occupation within 10 years; longest is ${best ? `${describeNoc(best.noc)}: ${hoursText(best.hours)}` : "none"} (§2.1)`,
          },
    );
  } else if (profile.canadianWorkYears + profile.foreignWorkYears >= 1) {
    checks.push(noHistory("1 continuous year in one skilled occupation"));
  } else {
    checks.push({
      ok: false,
      reason: "work experience: none entered (needs 1 continuous year of skilled work, §2.1)",
    });
  }
  checks.push(languageCheck(langs, allFour(7), "CLB/NCLC 7 in all four abilities (§2.1)"));
  checks.push(
    profile.education === "less-than-secondary"
      ? { ok: false, reason: "education: needs a secondary or post-secondary credential (§2.1)" }
      : {
          ok: true,
          reason: `education: ${profile.education} (a foreign credential needs an ECA report, §2.1)`,
        },
  );
  const grid = fswGrid(profile, langs, date);
  checks.push({
    ok: grid.total >= fswPassMark,
    reason: `selection grid: ${grid.total}/100 ${grid.total >= fswPassMark ? "≥" : "<"} ${fswPassMark} — ${grid.lines.join("; ")}`,
  });
  checks.push(fundsCheck(profile, date));
  checks.push(quebecCheck(profile));
  return result("fsw", checks);
}

// ---------------------------------------------------------------- CEC

export function cecEligibility(profile: Profile, langs: CandidateLanguages, date: string): ProgramResult {
  const checks: Check[] = [];
  const rule = "1 year (1,560 h) of skilled work in Canada within 3 years (§3)";
  if (profile.workHistory) {
    const window = yearsBefore(date, 3);
    const canadian = profile.workHistory.filter(isSkilledCanadian);
    const all = countedHours(canadian, window);
    const teer01 = countedHours(
      canadian.filter((p) => teerOf(p.noc) <= 1),
      window,
    );
    const teer23 = countedHours(
      canadian.filter((p) => teerOf(p.noc) >= 2),
      window,
    );
    const excluded = profile.workHistory.filter(
      (p) => p.country === "CA" && (!p.authorized || p.selfEmployed || p.whileFullTimeStudent),
    ).length;
    const excludedNote = excluded
      ? `; ${excluded} Canadian period(s) not counted (self-employed, while a full-time student, or unauthorized)`
      : "";
    if (all < hoursPerYear) {
      checks.push({
        ok: false,
        reason: `work experience: needs ${rule}; has ${hoursText(all)} ${window.from} to ${window.to}${excludedNote}`,
      });
    } else {
      checks.push({
        ok: true,
        reason: `work experience: ${hoursText(all)} of skilled work in Canada ${window.from} to ${window.to}${excludedNote}`,
      });
      // Language depends on the TEER of the qualifying experience (§3 item 4): CLB 7 for TEER 0–1, 5 for 2–3.
      const clb7 = languageCheck(langs, allFour(7), "CLB/NCLC 7 (experience in TEER 0 or 1)");
      const clb5 = languageCheck(langs, allFour(5), "CLB/NCLC 5 (experience in TEER 2 or 3)");
      if (clb7.ok === true) checks.push(clb7);
      else if (teer23 >= hoursPerYear) checks.push(clb5);
      else if (teer01 >= hoursPerYear || clb5.ok === false) checks.push(clb7);
      else
        checks.push({
          ok: "unknown",
          reason: `language: the year mixes TEER 0–1 (${hoursText(teer01)}) and TEER 2–3 (${hoursText(teer23)}) work; the sources do not say which level (7 or 5) then applies; ${clb5.reason}`,
        });
    }
  } else if (profile.canadianWorkYears >= 1) {
    checks.push(noHistory("1 year in Canada within the last 3 years"));
    checks.push(languageCheck(langs, allFour(5), "CLB/NCLC 5 at least (7 for TEER 0–1 experience)"));
  } else {
    checks.push({ ok: false, reason: `work experience: no Canadian work entered; needs ${rule}` });
  }
  checks.push({ ok: true, reason: "no education or proof-of-funds requirement (§3)" });
  checks.push(quebecCheck(profile));
  return result("cec", checks);
}

// ---------------------------------------------------------------- FST

export function fstEligibility(profile: Profile, langs: CandidateLanguages, date: string): ProgramResult {
  const checks: Check[] = [];
  const needed = 2 * hoursPerYear;
  if (profile.workHistory) {
    const window = yearsBefore(date, 5);
    const trades = profile.workHistory.filter((p) => isSkilledTrade(p.noc) && (isForeign(p) || p.authorized));
    const perTrade = [...hoursByOccupation(trades, window)].sort((a, b) => b[1] - a[1]);
    const total = countedHours(trades, window);
    const best = perTrade[0];
    if (best && best[1] >= needed)
      checks.push({
        ok: true,
        reason: `work experience: ${describeNoc(best[0])}: ${hoursText(best[1])} ≥ 2 years in a skilled trade within 5 years (${window.from} to ${window.to}); it counts only from when the candidate could practise the trade independently (§4)`,
      });
    else if (total >= needed)
      checks.push({
        ok: "unknown",
        reason: `work experience: 2 years reached only across several trades (${hoursText(total)}); the sources say "in a skilled trade" without saying whether trades may be combined (§4)`,
      });
    else
      checks.push({
        ok: false,
        reason: `work experience: needs 2 years (3,120 h) in a skilled trade (§4 list) within 5 years (${window.from} to ${window.to}); has ${best ? `${describeNoc(best[0])}: ${hoursText(best[1])}` : "no skilled-trade work in that window"}`,
      });
  } else if (profile.canadianWorkYears + profile.foreignWorkYears >= 2) {
    checks.push(noHistory("2 years in a skilled trade within 5 years"));
  } else {
    checks.push({
      ok: false,
      reason: "work experience: needs 2 years in a skilled trade within 5 years (§4)",
    });
  }
  const offerInTrade =
    profile.jobOffer !== "none" && (!profile.jobOfferNoc || isSkilledTrade(profile.jobOfferNoc));
  if (profile.certificateOfQualification)
    checks.push({ ok: true, reason: "certificate of qualification from a Canadian authority (§4 item 4)" });
  else if (offerInTrade)
    checks.push({
      ok: true,
      reason: `job offer${profile.jobOfferNoc ? ` in ${describeNoc(profile.jobOfferNoc)}` : ""} (full-time, at least 1 year, §4 item 4)`,
    });
  else
    checks.push({
      ok: false,
      reason: `needs a certificate of qualification or a job offer in the trade (§4 item 4); has neither${profile.jobOfferNoc && profile.jobOffer !== "none" ? ` (the offer's ${describeNoc(profile.jobOfferNoc)} is not a skilled trade)` : ""}`,
    });
  checks.push(
    languageCheck(
      langs,
      { speaking: 5, listening: 5, reading: 4, writing: 4 },
      "CLB/NCLC 5 speaking and listening, 4 reading and writing (§4)",
    ),
  );
  checks.push(fundsCheck(profile, date));
  checks.push(quebecCheck(profile));
  return result("fst", checks);
}

// ---------------------------------------------------------------- PNP

/** "FSW true, CEC false, FST unknown": the programs' answers, for reasons that depend on them. */
export const programsSummary = (results: readonly ProgramResult[]) =>
  results.map((r) => `${r.program.toUpperCase()} ${String(r.eligible)}`).join(", ");

/** §5: an enhanced nomination, and the minimum requirements of FSW, CEC or FST. */
export function pnpEligibility(profile: Profile, federal: readonly ProgramResult[]): ProgramResult {
  const federalStatus = anyOf(federal.map((r) => r.eligible));
  const summary = programsSummary(federal);
  return result("pnp", [
    profile.provincialNomination
      ? { ok: true, reason: "provincial nomination (enhanced, through Express Entry)" }
      : { ok: false, reason: "no provincial nomination (§5)" },
    {
      ok: federalStatus,
      reason: `must also meet FSW, CEC or FST (§5): ${summary}`,
    },
  ]);
}

/** All four programs for a profile on a date. */
export function programEligibility(
  profile: Profile,
  langs: CandidateLanguages,
  date: string,
): ProgramResult[] {
  const federal = [
    fswEligibility(profile, langs, date),
    cecEligibility(profile, langs, date),
    fstEligibility(profile, langs, date),
  ];
  return [...federal, pnpEligibility(profile, federal)];
}

export { describeNoc, hoursText };
