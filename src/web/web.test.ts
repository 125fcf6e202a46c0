// The web app's pure parts: the translation tables, the URL state codec, the profile path updates,
// and the numbers the Draws page charts.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PoolDistribution, Round } from "../draws/index.js";
import { messages } from "./i18n.js";
import { invitationsByMonth, lineBreakDays, lineSegments } from "./pages/draws.js";
import { distributionOn, poolBars } from "./pool.js";
import { getPath, setPath } from "./profile-state.js";
import { decodeState, encodeState, parseRoute } from "./router.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("gives every French message the same placeholders as its English one", () => {
    for (const [key, english] of Object.entries(messages.en)) {
      const french = messages.fr[key as keyof typeof messages.fr];
      expect(placeholders(french), key).toEqual(placeholders(english));
    }
  });

  it("leaves no French message empty or identical to a long English one", () => {
    for (const [key, english] of Object.entries(messages.en)) {
      const french = messages.fr[key as keyof typeof messages.fr];
      expect(french.trim(), key).not.toBe("");
      // Short ones may coincide (API, PTE Core, TEF Canada, "Date"); sentences may not.
      if (english.split(" ").length > 3) expect(french, key).not.toBe(english);
    }
  });
});

describe("URL state", () => {
  it("decodes what it encodes, for any JSON value (law)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(decodeState(encodeState(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("writes only URL-safe characters", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => /^[A-Za-z0-9_-]*$/.test(encodeState(value))));
  });

  it("answers null for text that is not a state, instead of throwing", () => {
    expect(decodeState("%%%")).toBeNull();
    expect(decodeState("bm90IGpzb24")).toBeNull(); // "not json"
  });

  it("routes paths to pages, round numbers as published", () => {
    expect(parseRoute("/")).toEqual({ page: "calculator" });
    expect(parseRoute("/draws/")).toEqual({ page: "draws" });
    expect(parseRoute("/rounds/91a")).toEqual({ page: "round", round: "91a" });
    expect(parseRoute("/rounds/../../etc")).toEqual({ page: "notFound" });
  });
});

describe("profile paths", () => {
  it("sets a nested field without touching the original or its siblings", () => {
    const before = { age: 30, spouse: { accompanying: true, canadianWorkYears: 1 } };
    const after = setPath(before, "spouse.canadianWorkYears", 3);
    expect(after).toEqual({ age: 30, spouse: { accompanying: true, canadianWorkYears: 3 } });
    expect(before.spouse.canadianWorkYears).toBe(1);
    expect(getPath(after, "spouse.canadianWorkYears")).toBe(3);
  });

  it("removes a field set to undefined", () => {
    expect(setPath({ age: 30, spouse: { accompanying: true } }, "spouse", undefined)).toEqual({ age: 30 });
  });
});

const round = (date: string, size: number, distribution: PoolDistribution | null = null): Round => ({
  round: date,
  roundNumber: 1,
  date,
  name: "General",
  programs: "",
  stream: { kind: "general", id: "general", version: null, recognized: true },
  size,
  cutoff: 470,
  incomplete: false,
  drawnAt: null,
  tieBreakAt: null,
  distribution,
  issues: [],
});

describe("draws charts", () => {
  it("starts a new line segment after a pause longer than lineBreakDays, stream by stream", () => {
    const at = (date: string, id: string) => ({ date, stream: { id } }) as Pick<Round, "date" | "stream">;
    expect(lineBreakDays).toBe(180);
    expect(
      lineSegments([
        at("2015-01-31", "cec"),
        at("2015-02-27", "pnp"),
        at("2015-06-01", "cec"),
        at("2020-03-01", "cec"), // a pause of years: a new segment
        at("2020-03-20", "pnp"), // PNP's own pause, counted from PNP's own last round
        at("2020-04-01", "cec"),
      ]),
    ).toEqual(["cec#0", "pnp#0", "cec#0", "cec#1", "pnp#1", "cec#1"]);
  });

  it("adds invitations per month and fills months without rounds with zero", () => {
    const months = invitationsByMonth([
      round("2024-01-10", 1000),
      round("2024-01-24", 1500),
      round("2024-03-05", 700),
    ]);
    // January: 1000 + 1500 = 2500; February: no round; March: 700.
    expect(months.map((m) => [m.month.toISOString().slice(0, 7), m.invitations])).toEqual([
      ["2024-01", 2500],
      ["2024-02", 0],
      ["2024-03", 700],
    ]);
  });

  it("crosses a year end month by month", () => {
    const months = invitationsByMonth([round("2023-11-01", 1), round("2024-02-01", 2)]);
    expect(months.map((m) => m.month.toISOString().slice(0, 7))).toEqual([
      "2023-11",
      "2023-12",
      "2024-01",
      "2024-02",
    ]);
  });

  const distribution = (asOn: string, r0to300: number): PoolDistribution => ({
    asOn,
    r601to1200: 1,
    r501to600: 2,
    r451to500: 15,
    r491to500: 1,
    r481to490: 2,
    r471to480: 3,
    r461to470: 4,
    r451to460: 5,
    r401to450: 40,
    r441to450: 6,
    r431to440: 7,
    r421to430: 8,
    r411to420: 9,
    r401to410: 10,
    r351to400: 20,
    r301to350: 30,
    r0to300,
    total: 108 + r0to300,
  });

  it("takes the latest distribution published on or before the date", () => {
    const rounds = [
      round("2024-01-10", 1, distribution("2024-01-08", 50)),
      round("2024-02-10", 1, distribution("2024-02-07", 60)),
    ];
    expect(distributionOn(rounds, "2024-02-06")?.asOn).toBe("2024-01-08");
    expect(distributionOn(rounds, "2024-02-07")?.asOn).toBe("2024-02-07");
    expect(distributionOn(rounds, "2024-01-01")).toBeNull();
  });

  it("charts ranges that do not overlap and add up to the pool", () => {
    const bars = poolBars(distribution("2024-01-08", 50));
    // 50 + 30 + 20 + (10+9+8+7+6) + (5+4+3+2+1) + 2 + 1 = 158 = total.
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(158);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.from).toBe(bars[i - 1]!.to + 1);
  });
});

describe("the pages index.html declares to the server", () => {
  it("are the pages parseRoute knows, no more and no fewer", () => {
    const html = readFileSync("src/web/index.html", "utf8");
    const content = /<meta name="app-pages" content="([^"]*)"/.exec(html)?.[1] ?? "";
    const patterns = content.split(/\s+/).map((source) => new RegExp(source));
    const declared = (path: string) => patterns.some((p) => p.test(path.replace(/\/+$/, "") || "/"));
    for (const path of ["/", "/draws", "/draws/", "/chances", "/clients", "/rounds/379", "/rounds/91a"]) {
      expect(declared(path), path).toBe(true);
      expect(parseRoute(path).page, path).not.toBe("notFound");
    }
    for (const path of ["/x", "/rounds/", "/rounds/abcd", "/rounds/12345", "/draws/2025", "/clients/F-1"]) {
      expect(declared(path), path).toBe(false);
      expect(parseRoute(path).page, path).toBe("notFound");
    }
  });
});
