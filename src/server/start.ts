// Starts the HTTP server: opens the web app's files, wires the API to its data, listens on `port`.
// Used by `npm start` (main.ts), the browser tests and the bench, so all of them run the same server.
import { existsSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { createDataContext, type DataOptions } from "./context.js";
import { loadAssets } from "./static.js";

export interface StartOptions extends DataOptions {
  port: number;
  hostname?: string;
  /** Folder of the built web app; defaults to dist/web beside the bundle. */
  webRoot?: string;
  logError?: (line: string) => void;
  /** Host names besides localhost under which the clients API answers (see AppOptions). */
  clientsHosts?: readonly string[];
}

export interface RunningServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** dist/web beside the bundle (dist/server.mjs), or from the sources (src/server/start.ts). */
export function defaultWebRoot(): string {
  const besideBundle = fileURLToPath(new URL("./web", import.meta.url));
  return existsSync(besideBundle) ? besideBundle : fileURLToPath(new URL("../../dist/web", import.meta.url));
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const data = await createDataContext({ log: options.logError, ...options });
  const app = createApp({
    ...data,
    assets: loadAssets(options.webRoot ?? defaultWebRoot()),
    logError: options.logError,
    clientsHosts: options.clientsHosts,
  });
  const hostname = options.hostname ?? "0.0.0.0";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await data.close();
    },
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
