// The consultant's workspace over HTTP: client profiles kept in the database under a label, and each one's
// status on a date (CRS, proven streams, the latest rounds reached, the chance of an invitation). Handlers
// translate HTTP to storage (clients.ts) and advisor (clientStatus). Profiles are personal data: they leave
// only in the answer to the one who asked for them, never in a log line or an error message.
import { z } from "zod";
import {
  clientOrders,
  clientStatus,
  clientStatusOrProblems,
  compareClients,
  latestRoundByStream,
} from "../advisor/index.js";
import type { Round } from "../draws/index.js";
import { daysBetween, type ForecastModel } from "../forecast/index.js";
import { expressEntryLaunch, isoDate, profile as profileSchema } from "../profile/schema.js";
import {
  addClient,
  type Client,
  ClientChangedError,
  ClientExistsError,
  ClientNotFoundError,
  clientLabel,
  clientNotes,
  type Db,
  listClients,
  loadClient,
  removeClient,
  type StoredClient,
  updateClient,
} from "../storage/index.js";
import { futuresCache, modelFor, staleAfterDays } from "./api-forecast.js";
import type { ApiContext } from "./context.js";
import { exampleProfile } from "./examples.js";
import { ApiError, seedQuery } from "./http.js";
import { type AnyOperation, json, operation, type ResponseDoc } from "./operation.js";

function database(ctx: ApiContext): Db {
  if (!ctx.db)
    throw new ApiError(503, [
      { field: "(database)", problem: "the clients need the database, which this server has not opened" },
    ]);
  return ctx.db;
}

/** Storage's refusals as HTTP: a label in use is 409, an unknown one 404 (the label is the caller's own). */
async function storing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ClientExistsError)
      throw new ApiError(409, [
        {
          field: "label",
          problem: `a client labelled "${e.label}" already exists`,
          allowed: "a label not in use (or PUT to update it)",
        },
      ]);
    if (e instanceof ClientNotFoundError) throw notFound(e.label);
    if (e instanceof ClientChangedError)
      throw new ApiError(409, [
        {
          field: "expectedUpdatedAt",
          problem: `the client was changed at ${e.updatedAt}, after it was read: nothing was saved`,
          allowed: `its current updatedAt (GET /api/clients/${e.label} again)`,
        },
      ]);
    throw e;
  }
}

const notFound = (label: string) =>
  new ApiError(404, [
    {
      field: "label",
      problem: `no client is labelled "${label}"`,
      allowed: "a stored label (GET /api/clients)",
    },
  ]);

const labelParams = z.object({ label: clientLabel });

/** The documented answer of every operation on one client when the label is not stored. */
const noSuchClient: ResponseDoc = {
  status: 404,
  description: "No client has that label",
  contentType: "application/json",
};

const statusQuery = (defaultPaths: number, maxPaths: number) =>
  z.object({
    asOf: isoDate
      .refine((d) => d >= expressEntryLaunch, {
        message: `is before Express Entry and the CRS began (${expressEntryLaunch})`,
        params: { allowed: `a date on or after ${expressEntryLaunch}` },
      })
      .optional()
      .describe(
        "Date of the status: its CRS rules, the rounds known then, the forecast (default: today, UTC)",
      ),
    paths: z.coerce
      .number()
      .int()
      .refine((n) => n === 0 || (n >= 100 && n <= maxPaths), {
        message: "is not an allowed number of simulated futures",
        params: { allowed: `0 (no probability) or 100 to ${maxPaths}` },
      })
      .default(defaultPaths)
      .describe(`Simulated futures for the invitation probability: 0 for none, 100 to ${maxPaths}`),
    seed: seedQuery.describe("Seed of the simulated futures (every client gets the same ones)"),
  });

type StatusQuery = z.output<ReturnType<typeof statusQuery>>;

/** What every status shares on one date: the rounds known, the latest of each stream, the forecast model. */
interface StatusDate {
  rounds: readonly Round[];
  asOf: string;
  latest: Map<string, Round>;
  model: ForecastModel | undefined;
  paths: number;
  seed: number;
  /** How current the rounds are for that date, said rather than hidden. */
  data: { asOf: string; latestRound: string | null; daysBehind: number | null; stale: boolean };
}

async function statusDate(ctx: ApiContext, q: StatusQuery): Promise<StatusDate> {
  const rounds = await ctx.rounds();
  const asOf = q.asOf ?? ctx.today();
  const latestRound = rounds.filter((r) => r.date <= asOf).at(-1)?.date ?? null;
  const daysBehind = latestRound ? daysBetween(latestRound, asOf) : null;
  return {
    rounds,
    asOf,
    latest: latestRoundByStream(rounds, asOf),
    model: q.paths > 0 && latestRound ? modelFor(rounds, asOf) : undefined,
    paths: q.paths,
    seed: q.seed,
    data: { asOf, latestRound, daysBehind, stale: daysBehind === null || daysBehind > staleAfterDays },
  };
}

function statusArgs(profile: Client["profile"], s: StatusDate): Parameters<typeof clientStatus> {
  return [
    profile,
    s.rounds,
    s.asOf,
    s.model ? { model: s.model, paths: s.paths, seed: s.seed, cache: futuresCache } : {},
    s.latest,
  ];
}

/** The status of a stored client, or the problems of a profile the schema now refuses or the date cannot score. */
function statusOrProblems(client: StoredClient, s: StatusDate) {
  if (client.profileProblems) return { status: null, problems: client.profileProblems };
  return clientStatusOrProblems(...statusArgs(client.profile, s));
}

/** A stored profile the schema now refuses cannot be scored: 422, naming its fields, until it is updated. */
function requireCurrentProfile(client: StoredClient): Client {
  if (!client.profileProblems) return client;
  throw new ApiError(422, [
    {
      field: "profile",
      problem: "as stored, no longer passes the profile checks (they changed after it was stored)",
      allowed: `a corrected profile (PUT /api/clients/${client.label})`,
    },
    ...client.profileProblems,
  ]);
}

const now = () => new Date().toISOString();

const clientBody = z.object({
  label: clientLabel.describe("The consultant's own reference, e.g. a file number (unique)"),
  profile: profileSchema,
  notes: clientNotes.optional().describe("Free notes (at most 2000 characters)"),
});

const clientExample = { label: "F-2026-017", profile: exampleProfile, notes: "first meeting 2025-11-03" };

export const clientOperations: AnyOperation<ApiContext>[] = [
  operation({
    method: "get",
    path: "/api/clients",
    operationId: "listClients",
    tag: "Clients",
    summary:
      "Every client with its status on a date: CRS, eligible streams, latest rounds reached, probability",
    description:
      "The list carries each client's status, not the profiles (GET /api/clients/{label} gives one). The probability " +
      "is off by default for a list (paths=0); every client is run through the same simulated futures (seed).",
    query: statusQuery(0, 5000).extend({
      sort: z
        .enum(clientOrders)
        .default("label")
        .describe("Order: label (A to Z), crs or chance (26 weeks; highest first)"),
    }),
    responses: [{ status: 200, description: "The clients, by label", contentType: "application/json" }],
    handle: async ({ query }, ctx: ApiContext) => {
      const clients = await listClients(database(ctx));
      const s = await statusDate(ctx, query);
      return json({
        data: s.data,
        paths: s.model ? s.paths : 0,
        seed: s.seed,
        count: clients.length,
        // A profile that cannot be scored on that date gets its problems instead of failing the list.
        clients: clients
          .map((client) => {
            const { profile: _, profileProblems: __, ...rest } = client;
            return { ...rest, ...statusOrProblems(client, s) };
          })
          .sort(compareClients(query.sort)),
      });
    },
  }),
  operation({
    method: "post",
    path: "/api/clients",
    operationId: "addClient",
    tag: "Clients",
    summary: "Stores a new client's profile under a label",
    body: clientBody,
    bodyName: "NewClient",
    example: clientExample,
    responses: [
      {
        status: 201,
        description: "The client as stored (the schema's defaults applied)",
        contentType: "application/json",
      },
      { status: 409, description: "A client with that label exists", contentType: "application/json" },
    ],
    handle: async ({ body }, ctx: ApiContext) =>
      json(await storing(() => addClient(database(ctx), body, now())), 201),
  }),
  operation({
    method: "get",
    path: "/api/clients/{label}",
    operationId: "getClient",
    tag: "Clients",
    summary: "One client: the profile, notes and timestamps",
    params: labelParams,
    responses: [{ status: 200, description: "The client", contentType: "application/json" }, noSuchClient],
    handle: async ({ params }, ctx: ApiContext) => {
      const client = await loadClient(database(ctx), params.label);
      if (!client) throw notFound(params.label);
      return json(client);
    },
  }),
  operation({
    method: "put",
    path: "/api/clients/{label}",
    operationId: "updateClient",
    tag: "Clients",
    summary: "Replaces a client's profile and/or notes (what is not given is kept)",
    params: labelParams,
    body: z
      .object({
        profile: profileSchema.optional(),
        notes: clientNotes.optional(),
        expectedUpdatedAt: z.iso
          .datetime({ offset: true })
          .optional()
          .describe(
            "The client's updatedAt as read: when someone changed it since, nothing is saved (409). Omitted: the last write wins",
          ),
      })
      .refine((b) => b.profile !== undefined || b.notes !== undefined, {
        message: "gives nothing to change",
        params: { allowed: "a profile, notes, or both" },
      }),
    example: { profile: exampleProfile, notes: "IELTS retaken" },
    responses: [
      { status: 200, description: "The client as stored", contentType: "application/json" },
      noSuchClient,
      {
        status: 409,
        description: "The client was changed after expectedUpdatedAt: nothing was saved",
        contentType: "application/json",
      },
    ],
    handle: async ({ params, body }, ctx: ApiContext) =>
      json(await storing(() => updateClient(database(ctx), params.label, body, now()))),
  }),
  operation({
    method: "delete",
    path: "/api/clients/{label}",
    operationId: "removeClient",
    tag: "Clients",
    summary: "Deletes a client and its profile",
    params: labelParams,
    responses: [{ status: 200, description: "Deleted", contentType: "application/json" }, noSuchClient],
    handle: async ({ params }, ctx: ApiContext) => {
      await storing(() => removeClient(database(ctx), params.label));
      return json({ removed: params.label });
    },
  }),
  operation({
    method: "get",
    path: "/api/clients/{label}/status",
    operationId: "getClientStatus",
    tag: "Clients",
    summary: "One client's status on a date: CRS, eligible streams, the latest round of each, probability",
    description:
      "The CRS under the rules of the date, the streams the profile proves, the latest round of each and whether " +
      "the score reached its cut-off (at the cut-off, the submission time against the tie-break decides), and the " +
      "Monte Carlo chance of an invitation within 2 to 26 weeks.",
    params: labelParams,
    query: statusQuery(10_000, 20_000),
    responses: [
      { status: 200, description: "The status", contentType: "application/json" },
      noSuchClient,
      {
        status: 422,
        description: "The stored profile no longer passes the profile checks: update it",
        contentType: "application/json",
      },
    ],
    handle: async ({ params, query }, ctx: ApiContext) => {
      const stored = await loadClient(database(ctx), params.label);
      if (!stored) throw notFound(params.label);
      const client = requireCurrentProfile(stored);
      const s = await statusDate(ctx, query);
      return json({
        label: client.label,
        data: s.data,
        status: clientStatus(...statusArgs(client.profile, s)),
      });
    },
  }),
];
