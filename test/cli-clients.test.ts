// `ee clients` end to end through its command module (a real embedded database on disk, seeded with the
// bundled feed), and once through the bundled `ee` entry point: exit codes, errors naming the field or the
// line, the status of a hand-worked client, imports that store everything or nothing.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/storage/index.js";
import { bundledCli, runCommand } from "./support/cli.js";
import { engineer, withPteCore } from "./support/profiles.js";

const scratch = mkdtempSync(join(tmpdir(), "ee-cli-clients-"));
const template = join(scratch, "template");
let dirCount = 0;

/** A database folder of its own, copied from one seeded with the bundled feed (seeding takes seconds). */
function freshDataDir(): string {
  const dir = join(scratch, `db-${dirCount++}`);
  cpSync(template, dir, { recursive: true });
  return dir;
}

const clients = (dataDir: string, args: string[]) =>
  runCommand(import("../src/cli/commands/clients.js"), [...args, "--data-dir", dataDir], "2026-11-24");

const file = (name: string, content: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

beforeAll(async () => {
  // The first command on an empty folder migrates it and seeds the bundled rounds.
  const first = await clients(template, ["list", "--paths", "0", "--as-of", "2025-11-20"]);
  expect(first.code).toBe(0);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("ee clients", () => {
  it("adds a client, lists and shows its status, updates and removes it", async () => {
    const dir = freshDataDir();
    const added = await clients(dir, [
      "add",
      "--label",
      "F-2026-017",
      "--notes",
      "met 2025-11-03",
      file("e.json", engineer),
    ]);
    expect(added).toMatchObject({ code: 0, stdout: "added client F-2026-017" });

    const listed = await clients(dir, ["list", "--json", "--as-of", "2025-11-20", "--paths", "0"]);
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.stdout);
    expect(list.asOf).toBe("2025-11-20");
    expect(list.clients).toHaveLength(1);
    const [entry] = list.clients;
    expect(entry.label).toBe("F-2026-017");
    expect(entry.notes).toBe("met 2025-11-03");
    expect(entry.profile).toBeUndefined(); // the list carries statuses, not profiles
    // 110 (age 29) + 120 (bachelor's) + 4 × 31 (CLB 9) + 40 (1 year in Canada)
    // + 38 (education: 25 with CLB 9, 13 with Canadian work) + 50 (4 years abroad, capped) = 482.
    expect(entry.status.crs).toBe(482);
    expect(entry.status.eligibleStreams).toEqual(expect.arrayContaining(["general", "cec"]));
    // IRCC's feed: the latest CEC round by 2025-11-20 is round 378 of 2025-11-12, cut-off 533.
    expect(entry.status.latestRounds.find((r: { stream: string }) => r.stream === "cec")).toMatchObject({
      round: "378",
      cutoff: 533,
      margin: 482 - 533,
      reached: false,
      invited: false,
    });
    expect(entry.status.probability).toBeNull();

    const table = await clients(dir, ["list", "--as-of", "2025-11-20", "--paths", "200"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("26-week probability from 200 simulated futures (seed 1)");
    expect(table.stdout).toMatch(/F-2026-017\s+482\s+general, cec.*cec 533 no.*\|\s+\d+%/);

    const shown = await clients(dir, [
      "show",
      "--label",
      "F-2026-017",
      "--json",
      "--as-of",
      "2025-11-20",
      "--paths",
      "100",
    ]);
    expect(shown.code).toBe(0);
    const one = JSON.parse(shown.stdout);
    expect(one.profile.age).toBe(29);
    expect(one.status.probability.paths).toBe(100);
    expect(one.status.probability.within.map((w: { weeks: number }) => w.weeks)).toEqual([2, 4, 8, 12, 26]);

    // A year older: age 30 is worth 105 instead of 110, everything else equal: 482 − 5 = 477.
    const updated = await clients(dir, [
      "update",
      "--label",
      "F-2026-017",
      file("e30.json", { ...engineer, age: 30 }),
    ]);
    expect(updated).toMatchObject({ code: 0, stdout: "updated client F-2026-017" });
    const after = await clients(dir, [
      "show",
      "--label",
      "F-2026-017",
      "--as-of",
      "2025-11-20",
      "--paths",
      "0",
    ]);
    expect(after.stdout).toContain("CRS 477");
    expect(after.stdout).toContain("notes: met 2025-11-03");
    expect(after.stdout).toMatch(/cec\s+round 378, 2025-11-12, cut-off 533 \(-56\): not invited/);

    const removed = await clients(dir, ["remove", "--label", "F-2026-017"]);
    expect(removed).toMatchObject({ code: 0, stdout: "removed client F-2026-017 and its profile" });
    const gone = await clients(dir, ["show", "--label", "F-2026-017"]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^error: label: no client is labelled "F-2026-017"/);
  });

  it("refuses a duplicate label and a bad profile, naming the field, and stores nothing", async () => {
    const dir = freshDataDir();
    expect((await clients(dir, ["add", "--label", "A1", file("a.json", engineer)])).code).toBe(0);
    const twice = await clients(dir, ["add", "--label", "A1", file("a.json", engineer)]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('label: a client labelled "A1" already exists');

    const bad = await clients(dir, [
      "add",
      "--label",
      "B2",
      file("bad.json", { ...engineer, age: 130, education: "phd" }),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split("\n")).toEqual([
      "error: profile.age: is too large (at most 120)",
      expect.stringMatching(
        /^error: profile\.education: must be one of the allowed values \(allowed: .*doctoral/,
      ),
    ]);
    const notJson = await clients(dir, ["add", "--label", "B3", file("broken.json", "{age: 3")]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^error: the profile is not valid JSON/);

    const badUpdate = await clients(dir, [
      "update",
      "--label",
      "A1",
      file("bad2.json", { ...engineer, age: -1 }),
    ]);
    expect(badUpdate.code).toBe(1);
    expect(badUpdate.stderr).toBe("error: profile.age: is too small (at least 0)");

    const list = JSON.parse(
      (await clients(dir, ["list", "--json", "--paths", "0", "--as-of", "2025-11-20"])).stdout,
    );
    expect(list.clients.map((c: { label: string }) => c.label)).toEqual(["A1"]);
    expect(list.clients[0].status.crs).toBe(482); // the stored profile was kept
  });

  it("imports a file that starts with a byte order mark, with Windows line ends", async () => {
    const dir = freshDataDir();
    const text = `\uFEFF${JSON.stringify({ label: "BOM-1", profile: engineer })}\r\n${JSON.stringify({ label: "BOM-2", profile: engineer })}\r\n`;
    const imported = await clients(dir, ["import", file("excel.jsonl", text)]);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toBe("imported 2 clients");
  });

  it("imports all lines or none, naming the line and the field; export reads back in", async () => {
    const dir = freshDataDir();
    const lines = [
      JSON.stringify({ label: "C-1", profile: engineer, notes: "first" }),
      "",
      JSON.stringify({
        label: "C-2",
        profile: { ...engineer, firstLanguage: { ...engineer.firstLanguage, test: "toefl" } },
      }),
      JSON.stringify({ label: "C-1", profile: engineer }),
    ];
    const refused = await clients(dir, ["import", file("bad.jsonl", lines.join("\n"))]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split("\n")).toEqual([
      "error: nothing was imported",
      expect.stringMatching(
        /^error: line 3: profile\.firstLanguage\.test: must be one of the allowed values/,
      ),
      expect.stringMatching(/^error: line 4: label: "C-1" is also the label of entry 1/),
    ]);
    const notJson = await clients(dir, ["import", file("bad2.jsonl", `${lines[0]}\n{oops`)]);
    expect(notJson.stderr).toContain("error: line 2: is not valid JSON");
    const none = JSON.parse((await clients(dir, ["export", "--json"])).stdout);
    expect(none.clients).toEqual([]);

    const good = await clients(dir, [
      "import",
      file(
        "good.jsonl",
        [lines[0], JSON.stringify({ label: "C-2", profile: { ...engineer, age: 30 } })].join("\n"),
      ),
    ]);
    expect(good).toMatchObject({ code: 0, stdout: "imported 2 clients" });

    // The export is import's format: read into another database, it gives the same clients.
    const exported = (await clients(dir, ["export"])).stdout;
    expect(exported.split("\n")).toHaveLength(2);
    const other = freshDataDir();
    expect((await clients(other, ["import", file("exported.jsonl", exported)])).code).toBe(0);
    const again = JSON.parse((await clients(other, ["export", "--json"])).stdout).clients;
    expect(
      again.map((c: { label: string; notes: string | null; profile: { age: number } }) => [
        c.label,
        c.notes,
        c.profile.age,
      ]),
    ).toEqual([
      ["C-1", "first", 29],
      ["C-2", null, 30],
    ]);
  });

  it("lists a client that cannot be scored on the date with the reason, and the others as usual", async () => {
    const dir = freshDataDir();
    const pte = withPteCore(engineer);
    expect((await clients(dir, ["add", "--label", "P-1", file("pte.json", pte)])).code).toBe(0);
    expect((await clients(dir, ["add", "--label", "Q-1", file("q.json", engineer)])).code).toBe(0);
    // PTE Core counts from 2024-01-30: on 2023-06-01 that client has no score; the engineer has one.
    const list = await clients(dir, ["list", "--as-of", "2023-06-01", "--paths", "0"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^P-1\s+cannot be scored on 2023-06-01: firstLanguage\.test: /m);
    expect(list.stdout).toMatch(/^Q-1\s+\d{3}\s/m);
    // Highest CRS first; the client without a score last.
    const byCrs = await clients(dir, ["list", "--as-of", "2023-06-01", "--paths", "0", "--sort", "crs"]);
    expect(
      byCrs.stdout
        .split("\n")
        .slice(2)
        .map((l) => l.split(" ")[0]),
    ).toEqual(["Q-1", "P-1"]);
    const badSort = await clients(dir, ["list", "--sort", "age"]);
    expect(badSort.code).toBe(2);
    expect(badSort.stderr).toBe('error: --sort: "age" is not an order (allowed: label | crs | chance)');
    const json = JSON.parse(
      (await clients(dir, ["list", "--json", "--as-of", "2023-06-01", "--paths", "0"])).stdout,
    );
    expect(json.clients[0]).toMatchObject({
      label: "P-1",
      status: null,
      problems: [{ field: "firstLanguage.test" }],
    });
    // One client on its own: the problem is the command's error.
    const shown = await clients(dir, ["show", "--label", "P-1", "--as-of", "2023-06-01", "--paths", "0"]);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toMatch(/^error: firstLanguage\.test: /);
  });

  it("lists a stored profile the schema now refuses as outdated, refuses to show its status, exports it as stored", async () => {
    const dir = freshDataDir();
    expect((await clients(dir, ["add", "--label", "Q-1", file("q.json", engineer)])).code).toBe(0);
    // As a profile stored under an older schema would be: an education value since withdrawn.
    const old = { ...engineer, education: "phd" };
    const db = await openDatabase({ dataDir: dir });
    await db.query(
      "insert into clients (label, profile, notes, created_at, updated_at) values ($1, $2::jsonb, null, $3, $3)",
      ["OLD-1", JSON.stringify(old), "2025-01-01T00:00:00Z"],
    );
    await db.close();

    const list = await clients(dir, ["list", "--as-of", "2025-11-20", "--paths", "0"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /^OLD-1\s+stored profile outdated, update it: profile\.education: must be one of the allowed values \(allowed: .*doctoral/m,
    );
    expect(list.stdout).toMatch(/^Q-1\s+\d{3}\s/m);
    expect(list.stdout).not.toContain("phd"); // the field is named, the stored value is not
    const json = JSON.parse(
      (await clients(dir, ["list", "--json", "--as-of", "2025-11-20", "--paths", "0"])).stdout,
    );
    expect(json.clients[0]).toMatchObject({
      label: "OLD-1",
      status: null,
      problems: [{ field: "profile.education" }],
    });
    expect(json.clients[0].profileProblems).toBeUndefined();

    const shown = await clients(dir, ["show", "--label", "OLD-1", "--as-of", "2025-11-20", "--paths", "0"]);
    expect(shown.code).toBe(1);
    expect(shown.stderr.split("\n")).toEqual([
      expect.stringMatching(
        /^error: the stored profile of OLD-1 no longer passes the profile checks .*ee clients update --label OLD-1 FILE/,
      ),
      expect.stringMatching(/^error: profile\.education: must be one of the allowed values/),
    ]);
    // The export keeps it as stored, to be corrected and updated.
    const exported = (await clients(dir, ["export"])).stdout.split("\n").map((l) => JSON.parse(l));
    expect(exported[0]).toEqual({ label: "OLD-1", profile: old, notes: null });
  });

  it("explains its usage mistakes with exit code 2", async () => {
    const dir = freshDataDir();
    const noLabel = await clients(dir, ["remove"]);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toContain("--label is required");
    const unknown = await clients(dir, ["rename"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("allowed: add | update | remove | show | list | import | export");
    const misplaced = await clients(dir, [
      "add",
      "--label",
      "X",
      "--as-of",
      "2025-01-01",
      file("x.json", engineer),
    ]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("--as-of does not apply (allowed: --label | --notes | --data-dir)");
    const paths = await clients(dir, ["list", "--paths", "5"]);
    expect(paths.code).toBe(2);
    expect(paths.stderr).toContain("--paths");
    const badDate = await clients(dir, ["list", "--as-of", "2025-02-30"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("allowed: YYYY-MM-DD");
    const badLabel = await clients(dir, ["add", "--label", "a/b", file("y.json", engineer)]);
    expect(badLabel.code).toBe(1);
    expect(badLabel.stderr).toMatch(/^error: label: must be 1 to 64 letters/);
    expect((await clients(dir, ["--help"])).code).toBe(0);
  });
});

describe("ee clients through the ee entry point", () => {
  const cli = bundledCli("ee-clients-");
  it("prints its help and exits 1 with one line per bad field", () => {
    const help = cli.run(["clients", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("ee clients add --label L");
    const dir = freshDataDir();
    const bad = cli.run(["clients", "add", "--label", "Z-1", "-", "--data-dir", dir], {
      input: JSON.stringify({ ...engineer, age: "thirty" }),
    });
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe("error: profile.age: Invalid input: expected number, received string");
    expect(bad.err).not.toContain("thirty");
  });
});
