// One generic CRS calculator over any rule set. Pure: the date is `profile.assessedOn`.
import { scoredAge } from "../profile/age.js";
import { FieldError } from "../profile/errors.js";
import { isInRange, scoreRanges, tcfCanadaDesignatedFrom } from "../profile/language-ranges.js";
import { abilities, expressEntryLaunch, type Profile } from "../profile/schema.js";
import { ruleSets, unconfirmedChanges } from "./data/rule-sets.js";
import {
  convertResult,
  type LanguageLevels,
  languageLevels,
  type ProfileLanguageLevels,
  resultIn,
} from "./language.js";
import type {
  Band,
  ForeignWorkTier,
  OneOrTwoYears,
  PartialFull,
  PointsBand,
  RuleSet,
  SpouseColumnsBand,
  TransferabilityTables,
} from "./rule-set.js";

export type Section = "core" | "spouse" | "transferability" | "additional";

/** One line of the breakdown, with the reason for its points (for the human output). */
export interface CrsLine {
  section: Section;
  factor: string;
  points: number;
  explanation: string;
}

export interface CrsResult {
  total: number;
  ruleSet: { effectiveFrom: string; label: string; sources: string[]; dateNote?: string };
  core: {
    age: number;
    education: number;
    firstLanguage: number;
    secondLanguage: number;
    canadianWork: number;
    subtotal: number;
  };
  spouse: { education: number; firstLanguage: number; canadianWork: number; subtotal: number };
  transferability: { education: number; foreignWork: number; certificate: number; subtotal: number };
  additional: {
    provincialNomination: number;
    jobOffer: number;
    canadianEducation: number;
    french: number;
    sibling: number;
    subtotal: number;
  };
  /** True when the "with spouse" columns were used (accompanying spouse, not a citizen/PR). */
  withSpouse: boolean;
  assessedOn: string;
  languages: ProfileLanguageLevels;
  lines: CrsLine[];
  warnings: string[];
  mayBeIncomplete: boolean;
  incompleteReason?: string;
}

/** The rule set in force on `date` (YYYY-MM-DD). */
export function ruleSetFor(date: string): RuleSet {
  if (date < expressEntryLaunch)
    throw new FieldError([
      {
        field: "assessedOn",
        problem: `${date} is before Express Entry and the CRS began (${expressEntryLaunch})`,
        allowed: `a date on or after ${expressEntryLaunch}`,
      },
    ]);
  let found = ruleSets[0] as RuleSet;
  for (const set of ruleSets) if (set.effectiveFrom <= date) found = set;
  return found;
}

/** The reported-but-unconfirmed change that makes a score on `date` possibly incomplete, if any. */
export function unconfirmedChangeOn(date: string): (typeof unconfirmedChanges)[number] | undefined {
  return unconfirmedChanges.find((c) => date >= c.from);
}

export function bandFor<T extends Band>(rows: readonly T[], value: number): T {
  for (const row of rows) if (value >= row.from && (row.to === null || value <= row.to)) return row;
  throw new RangeError(`no row of the table covers ${value}`);
}

const pointsFor = (rows: readonly PointsBand[], value: number) => bandFor(rows, value).points;
const columnFor = (rows: readonly SpouseColumnsBand[], value: number, withSpouse: boolean) => {
  const row = bandFor(rows, value);
  return withSpouse ? row.withSpouse : row.withoutSpouse;
};

/** "CLB 7", or "below CLB 4" for the levels the CRS does not distinguish (they score 0 everywhere). */
const levelText = (name: string, level: number) => (level < 4 ? `below ${name} 4` : `${name} ${level}`);
const clbName = (l: LanguageLevels) => (l.language === "french" ? "NCLC" : "CLB");
function describeLevels(l: LanguageLevels): string {
  const name = clbName(l);
  const each = abilities.map((a) => `${a} ${levelText(name, l.levels[a])}`);
  const scale = l.tefScale ? `, ${l.tefScale} TEF scale` : "";
  return `${l.test}${scale}: ${each.join(", ")}`;
}

/** The grid's wording for each education level (section A and B rows). */
const educationLabels: Record<Profile["education"], string> = {
  "less-than-secondary": "less than secondary school",
  secondary: "secondary diploma",
  "one-year": "one-year post-secondary credential",
  "two-year": "two-year post-secondary program",
  bachelors: "bachelor's degree or a program of three or more years",
  "two-or-more": "two or more credentials, one of three or more years",
  masters: "master's or entry-to-practice professional degree",
  doctoral: "doctoral degree (PhD)",
};

/** Section C's language column: CLB 9+ in all four abilities is "full", 7+ "partial". */
const languageTierOf = (lowest: number): "none" | keyof PartialFull =>
  lowest >= 9 ? "full" : lowest >= 7 ? "partial" : "none";
const canadianWorkTierOf = (years: number): "none" | keyof OneOrTwoYears =>
  years >= 2 ? "twoOrMore" : years === 1 ? "oneYear" : "none";

/**
 * One section-C bucket (education, or foreign work): the points of its row "with language" (by the lowest
 * first-language ability) plus "with Canadian work" (by years), capped at the bucket cap. The calculator and
 * the batch tables (batch.ts) both read the rule here.
 */
export function transferBucket(
  C: TransferabilityTables,
  withLanguage: PartialFull,
  withCanadianWork: OneOrTwoYears,
  lowestFirstLanguage: number,
  canadianWorkYears: number,
) {
  const langTier = languageTierOf(lowestFirstLanguage);
  const cdnTier = canadianWorkTierOf(canadianWorkYears);
  const language = langTier === "none" ? 0 : withLanguage[langTier];
  const canadianWork = cdnTier === "none" ? 0 : withCanadianWork[cdnTier];
  const sum = language + canadianWork;
  return { language, canadianWork, points: Math.min(sum, C.bucketCap), capped: sum > C.bucketCap };
}

/** Section C's certificate of qualification bucket, by the lowest first-language ability (CLB 5+, 7+). */
export function certificatePoints(C: TransferabilityTables, lowestFirstLanguage: number): number {
  const { clb5, clb7 } = C.certificateWithLanguage;
  const points = lowestFirstLanguage >= 7 ? clb7 : lowestFirstLanguage >= 5 ? clb5 : 0;
  return Math.min(points, C.bucketCap);
}

/** The effective date of the first rule set that awards these points (for "no points before …"). */
function countsFrom(points: (rules: RuleSet) => number): string {
  const first = ruleSets.find((rules) => points(rules) > 0);
  if (!first) throw new Error("no rule set awards these points");
  return first.effectiveFrom;
}
const canadianEducationCountsFrom = countsFrom((r) => r.additional.canadianEducation["one-or-two-year"]);
const frenchBonusCountsFrom = countsFrom((r) => r.additional.french.englishBelowClb5OrNone);
const siblingCountsFrom = countsFrom((r) => r.additional.sibling);

/** Adds `years` whole years to a YYYY-MM-DD date, as text (29 Feb compares correctly as text). */
const plusYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

function languageWarnings(profile: Profile, assessedOn: string): string[] {
  const out: string[] = [];
  const results = [
    ["firstLanguage", profile.firstLanguage],
    ["secondLanguage", profile.secondLanguage],
    ["spouse.firstLanguage", profile.spouse?.firstLanguage],
  ] as const;
  for (const [field, r] of results) {
    // Without testedOn the result is at least used on assessedOn, which must not predate TCF Canada.
    if (r?.test === "tcf" && !r.testedOn && assessedOn < tcfCanadaDesignatedFrom)
      out.push(
        `${field}: TCF Canada was designated for Express Entry in November 2018; it did not count on ${assessedOn}`,
      );
    if (!r?.testedOn) continue;
    if (plusYears(r.testedOn, 2) < assessedOn)
      out.push(
        `${field}: the ${r.test} result of ${r.testedOn} is more than 2 years old on ${assessedOn}; IRCC accepts results for 2 years`,
      );
    if (r.testedOn > assessedOn)
      out.push(
        `${field}: the ${r.test} test (${r.testedOn}) is dated after the assessment date ${assessedOn}`,
      );
    if (r.test === "tcf" && r.testedOn < tcfCanadaDesignatedFrom)
      out.push(`${field}: TCF Canada was designated for Express Entry in November 2018; this test is older`);
  }
  return out;
}

/**
 * TEF results read on a newer scale (inferred from `testedOn`) whose numbers would reach higher levels
 * on the legacy scale: likely the "Équivalence ancien score" column that candidates were told to
 * enter in 2019–2024 (docs/sources/language-tests.md, L6). The score follows the tables; this only says so.
 */
function tefScaleHints(profile: Profile, languages: ProfileLanguageLevels): string[] {
  const out: string[] = [];
  const results = [
    ["firstLanguage", profile.firstLanguage, languages.first],
    ["secondLanguage", profile.secondLanguage, languages.second],
    ["spouse.firstLanguage", profile.spouse?.firstLanguage, languages.spouse],
  ] as const;
  for (const [field, r, levels] of results) {
    if (r?.test !== "tef" || r.scale || !levels || levels.tefScale === "legacy") continue;
    // Numbers beyond the legacy scale's ranges cannot have been copied from it: no hint. Checked
    // first because a thrown and caught error per TEF profile was a tenth of a busy server's time.
    const legacyRanges = scoreRanges("tef", "legacy");
    if (!abilities.every((ability) => isInRange(r[ability], legacyRanges[ability]))) continue;
    const legacy = convertResult({ ...r, scale: "legacy" }, field);
    if (legacy.lowest > levels.lowest)
      out.push(
        `${field}: these TEF Canada scores were read on the ${levels.tefScale} scale (tested ${r.testedOn}), lowest ability ${levelText("NCLC", levels.lowest)}; on the legacy scale ("Équivalence ancien score") the lowest would be ${levelText("NCLC", legacy.lowest)} — if that is the column you copied, add "scale": "legacy"`,
      );
  }
  return out;
}

/** Scores a validated profile. `profile.assessedOn` must be set (the adapters default it to today). */
export function scoreProfile(profile: Profile): CrsResult {
  const assessedOn = profile.assessedOn;
  if (!assessedOn)
    throw new FieldError([
      {
        field: "assessedOn",
        problem: "is required to pick the rule set (the CLI and API default it to today)",
        allowed: `a date YYYY-MM-DD on or after ${expressEntryLaunch}`,
      },
    ]);
  const rules = ruleSetFor(assessedOn);
  const languages = languageLevels(profile);
  return scoreWithRuleSet(profile, rules, languages, assessedOn);
}

/** The calculator proper: one function for every rule set. */
export function scoreWithRuleSet(
  profile: Profile,
  rules: RuleSet,
  languages: ProfileLanguageLevels,
  assessedOn: string,
): CrsResult {
  const lines: CrsLine[] = [];
  const line = (section: Section, factor: string, points: number, explanation: string) => {
    lines.push({ section, factor, points, explanation });
    return points;
  };
  const sp = profile.spouse;
  const withSpouse = Boolean(sp?.accompanying && !sp.canadianCitizenOrPR);
  const column = withSpouse ? "with spouse" : "without spouse";
  const { first, second } = languages;
  const { core: A, spouse: B, transferability: C, additional: D } = rules;

  // A. Core / human capital
  const years = scoredAge(profile);
  const age = line(
    "core",
    "Age",
    columnFor(A.age.rows, years, withSpouse),
    `${years} years (${column} column)`,
  );
  const educationPoints = withSpouse
    ? A.education.rows[profile.education].withSpouse
    : A.education.rows[profile.education].withoutSpouse;
  const education = line(
    "core",
    "Level of education",
    educationPoints,
    `${educationLabels[profile.education]} (${column} column)`,
  );
  const firstPer = abilities.map((a) => columnFor(A.firstLanguage.rows, first.levels[a], withSpouse));
  const firstLanguage = line(
    "core",
    "First official language",
    firstPer.reduce((s, p) => s + p, 0),
    `${describeLevels(first)} → ${firstPer.join(" + ")}`,
  );
  let secondLanguage = 0;
  if (second) {
    const per = abilities.map((a) => pointsFor(A.secondLanguage.rows, second.levels[a]));
    const sum = per.reduce((s, p) => s + p, 0);
    const cap = withSpouse ? A.secondLanguage.capWithSpouse : A.secondLanguage.capWithoutSpouse;
    secondLanguage = Math.min(sum, cap);
    line(
      "core",
      "Second official language",
      secondLanguage,
      `${describeLevels(second)} → ${per.join(" + ")} = ${sum}${sum > cap ? `, capped at ${cap} (${column})` : ""}`,
    );
  } else line("core", "Second official language", 0, "no second-language result");
  const canadianWork = line(
    "core",
    "Canadian work experience",
    columnFor(A.canadianWork.rows, profile.canadianWorkYears, withSpouse),
    `${profile.canadianWorkYears} year(s) of skilled work in Canada`,
  );
  const coreSubtotal = age + education + firstLanguage + secondLanguage + canadianWork;

  // B. Spouse factors (only with an accompanying spouse who is not a citizen/PR)
  let spouseEducation = 0;
  let spouseLanguage = 0;
  let spouseWork = 0;
  if (withSpouse && sp) {
    spouseEducation = line(
      "spouse",
      "Spouse's education",
      sp.education ? B.education.rows[sp.education] : 0,
      sp.education ? educationLabels[sp.education] : "not given (0)",
    );
    const l = languages.spouse;
    const per = l ? abilities.map((a) => pointsFor(B.firstLanguage.rows, l.levels[a])) : [];
    spouseLanguage = line(
      "spouse",
      "Spouse's first official language",
      per.reduce((s, p) => s + p, 0),
      l ? `${describeLevels(l)} → ${per.join(" + ")}` : "no language result (0)",
    );
    spouseWork = line(
      "spouse",
      "Spouse's Canadian work experience",
      pointsFor(B.canadianWork.rows, sp.canadianWorkYears),
      `${sp.canadianWorkYears} year(s)`,
    );
  } else if (sp) {
    line(
      "spouse",
      "Spouse factors",
      0,
      sp.canadianCitizenOrPR
        ? "spouse is a Canadian citizen or PR: scored as without spouse"
        : "spouse not accompanying: scored as without spouse",
    );
  }
  const spouseSubtotal = spouseEducation + spouseLanguage + spouseWork;

  // C. Skill transferability: the first official language's lowest ability decides.
  const langText = `lowest first-language ability ${clbName(first)} ${first.lowest}`;
  const capText = (bucket: { capped: boolean }) => (bucket.capped ? `, capped at ${C.bucketCap}` : "");
  const eduTier = C.educationTier[profile.education];
  const eduBucket = transferBucket(
    C,
    C.educationWithLanguage[eduTier],
    C.educationWithCanadianWork[eduTier],
    first.lowest,
    profile.canadianWorkYears,
  );
  const transferEducation = line(
    "transferability",
    "Education",
    eduBucket.points,
    `with language ${eduBucket.language} (${langText}) + with Canadian work ${eduBucket.canadianWork} (${profile.canadianWorkYears} yr)${capText(eduBucket)}`,
  );
  const foreignTier: ForeignWorkTier = bandFor(C.foreignWorkTier, profile.foreignWorkYears).tier;
  const foreignBucket = transferBucket(
    C,
    C.foreignWorkWithLanguage[foreignTier],
    C.foreignWorkWithCanadianWork[foreignTier],
    first.lowest,
    profile.canadianWorkYears,
  );
  const transferForeign = line(
    "transferability",
    "Foreign work experience",
    foreignBucket.points,
    `${profile.foreignWorkYears} yr abroad: with language ${foreignBucket.language} + with Canadian work ${foreignBucket.canadianWork}${capText(foreignBucket)}`,
  );
  const certificate = profile.certificateOfQualification ? certificatePoints(C, first.lowest) : 0;
  line(
    "transferability",
    "Certificate of qualification",
    certificate,
    profile.certificateOfQualification ? `with ${langText}` : "none",
  );
  const transferSum = transferEducation + transferForeign + certificate;
  const transferSubtotal = Math.min(transferSum, C.cap);
  if (transferSum > C.cap)
    line("transferability", "Section cap", 0, `${transferSum} capped at ${C.cap} for the section`);

  // D. Additional points
  const pnp = profile.provincialNomination ? D.provincialNomination : 0;
  line("additional", "Provincial nomination", pnp, profile.provincialNomination ? "nominated" : "none");
  const jobOffer = profile.jobOffer === "none" ? 0 : D.jobOffer[profile.jobOffer];
  line(
    "additional",
    "Arranged employment",
    jobOffer,
    profile.jobOffer === "none" ? "none" : `${profile.jobOffer}: ${D.jobOffer.note}`,
  );
  const canadianEducation =
    profile.canadianEducation === "none" ? 0 : D.canadianEducation[profile.canadianEducation];
  line(
    "additional",
    "Canadian post-secondary education",
    canadianEducation,
    profile.canadianEducation === "none"
      ? "none"
      : `${profile.canadianEducation}${canadianEducation === 0 ? ` (no points before ${canadianEducationCountsFrom})` : ""}`,
  );
  const frenchResult = resultIn(languages, "french");
  const englishResult = resultIn(languages, "english");
  let french = 0;
  let frenchText = "no French result";
  if (frenchResult) {
    if (frenchResult.lowest < 7)
      frenchText = `lowest French ability ${levelText("NCLC", frenchResult.lowest)} (needs NCLC 7+ in all four)`;
    else if (englishResult && englishResult.lowest >= 5) {
      french = D.french.englishClb5AllFour;
      frenchText = `NCLC 7+ in all four French abilities and CLB ${englishResult.lowest}+ in all four English`;
    } else {
      french = D.french.englishBelowClb5OrNone;
      frenchText = `NCLC 7+ in all four French abilities, ${
        englishResult ? `English lowest CLB ${englishResult.lowest} (below 5)` : "no English result"
      }`;
    }
    if (frenchResult.lowest >= 7 && french === 0)
      frenchText += ` (no French points before ${frenchBonusCountsFrom})`;
  }
  line("additional", "French-language skills", french, frenchText);
  const sibling = profile.siblingInCanada ? D.sibling : 0;
  line(
    "additional",
    "Sibling in Canada",
    sibling,
    profile.siblingInCanada
      ? sibling
        ? "citizen or PR sibling"
        : `no sibling points before ${siblingCountsFrom}`
      : "none",
  );
  const additionalSum = pnp + jobOffer + canadianEducation + french + sibling;
  const additionalSubtotal = Math.min(additionalSum, D.cap);
  if (additionalSum > D.cap)
    line("additional", "Section cap", 0, `${additionalSum} capped at ${D.cap} for the section`);

  const change = unconfirmedChangeOn(assessedOn);
  const warnings = [...languageWarnings(profile, assessedOn), ...tefScaleHints(profile, languages)];
  if (change) warnings.push(change.reason);
  const result: CrsResult = {
    total: coreSubtotal + spouseSubtotal + transferSubtotal + additionalSubtotal,
    ruleSet: { effectiveFrom: rules.effectiveFrom, label: rules.label, sources: rules.sources },
    core: { age, education, firstLanguage, secondLanguage, canadianWork, subtotal: coreSubtotal },
    spouse: {
      education: spouseEducation,
      firstLanguage: spouseLanguage,
      canadianWork: spouseWork,
      subtotal: spouseSubtotal,
    },
    transferability: {
      education: transferEducation,
      foreignWork: transferForeign,
      certificate,
      subtotal: transferSubtotal,
    },
    additional: {
      provincialNomination: pnp,
      jobOffer,
      canadianEducation,
      french,
      sibling,
      subtotal: additionalSubtotal,
    },
    withSpouse,
    assessedOn,
    languages,
    lines,
    warnings,
    mayBeIncomplete: Boolean(change),
  };
  if (rules.dateNote) result.ruleSet.dateNote = rules.dateNote;
  if (change) result.incompleteReason = change.reason;
  return result;
}
