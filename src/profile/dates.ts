// YYYY-MM-DD dates that exist on the calendar (2025-02-31 does not). Free of zod, so that commands
// which load no schema (ee draws) check dates the way the profile schema does.

const yyyyMmDd = /^\d{4}-\d{2}-\d{2}$/;

/** Whether text read as YYYY-MM-DD names a day that exists; the schema checks the format on its own. */
export function existsOnCalendar(s: string): boolean {
  return (
    !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
  );
}

/** A date written YYYY-MM-DD that exists on the calendar. */
export const isCalendarDate = (s: string): boolean => yyyyMmDd.test(s) && existsOnCalendar(s);
