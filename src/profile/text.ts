// Free text a person types (a profile's id, a client's notes) ends up in the database. PostgreSQL refuses
// a NUL character (U+0000) in text and in jsonb, and an unpaired UTF-16 surrogate is no character at all:
// jsonb refuses its escape, and a text column would store U+FFFD in its place, silently changing the
// text. Such text is refused where it enters, naming the field and never repeating the value.
import type { z } from "zod";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const unstorable = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` can be stored as it is: no NUL character, no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !unstorable.test(text);
}

/** `schema` refusing text that cannot be stored as given. */
export function storableText<S extends z.ZodString>(schema: S): S {
  return schema.refine(isStorableText, {
    message: "contains a NUL character or a broken character (an unpaired surrogate), which cannot be stored",
    params: { allowed: "text without NUL (U+0000), of whole Unicode characters" },
  }) as S;
}
