// From profiles to pool candidates: each profile is scored (CRS under the rule set in force on the pool's
// date, experience derived from the work history) and judged for every program and category version once,
// and only the results are kept — the pool never holds the personal data itself.
import {
  anyOf,
  compileEligibility,
  type EligibilityReport,
  type Eligible,
  eligibilityCodes,
  UNKNOWN,
  versionKey,
  withExperienceFromHistory,
  YES,
} from "../occupations/index.js";
import { withAgeOn } from "../profile/age.js";
import { FieldError } from "../profile/errors.js";
import type { Profile } from "../profile/schema.js";
import { scoreProfile } from "../rules/index.js";
import { type CandidatePool, isoTime, poolFromCandidates, type ScoredCandidate } from "./pool.js";

export interface ScoredProfile extends ScoredCandidate {
  /** Label of the CRS rule set the score was computed under. */
  ruleSet: string;
  computedOn: string;
}

function requireField(profile: Profile, field: "id" | "submittedAt"): string {
  const value = profile[field];
  if (!value)
    throw new FieldError([
      {
        field,
        problem: "is required for a candidate in a pool",
        allowed: field === "id" ? "a unique text id" : "an ISO 8601 UTC time such as 2025-03-01T12:00:00Z",
      },
    ]);
  return value;
}

/** The category rules compiled once (read-only, derived from the bundled data like the stream keys). */
const compiledRules = compileEligibility();
/** The compiled answers' indexes in `streamEligibility`'s order: general, fsw, cec, fst, pnp, every version. */
const answerOrder = ["general", "fsw", "cec", "fst", "pnp", ...compiledRules.keys.slice(5)].map((k) =>
  compiledRules.keys.indexOf(k),
);

/** Scores one profile and computes its eligibility for every stream, as of `date`. */
export function scoreCandidate(profile: Profile, date: string): ScoredProfile {
  const id = requireField(profile, "id");
  const submittedAt = requireField(profile, "submittedAt");
  // The age on `date` first, while the profile still carries its own assessment date (a stated age is
  // checked against the birth date only on that date).
  const p = withExperienceFromHistory({ ...withAgeOn(profile, date), assessedOn: date });
  const crs = scoreProfile(p);
  // The answers only (no reasons): the compiled rules, equal to `streamEligibility(assessEligibility(…))`.
  const codes = eligibilityCodes(compiledRules, p, crs.languages, date);
  const eligible: string[] = [];
  const unknown: string[] = [];
  for (const i of answerOrder) {
    if (codes[i] === YES) eligible.push(compiledRules.keys[i]!);
    else if (codes[i] === UNKNOWN) unknown.push(compiledRules.keys[i]!);
  }
  return {
    id,
    submittedAt: isoTime(Date.parse(submittedAt)),
    crs: crs.total,
    eligible,
    ...(unknown.length ? { unknown } : {}),
    ruleSet: crs.ruleSet.label,
    computedOn: date,
  };
}

/**
 * An eligibility report as the pool's stream keys: `general` when FSW, CEC or FST is met, each program, and
 * each category version ("trades@2025-v2"); keys whose answer is "unknown" are listed apart.
 */
export function streamEligibility(report: EligibilityReport): { eligible: string[]; unknown: string[] } {
  const eligible: string[] = [];
  const unknown: string[] = [];
  const put = (key: string, status: Eligible) => {
    if (status === true) eligible.push(key);
    else if (status === "unknown") unknown.push(key);
  };
  put("general", anyOf(report.programs.filter((r) => r.program !== "pnp").map((r) => r.eligible)));
  for (const r of report.programs) put(r.program, r.eligible);
  for (const c of report.categories) put(versionKey(c.category, c.version), c.eligible);
  return { eligible, unknown };
}

/** A pool from profiles; the pool's rule set names every rule set its candidates were scored under. */
export function poolFromProfiles(profiles: readonly Profile[], date: string): CandidatePool {
  const scored = profiles.map((p) => scoreCandidate(p, date));
  const ruleSets = [...new Set(scored.map((s) => s.ruleSet))].join(" + ") || "none";
  return poolFromCandidates(scored, date, ruleSets);
}
