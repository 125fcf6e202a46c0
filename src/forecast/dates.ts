// Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole UTC days, so that no time zone or clock
// can shift a forecast. Pure: the caller always passes the dates in.

const msPerDay = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / msPerDay);
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDate) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Monday … 6 = Sunday (IRCC's draw weeks start on Monday). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return (((day + 3) % 7) + 7) % 7;
}

/** The day number of the Monday starting the week that contains `day`. */
export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

export const weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
