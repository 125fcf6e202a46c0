// The server under load on loopback, measured with autocannon against the real server in its own process
// (src/server/spawn.ts), heavy computations in its worker threads: requests/s and p99 of
// POST /api/crs, POST /api/probability and POST /api/chances (a profile whose work history proves CEC),
// GET /api/clients (500 clients stored), and the p99 of /healthz while ten heavy requests run.
// Targets: /api/crs > 3,000 req/s with p99 < 20 ms; /api/probability at least a quarter of /api/crs's
// requests/s; /healthz p99 < 50 ms under heavy load.
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

/** A software engineer with 16 months of Canadian work: the work history proves CEC (and STEM). */
const engineer = {
  age: 29,
  education: "bachelors",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
  workHistory: [
    { noc: "21231", from: "2023-09-01", to: "2024-12-31", hoursPerWeek: 40, country: "CA" },
    { noc: "21231", from: "2019-01-01", to: "2022-12-31", hoursPerWeek: 40, country: "IN" },
  ],
};
const forEngineer = JSON.stringify({ profile: engineer, asOf: "2025-06-01" });

const dataDir = mkdtempSync(join(tmpdir(), "ee-bench-server-"));
const server = await spawnServer({ port: await freePort(), dataDir, stderr: "pipe" });
// The server logs one line per request it did not answer normally: counted by kind (cancelled: the load
// generator hung up at the end of a run; busy: 503; timeout, aborted, error), errors shown as they come.
const logLines = new Map<string, number>();
server.process.stderr?.setEncoding("utf8").on("data", (text: string) => {
  for (const line of text.split("\n").filter(Boolean)) {
    const kind = line.split(":")[0]!;
    logLines.set(kind, (logLines.get(kind) ?? 0) + 1);
    if (kind === "error") console.error(`  server: ${line}`);
  }
});

interface Load {
  path: string;
  method?: "GET" | "POST";
  body?: string;
  connections?: number;
  duration?: number;
}

const load = (l: Load) =>
  autocannon({
    url: `${server.url}${l.path}`,
    method: l.method ?? "POST",
    headers: { "content-type": "application/json" },
    ...(l.body ? { body: l.body } : {}),
    connections: l.connections ?? 10,
    pipelining: 1,
    duration: l.duration ?? 10,
  });

function report(title: string, r: autocannon.Result, target = "") {
  console.log(title);
  console.log(`  requests/s: ${Math.round(r.requests.average)}${target}`);
  console.log(
    `  latency ms: p50 ${r.latency.p50}, p90 ${r.latency.p90}, p99 ${r.latency.p99}, max ${r.latency.max}`,
  );
  console.log(`  responses: ${r["2xx"]} 2xx, ${r.non2xx} other, ${r.errors} errors, ${r.timeouts} timeouts`);
}

try {
  // 500 clients, each the engineer a different age, stored through the API.
  for (let i = 0; i < 500; i += 25)
    await Promise.all(
      Array.from({ length: 25 }, (_, k) =>
        fetch(`${server.url}/api/clients`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            label: `B-${String(i + k).padStart(3, "0")}`,
            profile: { ...engineer, age: 20 + ((i + k) % 30) },
          }),
        }).then((r) => {
          if (r.status !== 201) throw new Error(`storing a client: ${r.status}`);
        }),
      ),
    );

  console.log("autocannon, 10 connections, 10 s each after 2 s of warm-up, server in its own process");
  const crsBody = JSON.stringify(profile);
  await load({ path: "/api/crs", body: crsBody, duration: 2 }); // JIT, caches
  const crs = await load({ path: "/api/crs", body: crsBody });
  report("POST /api/crs", crs, " (target > 3,000; p99 target < 20 ms)");

  await load({ path: "/api/probability", body: forEngineer, duration: 2 });
  const probability = await load({ path: "/api/probability", body: forEngineer });
  const ratio = probability.requests.average / crs.requests.average;
  report(
    "POST /api/probability (CEC proven by the work history, 10,000 paths)",
    probability,
    ` (${(ratio * 100).toFixed(1)}% of /api/crs; target ≥ 25%)`,
  );

  const chances = await load({ path: "/api/chances", body: forEngineer });
  report("POST /api/chances (10,000 paths, 26 weekly horizons)", chances);

  const clients = await load({ path: "/api/clients", method: "GET" });
  report("GET /api/clients (500 clients, statuses without probability)", clients);

  // /healthz alone on one connection while ten /api/probability requests are always in flight.
  const [health] = await Promise.all([
    load({ path: "/healthz", method: "GET", connections: 1 }),
    load({ path: "/api/probability", body: forEngineer, connections: 10, duration: 11 }),
  ]);
  report("GET /healthz while ten /api/probability requests run", health, " (p99 target < 50 ms)");
  const tally = [...logLines].map(([kind, n]) => `${n} ${kind}`).join(", ");
  console.log(`server log: ${tally || "nothing"}`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
