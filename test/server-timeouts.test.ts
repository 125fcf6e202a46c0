// The HTTP server's timeouts (src/server/start.ts): the values set on Node's server, and what becomes of a
// connection that stalls half-way through its request: answered 408, closed, logged once as a timeout
// (never as a server error). The timeouts here are short so that the stall is reached; nothing asserts
// how long anything took.

import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server/app.js";
import { defaultTimeouts, listen } from "../src/server/start.js";

const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closing.splice(0)) await close();
});

async function serve(timeouts?: Parameters<typeof listen>[1]["timeouts"]) {
  const logged: string[] = [];
  const logError = (line: string) => logged.push(line);
  const app = createApp({ today: () => "2025-06-01", rounds: async () => [], logError });
  const server = await listen(app.fetch, { port: 0, hostname: "127.0.0.1", timeouts, logError });
  closing.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { server, logged, port: (server.address() as AddressInfo).port };
}

/** Sends `text` on a raw connection and collects what comes back until the server closes it. */
function sendAndWaitForClose(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString();
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(received));
  });
}

const short = { headersMs: 150, requestMs: 300, keepAliveMs: 100, checkEveryMs: 20 };

describe("the HTTP server's timeouts", () => {
  it("sets Node's timeouts: 10 s for the headers, 30 s for the whole request, 5 s kept alive", async () => {
    const { server } = await serve();
    expect(defaultTimeouts).toMatchObject({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 });
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(30_000);
    expect(server.keepAliveTimeout).toBe(5_000);
  });

  it("closes a connection that sends half its headers with a 408, logged once as a timeout", async () => {
    const { port, logged } = await serve(short);
    const answer = await sendAndWaitForClose(port, "POST /api/crs HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(logged).toEqual(["timeout: a request did not arrive in full in time: answered 408 and closed"]);
  });

  it("closes a connection that stops half-way through its body with a 408, logged once", async () => {
    const { port, logged } = await serve(short);
    const answer = await sendAndWaitForClose(
      port,
      'POST /api/crs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"age": 29',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    // The handler that was reading the body gives up too, without a second line (nor a 500).
    await new Promise((r) => setTimeout(r, 100));
    expect(logged).toEqual(["timeout: a request did not arrive in full in time: answered 408 and closed"]);
  });

  it("closes an idle kept-alive connection without logging anything", async () => {
    const { port, logged } = await serve(short);
    const answer = await sendAndWaitForClose(port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(logged).toEqual([]);
  });

  it("logs a client that hangs up in the middle of its body as an aborted request, not an error", async () => {
    const { port, logged } = await serve();
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          'POST /api/crs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"age": 29',
          () => setTimeout(() => socket.destroy(), 50),
        );
      });
      socket.on("close", () => resolve());
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(logged.filter((l) => l.startsWith("error:"))).toEqual([]);
    expect(logged).toEqual(["aborted: a client closed its connection in the middle of its request"]);
  });
});
