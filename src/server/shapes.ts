// Response shapes for the OpenAPI document (the domain modules describe their results with TypeScript
// types; these zod schemas mirror them for readers of the API) and the CSV form of the rounds.
import { z } from "zod";
import { poolDistributionFields, type Round } from "../draws/index.js";

const streamRefSchema = z.object({
  kind: z.enum(["general", "program", "category"]),
  id: z.string(),
  version: z.string().nullable(),
  recognized: z.boolean(),
});

export const roundSchema = z.object({
  round: z.string().describe('As published: "379", "91a"'),
  roundNumber: z.number().int(),
  date: z.string().describe("YYYY-MM-DD"),
  name: z.string().describe("drawName as published"),
  programs: z.string(),
  stream: streamRefSchema,
  size: z.number().int(),
  cutoff: z.number().int(),
  drawnAt: z.string().nullable(),
  tieBreakAt: z.string().nullable(),
  distribution: z
    .object({
      asOn: z.string(),
      ...Object.fromEntries(poolDistributionFields.map((b) => [b, z.number().int()])),
    })
    .nullable()
    .describe("The pool's CRS distribution on asOn; null when IRCC published none"),
});

const csvCell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The rounds as CSV (RFC 4180), one line per round, the distribution's bands as columns. */
export function roundsCsv(rounds: Round[]): string {
  const header = [
    "round",
    "date",
    "name",
    "stream_kind",
    "stream_id",
    "category_version",
    "size",
    "cutoff",
    "tie_break_at",
    "distribution_as_on",
    ...poolDistributionFields,
  ];
  const lines = rounds.map((r) =>
    [
      r.round,
      r.date,
      r.name,
      r.stream.kind,
      r.stream.id,
      r.stream.version,
      r.size,
      r.cutoff,
      r.tieBreakAt,
      r.distribution?.asOn ?? null,
      ...poolDistributionFields.map((b) => r.distribution?.[b] ?? null),
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}

const sectionPoints = (keys: string[]) =>
  z.object(Object.fromEntries([...keys, "subtotal"].map((k) => [k, z.number().int()])));
const languageLevelsSchema = z.object({
  language: z.enum(["english", "french"]),
  test: z.string(),
  tefScale: z.string().optional(),
  levels: z.object({ listening: z.number(), reading: z.number(), writing: z.number(), speaking: z.number() }),
  lowest: z.number(),
  chart: z.object({ appliesTo: z.string(), source: z.string() }).optional(),
});

/** Mirrors `CrsResult` (src/rules/calculator.ts). */
export const crsResultSchema = z.object({
  total: z.number().int(),
  ruleSet: z.object({
    effectiveFrom: z.string(),
    label: z.string(),
    sources: z.array(z.string()),
    dateNote: z.string().optional(),
  }),
  core: sectionPoints(["age", "education", "firstLanguage", "secondLanguage", "canadianWork"]),
  spouse: sectionPoints(["education", "firstLanguage", "canadianWork"]),
  transferability: sectionPoints(["education", "foreignWork", "certificate"]),
  additional: sectionPoints(["provincialNomination", "jobOffer", "canadianEducation", "french", "sibling"]),
  withSpouse: z.boolean(),
  assessedOn: z.string(),
  languages: z.object({
    first: languageLevelsSchema,
    second: languageLevelsSchema.nullable(),
    spouse: languageLevelsSchema.nullable(),
  }),
  lines: z.array(
    z.object({
      section: z.enum(["core", "spouse", "transferability", "additional"]),
      factor: z.string(),
      points: z.number().int(),
      explanation: z.string(),
    }),
  ),
  warnings: z.array(z.string()),
  mayBeIncomplete: z.boolean(),
  incompleteReason: z.string().optional(),
});
