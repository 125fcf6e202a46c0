// The calculator's state: a profile as a person writes it (`ProfileInput`), kept in the URL, and the
// score computed from it in the browser with the same schema and engine as the CLI and the API.
import { withExperienceFromHistory } from "../occupations/workHistory.js";
import { ageOn, ageProblem, reassessedOn, withAgeOn } from "../profile/age.js";
import { isCalendarDate } from "../profile/dates.js";
import { describeIssues, FieldError, type FieldProblem } from "../profile/errors.js";
import { type ProfileInput, profile as profileSchema } from "../profile/schema.js";
import { type CrsResult, scoreProfile } from "../rules/index.js";
import { decodeState } from "./router.js";

/** A starting profile so the page shows a score at once; every answer can be changed. */
export const starterProfile: ProfileInput = {
  age: 29,
  education: "bachelors",
  canadianEducation: "none",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
  canadianWorkYears: 0,
  foreignWorkYears: 3,
  certificateOfQualification: false,
  siblingInCanada: false,
  jobOffer: "none",
  provincialNomination: false,
};

/** The profile from the URL's `p` parameter, or the starter profile when absent or unreadable. */
export function profileFromParam(param: string | null): ProfileInput {
  if (!param) return starterProfile;
  const decoded = decodeState(param);
  return decoded && typeof decoded === "object" && !Array.isArray(decoded)
    ? (decoded as ProfileInput)
    : starterProfile;
}

/** A copy of `value` with `path` (dotted) set; `undefined` removes the key. */
export function setPath<T extends object>(value: T, path: string, next: unknown): T {
  const [head, ...rest] = path.split(".");
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  if (!head) return value;
  if (rest.length === 0) {
    if (next === undefined) delete copy[head];
    else copy[head] = next;
  } else {
    const child = (copy[head] ?? {}) as object;
    copy[head] = setPath(child, rest.join("."), next);
  }
  return copy as T;
}

export function getPath(value: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
      value,
    );
}

/**
 * The profile as the calculator's URL keeps it: never the date of birth. The URL is made to be shared (the
 * "copy a link" button, bookmarks, browser history, server logs of whoever receives it), and a date of birth
 * identifies a person far better than an age. It gives way to the age it gives on `asOf` (the assessment date),
 * which scores the same on that date; the date itself stays in the page's memory. A birth date that gives no age
 * in range (or is no date) is dropped and the age left as it was: the form shows the problem while it is open.
 */
export function shareableProfile(input: ProfileInput, asOf: string): ProfileInput {
  const { birthDate, ...rest } = input;
  if (birthDate === undefined) return input;
  if (!isCalendarDate(birthDate) || !isCalendarDate(asOf) || ageProblem({ birthDate }, asOf)) return rest;
  return { ...rest, age: ageOn(birthDate, asOf) };
}

export type Evaluation = { ok: true; result: CrsResult } | { ok: false; problems: FieldProblem[] };

/** Validates and scores, exactly as `POST /api/crs` and `ee crs` do. */
export function evaluate(input: ProfileInput, asOf: string): Evaluation {
  // A stored profile's age was of its own assessedOn: on the page's date its birth date, if any, decides.
  const parsed = profileSchema.safeParse(reassessedOn(input, asOf));
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  try {
    return { ok: true, result: scoreProfile(withExperienceFromHistory(withAgeOn(parsed.data))) };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, problems: e.problems };
    throw e;
  }
}
