// `ee crs` end to end: the CLI is bundled the way `npm run build` does it (into a private folder so
// parallel test files do not race on dist/, see ./support/cli.ts) and spawned as a user would run it.
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { issueExample } from "../src/rules/testProfiles.js";
import { bundledCli } from "./support/cli.js";

const bundled = bundledCli("ee-cli-crs-");
const ee = (args: string[], input?: string) => bundled.run(["crs", ...args], { input });
const file = bundled.file;

describe("ee crs", () => {
  it("prints the explained breakdown of the issue's example (461)", () => {
    const r = ee([file("example.json", issueExample)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^CRS score: 461$/m);
    expect(r.out).toMatch(/rule set of 2025-03-25/);
    expect(r.out).toMatch(
      /First official language\s+119\s+ielts: listening CLB 9, reading CLB 9, writing CLB 9, speaking CLB 10/,
    );
    expect(r.out).toMatch(/reading below NCLC 4/);
    expect(r.out).toMatch(/capped at 50/);
    expect(r.out).toMatch(/warning: secondLanguage: .*"scale": "legacy"/);
  });

  it("--json prints the issue's shape", () => {
    const r = ee([file("example.json", issueExample), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.total).toBe(461);
    expect(j.ruleSet.effectiveFrom).toBe("2025-03-25");
    expect(j.core).toEqual({
      age: 100,
      education: 112,
      firstLanguage: 119,
      secondLanguage: 1,
      canadianWork: 35,
      subtotal: 367,
    });
    expect(j.spouse).toEqual({ education: 2, firstLanguage: 4, canadianWork: 0, subtotal: 6 });
    expect(j.transferability).toEqual({ education: 38, foreignWork: 50, certificate: 0, subtotal: 88 });
    expect(j.additional).toEqual({
      provincialNomination: 0,
      jobOffer: 0,
      canadianEducation: 0,
      french: 0,
      sibling: 0,
      subtotal: 0,
    });
    expect(j.mayBeIncomplete).toBe(false);
  });

  it("reads standard input with -", () => {
    const r = ee(["-", "--json"], JSON.stringify(issueExample));
    expect(JSON.parse(r.out).total).toBe(461);
  });

  it("scores from flags alone (single, master's, IELTS 8/7/7/7.5: 422)", () => {
    const r = ee([
      "--age",
      "29",
      "--education",
      "masters",
      "--ielts",
      "8,7,7,7.5",
      "--assessed-on",
      "2025-11-14",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).total).toBe(422);
  });

  it("flags for a spouse and a legacy-scale TEF result", () => {
    // As the issue's example with the TEF legacy scale: 532 (see src/rules/calculator.test.ts)
    const r = ee([
      ...["--assessed-on", "2025-11-14", "--age", "29", "--education", "bachelors"],
      ...["--ielts", "8,7,7,7.5", "--tef", "316,248,371,371", "--tef-scale", "legacy"],
      ...["--canadian-work", "1", "--foreign-work", "3", "--spouse", "--spouse-education", "secondary"],
      ...["--spouse-language", "clb:5,5,5,5", "--json"],
    ]);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).total).toBe(532);
  });

  it("says plainly that a score on or after 2026-11-03 may be incomplete", () => {
    const r = ee([file("late.json", { ...issueExample, assessedOn: "2026-11-03" })]);
    expect(r.out).toMatch(/CRS score: 461 \(may be incomplete/);
    expect(r.out).toMatch(/not confirmed/);
    const j = JSON.parse(
      ee([file("late.json", { ...issueExample, assessedOn: "2026-11-03" }), "--json"]).out,
    );
    expect(j.mayBeIncomplete).toBe(true);
  });

  it("bad input: exit non-zero, one line per bad field with the allowed values", () => {
    const r = ee([
      ...["--age", "200", "--education", "college", "--ielts", "7.25,7,7,7"],
      ...["--nclc", "13,5,5,5", "--assessed-on", "2014-06-01"],
    ]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines).toContain(
      "error: assessedOn: is before Express Entry and the CRS began (2015-01-01) (allowed: a date on or after 2015-01-01)",
    );
    expect(lines).toContain("error: age: is too large (at most 120)");
    expect(lines.find((l) => l.startsWith("error: education:"))).toContain(
      "allowed: less-than-secondary | secondary",
    );
    expect(lines).toContain(
      "error: firstLanguage.listening: is not a valid ielts listening score (allowed: 0–9 in steps of 0.5)",
    );
    expect(lines).toContain(
      "error: secondLanguage.listening: is not a valid nclc listening score (allowed: whole numbers 0–12)",
    );
    expect(r.err).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  it("TEF without testedOn, and PTE Core before 2024-01-30, are errors saying why", () => {
    const tef = ee([
      "--age",
      "30",
      "--education",
      "bachelors",
      "--tef",
      "400,400,400,400",
      "--assessed-on",
      "2025-01-01",
    ]);
    expect(tef.code).toBe(1);
    expect(tef.err).toMatch(/^error: firstLanguage\.testedOn: is required for TEF Canada/m);
    const pte = ee([
      ...["--age", "30", "--education", "bachelors", "--pte-core", "70,70,70,70"],
      ...["--english-tested-on", "2023-12-01", "--assessed-on", "2025-01-01"],
    ]);
    expect(pte.code).toBe(1);
    expect(pte.err).toMatch(/firstLanguage\.testedOn: PTE Core results are accepted by IRCC from 2024-01-30/);
  });

  it("rejects malformed JSON and a wrong score list with one line", () => {
    const bad = ee([file("bad.json", "{ not json")]);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    const list = ee(["--age", "30", "--education", "bachelors", "--ielts", "8,7,7"]);
    expect(list.code).toBe(2);
    expect(list.err).toMatch(/--ielts: give four scores/);
  });

  it("--batch prints one JSON per line in order, an error object for a bad line, and scores the rest", () => {
    const lines = [
      JSON.stringify(issueExample),
      JSON.stringify({ ...issueExample, age: 200 }),
      "",
      "not json",
      JSON.stringify({ ...issueExample, spouse: undefined, assessedOn: "2016-01-01", jobOffer: "other" }),
    ];
    const r = ee(["--batch", file("pool.jsonl", lines.join("\n"))]);
    expect(r.code).toBe(1);
    const out = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.line)).toEqual([1, 2, 4, 5]);
    expect(out[0].total).toBe(461);
    expect(out[1].error.problems[0].field).toBe("age");
    expect(out[2].error.problems[0].problem).toMatch(/not valid JSON/);
    // Single, 2016-01-01 (launch rules): A 110 + 120 + 127 + 1 + 40 = 398, C 88, job offer 600 → 1086
    expect(out[3].total).toBe(1086);
    expect(out[3].ruleSet.effectiveFrom).toBe("2015-01-01");
  });

  it("--batch - reads standard input", () => {
    const r = ee(["--batch", "-"], `${JSON.stringify(issueExample)}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).total).toBe(461);
  });

  it("--help", () => {
    const r = ee(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--batch FILE\|-/);
  });
});

describe("ee crs with a work history", () => {
  // Canadian: 2022-01-01 → 2025-11-14 at 40 h/week, counted at 30 h/week = 3 full years (3.87);
  // foreign: 2018-01-01 → 2021-12-31 = 4 full years, inside the 10-year window.
  // Single, 29, bachelor's, CLB 9 in all four, 2025-03-25 rules:
  // age 110 + education 120 + language 4×31 = 124 + Canadian work (3 years) 64 = 418;
  // transferability: education (bachelor's + CLB 9 = 25, + 2+ yrs Canadian = 25) = 50,
  // foreign (3+ years + CLB 9 = 50, + 2+ yrs Canadian = 50, capped) = 50 → 100. Total 518.
  const profile = {
    assessedOn: "2025-11-14",
    age: 29,
    education: "bachelors",
    firstLanguage: { test: "clb", listening: 9, reading: 9, writing: 9, speaking: 9 },
    canadianWorkYears: 0,
    foreignWorkYears: 0,
    workHistory: [
      { noc: "21232", from: "2022-01-01", to: null, hoursPerWeek: 40, country: "CA" },
      { noc: "21232", from: "2018-01-01", to: "2021-12-31", hoursPerWeek: 40, country: "IN" },
    ],
  };

  it("derives the years of experience from the history, as the API does", async () => {
    const r = ee(["--json", file("history.json", profile)]);
    expect(r.code).toBe(0);
    const cliResult = JSON.parse(r.out);
    expect(cliResult.core.canadianWork).toBe(64);
    expect(cliResult.transferability.foreignWork).toBe(50);
    expect(cliResult.total).toBe(518);

    const { createApp } = await import("../src/server/app.js");
    const { createDataContext } = await import("../src/server/context.js");
    const dataDir = mkdtempSync(join(bundled.dir, "db-"));
    const data = await createDataContext({ dataDir, today: () => "2025-11-14" });
    const app = createApp({ ...data, logError: () => {} });
    const res = await app.request("/api/crs", {
      method: "POST",
      body: JSON.stringify(profile),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    const apiResult = await res.json();
    expect(apiResult.total).toBe(cliResult.total);
    expect(apiResult.core).toEqual(cliResult.core);
    await data.close();
  });
});
