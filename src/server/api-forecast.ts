// The forecast side of the API: eligibility, next rounds, invitation probability, and "your chances"
// (all of them for one profile, in one call, for the web app). Handlers only call the domain modules;
// the Monte Carlo ones (forecast, probability, chances, advice) through the worker pool (heavy/tasks.ts).

import { z } from "zod";
import type { Round } from "../draws/index.js";
import { daysBetween } from "../forecast/index.js";
import { assessEligibility } from "../occupations/index.js";
import { withAgeOn } from "../profile/age.js";
import { isoDate, type Profile, profile as profileSchema } from "../profile/schema.js";
import { languageLevels } from "../rules/index.js";
import { type ApiContext, withDefaultDate } from "./context.js";
import { exampleProfile } from "./examples.js";
import { busyResponse, runnerOf } from "./heavy/runner.js";
import { ApiError, seedQuery, seedSchema } from "./http.js";
import { type AnyOperation, json, jsonWith, operation } from "./operation.js";

/** A database more than this many days behind the forecast or status date is said to be stale (as `ee forecast`). */
export const staleAfterDays = 21;

/** The forecast date: the one asked for, else the latest stored round (forecasts from old data are of the past). */
function resolveAsOf(rounds: readonly Round[], asOf: string | undefined): string {
  const first = rounds[0]?.date;
  const latest = rounds.at(-1)?.date;
  if (!first || !latest) throw new ApiError(503, [{ field: "(database)", problem: "has no rounds stored" }]);
  if (asOf !== undefined && asOf < first)
    throw new ApiError(400, [
      { field: "asOf", problem: `${asOf} is before the first round`, allowed: `${first} or later` },
    ]);
  return asOf ?? latest;
}

/** How current the data is, so the answer can say it rather than hide it. */
function dataNote(rounds: readonly Round[], asOf: string, today: string) {
  const latestRound = rounds.filter((r) => r.date <= asOf).at(-1)?.date ?? null;
  const daysBehindToday = latestRound ? daysBetween(latestRound, today) : null;
  return {
    asOf,
    latestRound,
    daysBehindToday,
    stale: daysBehindToday !== null && daysBehindToday > staleAfterDays,
  };
}

/** What the chances and advice tasks take from a request: the profile dated, and how to simulate. */
function profileTaskArgs(
  body: { profile: Profile; seed: number; paths: number; assumeUnknownEligible: boolean },
  asOf: string,
) {
  return {
    profile: withDefaultDate(body.profile, asOf),
    asOf,
    seed: body.seed,
    paths: body.paths,
    assumeUnknownEligible: body.assumeUnknownEligible,
  };
}

const forProfile = z.object({
  profile: profileSchema,
  asOf: isoDate.optional().describe("Forecast date (default: the latest stored round)"),
  seed: seedSchema,
  paths: z.number().int().min(100).max(20_000).default(10_000),
});

export const forecastOperations: AnyOperation<ApiContext>[] = [
  operation({
    method: "post",
    path: "/api/eligibility",
    operationId: "eligibility",
    example: { profile: exampleProfile },
    tag: "Eligibility",
    summary: "Program (FSW, CEC, FST, PNP) and category eligibility of a profile, each with its reasons",
    body: z.object({
      profile: profileSchema,
      asOf: isoDate.optional().describe("Default: the profile's assessedOn, else today"),
    }),
    responses: [
      { status: 200, description: "Programs and every category version", contentType: "application/json" },
    ],
    handle: ({ body }, ctx: ApiContext) => {
      const date = body.asOf ?? body.profile.assessedOn ?? ctx.today();
      const profile = withAgeOn(withDefaultDate(body.profile, date), date);
      return json(assessEligibility(profile, languageLevels(profile), date));
    },
  }),
  operation({
    method: "get",
    path: "/api/forecast",
    operationId: "forecast",
    tag: "Forecast",
    summary: "The next rounds of every active stream: likely date, size, cut-off median and 80% interval",
    query: z.object({
      weeks: z.coerce.number().int().min(1).max(52).default(8).describe("How far ahead, in weeks (1 to 52)"),
      asOf: isoDate.optional().describe("Forecast date (default: the latest stored round)"),
      seed: seedQuery.describe("Seed of the simulated intervals"),
    }),
    responses: [
      { status: 200, description: "The forecast rounds, in date order", contentType: "application/json" },
      busyResponse,
    ],
    handle: async ({ query, signal }, ctx: ApiContext) => {
      const rounds = await ctx.rounds();
      const asOf = resolveAsOf(rounds, query.asOf);
      const args = { asOf, weeks: query.weeks, seed: query.seed };
      return json({
        data: dataNote(rounds, asOf, ctx.today()),
        rounds: await runnerOf(ctx).run("forecast", args, rounds, signal),
      });
    },
  }),
  operation({
    method: "post",
    path: "/api/probability",
    operationId: "probability",
    example: { profile: exampleProfile, asOf: "2025-06-01" },
    tag: "Forecast",
    summary: "Probability of an invitation within 2, 4, 8, 12 and 26 weeks, by Monte Carlo",
    body: forProfile,
    responses: [
      {
        status: 200,
        description: "The candidate as the model sees it, and the probabilities",
        contentType: "application/json",
      },
      busyResponse,
    ],
    handle: async ({ body, signal }, ctx: ApiContext) => {
      const rounds = await ctx.rounds();
      const asOf = resolveAsOf(rounds, body.asOf);
      const args = { profile: withDefaultDate(body.profile, asOf), asOf, seed: body.seed, paths: body.paths };
      const { candidate, probability } = await runnerOf(ctx).run("probability", args, rounds, signal);
      return json({ data: dataNote(rounds, asOf, ctx.today()), candidate, probability });
    },
  }),
  operation({
    method: "post",
    path: "/api/chances",
    operationId: "chances",
    example: { profile: exampleProfile, asOf: "2025-06-01" },
    tag: "Forecast",
    summary:
      "Everything about one profile's chances: score, eligibility, next rounds, weekly probability for 26 weeks",
    description: 'What the web app\'s "Your chances" page shows, in one call.',
    body: forProfile.extend({
      assumeUnknownEligible: z
        .boolean()
        .default(false)
        .describe("Count the program streams the profile cannot decide (e.g. no work history) as eligible"),
    }),
    responses: [
      {
        status: 200,
        description: "Score, eligibility, forecast and probability",
        contentType: "application/json",
      },
      busyResponse,
    ],
    handle: async ({ body, signal }, ctx: ApiContext) => {
      const rounds = await ctx.rounds();
      const asOf = resolveAsOf(rounds, body.asOf);
      const args = profileTaskArgs(body, asOf);
      // Serialized in the worker: the event loop only joins the data note to it.
      const chances = await runnerOf(ctx).run("chancesJson", args, rounds, signal);
      return jsonWith({ data: dataNote(rounds, asOf, ctx.today()) }, chances);
    },
  }),
  operation({
    method: "post",
    path: "/api/advice",
    operationId: "advice",
    example: { profile: exampleProfile, asOf: "2025-06-01" },
    tag: "Advice",
    summary:
      "What to improve first: each possible change with the points and the invitation probability it adds",
    description:
      "Each change (a retest, French, more education, another year of work, the spouse's results, a nomination) is " +
      "scored by the CRS engine on the date it can be made and run through the same Monte Carlo futures as the " +
      "profile as it is. Ranked by probability gained, then points gained.",
    body: forProfile.extend({
      paths: z.number().int().min(1000).max(20_000).default(4000),
      assumeUnknownEligible: z
        .boolean()
        .default(false)
        .describe("Count the streams the profile cannot decide (e.g. no work history) as eligible"),
    }),
    responses: [
      { status: 200, description: "The advice, best action first", contentType: "application/json" },
      busyResponse,
    ],
    handle: async ({ body, signal }, ctx: ApiContext) => {
      const rounds = await ctx.rounds();
      const asOf = resolveAsOf(rounds, body.asOf);
      const args = profileTaskArgs(body, asOf);
      // The changed profiles stay out of the answer (tasks.ts): they are the person's data.
      const advice = await runnerOf(ctx).run("advice", args, rounds, signal);
      return json({ data: dataNote(rounds, asOf, ctx.today()), ...advice });
    },
  }),
];
