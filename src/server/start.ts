// Starts the HTTP server: opens the web app's files, wires the API to its data, listens on `port`.
// Used by `npm start` (main.ts), the browser tests and the bench, so all of them run the same server.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { createApp } from "./app.js";
import { listenAddresses } from "./caller.js";
import { createDataContext, type DataOptions } from "./context.js";
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
}

export interface RunningServer {
  url: string;
  port: number;
  /** The addresses listened on, e.g. ["127.0.0.1", "::1"]. */
  addresses: string[];
  /** Whether other machines can reach it (HOST beyond loopback). */
  beyondLoopback: boolean;
  close: () => Promise<void>;
}

/** dist/web beside the bundle (dist/server.mjs), or from the sources (src/server/start.ts). */
export function defaultWebRoot(): string {
  const besideBundle = fileURLToPath(new URL("./web", import.meta.url));
  return existsSync(besideBundle) ? besideBundle : fileURLToPath(new URL("../../dist/web", import.meta.url));
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { addresses, beyondLoopback } = listenAddresses(options.host);
  const data = await createDataContext({ log: options.logError, ...options });
  const app = createApp({
    ...data,
    assets: loadAssets(options.webRoot ?? defaultWebRoot()),
    logError: options.logError,
    clientsHosts: options.clientsHosts,
    trustedProxies: options.trustedProxies,
    listensBeyondLoopback: beyondLoopback,
  });
  const servers: Server[] = [];
  const listening: string[] = [];
  let port = options.port;
  try {
    for (const [i, address] of addresses.entries()) {
      const server = createAdaptorServer({ fetch: app.fetch }) as Server;
      try {
        await listen(server, port, address);
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
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await data.close();
    throw e;
  }
  return {
    url: `http://${urlHost(listening[0]!)}:${port}`,
    port,
    addresses: listening,
    beyondLoopback,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
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

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (e: Error) => reject(e);
    server.once("error", failed);
    server.listen(port, host, () => {
      server.off("error", failed);
      resolve();
    });
  });
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
