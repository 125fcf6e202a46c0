// Category eligibility: every category version in data/categories.json, each judged by its own recorded rule.
// Where the data marks a list incomplete or a rule field unknown (null), the answer says so.
import type { Profile, WorkPeriod } from "../profile/schema.js";
import {
  type CategoryVersion,
  type CategoryWorkRule,
  categories,
  categoryById,
  type ProgramCode,
  versionBounds,
} from "./categories.js";
import {
  anyOf,
  type CandidateLanguages,
  type Check,
  combine,
  describeNoc,
  type Eligible,
  hoursText,
  type ProgramResult,
  programsSummary,
  thousands,
} from "./programs.js";
import { hoursByOccupation, hoursPerMonth, longestRun, yearsBefore } from "./workHistory.js";

export interface CategoryResult {
  category: string;
  version: string;
  irccName: string;
  /** Whether this version applied on the assessment date ("unknown" where its dates are not confirmed). */
  inForce: Eligible;
  eligible: Eligible;
  reasons: string[];
}

const listedCache = new WeakMap<CategoryVersion, ReadonlySet<string>>();
/** The version's NOC codes as a set (built once per version: the data never changes). */
function listedCodes(v: CategoryVersion): ReadonlySet<string> {
  let set = listedCache.get(v);
  if (!set) {
    set = new Set((v.occupations ?? []).map((o) => o.noc));
    listedCache.set(v, set);
  }
  return set;
}

function inForceOn(categoryId: string, v: CategoryVersion, date: string): Eligible {
  const category = categoryById(categoryId)!;
  const b = versionBounds(category).find((x) => x.version === v)!;
  const inside = b.from <= date && (b.to === null || date <= b.to);
  if (b.certain) return inside;
  // An unconfirmed bound: only dates clearly outside the plausible span are a firm "no".
  // The firm start: the recorded one, else the recorded earliest possible day, else the assumed start.
  const hardFrom = v.from ?? v.notBefore ?? b.from;
  if (date < hardFrom || (v.to !== null && date > v.to)) return false;
  const next = category.versions[category.versions.indexOf(v) + 1];
  // A recorded start and a firm "not before" of the next version: in force for certain in between.
  if (v.from !== null && next?.notBefore !== undefined && date < next.notBefore) return date >= v.from;
  // Inside the assumed span, or before its assumed start but not before the firm one.
  if (inside || date < b.from) return "unknown";
  // After the assumed end of a version whose end is not recorded: it was replaced when the next version
  // started; if that start is not confirmed either, the version may still have applied on this date.
  return v.to === null && next !== undefined && next.from === null ? "unknown" : false;
}

function programsCheck(
  required: readonly ProgramCode[],
  programs: readonly ProgramResult[],
  cache?: Map<string, Check>,
): Check {
  // Every version requires the same three programs: one answer per profile, reused across versions.
  const key = required.join(",");
  const cached = cache?.get(key);
  if (cached) return { ...cached };
  const relevant = programs.filter((p) => required.includes(p.program.toUpperCase() as ProgramCode));
  const status = anyOf(relevant.map((p) => p.eligible));
  const check = {
    ok: status,
    reason: `must be eligible for ${required.join(", ")}: ${programsSummary(relevant)}`,
  };
  cache?.set(key, check);
  return { ...check };
}

function languageRuleCheck(v: CategoryVersion, langs: CandidateLanguages): Check {
  const rule = v.eligibility.language!;
  const mark = rule.language === "french" ? "NCLC" : "CLB";
  const result = [langs.first, langs.second].find((l) => l?.language === rule.language);
  if (!result)
    return {
      ok: false,
      reason: `needs ${rule.language} test results at ${mark} ${rule.min} in all four abilities; none given`,
    };
  const short = rule.abilities.filter((a) => result.levels[a as keyof typeof result.levels] < rule.min);
  return short.length === 0
    ? { ok: true, reason: `${rule.language}: ${mark} ${rule.min}+ in ${rule.abilities.join(", ")}` }
    : {
        ok: false,
        reason: `${rule.language}: needs ${mark} ${rule.min} in all four abilities; below in ${short.map((a) => `${a} (${result.levels[a as keyof typeof result.levels]})`).join(", ")}`,
      };
}

/** The hours the rule requires: `minHours`, or `minMonths` at 130 h a month (1,560 h a year). */
function requiredHours(w: CategoryWorkRule): number | null {
  if (w.minHours !== null) return w.minHours;
  return w.minMonths === null ? null : w.minMonths * hoursPerMonth;
}

interface BestOccupation {
  noc: string;
  hours: number;
  from?: string;
  to?: string;
  /** Non-continuous rules: how many periods the hours come from. */
  spans?: number;
}

function bestInListed(
  history: readonly WorkPeriod[],
  listed: ReadonlySet<string>,
  w: CategoryWorkRule,
  date: string,
  continuous: boolean,
): BestOccupation | null {
  const window = yearsBefore(date, w.withinYears!);
  const periods = history.filter(
    (p) => listed.has(p.noc) && (p.country === "CA" ? p.authorized : w.location !== "canada"),
  );
  if (continuous) {
    return longestRun(periods, window);
  }
  const best = [...hoursByOccupation(periods, window)].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  // Which months: the first and last day of that occupation's work inside the window.
  // ISO dates compare as text; sorting them picks the earliest and latest.
  const inWindow = periods
    .filter((p) => p.noc === best[0])
    .map((p) => ({ from: [p.from, window.from].sort()[1]!, to: [p.to ?? window.to, window.to].sort()[0]! }))
    .filter((p) => p.from <= p.to);
  const days = inWindow.flatMap((p) => [p.from, p.to]).sort();
  const from = days[0];
  const to = days[days.length - 1];
  return { noc: best[0], hours: best[1], from, to, spans: inWindow.length };
}

function workRuleCheck(v: CategoryVersion, profile: Profile, date: string): Check {
  const w = v.eligibility.workExperience;
  const listed = listedCodes(v);
  const needed = w ? requiredHours(w) : null;
  if (!w || needed === null || w.withinYears === null || v.occupations === null)
    return { ok: "unknown", reason: "the recorded rule leaves the work-experience amount or window unknown" };
  const where = w.location === "canada" ? "in Canada" : "in Canada or abroad";
  const ruleText = (continuous: boolean) =>
    `${needed / hoursPerMonth} months (${thousands(needed)} h)${continuous ? " of continuous" : ""} work ${where} in one listed occupation within ${w.withinYears} years`;
  if (!profile.workHistory)
    return profile.canadianWorkYears + profile.foreignWorkYears > 0
      ? {
          ok: "unknown",
          reason: `needs ${ruleText(w.continuous === true)}: give workHistory to check the occupation`,
        }
      : { ok: false, reason: `needs ${ruleText(w.continuous === true)}: no work experience entered` };

  const judge = (continuous: boolean): Check => {
    const best = bestInListed(profile.workHistory!, listed, w, date, continuous);
    if (best && best.hours >= needed)
      return {
        ok: true,
        reason: `${describeNoc(best.noc)}: ${hoursText(best.hours)}${continuous ? ` continuous ${best.from} to ${best.to}` : ` between ${best.from} and ${best.to} (${best.spans} period${best.spans === 1 ? "" : "s"})`} meets ${ruleText(continuous)}`,
      };
    return {
      ok: false,
      reason: `needs ${ruleText(continuous)}; ${best ? `best is ${describeNoc(best.noc)}: ${hoursText(best.hours)}` : "no work in a listed occupation in the window"}`,
    };
  };
  if (w.continuous !== null) return judge(w.continuous);
  const strict = judge(true);
  const loose = judge(false);
  if (strict.ok === loose.ok) return strict;
  return {
    ok: "unknown",
    reason: `whether the months must be continuous is not confirmed (${w.notes ?? "continuous: null"}); non-continuous: ${loose.reason}; continuous: ${strict.reason}`,
  };
}

function militaryCheck(v: CategoryVersion, profile: Profile): Check {
  const listed = listedCodes(v);
  const matching = (profile.workHistory ?? []).filter((p) => listed.has(p.noc));
  const extra = (v.eligibility.additional ?? []).join(" ");
  if (matching.length === 0)
    return {
      ok: false,
      reason: `needs experience in ${[...listed].map(describeNoc).join(", ")}${profile.workHistory ? "" : " (no workHistory given)"}`,
    };
  return {
    ok: "unknown",
    reason: `experience in ${describeNoc(matching[0]!.noc)}; the other conditions cannot be checked from a profile or are unconfirmed: ${extra}`,
  };
}

/** One category version for a profile, as of `date` (the windows end on that date). */
export function categoryVersionEligibility(
  categoryId: string,
  v: CategoryVersion,
  profile: Profile,
  langs: CandidateLanguages,
  programs: readonly ProgramResult[],
  date: string,
  federalCache?: Map<string, Check>,
): CategoryResult {
  const checks: Check[] = [];
  const kind = v.eligibility.kind;
  if (kind === "language") checks.push(languageRuleCheck(v, langs));
  else if (kind === "work-experience" || kind === "canadian-work-experience")
    checks.push(workRuleCheck(v, profile, date));
  else if (kind === "military") checks.push(militaryCheck(v, profile));
  else checks.push({ ok: "unknown", reason: `rule kind "${kind}" is not one this engine knows` });

  if (!v.complete && v.occupations) {
    const check = checks[checks.length - 1]!;
    check.reason += `; the occupation list is not confirmed complete (complete: false): ${v.gaps ?? ""}`;
    // The recorded codes stand; but work in an occupation off the recorded list could be on the missing
    // part of the list, so a "no" becomes "unknown" when there is such work.
    const listed = listedCodes(v);
    const offList = (profile.workHistory ?? []).some((p) => !listed.has(p.noc));
    if (check.ok === false && (offList || !profile.workHistory)) check.ok = "unknown";
  }
  checks.push(programsCheck(v.eligibility.mustBeEligibleFor, programs, federalCache));
  return {
    category: categoryId,
    version: v.version,
    irccName: v.irccName,
    inForce: inForceOn(categoryId, v, date),
    eligible: combine(checks.map((c) => c.ok)),
    reasons: checks.map((c) => c.reason),
  };
}

/** Every category and list version in categories.json. */
export function categoryEligibility(
  profile: Profile,
  langs: CandidateLanguages,
  programs: readonly ProgramResult[],
  date: string,
): CategoryResult[] {
  const federalCache = new Map<string, Check>();
  return categories.flatMap((c) =>
    c.versions.map((v) => categoryVersionEligibility(c.id, v, profile, langs, programs, date, federalCache)),
  );
}
