// `ee draws`: IRCC's rounds from the database (seeded from the bundled snapshot on first use):
// update from IRCC's feed, the data's status, list, show one round, statistics per stream. Thin adapter
// over `draws` (pure analytics) and `storage`.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  dataFreshness,
  filterRounds,
  knownStreamIds,
  type Round,
  type RoundFilter,
  streamIdsIn,
  streamStats,
} from "../../draws/index.js";
import { isCalendarDate } from "../../profile/dates.js";
import {
  type Db,
  type FeedUpdate,
  ingestFeedText,
  loadRound,
  loadRoundChanges,
  loadRounds,
  loadUpdateStatus,
  openRoundsDatabase,
  recordFailedUpdate,
} from "../../storage/index.js";
import { type Io, UsageError } from "../io.js";

export const irccFeedUrl = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json";

/** A feed body larger than this is refused before it is read whole (IRCC's feed is under 1 MB). */
export const maxFeedBytes = 20 * 1024 * 1024;

const usage = `Usage: ee draws <update|status|list|show|stats> [options]

IRCC's rounds of invitations, from a database seeded with the bundled feed snapshot (rounds 1–379).

  ee draws update [--from FILE|URL] [--strict]
                                      fetch IRCC's feed (default: ${irccFeedUrl})
                                      and store it; a failed fetch or a broken feed changes nothing.
                                      A field of a row that cannot be read is stored as null with a
                                      warning (--strict: refuse the feed instead)
  ee draws status [--json]            the latest stored round, days behind today, and the last
                                      successful and the last failed update
  ee draws list [--stream S] [--year Y] [--since YYYY-MM-DD] [--json|--csv]
  ee draws show ROUND [--json]        one round (e.g. 379 or 91a): every field, the row as
                                      published, and any corrections IRCC made to it
  ee draws stats [--year Y] [--json]  per stream: rounds, invitations, min/median/max cut-off,
                                      typical spacing (median days between rounds)

Streams: general; cec, fsw, fst, pnp; or a category id (e.g. healthcare-social-services).

Database: DATABASE_URL (PostgreSQL) if set, else PGlite in --data-dir DIR, EE_DATA_DIR, or the
user's data directory ($XDG_DATA_HOME or ~/.local/share)/express-entry-engine.
  -h, --help                          this help`;

const options = {
  "data-dir": { type: "string" },
  from: { type: "string" },
  stream: { type: "string" },
  year: { type: "string" },
  since: { type: "string" },
  json: { type: "boolean" },
  csv: { type: "boolean" },
  strict: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parse>["values"];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(
      `${(e as Error).message} (allowed: ${Object.keys(options)
        .map((o) => `--${o}`)
        .join(" ")})`,
    );
  }
}

const subcommands = ["update", "status", "list", "show", "stats"] as const;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  const [sub, ...rest] = positionals;
  if (!sub || !(subcommands as readonly string[]).includes(sub)) {
    throw new UsageError(
      `${sub ? `unknown subcommand "${sub}"` : "missing subcommand"} (allowed: ${subcommands.join(" | ")}; see ee draws --help)`,
    );
  }
  const filter = sub === "list" || sub === "stats" ? readFilter(values, sub) : {};
  if (values.json && values.csv) throw new UsageError("--json and --csv: choose one");
  if (values.strict && sub !== "update") throw new UsageError(`${sub}: --strict is an option of update only`);
  if (sub === "show" && rest.length !== 1) throw new UsageError('show: give one ROUND (e.g. "379" or "91a")');
  if (sub !== "show" && rest.length > 0) throw new UsageError(`${sub}: unexpected argument "${rest[0]}"`);
  const db = await openRoundsDatabase({ dataDir: values["data-dir"], now: new Date().toISOString() });
  try {
    if (sub === "update") return await update(db, values.from ?? irccFeedUrl, values.strict ?? false, io);
    if (sub === "status") return await status(db, values, io);
    if (sub === "show") return await show(db, rest[0]!, values, io);
    const rounds = await loadRounds(db);
    if (filter.stream !== undefined) checkStream(filter.stream, rounds);
    if (sub === "list") return list(filterRounds(rounds, filter), values, io);
    return stats(rounds, filter, values, io);
  } finally {
    await db.close();
  }
}

function readFilter(values: Values, sub: string): RoundFilter {
  const filter: RoundFilter = {};
  if (values.stream !== undefined) {
    if (sub === "stats") throw new UsageError("stats: --stream is not an option (stats covers every stream)");
    filter.stream = values.stream.trim().toLowerCase();
  }
  if (values.year !== undefined) {
    const year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 2015 || year > 2100) {
      throw new UsageError(`--year: "${values.year}" is not a year (allowed: 2015 to 2100)`);
    }
    filter.year = year;
  }
  if (values.since !== undefined) {
    if (sub === "stats") throw new UsageError("stats: --since is not an option (allowed: --year)");
    if (!isCalendarDate(values.since))
      throw new UsageError(`--since: "${values.since}" is not a date (allowed: YYYY-MM-DD)`);
    filter.since = values.since;
  }
  return filter;
}

function checkStream(stream: string, rounds: Round[]) {
  const allowed = [...new Set([...knownStreamIds(), ...streamIdsIn(rounds)])];
  if (!allowed.includes(stream))
    throw new UsageError(`--stream: "${stream}" is not a stream (allowed: ${allowed.join(" | ")})`);
}

async function update(db: Db, from: string, strict: boolean, io: Io): Promise<number> {
  const fetchedAt = new Date().toISOString();
  let payload: string;
  try {
    payload = /^https?:\/\//i.test(from) ? await fetchText(from) : readCapped(from);
  } catch (e) {
    const cause = (e as { cause?: { message?: string; code?: string } }).cause;
    const why = cause ? ` (${cause.code ?? cause.message})` : "";
    const message = `could not fetch ${from}: ${(e as Error).message}${why}`;
    await recordFailedUpdate(db, { source: from, attemptedAt: fetchedAt, error: new Error(message) });
    io.stderr(`error: ${message}; nothing changed`);
    return 1;
  }
  try {
    const result = await ingestFeedText(db, payload, { source: from, fetchedAt, strict });
    const changed = result.added.length + result.corrected.length + result.reparsed.length;
    io.stdout(
      changed === 0
        ? `${from}: unchanged (${result.unchanged} rounds; sha256 ${result.payloadSha256.slice(0, 12)})`
        : `${from}: ${result.added.length} added${listed(result.added)}, ${result.corrected.length} corrected${listed(result.corrected)}, ${result.reparsed.length} re-read, ${result.unchanged} unchanged (sha256 ${result.payloadSha256.slice(0, 12)})`,
    );
    for (const w of result.warnings) io.stderr(`warning: ${w}`);
    return 0;
  } catch (e) {
    const lines = (e as Error).message.split("\n");
    for (const line of lines) io.stderr(`error: ${line}`);
    io.stderr(`error: the feed from ${from} was not stored; nothing changed`);
    return 1;
  }
}

const listed = (rounds: string[]) =>
  rounds.length > 0 && rounds.length <= 10 ? ` (${rounds.join(", ")})` : "";

const tooLarge = (bytes: string) =>
  new Error(`the body is ${bytes}, over the ${maxFeedBytes / 1024 / 1024} MB a rounds feed can be; not read`);

/** Reads a file of at most maxFeedBytes (its size is checked before it is read). */
function readCapped(path: string): string {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > maxFeedBytes) throw tooLarge(`${size} bytes`);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** Fetches a body of at most maxFeedBytes: refused on its Content-Length, or as soon as more arrives. */
async function fetchText(url: string): Promise<string> {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(new Error("no answer within 30 s")), 30_000);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const declared = Number(response.headers.get("content-length"));
    if (declared > maxFeedBytes) {
      controller.abort();
      throw tooLarge(`${declared} bytes by its Content-Length`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      total += next.value.byteLength;
      if (total > maxFeedBytes) {
        await reader?.cancel();
        throw tooLarge(`more than ${maxFeedBytes} bytes`);
      }
      chunks.push(next.value);
    }
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    clearTimeout(timeout);
  }
}

async function status(db: Db, values: Values, io: Io): Promise<number> {
  const rounds = await loadRounds(db);
  const today = new Date().toISOString().slice(0, 10);
  const result = { data: dataFreshness(rounds, today), updates: await loadUpdateStatus(db) };
  if (values.json) {
    io.stdout(JSON.stringify(result, null, 2));
    return 0;
  }
  const { data, updates } = result;
  const describe = (u: FeedUpdate | null) =>
    u
      ? `${u.attemptedAt} from ${u.source}: ${u.message}${u.warnings.length > 0 ? ` (${u.warnings.length} warnings)` : ""}`
      : "none";
  io.stdout(
    [
      data.latestRound
        ? `latest round   ${data.latestRound} of ${data.latestRoundDate} (${data.daysBehindToday} days before today)`
        : "latest round   none stored",
      `last update    ${describe(updates.lastSuccess)}`,
      `last failure   ${describe(updates.lastFailure)}`,
    ].join("\n"),
  );
  return 0;
}

const columns = [
  "round",
  "date",
  "stream",
  "version",
  "size",
  "cutoff",
  "tieBreakAt",
  "name",
  "incomplete",
] as const;

function rowOf(r: Round): Record<(typeof columns)[number], string> {
  return {
    round: r.round,
    date: r.date,
    stream: r.stream.id,
    version: r.stream.version ?? "",
    size: r.size === null ? "" : String(r.size),
    cutoff: r.cutoff === null ? "" : String(r.cutoff),
    tieBreakAt: r.tieBreakAt ?? "",
    name: r.name,
    incomplete: r.incomplete ? "true" : "false",
  };
}

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function list(rounds: Round[], values: Values, io: Io): number {
  const newestFirst = [...rounds].reverse();
  if (values.json) {
    io.stdout(JSON.stringify(newestFirst, null, 2));
  } else if (values.csv) {
    io.stdout(
      [
        columns.join(","),
        ...newestFirst.map((r) => columns.map((c) => csvField(rowOf(r)[c])).join(",")),
      ].join("\n"),
    );
  } else if (newestFirst.length === 0) {
    io.stdout("no rounds match");
  } else {
    io.stdout(
      table(
        ["round", "date", "stream", "invitations", "cut-off", "name"],
        newestFirst.map((r) => [
          r.round,
          r.date,
          r.stream.version ? `${r.stream.id} (${r.stream.version})` : r.stream.id,
          r.size === null ? "?" : r.size.toLocaleString("en-CA"),
          r.cutoff === null ? "?" : String(r.cutoff),
          r.incomplete ? `${r.name} (incomplete: see ee draws show ${r.round})` : r.name,
        ]),
        [3, 4],
      ),
    );
  }
  return 0;
}

async function show(db: Db, roundId: string, values: Values, io: Io): Promise<number> {
  const found = await loadRound(db, roundId);
  if (!found) {
    const rounds = await loadRounds(db);
    throw new UsageError(
      `ROUND: "${roundId}" is not a stored round (allowed: ${rounds[0]?.round ?? "?"} to ${rounds.at(-1)?.round ?? "?"}, e.g. 379 or 91a)`,
    );
  }
  const changes = await loadRoundChanges(db, found.round.round);
  if (values.json) {
    io.stdout(JSON.stringify({ ...found.round, raw: found.raw, corrections: changes }, null, 2));
    return 0;
  }
  const r = found.round;
  const d = r.distribution;
  const lines = [
    `Round ${r.round} — ${r.date} — ${r.name}`,
    `  stream        ${r.stream.kind} ${r.stream.id}${r.stream.version ? ` (list version ${r.stream.version})` : ""}${r.stream.recognized ? "" : " — not in our category data"}`,
    `  programs      ${r.programs}`,
    `  invitations   ${r.size === null ? unreadableText(r, "drawSize") : r.size.toLocaleString("en-CA")}`,
    `  cut-off       ${r.cutoff === null ? unreadableText(r, "drawCRS") : r.cutoff}`,
    `  held at       ${r.drawnAt ?? unreadableText(r, "drawDateTime")}`,
    `  tie-breaking  ${r.tieBreakAt ?? unreadableText(r, "drawCutOff")}`,
  ];
  for (const issue of r.issues) {
    lines.push(
      `  ${issue.kind === "unreadable" ? "unreadable" : "looks wrong"}   ${issue.field} ${JSON.stringify(issue.text)}: ${issue.problem}`,
    );
  }
  if (d) {
    lines.push(`  pool on ${d.asOn} (${d.total.toLocaleString("en-CA")} profiles):`);
    const ranges: [string, number][] = [
      ["601–1200", d.r601to1200],
      ["501–600", d.r501to600],
      ["451–500", d.r451to500],
      ["  491–500", d.r491to500],
      ["  481–490", d.r481to490],
      ["  471–480", d.r471to480],
      ["  461–470", d.r461to470],
      ["  451–460", d.r451to460],
      ["401–450", d.r401to450],
      ["  441–450", d.r441to450],
      ["  431–440", d.r431to440],
      ["  421–430", d.r421to430],
      ["  411–420", d.r411to420],
      ["  401–410", d.r401to410],
      ["351–400", d.r351to400],
      ["301–350", d.r301to350],
      ["0–300", d.r0to300],
    ];
    for (const [label, count] of ranges)
      lines.push(`    ${label.padEnd(10)} ${count.toLocaleString("en-CA").padStart(8)}`);
  } else {
    lines.push("  pool          distribution not published for this round");
  }
  lines.push("  as published:");
  for (const [key, value] of Object.entries(found.raw)) {
    if (!/URL$|^mitext$|^DrawText1$/.test(key)) lines.push(`    ${key.padEnd(20)} ${JSON.stringify(value)}`);
  }
  for (const c of changes) lines.push(`  corrected on ${c.detectedAt}: ${c.fields.join(", ")}`);
  io.stdout(lines.join("\n"));
  return 0;
}

/** "not published", or the published text when IRCC published something we could not read. */
function unreadableText(r: Round, field: string): string {
  const issue = r.issues.find((i) => i.kind === "unreadable" && i.field === field);
  return issue ? `unreadable (${JSON.stringify(issue.text)})` : "not published";
}

function stats(rounds: Round[], filter: RoundFilter, values: Values, io: Io): number {
  const result = streamStats(rounds, filter);
  if (values.json) {
    io.stdout(JSON.stringify(result, null, 2));
    return 0;
  }
  if (values.csv) {
    const keys = Object.keys(result[0] ?? { stream: "" }) as (keyof (typeof result)[number])[];
    io.stdout(
      [keys.join(","), ...result.map((s) => keys.map((k) => csvField(String(s[k] ?? ""))).join(","))].join(
        "\n",
      ),
    );
    return 0;
  }
  if (result.length === 0) {
    io.stdout("no rounds match");
    return 0;
  }
  io.stdout(
    table(
      ["stream", "rounds", "invitations", "min", "median", "max", "spacing (days)", "first", "last"],
      result.map((s) => [
        s.stream,
        String(s.rounds),
        s.invitations.toLocaleString("en-CA"),
        s.minCutoff === null ? "—" : String(s.minCutoff),
        s.medianCutoff === null ? "—" : String(s.medianCutoff),
        s.maxCutoff === null ? "—" : String(s.maxCutoff),
        s.typicalSpacingDays === null ? "—" : String(s.typicalSpacingDays),
        s.firstDate,
        s.lastDate,
      ]),
      [1, 2, 3, 4, 5, 6],
    ),
  );
  return 0;
}

/** A plain text table; `right` lists the columns to right-align (numbers). */
function table(header: string[], rows: string[][], right: number[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
