// From a profile to what the Monte Carlo needs: the CRS score and the streams the person can be
// invited in, judged by the CRS engine and the eligibility rules as of the forecast date.
import { versionKey } from "../occupations/index.js";
import type { Profile } from "../profile/schema.js";
import { scoreCandidate } from "../rounds/index.js";
import { programStreamKeys, splitStreamKey } from "../rounds/pool.js";
import type { Candidate } from "./probability.js";

export interface ForecastCandidate extends Candidate {
  /** Streams whose eligibility the rules cannot decide from the profile (e.g. unknown funds). */
  unknownStreams: string[];
  /** The rule set the score was computed under. */
  ruleSet: string;
}

/**
 * Scores `profile` on `date` and lists its streams by id ("general", "cec", "stem", …). A category
 * counts when the person is eligible for the list version of that category's latest round
 * (`streamVersions`, id → version); for a category without rounds, any version in force counts.
 */
export function candidateFromProfile(
  profile: Profile,
  date: string,
  streamVersions: ReadonlyMap<string, string | null>,
): ForecastCandidate {
  const scored = scoreCandidate(
    { ...profile, id: profile.id ?? "candidate", submittedAt: profile.submittedAt ?? `${date}T00:00:00Z` },
    date,
  );
  const toStreams = (keys: readonly string[]) => {
    const out = new Set<string>();
    for (const key of keys) {
      const { id, version } = splitStreamKey(key);
      if (version === undefined) out.add(id);
      else if (!streamVersions.has(id) || versionKey(id, streamVersions.get(id) ?? "") === key) out.add(id);
    }
    return [...out];
  };
  const eligibleStreams = toStreams(scored.eligible);
  return {
    score: scored.crs,
    eligibleStreams,
    unknownStreams: toStreams(scored.unknown ?? []).filter((s) => !eligibleStreams.includes(s)),
    ruleSet: scored.ruleSet,
  };
}

/**
 * The candidate as if eligible for the programs its profile cannot decide (general, FSW, CEC, FST, PNP —
 * e.g. experience given as years without a work history): an upper bound, always labelled as such.
 * Categories stay undecided: they hinge on the occupation, which cannot be assumed. (PNP is undecided
 * only for a nominee whose federal program is undecided.)
 */
export function assumingUnknownEligible(c: ForecastCandidate): ForecastCandidate {
  const assumed = c.unknownStreams.filter((s) => programStreamKeys.includes(s));
  return {
    ...c,
    eligibleStreams: [...c.eligibleStreams, ...assumed],
    unknownStreams: c.unknownStreams.filter((s) => !assumed.includes(s)),
  };
}
