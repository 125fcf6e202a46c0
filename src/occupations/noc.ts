// NOC 2021 lookup (by code or by title words), TEER, and the two occupation sets the programs use:
// skilled occupations (TEER 0–3) and the skilled trades of the Federal Skilled Trades Program.

import { noc2021Csv } from "./data/noc2021.js";
import { isSkilled, teerOf } from "./teer.js";

export interface NocUnitGroup {
  /** Five digits, leading zeros kept. */
  code: string;
  title: string;
  /** NOC 2021 TEER category: the code's second digit. */
  teer: number;
  /** NOC 2021 broad occupational category: the code's first digit. */
  broadCategory: number;
}

export const nocSource =
  "NOC 2021 Version 1.0 (Statistics Canada), 516 unit groups; compiled copy described in docs/sources/README.md";

/** Splits one CSV line; titles with commas are quoted, and no title contains a quote character. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function parseNoc(csv: string): NocUnitGroup[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.slice(1).map((line) => {
    const [code = "", title = "", teer = "", broad = ""] = splitCsvLine(line);
    return { code, title, teer: Number(teer), broadCategory: Number(broad) };
  });
}

export const nocUnitGroups: readonly NocUnitGroup[] = parseNoc(noc2021Csv);
const byCode = new Map(nocUnitGroups.map((g) => [g.code, g]));

export function nocByCode(code: string): NocUnitGroup | undefined {
  return byCode.get(code);
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9 ]+/g, " ");

/**
 * Finds unit groups by code (a full code or a code prefix such as "313") or by title words: every word
 * must start a word of the title ("nurse reg" finds "Registered nurses and registered psychiatric nurses").
 */
export function searchNoc(query: string): NocUnitGroup[] {
  const q = query.trim();
  if (/^\d{1,5}$/.test(q)) return nocUnitGroups.filter((g) => g.code.startsWith(q));
  const words = normalize(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return nocUnitGroups.filter((g) => {
    const titleWords = normalize(g.title).split(/\s+/);
    return words.every((w) => titleWords.some((t) => t.startsWith(w)));
  });
}

/**
 * Skilled trades for the FST (IRPR 87.2(1), docs/sources/programs.md §4): major groups 72 (without
 * sub-major group 726), 73, 82, 83, 92, 93 (without sub-major group 932), minor group 6320 and unit group
 * 62200. Applied to the NOC table this gives the 96 unit groups listed in programs.md.
 */
export function isSkilledTrade(code: string): boolean {
  if (!byCode.has(code)) return false;
  const major = code.slice(0, 2);
  const subMajor = code.slice(0, 3);
  if (major === "72") return subMajor !== "726";
  if (major === "93") return subMajor !== "932";
  if (major === "73" || major === "82" || major === "83" || major === "92") return true;
  return code.startsWith("6320") || code === "62200";
}

export { isSkilled, teerOf };
