// A simulated round of invitations on a synthetic pool shaped like a published distribution, run by
// the round engine with IRCC's tie-breaking (as `ee round run` without --pool), in the worker pool.
import { z } from "zod";
import { isoDate } from "../profile/schema.js";
import { RoundInputError } from "../rounds/index.js";
import { type ApiContext, roundsWithFigures } from "./context.js";
import { busyResponse, runnerOf } from "./heavy/runner.js";
import { ApiError, seedSchema } from "./http.js";
import { type AnyOperation, json, operation } from "./operation.js";

/** "stream: unknown stream …" → a field problem naming `stream`. */
function roundInputProblem(e: RoundInputError) {
  const m = /^(\w+): (.*?)(?: \(allowed: (.*)\))?$/s.exec(e.message);
  return m
    ? { field: m[1]!, problem: m[2]!, ...(m[3] ? { allowed: m[3] } : {}) }
    : { field: "(round)", problem: e.message };
}

export const roundOperations: AnyOperation<ApiContext>[] = [
  operation({
    method: "post",
    path: "/api/rounds/simulate",
    operationId: "simulateRound",
    example: { stream: "cec", size: 3000, date: "2025-06-01" },
    tag: "Rounds",
    summary: "Run a round of invitations on a synthetic pool like the latest published distribution",
    description:
      "The pool is synthesized (seeded) from the latest distribution IRCC published on or before `date`, with " +
      "within-range shapes learned from past rounds; the round ranks eligible candidates by CRS, then by " +
      "profile submission time, and invites exactly `size` (fewer if the pool runs out).",
    body: z.object({
      stream: z
        .string()
        .min(1)
        .describe("general | cec | fsw | fst | pnp | a category id | category@version"),
      size: z.number().int().min(0).max(1_000_000),
      date: isoDate,
      seed: seedSchema,
    }),
    responses: [
      {
        status: 200,
        description: "The round's result and the pool it ran on",
        contentType: "application/json",
      },
      busyResponse,
    ],
    handle: async ({ body, signal }, ctx: ApiContext) => {
      // The task's rounds are the complete ones (heavy/runner.ts): `like` indexes that same list.
      const rounds = roundsWithFigures(await ctx.rounds());
      const source = rounds.filter((r) => r.distribution && r.date <= body.date).at(-1);
      if (!source)
        throw new ApiError(400, [
          {
            field: "date",
            problem: `no published pool distribution on or before ${body.date}`,
            allowed: "a later date",
          },
        ]);
      try {
        const { poolSize, result } = await runnerOf(ctx).run(
          "simulateRound",
          { ...body, like: rounds.indexOf(source) },
          rounds,
          signal,
        );
        return json({
          pool: {
            like: { round: source.round, asOn: source.distribution!.asOn },
            seed: body.seed,
            size: poolSize,
          },
          result,
        });
      } catch (e) {
        if (e instanceof RoundInputError) throw new ApiError(400, [roundInputProblem(e)]);
        throw e;
      }
    },
  }),
];
