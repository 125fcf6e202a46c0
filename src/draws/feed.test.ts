import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledRounds } from "./bundled.js";
import { FeedError, parseFeed, type RawRow } from "./feed.js";
import { classifyDrawName } from "./streams.js";
import { parseFeedTimestamp } from "./timestamps.js";

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
      "round 379: distribution does not add up: dd3 (451–500) should equal dd4..dd8, but 70000 ≠ 70175",
      "round 379: distribution does not add up: dd18 (total) should equal dd1+dd2+dd3+dd9+dd15+dd16+dd17, but 245706 ≠ 245531",
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

  it("rejects an empty body, an HTML page, truncated JSON and unparseable rows, naming the problem", () => {
    expect(() => parseFeed("")).toThrow(/body is empty/);
    expect(() => parseFeed("  \n")).toThrow(FeedError);
    expect(() => parseFeed("<!DOCTYPE html><html><head><title>Page not found</title>")).toThrow(
      /HTML page \("Page not found"\)/,
    );
    const text = feedOf(round379);
    expect(() => parseFeed(text.slice(0, text.length / 2))).toThrow(/not valid JSON, perhaps truncated/);
    expect(() => parseFeed('{"classes":"x"}')).toThrow(/no "rounds" array/);
    expect(() => parseFeed(feedOf({ ...round379, drawCRS: "n/a" }))).toThrow(
      'round 379: drawCRS "n/a" is not a whole number',
    );
    expect(() => parseFeed(feedOf({ ...round379, drawCutOff: "sometime in December" }))).toThrow(
      /round 379: drawCutOff "sometime in December" is not a date and time/,
    );
    expect(() => parseFeed(feedOf(round379, round379))).toThrow("round 379: published twice");
  });
});

describe("parseFeedTimestamp: the real feed's variants", () => {
  const cases: [string, string, string][] = [
    ["November 14, 2025 at 11:53:39 UTC", "2025-11-14", "2025-11-14T11:53:39Z"],
    ["July 06, 2023 14:25:05 UTC", "2023-07-06", "2023-07-06T14:25:05Z"], // no "at"
    ["April 26,2023 18:10:04 UTC", "2023-04-26", "2023-04-26T18:10:04Z"], // no space after the comma
    ["March 02. 2024 at 01:58:34 UTC", "2024-03-14", "2024-03-02T01:58:34Z"], // a period
    ["February 18 2021 at 05:05:15 UTC", "2022-02-02", "2021-02-18T05:05:15Z"], // no comma
    ["May 31, 2024 at12:48:30 UTC", "2024-05-31", "2024-05-31T12:48:30Z"],
    ["December 12, 2022, at 10:48:12 UTC", "2023-03-01", "2022-12-12T10:48:12Z"],
    [" January 17, 2018 at 12:33:00 UTC", "2018-01-24", "2018-01-17T12:33:00Z"],
    ["July 04, 2023 at  19:36:18 UTC ", "2023-07-11", "2023-07-04T19:36:18Z"], // double space
    ["January 23, 2025 at 2025-01-23 15:30:04 UTC", "2025-01-23", "2025-01-23T15:30:04Z"],
    ["November 11, 2019 at 6:29:10 UTC", "2019-11-27", "2019-11-11T06:29:10Z"],
    ["September 30, 2023 at 04:22:17 AM UTC", "2023-10-25", "2023-09-30T04:22:17Z"],
    ["September 30, 2023 at 04:22:17 PM UTC", "2023-10-25", "2023-09-30T16:22:17Z"],
    ["September 30, 2023 at 12:05:00 AM UTC", "2023-10-25", "2023-09-30T00:05:00Z"],
  ];
  it.each(cases)("%s", (text, roundDate, iso) => {
    expect(parseFeedTimestamp(text, roundDate)?.iso).toBe(iso);
    expect(parseFeedTimestamp(text, roundDate)?.notes).toEqual([]);
  });

  it("notes the assumptions: a missing time zone, a missing year, AM/PM after a 24-hour time", () => {
    expect(parseFeedTimestamp("March 27, 2015 at 23:59:47", "2015-03-27")).toEqual({
      iso: "2015-03-27T23:59:47Z",
      notes: ["no time zone published; read as UTC like the rest of the feed"],
    });
    // Round 208 (2021-10-27) published "October 7 at 16:38:21 UTC".
    expect(parseFeedTimestamp("October 7 at 16:38:21 UTC", "2021-10-27")?.iso).toBe("2021-10-07T16:38:21Z");
    // A month after the round's own month must be the year before.
    expect(parseFeedTimestamp("December 7 at 16:38:21 UTC", "2021-10-27")?.iso).toBe("2020-12-07T16:38:21Z");
    expect(parseFeedTimestamp("June 22, 2021 at 20:19:59 PM UTC", "2021-11-24")?.iso).toBe(
      "2021-06-22T20:19:59Z",
    );
    expect(parseFeedTimestamp("June 22, 2021 at 20:19:59 PM UTC", "2021-11-24")?.notes).toHaveLength(1);
  });

  it("rejects impossible dates and times", () => {
    expect(parseFeedTimestamp("February 30, 2025 at 10:00:00 UTC", "2025-03-01")).toBeNull();
    expect(parseFeedTimestamp("Smarch 3, 2025 at 10:00:00 UTC", "2025-03-01")).toBeNull();
    expect(parseFeedTimestamp("March 3, 2025 at 24:00:00 UTC", "2025-03-01")).toBeNull();
  });

  it("law: any well-formed timestamp reads back to itself, with or without 'at', comma and UTC", () => {
    const months =
      "January February March April May June July August September October November December".split(" ");
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2015-01-01T00:00:00Z"),
          max: new Date("2030-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fc.boolean(),
        fc.boolean(),
        (when, withAt, withComma) => {
          const iso = `${when.toISOString().slice(0, 19)}Z`;
          const [y, mo, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
          const text = `${months[mo - 1]} ${d}${withComma ? "," : ""} ${y} ${withAt ? "at " : ""}${iso.slice(11, 19)} UTC`;
          expect(parseFeedTimestamp(text, iso.slice(0, 10))?.iso).toBe(iso);
        },
      ),
    );
  });
});

describe("the bundled snapshot", () => {
  const rounds = bundledRounds();
  it("holds rounds 1–379 with 91a and 91b, oldest first", () => {
    expect(rounds).toHaveLength(380);
    expect(rounds[0]!.round).toBe("1");
    expect(rounds.at(-1)!.round).toBe("379");
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
