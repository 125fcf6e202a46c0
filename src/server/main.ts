// `npm start`: the API and the web app on http://localhost:8080 (PORT to change), on the embedded
// database in the same data folder as the `ee` command (EE_DATA_DIR to change), or PostgreSQL when
// DATABASE_URL is set. It listens on this machine's loopback only unless HOST names another interface.
import { databaseWaitSeconds, defaultDataDir } from "../storage/index.js";
import { startServer } from "./start.js";

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`error: PORT: must be a whole number from 0 to 65535 (got "${process.env.PORT}")\n`);
  process.exit(2);
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
