// The shape of a CRS rule set: every table of the grid as data, each with its source. One generic
// calculator (calculator.ts) scores a profile under any rule set; `ruleSetFor` picks it by date.
import type { Education } from "../profile/schema.js";

/** A row of a banded table: values from `from` to `to` inclusive (`to: null` = "or more"). */
export interface Band {
  from: number;
  to: number | null;
}
export interface SpouseColumnsBand extends Band {
  /** With an accompanying spouse who is not a Canadian citizen or PR. */
  withSpouse: number;
  /** Single, or spouse not accompanying, or spouse a Canadian citizen/PR. */
  withoutSpouse: number;
}
export interface PointsBand extends Band {
  points: number;
}

export interface Sourced<T> {
  source: string;
  rows: T;
}

/** Levels in the skill-transferability education rows. */
export type TransferEducationTier = "none" | "postSecondary" | "advanced";
/** Levels in the skill-transferability foreign-work rows. */
export type ForeignWorkTier = "none" | "oneOrTwoYears" | "threeOrMore";

export interface PartialFull {
  /** CLB 7+ in all four abilities, one or more under 9. */
  partial: number;
  /** CLB 9+ in all four abilities. */
  full: number;
}
export interface OneOrTwoYears {
  oneYear: number;
  twoOrMore: number;
}

export interface CoreTables {
  /** By age in completed years. */
  age: Sourced<SpouseColumnsBand[]>;
  education: Sourced<Record<Education, { withSpouse: number; withoutSpouse: number }>>;
  /** Per ability, by CLB/NCLC. */
  firstLanguage: Sourced<SpouseColumnsBand[]>;
  /** Per ability, by CLB/NCLC; the four abilities together are capped. */
  secondLanguage: Sourced<PointsBand[]> & { capWithSpouse: number; capWithoutSpouse: number };
  /** By years of skilled Canadian work. */
  canadianWork: Sourced<SpouseColumnsBand[]>;
}

export interface SpouseTables {
  education: Sourced<Record<Education, number>>;
  /** Per ability of the spouse's first official language, by CLB/NCLC. */
  firstLanguage: Sourced<PointsBand[]>;
  canadianWork: Sourced<PointsBand[]>;
}

export interface TransferabilityTables {
  source: string;
  /** Each of the three buckets (education, foreign work, certificate) is capped at this. */
  bucketCap: number;
  /** The section as a whole is capped at this. */
  cap: number;
  educationTier: Record<Education, TransferEducationTier>;
  educationWithLanguage: Record<TransferEducationTier, PartialFull>;
  educationWithCanadianWork: Record<TransferEducationTier, OneOrTwoYears>;
  /** Foreign work years → tier. */
  foreignWorkTier: (Band & { tier: ForeignWorkTier })[];
  foreignWorkWithLanguage: Record<ForeignWorkTier, PartialFull>;
  foreignWorkWithCanadianWork: Record<ForeignWorkTier, OneOrTwoYears>;
  certificateWithLanguage: {
    /** CLB 5+ in all four, one or more under 7. */
    clb5: number;
    /** CLB 7+ in all four. */
    clb7: number;
  };
}

export interface AdditionalTables {
  source: string;
  cap: number;
  provincialNomination: number;
  jobOffer: { "noc-00": number; other: number; note: string };
  canadianEducation: { "one-or-two-year": number; "three-year-plus": number };
  /** NCLC 7+ in all four French abilities, and English… */
  french: {
    /** …CLB 4 or lower in any English ability, or no English test. */
    englishBelowClb5OrNone: number;
    /** …CLB 5+ in all four English abilities. */
    englishClb5AllFour: number;
  };
  sibling: number;
}

export interface RuleSet {
  /** First day the rule set applies (inclusive). */
  effectiveFrom: string;
  label: string;
  /** The instrument that brought it in, and where it was confirmed. */
  sources: string[];
  /** Why the date was chosen, when the sources disagree. */
  dateNote?: string;
  core: CoreTables;
  spouse: SpouseTables;
  transferability: TransferabilityTables;
  additional: AdditionalTables;
}
