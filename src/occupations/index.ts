// The occupations module's public surface: NOC 2021, category list versions, work-history arithmetic,
// and program and category eligibility. Pure: no I/O, no clock (the date is a parameter).
import type { Profile } from "../profile/schema.js";
import { type CategoryResult, categoryEligibility } from "./categoryEligibility.js";
import { type CandidateLanguages, type ProgramResult, programEligibility } from "./programs.js";

export * from "./categories.js";
export {
  type CategoryResult,
  categoryEligibility,
  categoryVersionEligibility,
} from "./categoryEligibility.js";
export {
  type CompiledEligibility,
  type CompiledVersion,
  codeOf,
  compileEligibility,
  type EligibilityBatch,
  type EligibleCode,
  eligibilityBatch,
  eligibilityCodes,
  eligibleOf,
  type FundsMemo,
  masksOf,
  NO,
  UNKNOWN,
  YES,
} from "./compiledEligibility.js";
export * from "./noc.js";
export * from "./programs.js";
export { fundsTables, requiredFunds } from "./proofOfFunds.js";
export * from "./workHistory.js";

export interface EligibilityReport {
  assessedOn: string;
  programs: ProgramResult[];
  categories: CategoryResult[];
}

/** Programs and every category version for a profile, as of `date`. */
export function assessEligibility(
  profile: Profile,
  langs: CandidateLanguages,
  date: string,
): EligibilityReport {
  const programs = programEligibility(profile, langs, date);
  return { assessedOn: date, programs, categories: categoryEligibility(profile, langs, programs, date) };
}
