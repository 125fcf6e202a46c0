// Starts the HTTP server: opens the web app's files, wires the API to its data, listens on `port`.
// Used by `npm start` (main.ts), the browser tests and the bench, so all of them run the same server.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import { availableParallelism } from "node:os";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp, socketsClosedByServer } from "./app.js";
import { listenAddresses } from "./caller.js";
import { createDataContext, type DataOptions } from "./context.js";
import { type HeavyRunner, poolRunner } from "./heavy/runner.js";
import { loadAssets } from "./static.js";

export interface StartOptions extends DataOptions {
  port: number;
  /**
   * The interface to listen on (HOST): by default both loopbacks (127.0.0.1 and ::1), so that only this
   * machine reaches the server. Any other address opens it to the network, and the clients API then
   * refuses everyone (there are no accounts).
   */
  host?: string;
  /** Folder of the built web app; defaults to dist/web beside the bundle. */
  webRoot?: string;
  logError?: (line: string) => void;
  /** Host names besides localhost under which the clients API answers (see AppOptions). */
  clientsHosts?: readonly string[];
  /** Proxies whose X-Forwarded-For the clients API believes (see AppOptions). */
  trustedProxies?: readonly string[];
  heavy?: HeavyOptions;
  timeouts?: Partial<ServerTimeouts>;
}

/** The worker pool of the heavy computations (heavy/pool.ts). */
export interface HeavyOptions {
  /** Worker threads; default: the cores this process may use (`os.availableParallelism()`). */
  workers?: number;
  /** Computations that may wait for a worker; one more is answered 503 at once. Default: 4 per worker. */
  queueLimit?: number;
  /** A computation's deadline, waiting included, in milliseconds (then 503). Default: 30 s. */
  deadlineMs?: number;
  /** Tests: the module whose `tasks` the workers run (see heavy/pool.ts). */
  tasksModule?: string;
}

/**
 * How long a connection may take to send its request, and stay idle between two. Node's own defaults
 * (60 s for the headers, 5 minutes for the whole request) let a few slow or abandoned connections hold
 * sockets for minutes; a profile is at most 64 KiB, sent at once by any real client.
 */
export interface ServerTimeouts {
  /** Until the request's headers are in (then 408 and closed). */
  headersMs: number;
  /** Until the whole request, body included, is in (then 408 and closed). */
  requestMs: number;
  /** A kept-alive connection with no request in flight is closed after this. */
  keepAliveMs: number;
  /** How often Node checks the first two: a stalled request is closed at most this late. */
  checkEveryMs: number;
}

export const defaultTimeouts: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
};

export interface RunningServer {
  url: string;
  port: number;
  /** The addresses listened on, e.g. ["127.0.0.1", "::1"]. */
  addresses: string[];
  /** Whether other machines can reach it (HOST beyond loopback). */
  beyondLoopback: boolean;
  /** Node's HTTP server on the first address (its timeouts are those of `timeouts`). */
  http: Server;
  /** Where the heavy computations run, with its counters. */
  heavy: HeavyRunner;
  close: () => Promise<void>;
}

/** dist/web beside the bundle (dist/server.mjs), or from the sources (src/server/start.ts). */
export function defaultWebRoot(): string {
  const besideBundle = fileURLToPath(new URL("./web", import.meta.url));
  return existsSync(besideBundle) ? besideBundle : fileURLToPath(new URL("../../dist/web", import.meta.url));
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const logError = options.logError ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { addresses, beyondLoopback } = listenAddresses(options.host);
  const data = await createDataContext({ log: logError, ...options });
  const workers = options.heavy?.workers ?? availableParallelism();
  const heavy = poolRunner({
    size: workers,
    queueLimit: options.heavy?.queueLimit ?? 4 * workers,
    deadlineMs: options.heavy?.deadlineMs ?? 30_000,
    tasksModule: options.heavy?.tasksModule,
    // The error's kind only: its message may quote a task's arguments (a profile).
    onWorkerError: (e) => logError(`error: a worker thread failed (${e.name}); it is replaced`),
  });
  const app = createApp({
    ...data,
    heavy,
    assets: loadAssets(options.webRoot ?? defaultWebRoot()),
    logError,
    clientsHosts: options.clientsHosts,
    trustedProxies: options.trustedProxies,
    listensBeyondLoopback: beyondLoopback,
  });
  const servers: Server[] = [];
  const listening: string[] = [];
  let port = options.port;
  const closeAll = () =>
    Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Idle kept-alive connections would hold close() for up to keepAliveMs.
            server.closeIdleConnections();
          }),
      ),
    );
  try {
    for (const [i, address] of addresses.entries()) {
      let server: Server;
      try {
        server = await listen(app.fetch, { port, hostname: address, timeouts: options.timeouts, logError });
      } catch (e) {
        // A machine without IPv6 has no ::1: the IPv4 loopback alone still serves this machine.
        const code = (e as NodeJS.ErrnoException).code;
        if (i > 0 && address === "::1" && (code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT")) continue;
        throw e;
      }
      servers.push(server);
      listening.push(address);
      port = (server.address() as AddressInfo).port; // the loopbacks share the port the first one got
    }
  } catch (e) {
    await closeAll();
    await heavy.close();
    await data.close();
    throw e;
  }
  return {
    url: `http://${urlHost(listening[0]!)}:${port}`,
    port,
    addresses: listening,
    beyondLoopback,
    http: servers[0]!,
    heavy,
    close: async () => {
      await closeAll();
      await heavy.close();
      await data.close();
    },
  };
}

/** How this machine reaches an address it listens on (a wildcard is reached by loopback). */
function urlHost(address: string): string {
  if (address === "0.0.0.0") return "127.0.0.1";
  if (address === "::") return "[::1]";
  return address.includes(":") ? `[${address}]` : address;
}

/**
 * Serves `fetch` on a Node HTTP server with the given timeouts (the rest default), stalled or malformed
 * requests logged as what they are.
 */
export async function listen(
  fetch: Parameters<typeof serve>[0]["fetch"],
  options: {
    port: number;
    hostname: string;
    timeouts?: Partial<ServerTimeouts>;
    logError: (line: string) => void;
  },
): Promise<Server> {
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      {
        fetch,
        port: options.port,
        hostname: options.hostname,
        serverOptions: { connectionsCheckingInterval: timeouts.checkEveryMs },
      },
      () => resolve(s as Server),
    ) as Server;
    s.once("error", reject);
  });
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.on("clientError", answerClientError(options.logError));
  return server;
}

/**
 * What Node does with a connection that sent no valid request (as without a listener: an HTTP error and the
 * socket closed), plus one log line saying what it was: a request too slow to arrive is a timeout (408),
 * a malformed one a 400, a connection closed half-way an abort, none of them a server error.
 */
function answerClientError(logError: (line: string) => void) {
  return (e: NodeJS.ErrnoException, socket: Duplex) => {
    // A connection reset (often an idle kept-alive one) is the client's business: nothing to log.
    if (e.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    if (e.code === "HPE_INVALID_EOF_STATE" || !socket.writable) {
      logError("aborted: a client closed its connection in the middle of its request");
      socketsClosedByServer.add(socket);
      socket.destroy();
      return;
    }
    const timedOut = e.code === "ERR_HTTP_REQUEST_TIMEOUT";
    const tooLarge = e.code === "HPE_HEADER_OVERFLOW";
    const status = timedOut
      ? "408 Request Timeout"
      : tooLarge
        ? "431 Request Header Fields Too Large"
        : "400 Bad Request";
    logError(
      timedOut
        ? "timeout: a request did not arrive in full in time: answered 408 and closed"
        : `bad request: ${e.code ?? "malformed HTTP"}: answered ${status.slice(0, 3)} and closed`,
    );
    // As Node does: no answer over one already begun, and the socket closed either way.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!inFlight?.headersSent)
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socketsClosedByServer.add(socket);
    socket.destroy();
  };
}

/** A free TCP port on loopback (for tests and the bench). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
