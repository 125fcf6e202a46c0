// `ee draws` and `ee report` end to end through their command modules (the database on disk, a local
// HTTP server standing in for IRCC's site), and once through the real `ee` entry point.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase, removeTemplates } from "./fixtures/feed/databases.js";
import { runCommand } from "./support/cli.js";

const snapshotText = readFileSync(
  new URL("../src/draws/data/ee_rounds_123_en.json", import.meta.url),
  "utf8",
);
const scratch = mkdtempSync(join(tmpdir(), "ee-cli-draws-"));
const seeded = join(scratch, "seeded");

const ee = (command: "draws" | "report", args: string[]) =>
  runCommand(
    command === "draws" ? import("../src/cli/commands/draws.js") : import("../src/cli/commands/report.js"),
    args,
    "2026-11-24",
  );

/** A copy of the seeded data directory, for a test that changes it. */
function copyOfSeeded(name: string): string {
  const dir = join(scratch, name);
  cpSync(seeded, dir, { recursive: true });
  return dir;
}

// IRCC's site, as far as the update command can tell.
const withRound435 = (() => {
  const feed = JSON.parse(snapshotText) as { rounds: Record<string, string>[] };
  feed.rounds.unshift({
    ...feed.rounds[0]!,
    drawNumber: "435",
    drawDate: "2026-08-19",
    drawDateFull: "August 19, 2026",
    drawName: "Canadian Experience Class",
    drawSize: "1,000",
    drawCRS: "531",
    drawDateTime: "August 19, 2026 at 13:00:00 UTC",
  });
  return JSON.stringify(feed);
})();
// The bundled snapshot is IRCC's feed of 2026-08-07 itself.
const feed2026 = new URL("../src/draws/data/ee_rounds_123_en.json", import.meta.url).pathname;
const rowFault = new URL("./fixtures/feed/row-cutoff.json", import.meta.url).pathname;
const pages: Record<string, [number, string]> = {
  "/feed.json": [200, withRound435],
  "/html": [200, "<!DOCTYPE html><html><head><title>Maintenance</title></head><body></body></html>"],
  "/empty": [200, ""],
  "/truncated": [200, snapshotText.slice(0, 1000)],
};
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    // Over the 20 MB cap: declared in Content-Length, or only counted while it streams in.
    if (req.url === "/declared-huge") {
      res.writeHead(200, { "content-length": String(30 * 1024 * 1024) });
      res.end(" ".repeat(1024));
      return;
    }
    if (req.url === "/streamed-huge") {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = " ".repeat(1024 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 25 && res.write(chunk)) sent++;
        if (sent >= 25) res.end();
        else
          res.once("drain", () => {
            sent++;
            more();
          });
      };
      res.on("error", () => undefined);
      more();
      return;
    }
    const [status, body] = pages[req.url ?? ""] ?? [404, "not found"];
    res.writeHead(status, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // First use seeds the database from the bundled snapshot.
  const first = await ee("draws", ["list", "--year", "2015", "--data-dir", seeded]);
  expect(first.code).toBe(0);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
  removeTemplates();
});

describe("ee draws list", () => {
  it("filters by stream and year, newest first", async () => {
    const r = await ee("draws", [
      "list",
      "--stream",
      "healthcare-social-services",
      "--year",
      "2025",
      "--data-dir",
      seeded,
    ]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n").slice(2);
    // The feed's 2025 healthcare rounds: 345, 349, 357, 362, 373, 379 and 385 (2025-12-11, 1,000 at 476).
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(["385", "379", "373", "362", "357", "349", "345"]);
    expect(rows[0]).toMatch(
      /^385\s+2025-12-11\s+healthcare-social-services \(2025-v2\)\s+1,000\s+476\s+Healthcare/,
    );
  });

  it("writes CSV and JSON", async () => {
    const csv = await ee("draws", ["list", "--since", "2026-08-04", "--csv", "--data-dir", seeded]);
    const lines = csv.stdout.split("\n");
    expect(lines).toHaveLength(1 + 4);
    expect(lines[0]).toBe("round,date,stream,version,size,cutoff,tieBreakAt,name,incomplete");
    expect(lines[1]).toMatch(/^434,2026-08-07,transport,2026-v2,300,470,2025-10-11T14:55:49Z,/);
    expect(lines.slice(2)).toEqual([
      "433,2026-08-06,french-language-proficiency,2026-v2,5000,391,2026-03-18T23:32:40Z,French-Language proficiency 2026-Version 2,false",
      "432,2026-08-05,cec,,3000,516,2026-07-03T21:35:13Z,Canadian Experience Class,false",
      "431,2026-08-04,pnp,,507,768,2026-05-15T15:58:19Z,Provincial Nominee Program,false",
    ]);
    const json = await ee("draws", ["list", "--stream", "fsw", "--json", "--data-dir", seeded]);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ stream: { kind: "program", id: "fsw" } });
  });

  it("names the field and the allowed values when an option is wrong", async () => {
    const stream = await ee("draws", ["list", "--stream", "doctors", "--data-dir", seeded]);
    expect(stream.code).toBe(2);
    expect(stream.stderr).toMatch(
      /^error: --stream: "doctors" is not a stream \(allowed: general \| cec \| fsw \| fst \| pnp \|/,
    );
    const year = await ee("draws", ["list", "--year", "25", "--data-dir", seeded]);
    expect(year.stderr).toBe('error: --year: "25" is not a year (allowed: 2015 to 2100)');
    const since = await ee("draws", ["list", "--since", "2025-13-01", "--data-dir", seeded]);
    expect(since.stderr).toBe('error: --since: "2025-13-01" is not a date (allowed: YYYY-MM-DD)');
    const sub = await ee("draws", ["lsit"]);
    expect(sub.stderr).toBe(
      'error: unknown subcommand "lsit" (allowed: update | status | list | show | stats; see ee draws --help)',
    );
    const option = await ee("draws", ["list", "--colour"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("--colour");
  });

  it("has --help", async () => {
    const help = await ee("draws", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("ee draws update [--from FILE|URL]");
  });
});

describe("ee draws show and stats", () => {
  it("shows one round with its row as published", async () => {
    const r = await ee("draws", ["show", "91b", "--data-dir", seeded]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Round 91b — 2018-05-30 — Provincial Nominee Program");
    expect(r.stdout).toContain("distribution not published");
    expect(r.stdout).toMatch(/drawCRS\s+"902"/);
    const missing = await ee("draws", ["show", "1000", "--data-dir", seeded]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'error: ROUND: "1000" is not a stored round (allowed: 1 to 434, e.g. 379 or 91a)',
    );
  });

  it("prints per-stream statistics for a year", async () => {
    const r = await ee("draws", ["stats", "--year", "2025", "--json", "--data-dir", seeded]);
    const stats = JSON.parse(r.stdout) as { stream: string; rounds: number; invitations: number }[];
    // 2025 in the feed of 2026-08-07: 24 PNP, 15 CEC, 9 French, 7 healthcare, 2 education, 1 trades = 58
    // rounds (the earlier snapshot, to 2025-11-14, had 21, 12, 7, 6, 2, 1).
    expect(stats.map((s) => [s.stream, s.rounds]).sort()).toEqual([
      ["cec", 15],
      ["education", 2],
      ["french-language-proficiency", 9],
      ["healthcare-social-services", 7],
      ["pnp", 24],
      ["trades", 1],
    ]);
  });
});

describe("ee draws update", () => {
  it("fetches a feed over HTTP and adds the new round", async () => {
    const dir = copyOfSeeded("update-ok");
    const r = await ee("draws", ["update", "--from", `${base}/feed.json`, "--data-dir", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 1 added \(435\), 0 corrected, 0 re-read, 435 unchanged/);
    const again = await ee("draws", ["update", "--from", `${base}/feed.json`, "--data-dir", dir]);
    expect(again.stdout).toMatch(/: unchanged \(436 rounds; sha256 [0-9a-f]{12}\)/);
    const show = await ee("draws", ["show", "435", "--json", "--data-dir", dir]);
    expect(JSON.parse(show.stdout)).toMatchObject({ round: "435", cutoff: 531, stream: { id: "cec" } });
  });

  it.each([
    ["/html", 'feed: got an HTML page ("Maintenance"), not IRCC\'s rounds JSON'],
    ["/empty", "feed: the body is empty"],
    ["/truncated", "feed: not valid JSON, perhaps truncated"],
    ["/missing", "HTTP 404"],
  ])("changes nothing and says why for %s", async (path, why) => {
    const dir = copyOfSeeded(`update-bad-${path.slice(1)}`);
    const r = await ee("draws", ["update", "--from", `${base}${path}`, "--data-dir", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(why);
    expect(r.stderr).toContain("nothing changed");
    const list = await ee("draws", ["list", "--since", "2026-08-05", "--csv", "--data-dir", dir]);
    expect(list.stdout.split("\n")).toHaveLength(1 + 3);
    // The failed attempt is recorded beside the last success (the seeding).
    const status = JSON.parse((await ee("draws", ["status", "--json", "--data-dir", dir])).stdout);
    expect(status.updates.lastFailure).toMatchObject({ source: `${base}${path}`, outcome: "failure" });
    expect(status.updates.lastFailure.message).toContain(why);
    expect(status.updates.lastSuccess.source).toContain("bundled snapshot");
  });

  it("seeds a fresh data folder with IRCC's 2026 feed, what it could only partly read included; the same file again is unchanged", async () => {
    const dir = join(scratch, "update-2026");
    // The first use seeds the folder from the bundled snapshot, which is this very file.
    const r = await ee("draws", ["update", "--from", feed2026, "--data-dir", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: unchanged \(435 rounds; sha256 [0-9a-f]{12}\)/);
    expect(r.stderr).not.toContain("error");
    const list = await ee("draws", ["list", "--csv", "--data-dir", dir]);
    expect(list.stdout.split("\n")).toHaveLength(1 + 435);
    expect(list.stdout.split("\n")[3]).toMatch(/^432,2026-08-05,.*,2026-07-03T21:35:13Z,/);
    // Round 208's "October 7 at 16:38:21 UTC" has no year: stored as null, its text kept.
    const show = await ee("draws", ["show", "208", "--data-dir", dir]);
    expect(show.stdout).toContain("October 7 at 16:38:21 UTC");
    const status = await ee("draws", ["status", "--json", "--data-dir", dir]);
    expect(JSON.parse(status.stdout)).toMatchObject({
      data: { latestRound: "434", latestRoundDate: "2026-08-07" },
      updates: { lastSuccess: { source: feed2026, message: "unchanged" }, lastFailure: null },
    });
  });

  it("lists a round without a readable cut-off as incomplete; --strict refuses it", async () => {
    const dir = join(scratch, "update-row-fault");
    const strict = await ee("draws", ["update", "--strict", "--from", feed2026, "--data-dir", dir]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('round 208: drawCutOff "October 7 at 16:38:21 UTC" cannot be read');
    expect(strict.stderr).toContain("nothing changed");
    // Five 2026 rounds in a folder that holds the 435 of the snapshot are far fewer: refused as broken.
    const short = await ee("draws", ["update", "--from", rowFault, "--data-dir", dir]);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("lists 5 rounds but 435 are stored");
    const status = await ee("draws", ["status", "--data-dir", dir]);
    expect(status.stdout).toMatch(/^latest round {3}434 of 2026-08-07 \(\d+ days before today\)$/m);
    expect(status.stdout).toMatch(/^last failure {3}\S+ from .*row-cutoff\.json: feed: lists 5 rounds/m);
    // Into the full feed, with round 433's cut-off blanked: stored, listed, incomplete.
    const feed = JSON.parse(readFileSync(feed2026, "utf8")) as { rounds: Record<string, string>[] };
    feed.rounds.find((r) => r.drawNumber === "433")!.drawCRS = "";
    const file = join(scratch, "blank-433.json");
    writeFileSync(file, JSON.stringify(feed));
    const r = await ee("draws", ["update", "--from", file, "--data-dir", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: round 433: drawCRS "" cannot be read (empty); stored as null');
    const list = await ee("draws", ["list", "--since", "2026-08-06", "--data-dir", dir]);
    expect(list.stdout).toMatch(/^433 .* \? .*\(incomplete: see ee draws show 433\)$/m);
    const show = await ee("draws", ["show", "433", "--data-dir", dir]);
    expect(show.stdout).toContain('cut-off       unreadable ("")');
  });

  it.each([
    ["/declared-huge", "Content-Length"],
    ["/streamed-huge", "more than 20971520 bytes"],
  ])("refuses a body over 20 MB before reading it whole (%s)", async (path, why) => {
    const dir = copyOfSeeded(`update-huge-${path.slice(1)}`);
    const r = await ee("draws", ["update", "--from", `${base}${path}`, "--data-dir", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(why);
    expect(r.stderr).toContain("nothing changed");
  });

  it("refuses a file over 20 MB by its size", async () => {
    const dir = copyOfSeeded("update-huge-file");
    const file = join(scratch, "huge.json");
    writeFileSync(file, "");
    truncateSync(file, 21 * 1024 * 1024);
    const r = await ee("draws", ["update", "--from", file, "--data-dir", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("22020096 bytes, over the 20 MB");
  });

  it("reads a feed from a file, and reports a missing file", async () => {
    const dir = copyOfSeeded("update-file");
    const missing = await ee("draws", ["update", "--from", join(scratch, "nope.json"), "--data-dir", dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/could not fetch .*nope\.json: ENOENT/);
  });
});

describe("ee report", () => {
  it("writes round 379's report in English and French, and as JSON", async () => {
    const en = await ee("report", ["379", "--data-dir", seeded]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("It was the sixth healthcare and social services round of 2025");
    const fr = await ee("report", ["379", "--lang", "fr", "--data-dir", seeded]);
    expect(fr.stdout).toContain("C'était la sixième ronde du volet");
    const json = await ee("report", ["379", "--format", "json", "--data-dir", seeded]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      round: "379",
      sizeRankInYear: 2,
      cutoffRankInVersion: 1,
    });
  });

  it("writes the latest round's report, 434 of 2026-08-07 (transport 2026-Version 2), in French with the English name marked", async () => {
    const json = await ee("report", ["latest", "--format", "json", "--data-dir", seeded]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      round: "434",
      size: 300,
      cutoff: 470,
      stream: { id: "transport", version: "2026-v2" },
      changeFromPrevious: { cutoff: 40, size: -675, days: 877 },
    });
    const fr = await ee("report", ["433", "--lang", "fr", "--data-dir", seeded]);
    expect(fr.stdout).toContain(
      "# Ronde 433, 6 août 2026 : Compétence linguistique en français 2026-Version 2",
    );
  });

  it("rejects a bad language, format or round, naming the allowed values", async () => {
    expect((await ee("report", ["379", "--lang", "de"])).stderr).toBe(
      'error: --lang: "de" is not a language (allowed: en | fr)',
    );
    expect((await ee("report", ["379", "--format", "pdf"])).stderr).toBe(
      'error: --format: "pdf" is not a format (allowed: md | json)',
    );
    const round = await ee("report", ["92c", "--data-dir", seeded]);
    expect(round.code).toBe(2);
    expect(round.stderr).toMatch(/^error: round: "92c" is not a stored round/);
  });
});

describe("on PostgreSQL (DATABASE_URL)", () => {
  it("seeds and lists from the server", async () => {
    const t = await freshDatabase("postgres", inject("postgresUrl"));
    await t.db.close();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = t.location;
    try {
      const r = await ee("draws", ["list", "--year", "2015", "--stream", "cec", "--csv"]);
      expect(r.code).toBe(0);
      // 2015 had one CEC round: 3, on 2015-02-20 (cut-off 808).
      expect(
        r.stdout
          .split("\n")
          .slice(1)
          .map((l) => l.split(",").slice(0, 2).join(" ")),
      ).toEqual(["3 2015-02-20"]);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
      await t.dispose();
    }
  });
});

describe("the ee entry point", () => {
  it("runs `ee draws list` end to end", () => {
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "draws",
        "list",
        "--year",
        "2015",
        "--stream",
        "fst",
        "--data-dir",
        seeded,
      ],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("no rounds match");
  });
});
