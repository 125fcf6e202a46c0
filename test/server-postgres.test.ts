// The server on PostgreSQL (DATABASE_URL): an empty database is seeded with the bundled history on
// first start, and the API answers from it exactly as from the embedded database.
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { bundledRounds } from "../src/draws/index.js";
import { createApp } from "../src/server/app.js";
import { createDataContext, type DataContext } from "../src/server/context.js";

const admin = inject("postgresUrl");
const name = `ee_server_test_${process.pid}_${Date.now()}`;
let data: DataContext;

beforeAll(async () => {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  data = await createDataContext({ databaseUrl: url.toString(), today: () => "2025-12-01" });
});

afterAll(async () => {
  await data?.close();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
});

it("seeds an empty PostgreSQL database with the bundled rounds and serves them", async () => {
  expect(data.db.kind).toBe("postgres");
  const stored = await data.rounds();
  expect(stored).toHaveLength(bundledRounds().length);
  const app = createApp({ ...data, logError: () => {} });
  const round = (await (await app.request("/api/rounds/379")).json()) as {
    cutoff: number;
    size: number;
    date: string;
  };
  // IRCC's feed: round 379, 2025-11-14, 3,500 invitations, cut-off 462.
  expect(round).toMatchObject({ date: "2025-11-14", size: 3500, cutoff: 462 });
});

it("does not seed twice when the server starts again on the same database", async () => {
  const again = await createDataContext({ databaseUrl: data.db.location, today: () => "2025-12-01" });
  try {
    expect(await again.rounds()).toHaveLength(bundledRounds().length);
  } finally {
    await again.close();
  }
});
