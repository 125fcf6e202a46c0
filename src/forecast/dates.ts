// Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole UTC days, so that no time zone or clock
// can shift a forecast. Pure: the caller always passes the dates in. Day numbers, `addDays` and
// `daysBetween` are the project's own (occupations' work-history arithmetic, draws' analytics);
// this file adds the week arithmetic of IRCC's draw weeks.
export { daysBetween } from "../draws/analytics.js";
export { addDays, dayNumber, isoFromDay } from "../occupations/workHistory.js";

/** 0 = Monday … 6 = Sunday (IRCC's draw weeks start on Monday). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return (((day + 3) % 7) + 7) % 7;
}

/** The day number of the Monday starting the week that contains `day`. */
export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}
