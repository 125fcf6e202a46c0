// `npm start`: the API and the web app on http://localhost:8080 (PORT to change), on the embedded
// database in the same data folder as the `ee` command (EE_DATA_DIR to change), or PostgreSQL when
// DATABASE_URL is set; the heavy computations in EE_WORKERS worker threads (default: one per core). It
// listens on this machine's loopback only unless HOST names another interface.
import { databaseWaitSeconds, defaultDataDir } from "../storage/index.js";
import { startServer } from "./start.js";

/** A whole-number setting from the environment, or undefined when not set; exits on a bad one. */
function wholeNumber(name: string, min: number, max: number): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`error: ${name}: must be a whole number from ${min} to ${max} (got "${text}")\n`);
    process.exit(2);
  }
  return n;
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

// Started beside its database (containers), the server waits for PostgreSQL to accept connections.
let databaseWait: number;
try {
  databaseWait = databaseWaitSeconds() ?? 30;
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exit(2);
}

const port = wholeNumber("PORT", 0, 65535) ?? 8080;
const deadlineSeconds = wholeNumber("EE_DEADLINE_SECONDS", 1, 3600);

startServer({
  port,
  host: process.env.HOST || undefined,
  dataDir: defaultDataDir(),
  databaseUrl: process.env.DATABASE_URL || undefined,
  databaseWaitSeconds: databaseWait,
  webRoot: process.env.EE_WEB_ROOT || undefined,
  // The clients API answers on localhost only, unless the operator names the server's other host names.
  clientsHosts: list(process.env.EE_CLIENTS_HOSTS),
  // A reverse proxy's X-Forwarded-For is believed only from the addresses listed here.
  trustedProxies: list(process.env.EE_TRUSTED_PROXIES),
  // The heavy computations' worker threads, their queue and their deadline (see src/server/README.md).
  heavy: {
    workers: wholeNumber("EE_WORKERS", 1, 256),
    queueLimit: wholeNumber("EE_QUEUE_LIMIT", 0, 100_000),
    deadlineMs: deadlineSeconds === undefined ? undefined : deadlineSeconds * 1000,
  },
}).then(
  (server) => {
    const where = server.addresses.map((a) =>
      a.includes(":") ? `[${a}]:${server.port}` : `${a}:${server.port}`,
    );
    if (server.beyondLoopback) {
      process.stdout.write(
        `Express Entry Engine: listening on ${where.join(", ")} (HOST): reachable from other machines.\n` +
          "The clients workspace (/api/clients, /clients) is refused to everyone while the server listens beyond this machine: it has no accounts.\n" +
          `API reference: ${server.url}/api/docs\n`,
      );
    } else {
      process.stdout.write(
        `Express Entry Engine: http://localhost:${server.port} (API reference: /api/docs), on this machine only (${where.join(", ")}; HOST to change)\n`,
      );
    }
    const stop = () => server.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
  (e) => {
    process.stderr.write(`error: cannot start the server: ${(e as Error)?.message ?? String(e)}\n`);
    process.exit(1);
  },
);
