// The one description of a candidate profile. The CLI, the HTTP API, the OpenAPI document and the
// web form all validate with these schemas; domain code works on the parsed `Profile` type.
import { z } from "zod";
import { ageProblem, ageRange, type StatedAge } from "./age.js";
import { existsOnCalendar } from "./dates.js";
import {
  describeRange,
  isInRange,
  pteCoreAcceptedFrom,
  sameLanguageProblem,
  scoreRanges,
  type TefScale,
  tefScaleMissing,
  tefScaleOf,
  testLanguage,
} from "./language-ranges.js";
import { storableText } from "./text.js";

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(existsOnCalendar, {
    message: "must be a real calendar date (YYYY-MM-DD)",
  });

/** The CRS began with Express Entry on this day; no score exists before it. */
export const expressEntryLaunch = "2015-01-01";

export const educationLevels = [
  "less-than-secondary",
  "secondary",
  "one-year",
  "two-year",
  "bachelors",
  "two-or-more",
  "masters",
  "doctoral",
] as const;
export const education = z.enum(educationLevels);
export type Education = z.infer<typeof education>;

export const canadianEducationLevels = ["none", "one-or-two-year", "three-year-plus"] as const;
export const canadianEducation = z.enum(canadianEducationLevels);

export const jobOfferKinds = ["none", "noc-00", "other"] as const;
export const jobOffer = z.enum(jobOfferKinds);

export const languageTests = ["ielts", "celpip", "pte-core", "tef", "tcf", "clb", "nclc"] as const;
export const languageTest = z.enum(languageTests);
export type LanguageTest = z.infer<typeof languageTest>;

/** TEF Canada has had three scales; by default the scale follows `testedOn`. */
export const tefScales = ["legacy", "2019", "2023"] as const;

export const abilities = ["listening", "reading", "writing", "speaking"] as const;
export type Ability = (typeof abilities)[number];

/**
 * A language result as printed on the certificate (or CLB/NCLC levels given directly).
 * Each score is checked against its test's range (IELTS in 0.5 bands, CLB/NCLC 0–12, TEF by scale…);
 * the conversion to CLB/NCLC is in `rules/language`.
 */
export const languageResult = z
  .object({
    test: languageTest,
    testedOn: isoDate.optional(),
    scale: z.enum(tefScales).optional(),
    listening: z.number(),
    reading: z.number(),
    writing: z.number(),
    speaking: z.number(),
  })
  .superRefine(checkLanguageScores);
export type LanguageResult = z.infer<typeof languageResult>;

/** Per-test checks: score ranges, the TEF scale, and tests used before IRCC accepted them. */
function checkLanguageScores(
  r: { test: LanguageTest; testedOn?: string | undefined; scale?: TefScale | undefined } & Record<
    Ability,
    number
  >,
  ctx: z.RefinementCtx,
) {
  let tefScale: TefScale | undefined;
  if (r.test === "tef") {
    tefScale = tefScaleOf(r);
    if (!tefScale) {
      ctx.addIssue({
        code: "custom",
        path: ["testedOn"],
        message: tefScaleMissing.problem,
        params: { allowed: tefScaleMissing.allowed },
      });
      return;
    }
  } else if (r.scale !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["scale"],
      message: "only applies to TEF Canada results",
      params: { allowed: "omit it, or use test: tef" },
    });
  }
  if (r.test === "pte-core" && r.testedOn !== undefined && r.testedOn < pteCoreAcceptedFrom) {
    ctx.addIssue({
      code: "custom",
      path: ["testedOn"],
      message: `PTE Core results are accepted by IRCC from ${pteCoreAcceptedFrom}; this test was taken before`,
      params: { allowed: `a date on or after ${pteCoreAcceptedFrom}` },
    });
  }
  const ranges = scoreRanges(r.test, tefScale);
  for (const ability of abilities) {
    const range = ranges[ability];
    if (!isInRange(r[ability], range)) {
      ctx.addIssue({
        code: "custom",
        path: [ability],
        message: `is not a valid ${r.test}${tefScale ? ` (${tefScale} scale)` : ""} ${ability} score`,
        params: { allowed: describeRange(range) },
      });
    }
  }
}

export const nocCode = z.string().regex(/^\d{5}$/, "must be a 5-digit NOC 2021 code, e.g. 31301");

export const workPeriod = z.object({
  noc: nocCode,
  from: isoDate,
  to: isoDate.nullable().default(null),
  hoursPerWeek: z.number().positive().max(168),
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 country code such as CA or IN"),
  selfEmployed: z.boolean().default(false),
  /** Work done while a full-time student does not count for CEC. */
  whileFullTimeStudent: z.boolean().default(false),
  /** Work in Canada must be authorized to count. */
  authorized: z.boolean().default(true),
});
export type WorkPeriod = z.infer<typeof workPeriod>;

export const spouse = z.object({
  accompanying: z.boolean().default(true),
  canadianCitizenOrPR: z.boolean().default(false),
  education: education.optional(),
  firstLanguage: languageResult.optional(),
  canadianWorkYears: z.number().int().min(0).max(60).default(0),
  /** FSW adaptability: the spouse studied two academic years full-time in Canada. */
  canadianStudy: z.boolean().default(false),
});
export type Spouse = z.infer<typeof spouse>;

export const profile = z
  .object({
    id: storableText(z.string().min(1).max(200)).optional(),
    /** The date the score is computed for; defaults to today (filled in by the adapters, not the core). */
    assessedOn: isoDate
      .refine((d) => d >= expressEntryLaunch, {
        message: `is before Express Entry and the CRS began (${expressEntryLaunch})`,
        params: { allowed: `a date on or after ${expressEntryLaunch}` },
      })
      .optional()
      .describe(
        `The date the profile is scored on (YYYY-MM-DD, from ${expressEntryLaunch}): its rule set, and the age birthDate gives then. Default: the operation's date (today, UTC, for /api/crs; asOf for the forecasts)`,
      ),
    /** Profile submission time (ISO 8601 UTC); ranks equal scores in a round. */
    submittedAt: z.iso.datetime({ offset: true }).optional(),
    /** Age in completed years on assessedOn; may be left out when birthDate is given (one of them is required). */
    age: z
      .number()
      .int()
      .min(ageRange.min)
      .max(ageRange.max)
      .optional()
      .describe("Age in completed years on assessedOn. Give age or birthDate; with both, they must agree"),
    /** Date of birth: the age is worked out on the date of each assessment (`withAgeOn`). */
    birthDate: isoDate
      .optional()
      .describe("Date of birth (YYYY-MM-DD), instead of age: the age is worked out on each assessment date"),
    education,
    canadianEducation: canadianEducation.default("none"),
    firstLanguage: languageResult,
    secondLanguage: languageResult.optional(),
    canadianWorkYears: z.number().int().min(0).max(60).default(0),
    foreignWorkYears: z.number().int().min(0).max(60).default(0),
    workHistory: z.array(workPeriod).max(100).optional(),
    certificateOfQualification: z.boolean().default(false),
    siblingInCanada: z.boolean().default(false),
    jobOffer: jobOffer.default("none"),
    /** The NOC code of the job offer, when there is one (FSW arranged employment, FST). */
    jobOfferNoc: nocCode.optional(),
    provincialNomination: z.boolean().default(false),
    spouse: spouse.optional(),
    /** FSW / FST proof of settlement funds, in CAD; unknown when absent. */
    settlementFundsCad: z.number().min(0).optional(),
    /** Family members counted for proof of funds (applicant, spouse, dependent children). */
    familySize: z.number().int().min(1).max(30).optional(),
    authorizedToWorkInCanada: z.boolean().default(false),
    /** FSW adaptability: a relative 18+ who is a citizen or PR living in Canada (wider than sibling). */
    relativeInCanada: z.boolean().default(false),
    /** FSW adaptability: two academic years of full-time study in Canada. */
    canadianStudy: z.boolean().default(false),
    intendsToLiveInQuebec: z.boolean().default(false),
  })
  .superRefine(checkAge, { when: ageFieldsValid })
  .superRefine(checkProfile)
  // The "one of age or birthDate" rule, for API readers and JSON Schema validators (checkAge enforces it here).
  .meta({
    description:
      "A candidate's profile. Give age or birthDate (or both, agreeing on assessedOn); the other fields as listed.",
    anyOf: [{ required: ["age"] }, { required: ["birthDate"] }],
  });

const ageFields = new Set<PropertyKey>(["age", "birthDate", "assessedOn"]);

/** The age check runs even when other fields have problems (so a missing age is reported with them), but only
 * on an object whose age, birth date and assessment date are themselves valid. */
function ageFieldsValid(payload: z.core.ParsePayload): boolean {
  const v = payload.value;
  return (
    v !== null &&
    typeof v === "object" &&
    !payload.issues.some((issue) => issue.path?.[0] !== undefined && ageFields.has(issue.path[0]))
  );
}

/**
 * `age` or `birthDate` is given, and both agree on assessedOn — when it is known here; the adapters'
 * `withAgeOn` checks on the date they fill in.
 */
function checkAge(p: StatedAge, ctx: z.RefinementCtx) {
  const ageIssue = ageProblem(p, p.assessedOn);
  // Without assessedOn a birth date cannot be checked yet; that is not a problem of the profile.
  if (ageIssue && ageIssue.field !== "assessedOn")
    ctx.addIssue({
      code: "custom",
      path: [ageIssue.field],
      message: ageIssue.problem,
      params: { allowed: ageIssue.allowed },
    });
}

/** Checks across fields: the first and second official languages must be different languages. */
function checkProfile(
  p: {
    firstLanguage: { test: LanguageTest };
    secondLanguage?: { test: LanguageTest } | undefined;
  },
  ctx: z.RefinementCtx,
) {
  if (p.secondLanguage && testLanguage[p.secondLanguage.test] === testLanguage[p.firstLanguage.test]) {
    const { problem, allowed } = sameLanguageProblem(testLanguage[p.firstLanguage.test]);
    ctx.addIssue({ code: "custom", path: ["secondLanguage", "test"], message: problem, params: { allowed } });
  }
}

/** The profile as written by a person (defaults not yet applied). */
export type ProfileInput = z.input<typeof profile>;
/**
 * The profile after validation, with defaults applied: `age`, `birthDate` or both, as given. The scorer reads
 * `age`; adapters call `withAgeOn` first, which works it out from `birthDate` on the assessment date.
 */
export type Profile = z.output<typeof profile>;
