// Draw reports. Expectations are worked out by hand from IRCC's feed (the rounds are listed in the
// comments), not by re-running the code under test.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, median, streamStats } from "./analytics.js";
import { bundledRounds } from "./bundled.js";
import { formatCount, formatDate, ordinal } from "./format.js";
import { aboveCutoff, drawReport, ReportError, renderReport } from "./report.js";
import type { PoolDistribution, Round } from "./round.js";
import { classifyDrawName } from "./streams.js";

const rounds = bundledRounds();

// Healthcare rounds in the feed (round, date, size, cut-off):
//   v1: 252 2023-06-28 500 476 · 255 2023-07-06 1,500 463 · 271 2023-10-26 3,600 431
//       284 2024-02-14 3,500 422 · 301 2024-07-05 3,750 445 · 327 2024-11-20 3,000 463
//   v2: 345 2025-05-02 500 510 · 349 2025-06-04 500 504 · 357 2025-07-22 4,000 475
//       362 2025-08-19 2,500 470 · 373 2025-10-15 2,500 472 · 379 2025-11-14 3,500 462
describe("the report for round 379", () => {
  const report = drawReport(rounds, "379");

  it("carries the facts as JSON fields", () => {
    expect(report).toMatchObject({
      round: "379",
      date: "2025-11-14",
      stream: { kind: "category", id: "healthcare-social-services", version: "2025-v2" },
      size: 3500,
      cutoff: 462,
      tieBreakAt: "2024-12-02T22:19:41Z",
      streamOrdinalInYear: 6, // 345, 349, 357, 362, 373, 379
      sizeRankInYear: 2, // 4,000 (357) is larger
      sizeRankTied: false,
      cutoffRankInVersion: 1, // 462 < 470, 472, 475, 504, 510
      roundsInVersion: 6,
      cutoffRankInYear: 1,
      lowestCutoffEver: { round: "284", cutoff: 422 },
      highestCutoffEver: { round: "345", cutoff: 510 },
      roundsInStreamEver: 12,
      previousInStream: { round: "373", cutoff: 472, size: 2500 },
      changeFromPrevious: { cutoff: -10, size: 1000, days: 30 },
    });
    // Pool on 2025-11-09: above 462 are 601+ (696), 501–600 (26,414), 491–500 (12,236),
    // 481–490 (12,315), 471–480 (15,042) = 66,703, plus an unknown part of 461–470 (15,830).
    expect(report.aboveCutoffInPool).toEqual({
      asOn: "2025-11-09",
      atLeast: 66703,
      atMost: 82533,
      exact: false,
      splitRange: { from: 461, to: 470, count: 15830 },
      poolTotal: 245706,
    });
    expect(report.recentRounds.map((r) => r.round)).toEqual(["379", "378", "377", "376", "375", "374"]);
  });

  it("says it in English: sixth of 2025, second largest, lowest of its list version, the all-time lowest named", () => {
    const text = renderReport(report, "en", "md");
    expect(text).toContain("It was the sixth healthcare and social services round of 2025");
    expect(text).toContain("the second largest of the year in its category");
    expect(text).toContain(
      "Its cut-off of 462 was the lowest of the 6 healthcare and social services rounds under list version 2025-v2",
    );
    expect(text).toContain("the lowest of the 2025 healthcare and social services rounds");
    expect(text).toContain(
      "The lowest healthcare and social services cut-off up to this round (all list versions) was 422, in round 284 (14 February 2024).",
    );
    expect(text).not.toMatch(/462[^.]*lowest[^.]*(ever|up to then)/);
    expect(text).toContain("Tie-breaking rule: 2 December 2024 at 22:19:41 UTC");
    expect(text).toContain(
      "Round 373 (15 October 2025, 30 days earlier) invited 2,500 with a cut-off of 472",
    );
    expect(text).toContain("1,000 more invitations, with a cut-off 10 points lower");
    expect(text).toContain("between 66,703 and 82,533 had a CRS score above 462");
  });

  it("says it in French, and that the French stream names are our translation", () => {
    const text = renderReport(report, "fr", "md");
    expect(text).toContain("C'était la sixième ronde du volet");
    expect(text).toContain("la deuxième plus importante de l'année");
    expect(text).toContain("la plus basse des 6 rondes de la version 2025-v2 de la liste");
    expect(text).toContain(
      "Jusqu'à cette ronde, la note limite la plus basse de ce volet (toutes versions de la liste confondues) a été de 422, à la ronde 284 (14 février 2024).",
    );
    expect(text).toContain("3\u00a0500");
    expect(text).toContain("notre traduction");
  });

  it("renders the same facts as JSON", () => {
    const json = JSON.parse(renderReport(report, "en", "json"));
    expect(json.streamOrdinalInYear).toBe(6);
    expect(json.lowestCutoffEver).toEqual({ round: "284", date: "2024-02-14", cutoff: 422 });
  });
});

// French-language proficiency rounds in the feed of 2026-08-07 (round, date, size, cut-off), all under
// "French-Language proficiency 2026-Version 2":
//   394 2026-02-06 8,500 400 · 401 2026-03-04 5,500 397 · 405 2026-03-18 4,000 393 · 411 2026-04-15 4,000 419
//   414 2026-04-29 4,000 400 · 418 2026-05-28 4,500 409 · 425 2026-07-09 5,000 420 · 429 2026-07-22 5,000 399
//   433 2026-08-06 5,000 391
// Across both list versions (35 rounds since 2023), the lowest is 336 (287, 2024-02-29), the highest 486 (270).
describe("the report for round 433 (2026, French-language proficiency 2026-Version 2)", () => {
  const report = drawReport(rounds, "433");

  it("carries the facts worked out from the feed", () => {
    expect(report).toMatchObject({
      round: "433",
      date: "2026-08-06",
      name: "French-Language proficiency 2026-Version 2",
      nameFr: "Compétence linguistique en français 2026-Version 2",
      stream: { kind: "category", id: "french-language-proficiency", version: "2026-v2", recognized: true },
      size: 5000,
      cutoff: 391,
      tieBreakAt: "2026-03-18T23:32:40Z", // "March 18, 2026 at 23:32:40 UTC"
      drawnAt: "2026-08-06T11:29:10Z", // "August 06, 2026 at 11:29:10 UTC"
      streamOrdinalInYear: 9,
      sizeRankInYear: 3, // 8,500 and 5,500 are larger; 425, 429 and 433 share 5,000
      sizeRankTied: true,
      cutoffRankInYear: 1, // 391 < 393 (405)
      cutoffRankInYearTied: false,
      cutoffRankInVersion: 1,
      roundsInVersion: 9,
      lowestCutoffEver: { round: "287", date: "2024-02-29", cutoff: 336 },
      highestCutoffEver: { round: "270", cutoff: 486 },
      roundsInStreamEver: 35,
      previousInStream: { round: "429", date: "2026-07-22", cutoff: 399, size: 5000 },
      changeFromPrevious: { cutoff: -8, size: 0, days: 15 },
    });
    // Pool on 2026-08-03 (dd1..dd18): above 391 are 601+ (500), 501–600 (19,705), 451–500 (73,099) and
    // 401–450 (60,905) = 154,209, plus an unknown part of 351–400 (50,107) → at most 204,316; total 229,100.
    expect(report.aboveCutoffInPool).toEqual({
      asOn: "2026-08-03",
      atLeast: 154209,
      atMost: 204316,
      exact: false,
      splitRange: { from: 351, to: 400, count: 50107 },
      poolTotal: 229100,
    });
    expect(report.recentRounds.map((r) => [r.round, r.nameFr])).toEqual([
      ["433", "Compétence linguistique en français 2026-Version 2"],
      ["432", "Catégorie de l’expérience canadienne"],
      ["431", "Programme des candidats des provinces"],
      ["430", null], // Skilled Military Recruits, 2026-Version 1: IRCC's French name unknown
      ["429", "Compétence linguistique en français 2026-Version 2"],
      ["428", "Catégorie de l’expérience canadienne"],
    ]);
  });

  it("says it in English", () => {
    const text = renderReport(report, "en", "md");
    expect(text).toContain("# Round 433, 6 August 2026: French-Language proficiency 2026-Version 2");
    expect(text).toContain("Category-based round: French-language proficiency, list version 2026-v2.");
    expect(text).toContain(
      "It was the ninth French-language proficiency round of 2026, and tied for the third largest",
    );
    expect(text).toContain(
      "Its cut-off of 391 was the lowest of the 9 French-language proficiency rounds under list version 2026-v2, and the lowest of the 2026 French-language proficiency rounds.",
    );
    expect(text).toContain("was 336, in round 287 (29 February 2024)");
    expect(text).toContain("Tie-breaking rule: 18 March 2026 at 23:32:40 UTC");
    expect(text).toContain("Round 429 (22 July 2026, 15 days earlier) invited 5,000 with a cut-off of 399");
    expect(text).toContain("the same number of invitations, with a cut-off 8 points lower");
    expect(text).toContain("between 154,209 and 204,316 had a CRS score above 391");
  });

  it("says it in French with IRCC's French round names, marking the one it does not know", () => {
    const text = renderReport(report, "fr", "md");
    expect(text).toContain("# Ronde 433, 6 août 2026 : Compétence linguistique en français 2026-Version 2");
    expect(text).toContain("C'était la neuvième ronde du volet");
    expect(text).toContain("la troisième plus importante (à égalité) de l'année");
    expect(text).toContain("la plus basse des 9 rondes de la version 2026-v2 de la liste");
    expect(text).toContain("| 432 | 2026-08-05 | Catégorie de l’expérience canadienne | 3\u00a0000 | 516 |");
    expect(text).toContain(
      "| 430 | 2026-07-23 | Skilled Military Recruits, 2026-Version 1 (en anglais) | 4 | 368 |",
    );
    expect(text).toContain("son nom officiel en français ne figure pas dans nos données");
    expect(text).toContain("La ronde 429 (22 juillet 2026, 15 jours plus tôt) a invité 5\u00a0000 candidats");
    expect(text).toContain("le même nombre d'invitations, une note limite inférieure de 8 points");
  });
});

// Transport rounds: 264 2023-09-20 1,000 435 · 277 2023-12-20 670 435 · 289 2024-03-13 975 430 (Version 1),
// then 434 2026-08-07 300 470 ("Transport Occupations, 2026-Version 2"), 877 days after 289.
describe("the report for round 434 (transport 2026-Version 2, the feed's latest)", () => {
  const report = drawReport(rounds, "434");

  it("carries the facts worked out from the feed", () => {
    expect(report).toMatchObject({
      round: "434",
      date: "2026-08-07",
      nameFr: null,
      stream: { kind: "category", id: "transport", version: "2026-v2" },
      size: 300,
      cutoff: 470,
      tieBreakAt: "2025-10-11T14:55:49Z",
      streamOrdinalInYear: 1,
      roundsInVersion: 1,
      lowestCutoffEver: { round: "289", cutoff: 430 },
      highestCutoffEver: { round: "434", cutoff: 470 },
      roundsInStreamEver: 4,
      previousInStream: { round: "289", date: "2024-03-13", cutoff: 430, size: 975 },
      changeFromPrevious: { cutoff: 40, size: -675, days: 877 },
    });
    expect(report.recentRounds.map((r) => r.round)).toEqual(["434", "433", "432", "431", "430", "429"]);
    // 470 is the top of the 461–470 range: above it, exactly 601+ (500), 501–600 (19,705), 491–500 (12,939),
    // 481–490 (12,890) and 471–480 (16,368) = 62,402 of 229,100 on 2026-08-03.
    expect(report.aboveCutoffInPool).toMatchObject({
      atLeast: 62402,
      atMost: 62402,
      exact: true,
      poolTotal: 229100,
    });
  });

  it("says it in English and in French, the French name marked as published in English", () => {
    const en = renderReport(report, "en", "md");
    expect(en).toContain("It was the first round under list version 2026-v2.");
    expect(en).toContain("It was the highest transport cut-off up to then (all list versions).");
    expect(en).toContain("Round 289 (13 March 2024, 877 days earlier) invited 975 with a cut-off of 430");
    expect(en).toContain("675 fewer invitations, with a cut-off 40 points higher");
    const fr = renderReport(report, "fr", "md");
    expect(fr).toContain("# Ronde 434, 7 août 2026 : Transport Occupations, 2026-Version 2 (en anglais)");
    expect(fr).toContain("C'était la première ronde de la version 2026-v2 de la liste.");
    expect(fr).toContain("Le nom du volet « Professions du transport » est notre traduction");
    expect(fr).toContain("675 invitations de moins, une note limite supérieure de 40 points");
  });
});

describe("a round under a name never seen before", () => {
  it("is reported under IRCC's exact name, as an unrecognised category, in English and French", () => {
    const name = "Researchers  with Canadian Work Experience, 2026-Version 1";
    const withNew = [
      ...rounds,
      {
        ...rounds.at(-1)!,
        round: "435",
        roundNumber: 435,
        date: "2026-08-20",
        name,
        stream: classifyDrawName(name).stream,
      },
    ];
    const report = drawReport(withNew, "435");
    expect(report.stream).toMatchObject({ kind: "category", recognized: false, version: null });
    expect(report).toMatchObject({ name, nameFr: null, streamLabel: { en: name, fr: name } });
    expect(renderReport(report, "en", "md")).toContain(`under a name not in our category data ("${name}")`);
    const fr = renderReport(report, "fr", "md");
    expect(fr).toContain(`# Ronde 435, 20 août 2026 : ${name} (en anglais)`);
    expect(fr).toContain(`sous un nom absent de nos données (« ${name} »)`);
  });
});

describe("the same generator on other rounds", () => {
  it("round 284: the lowest healthcare cut-off up to then, first of 2024", () => {
    const r = drawReport(rounds, "284");
    expect(r).toMatchObject({
      streamOrdinalInYear: 1,
      sizeRankInYear: 1,
      cutoffRankInVersion: 1, // 422 < 431, 463, 476
      roundsInVersion: 4,
      lowestCutoffEver: { round: "284", cutoff: 422 },
      highestCutoffEver: { round: "252", cutoff: 476 },
      previousInStream: { round: "271", cutoff: 431, size: 3600 },
      // 2023-10-26 → 2024-02-14: 5 + 30 + 31 + 31 + 14 days
      changeFromPrevious: { cutoff: -9, size: -100, days: 111 },
    });
    const text = renderReport(r, "en", "md");
    expect(text).toContain("It was the first healthcare and social services round of 2024.");
    expect(text).toContain(
      "Its cut-off of 422 was the lowest of the 4 healthcare and social services rounds under list version 2023-v1.",
    );
    expect(text).toContain(
      "It was the lowest healthcare and social services cut-off up to then (all list versions).",
    );
    expect(text).toContain("The highest was 476, in round 252 (28 June 2023).");
  });

  it("round 345: first of list version 2, the highest healthcare cut-off so far, and it knows nothing of later rounds", () => {
    const r = drawReport(rounds, "345");
    expect(r).toMatchObject({
      streamOrdinalInYear: 1,
      cutoffRankInVersion: 1,
      roundsInVersion: 1,
      lowestCutoffEver: { round: "284", cutoff: 422 },
      highestCutoffEver: { round: "345", cutoff: 510 },
      previousInStream: { round: "327", cutoff: 463, size: 3000 },
      roundsInStreamEver: 7,
    });
    const text = renderReport(drawReport(rounds, "345"), "en", "md");
    expect(text).toContain("It was the first healthcare and social services round of 2025.");
    expect(text).toContain("It was the first round under list version 2025-v2.");
    expect(text).toContain(
      "It was the highest healthcare and social services cut-off up to then (all list versions).",
    );
    expect(text).toContain(
      "The lowest healthcare and social services cut-off up to this round (all list versions) was 422",
    );
  });

  it("round 271 (431) is reported as the lowest up to then, although 284 (422) went lower later", () => {
    const text = renderReport(drawReport(rounds, "271"), "en", "md");
    expect(text).toContain(
      "It was the lowest healthcare and social services cut-off up to then (all list versions).",
    );
    expect(text).not.toContain("422");
  });

  // CEC rounds of 2025 (round, size, cut-off): 332 1,350 542 · 333 4,000 527 · 335 4,000 521 ·
  // 347 500 547 · 351 3,000 529 · 353 3,000 521 · 355 3,000 518 · 359 1,000 534 · 364 1,000 534 ·
  // 370 1,000 534 · 375 1,000 533 · 378 1,000 533
  it("ranks ties the usual way (1, 2, 2, 4)", () => {
    // 335: sizes so far 1,350, 4,000, 4,000 → tied for largest.
    expect(drawReport(rounds, "335")).toMatchObject({
      sizeRankInYear: 1,
      sizeRankTied: true,
      streamOrdinalInYear: 3,
    });
    // 347: 500 is the fourth largest of 1,350, 4,000, 4,000, 500 (1, 2, 2, 4 → 4).
    expect(drawReport(rounds, "347")).toMatchObject({ sizeRankInYear: 4, sizeRankTied: false });
    // 364: six rounds were larger than 1,000, and 359 was also 1,000 → 7, tied; five cut-offs were
    // below 534 (527, 521, 529, 521, 518) and 359 also had 534 → 6, tied.
    expect(drawReport(rounds, "364")).toMatchObject({
      streamOrdinalInYear: 9,
      sizeRankInYear: 7,
      sizeRankTied: true,
      cutoffRankInYear: 6,
      cutoffRankInYearTied: true,
    });
    const text = renderReport(drawReport(rounds, "364"), "en", "md");
    expect(text).toContain(
      "It was the ninth Canadian Experience Class round of 2025, and tied for the seventh largest",
    );
  });

  it('orders "91a" before "91b" (same day) and never looks past the round', () => {
    const r = drawReport(rounds, "91a");
    expect(r.recentRounds.map((x) => x.round)).toEqual(["91a", "90", "89", "88", "87", "86"]);
    expect(r.stream).toMatchObject({ kind: "program", id: "fst" });
  });

  it("round 1: the first general round, no distribution published", () => {
    const r = drawReport(rounds, "1");
    expect(r).toMatchObject({ previousInStream: null, changeFromPrevious: null, aboveCutoffInPool: null });
    const text = renderReport(r, "en", "md");
    expect(text).toContain("It was the first general round of 2015.");
    expect(text).toContain("It was the first general round.");
    expect(text).toContain("This was the first general round.");
    expect(text).toContain("IRCC did not publish the pool's score distribution for this round.");
    expect(text).toContain("Tie-breaking rule: not published for this round");
  });

  it("latest is the last round; an unknown round is a clear error", () => {
    // The feed of 2026-08-07 lists round 434 (2026-08-07, transport) first, its latest.
    expect(drawReport(rounds, "latest")).toMatchObject({ round: "434", date: "2026-08-07" });
    // As of the earlier snapshot (rounds to 2025-11-14), 379 was the latest.
    const to2025 = rounds.filter((r) => r.date <= "2025-11-14");
    expect(drawReport(to2025, "latest").round).toBe("379");
    expect(() => drawReport(rounds, "999")).toThrow(ReportError);
    expect(() => drawReport(rounds, "999")).toThrow(/"999" is not a stored round \(allowed: .*1 to 434/);
  });

  it("law: a report depends only on its round and the ones before it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rounds.length - 1 }), (i) => {
        const id = rounds[i]!.round;
        expect(drawReport(rounds.slice(0, i + 1), id)).toEqual(drawReport(rounds, id));
      }),
      { numRuns: 60 },
    );
  });

  it("law: the ranks and ordinals stay within the counts they rank", () => {
    for (const round of rounds) {
      const r = drawReport(rounds, round.round);
      expect(r.sizeRankInYear).toBeLessThanOrEqual(r.streamOrdinalInYear);
      expect(r.cutoffRankInYear).toBeLessThanOrEqual(r.streamOrdinalInYear);
      expect(r.cutoffRankInVersion).toBeLessThanOrEqual(r.roundsInVersion);
      expect(r.lowestCutoffEver.cutoff).toBeLessThanOrEqual(r.cutoff);
      expect(r.highestCutoffEver.cutoff).toBeGreaterThanOrEqual(r.cutoff);
    }
  });
});

describe("aboveCutoff", () => {
  const pool: PoolDistribution = {
    asOn: "2025-01-01",
    r601to1200: 10,
    r501to600: 100,
    r451to500: 150,
    r491to500: 10,
    r481to490: 20,
    r471to480: 30,
    r461to470: 40,
    r451to460: 50,
    r401to450: 15,
    r441to450: 1,
    r431to440: 2,
    r421to430: 3,
    r411to420: 4,
    r401to410: 5,
    r351to400: 1000,
    r301to350: 2000,
    r0to300: 3000,
    total: 6275,
  };
  it("is exact when the cut-off is a range's upper bound", () => {
    expect(aboveCutoff(pool, 500)).toMatchObject({
      atLeast: 110,
      atMost: 110,
      exact: true,
      splitRange: null,
    });
    expect(aboveCutoff(pool, 600)).toMatchObject({ atLeast: 10, exact: true });
  });
  it("brackets the count when the cut-off falls inside a range", () => {
    // Above 485: 10 + 100 + 10 = 120, plus up to 20 in 481–490.
    expect(aboveCutoff(pool, 485)).toMatchObject({
      atLeast: 120,
      atMost: 140,
      splitRange: { from: 481, to: 490 },
    });
  });
  it("law: a higher cut-off never has more profiles above it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1199 }), fc.integer({ min: 0, max: 1199 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = aboveCutoff(pool, lo);
        const high = aboveCutoff(pool, hi);
        expect(high.atLeast).toBeLessThanOrEqual(low.atLeast);
        expect(high.atMost).toBeLessThanOrEqual(low.atMost);
        expect(low.atLeast).toBeLessThanOrEqual(low.atMost);
      }),
    );
  });
});

describe("stats", () => {
  it("healthcare in 2025 as of 2025-11-14: 6 rounds, 13,500 invitations, cut-offs 462/473.5/510, every 33 days", () => {
    const healthcare = streamStats(
      rounds.filter((r) => r.date <= "2025-11-14"),
      { year: 2025 },
    ).find((s) => s.stream === "healthcare-social-services");
    // Sizes 500+500+4,000+2,500+2,500+3,500; cut-offs sorted 462 470 472 475 504 510 → (472+475)/2;
    // gaps 33, 48, 28, 57, 30 days → sorted 28 30 33 48 57 → 33.
    expect(healthcare).toEqual({
      stream: "healthcare-social-services",
      kind: "category",
      rounds: 6,
      incompleteRounds: 0,
      invitations: 13500,
      minCutoff: 462,
      medianCutoff: 473.5,
      maxCutoff: 510,
      firstDate: "2025-05-02",
      lastDate: "2025-11-14",
      typicalSpacingDays: 33,
    });
  });
  it("healthcare in the whole of 2025: 7 rounds with 385 (2025-12-11, 1,000 at 476)", () => {
    const healthcare = streamStats(rounds, { year: 2025 }).find(
      (s) => s.stream === "healthcare-social-services",
    );
    // Sizes 13,500 + 1,000; cut-offs sorted 462 470 472 475 476 504 510 → 475;
    // gaps 33, 48, 28, 57, 30, 27 days → sorted 27 28 30 33 48 57 → (30+33)/2.
    expect(healthcare).toMatchObject({
      rounds: 7,
      invitations: 14500,
      minCutoff: 462,
      medianCutoff: 475,
      maxCutoff: 510,
      lastDate: "2025-12-11",
      typicalSpacingDays: 31.5,
    });
  });
  it("median and day counts", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2); // leap year
  });
});

describe("format", () => {
  it("writes dates, counts and ordinals in each language", () => {
    expect(formatDate("2025-11-01", "fr")).toBe("1er novembre 2025");
    expect(formatDate("2025-11-01", "en")).toBe("1 November 2025");
    expect(formatCount(245706, "en")).toBe("245,706");
    expect(formatCount(245706, "fr")).toBe("245\u00a0706");
    expect(ordinal(22, "en")).toBe("22nd");
    expect(ordinal(13, "en")).toBe("thirteenth");
    expect(ordinal(111, "en")).toBe("111th");
    expect(ordinal(21, "fr")).toBe("21e");
  });
});

describe("reports on rounds IRCC published unreadably", () => {
  const unreadable = (field: string, text: string) => ({
    kind: "unreadable" as const,
    field,
    text,
    problem: "not one certain date and time",
  });

  it("has no report for an incomplete round; 'latest' is the latest complete one", () => {
    const withIncomplete: Round[] = rounds.map((r) =>
      r.round === "434"
        ? { ...r, cutoff: null, incomplete: true, issues: [unreadable("drawCRS", "n/a")] }
        : r,
    );
    expect(() => drawReport(withIncomplete, "434")).toThrow(ReportError);
    expect(() => drawReport(withIncomplete, "434")).toThrow(
      /434 is incomplete \(IRCC's cut-off could not be read\)/,
    );
    // The round before 434 in the feed is 433 (2026-08-06).
    expect(drawReport(withIncomplete, "latest").round).toBe("433");
  });

  it("says a tie-break was published but could not be read, quoting it", () => {
    const text = "October 7 at 16:38:21 UTC";
    const withUnreadable: Round[] = rounds.map((r) =>
      r.round === "379" ? { ...r, tieBreakAt: null, issues: [unreadable("drawCutOff", text)] } : r,
    );
    const report = drawReport(withUnreadable, "379");
    expect(report.unreadableTieBreak).toBe(text);
    expect(renderReport(report, "en", "md")).toContain(`- Tie-breaking rule: published as "${text}"`);
    expect(renderReport(report, "fr", "md")).toContain(`publiée sous la forme « ${text} »`);
  });
});
