// The HTTP API through Hono's in-memory fetch: status codes, JSON errors naming the field, the body
// limit, the OpenAPI document, and the draws endpoints against IRCC's bundled feed.
import { describe, expect, it } from "vitest";
import { createApp, maxBodyBytes } from "../src/server/app.js";
import { createDataContext } from "../src/server/context.js";

const data = await createDataContext({ today: () => "2026-11-24" });
const app = createApp({ ...data, logError: () => {} });
const get = (path: string) => app.request(path);
const post = (path: string, body: string, type = "application/json") =>
  app.request(path, { method: "POST", body, headers: { "content-type": type } });

describe("server basics", () => {
  it("answers /healthz", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
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
