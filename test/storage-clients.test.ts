// The consultant's clients in a real database, on embedded PGlite and on the PostgreSQL server that
// test/global-setup.ts starts: the round trip, duplicate labels, bad profiles refused with the field named
// and nothing written, and imports that store all of their entries or none.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { FieldError } from "../src/profile/errors.js";
import {
  addClient,
  type Client,
  ClientChangedError,
  ClientExistsError,
  ClientImportError,
  ClientNotFoundError,
  type Db,
  importClients,
  listClients,
  loadClient,
  openDatabase,
  removeClient,
  type StoredClient,
  updateClient,
} from "../src/storage/index.js";
import { type Backend, databasePerTest, removeTemplates } from "./fixtures/feed/databases.js";

const profile = {
  age: 29,
  education: "bachelors",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7.5 },
  canadianWorkYears: 1,
  foreignWorkYears: 3,
};
const t0 = "2026-11-24T20:00:00.000Z";
const t1 = "2026-11-24T21:30:00.000Z";

/** What the work threw, or null when it did not throw. */
const rejection = (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => null,
    (error: unknown) => error,
  );

/** The FieldError's problems, or fails the test when something else (or nothing) was thrown. */
async function fieldProblems(work: Promise<unknown>) {
  const e = await rejection(work);
  expect(e).toBeInstanceOf(FieldError);
  return (e as FieldError).problems;
}

/** The client read back with a profile today's schema accepts (fails the test when it is outdated). */
function current(client: StoredClient | null | undefined): Client {
  expect(client?.profileProblems).toBeUndefined();
  return client as Client;
}

afterAll(() => removeTemplates());

describe("clients on a PostgreSQL database whose collation is a language's (ICU English)", () => {
  it("lists the clients in the same label order as PGlite and the CLI's sort: by character code", async () => {
    // A server set up with a language's collation sorts "a-1" before "B-2"; PGlite (and a C database)
    // after it. The list must not depend on which one stores the clients.
    const server = inject("postgresUrl");
    const name = `ee_test_icu_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(
      `create database ${name} template template0 locale_provider icu icu_locale 'en' locale 'C'`,
    );
    const url = new URL(server);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString() });
    try {
      for (const label of ["b-1", "A-2", "a-1", "B-2"]) await addClient(db, { label, profile }, t0);
      expect((await listClients(db)).map((c) => c.label)).toEqual(["A-2", "B-2", "a-1", "b-1"]);
    } finally {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe.each<Backend>(["pglite", "postgres"])("clients on %s", (backend) => {
  const open = databasePerTest(backend);

  it("adds, lists, loads, updates and removes a client", async () => {
    const db = await open();
    const added = await addClient(db, { label: "F-2026-017", profile, notes: "referred by X" }, t0);
    // The schema's defaults are applied before the profile is stored.
    expect(added).toMatchObject({
      label: "F-2026-017",
      notes: "referred by X",
      createdAt: t0,
      updatedAt: t0,
    });
    expect(added.profile).toMatchObject({ age: 29, jobOffer: "none", canadianEducation: "none" });
    await addClient(db, { label: "A-1", profile: { ...profile, age: 40 } }, t0);

    expect((await listClients(db)).map((c) => [c.label, current(c).profile.age, c.notes])).toEqual([
      ["A-1", 40, null],
      ["F-2026-017", 29, "referred by X"],
    ]);

    const updated = await updateClient(db, "F-2026-017", { profile: { ...profile, age: 30 } }, t1);
    expect(updated).toMatchObject({ createdAt: t0, updatedAt: t1, notes: "referred by X" });
    expect(current(updated).profile.age).toBe(30);
    // Notes alone: the profile is kept; null clears the notes.
    const noted = await updateClient(db, "F-2026-017", { notes: null }, t1);
    expect(noted.notes).toBeNull();
    expect(current(noted).profile.age).toBe(30);
    expect(current(await loadClient(db, "F-2026-017")).profile.age).toBe(30);

    await removeClient(db, "F-2026-017");
    expect(await loadClient(db, "F-2026-017")).toBeNull();
    expect((await listClients(db)).map((c) => c.label)).toEqual(["A-1"]);
    await expect(removeClient(db, "F-2026-017")).rejects.toBeInstanceOf(ClientNotFoundError);
    await expect(updateClient(db, "nobody", { notes: "x" }, t1)).rejects.toBeInstanceOf(ClientNotFoundError);
  });

  it("gives every reading of a stored profile its own copy (a change by one reader is not seen by the next)", async () => {
    const db = await open();
    await addClient(db, { label: "A-1", profile }, t0);
    await addClient(db, { label: "A-2", profile }, t0);
    const [first, second] = (await listClients(db)).map(current);
    expect(first!.profile).toEqual(second!.profile);
    first!.profile.age = 99;
    expect(second!.profile.age).toBe(29);
    expect((await listClients(db)).map((c) => current(c).profile.age)).toEqual([29, 29]);
    expect(current(await loadClient(db, "A-1")).profile.age).toBe(29);
  });

  it("refuses a second client with the same label and keeps the first", async () => {
    const db = await open();
    await addClient(db, { label: "F-1", profile }, t0);
    await expect(
      addClient(db, { label: "F-1", profile: { ...profile, age: 50 } }, t1),
    ).rejects.toBeInstanceOf(ClientExistsError);
    const kept = await loadClient(db, "F-1");
    expect(current(kept).profile.age).toBe(29);
    expect(kept?.updatedAt).toBe(t0);
  });

  it("does not overwrite an edit made after the caller read the client (expectedUpdatedAt)", async () => {
    const db = await open();
    const read = await addClient(db, { label: "E-1", profile, notes: "read at t0" }, t0);
    // Someone else saves first...
    await updateClient(db, "E-1", { notes: "their edit", expectedUpdatedAt: read.updatedAt }, t1);
    // ...so an edit based on what was read at t0 is refused, and theirs is kept.
    const stale = await rejection(
      updateClient(
        db,
        "E-1",
        { profile: { ...profile, age: 50 }, expectedUpdatedAt: read.updatedAt },
        "2026-11-24T22:00:00.000Z",
      ),
    );
    expect(stale).toBeInstanceOf(ClientChangedError);
    expect((stale as ClientChangedError).updatedAt).toBe(t1);
    const kept = current(await loadClient(db, "E-1"));
    expect([kept.notes, kept.profile.age, kept.updatedAt]).toEqual(["their edit", 29, t1]);
    // Read again, the edit goes through; an unknown label is still "not found", a bad instant a field problem.
    expect(current(await updateClient(db, "E-1", { notes: "mine", expectedUpdatedAt: t1 }, t1)).notes).toBe(
      "mine",
    );
    await expect(updateClient(db, "E-9", { notes: "x", expectedUpdatedAt: t1 }, t1)).rejects.toBeInstanceOf(
      ClientNotFoundError,
    );
    expect(
      (await fieldProblems(updateClient(db, "E-1", { notes: "x", expectedUpdatedAt: "yesterday" }, t1))).map(
        (p) => p.field,
      ),
    ).toEqual(["expectedUpdatedAt"]);
  });

  it("refuses a bad profile, naming each field, and writes nothing", async () => {
    const db = await open();
    const problems = await fieldProblems(
      addClient(
        db,
        {
          label: "F-2",
          profile: { ...profile, age: 150, firstLanguage: { ...profile.firstLanguage, reading: 9.7 } },
        },
        t0,
      ),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(["profile.age", "profile.firstLanguage.reading"]);
    // The value is not echoed: the field and the allowed range are enough, and profiles are personal data.
    expect(problems.find((p) => p.field === "profile.age")?.problem).toBe("is too large (at most 120)");
    expect(await listClients(db)).toEqual([]);

    const badLabel = await fieldProblems(addClient(db, { label: "no spaces/slashes", profile }, t0));
    expect(badLabel.map((p) => p.field)).toEqual(["label"]);
    expect(await listClients(db)).toEqual([]);

    // An update with a bad profile keeps the stored one.
    await addClient(db, { label: "F-3", profile }, t0);
    const updateProblems = await fieldProblems(
      updateClient(db, "F-3", { profile: { ...profile, education: "phd" } }, t1),
    );
    expect(updateProblems).toEqual([
      expect.objectContaining({ field: "profile.education", allowed: expect.stringContaining("doctoral") }),
    ]);
    const kept = await loadClient(db, "F-3");
    expect(current(kept).profile.education).toBe("bachelors");
    expect(kept?.updatedAt).toBe(t0);
  });

  it("imports every entry, or none when one is wrong", async () => {
    const db = await open();
    await addClient(db, { label: "OLD-1", profile }, t0);

    // Entry 2 has a bad field, entry 3 repeats entry 1's label: nothing is written, each problem names its entry.
    const refused = await rejection(
      importClients(
        db,
        [
          { label: "N-1", profile },
          { label: "N-2", profile: { ...profile, age: -1 } },
          { label: "N-1", profile },
        ],
        t1,
      ),
    );
    expect(refused).toBeInstanceOf(ClientImportError);
    expect((refused as ClientImportError).problems).toEqual([
      { entry: 2, problem: expect.objectContaining({ field: "profile.age" }) },
      { entry: 3, problem: expect.objectContaining({ field: "label" }) },
    ]);
    expect((await listClients(db)).map((c) => c.label)).toEqual(["OLD-1"]);

    // A label already stored is found inside the transaction: nothing of the batch is written either.
    const clash = await rejection(
      importClients(
        db,
        [
          { label: "N-1", profile },
          { label: "OLD-1", profile },
        ],
        t1,
      ),
    );
    expect((clash as ClientImportError).problems).toEqual([
      { entry: 2, problem: expect.objectContaining({ field: "label" }) },
    ]);
    expect((await listClients(db)).map((c) => c.label)).toEqual(["OLD-1"]);

    expect(
      await importClients(
        db,
        [
          { label: "N-1", profile, notes: "first" },
          { label: "N-2", profile: { ...profile, age: 45 } },
        ],
        t1,
      ),
    ).toBe(2);
    const all = await listClients(db);
    expect(all.map((c) => [c.label, current(c).profile.age, c.notes, c.createdAt])).toEqual([
      ["N-1", 29, "first", t1],
      ["N-2", 45, null, t1],
      ["OLD-1", 29, null, t0],
    ]);
  });

  it("refuses an import whose label another process stores between the check and the insert, writing nothing", async () => {
    const db = await open();
    await addClient(db, { label: "RACE-2", profile }, t0);
    // The check for labels in use runs before another process's client is committed: here it sees none,
    // as it would have a moment earlier; the insert then meets the row.
    const checkMissesTheRow: Db = {
      ...db,
      transaction: (work) =>
        db.transaction((tx) =>
          work({
            ...tx,
            query: <T>(sql: string, params?: unknown[]) =>
              /^select label from clients/.test(sql) ? Promise.resolve([] as T[]) : tx.query<T>(sql, params),
          }),
        ),
    };
    const refused = await rejection(
      importClients(
        checkMissesTheRow,
        [
          { label: "RACE-1", profile },
          { label: "RACE-2", profile },
        ],
        t1,
      ),
    );
    expect(refused).toBeInstanceOf(ClientImportError);
    expect((refused as ClientImportError).problems).toEqual([
      {
        entry: 2,
        problem: expect.objectContaining({
          field: "label",
          problem: 'a client labelled "RACE-2" already exists',
        }),
      },
    ]);
    expect((await listClients(db)).map((c) => [c.label, c.createdAt])).toEqual([["RACE-2", t0]]);
  });

  it("keeps a write made outside a transaction while it is open, when the transaction is rolled back", async () => {
    const db = await open();
    // The server shares one database between requests: a client added while an import is under way must
    // not become part of the import's transaction (PostgreSQL gives each transaction a connection of its
    // own, PGlite serializes).
    let opened!: () => void;
    const transactionOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const rolledBack = db.transaction(async (tx) => {
      await tx.query(
        "insert into clients (label, profile, notes, created_at, updated_at) values ('IN-TX', '{}'::jsonb, null, $1, $1)",
        [t0],
      );
      opened();
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error("the import failed");
    });
    await transactionOpen;
    const addedMeanwhile = addClient(db, { label: "OUTSIDE", profile }, t1);
    await expect(rolledBack).rejects.toThrow("the import failed");
    await addedMeanwhile;
    expect((await listClients(db)).map((c) => c.label)).toEqual(["OUTSIDE"]);
  });

  it("reads a stored profile the schema now refuses as outdated, naming its fields, and keeps it as stored", async () => {
    const db = await open();
    await addClient(db, { label: "NEW-1", profile }, t0);
    // As a profile stored under an older schema would be: an education value since withdrawn, and
    // without the first language the schema now requires.
    const old = { age: 33, education: "phd", canadianWorkYears: 0, foreignWorkYears: 2 };
    await db.query(
      "insert into clients (label, profile, notes, created_at, updated_at) values ($1, $2::jsonb, null, $3, $3)",
      ["OLD-2", JSON.stringify(old), t0],
    );

    const loaded = await loadClient(db, "OLD-2");
    expect(loaded?.profile).toEqual(old); // as stored: nothing dropped, nothing invented
    expect(loaded?.profileProblems?.map((p) => p.field).sort()).toEqual([
      "profile.education",
      "profile.firstLanguage",
    ]);
    // The problems name the field and the allowed values, never the stored value.
    expect(JSON.stringify(loaded?.profileProblems)).not.toContain("phd");
    expect((await listClients(db)).map((c) => [c.label, c.profileProblems === undefined])).toEqual([
      ["NEW-1", true],
      ["OLD-2", false],
    ]);

    // Notes alone keep the outdated profile; a corrected profile makes it current again.
    expect((await updateClient(db, "OLD-2", { notes: "to review" }, t1)).profile).toEqual(old);
    await updateClient(db, "OLD-2", { profile: { ...profile, age: 33 } }, t1);
    expect(current(await loadClient(db, "OLD-2")).profile.age).toBe(33);
  });
});
