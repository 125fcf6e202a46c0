// The round engine against hand-made pools: tie-breaking exactly as IRCC publishes it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledRounds } from "../draws/bundled.js";
import { invitedIds, resolveStream, runRound } from "./engine.js";
import { activeCount, poolFromCandidates, type ScoredCandidate } from "./pool.js";

const t = (hhmm: string) => `2025-01-10T${hhmm}:00Z`;
const c = (
  id: string,
  crs: number,
  submittedAt: string,
  eligible = ["general"],
  unknown?: string[],
): ScoredCandidate => ({
  id,
  crs,
  submittedAt,
  eligible,
  ...(unknown ? { unknown } : {}),
});
const pool = (list: ScoredCandidate[]) => poolFromCandidates(list, "2025-02-01", "test");
const round = { date: "2025-02-01", stream: "general" };

describe("ranking and tie-breaking", () => {
  it("ranks by score, then by earliest submission", () => {
    const p = pool([
      c("a", 500, t("10:00")),
      c("b", 490, t("12:00")),
      c("c", 490, t("09:00")),
      c("d", 480, t("01:00")),
    ]);
    const r = runRound(p, { ...round, size: 2 });
    expect(invitedIds(r)).toEqual(["a", "c"]);
    expect(r.cutoff).toBe(490);
    expect(r.tieBreakAt).toBe(t("09:00"));
  });

  it("equal scores across the size boundary: the earliest submissions are invited, exactly `size`", () => {
    // Five at 470; size 4 takes the 500 and the three earliest at 470 (08:00, 09:00, 10:00).
    const p = pool([
      c("top", 500, t("23:00")),
      c("e", 470, t("11:00")),
      c("b", 470, t("08:00")),
      c("d", 470, t("10:30")),
      c("a", 470, t("09:00")),
      c("c", 470, t("10:00")),
    ]);
    const r = runRound(p, { ...round, size: 4 });
    expect(r.invited).toBe(4);
    expect(invitedIds(r)).toEqual(["top", "b", "a", "c"]);
    expect(r.cutoff).toBe(470);
    expect(r.tieBreakAt).toBe(t("10:00"));
    // 10:30 and 11:00 lost the tie-break.
    expect(r.tiedNotInvited).toBe(2);
  });

  it("equal submission times at the boundary: exactly `size` invited, pool order decides", () => {
    const p = pool([c("x", 470, t("10:00")), c("y", 470, t("10:00")), c("z", 470, t("10:00"))]);
    const r = runRound(p, { ...round, size: 2 });
    expect(invitedIds(r)).toEqual(["x", "y"]);
    expect(r.tieBreakAt).toBe(t("10:00"));
  });

  it("the cut-off group fully invited: tieBreakAt is the latest submission at the cut-off", () => {
    const p = pool([
      c("a", 480, t("10:00")),
      c("b", 470, t("07:00")),
      c("c", 470, t("08:00")),
      c("d", 460, t("01:00")),
    ]);
    const r = runRound(p, { ...round, size: 3 });
    expect(r.cutoff).toBe(470);
    expect(r.tieBreakAt).toBe(t("08:00"));
    expect(r.tiedNotInvited).toBe(0);
  });

  it("an empty pool invites nobody: no cut-off, no tie-break", () => {
    const r = runRound(pool([]), { ...round, size: 5000 });
    expect(r).toMatchObject({ invited: 0, cutoff: null, tieBreakAt: null });
  });

  it("size larger than the pool: everyone is invited, the cut-off is the lowest score", () => {
    const p = pool([c("a", 300, t("10:00")), c("b", 700, t("09:00")), c("c", 300, t("08:00"))]);
    const r = runRound(p, { ...round, size: 10 });
    expect(r.invited).toBe(3);
    expect(invitedIds(r)).toEqual(["b", "c", "a"]);
    expect(r.cutoff).toBe(300);
    expect(r.tieBreakAt).toBe(t("10:00"));
  });

  it("size 0 invites nobody", () => {
    expect(runRound(pool([c("a", 300, t("10:00"))]), { ...round, size: 0 })).toMatchObject({
      invited: 0,
      cutoff: null,
    });
  });
});

describe("the pool after a round", () => {
  it("invited candidates leave the pool; the next round goes further down; the input pool is unchanged", () => {
    const p = pool([c("a", 500, t("10:00")), c("b", 490, t("10:00")), c("c", 480, t("10:00"))]);
    const first = runRound(p, { ...round, size: 1 });
    const second = runRound(first.pool, { ...round, size: 1 });
    expect(invitedIds(first)).toEqual(["a"]);
    expect(invitedIds(second)).toEqual(["b"]);
    expect(activeCount(p)).toBe(3);
    expect(activeCount(second.pool)).toBe(1);
  });

  it("invitations expire 60 days after the round (2025-02-01 + 60 days = 2025-04-02)", () => {
    expect(runRound(pool([]), { ...round, size: 1 }).expiresOn).toBe("2025-04-02");
  });
});

describe("streams", () => {
  const p = pool([
    c("cec-low", 450, t("10:00"), ["general", "cec"]),
    c("fsw-high", 520, t("10:00"), ["general", "fsw"]),
    c("nurse", 470, t("10:00"), ["general", "fsw", "healthcare-social-services@2025-v2"]),
    c("maybe-nurse", 500, t("09:00"), ["general", "fsw"], ["healthcare-social-services@2025-v2"]),
  ]);

  it("a program round invites only that program's candidates", () => {
    const r = runRound(p, { date: "2025-06-01", stream: "cec", size: 10 });
    expect(invitedIds(r)).toEqual(["cec-low"]);
  });

  it("a category round uses the list version in force on the round's date, and skips unknown eligibility", () => {
    const r = runRound(p, { date: "2025-06-01", stream: "healthcare-social-services", size: 10 });
    expect(r.stream).toMatchObject({ key: "healthcare-social-services@2025-v2", version: "2025-v2" });
    expect(invitedIds(r)).toEqual(["nurse"]);
    expect(r.unknownEligibility).toBe(1);
    // On 2024-06-01 the 2023-v1 list applied, which nobody here is recorded against.
    expect(runRound(p, { date: "2024-06-01", stream: "healthcare-social-services", size: 10 }).invited).toBe(
      0,
    );
  });

  it("an unknown stream names the allowed ones", () => {
    expect(() => resolveStream("nurses", "2025-06-01")).toThrow(/allowed: general \| cec/);
    expect(() => resolveStream("agriculture-agri-food", "2026-06-01")).toThrow(/no list version/);
  });
});

describe("the streams of IRCC's 2026 rounds", () => {
  // From the feed of 2026-08-07 (round, date, drawName → category and list version per categories.json).
  it.each([
    ["394", "2026-02-06", "french-language-proficiency", "2026-v2"], // the first "French-Language proficiency 2026-Version 2"
    ["397", "2026-02-19", "physicians-canadian-work-experience", "2026-v1"],
    ["398", "2026-02-20", "healthcare-social-services", "2026-v3"],
    ["402", "2026-03-05", "senior-managers-canadian-work-experience", "2026-v1"],
    ["408", "2026-04-02", "trades", "2026-v3"],
    ["430", "2026-07-23", "skilled-military-recruits", "2026-v1"],
    ["434", "2026-08-07", "transport", "2026-v2"],
  ])("round %s (%s) resolves to %s@%s", (round, date, id, version) => {
    const fromFeed = bundledRounds().find((r) => r.round === round)!;
    expect(fromFeed).toMatchObject({ date, stream: { id, version } });
    expect(resolveStream(id, date)).toMatchObject({ id, key: `${id}@${version}`, version });
  });

  it("every category round of the feed resolves to the list version its name says", () => {
    for (const r of bundledRounds()) {
      if (r.stream.kind !== "category") continue;
      expect([r.round, resolveStream(r.stream.id, r.date).version]).toEqual([r.round, r.stream.version]);
    }
  });

  it("a 2026 category round invites the candidates of that version's list, and not those of the previous one", () => {
    const p = pool([
      c("trades-2025", 480, t("10:00"), ["general", "fsw", "trades@2025-v2"]),
      c("trades-2026", 470, t("10:00"), ["general", "fsw", "trades@2026-v3"]),
      c("unknown-2026", 490, t("10:00"), ["general", "fsw"], ["trades@2026-v3"]),
    ]);
    const r = runRound(p, { date: "2026-04-02", stream: "trades", size: 10 });
    expect(r.stream.key).toBe("trades@2026-v3");
    expect(invitedIds(r)).toEqual(["trades-2026"]);
    expect(r.unknownEligibility).toBe(1);
  });
});

describe("law: the engine agrees with a plain sort", () => {
  it("same invited set as sorting all eligible by (score desc, time asc, pool order)", () => {
    const candidate = fc.record({
      crs: fc.integer({ min: 440, max: 460 }),
      minute: fc.integer({ min: 0, max: 5 }),
      cec: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (list, size) => {
        const cands = list.map((x, i) =>
          c(`id${i}`, x.crs, `2025-01-10T10:0${x.minute}:00Z`, x.cec ? ["general", "cec"] : ["general"]),
        );
        const r = runRound(pool(cands), { date: "2025-02-01", stream: "cec", size });
        const expected = cands
          .map((x, i) => ({ ...x, i }))
          .filter((x) => x.eligible.includes("cec"))
          .sort((a, b) => b.crs - a.crs || a.submittedAt.localeCompare(b.submittedAt) || a.i - b.i)
          .slice(0, size);
        const last = expected[expected.length - 1];
        const lastAtCutoff = expected.filter((x) => x.crs === last?.crs).pop();
        expect(invitedIds(r)).toEqual(expected.map((x) => x.id));
        expect(r.cutoff).toBe(last ? last.crs : null);
        expect(r.tieBreakAt).toBe(lastAtCutoff ? lastAtCutoff.submittedAt : null);
      }),
    );
  });
});

describe("bad pool input", () => {
  it("names the field and the allowed values", () => {
    expect(() => pool([c("a", 1300, t("10:00"))])).toThrow(/crs must be an integer from 0 to 1200/);
    expect(() => pool([c("a", 400, "yesterday")])).toThrow(/submittedAt/);
    expect(() => pool([c("a", 400, t("10:00")), c("a", 401, t("10:00"))])).toThrow(/id is used twice/);
    expect(() => pool([c("a", 400, t("10:00"), ["nurses"])])).toThrow(/unknown stream key "nurses"/);
  });
});
