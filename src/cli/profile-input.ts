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

/** Reads and validates the profile in FILE (or standard input for - or no file). */
export function readProfile(file: string | undefined): Profile {
  return validProfile(parseJson(readText(file), "the profile"));
}
