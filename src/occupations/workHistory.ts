// Work-history arithmetic, by IRCC's definitions (docs/sources/programs.md §1, [S7], [S13]):
// full-time is 30 h/week, 1 year = 1,560 hours, hours above 30 in a week are not counted (also across
// concurrent jobs), part-time counts when the hours add up. Dates are inclusive ISO days; an open period
// (`to: null`) runs to the assessment date. Hours accrue day by day at hoursPerWeek / 7.
import type { WorkPeriod } from "../profile/schema.js";
import { isSkilled } from "./noc.js";

export const fullTimeHoursPerWeek = 30;
export const hoursPerYear = 1560;
/** 1,560 / 12: one month of full-time work. */
export const hoursPerMonth = 130;

const msPerDay = 86_400_000;

export function dayNumber(iso: string): number {
  // Date.UTC on the parsed parts: several times faster than parsing the string, and this runs per period.
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / msPerDay;
}

export function isoFromDay(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Same calendar day `years` later (earlier when negative); 29 February falls back to 28 February. */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5, 10);
  return `${pad(y, 4)}-${md === "02-29" && !isLeap(y) ? "02-28" : md}`;
}

export function addDays(iso: string, days: number): string {
  return isoFromDay(dayNumber(iso) + days);
}

/** Inclusive window of days. */
export interface Window {
  from: string;
  to: string;
}

/** The `years` before `date`: from the same calendar day `years` earlier, through `date`. */
export function yearsBefore(date: string, years: number): Window {
  return { from: addYears(date, -years), to: date };
}

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
  hoursPerDay: number;
}

function clippedSpan(p: WorkPeriod, window: Window): Span | null {
  const start = Math.max(dayNumber(p.from), dayNumber(window.from));
  const end = Math.min(dayNumber(p.to ?? window.to), dayNumber(window.to)) + 1;
  if (end <= start) return null;
  return { start, end, hoursPerDay: Math.min(p.hoursPerWeek, fullTimeHoursPerWeek) / 7 };
}

/** Counted hours of the periods inside the window, capping the sum of concurrent jobs at 30 h/week. */
export function countedHours(periods: readonly WorkPeriod[], window: Window): number {
  const spans = periods.map((p) => clippedSpan(p, window)).filter((s): s is Span => s !== null);
  if (spans.length === 0) return 0;
  const cuts = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const capPerDay = fullTimeHoursPerWeek / 7;
  let hours = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    let rate = 0;
    for (const s of spans) if (s.start <= a && s.end >= b) rate += s.hoursPerDay;
    hours += Math.min(rate, capPerDay) * (b - a);
  }
  return hours;
}

/** A run of uninterrupted work in one occupation (periods that touch or overlap are joined). */
export interface ContinuousRun {
  noc: string;
  from: string;
  to: string;
  hours: number;
}

/** Every uninterrupted run per occupation inside the window, with its counted hours. */
export function continuousRuns(periods: readonly WorkPeriod[], window: Window): ContinuousRun[] {
  const byNoc = new Map<string, WorkPeriod[]>();
  for (const p of periods) byNoc.set(p.noc, [...(byNoc.get(p.noc) ?? []), p]);
  const runs: ContinuousRun[] = [];
  for (const [noc, list] of byNoc) {
    const spans = list
      .map((p) => ({ p, s: clippedSpan(p, window) }))
      .filter((x): x is { p: WorkPeriod; s: Span } => x.s !== null)
      .sort((x, y) => x.s.start - y.s.start);
    let group: WorkPeriod[] = [];
    let groupStart = 0;
    let groupEnd = 0;
    const flush = () => {
      if (group.length === 0) return;
      const from = isoFromDay(groupStart);
      const to = isoFromDay(groupEnd - 1);
      runs.push({ noc, from, to, hours: countedHours(group, { from, to }) });
    };
    for (const { p, s } of spans) {
      if (group.length > 0 && s.start <= groupEnd) {
        group.push(p);
        groupEnd = Math.max(groupEnd, s.end);
      } else {
        flush();
        group = [p];
        groupStart = s.start;
        groupEnd = s.end;
      }
    }
    flush();
  }
  return runs;
}

/** Counted hours per occupation inside the window (each occupation capped at 30 h/week on its own). */
export function hoursByOccupation(periods: readonly WorkPeriod[], window: Window): Map<string, number> {
  const out = new Map<string, number>();
  for (const noc of new Set(periods.map((p) => p.noc))) {
    out.set(
      noc,
      countedHours(
        periods.filter((p) => p.noc === noc),
        window,
      ),
    );
  }
  return out;
}

/** Work in Canada that counts for CEC and the CRS: authorized, not self-employed, not while a full-time student ([S7]). */
export const countsAsCanadian = (p: WorkPeriod) =>
  p.country === "CA" && p.authorized && !p.selfEmployed && !p.whileFullTimeStudent;

export const isForeign = (p: WorkPeriod) => p.country !== "CA";

export const isSkilledPeriod = (p: WorkPeriod) => isSkilled(p.noc);

/** Full years of full-time-equivalent experience (1,560 h each). */
export const fullYears = (hours: number) => Math.floor(hours / hoursPerYear + 1e-9);

/** Months of full-time-equivalent experience, one decimal, for explanations. */
export const monthsOf = (hours: number) => Math.round((hours / hoursPerMonth) * 10) / 10;

/**
 * CRS experience years derived from a work history as of `assessedOn`: skilled (TEER 0–3) full-time or
 * equivalent work in the 10 years before the assessment, Canadian work counted as for the CEC (authorized,
 * not self-employed, not while a full-time student, [S7]) and foreign work outside Canada. The 10-year
 * look-back is the wording of IRCC's CRS questions ("In the last ten years, how many years of skilled work
 * experience…"); the FSW grid uses the same window (programs.md §2.2, Factor 3).
 */
export function crsExperienceYears(
  history: readonly WorkPeriod[],
  assessedOn: string,
): { canadianWorkYears: number; foreignWorkYears: number } {
  const window = yearsBefore(assessedOn, 10);
  const skilled = history.filter(isSkilledPeriod);
  return {
    canadianWorkYears: fullYears(countedHours(skilled.filter(countsAsCanadian), window)),
    foreignWorkYears: fullYears(countedHours(skilled.filter(isForeign), window)),
  };
}

/**
 * The profile with `canadianWorkYears` and `foreignWorkYears` derived from its work history as of
 * `assessedOn` (issue 4, item 1); profiles without a history keep the years they entered.
 */
export function withExperienceFromHistory<
  P extends {
    workHistory?: readonly WorkPeriod[] | undefined;
    assessedOn?: string | undefined;
    canadianWorkYears: number;
    foreignWorkYears: number;
  },
>(profile: P): P {
  if (!profile.workHistory || !profile.assessedOn) return profile;
  return { ...profile, ...crsExperienceYears(profile.workHistory, profile.assessedOn) };
}
