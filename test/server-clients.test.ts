// The clients API through Hono's in-memory fetch, on a real embedded database seeded with the bundled
// feed: status codes (201, 200, 400, 404, 409), JSON error bodies naming the field, the status of a
// hand-worked client, and no profile value in any error or log line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server/app.js";
import { createDataContext } from "../src/server/context.js";
import { connectionFrom, onThisMachine } from "./support/connection.js";
import { engineer, withPteCore } from "./support/profiles.js";

const dataDir = mkdtempSync(join(tmpdir(), "ee-server-clients-"));
const data = await createDataContext({ dataDir, today: () => "2025-11-20" });
const logged: string[] = [];
const app = createApp({ ...data, logError: (line) => logged.push(line) });
afterAll(async () => {
  await data.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const send = (method: string, path: string, body?: unknown) =>
  app.request(
    path,
    {
      method,
      ...(body === undefined
        ? {}
        : {
            body: typeof body === "string" ? body : JSON.stringify(body),
            headers: { "content-type": "application/json" },
          }),
    },
    onThisMachine,
  );

interface ErrorBody {
  error: { field: string; problem: string; allowed?: string };
  errors: { field: string; problem: string; allowed?: string }[];
}

describe("the clients API", () => {
  it("adds (201), reads, lists with status, updates, and deletes a client", async () => {
    const created = await send("POST", "/api/clients", { label: "F-1", profile: engineer, notes: "new" });
    expect(created.status).toBe(201);
    const client = (await created.json()) as {
      label: string;
      notes: string;
      profile: { jobOffer: string };
      createdAt: string;
    };
    expect(client).toMatchObject({ label: "F-1", notes: "new" });
    expect(client.profile.jobOffer).toBe("none"); // the schema's defaults, as stored

    const read = await send("GET", "/api/clients/F-1");
    expect(read.status).toBe(200);
    expect(((await read.json()) as { profile: { age: number } }).profile.age).toBe(29);

    const list = await send("GET", "/api/clients");
    expect(list.status).toBe(200);
    const listed = (await list.json()) as {
      data: { asOf: string; latestRound: string };
      paths: number;
      count: number;
      clients: { label: string; profile?: unknown; status: { crs: number; probability: unknown } }[];
    };
    // Today (2025-11-20) by default; the bundled feed's latest round is 379 of 2025-11-14.
    expect(listed.data).toMatchObject({ asOf: "2025-11-20", latestRound: "2025-11-14", stale: false });
    expect(listed.count).toBe(1);
    expect(listed.clients[0]!.profile).toBeUndefined();
    // 110 + 120 + 4 × 31 + 40 + (25 + 13) + 50 = 482 (see test/cli-clients.test.ts for the lines).
    expect(listed.clients[0]!.status.crs).toBe(482);
    expect(listed.paths).toBe(0);
    expect(listed.clients[0]!.status.probability).toBeNull();

    const withChance = (await (await send("GET", "/api/clients?paths=200&seed=3")).json()) as {
      paths: number;
      clients: { status: { probability: { paths: number; seed: number } } }[];
    };
    expect(withChance.paths).toBe(200);
    expect(withChance.clients[0]!.status.probability).toMatchObject({ paths: 200, seed: 3 });

    // Age 30 instead of 29: 105 instead of 110 points, so 477.
    const updated = await send("PUT", "/api/clients/F-1", { profile: { ...engineer, age: 30 } });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ label: "F-1", notes: "new", profile: { age: 30 } });
    const status = await send("GET", "/api/clients/F-1/status?paths=0&asOf=2025-11-20");
    expect(status.status).toBe(200);
    const s = (await status.json()) as {
      label: string;
      status: {
        crs: number;
        latestRounds: { stream: string; round: string; cutoff: number; margin: number; invited: boolean }[];
      };
    };
    expect(s.status.crs).toBe(477);
    // IRCC's feed: the latest CEC round by 2025-11-20 is round 378 (2025-11-12), cut-off 533.
    expect(s.status.latestRounds.find((r) => r.stream === "cec")).toMatchObject({
      round: "378",
      cutoff: 533,
      margin: 477 - 533,
      invited: false,
    });

    const notesOnly = await send("PUT", "/api/clients/F-1", { notes: null });
    expect(await notesOnly.json()).toMatchObject({ notes: null, profile: { age: 30 } });

    const removed = await send("DELETE", "/api/clients/F-1");
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ removed: "F-1" });
    expect((await send("GET", "/api/clients/F-1")).status).toBe(404);
  });

  it("answers 409 for a label in use and keeps the stored client", async () => {
    expect((await send("POST", "/api/clients", { label: "D-1", profile: engineer })).status).toBe(201);
    const again = await send("POST", "/api/clients", { label: "D-1", profile: { ...engineer, age: 50 } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error).toMatchObject({ field: "label" });
    expect(
      ((await (await send("GET", "/api/clients/D-1")).json()) as { profile: { age: number } }).profile.age,
    ).toBe(29);
    await send("DELETE", "/api/clients/D-1");
  });

  it("answers 400 naming each bad field, without echoing a value, and stores nothing", async () => {
    const bad = await send("POST", "/api/clients", {
      label: "E-1",
      profile: { ...engineer, age: 131, education: "phd" },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.errors.map((e) => e.field).sort()).toEqual(["profile.age", "profile.education"]);
    expect(JSON.stringify(body)).not.toContain("131");
    expect(JSON.stringify(body)).not.toContain("phd");
    expect((await send("GET", "/api/clients/E-1")).status).toBe(404);

    const badLabel = await send("POST", "/api/clients", { label: "has space", profile: engineer });
    expect(badLabel.status).toBe(400);
    expect(((await badLabel.json()) as ErrorBody).error.field).toBe("label");

    const empty = await send("PUT", "/api/clients/E-1", {});
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).error.allowed).toBe("a profile, notes, or both");

    const notJson = await send("POST", "/api/clients", "{label:");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorBody).error.field).toBe("(body)");

    const paths = await send("GET", "/api/clients?paths=5");
    expect(paths.status).toBe(400);
    expect(((await paths.json()) as ErrorBody).error).toMatchObject({
      field: "paths",
      allowed: "0 (no probability) or 100 to 5000",
    });
    const early = await send("GET", "/api/clients?asOf=2014-12-31");
    expect(early.status).toBe(400);
    expect(((await early.json()) as ErrorBody).error.field).toBe("asOf");

    expect((await send("GET", "/api/clients")).status).toBe(200);
    expect(((await (await send("GET", "/api/clients")).json()) as { count: number }).count).toBe(0);
    expect(logged).toEqual([]);
  });

  it("lists a client that cannot be scored on the date with its problems instead of failing", async () => {
    const pte = withPteCore(engineer);
    expect((await send("POST", "/api/clients", { label: "P-1", profile: pte })).status).toBe(201);
    // PTE Core counts from 2024-01-30.
    const res = await send("GET", "/api/clients?asOf=2023-06-01");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      clients: { label: string; status: unknown; problems?: { field: string }[] }[];
    };
    const byCrs = (await (await send("GET", "/api/clients?asOf=2023-06-01&sort=crs")).json()) as typeof body;
    expect(byCrs.clients.at(-1)?.label).toBe("P-1"); // no score: last
    const badSort = await send("GET", "/api/clients?sort=age");
    expect(badSort.status).toBe(400);
    expect(((await badSort.json()) as ErrorBody).error).toMatchObject({
      field: "sort",
      allowed: "label | crs | chance",
    });
    expect(body.clients.find((c) => c.label === "P-1")).toMatchObject({
      status: null,
      problems: [{ field: "firstLanguage.test" }],
    });
    const one = await send("GET", "/api/clients/P-1/status?asOf=2023-06-01&paths=0");
    expect(one.status).toBe(400);
    expect(((await one.json()) as ErrorBody).error.field).toBe("firstLanguage.test");
    await send("DELETE", "/api/clients/P-1");
  });

  it("lists a stored profile the schema now refuses with its problems, and answers 422 for its status", async () => {
    // As a profile stored under an older schema would be: an education value since withdrawn.
    const old = { ...engineer, education: "phd" };
    await data.db!.query(
      "insert into clients (label, profile, notes, created_at, updated_at) values ($1, $2::jsonb, null, $3, $3)",
      ["OLD-1", JSON.stringify(old), "2025-01-01T00:00:00Z"],
    );
    const list = await send("GET", "/api/clients?paths=0");
    expect(list.status).toBe(200);
    const listed = (await list.json()) as { clients: Record<string, unknown>[] };
    expect(listed.clients.find((c) => c.label === "OLD-1")).toEqual({
      label: "OLD-1",
      notes: null,
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
      status: null,
      problems: [
        expect.objectContaining({ field: "profile.education", allowed: expect.stringContaining("doctoral") }),
      ],
    });

    const status = await send("GET", "/api/clients/OLD-1/status?paths=0");
    expect(status.status).toBe(422);
    const error = (await status.json()) as ErrorBody;
    expect(error.errors.map((e) => e.field)).toEqual(["profile", "profile.education"]);
    expect(JSON.stringify(error)).not.toContain("phd");

    // Read as stored, with what to correct; a corrected profile makes it current again.
    const read = (await (await send("GET", "/api/clients/OLD-1")).json()) as Record<string, unknown>;
    expect(read.profile).toEqual(old);
    expect(read.profileProblems).toEqual([expect.objectContaining({ field: "profile.education" })]);
    expect((await send("PUT", "/api/clients/OLD-1", { profile: engineer })).status).toBe(200);
    expect((await send("GET", "/api/clients/OLD-1/status?paths=0")).status).toBe(200);
    await send("DELETE", "/api/clients/OLD-1");
    expect(logged).toEqual([]);
  });

  it("answers 409 to an update based on a read the client has changed since, and saves nothing", async () => {
    const added = (await (
      await send("POST", "/api/clients", { label: "W-1", profile: engineer })
    ).json()) as {
      updatedAt: string;
    };
    // Two people opened the client; the first saves with the updatedAt read...
    const first = await send("PUT", "/api/clients/W-1", {
      notes: "first",
      expectedUpdatedAt: added.updatedAt,
    });
    expect(first.status).toBe(200);
    const firstSaved = (await first.json()) as { updatedAt: string };
    // ...the second, with the same one, would overwrite it unseen: 409, naming the field.
    const second = await send("PUT", "/api/clients/W-1", {
      notes: "second",
      expectedUpdatedAt: added.updatedAt,
    });
    expect(second.status).toBe(409);
    expect(((await second.json()) as ErrorBody).error).toMatchObject({
      field: "expectedUpdatedAt",
      problem: expect.stringContaining(firstSaved.updatedAt),
    });
    expect(((await (await send("GET", "/api/clients/W-1")).json()) as { notes: string }).notes).toBe("first");
    const badInstant = await send("PUT", "/api/clients/W-1", { notes: "x", expectedUpdatedAt: "yesterday" });
    expect(badInstant.status).toBe(400);
    expect(((await badInstant.json()) as ErrorBody).error.field).toBe("expectedUpdatedAt");
    await send("DELETE", "/api/clients/W-1");
  });

  it("refuses a write sent by a page of another site (403) or as another media type (415), storing nothing", async () => {
    const body = JSON.stringify({ label: "X-SITE", profile: engineer });
    const post = (headers: Record<string, string>) =>
      app.request("/api/clients", { method: "POST", body, headers }, onThisMachine);
    // What a page elsewhere can send without asking: text/plain with "json" in a parameter, a typeless Blob
    // from another origin, or a browser saying the request is cross-site.
    const textPlain = await post({ "content-type": "text/plain;x=json" });
    expect(textPlain.status).toBe(415);
    expect(((await textPlain.json()) as ErrorBody).error.field).toBe("(content-type)");
    for (const headers of [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "same-site" },
      { "content-type": "application/json", origin: "http://localhost:9999" },
    ] as Record<string, string>[]) {
      const res = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as ErrorBody).error.field).toBe("(origin)");
    }
    const del = await app.request(
      "/api/clients/X-SITE",
      { method: "DELETE", headers: { origin: "https://evil.example" } },
      onThisMachine,
    );
    expect(del.status).toBe(403);
    expect((await send("GET", "/api/clients/X-SITE")).status).toBe(404);

    // The site's own pages (same origin) and clients that send no Origin (curl, scripts) are served.
    const own = await post({
      "content-type": "application/json",
      origin: "http://localhost",
      "sec-fetch-site": "same-origin",
    });
    expect(own.status).toBe(201);
    const script = await post({ "content-type": "application/merge-patch+json" });
    expect(script.status).toBe(409); // served: the label is in use now
    // Reading stays open to every origin's GET (the answer is not readable there without CORS).
    expect(
      (
        await app.request(
          "/api/clients/X-SITE",
          { headers: { origin: "https://evil.example" } },
          onThisMachine,
        )
      ).status,
    ).toBe(200);
    await send("DELETE", "/api/clients/X-SITE");
  });

  it("serves the clients only to a connection from this machine, whatever the request says of itself", async () => {
    expect((await send("POST", "/api/clients", { label: "H-1", profile: engineer })).status).toBe(201);
    const from = (address: string, url: string, init: RequestInit = {}) =>
      app.request(url, init, connectionFrom(address));
    // Another machine, saying it is localhost in every way a request can: Host, an absolute-form target
    // (the URL), X-Forwarded-For, Forwarded, X-Real-IP. Reads, writes and deletes are all refused.
    const forged = { host: "localhost:8080", "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" };
    for (const [address, url, init] of [
      ["192.168.1.20", "http://localhost:8080/api/clients", { headers: forged }],
      ["10.0.0.7", "http://127.0.0.1:8080/api/clients/H-1", { headers: { host: "127.0.0.1:8080" } }],
      ["::ffff:10.0.0.7", "http://[::1]:8080/api/clients/H-1/status?paths=0", {}],
      ["2001:db8::1", "http://localhost/api/clients/H-1", { method: "DELETE", headers: forged }],
      ["203.0.113.9", "http://localhost/api/clients", { method: "POST", body: "{}", headers: forged }],
    ] as [string, string, RequestInit][]) {
      const res = await from(address, url, init);
      expect(res.status, `${address} ${url}`).toBe(403);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as ErrorBody;
      expect(body.error.field).toBe("(address)");
      expect(JSON.stringify(body)).not.toContain("29"); // nothing of the profile
    }
    // No socket at all (an in-process request) is not a caller on this machine either.
    expect((await app.request("http://localhost/api/clients/H-1")).status).toBe(403);
    expect((await send("GET", "/api/clients/H-1")).status).toBe(200); // it was not deleted

    // From this machine, every loopback address, IPv4-mapped included, is served, with no-store.
    for (const address of ["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"]) {
      const res = await from(address, "http://localhost:8080/api/clients/H-1");
      expect(res.status, address).toBe(200);
      expect(res.headers.get("cache-control"), address).toBe("no-store");
    }
    // A proxy on this machine that nobody declared makes every caller look local: its forwarding headers
    // refuse (a header may refuse, never grant).
    for (const headers of [
      { "x-forwarded-for": "198.51.100.4" },
      { forwarded: "for=198.51.100.4" },
      { "x-real-ip": "198.51.100.4" },
    ] as Record<string, string>[]) {
      const res = await from("127.0.0.1", "http://localhost/api/clients/H-1", { headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as ErrorBody).error.field).toBe("(proxy)");
    }
    // Through another site's domain name pointed at this machine (DNS rebinding): local socket, foreign Host.
    for (const url of ["http://evil.example/api/clients/H-1", "http://192.168.1.20:8080/api/clients"]) {
      const res = await from("127.0.0.1", url);
      expect(res.status, url).toBe(403);
      expect(((await res.json()) as ErrorBody).error).toMatchObject({
        field: "(host)",
        allowed: expect.stringContaining("EE_CLIENTS_HOSTS"),
      });
    }
    for (const host of ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "ee.localhost"])
      expect((await from("127.0.0.1", `http://${host}/api/clients/H-1`)).status, host).toBe(200);
    // The rest of the API is not personal and stays open to the network (when the server listens on it).
    const draws = await from("192.168.1.20", "http://192.168.1.20:8080/api/draws?limit=1");
    expect(draws.status).toBe(200);
    expect(draws.headers.get("cache-control")).toBeNull();

    // A host name the operator listed (EE_CLIENTS_HOSTS) is served, but only to this machine still.
    const office = createApp({
      ...data,
      logError: (line) => logged.push(line),
      clientsHosts: ["ee.office.lan"],
    });
    expect((await office.request("http://ee.office.lan/api/clients/H-1", {}, onThisMachine)).status).toBe(
      200,
    );
    expect(
      (await office.request("http://ee.office.lan/api/clients/H-1", {}, connectionFrom("10.1.1.1"))).status,
    ).toBe(403);
    expect((await office.request("http://evil.example/api/clients/H-1", {}, onThisMachine)).status).toBe(403);

    // A proxy the operator declared (EE_TRUSTED_PROXIES) is believed about whom it forwards for.
    const proxied = createApp({
      ...data,
      logError: (line) => logged.push(line),
      trustedProxies: ["127.0.0.1"],
    });
    const via = (forwardedFor: string) =>
      proxied.request(
        "http://localhost/api/clients/H-1",
        { headers: { "x-forwarded-for": forwardedFor } },
        onThisMachine,
      );
    expect((await via("198.51.100.4")).status).toBe(403);
    expect((await via("127.0.0.1, 198.51.100.4")).status).toBe(403); // the caller's own entry proves nothing
    expect((await via("127.0.0.1")).status).toBe(200); // a caller on this machine, through the proxy
    // A trusted proxy on another machine: its "127.0.0.1" is its own machine, not this one.
    const remoteProxy = createApp({
      ...data,
      logError: (line) => logged.push(line),
      trustedProxies: ["10.0.0.2"],
    });
    const viaRemote = await remoteProxy.request(
      "http://localhost/api/clients/H-1",
      { headers: { "x-forwarded-for": "127.0.0.1" } },
      connectionFrom("10.0.0.2"),
    );
    expect(viaRemote.status).toBe(403);
    // Another machine connecting directly is not the trusted proxy, whatever it forwards.
    const direct = await proxied.request(
      "http://localhost/api/clients/H-1",
      { headers: { "x-forwarded-for": "127.0.0.1" } },
      connectionFrom("192.168.1.20"),
    );
    expect(direct.status).toBe(403);

    // Listening beyond loopback (HOST), the clients are refused to everyone until there are accounts.
    const exposed = createApp({
      ...data,
      logError: (line) => logged.push(line),
      listensBeyondLoopback: true,
    });
    const refused = await exposed.request("http://localhost/api/clients/H-1", {}, onThisMachine);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.field).toBe("(listener)");
    expect((await exposed.request("http://localhost/api/draws?limit=1", {}, onThisMachine)).status).toBe(200);
    await send("DELETE", "/api/clients/H-1");
  });

  it("repeats no submitted value in its errors: not a label, a note or a date of birth", async () => {
    const label = "SMITH-JOHN-1961";
    for (const res of [
      await send("GET", `/api/clients/${label}`),
      await send("PUT", `/api/clients/${label}`, { notes: "x" }),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("SMITH");
    }
    expect((await send("POST", "/api/clients", { label, profile: engineer })).status).toBe(201);
    const twice = await send("POST", "/api/clients", { label, profile: engineer });
    expect(twice.status).toBe(409);
    expect(await twice.text()).not.toContain("SMITH");
    const born = "1961-07-14";
    const disagrees = await send("PUT", `/api/clients/${label}`, {
      profile: { ...engineer, assessedOn: "2025-11-20", birthDate: born },
    });
    expect(disagrees.status).toBe(400);
    const text = await disagrees.text();
    expect(text).not.toContain(born);
    expect(text).not.toContain("SMITH");
    const tooLongNote = await send("PUT", `/api/clients/${label}`, {
      notes: "Lives at 12 Elm St. ".repeat(1000),
    });
    expect(tooLongNote.status).toBe(400);
    expect(await tooLongNote.text()).not.toContain("Elm");
    await send("DELETE", `/api/clients/${label}`);
  });

  it("logs an unexpected failure with the route as registered, not the client's label", async () => {
    expect((await send("POST", "/api/clients", { label: "SMITH-JOHN", profile: engineer })).status).toBe(201);
    const lines: string[] = [];
    const broken = createApp({
      ...data,
      rounds: () => Promise.reject(new Error("the rounds table is gone")),
      logError: (line) => lines.push(line),
    });
    const res = await broken.request("/api/clients/SMITH-JOHN/status?paths=0", {}, onThisMachine);
    expect(res.status).toBe(500);
    expect(lines).toEqual(["error: GET /api/clients/:label/status: Error"]);
    await send("DELETE", "/api/clients/SMITH-JOHN");
  });

  it("answers 404 for an unknown label on every operation of a client", async () => {
    for (const [method, path, body] of [
      ["GET", "/api/clients/NOPE"],
      ["PUT", "/api/clients/NOPE", { notes: "x" }],
      ["DELETE", "/api/clients/NOPE"],
      ["GET", "/api/clients/NOPE/status"],
    ] as const) {
      const res = await send(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as ErrorBody).error.field).toBe("label");
    }
  });

  it("documents every clients operation in the OpenAPI document", async () => {
    const doc = (await (await send("GET", "/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.paths["/api/clients"]?.get?.operationId).toBe("listClients");
    expect(doc.paths["/api/clients"]?.post?.operationId).toBe("addClient");
    expect(doc.paths["/api/clients/{label}"]?.get?.operationId).toBe("getClient");
    expect(doc.paths["/api/clients/{label}"]?.put?.operationId).toBe("updateClient");
    expect(doc.paths["/api/clients/{label}"]?.delete?.operationId).toBe("removeClient");
    expect(doc.paths["/api/clients/{label}/status"]?.get?.operationId).toBe("getClientStatus");
  });

  it("documents the 403 answers where they apply: writes from another site, clients on another host", async () => {
    const doc = (await (await send("GET", "/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const forbidden = (path: string, method: string) =>
      doc.paths[path]?.[method]?.responses["403"]?.description;
    expect(forbidden("/api/clients", "get")).toMatch(/^Not from the server's own machine .*host name/);
    expect(forbidden("/api/clients/{label}", "put")).toMatch(
      /another site.*; or Not from the server's own machine/,
    );
    expect(forbidden("/api/crs", "post")).toMatch(/^Sent by a page of another site/);
    expect(forbidden("/api/draws", "get")).toBeUndefined();
  });
});

describe("text the database cannot store", () => {
  // PostgreSQL refuses U+0000 in text and jsonb; an unpaired surrogate is no character (jsonb refuses it,
  // a text column would store U+FFFD instead): refused on the way in, naming the field, not the value.
  const unstorable = [
    ["a NUL character", "private\u0000note"],
    ["an unpaired surrogate", "private\uD83Dnote"],
  ] as const;

  it.each(unstorable)(
    "refuses %s in a client's notes or profile with a 400 naming the field",
    async (_, text) => {
      const cases: [string, string, unknown, string][] = [
        ["POST", "/api/clients", { label: "T-1", profile: engineer, notes: text }, "notes"],
        ["POST", "/api/clients", { label: "T-1", profile: { ...engineer, id: text } }, "profile.id"],
        ["POST", "/api/crs", { ...engineer, assessedOn: "2025-06-01", id: text }, "id"],
      ];
      for (const [method, path, body, field] of cases) {
        const res = await send(method, path, body);
        const answer = await res.text();
        expect([path, field, res.status]).toEqual([path, field, 400]);
        expect((JSON.parse(answer) as ErrorBody).error).toMatchObject({
          field,
          problem: expect.stringMatching(/cannot be stored/),
        });
        expect(answer).not.toContain("private");
      }
      expect((await send("GET", "/api/clients/T-1")).status).toBe(404);

      expect(
        (await send("POST", "/api/clients", { label: "T-2", profile: engineer, notes: "fine" })).status,
      ).toBe(201);
      const update = await send("PUT", "/api/clients/T-2", { notes: text });
      expect(update.status).toBe(400);
      expect(((await update.json()) as ErrorBody).error.field).toBe("notes");
      expect(((await (await send("GET", "/api/clients/T-2")).json()) as { notes: string }).notes).toBe(
        "fine",
      );
      expect((await send("DELETE", "/api/clients/T-2")).status).toBe(200);
      expect(logged.join("\n")).not.toContain("private");
    },
  );
});
