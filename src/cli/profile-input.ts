// A profile as the commands read it: validated by the one schema, every invalid field one error line.
// Kept out of io.ts so that commands which read no profile (ee draws, ee report) do not load the schema.
import { describeIssues, FieldError } from "../profile/errors.js";
import { type Profile, profile as profileSchema } from "../profile/schema.js";
import { parseJson, readText } from "./io.js";

/** Validates a profile; an object without `assessedOn` is assessed on `assessedOnByDefault` when given. */
export function validProfile(raw: unknown, assessedOnByDefault?: string): Profile {
  const isObject = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  const withDate =
    isObject &&
    assessedOnByDefault !== undefined &&
    (raw as { assessedOn?: unknown }).assessedOn === undefined
      ? { ...raw, assessedOn: assessedOnByDefault }
      : raw;
  const parsed = profileSchema.safeParse(withDate);
  if (!parsed.success) throw new FieldError(describeIssues(parsed.error));
  return parsed.data;
}

/**
 * A raw profile object assessed on `date` instead of its own assessedOn (ee crs --assessed-on, ee eligibility
 * --on). Its `age` was the age on its own date: with a birth date beside it, the birth date decides on `date`
 * (as \`withAgeOn\` does on another date), instead of the file being refused as disagreeing with itself.
 */
export function reassessedOn(raw: Record<string, unknown>, date: string): Record<string, unknown> {
  const ownDate = raw.assessedOn;
  const { age: _ageOfAnotherDay, ...withoutAge } = raw;
  const ageIsOfAnotherDay = raw.birthDate !== undefined && ownDate !== undefined && ownDate !== date;
  return { ...(ageIsOfAnotherDay ? withoutAge : raw), assessedOn: date };
}

/** Reads and validates the profile in FILE (or standard input for - or no file). */
export function readProfile(file: string | undefined): Profile {
  return validProfile(parseJson(readText(file), "the profile"));
}
