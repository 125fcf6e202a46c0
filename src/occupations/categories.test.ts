// Category rules as recorded in categories.json, with worked examples (hours = days × 30/7 at full time).
import { describe, expect, it } from "vitest";
import type { Profile } from "../profile/schema.js";
import { allVersionKeys, categoryById, versionInForce } from "./categories.js";
import { categoryEligibility, categoryVersionEligibility } from "./categoryEligibility.js";
import { type CandidateLanguages, type ProgramResult, programEligibility } from "./programs.js";
import { profileWith } from "./testProfiles.js";

const clb7: CandidateLanguages = {
  first: { language: "english", levels: { speaking: 7, listening: 7, reading: 7, writing: 7 } },
  second: null,
  spouse: null,
};
const federalYes: ProgramResult[] = [
  { program: "fsw", eligible: true, reasons: [] },
  { program: "cec", eligible: false, reasons: [] },
  { program: "fst", eligible: false, reasons: [] },
];
const federalNo: ProgramResult[] = federalYes.map((r) => ({ ...r, eligible: false }));

function judge(
  categoryId: string,
  version: string,
  p: Profile,
  date: string,
  langs = clb7,
  programs = federalYes,
) {
  const v = categoryById(categoryId)!.versions.find((x) => x.version === version)!;
  return categoryVersionEligibility(categoryId, v, p, langs, programs, date);
}

describe("list versions by date", () => {
  it("picks the version whose recorded dates contain the day", () => {
    expect(versionInForce("healthcare-social-services", "2024-06-01")?.version.version).toBe("2023-v1");
    expect(versionInForce("healthcare-social-services", "2025-02-27")?.version.version).toBe("2025-v2");
    expect(versionInForce("healthcare-social-services", "2026-02-17")?.version.version).toBe("2025-v2");
    expect(versionInForce("healthcare-social-services", "2026-02-18")?.version.version).toBe("2026-v3");
    expect(versionInForce("healthcare-social-services", "2026-02-18")?.certain).toBe(true);
  });

  it("no version before a category existed or after it was retired", () => {
    expect(versionInForce("stem", "2023-01-01")).toBeNull();
    expect(versionInForce("agriculture-agri-food", "2026-03-01")).toBeNull();
  });

  it("unconfirmed dates are flagged: French 2026-v2 has no recorded start", () => {
    const early = versionInForce("french-language-proficiency", "2024-05-01")!;
    expect(early.version.version).toBe("2023-v1");
    expect(early.certain).toBe(false);
    const later = versionInForce("french-language-proficiency", "2026-05-01")!;
    expect(later.version.version).toBe("2026-v2");
    expect(later.note).toContain("not all confirmed");
  });

  it("every version has a key", () => {
    expect(allVersionKeys).toContain("trades@2025-v2");
    expect(allVersionKeys).toHaveLength(21);
  });
});

describe("6 months of continuous work in one listed occupation (until 2026-02-18)", () => {
  const date = "2025-06-01";

  it("a nurse (31301) 2024-06-01..2024-12-31: 214 days = 917 h ≥ 780 h, continuous: eligible", () => {
    const p = profileWith({
      workHistory: [
        { noc: "31301", from: "2024-06-01", to: "2024-12-31", hoursPerWeek: 37.5, country: "PH" },
      ],
    });
    const r = judge("healthcare-social-services", "2025-v2", p, date);
    expect(r.eligible).toBe(true);
    expect(r.inForce).toBe(true);
    expect(r.reasons[0]).toContain("31301 Registered nurses");
  });

  it("two 4-month spells with a gap (519 h + 523 h): 1,042 h in all but not continuous: not eligible", () => {
    const p = profileWith({
      workHistory: [
        { noc: "31301", from: "2024-01-01", to: "2024-04-30", hoursPerWeek: 37.5, country: "PH" },
        { noc: "31301", from: "2024-06-01", to: "2024-09-30", hoursPerWeek: 37.5, country: "PH" },
      ],
    });
    expect(judge("healthcare-social-services", "2025-v2", p, date).eligible).toBe(false);
  });

  it("an occupation not on the list does not count", () => {
    const p = profileWith({
      workHistory: [{ noc: "21231", from: "2023-01-01", to: "2024-12-31", hoursPerWeek: 40, country: "CA" }],
    });
    expect(judge("healthcare-social-services", "2025-v2", p, date).eligible).toBe(false);
  });

  it("not eligible for FSW, CEC or FST: not eligible for the category either", () => {
    const p = profileWith({
      workHistory: [
        { noc: "31301", from: "2024-06-01", to: "2024-12-31", hoursPerWeek: 37.5, country: "PH" },
      ],
    });
    const r = judge("healthcare-social-services", "2025-v2", p, date, clb7, federalNo);
    expect(r.eligible).toBe(false);
    expect(r.reasons[1]).toContain("must be eligible for FSW, CEC, FST");
  });
});

describe("12 months, not necessarily continuous (from 2026-02-18)", () => {
  const date = "2026-06-01";

  it("2023-07-01..2024-02-29 (244 days, 1,046 h) + 2024-06-01..2024-11-30 (183 days, 784 h) = 1,830 h ≥ 1,560: eligible", () => {
    const p = profileWith({
      workHistory: [
        { noc: "31301", from: "2023-07-01", to: "2024-02-29", hoursPerWeek: 37.5, country: "PH" },
        { noc: "31301", from: "2024-06-01", to: "2024-11-30", hoursPerWeek: 37.5, country: "PH" },
      ],
    });
    const r = judge("healthcare-social-services", "2026-v3", p, date);
    expect(r.eligible).toBe(true);
    // The 2026 list is recorded but not confirmed complete: the answer says so.
    expect(r.reasons[0]).toContain("complete: false");
  });

  it("7 months (917 h) met the old 6-month rule but not the 12-month one", () => {
    const p = profileWith({
      workHistory: [
        { noc: "31301", from: "2025-06-01", to: "2025-12-31", hoursPerWeek: 37.5, country: "PH" },
      ],
    });
    expect(judge("healthcare-social-services", "2025-v2", p, "2026-01-15").eligible).toBe(true);
    expect(judge("healthcare-social-services", "2026-v3", p, date).eligible).toBe(false);
  });

  it("incomplete list, work off the recorded list (21231, software engineers): unknown rather than no", () => {
    const p = profileWith({
      workHistory: [
        { noc: "21231", from: "2023-01-01", to: "2025-12-31", hoursPerWeek: 37.5, country: "CA" },
      ],
    });
    expect(judge("healthcare-social-services", "2026-v3", p, date).eligible).toBe("unknown");
    // The same history against a complete list is a plain no.
    expect(judge("healthcare-social-services", "2025-v2", p, "2025-06-01").eligible).toBe(false);
  });
});

describe("Canadian work experience categories", () => {
  const date = "2026-06-01";

  it("senior managers: 13 months in Canada in 00012 qualify; the same abroad does not", () => {
    const inCanada = profileWith({
      workHistory: [{ noc: "00012", from: "2025-01-01", to: "2026-01-31", hoursPerWeek: 45, country: "CA" }],
    });
    const abroad = profileWith({
      workHistory: [{ noc: "00012", from: "2025-01-01", to: "2026-01-31", hoursPerWeek: 45, country: "US" }],
    });
    expect(judge("senior-managers-canadian-work-experience", "2026-v1", inCanada, date).eligible).toBe(true);
    expect(judge("senior-managers-canadian-work-experience", "2026-v1", abroad, date).eligible).toBe(false);
  });

  it("physicians: whether the 12 months must be continuous is unrecorded (null), so a split year is unknown", () => {
    // 2025-01-01..2025-06-30 (181 days, 776 h) and 2025-08-01..2026-01-31 (184 days, 789 h): 1,564 h, max run 789 h.
    const split = profileWith({
      workHistory: [
        { noc: "31102", from: "2025-01-01", to: "2025-06-30", hoursPerWeek: 50, country: "CA" },
        { noc: "31102", from: "2025-08-01", to: "2026-01-31", hoursPerWeek: 50, country: "CA" },
      ],
    });
    const r = judge("physicians-canadian-work-experience", "2026-v1", split, date);
    expect(r.eligible).toBe("unknown");
    expect(r.reasons[0]).toContain("not confirmed");
    const straight = profileWith({
      workHistory: [{ noc: "31102", from: "2025-01-01", to: "2026-01-31", hoursPerWeek: 50, country: "CA" }],
    });
    expect(judge("physicians-canadian-work-experience", "2026-v1", straight, date).eligible).toBe(true);
  });
});

describe("French-language proficiency: NCLC 7 in all four abilities", () => {
  const french = (w: number): CandidateLanguages => ({
    ...clb7,
    second: { language: "french", levels: { speaking: 7, listening: 7, reading: 7, writing: w } },
  });
  it("NCLC 7 everywhere: eligible; writing 6: not", () => {
    const p = profileWith({});
    expect(judge("french-language-proficiency", "2023-v1", p, "2025-01-01", french(7)).eligible).toBe(true);
    const r = judge("french-language-proficiency", "2023-v1", p, "2025-01-01", french(6));
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]).toContain("writing (6)");
  });
  it("neither the end of 2023-v1 nor the start of 2026-v2 is recorded: in 2026 both are 'in force: unknown'", () => {
    // 2023-v1: from 2023-05-31, end not recorded ("replaced by 2026-Version 2 in early 2026"); 2026-v2: no
    // recorded start, so on 2026-01-15 or 2026-11-24 either list may have applied.
    const p = profileWith({});
    expect(judge("french-language-proficiency", "2023-v1", p, "2026-01-15").inForce).toBe("unknown");
    expect(judge("french-language-proficiency", "2026-v2", p, "2026-01-15").inForce).toBe("unknown");
    expect(judge("french-language-proficiency", "2023-v1", p, "2023-05-30").inForce).toBe(false);
    // From its recorded start (2023-05-31) to the last "Version 1" round in the feed of 2026-08-07 (round 388,
    // 2025-12-17), 2023-v1 was in force.
    expect(judge("french-language-proficiency", "2023-v1", p, "2025-12-17").inForce).toBe(true);
    expect(judge("french-language-proficiency", "2023-v1", p, "2025-12-18").inForce).toBe("unknown");
    // 2026-v2 started after round 388 (2025-12-17, still "Version 1"): not in force that day, unknown from
    // 2025-12-18 (a "2026" list can start in 2025: the physicians' 2026-v1 began 2025-12-08).
    expect(judge("french-language-proficiency", "2026-v2", p, "2025-12-17").inForce).toBe(false);
    expect(judge("french-language-proficiency", "2026-v2", p, "2025-12-20").inForce).toBe("unknown");
    // A recorded end stays firm: healthcare 2023-v1 ended 2025-02-26.
    expect(judge("healthcare-social-services", "2023-v1", p, "2025-02-27").inForce).toBe(false);
  });
  it("English only: not eligible", () => {
    expect(judge("french-language-proficiency", "2026-v2", profileWith({}), "2026-05-01").eligible).toBe(
      false,
    );
  });
});

describe("skilled military recruits: conditions beyond the list are unconfirmed", () => {
  it("experience in a listed occupation: unknown; none: not eligible", () => {
    const officer = profileWith({
      workHistory: [{ noc: "40042", from: "2015-01-01", to: "2025-12-31", hoursPerWeek: 40, country: "GB" }],
    });
    expect(judge("skilled-military-recruits", "2026-v1", officer, "2026-06-01").eligible).toBe("unknown");
    expect(judge("skilled-military-recruits", "2026-v1", profileWith({}), "2026-06-01").eligible).toBe(false);
  });
});

it("the report covers every category version", () => {
  const p = profileWith({});
  const programs = programEligibility(p, clb7, "2026-06-01");
  expect(categoryEligibility(p, clb7, programs, "2026-06-01")).toHaveLength(21);
});
