// The API's operations, one per capability of the CLI. Each declares its zod schemas (which validate
// the request and write the OpenAPI document) and translates HTTP to the domain modules.

import { z } from "zod";
import {
  dataFreshness,
  drawReport,
  ReportError,
  type Round,
  renderReport,
  streamStats,
} from "../draws/index.js";
import { withExperienceFromHistory } from "../occupations/workHistory.js";
import { withAgeOn } from "../profile/age.js";
import { isoDate, profile as profileSchema } from "../profile/schema.js";
import { scoreProfile } from "../rules/index.js";
import { loadUpdateStatus } from "../storage/index.js";
import { clientOperations } from "./api-clients.js";
import { forecastOperations } from "./api-forecast.js";
import { roundOperations } from "./api-rounds.js";
import { type ApiContext, withDefaultDate } from "./context.js";
import { exampleProfile } from "./examples.js";
import { ApiError } from "./http.js";
import { type AnyOperation, json, operation, text } from "./operation.js";
import { crsResultSchema, roundSchema, roundsCsv, statusSchema } from "./shapes.js";

export type { ApiContext };

const streamKinds = ["general", "program", "category"] as const;

const drawsQuery = z.object({
  stream: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a stream id such as general, cec, pnp or a category id")
    .optional()
    .describe("Stream id: general, cec, fsw, fst, pnp or a category id (e.g. healthcare-social-services)"),
  kind: z.enum(streamKinds).optional().describe("Only rounds of this kind of stream"),
  from: isoDate.optional().describe("First date included (YYYY-MM-DD)"),
  to: isoDate.optional().describe("Last date included (YYYY-MM-DD)"),
  format: z.enum(["json", "csv"]).default("json").describe("json (default) or csv"),
});

/** The rounds matching the list's filters (stream, kind of stream, date range). */
function roundsMatching(rounds: Round[], q: z.output<typeof drawsQuery>): Round[] {
  return rounds.filter(
    (r) =>
      (!q.stream || r.stream.id === q.stream) &&
      (!q.kind || r.stream.kind === q.kind) &&
      (!q.from || r.date >= q.from) &&
      (!q.to || r.date <= q.to),
  );
}

async function findRound(ctx: ApiContext, id: string): Promise<Round> {
  const rounds = await ctx.rounds();
  const round = rounds.find((r) => r.round === id);
  if (!round) {
    const last = rounds.at(-1)?.round;
    throw new ApiError(404, [
      {
        field: "round",
        problem: `no round "${id}" is stored`,
        allowed: last ? `1 to ${last} (as published, e.g. 91a)` : "none stored",
      },
    ]);
  }
  return round;
}

const roundParams = z.object({
  round: z.string().regex(/^\d{1,4}[a-z]?$/, "must be a round number as published, e.g. 379 or 91a"),
});

export const operations: AnyOperation<ApiContext>[] = [
  operation({
    method: "post",
    path: "/api/crs",
    operationId: "scoreCrs",
    tag: "CRS",
    summary: "CRS score of a profile, every line explained",
    description:
      "Scores the profile under the rule set in force on its assessedOn date (default: today, UTC). The result is " +
      "the same JSON as `ee crs --json`: totals by section, the rule set and its sources, language levels, lines.",
    body: profileSchema,
    bodyName: "Profile",
    example: exampleProfile,
    responses: [
      {
        status: 200,
        description: "The CRS breakdown",
        contentType: "application/json",
        schema: crsResultSchema,
      },
    ],
    handle: ({ body }, ctx: ApiContext) =>
      json(scoreProfile(withExperienceFromHistory(withAgeOn(withDefaultDate(body, ctx.today()))))),
  }),
  operation({
    method: "get",
    path: "/api/draws",
    operationId: "listDraws",
    tag: "Draws",
    summary: "IRCC's rounds of invitations, filtered, as JSON or CSV",
    query: drawsQuery,
    responses: [
      {
        status: 200,
        description: "The rounds, oldest first",
        contentType: "application/json",
        schema: z.object({ rounds: z.array(roundSchema) }),
      },
      { status: 200, description: "The rounds, oldest first", contentType: "text/csv" },
    ],
    handle: async ({ query }, ctx: ApiContext) => {
      const rounds = roundsMatching(await ctx.rounds(), query);
      if (query.format === "csv")
        return text(roundsCsv(rounds), "text/csv; charset=utf-8", "express-entry-rounds.csv");
      return json({ count: rounds.length, rounds });
    },
  }),
  operation({
    method: "get",
    path: "/api/rounds/{round}",
    operationId: "getRound",
    tag: "Draws",
    summary: "One round of invitations as published, with its pool distribution",
    params: roundParams,
    responses: [
      { status: 200, description: "The round", contentType: "application/json", schema: roundSchema },
    ],
    handle: async ({ params }, ctx: ApiContext) => json(await findRound(ctx, params.round)),
  }),
  operation({
    method: "get",
    path: "/api/rounds/{round}/report",
    operationId: "getRoundReport",
    tag: "Draws",
    summary: "A round's report, in English or French, as Markdown or JSON",
    description:
      "Facts as they stood on the day of the round (this round and earlier ones only): its rank in the year and " +
      "the list version, the change from the stream's previous round, recent rounds, and the pool above the cut-off.",
    params: roundParams,
    query: z.object({
      lang: z.enum(["en", "fr"]).default("en").describe("Language of the report"),
      format: z.enum(["md", "json"]).default("md").describe("md (Markdown, default) or json"),
    }),
    responses: [
      { status: 200, description: "The report as Markdown", contentType: "text/markdown" },
      { status: 200, description: "The report's facts", contentType: "application/json" },
      { status: 404, description: "No such round", contentType: "application/json" },
      {
        status: 422,
        description: "The round is incomplete: its size or cut-off could not be read",
        contentType: "application/json",
      },
    ],
    handle: async ({ params, query }, ctx: ApiContext) => {
      await findRound(ctx, params.round);
      let report: ReturnType<typeof drawReport>;
      try {
        report = drawReport(await ctx.rounds(), params.round);
      } catch (e) {
        // An incomplete round (its size or cut-off unreadable in IRCC's feed) has no report.
        if (e instanceof ReportError) throw new ApiError(422, [{ field: "round", problem: e.message }]);
        throw e;
      }
      if (query.format === "json") return json(report);
      return text(renderReport(report, query.lang, "md"), "text/markdown; charset=utf-8");
    },
  }),
  operation({
    method: "get",
    path: "/api/status",
    operationId: "getStatus",
    tag: "Draws",
    summary: "How current the rounds are: the latest round, days behind today, the last update and failure",
    description:
      "Every attempt to update the rounds from IRCC's feed is recorded (by `ee draws update` or first-run " +
      "seeding): `lastSuccess` is the latest that was stored, `lastFailure` the latest that changed nothing.",
    responses: [
      { status: 200, description: "The status", contentType: "application/json", schema: statusSchema },
    ],
    handle: async (_input, ctx: ApiContext) => {
      const data = dataFreshness(await ctx.rounds(), ctx.today());
      const updates = ctx.db ? await loadUpdateStatus(ctx.db) : { lastSuccess: null, lastFailure: null };
      return json({ data, updates });
    },
  }),
  operation({
    method: "get",
    path: "/api/stats",
    operationId: "getStats",
    tag: "Draws",
    summary: "Statistics per stream: rounds, invitations, cut-offs (min, median, max), typical spacing",
    query: z.object({
      year: z.coerce
        .number()
        .int()
        .min(2015)
        .max(2100)
        .optional()
        .describe("Only rounds of this calendar year"),
      since: isoDate.optional().describe("Only rounds on or after this date (YYYY-MM-DD)"),
    }),
    responses: [
      {
        status: 200,
        description: "One entry per stream, most invitations first",
        contentType: "application/json",
      },
    ],
    handle: async ({ query }, ctx: ApiContext) =>
      json({ streams: streamStats(await ctx.rounds(), { year: query.year, since: query.since }) }),
  }),
  ...forecastOperations,
  ...roundOperations,
  ...clientOperations,
];
