import { describe, expect, it } from "vitest";
import { bundledRounds } from "./bundled.js";
import { FeedError, parseFeed, type RawRow } from "./feed.js";
import { classifyDrawName } from "./streams.js";

// Round 379 as IRCC published it (copied from the feed), the base for the pinned variants below.
const round379: RawRow = {
  drawNumber: "379",
  drawDate: "2025-11-14",
  drawDateFull: "November 14, 2025",
  drawName: "Healthcare and social services occupations (Version 2)",
  drawSize: "3,500",
  drawCRS: "462",
  drawText2: "Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled Trades Program",
  drawDateTime: "November 14, 2025 at 11:53:39 UTC",
  drawCutOff: "December 02, 2024 at 22:19:41 UTC",
  drawDistributionAsOn: "November 9, 2025",
  dd1: "696",
  dd2: "26,414",
  dd3: "70,175",
  dd4: "12,236",
  dd5: "12,315",
  dd6: "15,042",
  dd7: "15,830",
  dd8: "14,752",
  dd9: "68,939",
  dd10: "13,980",
  dd11: "14,320",
  dd12: "12,876",
  dd13: "13,714",
  dd14: "14,049",
  dd15: "52,360",
  dd16: "19,104",
  dd17: "8,018",
  dd18: "245,706",
};
const feedOf = (...rows: RawRow[]) => JSON.stringify({ classes: "wb-tables", rounds: rows });
const zeros = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`dd${i + 1}`, "0"]));

describe("parseFeed", () => {
  it("reads every field of round 379", () => {
    const { rounds, rows, warnings } = parseFeed(feedOf(round379));
    expect(warnings).toEqual([]);
    expect(rows[0]).toEqual(round379);
    const r = rounds[0]!;
    expect(r).toMatchObject({
      round: "379",
      roundNumber: 379,
      date: "2025-11-14",
      size: 3500,
      cutoff: 462,
      drawnAt: "2025-11-14T11:53:39Z",
      tieBreakAt: "2024-12-02T22:19:41Z",
      stream: { kind: "category", id: "healthcare-social-services", version: "2025-v2", recognized: true },
    });
    expect(r.distribution).toMatchObject({
      asOn: "2025-11-09",
      r501to600: 26414,
      r0to300: 8018,
      total: 245706,
    });
  });

  it('reads "91a"/"91b" and orders rounds chronologically', () => {
    const a = { ...round379, drawNumber: "91a", drawDate: "2018-05-30", drawDateFull: "May 30, 2018" };
    const b = { ...a, drawNumber: "91b" };
    const later = { ...round379, drawNumber: "92", drawDate: "2018-06-13", drawDateFull: "June 13, 2018" };
    const { rounds } = parseFeed(feedOf(later, b, a));
    expect(rounds.map((r) => [r.round, r.roundNumber])).toEqual([
      ["91a", 91],
      ["91b", 91],
      ["92", 92],
    ]);
  });

  it("reads the date from drawDateFull when drawDate is not a real calendar date", () => {
    const { rounds } = parseFeed(feedOf({ ...round379, drawDate: "2025-02-30" }));
    expect(rounds[0]!.date).toBe("2025-11-14");
    expect(() => parseFeed(feedOf({ ...round379, drawDate: "2025-02-30", drawDateFull: "" }))).toThrow(
      'round 379: drawDate "2025-02-30" is not a date',
    );
  });

  it("treats all-zero dd fields as not published, never an empty pool", () => {
    const { rounds } = parseFeed(feedOf({ ...round379, ...zeros }));
    expect(rounds[0]!.distribution).toBeNull();
  });

  it("warns, without failing, when IRCC's distribution does not add up (round 247's dd3)", () => {
    // dd4..dd8 = 12,236+12,315+15,042+15,830+14,752 = 70,175; publish 70,000 instead.
    const { rounds, warnings } = parseFeed(feedOf({ ...round379, dd3: "70,000" }));
    expect(rounds[0]!.distribution!.r451to500).toBe(70000);
    expect(warnings).toEqual([
      'round 379: dd3 "70,000" looks wrong (distribution does not add up: dd3 (451–500) should equal dd4..dd8, but 70000 ≠ 70175); kept as read',
      'round 379: dd18 "245,706" looks wrong (distribution does not add up: dd18 (total) should equal dd1+dd2+dd3+dd9+dd15+dd16+dd17, but 245706 ≠ 245531); kept as read',
    ]);
    expect(rounds[0]!.issues.map((i) => [i.kind, i.field])).toEqual([
      ["implausible", "dd3"],
      ["implausible", "dd18"],
    ]);
  });

  it("classifies an unknown round name as an unrecognized category with a warning", () => {
    const { rounds, warnings } = parseFeed(feedOf({ ...round379, drawName: "Researchers, 2027-Version 1" }));
    expect(rounds[0]!.stream).toEqual({
      kind: "category",
      id: "unrecognized-researchers-2027-version-1",
      version: null,
      recognized: false,
    });
    expect(rounds[0]!.name).toBe("Researchers, 2027-Version 1");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"Researchers, 2027-Version 1"');
  });

  it("rejects a broken feed as a whole: empty, HTML, truncated, no rounds, a round twice with other facts", () => {
    expect(() => parseFeed("")).toThrow(/body is empty/);
    expect(() => parseFeed("  \n")).toThrow(FeedError);
    expect(() => parseFeed("<!DOCTYPE html><html><head><title>Page not found</title>")).toThrow(
      /HTML page \("Page not found"\)/,
    );
    const text = feedOf(round379);
    expect(() => parseFeed(text.slice(0, text.length / 2))).toThrow(/not valid JSON, perhaps truncated/);
    expect(() => parseFeed('{"classes":"x"}')).toThrow(/no "rounds" array/);
    expect(() => parseFeed("{")).toThrow(/not valid JSON/);
    expect(() => parseFeed(feedOf({ ...round379, drawNumber: "three" }))).toThrow(/not a round number/);
    expect(() => parseFeed(feedOf(round379, { ...round379, drawCRS: "463" }))).toThrow(
      "round 379: published twice with different facts",
    );
  });

  it("reads the same row published twice once, with a warning", () => {
    const { rounds, warnings } = parseFeed(feedOf(round379, round379));
    expect(rounds).toHaveLength(1);
    expect(warnings).toEqual(["round 379: published twice, identically; read once"]);
  });

  it("keeps a round whose cut-off cannot be read, incomplete, with the published text", () => {
    const { rounds, warnings } = parseFeed(feedOf({ ...round379, drawCRS: "n/a" }));
    expect(rounds[0]).toMatchObject({ round: "379", cutoff: null, size: 3500, incomplete: true });
    expect(rounds[0]!.issues).toEqual([
      { kind: "unreadable", field: "drawCRS", text: "n/a", problem: "not a whole number" },
    ]);
    expect(warnings).toEqual([
      'round 379: drawCRS "n/a" cannot be read (not a whole number); stored as null',
      "round 379: incomplete (no readable cut-off); listed without it",
    ]);
  });

  it("keeps a round whose tie-break cannot be read, its tie-break null", () => {
    const { rounds, warnings } = parseFeed(feedOf({ ...round379, drawCutOff: "sometime in December" }));
    expect(rounds[0]).toMatchObject({ tieBreakAt: null, cutoff: 462, incomplete: false });
    expect(warnings).toEqual([
      'round 379: drawCutOff "sometime in December" cannot be read (not one certain date and time); stored as null',
    ]);
  });

  it("keeps a round whose distribution date cannot be read, without its distribution", () => {
    const { rounds, warnings } = parseFeed(feedOf({ ...round379, drawDistributionAsOn: "November 2025" }));
    expect(rounds[0]).toMatchObject({ distribution: null, cutoff: 462 });
    expect(warnings).toEqual([
      'round 379: drawDistributionAsOn "November 2025" cannot be read (not a date); stored as null',
    ]);
  });

  it("flags implausible values and keeps them: separators out of place, CRS above 1,200, dates", () => {
    const { rounds } = parseFeed(
      feedOf({
        ...round379,
        drawSize: "1,2,3",
        drawCRS: "1,462",
        drawCutOff: "December 02, 2025 at 22:19:41 UTC",
      }),
      { fetchedOn: "2025-11-13" },
    );
    expect(rounds[0]).toMatchObject({ size: 123, cutoff: 1462, tieBreakAt: "2025-12-02T22:19:41Z" });
    expect(rounds[0]!.issues.map((i) => [i.kind, i.field])).toEqual([
      ["implausible", "drawSize"],
      ["implausible", "drawCRS"],
      ["implausible", "drawDate"],
      ["implausible", "drawCutOff"],
    ]);
  });
});

describe("the bundled snapshot", () => {
  const rounds = bundledRounds();
  it("holds IRCC's feed of 2026-08-07: rounds 1–434 with 91a and 91b, oldest first", () => {
    // The feed's 435 rows: its first row is round 434 of 2026-08-07, its last round 1 of 2015-01-31.
    expect(rounds).toHaveLength(435);
    expect(rounds[0]).toMatchObject({ round: "1", date: "2015-01-31" });
    expect(rounds.at(-1)).toMatchObject({ round: "434", date: "2026-08-07", size: 300, cutoff: 470 });
    // The earlier snapshot's end, unchanged: round 379 of 2025-11-14, healthcare, 3,500 at 462.
    expect(rounds.find((r) => r.round === "379")).toMatchObject({
      date: "2025-11-14",
      size: 3500,
      cutoff: 462,
    });
    expect(rounds.filter((r) => r.roundNumber === 91).map((r) => r.round)).toEqual(["91a", "91b"]);
  });
  it("reads round 284, the lowest healthcare cut-off (422 on 2024-02-14)", () => {
    const r = rounds.find((x) => x.round === "284")!;
    expect(r).toMatchObject({
      date: "2024-02-14",
      cutoff: 422,
      size: 3500,
      tieBreakAt: "2024-01-30T02:39:54Z",
    });
    expect(r.stream).toMatchObject({ id: "healthcare-social-services", version: "2023-v1" });
  });
  it("recognizes every round name of the snapshot", () => {
    expect(rounds.filter((r) => !r.stream.recognized)).toEqual([]);
  });
});

describe("classifyDrawName", () => {
  it("maps general, program and category names", () => {
    expect(classifyDrawName("No Program Specified").stream.id).toBe("general");
    expect(classifyDrawName("General").stream.id).toBe("general");
    expect(classifyDrawName("Canadian Experience Class").stream).toEqual({
      kind: "program",
      id: "cec",
      version: null,
      recognized: true,
    });
    expect(classifyDrawName("Provincial Nominee Program").stream.id).toBe("pnp");
    expect(classifyDrawName("Federal Skilled Trades").stream.id).toBe("fst");
    expect(classifyDrawName("Federal Skilled Worker").stream.id).toBe("fsw");
    expect(classifyDrawName("French-Language proficiency 2026-Version 2").stream).toMatchObject({
      id: "french-language-proficiency",
      version: "2026-v2",
    });
  });
});
