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
  size: z.number().int().nullable().describe("Invitations; null when IRCC's drawSize could not be read"),
  cutoff: z.number().int().nullable().describe("The lowest CRS invited; null when drawCRS could not be read"),
  incomplete: z.boolean().describe("True when the size or the cut-off could not be read"),
  drawnAt: z.string().nullable(),
  tieBreakAt: z
    .string()
    .nullable()
    .describe("ISO 8601 UTC; null when none was published or it could not be read"),
  distribution: z
    .object({
      asOn: z.string(),
      ...Object.fromEntries(poolDistributionFields.map((b) => [b, z.number().int()])),
    })
    .nullable()
    .describe("The pool's CRS distribution on asOn; null when IRCC published none or it could not be read"),
  issues: z
    .array(
      z.object({
        kind: z.enum(["unreadable", "implausible"]),
        field: z.string().describe("The feed's field, e.g. drawCutOff"),
        text: z.string().describe("The field exactly as published"),
        problem: z.string(),
      }),
    )
    .describe("Fields that could not be read (stored as null) or look wrong (kept as read)"),
});

const feedUpdateSchema = z.object({
  attemptedAt: z.string().describe("ISO 8601 UTC"),
  source: z.string().describe("The URL or file the feed came from"),
  outcome: z.enum(["success", "failure"]),
  message: z.string(),
  roundsAdded: z.number().int(),
  roundsChanged: z.number().int(),
  warnings: z.array(z.string()),
  problems: z.array(z.string()),
});

export const statusSchema = z.object({
  data: z.object({
    latestRound: z.string().nullable(),
    latestRoundDate: z.string().nullable().describe("YYYY-MM-DD"),
    daysBehindToday: z.number().int().nullable(),
  }),
  updates: z.object({
    lastSuccess: feedUpdateSchema.nullable(),
    lastFailure: feedUpdateSchema.nullable(),
  }),
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
    "incomplete",
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
      r.incomplete ? "true" : "false",
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
