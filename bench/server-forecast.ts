// The heavy answers under load on loopback: `POST /api/probability` (10,000 paths) and `POST /api/chances`
// (26 weekly horizons, the forecast list, eligibility) for one eligible profile, requests per second with
// autocannon against the real server in its own process. The futures and the forecast list are simulated
// once per (date, seed, paths) and kept, so each request only scores, judges and reads them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { spawnServer } from "../src/server/spawn.js";
import { freePort } from "../src/server/start.js";

// A CEC-eligible worker (a year and a half of skilled work in Canada, CLB 9) near the recent CEC cut-offs.
const profile = {
  age: 29,
  education: "masters",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
  workHistory: [
    { noc: "21231", from: "2024-03-01", to: null, hoursPerWeek: 40, country: "CA" },
    { noc: "21231", from: "2019-01-01", to: "2023-12-31", hoursPerWeek: 40, country: "IN" },
  ],
};

const dataDir = mkdtempSync(join(tmpdir(), "ee-bench-server-forecast-"));
const server = await spawnServer({ port: await freePort(), dataDir });
try {
  for (const path of ["/api/probability", "/api/chances"]) {
    const run = (duration: number) =>
      autocannon({
        url: `${server.url}${path}`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ profile, asOf: "2025-11-14" }),
        connections: 10,
        pipelining: 1,
        duration,
      });
    await run(2); // warm-up: JIT, the model, the futures
    const result = await run(8);
    console.log(
      `POST ${path} (eligible profile, 10,000 paths; autocannon, 10 connections, 8 s): ${Math.round(result.requests.average)} requests/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${result["2xx"]} 2xx, ${result.non2xx} other, ${result.errors} errors`,
    );
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
