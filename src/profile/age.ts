// A person's age on a date, from the date of birth. The CRS counts age "in completed years on the day the
// score is computed" (docs/sources/crs-rules.md, Age, [S2]); a profile may give `age` (on its assessedOn),
// `birthDate`, or both. `withAgeOn` is the one adapter step that turns a profile into the scorer's input
// (`age` a number on the date), as `withExperienceFromHistory` does for the work history. Pure: no clock.
import { FieldError, type FieldProblem } from "./errors.js";

/** The CRS grid's range of ages (the schema's bounds for `age`). */
export const ageRange = { min: 0, max: 120 } as const;

/**
 * Whole years completed on `date` by someone born on `birthDate` (both YYYY-MM-DD). Negative when `date` is
 * before the birth. Someone born on 29 February completes a year on 1 March in a common year: IRCC's sources
 * (docs/sources) do not say, so this follows the common legal convention (e.g. the UK's Family Law Reform Act
 * 1969, s. 9): the birthday has not come while the month and day are before 02-29, and 02-28 is before it.
 * (The work-history windows count a year from 29 February to 28 February — that is a length of time, not a
 * birthday.)
 */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // "MM-DD" strings compare as the calendar does.
  const birthdayPassed = date.slice(5, 10) >= birthDate.slice(5, 10);
  return birthdayPassed ? years : years - 1;
}

/**
 * The earliest date of birth whose age on `date` is at most `ageRange.max`: the day after the same month and day
 * `ageRange.max + 1` years before (that person turns max + 1 on `date`). From 29 February the next day is 1 March,
 * in a common year or not (born on 29 February of a leap year, the birthday on 29 February has come).
 */
export function earliestBirthDate(date: string): string {
  const year = Number(date.slice(0, 4)) - (ageRange.max + 1);
  const monthDay = date.slice(5, 10);
  if (monthDay === "02-29") return `${String(year).padStart(4, "0")}-03-01`;
  const day = new Date(`2000-${monthDay}T00:00:00Z`); // a leap year, so any month and day exists
  day.setUTCFullYear(year);
  day.setUTCDate(day.getUTCDate() + 1);
  return `${String(day.getUTCFullYear()).padStart(4, "0")}-${day.toISOString().slice(5, 10)}`;
}

/** The fields of a profile that say how old the person is. */
export interface StatedAge {
  age?: number | undefined;
  birthDate?: string | undefined;
  assessedOn?: string | undefined;
}

/** The problem with a profile's age on `date`, if any (also the schema's check when assessedOn is given). */
export function ageProblem(p: StatedAge, date: string | undefined): FieldProblem | undefined {
  if (p.birthDate === undefined) {
    if (p.age !== undefined) return undefined;
    return {
      field: "age",
      problem: "is required: give the age in completed years, or birthDate (the date of birth) instead",
      allowed: `a whole number ${ageRange.min}–${ageRange.max}, or birthDate YYYY-MM-DD`,
    };
  }
  if (date === undefined)
    return {
      field: "assessedOn",
      problem: "is required to work out the age from birthDate",
      allowed: "a date YYYY-MM-DD",
    };
  const age = ageOn(p.birthDate, date);
  if (age < ageRange.min || age > ageRange.max)
    return {
      field: "birthDate",
      // Neither the date of birth nor the age it gives is repeated: an error may be seen or kept elsewhere.
      problem: `gives an age outside ${ageRange.min}–${ageRange.max} on ${date}`,
      // Too old: the range, since "on or before" the date is what the person already gave.
      allowed:
        age < ageRange.min
          ? `a date of birth on or before ${date}`
          : `a date of birth from ${earliestBirthDate(date)} to ${date}`,
    };
  if (p.age !== undefined && p.age !== age)
    return {
      field: "age",
      problem: `does not agree with birthDate: they give different ages on ${date}`,
      allowed: `the age in completed years on ${date}, or leave out age or birthDate`,
    };
  return undefined;
}

/**
 * The profile with `age` as a number on `date` (default: its assessedOn). With a birth date, the age is worked
 * out on `date`; a stated age must agree with it when `date` is the profile's own assessment date (or it has
 * none) — on another date (a client's status a year on) the birth date decides. Without a birth date the
 * profile is returned as it is. Throws a FieldError naming `age` when neither is given.
 */
export function withAgeOn<P extends StatedAge>(
  profile: P,
  date: string | undefined = profile.assessedOn,
): P & { age: number } {
  // On a date other than its own, a stated age is of another day: the birth date alone counts.
  const ownDate = profile.assessedOn === undefined || profile.assessedOn === date;
  const checked = ownDate || profile.birthDate === undefined ? profile : { ...profile, age: undefined };
  const problem = ageProblem(checked, date);
  if (problem) throw new FieldError([problem]);
  if (profile.birthDate === undefined) return profile as P & { age: number };
  return { ...profile, age: ageOn(profile.birthDate, date!) };
}

/**
 * A profile as written (not yet validated) assessed on `date` instead of its own assessedOn (ee crs --assessed-on,
 * ee eligibility --on, the web form's date). Its `age` was the age on its own date: with a birth date beside it,
 * the birth date decides on `date` (as `withAgeOn` does on another date), instead of the profile being refused
 * as disagreeing with itself. On its own date, or without one, both are kept and must agree.
 */
export function reassessedOn<P extends Record<string, unknown>>(
  raw: P,
  date: string,
): P & { assessedOn: string } {
  const ownDate = raw.assessedOn;
  const { age: _ageOfAnotherDay, ...withoutAge } = raw;
  const ageIsOfAnotherDay = raw.birthDate !== undefined && ownDate !== undefined && ownDate !== date;
  return { ...(ageIsOfAnotherDay ? withoutAge : raw), assessedOn: date } as P & { assessedOn: string };
}

/**
 * The age the scorer reads on `date` (default: the profile's assessedOn, the date it is scored for): the
 * profile's `age` when an adapter's `withAgeOn` has set it, else the birth date's age on `date`. The pure
 * functions take any validated profile, so a birth date alone scores (and judges) at its age on their own date
 * instead of being refused; without a date to count it on, or without either field, the field to give is named.
 */
export function scoredAge(profile: StatedAge, date: string | undefined = profile.assessedOn): number {
  if (profile.age !== undefined) return profile.age;
  const problem = ageProblem(profile, date);
  if (problem) throw new FieldError([problem]);
  return ageOn(profile.birthDate!, date!);
}
