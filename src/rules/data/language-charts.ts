// IRCC's language test equivalency charts: for each test, the minimum score per ability for each
// CLB/NCLC level. A score reaches the highest level whose minimum it meets.
// Transcribed from docs/sources/language-tests.md (sources L1–L10 there).
import type { Ability } from "../../profile/schema.js";

/** Minimum score for each level, highest level first. */
export type LevelMinimums = readonly { level: number; min: number }[];

export interface LanguageChart {
  test: string;
  /** Which results the chart applies to (TEF Canada: by scale). */
  appliesTo: string;
  source: string;
  abilities: Record<Ability, LevelMinimums>;
}

const rows = (levels: number[], mins: number[]): LevelMinimums =>
  levels.map((level, i) => ({ level, min: mins[i] as number }));
const tenToFour = [10, 9, 8, 7, 6, 5, 4];

export const ieltsGeneralTraining: LanguageChart = {
  test: "IELTS General Training",
  appliesTo: "all results (accepted since 2015-01-01)",
  source:
    "IRCC, Language test equivalency charts (L1); IRCC language-results page (L2); IRCC equivalence-nclc (L3)",
  abilities: {
    listening: rows(tenToFour, [8.5, 8.0, 7.5, 6.0, 5.5, 5.0, 4.5]),
    reading: rows(tenToFour, [8.0, 7.0, 6.5, 6.0, 5.0, 4.0, 3.5]),
    writing: rows(tenToFour, [7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0]),
    speaking: rows(tenToFour, [7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0]),
  },
};

export const pteCore: LanguageChart = {
  test: "PTE Core",
  appliesTo: "results accepted from 2024-01-30",
  source: "IRCC language-results page (L2); Pearson PTE Core → CLB chart, Jan 2024 (L5); agrees with L4",
  abilities: {
    listening: rows([10, 9, 8, 7, 6, 5, 4, 3], [89, 82, 71, 60, 50, 39, 28, 18]),
    reading: rows([10, 9, 8, 7, 6, 5, 4, 3], [88, 78, 69, 60, 51, 42, 33, 24]),
    writing: rows([10, 9, 8, 7, 6, 5, 4, 3], [90, 88, 79, 69, 60, 51, 41, 32]),
    speaking: rows([10, 9, 8, 7, 6, 5, 4, 3], [89, 84, 76, 68, 59, 51, 42, 34]),
  },
};

export const tefCanada2023: LanguageChart = {
  test: "TEF Canada",
  appliesTo: "tests taken on or after 2023-12-11 (per-skill 0–699 scale)",
  source: "IRCC language-results page (L2); IRCC equivalence-nclc (L3); NCLC 7–10 also L4",
  abilities: {
    reading: rows(tenToFour, [546, 503, 462, 434, 393, 352, 306]),
    writing: rows(tenToFour, [558, 512, 472, 428, 379, 330, 268]),
    listening: rows(tenToFour, [546, 503, 462, 434, 393, 352, 306]),
    speaking: rows(tenToFour, [556, 518, 494, 456, 422, 387, 328]),
  },
};

const tef2019Bands = rows(tenToFour, [566, 533, 500, 450, 400, 350, 300]);
export const tefCanada2019: LanguageChart = {
  test: "TEF Canada",
  appliesTo: "tests taken 2019-10-01 to 2023-12-10 (0–699, same bands for all four abilities)",
  source: "IRCC language-results page (L2); rescoring dates: Lighthouse Immigration Law (L6)",
  abilities: {
    listening: tef2019Bands,
    reading: tef2019Bands,
    writing: tef2019Bands,
    speaking: tef2019Bands,
  },
};

export const tefCanadaLegacy: LanguageChart = {
  test: "TEF Canada",
  appliesTo:
    "tests taken before 2019-10-01, and the 'Équivalence ancien score' printed on later certificates (reading /300, writing /450, listening /360, speaking /450)",
  source: "IRCC, Language test equivalency charts (L1); older copies of the same chart (L10)",
  abilities: {
    reading: rows(tenToFour, [263, 248, 233, 207, 181, 151, 121]),
    writing: rows(tenToFour, [393, 371, 349, 310, 271, 226, 181]),
    listening: rows(tenToFour, [316, 298, 280, 249, 217, 181, 145]),
    speaking: rows(tenToFour, [393, 371, 349, 310, 271, 226, 181]),
  },
};

export const tcfCanada: LanguageChart = {
  test: "TCF Canada",
  appliesTo: "all results (designated November 2018)",
  source: "IRCC, Language test equivalency charts (L1); L2, L3, L4 agree",
  abilities: {
    reading: rows(tenToFour, [549, 524, 499, 453, 406, 375, 342]),
    writing: rows(tenToFour, [16, 14, 12, 10, 7, 6, 4]),
    listening: rows(tenToFour, [549, 523, 503, 458, 398, 369, 331]),
    speaking: rows(tenToFour, [16, 14, 12, 10, 7, 6, 4]),
  },
};
