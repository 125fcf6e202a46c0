// A client's status against a small hand-made list of rounds (not the bundled feed), with the CRS worked
// out by hand, and the cut-off boundary: one point below, exactly at (the tie-break decides) and above.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { engineer as engineerInput, withPteCore } from "../../test/support/profiles.js";
import type { CompleteRound } from "../draws/index.js";
import { buildForecastModel, newFuturesCache } from "../forecast/index.js";
import { type Profile, profile as profileSchema } from "../profile/schema.js";
import {
  checkAgainstRound,
  clientStatus,
  clientStatusOrProblems,
  compareClients,
  latestRoundByStream,
} from "./clients.js";

/** A round of the hand-made list: only what the status reads is meaningful. */
function round(
  number: number,
  date: string,
  id: string,
  cutoff: number,
  tieBreakAt: string | null = null,
  version: string | null = null,
): CompleteRound {
  const kind =
    id === "general" ? "general" : ["cec", "fsw", "fst", "pnp"].includes(id) ? "program" : "category";
  return {
    round: String(number),
    roundNumber: number,
    date,
    name: id,
    programs: id,
    stream: { kind, id, version, recognized: true },
    size: 1000,
    cutoff,
    incomplete: false,
    drawnAt: null,
    tieBreakAt,
    distribution: null,
    issues: [],
  };
}

// A software engineer (NOC 21231, TEER 1): 16 months in Canada (2023-09 to 2024-12), 4 years in India before.
const engineer = profileSchema.parse({ ...engineerInput, submittedAt: "2025-05-01T10:00:00Z" });
const asOf = "2025-06-01";
/**
 * CRS on 2025-06-01 (rule set "Job offer points removed"), without a spouse:
 *   age 29 → 110; bachelor's → 120; IELTS 8/7/7/7 = CLB 9 in each ability → 4 × 31 = 124;
 *   Canadian work 1 year (16 months) → 40;
 *   transferability, education: one post-secondary credential with CLB 9+ → 25, with 1 year in Canada → 13: 38;
 *   foreign work 3+ years (4) with CLB 9+ → 50, with 1 year in Canada → 25, capped at 50: 50.
 *   110 + 120 + 124 + 40 + 38 + 50 = 482.
 */
const engineerCrs = 482;

const rounds: CompleteRound[] = [
  round(1, "2025-04-02", "general", 470),
  round(2, "2025-05-10", "general", 483), // the latest general round: one point above the score
  round(3, "2025-05-20", "cec", 482, "2025-05-01T12:00:00Z"), // exactly at the score; tie-break after submission
  round(4, "2025-05-21", "pnp", 700), // not eligible: no nomination
  round(5, "2025-06-10", "cec", 400), // after the date: not yet known
];

describe("clientStatus", () => {
  it("scores the client on the date and checks the latest round of each eligible stream", () => {
    const status = clientStatus(engineer, rounds, asOf);
    expect(status.crs).toBe(engineerCrs);
    expect(status.ruleSet).toBe("Job offer points removed");
    // CEC: 16 months of TEER 1 work in Canada within 36 months, CLB 9 ≥ 7; general: any federal program.
    expect(status.eligibleStreams).toEqual(expect.arrayContaining(["general", "cec"]));
    expect(status.eligibleStreams).not.toContain("pnp");
    expect(status.latestRounds).toEqual([
      {
        stream: "cec",
        version: null,
        round: "3",
        date: "2025-05-20",
        cutoff: 482,
        tieBreakAt: "2025-05-01T12:00:00Z",
        margin: 0,
        reached: true,
        invited: true, // submitted 10:00, tie-break 12:00 the same day
      },
      {
        stream: "general",
        version: null,
        round: "2",
        date: "2025-05-10",
        cutoff: 483,
        tieBreakAt: null,
        margin: -1,
        reached: false,
        invited: false,
      },
    ]);
    expect(status.streamsWithoutRounds).not.toContain("cec");
    expect(status.probability).toBeNull();
  });

  it("at the cut-off, the submission time against the tie-break decides, or it cannot be told", () => {
    const later: Profile = { ...engineer, submittedAt: "2025-05-01T12:00:01Z" };
    const cec = (p: Profile) => clientStatus(p, rounds, asOf).latestRounds.find((r) => r.stream === "cec");
    expect(cec(later)).toMatchObject({ margin: 0, reached: true, invited: false });
    const { submittedAt: _, ...unsubmitted } = engineer;
    expect(cec(unsubmitted as Profile)).toMatchObject({ margin: 0, reached: true, invited: "unknown" });
  });

  it("one point above the cut-off is invited whatever the submission time", () => {
    const lower = rounds.map((r) => (r.round === "3" ? { ...r, cutoff: 481 } : r));
    const cec = clientStatus(engineer, lower, asOf).latestRounds.find((r) => r.stream === "cec");
    expect(cec).toMatchObject({ margin: 1, reached: true, invited: true });
  });

  it("gives the invitation probability with the number of paths asked for, when a model is given", () => {
    const model = buildForecastModel(rounds, asOf);
    const status = clientStatus(engineer, rounds, asOf, { model, paths: 1000, seed: 7 });
    expect(status.probability?.paths).toBe(1000);
    expect(status.probability?.seed).toBe(7);
    expect(status.probability?.within.map((w) => w.weeks)).toEqual([2, 4, 8, 12, 26]);
    const chances = status.probability!.within.map((w) => w.probability);
    // A longer horizon can only add invitations.
    for (let k = 1; k < chances.length; k++) expect(chances[k]).toBeGreaterThanOrEqual(chances[k - 1]!);
    expect(() => clientStatus(engineer, rounds, "2025-07-01", { model })).toThrow(/as of 2025-06-01/);
  });

  it("gives every client of a list the same status from shared futures as from a run of its own", () => {
    const model = buildForecastModel(rounds, asOf);
    const cache = newFuturesCache(1);
    const latest = latestRoundByStream(rounds, asOf);
    for (const p of [engineer, { ...engineer, provincialNomination: true }, { ...engineer, age: 44 }]) {
      const shared = clientStatus(p, rounds, asOf, { model, paths: 500, seed: 3, cache }, latest);
      expect(shared).toEqual(clientStatus(p, rounds, asOf, { model, paths: 500, seed: 3 }, latest));
    }
    expect(cache.entries.size).toBe(1);
  });

  it("gives the problems of a profile that cannot be scored on the date instead of failing", () => {
    // PTE Core counts from 2024-01-30: the same result cannot score for 2023-06-01.
    const pte = profileSchema.parse(withPteCore(engineer));
    const before = clientStatusOrProblems(pte, rounds, "2023-06-01");
    expect(before.status).toBeNull();
    expect(before.problems?.map((p) => p.field)).toEqual(["firstLanguage.test"]);
    expect(clientStatusOrProblems(pte, rounds, asOf).status?.crs).toBeGreaterThan(0);
  });

  it("groups the rounds by stream, latest known on the date", () => {
    const latest = latestRoundByStream(rounds, asOf);
    expect([...latest].map(([id, r]) => [id, r.round]).sort()).toEqual([
      ["cec", "3"],
      ["general", "2"],
      ["pnp", "4"],
    ]);
  });
});

describe("checkAgainstRound", () => {
  it("reached means at or above the cut-off; invited implies reached; below is never invited", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 1200 }),
        fc.option(fc.constant("2025-01-01T00:00:00Z"), { nil: undefined }),
        (score, cutoff, submittedAt) => {
          const r = checkAgainstRound(
            score,
            submittedAt,
            round(1, "2025-01-02", "general", cutoff, "2025-01-01T00:00:00Z"),
          );
          expect(r.margin).toBe(score - cutoff);
          expect(r.reached).toBe(score >= cutoff);
          if (r.invited === true) expect(r.reached).toBe(true);
          if (score < cutoff) expect(r.invited).toBe(false);
          if (score > cutoff) expect(r.invited).toBe(true);
        },
      ),
    );
  });
});

describe("compareClients", () => {
  const status = (crs: number, chance: number | null) =>
    ({
      crs,
      probability: chance === null ? null : { within: [{ weeks: 26, probability: chance }] },
    }) as unknown as ReturnType<typeof clientStatus>;
  const list = [
    { label: "B", status: status(450, 0.2) },
    { label: "A", status: status(480, 0.1) },
    { label: "D", status: null }, // cannot be scored on the date
    { label: "C", status: status(480, null) },
  ];
  const order = (by: "label" | "crs" | "chance") => [...list].sort(compareClients(by)).map((c) => c.label);

  it("orders by label, by CRS or by chance (highest first), ties by label, the unscored last", () => {
    expect(order("label")).toEqual(["A", "B", "C", "D"]);
    expect(order("crs")).toEqual(["A", "C", "B", "D"]); // 480, 480 (A before C), 450, none
    expect(order("chance")).toEqual(["B", "A", "C", "D"]); // 20%, 10%, not asked, none
  });
});
