// `ee eligibility`, `ee round run`, `ee pool synthesize|score` and `ee rounds replay` end to end: the CLI is
// bundled the way `npm run build` does it (into a private folder, so parallel test files do not race on dist/;
// see ./support/cli.ts) and spawned as a user would run it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledCli } from "./support/cli.js";

const bundled = bundledCli("ee-cli-rounds-");
const ee = (args: string[], input?: string) => bundled.run(args, { input });
const file = bundled.file;

const nurse = {
  assessedOn: "2025-03-01",
  age: 30,
  education: "bachelors",
  firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
  workHistory: [{ noc: "31301", from: "2024-01-01", to: null, hoursPerWeek: 37.5, country: "CA" }],
};

describe("ee eligibility", () => {
  it("prints programs and categories with reasons", () => {
    const r = ee(["eligibility", file("nurse.json", JSON.stringify(nurse))]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/CEC {2}yes/);
    expect(r.out).toMatch(/healthcare-social-services 2025-v2\s+yes/);
    expect(r.out).toContain("31301 Registered nurses");
  });

  it("--json gives programs and every category version", () => {
    const r = ee(["eligibility", "-", "--json"], JSON.stringify(nurse));
    const report = JSON.parse(r.out);
    expect(report.programs.map((p: { program: string }) => p.program)).toEqual(["fsw", "cec", "fst", "pnp"]);
    expect(report.categories).toHaveLength(21);
    // No funds given: FSW cannot be settled.
    expect(report.programs[0].eligible).toBe("unknown");
  });

  it("a bad field: one line naming the field and the allowed values, exit 1, no stack trace", () => {
    const r = ee(["eligibility", "-"], JSON.stringify({ ...nurse, education: "phd" }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: education: .*allowed: less-than-secondary/m);
    expect(r.err).not.toContain("    at ");
  });

  it("--on assesses as of another date: the 2025 healthcare list then, the 2026 one later", () => {
    const f = file("nurse-on.json", JSON.stringify(nurse));
    const early = JSON.parse(ee(["eligibility", f, "--json", "--on", "2025-06-01"]).out);
    expect(early.assessedOn).toBe("2025-06-01");
    const later = JSON.parse(ee(["eligibility", f, "--json", "--on", "2026-06-01"]).out);
    const inForce = (r: { categories: { category: string; version: string; inForce: unknown }[] }) =>
      r.categories
        .filter((c) => c.category === "healthcare-social-services" && c.inForce === true)
        .map((c) => c.version);
    expect(inForce(early)).toEqual(["2025-v2"]);
    expect(inForce(later)).toEqual(["2026-v3"]);
    expect(ee(["eligibility", f, "--on", "2026-02-30"]).err).toContain("--on: must be a real date");
  });

  it("looks up NOC codes by title words", () => {
    const r = ee(["eligibility", "--noc", "electricians"]);
    expect(r.out).toContain("72200  TEER 2  Electricians (except industrial and power system)");
  });
});

describe("ee round run", () => {
  const lines = [
    { id: "a", submittedAt: "2025-01-01T10:00:00Z", crs: 500, eligible: ["general", "cec"] },
    { id: "b", submittedAt: "2025-01-02T10:00:00Z", crs: 480, eligible: ["general", "fsw"] },
    { id: "c", submittedAt: "2025-01-01T09:00:00Z", crs: 480, eligible: ["general", "cec"] },
    { id: "d", submittedAt: "2025-01-01T08:00:00Z", crs: 470, eligible: ["general", "cec"] },
  ];
  const pool = () => file("pool.jsonl", lines.map((l) => JSON.stringify(l)).join("\n"));

  it("prints invited, cut-off and tie-break time, then a summary", () => {
    const r = ee([
      "round",
      "run",
      "--stream",
      "general",
      "--size",
      "2",
      "--date",
      "2025-02-01",
      "--pool",
      pool(),
    ]);
    expect(r.code).toBe(0);
    const [first, ...rest] = r.out.trim().split("\n");
    expect(JSON.parse(first!)).toEqual({ invited: 2, cutoff: 480, tieBreakAt: "2025-01-01T09:00:00Z" });
    expect(rest.join("\n")).toContain("Invitations expire on 2025-04-02");
  });

  it("--json --ids lists the invited in rank order; a program stream filters", () => {
    const r = ee([
      "round",
      "run",
      "--stream",
      "cec",
      "--size",
      "5",
      "--date",
      "2025-02-01",
      "--pool",
      pool(),
      "--json",
      "--ids",
    ]);
    const out = JSON.parse(r.out);
    expect(out.invitedIds).toEqual(["a", "c", "d"]);
    expect(out.invited).toBe(3);
    expect(out.cutoff).toBe(470);
  });

  it("--out writes the pool without the invited", () => {
    const out = join(bundled.dir, "after.jsonl");
    ee([
      "round",
      "run",
      "--stream",
      "general",
      "--size",
      "1",
      "--date",
      "2025-02-01",
      "--pool",
      pool(),
      "--out",
      out,
    ]);
    const ids = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).id);
    expect(ids).toEqual(["b", "c", "d"]);
  });

  it("profiles in the pool file are scored on the round's date", () => {
    const profiles = [
      { ...nurse, id: "n1", submittedAt: "2025-01-05T00:00:00Z" },
      { ...nurse, id: "n2", submittedAt: "2025-01-04T00:00:00Z" },
    ];
    const f = file("profiles.jsonl", profiles.map((p) => JSON.stringify(p)).join("\n"));
    const r = ee([
      "round",
      "run",
      "--stream",
      "healthcare-social-services",
      "--size",
      "1",
      "--date",
      "2025-03-01",
      "--pool",
      f,
      "--json",
      "--ids",
    ]);
    const out = JSON.parse(r.out);
    expect(out.invitedIds).toEqual(["n2"]);
    expect(out.stream.version).toBe("2025-v2");
    // Scored under the rule set in force on 2025-03-01 (that of 2020-10-20), not left unscored.
    expect(out.pool.ruleSet).toBe("French bonus raised to 25/50");
  });

  it("bad arguments: each problem on its own line naming the flag and the allowed values", () => {
    const r = ee([
      "round",
      "run",
      "--stream",
      "nurses",
      "--size",
      "2",
      "--date",
      "2025-02-01",
      "--pool",
      pool(),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--stream: unknown stream "nurses" \(allowed: general \| cec/);
    const missing = ee(["round", "run", "--size", "x"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--stream: required/);
    expect(missing.err).toMatch(/--size: required/);
    expect(missing.err).toMatch(/--date: required/);
  });

  it("a bad pool line names the line and the field", () => {
    const f = file(
      "bad.jsonl",
      `${JSON.stringify(lines[0])}\n{"id":"x","submittedAt":"2025-01-01T00:00:00Z","age":30}`,
    );
    const r = ee(["round", "run", "--stream", "general", "--size", "1", "--date", "2025-02-01", "--pool", f]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 2: education/);
  });
});

describe("a pool in the database", () => {
  it("ee pool save, then ee round run --db --record: the invited leave the stored pool", () => {
    const dataDir = join(bundled.dir, "db");
    const pool = file(
      "to-save.jsonl",
      [
        { id: "a", submittedAt: "2025-01-01T10:00:00Z", crs: 500, eligible: ["general"] },
        { id: "b", submittedAt: "2025-01-01T09:00:00Z", crs: 490, eligible: ["general"] },
        { id: "c", submittedAt: "2025-01-01T08:00:00Z", crs: 480, eligible: ["general"] },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );
    expect(ee(["pool", "save", pool, "--name", "mine", "--data-dir", dataDir]).out).toContain(
      "saved 3 candidates",
    );
    const run = (record: string) =>
      JSON.parse(
        ee([
          "round",
          "run",
          "--db",
          "mine",
          "--data-dir",
          dataDir,
          "--stream",
          "general",
          "--size",
          "2",
          "--date",
          "2025-02-01",
          "--record",
          record,
          "--json",
          "--ids",
        ]).out,
      );
    expect(run("r1").invitedIds).toEqual(["a", "b"]);
    expect(run("r2").invitedIds).toEqual(["c"]);
    expect(ee(["pool", "list", "--data-dir", dataDir]).out).toContain(
      "mine: 3 candidates, 0 in the pool, 3 invited",
    );
  });
});

describe("ee pool synthesize", () => {
  it("the same seed gives the same pool; lines carry scores, eligibility and the rule set", () => {
    const a = ee(["pool", "synthesize", "--like", "294", "--size", "50", "--seed", "7"]);
    const b = ee(["pool", "synthesize", "--like", "294", "--size", "50", "--seed", "7"]);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const lines = a.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(50);
    expect(lines[0]).toMatchObject({ computedOn: "2024-04-23" });
    expect(lines[0].eligible).toContain("general");
  });

  it("--share changes an eligibility share; a wrong key names the allowed ones", () => {
    const all = ee([
      "pool",
      "synthesize",
      "--like",
      "294",
      "--size",
      "200",
      "--seed",
      "7",
      "--share",
      "cec=1",
    ]);
    const lines = all.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.every((l: { eligible: string[] }) => l.eligible.includes("cec"))).toBe(true);
    const bad = ee([
      "pool",
      "synthesize",
      "--like",
      "294",
      "--size",
      "5",
      "--seed",
      "1",
      "--share",
      "nurses=0.5",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--share: unknown key "nurses" \(allowed: cec \| fsw/);
  });

  it("a round without a distribution is refused with the reason", () => {
    const r = ee(["pool", "synthesize", "--like", "1", "--size", "5", "--seed", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("has no published distribution");
  });
});

describe("ee pool score", () => {
  it("turns profiles into scored candidates with the rule set and date; the profile itself is not written", () => {
    const f = file(
      "to-score.jsonl",
      JSON.stringify({ ...nurse, id: "n1", submittedAt: "2025-01-05T00:00:00Z" }),
    );
    const r = ee(["pool", "score", f, "--date", "2025-03-01"]);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.trim());
    expect(line).toMatchObject({
      id: "n1",
      computedOn: "2025-03-01",
      submittedAt: "2025-01-05T00:00:00Z",
    });
    // The nurse on 2025-03-01: 105 + 120 + 4 × 31 + 40 + 25 + 13 = 427 (worked in src/rounds/candidates.test.ts).
    expect(line.crs).toBe(427);
    expect(line.eligible).toContain("cec");
    expect(line).not.toHaveProperty("workHistory");
    expect(line).not.toHaveProperty("age");
  });
});

describe("ee rounds replay", () => {
  it("--json: every general round with a distribution and a mean absolute error within 10", () => {
    const r = ee(["rounds", "replay", "--json"]);
    const out = JSON.parse(r.out);
    expect(out.rounds).toHaveLength(37);
    expect(Object.keys(out.rounds[0])).toEqual(["round", "actual", "simulated", "error"]);
    expect(out.meanAbsoluteError).toBeLessThanOrEqual(10);
  });
});
