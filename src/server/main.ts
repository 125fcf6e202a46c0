// `npm start`: the API and the web app on http://localhost:8080 (PORT to change), on the embedded
// database in the same data folder as the `ee` command (EE_DATA_DIR to change), or PostgreSQL when
// DATABASE_URL is set.
import { databaseWaitSeconds, defaultDataDir } from "../storage/index.js";
import { startServer } from "./start.js";

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`error: PORT: must be a whole number from 0 to 65535 (got "${process.env.PORT}")\n`);
  process.exit(2);
}

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
  dataDir: defaultDataDir(),
  databaseUrl: process.env.DATABASE_URL || undefined,
  databaseWaitSeconds: databaseWait,
  webRoot: process.env.EE_WEB_ROOT || undefined,
  // The clients API answers on localhost only, unless the operator names the server's other host names.
  clientsHosts: (process.env.EE_CLIENTS_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== ""),
}).then(
  (server) => {
    process.stdout.write(
      `Express Entry Engine: http://localhost:${server.port} (API reference: /api/docs)\n`,
    );
    const stop = () => server.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
  (e) => {
    process.stderr.write(`error: cannot start the server: ${(e as Error)?.message ?? String(e)}\n`);
    process.exit(1);
  },
);
