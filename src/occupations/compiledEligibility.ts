// Eligibility answers only (yes / no / unknown per program and category version, no reasons), for pools of
// many profiles, as `rules/batch.ts` is to the CRS calculator. The category rules are compiled once: each
// version's thresholds, and per NOC code the versions whose list holds it (one bit each), so a category check
// is a few mask tests over the person's own occupations. The person's work history is measured once per
// window (hours and longest run per occupation) and shared by every version with that window. No reason text
// is built: that is where the full report (`assessEligibility`) spends most of its time.
// Answers equal `assessEligibility`'s `eligible` fields (checked by property tests).
import { scoredAge } from "../profile/age.js";
import type { Ability, Profile, WorkPeriod } from "../profile/schema.js";
import { languageLevels } from "../rules/language.js";
import { categories, type ProgramCode, versionKey } from "./categories.js";
import { isSkilledTrade } from "./noc.js";
import {
  type CandidateLanguages,
  type Eligible,
  fswAgePoints,
  fswEducationPoints,
  fswExperiencePoints,
  fswPassMark,
  type OfficialLanguageLevels,
} from "./programs.js";
import { type FundsAmount, requiredFunds } from "./proofOfFunds.js";
import { isSkilled, teerOf } from "./teer.js";
import {
  canadianExperienceYears,
  countedHours,
  fullYears,
  hoursByOccupation,
  hoursPerMonth,
  hoursPerYear,
  isForeign,
  isSkilledCanadian,
  isSkilledPeriod,
  longestRunHoursByOccupation,
  yearsBefore,
} from "./workHistory.js";

/** An answer as a small number: 0 no, 1 yes, 2 unknown. */
export type EligibleCode = 0 | 1 | 2;
export const NO = 0;
export const YES = 1;
export const UNKNOWN = 2;

export const codeOf = (e: Eligible): EligibleCode => (e === true ? YES : e === false ? NO : UNKNOWN);
export const eligibleOf = (c: number): Eligible => (c === YES ? true : c === NO ? false : "unknown");

/** As `combine` of two: no if either is no, else unknown if either is unknown, else yes. */
function both(a: EligibleCode, b: EligibleCode): EligibleCode {
  if (a === NO || b === NO) return NO;
  return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : YES;
}

/** As `combine`: no if any is no, else unknown if any is unknown, else yes. */
function all(
  a: EligibleCode,
  b: EligibleCode,
  c: EligibleCode = YES,
  d: EligibleCode = YES,
  e: EligibleCode = YES,
  f: EligibleCode = YES,
): EligibleCode {
  return both(both(both(a, b), both(c, d)), both(e, f));
}

/** As `anyOf` of two: yes if either is yes, else unknown if either is unknown, else no. */
function either(a: EligibleCode, b: EligibleCode): EligibleCode {
  if (a === YES || b === YES) return YES;
  return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : NO;
}

type RuleKind = "language" | "work" | "military" | "unknown-kind";

/** One category version's rule, as numbers. */
export interface CompiledVersion {
  /** "trades@2025-v2" */
  key: string;
  /** Its bit in `listedIn`'s masks. */
  bit: number;
  kind: RuleKind;
  /** Language rule: which language, the level and the abilities it applies to. */
  language: "french" | "english" | null;
  languageMin: number;
  languageAbilities: Ability[];
  /** Work rule: false when the recorded rule leaves the amount, the window or the list unknown. */
  workRuleKnown: boolean;
  neededHours: number;
  withinYears: number;
  canadaOnly: boolean;
  /** Null when the sources do not say (both readings are computed). */
  continuous: boolean | null;
  /** A recorded list not confirmed complete: a "no" may become "unknown". */
  incompleteList: boolean;
  /** Programs (one of which) the version requires: bits FSW 1, CEC 2, FST 4. */
  requiredPrograms: number;
}

export interface CompiledEligibility {
  versions: CompiledVersion[];
  /** NOC code → the versions whose list holds it (bit i for `versions[i]`). */
  listedIn: ReadonlyMap<string, number>;
  /** The answers' order: general, cec, fsw, fst, pnp, then every version (the pool's stream keys). */
  keys: readonly string[];
}

const programBits: Record<ProgramCode, number> = { FSW: 1, CEC: 2, FST: 4 };

/** Compiles every category version of categories.json (the data never changes: compile once, reuse). */
export function compileEligibility(): CompiledEligibility {
  const versions: CompiledVersion[] = [];
  const listedIn = new Map<string, number>();
  for (const c of categories)
    for (const v of c.versions) {
      const bit = 1 << versions.length;
      if (versions.length >= 31) throw new RangeError("more than 31 category versions: widen the masks");
      const e = v.eligibility;
      const w = e.workExperience;
      const needed = w ? (w.minHours ?? (w.minMonths === null ? null : w.minMonths * hoursPerMonth)) : null;
      const kind: RuleKind =
        e.kind === "language"
          ? "language"
          : e.kind === "work-experience" || e.kind === "canadian-work-experience"
            ? "work"
            : e.kind === "military"
              ? "military"
              : "unknown-kind";
      versions.push({
        key: versionKey(c.id, v.version),
        bit,
        kind,
        language: e.language?.language ?? null,
        languageMin: e.language?.min ?? 0,
        languageAbilities: (e.language?.abilities ?? []) as Ability[],
        workRuleKnown: Boolean(w && needed !== null && w.withinYears !== null && v.occupations !== null),
        neededHours: needed ?? 0,
        withinYears: w?.withinYears ?? 0,
        canadaOnly: w?.location === "canada",
        continuous: w ? w.continuous : null,
        incompleteList: !v.complete && v.occupations !== null,
        requiredPrograms: e.mustBeEligibleFor.reduce((m, p) => m | programBits[p], 0),
      });
      for (const o of v.occupations ?? []) listedIn.set(o.noc, (listedIn.get(o.noc) ?? 0) | bit);
    }
  return {
    versions,
    listedIn,
    keys: ["general", "cec", "fsw", "fst", "pnp", ...versions.map((v) => v.key)],
  };
}

function meets(l: OfficialLanguageLevels | null, s: number, li: number, r: number, w: number): boolean {
  return (
    l !== null &&
    l.levels.speaking >= s &&
    l.levels.listening >= li &&
    l.levels.reading >= r &&
    l.levels.writing >= w
  );
}

/** One official language (first or second) at `n` in all four abilities. */
const eitherAt = (langs: CandidateLanguages, n: number) =>
  meets(langs.first, n, n, n, n) || meets(langs.second, n, n, n, n);

const fswAbilityPoints = (level: number) => (level >= 9 ? 6 : level === 8 ? 5 : level === 7 ? 4 : 0);

/** The settlement funds needed per "date/family size": a batch asks the same few again and again. */
export type FundsMemo = Map<string, FundsAmount>;

function fundsCode(profile: Profile, date: string, memo: FundsMemo | undefined): EligibleCode {
  if (profile.authorizedToWorkInCanada && profile.jobOffer !== "none") return YES;
  const familySize = profile.familySize ?? 1 + (profile.spouse ? 1 : 0);
  // Computed even when no amount is given, as the full report does (it throws the same way on bad input).
  let needed: FundsAmount | undefined;
  if (memo) {
    const key = `${date}/${familySize}`;
    needed = memo.get(key);
    if (!needed) {
      needed = requiredFunds(familySize, date);
      memo.set(key, needed);
    }
  } else needed = requiredFunds(familySize, date);
  if (profile.settlementFundsCad === undefined || !needed.known) return UNKNOWN;
  if (profile.settlementFundsCad < needed.amount) return NO;
  return profile.familySize ? YES : UNKNOWN;
}

// The periods each program counts (as programs.ts filters them), as named functions made once.
const countsForFsw = (p: WorkPeriod) => isSkilledPeriod(p) && (isForeign(p) || p.authorized);
const countsForFst = (p: WorkPeriod) => isSkilledTrade(p.noc) && (isForeign(p) || p.authorized);
const inTeer0or1 = (p: WorkPeriod) => teerOf(p.noc) <= 1;
const inTeer2or3 = (p: WorkPeriod) => teerOf(p.noc) >= 2;

const maxOf = (m: ReadonlyMap<string, number>) => {
  let best = -1;
  for (const h of m.values()) if (h > best) best = h;
  return best;
};

function fswCode(
  profile: Profile,
  langs: CandidateLanguages,
  date: string,
  funds: EligibleCode,
): EligibleCode {
  const history = profile.workHistory;
  const age = scoredAge(profile, date);
  const fswPeriods = history?.filter(countsForFsw);
  const tenYears = yearsBefore(date, 10);
  const work = fswPeriods
    ? maxOf(longestRunHoursByOccupation(fswPeriods, tenYears)) >= hoursPerYear
      ? YES
      : NO
    : profile.canadianWorkYears + profile.foreignWorkYears >= 1
      ? UNKNOWN
      : NO;
  const language = eitherAt(langs, 7) ? YES : NO;
  const education = profile.education === "less-than-secondary" ? NO : YES;
  const quebec = profile.intendsToLiveInQuebec ? NO : YES;
  if (all(work, language, education, funds, quebec) === NO) return NO;

  // The 67-point grid (programs.ts `fswGrid`), totals only.
  const first = langs.first.levels;
  const second = langs.second;
  const languagePoints =
    fswAbilityPoints(first.speaking) +
    fswAbilityPoints(first.listening) +
    fswAbilityPoints(first.reading) +
    fswAbilityPoints(first.writing) +
    (second && meets(second, 5, 5, 5, 5) ? 4 : 0);
  const years = fswPeriods
    ? fullYears(countedHours(fswPeriods, tenYears))
    : profile.canadianWorkYears + profile.foreignWorkYears;
  const hasOffer = profile.jobOffer !== "none" && (!profile.jobOfferNoc || isSkilled(profile.jobOfferNoc));
  const sp = profile.spouse;
  let adaptability = 0;
  if (sp?.accompanying && meets(langs.spouse, 4, 4, 4, 4)) adaptability += 5;
  if (profile.canadianStudy) adaptability += 5;
  if (sp?.canadianStudy) adaptability += 5;
  if (sp && sp.canadianWorkYears >= 1) adaptability += 5;
  if (hasOffer) adaptability += 5;
  if (profile.relativeInCanada || profile.siblingInCanada) adaptability += 5;
  // The 10 points of Canadian work matter only below the cap of 10 (and cost a pass over the history).
  if (adaptability < 10) {
    const canadianYears = history ? canadianExperienceYears(history, date) : profile.canadianWorkYears;
    if (canadianYears >= 1) adaptability += 10;
  }
  const total =
    languagePoints +
    fswEducationPoints[profile.education] +
    fswExperiencePoints(years) +
    fswAgePoints(age) +
    (hasOffer ? 10 : 0) +
    Math.min(10, adaptability);
  return all(work, language, education, total >= fswPassMark ? YES : NO, funds, quebec);
}

function cecCode(profile: Profile, langs: CandidateLanguages, date: string): EligibleCode {
  const quebec = profile.intendsToLiveInQuebec ? NO : YES;
  const history = profile.workHistory;
  if (!history) {
    if (profile.canadianWorkYears < 1) return NO;
    return all(UNKNOWN, eitherAt(langs, 5) ? YES : NO, quebec);
  }
  const window = yearsBefore(date, 3);
  const canadian = history.filter(isSkilledCanadian);
  if (countedHours(canadian, window) < hoursPerYear) return NO;
  // The language level depends on the TEER of the year's work (programs.ts `cecEligibility`).
  let language: EligibleCode;
  if (eitherAt(langs, 7)) language = YES;
  else {
    const clb5 = eitherAt(langs, 5);
    const teer23 = countedHours(canadian.filter(inTeer2or3), window);
    if (teer23 >= hoursPerYear) language = clb5 ? YES : NO;
    else if (!clb5) language = NO;
    else {
      const teer01 = countedHours(canadian.filter(inTeer0or1), window);
      language = teer01 >= hoursPerYear ? NO : UNKNOWN;
    }
  }
  return all(language, quebec);
}

function fstCode(
  profile: Profile,
  langs: CandidateLanguages,
  date: string,
  funds: EligibleCode,
): EligibleCode {
  const needed = 2 * hoursPerYear;
  const offerInTrade =
    profile.jobOffer !== "none" && (!profile.jobOfferNoc || isSkilledTrade(profile.jobOfferNoc));
  const qualification = profile.certificateOfQualification || offerInTrade ? YES : NO;
  const language = meets(langs.first, 5, 5, 4, 4) || meets(langs.second, 5, 5, 4, 4) ? YES : NO;
  const quebec = profile.intendsToLiveInQuebec ? NO : YES;
  if (all(qualification, language, funds, quebec) === NO) return NO;
  let work: EligibleCode;
  const history = profile.workHistory;
  if (history) {
    const window = yearsBefore(date, 5);
    const trades = history.filter(countsForFst);
    if (maxOf(hoursByOccupation(trades, window)) >= needed) work = YES;
    else work = countedHours(trades, window) >= needed ? UNKNOWN : NO;
  } else work = profile.canadianWorkYears + profile.foreignWorkYears >= 2 ? UNKNOWN : NO;
  return all(work, qualification, language, funds, quebec);
}

/** Per occupation: counted hours and the longest uninterrupted run, in one window, for one location rule. */
interface OccupationHours {
  nocs: string[];
  total: number[];
  longest: number[];
}

function occupationHours(
  history: readonly WorkPeriod[],
  date: string,
  withinYears: number,
  canadaOnly: boolean,
): OccupationHours {
  const periods: WorkPeriod[] = [];
  for (const p of history) if (p.country === "CA" ? p.authorized : !canadaOnly) periods.push(p);
  const window = yearsBefore(date, withinYears);
  const totals = hoursByOccupation(periods, window);
  const runs = longestRunHoursByOccupation(periods, window);
  const nocs: string[] = [];
  const total: number[] = [];
  const longest: number[] = [];
  for (const [noc, hours] of totals) {
    nocs.push(noc);
    total.push(hours);
    longest.push(runs.get(noc) ?? 0);
  }
  return { nocs, total, longest };
}

/**
 * Every answer for one profile into `out` at `offset`, in `compiled.keys` order (general, cec, fsw, fst,
 * pnp, then every category version). `langs` as `rules/languageLevels(profile)`; `date` the assessment date.
 */
export function eligibilityCodes(
  compiled: CompiledEligibility,
  profile: Profile,
  langs: CandidateLanguages,
  date: string,
  out: Uint8Array = new Uint8Array(compiled.keys.length),
  offset = 0,
  fundsMemo?: FundsMemo,
): Uint8Array {
  const funds = fundsCode(profile, date, fundsMemo);
  const fsw = fswCode(profile, langs, date, funds);
  const cec = cecCode(profile, langs, date);
  const fst = fstCode(profile, langs, date, funds);
  const federal = either(either(fsw, cec), fst);
  out[offset] = federal;
  out[offset + 1] = cec;
  out[offset + 2] = fsw;
  out[offset + 3] = fst;
  out[offset + 4] = profile.provincialNomination ? federal : NO;

  const history = profile.workHistory;
  // The occupations of the history and the versions listing each, once for all versions.
  let listedAny = 0;
  let listedEvery = -1;
  if (history)
    for (const p of history) {
      const bits = compiled.listedIn.get(p.noc) ?? 0;
      listedAny |= bits;
      listedEvery &= bits;
    }
  // Hours per occupation, measured once per (window, location rule) and shared by the versions using it.
  let measured: { key: number; hours: OccupationHours }[] | null = null;
  const versions = compiled.versions;
  for (let k = 0; k < versions.length; k++) {
    const v = versions[k]!;
    let rule: EligibleCode;
    if (v.kind === "language") {
      const result =
        langs.first.language === v.language
          ? langs.first
          : langs.second?.language === v.language
            ? langs.second
            : null;
      rule = result !== null && meetsOn(result, v.languageAbilities, v.languageMin) ? YES : NO;
    } else if (v.kind === "work") {
      if (!v.workRuleKnown) rule = UNKNOWN;
      else if (!history) rule = profile.canadianWorkYears + profile.foreignWorkYears > 0 ? UNKNOWN : NO;
      else if ((listedAny & v.bit) === 0) rule = NO;
      else {
        const key = v.withinYears * 2 + (v.canadaOnly ? 1 : 0);
        measured ??= [];
        let m: OccupationHours | undefined;
        for (const entry of measured) if (entry.key === key) m = entry.hours;
        if (!m) {
          m = occupationHours(history, date, v.withinYears, v.canadaOnly);
          measured.push({ key, hours: m });
        }
        let total = -1;
        let longest = -1;
        for (let i = 0; i < m.nocs.length; i++) {
          if (((compiled.listedIn.get(m.nocs[i]!) ?? 0) & v.bit) === 0) continue;
          if (m.total[i]! > total) total = m.total[i]!;
          if (m.longest[i]! > longest) longest = m.longest[i]!;
        }
        const strict = longest >= v.neededHours ? YES : NO;
        const loose = total >= v.neededHours ? YES : NO;
        rule =
          v.continuous === true
            ? strict
            : v.continuous === false
              ? loose
              : strict === loose
                ? strict
                : UNKNOWN;
      }
    } else if (v.kind === "military") rule = (listedAny & v.bit) !== 0 ? UNKNOWN : NO;
    else rule = UNKNOWN;
    // Work off the recorded list may be on its missing part.
    if (v.incompleteList && rule === NO && (!history || (listedEvery & v.bit) === 0)) rule = UNKNOWN;
    let programs: EligibleCode = NO;
    if (v.requiredPrograms & programBits.FSW) programs = either(programs, fsw);
    if (v.requiredPrograms & programBits.CEC) programs = either(programs, cec);
    if (v.requiredPrograms & programBits.FST) programs = either(programs, fst);
    out[offset + 5 + k] = all(rule, programs);
  }
  return out;
}

function meetsOn(l: OfficialLanguageLevels, abilities: readonly Ability[], min: number): boolean {
  for (const a of abilities) if (l.levels[a] < min) return false;
  return true;
}

/** Pool-style masks from answers in `compiled.keys` order: bit i set where answer i is yes (or unknown). */
export function masksOf(
  codes: Uint8Array,
  offset: number,
  count: number,
): { eligible: number; unknown: number } {
  let eligible = 0;
  let unknown = 0;
  for (let i = 0; i < count; i++) {
    const c = codes[offset + i];
    if (c === YES) eligible |= 1 << i;
    else if (c === UNKNOWN) unknown |= 1 << i;
  }
  return { eligible: eligible >>> 0, unknown: unknown >>> 0 };
}

export interface EligibilityBatch {
  /** Per profile, bit i set where the answer for `compiled.keys[i]` is yes. */
  eligible: Uint32Array;
  /** Per profile, bit i set where it is unknown. */
  unknown: Uint32Array;
}

/**
 * Every answer for many profiles, as masks (the pool's columns). Each profile is judged on its own
 * `assessedOn` (set it, as the batch CRS scorer needs it too); languages are worked out here.
 */
export function eligibilityBatch(
  profiles: readonly Profile[],
  compiled: CompiledEligibility = compileEligibility(),
): EligibilityBatch {
  const count = compiled.keys.length;
  const codes = new Uint8Array(count);
  const memo: FundsMemo = new Map();
  const eligible = new Uint32Array(profiles.length);
  const unknown = new Uint32Array(profiles.length);
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i]!;
    if (!p.assessedOn) throw new RangeError(`profile ${i}: assessedOn is required to judge eligibility`);
    eligibilityCodes(compiled, p, languageLevels(p), p.assessedOn, codes, 0, memo);
    const m = masksOf(codes, 0, count);
    eligible[i] = m.eligible;
    unknown[i] = m.unknown;
  }
  return { eligible, unknown };
}
