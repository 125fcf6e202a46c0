// The HTTP API through Hono's in-memory fetch: status codes, JSON errors naming the field, the body
// limit, the OpenAPI document, and the draws endpoints against IRCC's bundled feed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, maxBodyBytes } from "../src/server/app.js";
import { createDataContext } from "../src/server/context.js";
import { onThisMachine } from "./support/connection.js";
import { workedProfile } from "./support/profiles.js";

const dataDir = mkdtempSync(join(tmpdir(), "ee-server-test-"));
const data = await createDataContext({ dataDir, today: () => "2025-06-01" });
const logged: string[] = [];
const app = createApp({ ...data, logError: (line) => logged.push(line) });
afterAll(async () => {
  await data.close();
  rmSync(dataDir, { recursive: true, force: true });
});
const get = (path: string) => app.request(path);
const post = (path: string, body: string, type = "application/json") =>
  // From this machine's loopback, as the clients API requires (one of the operations posted to).
  app.request(path, { method: "POST", body, headers: { "content-type": type } }, onThisMachine);

describe("server basics", () => {
  it("answers /healthz", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: { kind: "pglite", status: "up" } });
  });

  it("serves an OpenAPI 3.1 document listing the operations", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/draws"]?.get?.operationId).toBe("listDraws");
    expect(doc.paths["/api/rounds/{round}"]?.get?.operationId).toBe("getRound");
  });

  it("says how current the rounds are: GET /api/status, declared in the OpenAPI document", async () => {
    const res = await get("/api/status");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: unknown;
      updates: { lastSuccess: { source: string; outcome: string } | null; lastFailure: unknown };
    };
    // The bundled snapshot (IRCC's feed of 2026-08-07) ends with round 434 of 2026-08-07; "today" is
    // 2025-06-01 in these tests: 365 days to 2026-06-01, then 30 + 31 + 6 = 432 days ahead.
    expect(body.data).toEqual({ latestRound: "434", latestRoundDate: "2026-08-07", daysBehindToday: -432 });
    expect(body.updates.lastSuccess).toMatchObject({ outcome: "success" });
    expect(body.updates.lastSuccess?.source).toContain("bundled snapshot");
    expect(body.updates.lastFailure).toBeNull();
    const doc = (await (await get("/api/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>
      >;
    };
    const schema = JSON.stringify(
      doc.paths["/api/status"]?.get?.responses["200"]?.content["application/json"]?.schema,
    );
    for (const key of ["latestRound", "latestRoundDate", "daysBehindToday", "lastSuccess", "lastFailure"]) {
      expect(schema).toContain(`"${key}"`);
    }
  });

  it("serves a readable docs page", async () => {
    const res = await get("/api/docs");
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("GET /api/draws");
  });

  it("answers unknown API paths with a JSON 404 naming the path", async () => {
    const res = await get("/api/nope");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("(path)");
  });

  it("answers a wrong method on a known path with 405 naming the method", async () => {
    const res = await get("/api/crs");
    expect(res.status).toBe(405);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("(method)");
  });

  it("refuses bodies over the limit with 413", async () => {
    const res = await post("/api/draws", `"${"x".repeat(maxBodyBytes + 10)}"`);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("(body)");
  });
});

describe("draws", () => {
  it("returns round 379 as published in the bundled feed", async () => {
    const res = await get("/api/rounds/379");
    expect(res.status).toBe(200);
    const round = (await res.json()) as { round: string; date: string };
    expect(round.round).toBe("379");
  });

  it("writes the French report of a 2026 round with IRCC's French round name", async () => {
    // Round 433 (2026-08-06), "French-Language proficiency 2026-Version 2": IRCC's French feed names it
    // "Compétence linguistique en français 2026-Version 2" (docs/sources/french-feed.md).
    const res = await get("/api/rounds/433/report?lang=fr");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("# Ronde 433, 6 août 2026 : Compétence linguistique en français 2026-Version 2");
    expect(text).toContain("Skilled Military Recruits, 2026-Version 1 (en anglais)");
  });

  it("gives a 404 naming the round field for an unknown round", async () => {
    const res = await get("/api/rounds/9999");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("round");
  });

  it("rejects a malformed date filter with the field and the expected form", async () => {
    const res = await get("/api/draws?from=2024-13-01");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; problem: string } };
    expect(body.error.field).toBe("from");
  });

  it("rejects an unknown format naming the allowed values", async () => {
    const body = (await (await get("/api/draws?format=xml")).json()) as { error: { allowed: string } };
    expect(body.error.allowed).toBe("json | csv");
  });

  it("filters by stream and date, and the CSV has one line per round plus a header", async () => {
    const jsonRes = (await (await get("/api/draws?stream=cec&from=2023-01-01&to=2024-12-31")).json()) as {
      count: number;
      rounds: { stream: { id: string }; date: string }[];
    };
    expect(jsonRes.count).toBeGreaterThan(0);
    for (const r of jsonRes.rounds) {
      expect(r.stream.id).toBe("cec");
      expect(r.date >= "2023-01-01" && r.date <= "2024-12-31").toBe(true);
    }
    const csv = await (await get("/api/draws?stream=cec&from=2023-01-01&to=2024-12-31&format=csv")).text();
    expect(csv.trimEnd().split("\r\n")).toHaveLength(jsonRes.count + 1);
    expect(csv.startsWith("round,date,name,")).toBe(true);
  });
});

// workedProfile (test/support/profiles.ts: 29, bachelor's, IELTS 8/7/7/7, 3 years abroad, on 2025-06-01),
// worked by hand from the 2015 grid (docs/sources/crs-rules.md), single applicant:
// age 29 → 110; bachelor's → 120; IELTS 8/7/7/7 = CLB 9 in each ability → 4 × 31 = 124; core 354.
// Transferability: a one-year-or-longer post-secondary credential (a bachelor's is not "two or more / master's")
// with CLB 9+ → 25; 3 years abroad with CLB 9+ → 50; 75 in all (under the cap of 100).
// No additional points. Total 354 + 75 = 429.
describe("POST /api/crs", () => {
  it("scores the worked example: 429 with every section as worked by hand", async () => {
    const res = await post("/api/crs", JSON.stringify(workedProfile));
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      total: number;
      core: { age: number; education: number; firstLanguage: number; subtotal: number };
      transferability: { subtotal: number };
      additional: { subtotal: number };
    };
    expect(r.core).toMatchObject({ age: 110, education: 120, firstLanguage: 124, subtotal: 354 });
    expect(r.transferability.subtotal).toBe(75);
    expect(r.additional.subtotal).toBe(0);
    expect(r.total).toBe(429);
  });

  it("defaults the date to the server's today when the profile has none", async () => {
    const { assessedOn: _, ...undated } = workedProfile;
    const r = (await (await post("/api/crs", JSON.stringify(undated))).json()) as { assessedOn: string };
    expect(r.assessedOn).toBe("2025-06-01");
  });

  it("names the field and the allowed values for an unknown education level", async () => {
    const res = await post("/api/crs", JSON.stringify({ ...workedProfile, education: "phd" }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; allowed: string } };
    expect(body.error.field).toBe("education");
    expect(body.error.allowed).toContain("doctoral");
  });

  it("reports every bad field, each by its dotted path", async () => {
    const res = await post(
      "/api/crs",
      JSON.stringify({
        ...workedProfile,
        age: -1,
        firstLanguage: { ...workedProfile.firstLanguage, reading: 9.3 },
      }),
    );
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toContain("age");
    expect(fields).toContain("firstLanguage.reading");
  });

  it("answers a body that is not JSON with a 400 naming the body, not a stack trace", async () => {
    const res = await post("/api/crs", "{age: 29");
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).error.field).toBe("(body)");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses a body that is not JSON by content type with 415", async () => {
    const res = await post("/api/crs", "age=29", "application/x-www-form-urlencoded");
    expect(res.status).toBe(415);
  });

  it("describes the Profile schema in the OpenAPI document with its enums", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as {
      components: { schemas: { Profile: { properties: { education: { enum: string[] } } } } };
    };
    expect(doc.components.schemas.Profile.properties.education.enum).toContain("masters");
  });
});

// A person with two years of full-time work in Canada as a software engineer (NOC 21231, TEER 1)
// within the three years before 2025-06-01 and CLB 9: CEC asks for 12 months of skilled work in Canada
// in the last 3 years and CLB 7 for TEER 0/1 (docs/sources/programs.md), so CEC must say eligible.
const cecProfile = {
  ...workedProfile,
  canadianWorkYears: 2,
  foreignWorkYears: 0,
  workHistory: [{ noc: "21231", from: "2023-01-01", to: "2024-12-31", hoursPerWeek: 40, country: "CA" }],
};

describe("eligibility, forecast, probability, advice, simulated rounds", () => {
  it("finds the CEC eligible for two years of skilled Canadian work and CLB 9", async () => {
    const res = await post("/api/eligibility", JSON.stringify({ profile: cecProfile, asOf: "2025-06-01" }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { programs: { program: string; eligible: unknown }[] };
    expect(body.programs.find((p) => p.program === "cec")?.eligible).toBe(true);
  });

  it("forecasts rounds within the asked weeks, each interval ordered p10 ≤ p50 ≤ p90", async () => {
    const res = await get("/api/forecast?weeks=4&asOf=2025-06-01");
    const body = (await res.json()) as {
      data: { asOf: string };
      rounds: { date: string; cutoff: { p10: number; p50: number; p90: number } }[];
    };
    expect(body.data.asOf).toBe("2025-06-01");
    expect(body.rounds.length).toBeGreaterThan(0);
    for (const r of body.rounds) {
      expect(r.date >= "2025-06-01" && r.date <= "2025-06-29").toBe(true);
      expect(r.cutoff.p10).toBeLessThanOrEqual(r.cutoff.p50);
      expect(r.cutoff.p50).toBeLessThanOrEqual(r.cutoff.p90);
    }
  });

  it("rejects weeks outside 1–52 naming the field", async () => {
    const body = (await (await get("/api/forecast?weeks=80")).json()) as { error: { field: string } };
    expect(body.error.field).toBe("weeks");
  });

  it("gives a nominated candidate a near-certain invitation and probabilities that never fall with time", async () => {
    const nominated = { ...cecProfile, provincialNomination: true };
    const res = await post(
      "/api/probability",
      JSON.stringify({ profile: nominated, asOf: "2025-06-01", paths: 2000 }),
    );
    const body = (await res.json()) as { probability: { within: { weeks: number; probability: number }[] } };
    const within = body.probability.within.map((w) => w.probability);
    for (let i = 1; i < within.length; i++) expect(within[i]!).toBeGreaterThanOrEqual(within[i - 1]!);
    // 429 + 600 = 1029: above every PNP cut-off ever published (the highest is under 1000).
    expect(within.at(-1)!).toBeGreaterThan(0.9);
  });

  it("answers the chances page in one call, its weekly curve covering 26 weeks", async () => {
    const res = await post(
      "/api/chances",
      JSON.stringify({ profile: cecProfile, asOf: "2025-06-01", paths: 1000 }),
    );
    const body = (await res.json()) as { crs: { total: number }; probability: { within: unknown[] } };
    expect(body.crs.total).toBeGreaterThan(0);
    expect(body.probability.within).toHaveLength(26);
  });

  it("ranks advice by probability gained and never returns the changed profiles", async () => {
    const res = await post(
      "/api/advice",
      JSON.stringify({ profile: workedProfile, asOf: "2025-06-01", paths: 1000 }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { actions: { probabilityGained: number; profile?: unknown }[] };
    expect(body.actions.length).toBeGreaterThan(0);
    for (let i = 1; i < body.actions.length; i++)
      expect(body.actions[i - 1]!.probabilityGained).toBeGreaterThanOrEqual(
        body.actions[i]!.probabilityGained,
      );
    for (const a of body.actions) expect(a.profile).toBeUndefined();
  });

  it("runs a simulated general round inviting exactly the size asked", async () => {
    const res = await post(
      "/api/rounds/simulate",
      JSON.stringify({ stream: "general", size: 1500, date: "2025-06-01" }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { invited: number; cutoff: number; expiresOn: string } };
    expect(body.result.invited).toBe(1500);
    expect(body.result.cutoff).toBeGreaterThan(300);
    // Invitations expire 60 days after the round: 2025-06-01 + 60 days = 2025-07-31.
    expect(body.result.expiresOn).toBe("2025-07-31");
  });

  it("names the stream field and the allowed streams for an unknown stream", async () => {
    const res = await post(
      "/api/rounds/simulate",
      JSON.stringify({ stream: "astronauts", size: 10, date: "2025-06-01" }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; allowed?: string } };
    expect(body.error.field).toBe("stream");
    expect(body.error.allowed).toContain("cec");
  });
});

describe("headers and the OpenAPI document's consistency", () => {
  it("sends no referrer (profiles travel in the app's URLs) and a content security policy", async () => {
    const res = await get("/healthz");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("sends them on gzip-compressed answers and on errors too", async () => {
    const zipped = await app.request("/api/draws", { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    const refused = await post("/api/crs", "{age: 29");
    expect(refused.status).toBe(400);
    for (const res of [zipped, refused]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    }
  });

  it("declares every path parameter and gives every operation a unique id", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>
      >;
    };
    const ids: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(methods)) {
        ids.push(op.operationId);
        const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort()).toEqual(placeholders.sort());
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    // Every capability of the CLI has its operation.
    expect(ids).toEqual(
      expect.arrayContaining([
        "scoreCrs",
        "eligibility",
        "listDraws",
        "getRound",
        "getRoundReport",
        "getStats",
        "forecast",
        "probability",
        "advice",
        "simulateRound",
      ]),
    );
  });
});

describe("compression", () => {
  it("gzips the rounds list for a client that accepts it, and the JSON survives", async () => {
    const res = await app.request("/api/draws", { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const { gunzipSync } = await import("node:zlib");
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8")) as {
      count: number;
    };
    expect(body.count).toBeGreaterThan(300);
  });
});

describe("the reference's examples", () => {
  it("every example request body in the OpenAPI document is accepted by its operation", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: { "application/json": { example?: unknown } } } }>
      >;
    };
    let tried = 0;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) {
        const example = op.requestBody?.content["application/json"].example;
        if (method !== "post" || example === undefined) continue;
        const res = await post(path, JSON.stringify(example));
        // 201 for an operation that creates (POST /api/clients), 200 for the others.
        expect(res.status, path).toBe(path === "/api/clients" ? 201 : 200);
        tried++;
      }
    expect(tried).toBeGreaterThanOrEqual(6);
  });
});

describe("unexpected failures", () => {
  it("answer 500 with no detail, and log one line with the route and the error's kind only", async () => {
    const lines: string[] = [];
    const broken = createApp({
      today: () => "2025-06-01",
      rounds: () => Promise.reject(new Error("connection refused to postgres://user:secret@db")),
      logError: (line) => lines.push(line),
    });
    const res = await broken.request("/api/draws");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error.field).toBe("(server)");
    expect(text).not.toContain("secret");
    expect(lines).toEqual(["error: GET /api/draws: Error"]);
  });
});
