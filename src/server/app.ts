// The Hono application: the API operations (validated by their zod schemas), the OpenAPI document and
// its docs page, /healthz, and the web app. Handlers translate HTTP to the domain modules; nothing here
// knows a rule. Errors are JSON naming the field; no stack trace and no profile data is ever logged.

import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { DatabaseUnavailableError } from "../storage/index.js";
import { type ApiContext, operations } from "./api.js";
import { type ClientsPolicy, type ClientsRefusal, clientsRefusal, normalizeAddress } from "./caller.js";
import { TaskCancelledError } from "./heavy/pool.js";
import { ApiError, errorBody, parseJsonBody, toErrorResponse, validate } from "./http.js";
import { limitBodySize } from "./node-body-limit.js";
import { buildOpenApi, renderDocsPage } from "./openapi.js";
import { honoPath, type Reply } from "./operation.js";
import { type Asset, appHasPage } from "./static.js";

/** Profiles are small; anything bigger than this is refused before it is read. */
export const maxBodyBytes = 64 * 1024;

/** Connections the HTTP server closed itself (start.ts: a request too slow to arrive), already logged. */
export const socketsClosedByServer = new WeakSet<object>();

export interface AppOptions extends ApiContext {
  /** The built web app, keyed by URL path; empty when the app has not been built. */
  assets?: Map<string, Asset>;
  version?: string;
  /** Where unexpected errors are reported (one line, never the request body). */
  logError?: (line: string) => void;
  /**
   * Host names besides this machine's own (localhost, 127.0.0.1, [::1]) under which the clients API answers
   * (EE_CLIENTS_HOSTS), e.g. a name for this machine in /etc/hosts; none by default. A name never grants
   * access by itself: the caller must still be on this machine.
   */
  clientsHosts?: readonly string[];
  /**
   * The server listens on an address that other machines reach (HOST): the clients API then refuses
   * everyone, as there are no accounts to tell a consultant from a stranger.
   */
  listensBeyondLoopback?: boolean;
  /** Proxies whose X-Forwarded-For is believed (EE_TRUSTED_PROXIES): their addresses as they connect. */
  trustedProxies?: readonly string[];
}

function send(c: Context, reply: Reply): Response {
  if (reply.kind === "json") return c.json(reply.body as object, (reply.status ?? 200) as 200);
  const headers: Record<string, string> = { "content-type": reply.contentType };
  if (reply.filename) headers["content-disposition"] = `attachment; filename="${reply.filename}"`;
  return c.body(reply.body, 200, headers);
}

function queryObject(c: Context): Record<string, string> {
  // Repeated keys keep their last value; the API has no list-valued query parameters.
  return Object.fromEntries(new URL(c.req.url).searchParams.entries());
}

function serveAsset(c: Context, asset: Asset, status: 200 | 404 = 200): Response {
  const gzip = asset.gzip && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
  const headers: Record<string, string> = {
    "content-type": asset.contentType,
    "cache-control": asset.immutable ? "public, max-age=31536000, immutable" : "no-cache",
    vary: "accept-encoding",
  };
  if (gzip) headers["content-encoding"] = "gzip";
  return c.body(gzip ? asset.gzip! : asset.body, status, headers);
}

/**
 * The connection's remote address, as @hono/node-server hands the Node request to the app (`c.env.incoming`);
 * undefined for a request that did not come through a socket (Hono's in-process `app.request`).
 */
function socketAddressOf(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

const clientsOnThisMachine =
  "http://localhost:PORT from the server's own machine, with the server listening on loopback (the default; HOST unset)";

function clientsRefusalProblem(refusal: ClientsRefusal) {
  switch (refusal.reason) {
    case "listener":
      return {
        field: "(listener)",
        problem:
          "the clients are not served while the server listens beyond this machine (HOST), as it has no accounts",
        allowed: clientsOnThisMachine,
      };
    case "address":
      return {
        field: "(address)",
        problem: "the clients are served only to callers on the server's own machine",
        allowed: clientsOnThisMachine,
      };
    case "unconfigured-proxy":
      return {
        field: "(proxy)",
        problem: "the request was forwarded by a proxy the server was not told to trust",
        allowed: "direct requests from the server's machine, or the proxy's address in EE_TRUSTED_PROXIES",
      };
    case "host":
      return {
        field: "(host)",
        problem: `the clients are not served to requests addressed to ${refusal.hostname}`,
        allowed: "http://localhost:PORT on the server's machine, or a host name listed in EE_CLIENTS_HOSTS",
      };
  }
}

/** application/json or a +json type, by the media type itself (its parameters say nothing of it). */
function isJsonType(contentType: string): boolean {
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || /^application\/[\w.+-]+\+json$/.test(essence);
}

/**
 * Whether a browser says the request comes from a page of another origin: its Sec-Fetch-Site (the browser's
 * own judgement, right behind a proxy that rewrites Host too), else an Origin header naming another host
 * ("null", from a sandbox, included). Requests without either (curl, scripts) are not a browser's.
 */
function fromAnotherSite(
  fetchSite: string | undefined,
  origin: string | undefined,
  requestUrl: string,
): boolean {
  if (fetchSite !== undefined) return fetchSite !== "same-origin" && fetchSite !== "none";
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== new URL(requestUrl).host;
  } catch {
    return true;
  }
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const version = options.version ?? "0.1.0";
  const logError = options.logError ?? ((line: string) => process.stderr.write(`${line}\n`));
  const openApi = buildOpenApi(operations, version);
  const openApiText = JSON.stringify(openApi);
  const docsPage = renderDocsPage(openApi);

  app.onError((e, c) => {
    // Only the kind of event and the route as registered (/api/clients/:label, not the client's label):
    // messages and paths may name a person.
    const route = `${c.req.method} ${c.req.routePath}`;
    // A request whose connection is gone failed for that reason, not the server's: nobody is left to answer.
    const gone = errorBody([{ field: "(request)", problem: "was abandoned by the client" }]);
    if (e instanceof TaskCancelledError) {
      logError(`cancelled: ${route}: the client went away; its computation was stopped`);
      return c.json(gone, 503);
    }
    const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
    if (socket?.destroyed) {
      // One the server closed (a request too slow to arrive) was logged as such when it was closed.
      if (!socketsClosedByServer.has(socket))
        logError(`aborted: ${route}: the client closed its connection before the request was answered`);
      return c.json(gone, 503);
    }
    const { status, body, headers } = toErrorResponse(e);
    // A database that is away is logged by the database adapter, once, not by every request it turns away.
    if (e instanceof DatabaseUnavailableError) return c.json(body, status as 503, headers);
    if (status === 503 && headers?.["retry-after"])
      logError(`busy: ${route}: answered 503 (${body.error.problem})`);
    else if (status >= 500) logError(`error: ${route}: ${(e as Error)?.name ?? "Error"}`);
    return c.json(body, status as 500, headers);
  });

  // The profile travels in the web app's URLs: no referrer leaves the site, and nothing runs that the
  // server did not send (Plot writes style attributes, hence 'unsafe-inline' for styles only).
  // Set before the handler runs, so every response made through `c` (errors included) is created with
  // them: set afterwards, on a finished response, Hono has to rebuild it, which under @hono/node-server
  // turns the body into a stream (a third of a small POST's cost).
  app.use("*", (c, next) => {
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
    c.header(
      "content-security-policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    return next();
  });

  // For monitors and orchestrators: 200 when everything the server needs answers, else 503 naming what
  // does not (the database's kind and state only: never its address).
  app.get("/healthz", async (c) => {
    const database = options.db ? await options.db.health() : undefined;
    const up = database === undefined || database.status === "up";
    const retryAfter = database?.retryAfterSeconds;
    return c.json(
      { status: up ? "ok" : "degraded", version, ...(database ? { database } : {}) },
      up ? 200 : 503,
      retryAfter ? { "retry-after": String(retryAfter) } : {},
    );
  });
  app.get("/api/openapi.json", (c) => c.body(openApiText, 200, { "content-type": "application/json" }));
  app.get("/api/docs", (c) => c.html(docsPage));
  app.get("/api", (c) => c.redirect("/api/docs"));

  // The rounds list is ~190 KB of JSON: compressed for clients that accept it (the web app does).
  // Only GET answers are that large; POST answers skip the middleware (it costs ~10% of a CRS request).
  const gzip = compress({ threshold: 4096 });
  app.use("/api/*", (c, next) => (c.req.method === "GET" ? gzip(c, next) : next()));
  app.use(
    "/api/*",
    limitBodySize(maxBodyBytes, (c) =>
      c.json(
        errorBody([
          { field: "(body)", problem: "is too large", allowed: `at most ${maxBodyBytes / 1024} KiB` },
        ]),
        413,
      ),
    ),
  );

  // The clients' profiles are personal data: served only to a caller on this machine, as the connection
  // itself tells (see caller.ts), and never kept by a browser's or a proxy's cache.
  const clientsPolicy: ClientsPolicy = {
    listensBeyondLoopback: options.listensBeyondLoopback ?? false,
    trustedProxies: new Set((options.trustedProxies ?? []).map(normalizeAddress)),
    clientsHosts: new Set((options.clientsHosts ?? []).map((h) => h.toLowerCase())),
  };
  const guardClients = (c: Context, next: () => Promise<void>) => {
    c.header("cache-control", "no-store");
    const refusal = clientsRefusal(
      {
        socketAddress: socketAddressOf(c),
        hosts: [c.req.header("host") ?? "", new URL(c.req.url).host].filter((h) => h !== ""),
        forwardedFor: c.req.header("x-forwarded-for"),
        forwarded: c.req.header("forwarded"),
        realIp: c.req.header("x-real-ip"),
      },
      clientsPolicy,
    );
    if (refusal) throw new ApiError(403, [clientsRefusalProblem(refusal)]);
    return next();
  };
  app.use("/api/clients", guardClients);
  app.use("/api/clients/*", guardClients);

  // A page on another site may send a POST without asking (a "simple" request: form-encoded, text/plain or a
  // typeless Blob). Its answer stays unreadable there, but the write would happen (a client stored under the
  // consultant's name): a request that says it comes from another origin may not change anything.
  app.use("/api/*", (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (fromAnotherSite(c.req.header("sec-fetch-site"), c.req.header("origin"), c.req.url))
      throw new ApiError(403, [
        {
          field: "(origin)",
          problem: "a page of another site may not change anything here",
          allowed: "requests from this site's own pages, or without an Origin header (curl, scripts)",
        },
      ]);
    return next();
  });

  for (const op of operations) {
    app.on(op.method.toUpperCase(), honoPath(op.path), async (c) => {
      const query = op.query ? validate(op.query, queryObject(c)) : undefined;
      const params = op.params ? validate(op.params, c.req.param()) : undefined;
      let body: unknown;
      if (op.body) {
        const type = c.req.header("content-type") ?? "application/json";
        if (!isJsonType(type))
          throw new ApiError(415, [
            { field: "(content-type)", problem: `"${type}" is not accepted`, allowed: "application/json" },
          ]);
        body = validate(op.body, parseJsonBody(await c.req.text()));
      }
      // The signal is read only by the handlers that wait on a worker: under @hono/node-server, reading
      // `c.req.raw` builds a full web Request, a cost the cheap operations need not pay.
      const input = {
        query,
        params,
        body,
        get signal() {
          return c.req.raw.signal;
        },
      };
      const reply = await op.handle(input, options);
      return send(c, reply);
    });
  }

  app.all("/api/*", (c) => {
    const known = operations.some((op) =>
      new RegExp(`^${honoPath(op.path).replace(/:\w+/g, "[^/]+")}$`).test(c.req.path),
    );
    const problem = known
      ? { field: "(method)", problem: `${c.req.method} is not allowed here`, allowed: "see /api/docs" }
      : { field: "(path)", problem: `no operation at ${c.req.path}`, allowed: "see /api/docs" };
    return c.json(errorBody([problem]), known ? 405 : 404);
  });

  const assets = options.assets ?? new Map<string, Asset>();
  app.get("*", (c) => {
    const asset = assets.get(c.req.path);
    if (asset) return serveAsset(c, asset);
    const index = assets.get("/index.html");
    // A missing file under /assets/ is a real 404; any other path gets the app, with a 404 where it has no page.
    if (index && !c.req.path.startsWith("/assets/"))
      return serveAsset(c, index, appHasPage(index, c.req.path) ? 200 : 404);
    return c.text(
      index ? "Not found" : "The web app is not built: run `npm run build`. The API is at /api/docs.",
      404,
    );
  });

  return app;
}
