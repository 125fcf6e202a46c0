// The CRS rule sets, one per effective date (docs/sources/crs-rules.md, "Rule history"). Sections A–C
// never changed; section D (additional points) did. Values that did not exist yet are 0.
//
// Not a rule set: the change IRCC is reported to make from 2026-11-03 (a "high-wage occupation"
// factor). Its point values are not confirmed by any official text, so a date on or after that day
// is scored with the latest confirmed set and flagged (see `unconfirmedChanges`).
import type { AdditionalTables, RuleSet } from "../rule-set.js";
import { coreTables2015, spouseTables2015, transferabilityTables2015 } from "./grid-2015.js";

const unchangedSections = {
  core: coreTables2015,
  spouse: spouseTables2015,
  transferability: transferabilityTables2015,
};

const none = { "one-or-two-year": 0, "three-year-plus": 0 };
const noFrench = { englishBelowClb5OrNone: 0, englishClb5AllFour: 0 };

const additional2015: AdditionalTables = {
  source:
    "MI respecting the Express Entry system, s.8(2) (2014-11-28, Canada Gazette I 2014-12-01): 600 for a provincial nomination or a qualifying (LMIA-supported) offer of arranged employment, at most 600 [S10]",
  cap: 600,
  provincialNomination: 600,
  jobOffer: {
    "noc-00": 600,
    other: 600,
    note: "any qualifying offer of arranged employment (LMIA-supported) counted 600; assumed qualifying",
  },
  canadianEducation: none,
  french: noFrench,
  sibling: 0,
};

const additional2016: AdditionalTables = {
  source:
    "MI 2016-1 amending the Express Entry MI (Canada Gazette I, Vol. 150, No. 46, 2016-11-12; in force 2016-11-19) [S4, S5, S11]",
  cap: 600,
  provincialNomination: 600,
  jobOffer: {
    "noc-00": 200,
    other: 50,
    note: "200 for NOC major group 00 (TEER 0 major group 00 since 2022-11-16), 50 for any other NOC 0/A/B (TEER 0–3)",
  },
  canadianEducation: { "one-or-two-year": 15, "three-year-plus": 30 },
  french: noFrench,
  sibling: 0,
};

const additional2017: AdditionalTables = {
  ...additional2016,
  source:
    "MI 2017-1 amending the Express Entry MI (signed 2017-05-29, in force 2017-06-06) [S6, S7]; job offer and Canadian education as MI 2016-1 [S4, S5]",
  french: { englishBelowClb5OrNone: 15, englishClb5AllFour: 30 },
  sibling: 15,
};

const additional2020: AdditionalTables = {
  ...additional2017,
  source:
    "French bonus raised 15→25 and 30→50: IRCC news release 2020-10-27, points awarded from 2020-10-20 [S8]; other values as MI 2017-1 [S6]",
  french: { englishBelowClb5OrNone: 25, englishClb5AllFour: 50 },
};

const additional2025: AdditionalTables = {
  ...additional2020,
  source:
    "IRCC: 'As of March 25, 2025, we're removing job offer points' [S2, S9]; other values as the current MI of 2024-08-09 [S3] and grid [S1]",
  jobOffer: {
    "noc-00": 0,
    other: 0,
    note: "arranged-employment points removed on 2025-03-25 (they still matter for FSW/FST/PNP eligibility)",
  },
};

export const ruleSets: readonly RuleSet[] = [
  {
    effectiveFrom: "2015-01-01",
    label: "Express Entry launch (MI of 2014-11-28)",
    sources: ["[S10] canada.ca MI index: in force 2015-01-01", "[S1] CRS grid", "[S3] MI consolidation"],
    ...unchangedSections,
    additional: additional2015,
  },
  {
    effectiveFrom: "2016-11-19",
    label: "MI 2016-1: job offer 200/50, Canadian education 15/30",
    sources: ["[S4] archived MI notice", "[S5] Canada Gazette I 2016-11-12", "[S11]"],
    ...unchangedSections,
    additional: additional2016,
  },
  {
    effectiveFrom: "2017-06-06",
    label: "MI 2017-1: sibling 15, French bonus 15/30",
    sources: ["[S6] canada.ca MI 2017-1: in force 2017-06-06", "[S7]"],
    ...unchangedSections,
    additional: additional2017,
  },
  {
    effectiveFrom: "2020-10-20",
    label: "French bonus raised to 25/50",
    sources: ["[S8] IRCC news release 2020-10-27; BAL, Envoy, JPier, immigratetocanada.com: from 2020-10-20"],
    dateNote:
      "The news release is dated 2020-10-27, but several sources say points were awarded from 2020-10-20. No round took place between 2020-10-15 and 2020-11-05 (the 2020-10-28 round was postponed so scores could be updated), so no invitation depends on the choice; 2020-10-20 is the safer reading for scores in that week.",
    ...unchangedSections,
    additional: additional2020,
  },
  {
    effectiveFrom: "2025-03-25",
    label: "Job offer points removed",
    sources: ["[S2] canada.ca CRS tool notice", "[S9]", "[S3] MI of 2024-08-09"],
    ...unchangedSections,
    additional: additional2025,
  },
];

/** Reported changes that are not (yet) a rule set: a score on or after `from` may be incomplete. */
export const unconfirmedChanges = [
  {
    from: "2026-11-03",
    reason:
      "IRCC is reported to change the CRS from 2026-11-03 (a high-wage occupation factor), but its point values are not confirmed by any official text; this score uses the rule set of 2025-03-25 and may be incomplete",
    source:
      "docs/sources/crs-rules.md [S12]: unverified reports (BryceYuuu/RUN docs/global/canada.md; CELPass connector); proposal: CIC News 2026-04, IRCC consultation 2026-04-23 to 05-24",
  },
] as const;
