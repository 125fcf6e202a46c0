// The clients API and the listener judged for real, over sockets: by default the server listens on this
// machine's loopback only, and a caller on another host (a network namespace this test makes, with a veth
// pair, where the machine allows it) is refused the clients whatever its request says of itself: Host,
// an absolute-form target, X-Forwarded-For.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createAdaptorServer } from "@hono/node-server";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server/app.js";
import { createDataContext } from "../src/server/context.js";
import { startServer } from "../src/server/start.js";
import { engineer } from "./support/profiles.js";

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "ee-server-network-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Sends `request` as raw bytes to host:port and returns the status code and the body. */
function rawRequest(host: string, port: number, request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString();
      resolve({ status: Number(text.split(" ")[1]), body: text.slice(text.indexOf("\r\n\r\n") + 4) });
    });
    socket.write(request);
  });
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  return undefined;
}

describe("the listener", () => {
  it("listens on 127.0.0.1 and ::1 by default, and on no other interface", async () => {
    const server = await startServer({ port: 0, dataDir: join(scratch, "default"), logError: () => {} });
    try {
      expect(server.beyondLoopback).toBe(false);
      expect(server.addresses[0]).toBe("127.0.0.1");
      expect(["127.0.0.1", "::1"]).toEqual(expect.arrayContaining(server.addresses));
      expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
      if (server.addresses.includes("::1"))
        expect((await fetch(`http://[::1]:${server.port}/healthz`)).status).toBe(200);
      const external = externalAddress();
      if (external) {
        const refused = await fetch(`http://${external}:${server.port}/healthz`).then(
          () => "answered",
          (e: { cause?: { code?: string } }) => e.cause?.code,
        );
        expect(refused).toBe("ECONNREFUSED");
      }
    } finally {
      await server.close();
    }
  });

  it("listens where HOST says, and then refuses the clients to everyone, this machine included", async () => {
    const server = await startServer({
      port: 0,
      host: "0.0.0.0",
      dataDir: join(scratch, "everywhere"),
      logError: () => {},
    });
    try {
      expect(server.beyondLoopback).toBe(true);
      expect(server.addresses).toEqual(["0.0.0.0"]);
      const clients = await fetch(`http://127.0.0.1:${server.port}/api/clients`);
      expect(clients.status).toBe(403);
      expect(((await clients.json()) as { error: { field: string } }).error.field).toBe("(listener)");
      expect((await fetch(`http://127.0.0.1:${server.port}/api/draws?limit=1`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

/** A network namespace joined to this machine by a veth pair: another host, as far as sockets can tell. */
function makeOtherHost(): {
  name: string;
  hostAddress: string;
  otherAddress: string;
  remove: () => void;
} | null {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return null;
  const id = String(process.pid % 100000);
  const name = `ee-test-${id}`;
  const [hostSide, otherSide] = [`eeh${id}`, `eeo${id}`];
  const third = (process.pid % 200) + 20;
  const hostAddress = `10.231.${third}.1`;
  const otherAddress = `10.231.${third}.2`;
  const remove = () => {
    for (const args of [
      ["netns", "del", name],
      ["link", "del", hostSide],
    ])
      try {
        execFileSync("ip", args, { stdio: "ignore" });
      } catch {
        // already gone
      }
  };
  try {
    for (const args of [
      ["netns", "add", name],
      ["link", "add", hostSide, "type", "veth", "peer", "name", otherSide],
      ["link", "set", otherSide, "netns", name],
      ["addr", "add", `${hostAddress}/30`, "dev", hostSide],
      ["link", "set", hostSide, "up"],
      ["netns", "exec", name, "ip", "addr", "add", `${otherAddress}/30`, "dev", otherSide],
      ["netns", "exec", name, "ip", "link", "set", otherSide, "up"],
    ])
      execFileSync("ip", args, { stdio: "ignore" });
    return { name, hostAddress, otherAddress, remove };
  } catch {
    remove();
    return null;
  }
}

const otherHost = makeOtherHost();
afterAll(() => otherHost?.remove());

describe.skipIf(otherHost === null)("a caller on another host (a network namespace)", async () => {
  const host = otherHost!;
  const data = await createDataContext({ dataDir: join(scratch, "namespace"), today: () => "2025-11-20" });
  // The app as the server builds it on loopback (listensBeyondLoopback false): only the socket's address
  // can tell the other host apart, as it would behind a misconfigured port forward.
  const app = createApp({ ...data, logError: () => {} });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, host.hostAddress, resolve));
  const port = (server.address() as AddressInfo).port;
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await data.close();
  });

  /** Runs a raw HTTP request from inside the namespace and returns "status body". */
  async function fromOtherHost(request: string): Promise<{ status: number; body: string }> {
    const script = `
      const s = require("node:net").connect(${port}, ${JSON.stringify(host.hostAddress)});
      const out = [];
      s.on("data", (c) => out.push(c));
      s.on("end", () => process.stdout.write(Buffer.concat(out)));
      s.on("error", (e) => { process.stdout.write("ERROR " + e.code); });
      s.write(${JSON.stringify(request)});`;
    const { stdout } = await run("ip", ["netns", "exec", host.name, process.execPath, "-e", script]);
    return { status: Number(stdout.split(" ")[1]), body: stdout.slice(stdout.indexOf("\r\n\r\n") + 4) };
  }

  it("is refused the clients whatever it says of itself, and still reads the draws", async () => {
    // This machine itself, connecting to the veth address, comes from that address (not loopback): refused.
    const body = JSON.stringify({ label: "NS-1", profile: engineer });
    const fromHere = await rawRequest(
      host.hostAddress,
      port,
      `POST /api/clients HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(fromHere.status).toBe(403);

    for (const request of [
      "GET /api/clients HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
      "GET http://localhost/api/clients HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
      "GET /api/clients/NS-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 127.0.0.1\r\nX-Real-IP: 127.0.0.1\r\nConnection: close\r\n\r\n",
      "DELETE http://127.0.0.1:8080/api/clients/NS-1 HTTP/1.1\r\nHost: [::1]\r\nConnection: close\r\n\r\n",
    ]) {
      const answer = await fromOtherHost(request);
      expect(answer.status, request).toBe(403);
      expect(JSON.parse(answer.body).error.field, request).toBe("(address)");
    }
    const draws = await fromOtherHost(
      "GET /api/draws?limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(draws.status).toBe(200);
  });
});
