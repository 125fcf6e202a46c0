// Starts a throwaway PostgreSQL server (Debian's binaries) for the database tests, so that every
// migration and query is tested on a real server as well as on embedded PGlite. The URL reaches
// the tests as EE_TEST_POSTGRES_URL. A developer's own server can be used with that variable set.
import type { TestProject } from "vitest/node";
import { createCluster } from "./support/postgres-cluster.js";

export default async function setup(project: TestProject) {
  if (process.env.EE_TEST_POSTGRES_URL) {
    project.provide("postgresUrl", process.env.EE_TEST_POSTGRES_URL);
    return;
  }
  const cluster = createCluster(20000 + Math.floor(Math.random() * 20000));
  process.env.EE_TEST_POSTGRES_URL = cluster.url;
  project.provide("postgresUrl", cluster.url);
  return () => cluster.dispose();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
