// How long a profile stays in the pool is a sourced rule (IRCC: one year from entering it; docs/sources/
// programs.md §1, [S26]), and the synthetic pools draw their submission times from exactly that year.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledRounds } from "../src/draws/index.js";
import { synthesizePool } from "../src/rounds/index.js";

const programs = readFileSync("docs/sources/programs.md", "utf8");

describe("time in the pool", () => {
  it("is stated in docs/sources with IRCC's sentence and the page it is from", () => {
    const row = programs.split("\n").find((line) => line.startsWith("| Time in the pool"));
    expect(row).toContain(
      '"You can only stay in the Express Entry pool for one year from the date you were accepted into it."',
    );
    expect(row).toContain("[S26]");
    expect(programs).toMatch(
      /^- \[S26\] IRCC, .*http:\/\/www\.cic\.gc\.ca\/english\/immigrate\/skilled\/no-invite\.asp/m,
    );
  });

  it("bounds a synthetic pool's submission times: all within the 365 days before the distribution's date", () => {
    const round = bundledRounds().findLast((r) => r.distribution)!;
    const pool = synthesizePool({ distribution: round.distribution!, size: 20_000, seed: 7 });
    const asOn = Date.parse(`${round.distribution!.asOn}T00:00:00Z`);
    const yearBefore = asOn - 365 * 86_400_000;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const t of pool.submittedAt) {
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
    expect(first).toBeGreaterThanOrEqual(yearBefore);
    expect(last).toBeLessThanOrEqual(asOn);
    // 20,000 uniform draws over 365 days: both ends are reached within a day (each miss has odds e^-55).
    expect(first - yearBefore).toBeLessThan(86_400_000);
    expect(asOn - last).toBeLessThan(86_400_000);
  });
});
