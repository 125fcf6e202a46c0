// The base profile of the occupations tests (programs, categories). Not used by the product.
import { type Profile, type ProfileInput, profile as profileSchema } from "../profile/schema.js";

/** Age 30, bachelor's degree, CLB 7 in all four abilities, with `overrides` on top; parsed by the schema. */
export const profileWith = (overrides: Partial<ProfileInput>): Profile =>
  profileSchema.parse({
    age: 30,
    education: "bachelors",
    firstLanguage: { test: "clb", listening: 7, reading: 7, writing: 7, speaking: 7 },
    ...overrides,
  });
