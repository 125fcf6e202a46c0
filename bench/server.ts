// `POST /api/crs` under load on loopback: requests per second and latency percentiles, measured with
// autocannon against the real server in its own process (targets: > 3,000 req/s, p99 < 20 ms).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { spawnServer } from "../src/server/spawn.js";
import { freePort } from "../src/server/start.js";

const profile = {
  age: 31,
  education: "masters",
  firstLanguage: { test: "ielts", listening: 8, reading: 7.5, writing: 7, speaking: 7.5 },
  secondLanguage: {
    test: "tef",
    testedOn: "2024-05-01",
    listening: 420,
    reading: 400,
    writing: 410,
    speaking: 415,
  },
  canadianWorkYears: 1,
  foreignWorkYears: 3,
  spouse: { accompanying: true, education: "bachelors", canadianWorkYears: 0 },
  assessedOn: "2025-06-01",
};

const dataDir = mkdtempSync(join(tmpdir(), "ee-bench-server-"));
const server = await spawnServer({ port: await freePort(), dataDir });
try {
  const run = (duration: number) =>
    autocannon({
      url: `${server.url}/api/crs`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(profile),
      connections: 10,
      pipelining: 1,
      duration,
    });
  await run(2); // warm-up: JIT, caches
  const result = await run(10);
  const ok = result["2xx"];
  console.log("POST /api/crs on loopback (autocannon, 10 connections, 10 s, server in its own process)");
  console.log(`  requests/s: ${Math.round(result.requests.average)} (target > 3,000)`);
  console.log(
    `  latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99} (target p99 < 20), max ${result.latency.max}`,
  );
  console.log(
    `  responses: ${ok} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts`,
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
