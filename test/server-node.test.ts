// The API through the real Node adapter (@hono/node-server on a loopback port), where a body with a
// declared length is judged on its Content-Length and read straight from Node's IncomingMessage, and a
// chunked body is counted as it is read (src/server/node-body-limit.ts). The in-memory tests
// (server.test.ts) never take the first path: a fetch Request built from a string declares no length.

import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, maxBodyBytes } from "../src/server/app.js";
import { workedProfile } from "./support/profiles.js";

const logged: string[] = [];
// POST /api/crs needs no stored rounds: the context's rounds are never read here.
const app = createApp({
  today: () => "2025-06-01",
  rounds: async () => [],
  logError: (line) => logged.push(line),
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
});
const port = (server.address() as AddressInfo).port;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** POSTs `body` with a Content-Length (`chunked: false`) or in chunks of at most 8 KiB with none. */
function post(path: string, body: string, chunked: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (!chunked) headers["content-length"] = String(bytes.length);
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
    });
    // The server may answer 413 and stop reading before the whole body is sent.
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" ? undefined : reject(e)));
    if (chunked) for (let at = 0; at < bytes.length; at += 8192) req.write(bytes.subarray(at, at + 8192));
    else req.write(bytes);
    req.end();
  });
}

// workedProfile is the worked example of server.test.ts (2015 grid, docs/sources/crs-rules.md): age 29 → 110,
// bachelor's → 120, CLB 9 in each ability → 124, transferability 25 + 50 = 75; 429 in all.
/** The worked profile as JSON padded with spaces to exactly `length` bytes (still valid JSON). */
const paddedTo = (length: number) => {
  const json = JSON.stringify(workedProfile);
  return `${json.slice(0, -1)}${" ".repeat(length - json.length)}}`;
};

const errorOf = (a: Answer) => (JSON.parse(a.text) as { error: Record<string, string> }).error;

/** The headers every answer carries, errors included (the profile travels in the app's URLs). */
const expectSecurityHeaders = (a: Answer) => {
  expect(a.headers["x-content-type-options"]).toBe("nosniff");
  expect(a.headers["referrer-policy"]).toBe("no-referrer");
  expect(a.headers["content-security-policy"]).toContain("default-src 'self'");
};

describe.each([
  { way: "with a Content-Length", chunked: false },
  { way: "chunked, without a length", chunked: true },
])("POST /api/crs through Node, body sent $way", ({ chunked }) => {
  it("scores the worked example (429) with the security headers", async () => {
    const a = await post("/api/crs", JSON.stringify(workedProfile), chunked);
    expect(a.status).toBe(200);
    expect((JSON.parse(a.text) as { total: number }).total).toBe(429);
    expect(a.headers["content-type"]).toContain("application/json");
    expectSecurityHeaders(a);
  });

  it("accepts a body of exactly 64 KiB and refuses one byte more with a 413 naming the body", async () => {
    expect(maxBodyBytes).toBe(65_536);
    const atLimit = await post("/api/crs", paddedTo(65_536), chunked);
    expect(atLimit.status).toBe(200);
    expect((JSON.parse(atLimit.text) as { total: number }).total).toBe(429);

    const over = await post("/api/crs", paddedTo(65_537), chunked);
    expect(over.status).toBe(413);
    expect(over.headers["content-type"]).toContain("application/json");
    expect(errorOf(over)).toEqual({ field: "(body)", problem: "is too large", allowed: "at most 64 KiB" });
    expectSecurityHeaders(over);
  });

  it("answers a body that is not JSON with a 400 naming the body, no stack trace", async () => {
    const a = await post("/api/crs", "{age: 29", chunked);
    expect(a.status).toBe(400);
    expect(errorOf(a)).toMatchObject({ field: "(body)", problem: "is not valid JSON" });
    expect(a.text).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
    expectSecurityHeaders(a);
  });

  it("answers an empty body with a 400 saying it is empty", async () => {
    const a = await post("/api/crs", "", chunked);
    expect(a.status).toBe(400);
    expect(errorOf(a)).toMatchObject({ field: "(body)", problem: "is empty" });
  });

  it("logs nothing for any of these answers (profiles are personal data)", () => {
    expect(logged).toEqual([]);
  });
});

describe("answers other than POST /api/crs through Node", () => {
  it("an unknown API path is a JSON 404 naming the path, with the security headers", async () => {
    const a = await post("/api/nope", "{}", false);
    expect(a.status).toBe(404);
    expect(errorOf(a).field).toBe("(path)");
    expectSecurityHeaders(a);
  });
});
