// Where the database lives, and the migration list's numbering rule. No database needed.
import { describe, expect, it } from "vitest";
import {
  databaseOptionsFromEnv,
  databaseWaitSeconds,
  defaultDataDir,
  migrate,
  migrations,
} from "../src/storage/index.js";

describe("defaultDataDir", () => {
  it("prefers EE_DATA_DIR, then XDG_DATA_HOME, then the platform's user data directory", () => {
    expect(defaultDataDir({ EE_DATA_DIR: "/data/ee", XDG_DATA_HOME: "/x" }, "linux", "/home/a")).toBe(
      "/data/ee",
    );
    expect(defaultDataDir({ XDG_DATA_HOME: "/x" }, "linux", "/home/a")).toBe("/x/express-entry-engine");
    expect(defaultDataDir({}, "linux", "/home/a")).toBe("/home/a/.local/share/express-entry-engine");
    expect(defaultDataDir({}, "darwin", "/Users/a")).toBe(
      "/Users/a/Library/Application Support/express-entry-engine",
    );
  });
  it("uses DATABASE_URL over any data directory", () => {
    expect(databaseOptionsFromEnv("/d", { DATABASE_URL: "postgres://h/db" })).toEqual({
      url: "postgres://h/db",
    });
    expect(databaseOptionsFromEnv("/d", {})).toEqual({ dataDir: "/d" });
    expect(databaseOptionsFromEnv(undefined, { EE_DATA_DIR: "/e" })).toEqual({ dataDir: "/e" });
  });
  it("reads EE_DATABASE_WAIT_SECONDS, how long to wait for PostgreSQL at start-up, refusing what is not seconds", () => {
    const url = "postgres://h/db";
    expect(databaseOptionsFromEnv("/d", { DATABASE_URL: url, EE_DATABASE_WAIT_SECONDS: "45" })).toEqual({
      url,
      waitForServerSeconds: 45,
    });
    expect(databaseWaitSeconds({})).toBeUndefined();
    expect(databaseWaitSeconds({ EE_DATABASE_WAIT_SECONDS: " " })).toBeUndefined();
    expect(databaseWaitSeconds({ EE_DATABASE_WAIT_SECONDS: "0" })).toBe(0);
    for (const bad of ["-1", "1.5", "30s", "forever"])
      expect(() => databaseWaitSeconds({ EE_DATABASE_WAIT_SECONDS: bad }), bad).toThrow(
        `EE_DATABASE_WAIT_SECONDS: must be a whole number of seconds (got "${bad}")`,
      );
  });
});

describe("migrations", () => {
  it("are numbered 1, 2, 3, … in order", () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
  it("refuses a list out of order before touching the database", async () => {
    const untouchable = new Proxy({} as Parameters<typeof migrate>[0], {
      get: () => {
        throw new Error("the database was used");
      },
    });
    await expect(migrate(untouchable, [{ version: 2, name: "skips one", sql: "" }])).rejects.toThrow(
      'migration "skips one" has version 2; expected 1',
    );
  });
});
