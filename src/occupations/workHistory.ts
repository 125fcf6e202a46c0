// Work-history arithmetic, by IRCC's definitions (docs/sources/programs.md §1, [S7], [S13]):
// full-time is 30 h/week, 1 year = 1,560 hours, hours above 30 in a week are not counted (also across
// concurrent jobs), part-time counts when the hours add up. Dates are inclusive ISO days; an open period
// (`to: null`) runs to the assessment date. Hours accrue day by day at hoursPerWeek / 7.
import type { WorkPeriod } from "../profile/schema.js";
import { isSkilled } from "./teer.js";

export const fullTimeHoursPerWeek = 30;
export const hoursPerYear = 1560;
/** 1,560 / 12: one month of full-time work. */
export const hoursPerMonth = 130;

const msPerDay = 86_400_000;

export function dayNumber(iso: string): number {
  // Read from the digits and counted by arithmetic (H. Hinnant's `days_from_civil`): no string or Date is
  // made, and this runs for every period of every profile judged. Equal to Date.UTC's day (tested).
  // (No helper closure: a closure made per call costs more than the arithmetic.) 48 is the code of "0";
  // 53 328 = 48 × 1111, 528 = 48 × 11.
  const month = iso.charCodeAt(5) * 10 + iso.charCodeAt(6) - 528;
  const day = iso.charCodeAt(8) * 10 + iso.charCodeAt(9) - 528;
  const year =
    iso.charCodeAt(0) * 1000 +
    iso.charCodeAt(1) * 100 +
    iso.charCodeAt(2) * 10 +
    iso.charCodeAt(3) -
    53_328 -
    (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1; // from 1 March
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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
  /** Hours per week, capped at 30. Sums are kept in week-hours × days and divided by 7 once, so that
   * 364 days at 30 h/week give exactly 1,560 h however the days are split between periods. */
  weeklyHours: number;
}

function clippedSpan(p: WorkPeriod, windowFrom: number, windowTo: number): Span | null {
  const start = Math.max(dayNumber(p.from), windowFrom);
  const end = Math.min(p.to === null ? windowTo : dayNumber(p.to), windowTo) + 1;
  if (end <= start) return null;
  return { start, end, weeklyHours: Math.min(p.hoursPerWeek, fullTimeHoursPerWeek) };
}

function spansIn(periods: readonly WorkPeriod[], windowFrom: number, windowTo: number): Span[] {
  const spans: Span[] = [];
  for (const p of periods) {
    const s = clippedSpan(p, windowFrom, windowTo);
    if (s) spans.push(s);
  }
  return spans;
}

/** Hours of clipped spans, the sum of concurrent spans capped at 30 h/week (a sweep over the span edges). */
function hoursOfSpans(spans: readonly Span[]): number {
  if (spans.length === 0) return 0;
  if (spans.length === 1) return (spans[0]!.weeklyHours * (spans[0]!.end - spans[0]!.start)) / 7;
  const cuts = spans.flatMap((s) => [s.start, s.end]).sort((a, b) => a - b);
  let weekHourDays = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (a === b) continue;
    let rate = 0;
    for (const s of spans) if (s.start <= a && s.end >= b) rate += s.weeklyHours;
    weekHourDays += Math.min(rate, fullTimeHoursPerWeek) * (b - a);
  }
  return weekHourDays / 7;
}

/** Counted hours of the periods inside the window, capping the sum of concurrent jobs at 30 h/week. */
export function countedHours(periods: readonly WorkPeriod[], window: Window): number {
  return hoursOfSpans(spansIn(periods, dayNumber(window.from), dayNumber(window.to)));
}

/** A run of uninterrupted work in one occupation (periods that touch or overlap are joined). */
export interface ContinuousRun {
  noc: string;
  from: string;
  to: string;
  hours: number;
}

interface DayRun {
  noc: string;
  start: number;
  end: number;
  hours: number;
}

/** The periods' spans inside the window, per occupation. */
function spansByOccupation(periods: readonly WorkPeriod[], window: Window): Map<string, Span[]> {
  const windowFrom = dayNumber(window.from);
  const windowTo = dayNumber(window.to);
  const byNoc = new Map<string, Span[]>();
  for (const p of periods) {
    const s = clippedSpan(p, windowFrom, windowTo);
    if (!s) continue;
    const list = byNoc.get(p.noc);
    if (list) list.push(s);
    else byNoc.set(p.noc, [s]);
  }
  return byNoc;
}

const byStart = (x: Span, y: Span) => x.start - y.start;

// Loops without closures made per call: this runs for every profile of a pool, several times.
function dayRuns(periods: readonly WorkPeriod[], window: Window): DayRun[] {
  const runs: DayRun[] = [];
  for (const [noc, spans] of spansByOccupation(periods, window)) {
    if (spans.length > 1) spans.sort(byStart);
    let groupStart = 0;
    let groupEnd = 0;
    for (let i = 0; i <= spans.length; i++) {
      const s = spans[i];
      if (s && i > groupStart && s.start <= groupEnd) {
        groupEnd = Math.max(groupEnd, s.end);
        continue;
      }
      if (i > groupStart) {
        const group = groupStart === 0 && i === spans.length ? spans : spans.slice(groupStart, i);
        runs.push({ noc, start: spans[groupStart]!.start, end: groupEnd, hours: hoursOfSpans(group) });
      }
      if (s) {
        groupStart = i;
        groupEnd = s.end;
      }
    }
  }
  return runs;
}

const toRun = (r: DayRun): ContinuousRun => ({
  noc: r.noc,
  from: isoFromDay(r.start),
  to: isoFromDay(r.end - 1),
  hours: r.hours,
});

/** Every uninterrupted run per occupation inside the window, with its counted hours. */
export function continuousRuns(periods: readonly WorkPeriod[], window: Window): ContinuousRun[] {
  return dayRuns(periods, window).map(toRun);
}

/** The uninterrupted run with the most counted hours, or null when there is no work in the window. */
export function longestRun(periods: readonly WorkPeriod[], window: Window): ContinuousRun | null {
  let best: DayRun | null = null;
  for (const r of dayRuns(periods, window)) if (!best || r.hours > best.hours) best = r;
  return best ? toRun(best) : null;
}

/** Per occupation, the counted hours of its longest uninterrupted run inside the window (no dates formatted). */
export function longestRunHoursByOccupation(
  periods: readonly WorkPeriod[],
  window: Window,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of dayRuns(periods, window)) if (r.hours > (out.get(r.noc) ?? -1)) out.set(r.noc, r.hours);
  return out;
}

/** Counted hours per occupation inside the window (each occupation capped at 30 h/week on its own). */
export function hoursByOccupation(periods: readonly WorkPeriod[], window: Window): Map<string, number> {
  const out = new Map<string, number>();
  for (const [noc, spans] of spansByOccupation(periods, window)) out.set(noc, hoursOfSpans(spans));
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
  return {
    canadianWorkYears: canadianExperienceYears(history, assessedOn),
    foreignWorkYears: fullYears(countedHours(history.filter(isSkilledForeign), yearsBefore(assessedOn, 10))),
  };
}

/** Skilled (TEER 0–3) work in Canada that counts (see `countsAsCanadian`): the CEC's and the CRS's. */
export const isSkilledCanadian = (p: WorkPeriod) => isSkilledPeriod(p) && countsAsCanadian(p);
const isSkilledForeign = (p: WorkPeriod) => isSkilledPeriod(p) && isForeign(p);

/** Full years of skilled Canadian work (as for the CEC) in the 10 years before `date`: the CRS's Canadian
 * experience years, and the FSW grid's "1 year of skilled work in Canada" (programs.md §2.2, Factor 6). */
export function canadianExperienceYears(history: readonly WorkPeriod[], date: string): number {
  return fullYears(countedHours(history.filter(isSkilledCanadian), yearsBefore(date, 10)));
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
