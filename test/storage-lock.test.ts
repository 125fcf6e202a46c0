// PGlite is single-process: a second process opening the same data directory must be refused with a
// clear message (not corrupt the database), and a lock left by a killed process must not block forever.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseInUseError, lockDataDir, openDatabase } from "../src/storage/index.js";

const scratch = mkdtempSync(join(tmpdir(), "ee-lock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the embedded database's process lock", () => {
  it("refuses a second process while the first holds the database, and frees it on close", async () => {
    const dataDir = join(scratch, "held");
    const db = await openDatabase({ dataDir });
    const lockPath = join(dataDir, "ee-process.lock");
    expect(readFileSync(lockPath, "utf8")).toBe(String(process.pid));

    // Another process, as `ee draws list --data-dir` would be while the server runs.
    const other = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import("./src/storage/index.ts").then(async (s) => { try { await s.openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); console.log("OPENED"); } catch (e) { console.log(e.name + ": " + e.message); } })`,
      ],
      { encoding: "utf8" },
    );
    expect(other.stdout).not.toContain("OPENED");
    expect(other.stdout).toContain("DatabaseInUseError");
    expect(other.stdout).toContain(`in use by process ${process.pid}`);
    expect(other.stdout).toContain("DATABASE_URL");

    await db.close();
    expect(existsSync(lockPath)).toBe(false);
    const again = await openDatabase({ dataDir });
    expect(await again.query<{ n: number }>("select 1 as n")).toEqual([{ n: 1 }]);
    await again.close();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dataDir = join(scratch, "stale");
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "ee-process.lock"), String(dead));
    const release = lockDataDir(dataDir);
    expect(readFileSync(join(dataDir, "ee-process.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(join(dataDir, "ee-process.lock"))).toBe(false);
  });

  it("says so when this very process still holds it", () => {
    const dataDir = join(scratch, "twice");
    mkdirSync(dataDir, { recursive: true });
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DatabaseInUseError);
    release();
  });
});
