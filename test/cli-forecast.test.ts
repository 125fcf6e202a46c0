// `ee forecast`, `ee probability`, `ee backtest` and `ee advise` end to end: the CLI is bundled as
// `npm run build` does it (into a private folder, see ./support/cli.ts) and spawned as a user would run it, on a fresh
// embedded database seeded with the bundled history (IRCC's feed of 2026-08-07: rounds up to 434 of 2026-08-07).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { predictorNames } from "../src/forecast/index.js";
import { singleWorker } from "../src/rules/testProfiles.js";
import { bundledCli } from "./support/cli.js";

const bundled = bundledCli("ee-cli-forecast-");
const ee = (args: string[], input?: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, EE_DATA_DIR: join(bundled.dir, "data") };
  delete env.DATABASE_URL;
  return bundled.run(args, { input, env });
};
const file = bundled.file;

// 29, bachelor's, CLB 9 everywhere, a year in Canada, three abroad: CRS 482.
const worker = singleWorker;
// The same person nominated by a province, with a work history (in Canada only) that proves CEC.
const nominee = {
  ...worker,
  provincialNomination: true,
  workHistory: [{ noc: "21231", from: "2024-06-01", to: null, hoursPerWeek: 40, country: "CA" }],
};

describe("ee forecast", () => {
  it("lists the next rounds as JSON, as of the latest round, warning that the data is old", () => {
    const r = ee(["forecast", "--json"]);
    expect(r.code).toBe(0);
    // Today is long after the snapshot's last round (2026-08-07).
    expect(r.err).toMatch(/latest round in the database is 2026-08-07.*ee draws update/);
    const rows = JSON.parse(r.out) as {
      stream: { kind: string; id: string; version: string | null };
      date: string;
      size: number;
      cutoff: { p10: number; p50: number; p90: number };
    }[];
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      expect(Object.keys(row.stream).sort()).toEqual(["id", "kind", "version"]);
      expect(row.date > "2026-08-07" && row.date <= "2026-10-02").toBe(true); // 8 weeks
      expect(row.cutoff.p10).toBeLessThanOrEqual(row.cutoff.p50);
      expect(row.cutoff.p50).toBeLessThanOrEqual(row.cutoff.p90);
      expect(row.size).toBeGreaterThan(0);
    }
    // PNP's last six rounds: Mondays 2026-05-11, 05-25, 06-22, 07-06, 07-20 and Tuesday 08-04, so a Monday,
    // every other week (Monday-to-Monday spacings 2, 4, 2, 2, 2 weeks): two weeks after the week of 08-03.
    expect(rows.find((x) => x.stream.id === "pnp")?.date).toBe("2026-08-17");
    // The 2026 category streams, each under the list version in force on 2026-08-07 (categories.json).
    const versions = Object.fromEntries(rows.map((x) => [x.stream.id, x.stream.version]));
    expect(versions).toMatchObject({
      "french-language-proficiency": "2026-v2",
      "healthcare-social-services": "2026-v3",
    });
    for (const row of rows) if (row.stream.kind === "category") expect(row.stream.version).toMatch(/^2026/);
  });

  it("forecasts as of an earlier date from the rounds known then, without the warning", () => {
    const r = ee(["forecast", "--as-of", "2025-10-28", "--weeks", "3"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/as of 2025-10-28/);
    expect(r.out).toMatch(/2025-11-10\s+\d+%\s+pnp/);
  });

  it("rejects bad options in one line naming the option and the allowed values", () => {
    for (const [args, message] of [
      [["--weeks", "0"], /--weeks: "0" is not allowed \(allowed: a whole number from 1 to 52\)/],
      [["--as-of", "2025-13-01"], /--as-of: "2025-13-01" is not a date \(allowed: YYYY-MM-DD\)/],
      [
        ["--as-of", "2014-01-01"],
        /--as-of: 2014-01-01 is before the first round \(allowed: 2015-01-31 or later\)/,
      ],
      [["--colour"], /--colour is not understood \(allowed: --weeks \| --as-of/],
    ] as const) {
      const r = ee(["forecast", ...args]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });
});

describe("ee probability", () => {
  it("gives reproducible, non-decreasing probabilities with the rounds most likely to invite", () => {
    const path = file("nominee.json", nominee);
    const a = ee(["probability", path, "--json", "--seed", "3", "--paths", "2000"]);
    const b = ee(["probability", path, "--json", "--seed", "3", "--paths", "2000"]);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const r = JSON.parse(a.out);
    expect(r.within.map((w: { weeks: number }) => w.weeks)).toEqual([2, 4, 8, 12, 26]);
    for (let k = 1; k < r.within.length; k++)
      expect(r.within[k].probability).toBeGreaterThanOrEqual(r.within[k - 1].probability);
    // Assessed as of the latest round (2026-08-07). The work history replaces the year counts: two full years
    // in Canada (from 2024-06-01) and none abroad. From 482: Canadian work 40 → 53 (+13), education with
    // Canadian work 13 → 25 (+12, education combinations 25 + 25 = 50), the 50 foreign-work points go;
    // + 600 nomination: 482 + 13 + 12 − 50 + 600 = 1057, above every PNP cut-off.
    expect(r.asOf).toBe("2026-08-07");
    expect(r.score).toBe(1057);
    expect(r.eligibleStreams).toContain("pnp");
    expect(r.within[4].probability).toBeGreaterThan(0.95);
    expect(r.likelyRounds[0].stream.id).toBe("pnp");
  });

  it("reads the profile from standard input and names each invalid field", () => {
    const r = ee(["probability", "-"], JSON.stringify({ ...worker, age: -3, education: "phd" }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: age: /m);
    expect(r.err).toMatch(/^error: education: .*allowed: .*doctoral/m);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("says when eligibility cannot be decided from the profile, with the chance if eligible", () => {
    const r = ee(["probability", file("worker.json", worker), "--weeks", "8", "--paths", "1000"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/if also eligible for general, fsw, cec/);
    expect(r.out).toMatch(/within {3}8 weeks: +\d+% \(\d+%\)/);
  });
});

describe("ee backtest", () => {
  it("replays rounds without letting a forecast see its own round, as JSON without a progress bar", () => {
    // Pinned to the earlier snapshot's span (its last round was 379 of 2025-11-14).
    const r = ee(["backtest", "--from", "2025-09-01", "--to", "2025-11-14", "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const report = JSON.parse(r.out);
    expect(report.to).toBe("2025-11-14");
    expect(report.rows.length).toBeGreaterThan(10);
    for (const row of report.rows) expect(row.forecastOn < row.date).toBe(true);
    expect(report.overall.naive.cutoffMae).toBeGreaterThan(0);
    // Every row names the cut-off candidate chosen for it; the date errors by cause cover every row.
    for (const row of report.rows) expect(predictorNames).toContain(row.method);
    const byCause = report.dateMisses as { rounds: number }[];
    expect(byCause.reduce((n, m) => n + m.rounds, 0)).toBe(report.rows.length);
  });

  it("prints the table per stream with the baselines, and needs --from", () => {
    const r = ee(["backtest", "--from", "2025-09-01", "--to", "2025-10-31"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}pnp\s+\d+/m);
    expect(r.out).toMatch(/all streams/);
    expect(r.out).toMatch(/^Cut-off forecasts chosen per stream by their recent errors: \S+ \d+/m);
    const missing = ee(["backtest"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--from: required/);
  });
});

describe("ee advise", () => {
  it("ranks possible changes by the chance they add, without echoing the profile", () => {
    const r = ee(["advise", file("worker2.json", worker), "--json", "--assume-eligible", "--paths", "1000"]);
    expect(r.code).toBe(0);
    const advice = JSON.parse(r.out);
    expect(advice.score).toBe(482);
    const ids = advice.actions.map((a: { id: string }) => a.id);
    expect(ids[0]).toBe("provincial-nomination");
    expect(ids).toContain("french-nclc-7");
    const french = advice.actions.find((a: { id: string }) => a.id === "french-nclc-7");
    expect(french.pointsGained).toBe(62);
    expect(french.newScore).toBe(544);
    const work = advice.actions.find((a: { id: string }) => a.id === "canadian-work-plus-one");
    // A year more of Canadian work, counted from the advice's date (the latest round, 2026-08-07).
    expect(work.reachedOn).toBe("2027-08-07");
    expect(advice.actions.every((a: object) => !("profile" in a))).toBe(true);
  });

  it("answers --help on every command", () => {
    for (const command of ["forecast", "probability", "backtest", "advise"]) {
      const r = ee([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: ee ${command}`));
    }
  });
});
