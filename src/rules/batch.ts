// Fast batch scoring for large pools (~250k–1M profiles). Each rule set is compiled once to flat
// lookup tables (one block per rule set × spouse column) and the profiles to a struct of typed arrays,
// so the hot loop is a few array reads and adds per profile. Totals equal `scoreProfile`'s
// (checked by property tests); use `scoreProfile` when the breakdown is needed.

import { ageRange, scoredAge } from "../profile/age.js";
import { FieldError } from "../profile/errors.js";
import { abilities, type Education, educationLevels, type Profile } from "../profile/schema.js";
import { bandFor, certificatePoints, ruleSetFor, transferBucket, unconfirmedChangeOn } from "./calculator.js";
import { ruleSets as allRuleSets } from "./data/rule-sets.js";
import { languageLevels, resultIn } from "./language.js";
import type { RuleSet } from "./rule-set.js";

/** The oldest age the schema accepts; every age up to it gets a table entry. */
const MAX_AGE = ageRange.max;
const MAX_YEARS = 60;
const MAX_LEVEL = 12;
const LEVELS = MAX_LEVEL + 1;
/** Lowest first-language level, clamped: nothing in section C changes above CLB 9. */
const LOWEST_LEVELS = 10;
/** Canadian work for section C: 0, 1, 2+. Foreign work: 0, 1, 2, 3+. */
const CDN_TIERS = 3;
const FOREIGN_CLAMP = 4;
const NO_SPOUSE_EDUCATION = educationLevels.length;

// Offsets inside one block of the compiled tables.
const AGE = 0;
const EDU = AGE + MAX_AGE + 1;
const L1 = EDU + educationLevels.length;
const L2 = L1 + LEVELS;
const L2_CAP = L2 + LEVELS;
const CDN_WORK = L2_CAP + 1;
const SP_EDU = CDN_WORK + MAX_YEARS + 1;
const SP_LANG = SP_EDU + educationLevels.length + 1;
const SP_WORK = SP_LANG + LEVELS;
const TR_EDU = SP_WORK + MAX_YEARS + 1;
const TR_FOREIGN = TR_EDU + educationLevels.length * LOWEST_LEVELS * CDN_TIERS;
const TR_COQ = TR_FOREIGN + FOREIGN_CLAMP * LOWEST_LEVELS * CDN_TIERS;
const TR_CAP = TR_COQ + LOWEST_LEVELS;
const PNP = TR_CAP + 1;
const JOB = PNP + 1;
const CDN_EDU = JOB + 3;
const FRENCH = CDN_EDU + 3;
const SIBLING = FRENCH + 3;
const ADD_CAP = SIBLING + 1;
const BLOCK = ADD_CAP + 1;

export interface CompiledRuleSets {
  ruleSets: readonly RuleSet[];
  /** One block of `blockSize` entries per (rule set index × 2 + with-spouse). */
  tables: Int16Array;
  blockSize: number;
}

const jobOfferIndex = { none: 0, "noc-00": 1, other: 2 } as const;
const canadianEducationIndex = { none: 0, "one-or-two-year": 1, "three-year-plus": 2 } as const;
const educationIndex = Object.fromEntries(educationLevels.map((e, i) => [e, i])) as Record<Education, number>;

function compileBlock(rules: RuleSet, withSpouse: boolean, t: Int16Array, base: number) {
  const { core: A, spouse: B, transferability: C, additional: D } = rules;
  const col = (row: { withSpouse: number; withoutSpouse: number }) =>
    withSpouse ? row.withSpouse : row.withoutSpouse;
  for (let age = 0; age <= MAX_AGE; age++) t[base + AGE + age] = col(bandFor(A.age.rows, age));
  educationLevels.forEach((e, i) => {
    t[base + EDU + i] = col(A.education.rows[e]);
    t[base + SP_EDU + i] = withSpouse ? B.education.rows[e] : 0;
  });
  t[base + SP_EDU + NO_SPOUSE_EDUCATION] = 0;
  for (let clb = 0; clb <= MAX_LEVEL; clb++) {
    t[base + L1 + clb] = col(bandFor(A.firstLanguage.rows, clb));
    t[base + L2 + clb] = bandFor(A.secondLanguage.rows, clb).points;
    t[base + SP_LANG + clb] = withSpouse ? bandFor(B.firstLanguage.rows, clb).points : 0;
  }
  t[base + L2_CAP] = withSpouse ? A.secondLanguage.capWithSpouse : A.secondLanguage.capWithoutSpouse;
  for (let y = 0; y <= MAX_YEARS; y++) {
    t[base + CDN_WORK + y] = col(bandFor(A.canadianWork.rows, y));
    t[base + SP_WORK + y] = withSpouse ? bandFor(B.canadianWork.rows, y).points : 0;
  }
  // Canadian work 0, 1, 2 stand for the three tiers (2+ years score as 2).
  for (let lowest = 0; lowest < LOWEST_LEVELS; lowest++) {
    for (let c = 0; c < CDN_TIERS; c++) {
      educationLevels.forEach((e, i) => {
        const tier = C.educationTier[e];
        t[base + TR_EDU + (i * LOWEST_LEVELS + lowest) * CDN_TIERS + c] = transferBucket(
          C,
          C.educationWithLanguage[tier],
          C.educationWithCanadianWork[tier],
          lowest,
          c,
        ).points;
      });
      for (let f = 0; f < FOREIGN_CLAMP; f++) {
        const tier = bandFor(C.foreignWorkTier, f).tier;
        t[base + TR_FOREIGN + (f * LOWEST_LEVELS + lowest) * CDN_TIERS + c] = transferBucket(
          C,
          C.foreignWorkWithLanguage[tier],
          C.foreignWorkWithCanadianWork[tier],
          lowest,
          c,
        ).points;
      }
    }
    t[base + TR_COQ + lowest] = certificatePoints(C, lowest);
  }
  t[base + TR_CAP] = C.cap;
  t[base + PNP] = D.provincialNomination;
  t[base + JOB + 0] = 0;
  t[base + JOB + 1] = D.jobOffer["noc-00"];
  t[base + JOB + 2] = D.jobOffer.other;
  t[base + CDN_EDU + 0] = 0;
  t[base + CDN_EDU + 1] = D.canadianEducation["one-or-two-year"];
  t[base + CDN_EDU + 2] = D.canadianEducation["three-year-plus"];
  t[base + FRENCH + 0] = 0;
  t[base + FRENCH + 1] = D.french.englishBelowClb5OrNone;
  t[base + FRENCH + 2] = D.french.englishClb5AllFour;
  t[base + SIBLING] = D.sibling;
  t[base + ADD_CAP] = D.cap;
}

export function compileRuleSets(sets: readonly RuleSet[] = allRuleSets): CompiledRuleSets {
  const tables = new Int16Array(sets.length * 2 * BLOCK);
  sets.forEach((rules, i) => {
    compileBlock(rules, false, tables, i * 2 * BLOCK);
    compileBlock(rules, true, tables, (i * 2 + 1) * BLOCK);
  });
  return { ruleSets: sets, tables, blockSize: BLOCK };
}

/** Profiles as a struct of arrays (one entry per profile). Levels are CLB/NCLC 0–12. */
export interface ProfileColumns {
  count: number;
  /** Offset of the profile's table block: (rule set index × 2 + with-spouse) × block size. */
  block: Int32Array;
  age: Uint8Array;
  education: Uint8Array;
  /** First language, 4 levels per profile (listening, reading, writing, speaking). */
  first: Uint8Array;
  /** Lowest first-language level, clamped to 9. */
  firstLowest: Uint8Array;
  /** Second language, 4 levels per profile; 0 when there is none (0 points). */
  second: Uint8Array;
  canadianWork: Uint8Array;
  /** Foreign work years clamped to 3. */
  foreignWork: Uint8Array;
  certificate: Uint8Array;
  /** 0–7, or 8 when no spouse education is given. */
  spouseEducation: Uint8Array;
  spouseLanguage: Uint8Array;
  spouseWork: Uint8Array;
  jobOffer: Uint8Array;
  canadianEducation: Uint8Array;
  /** 0 none, 1 NCLC 7+ with English below CLB 5 or none, 2 NCLC 7+ with English CLB 5+. */
  frenchTier: Uint8Array;
  sibling: Uint8Array;
  nomination: Uint8Array;
}

export function allocateColumns(count: number): ProfileColumns {
  const u8 = (n = 1) => new Uint8Array(count * n);
  return {
    count,
    block: new Int32Array(count),
    age: u8(),
    education: u8(),
    first: u8(4),
    firstLowest: u8(),
    second: u8(4),
    canadianWork: u8(),
    foreignWork: u8(),
    certificate: u8(),
    spouseEducation: u8(),
    spouseLanguage: u8(4),
    spouseWork: u8(),
    jobOffer: u8(),
    canadianEducation: u8(),
    frenchTier: u8(),
    sibling: u8(),
    nomination: u8(),
  };
}

/** Writes one validated profile into row `i`. Throws a FieldError for what `scoreProfile` would reject. */
export function writeProfile(c: ProfileColumns, i: number, p: Profile, compiled: CompiledRuleSets) {
  if (!p.assessedOn)
    throw new FieldError([
      { field: "assessedOn", problem: "is required to pick the rule set", allowed: "a date YYYY-MM-DD" },
    ]);
  const rules = ruleSetFor(p.assessedOn);
  const setIndex = compiled.ruleSets.indexOf(rules);
  if (setIndex < 0) throw new RangeError(`rule set ${rules.effectiveFrom} is not compiled`);
  const langs = languageLevels(p);
  const sp = p.spouse;
  const withSpouse = sp?.accompanying && !sp.canadianCitizenOrPR ? 1 : 0;
  c.block[i] = (setIndex * 2 + withSpouse) * compiled.blockSize;
  c.age[i] = Math.min(scoredAge(p), MAX_AGE);
  c.education[i] = educationIndex[p.education];
  abilities.forEach((a, k) => {
    c.first[i * 4 + k] = langs.first.levels[a];
    c.second[i * 4 + k] = langs.second ? langs.second.levels[a] : 0;
    c.spouseLanguage[i * 4 + k] = langs.spouse ? langs.spouse.levels[a] : 0;
  });
  c.firstLowest[i] = Math.min(langs.first.lowest, LOWEST_LEVELS - 1);
  c.canadianWork[i] = Math.min(p.canadianWorkYears, MAX_YEARS);
  c.foreignWork[i] = Math.min(p.foreignWorkYears, FOREIGN_CLAMP - 1);
  c.certificate[i] = p.certificateOfQualification ? 1 : 0;
  c.spouseEducation[i] = sp?.education ? educationIndex[sp.education] : NO_SPOUSE_EDUCATION;
  c.spouseWork[i] = sp ? Math.min(sp.canadianWorkYears, MAX_YEARS) : 0;
  c.jobOffer[i] = jobOfferIndex[p.jobOffer];
  c.canadianEducation[i] = canadianEducationIndex[p.canadianEducation];
  const french = resultIn(langs, "french");
  const english = resultIn(langs, "english");
  c.frenchTier[i] = french && french.lowest >= 7 ? (english && english.lowest >= 5 ? 2 : 1) : 0;
  c.sibling[i] = p.siblingInCanada ? 1 : 0;
  c.nomination[i] = p.provincialNomination ? 1 : 0;
}

/** Scores every row of `c` into `out` (the hot loop: table reads and adds, no allocation). */
export function scoreColumns(
  c: ProfileColumns,
  compiled: CompiledRuleSets,
  out: Int16Array = new Int16Array(c.count),
): Int16Array {
  const t = compiled.tables;
  const { block, age, education, first, firstLowest, second, canadianWork, foreignWork, certificate } = c;
  const { spouseEducation, spouseLanguage, spouseWork, jobOffer, canadianEducation, frenchTier, sibling } = c;
  const nomination = c.nomination;
  for (let i = 0, j = 0; i < c.count; i++, j += 4) {
    const b = block[i] as number;
    const cdn = canadianWork[i] as number;
    let secondSum =
      (t[b + L2 + (second[j] as number)] as number) +
      (t[b + L2 + (second[j + 1] as number)] as number) +
      (t[b + L2 + (second[j + 2] as number)] as number) +
      (t[b + L2 + (second[j + 3] as number)] as number);
    const secondCap = t[b + L2_CAP] as number;
    if (secondSum > secondCap) secondSum = secondCap;
    const core =
      (t[b + AGE + (age[i] as number)] as number) +
      (t[b + EDU + (education[i] as number)] as number) +
      (t[b + L1 + (first[j] as number)] as number) +
      (t[b + L1 + (first[j + 1] as number)] as number) +
      (t[b + L1 + (first[j + 2] as number)] as number) +
      (t[b + L1 + (first[j + 3] as number)] as number) +
      secondSum +
      (t[b + CDN_WORK + cdn] as number);
    const spouse =
      (t[b + SP_EDU + (spouseEducation[i] as number)] as number) +
      (t[b + SP_LANG + (spouseLanguage[j] as number)] as number) +
      (t[b + SP_LANG + (spouseLanguage[j + 1] as number)] as number) +
      (t[b + SP_LANG + (spouseLanguage[j + 2] as number)] as number) +
      (t[b + SP_LANG + (spouseLanguage[j + 3] as number)] as number) +
      (t[b + SP_WORK + (spouseWork[i] as number)] as number);
    const lowest = firstLowest[i] as number;
    const cdnTier = Math.min(cdn, 2);
    let transfer =
      (t[b + TR_EDU + ((education[i] as number) * LOWEST_LEVELS + lowest) * CDN_TIERS + cdnTier] as number) +
      (t[
        b + TR_FOREIGN + ((foreignWork[i] as number) * LOWEST_LEVELS + lowest) * CDN_TIERS + cdnTier
      ] as number) +
      (certificate[i] ? (t[b + TR_COQ + lowest] as number) : 0);
    const transferCap = t[b + TR_CAP] as number;
    if (transfer > transferCap) transfer = transferCap;
    let additional =
      (nomination[i] ? (t[b + PNP] as number) : 0) +
      (t[b + JOB + (jobOffer[i] as number)] as number) +
      (t[b + CDN_EDU + (canadianEducation[i] as number)] as number) +
      (t[b + FRENCH + (frenchTier[i] as number)] as number) +
      (sibling[i] ? (t[b + SIBLING] as number) : 0);
    const additionalCap = t[b + ADD_CAP] as number;
    if (additional > additionalCap) additional = additionalCap;
    out[i] = core + spouse + transfer + additional;
  }
  return out;
}

export interface BatchResult {
  /** CRS totals in input order; -1 where the profile could not be scored (see `errors`). */
  totals: Int16Array;
  /** 1 where the date is on/after a reported, unconfirmed change (the score may be incomplete). */
  mayBeIncomplete: Uint8Array;
  /** Index → the problems of a profile that could not be scored. */
  errors: Map<number, FieldError>;
}

/** Precompiles the profiles (validated, with `assessedOn` set) and scores them; totals equal `scoreProfile`'s. */
export function scoreBatch(profiles: readonly Profile[], compiled?: CompiledRuleSets): BatchResult {
  // Compiling takes microseconds; callers scoring many batches may pass their own compiled tables.
  const tables = compiled ?? compileRuleSets();
  const columns = allocateColumns(profiles.length);
  const errors = new Map<number, FieldError>();
  const mayBeIncomplete = new Uint8Array(profiles.length);
  profiles.forEach((p, i) => {
    try {
      writeProfile(columns, i, p, tables);
      if (p.assessedOn && unconfirmedChangeOn(p.assessedOn)) mayBeIncomplete[i] = 1;
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      errors.set(i, e);
    }
  });
  const totals = scoreColumns(columns, tables);
  for (const i of errors.keys()) totals[i] = -1;
  return { totals, mayBeIncomplete, errors };
}
