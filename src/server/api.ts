// The API's operations, one per capability of the CLI. Each declares its zod schemas (which validate
// the request and write the OpenAPI document) and translates HTTP to the domain modules.
import { z } from "zod";
import type { Round } from "../draws/index.js";
import { isoDate, type Profile, profile as profileSchema } from "../profile/schema.js";
import { scoreProfile } from "../rules/index.js";
import type { ApiContext } from "./context.js";
import { ApiError } from "./http.js";
import { type AnyOperation, json, operation, text } from "./operation.js";
import { crsResultSchema, roundSchema, roundsCsv } from "./shapes.js";

export type { ApiContext };

/** The adapters, not the core, fill in today's date when the profile has none. */
function withDefaultDate(profile: Profile, ctx: ApiContext): Profile {
  return profile.assessedOn ? profile : { ...profile, assessedOn: ctx.today() };
}

const streamKinds = ["general", "program", "category"] as const;

const drawsQuery = z.object({
  stream: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a stream id such as general, cec, pnp or a category id")
    .optional()
    .describe("Stream id: general, cec, fsw, fst, pnp or a category id (e.g. healthcare)"),
  kind: z.enum(streamKinds).optional().describe("Only rounds of this kind of stream"),
  from: isoDate.optional().describe("First date included (YYYY-MM-DD)"),
  to: isoDate.optional().describe("Last date included (YYYY-MM-DD)"),
  format: z.enum(["json", "csv"]).default("json").describe("json (default) or csv"),
});

export function filterRounds(rounds: Round[], q: z.output<typeof drawsQuery>): Round[] {
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
    responses: [
      {
        status: 200,
        description: "The CRS breakdown",
        contentType: "application/json",
        schema: crsResultSchema,
      },
    ],
    handle: ({ body }, ctx: ApiContext) => json(scoreProfile(withDefaultDate(body, ctx))),
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
      const rounds = filterRounds(await ctx.rounds(), query);
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
];
