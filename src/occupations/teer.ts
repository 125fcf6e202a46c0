// TEER arithmetic on a NOC 2021 code, kept apart from the NOC table so that code needing only the
// TEER (work-history arithmetic, the CRS in the browser) does not pull in the 516 unit groups.

/** TEER of a code, from its second digit (the NOC 2021 coding structure). */
export function teerOf(code: string): number {
  return Number(code[1]);
}

/** Skilled for Express Entry: TEER 0, 1, 2 or 3 (docs/sources/programs.md §1, [S5], [S8]). */
export function isSkilled(code: string): boolean {
  return teerOf(code) <= 3;
}
