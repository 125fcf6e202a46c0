// `ee clients`: the consultant's workspace. Client profiles kept in the project's database under a label
// (a file number), and each one's status on a date: CRS, eligible streams, the latest rounds it reached,
// the chance of an invitation. Thin adapter over storage (clients.ts) and advisor (clientStatus).
// Profiles are personal data: they are printed only when asked for (show --json, export), never in errors.
import {
  type ClientOrder,
  type ClientStatus,
  clientOrders,
  clientStatus,
  clientStatusOrProblems,
  compareClients,
  latestRoundByStream,
} from "../../advisor/index.js";
import { type CompleteRound, completeRounds } from "../../draws/index.js";
import {
  buildForecastModel,
  daysBetween,
  type ForecastModel,
  type FuturesCache,
  newFuturesCache,
} from "../../forecast/index.js";
import { FieldError, type FieldProblem, formatProblem } from "../../profile/errors.js";
import {
  addClient,
  type Client,
  ClientExistsError,
  ClientImportError,
  type ClientInput,
  ClientNotFoundError,
  type Db,
  importClients,
  listClients,
  loadClient,
  loadRounds,
  openRoundsDatabase,
  removeClient,
  type StoredClient,
  updateClient,
} from "../../storage/index.js";
import { type Io, parseJson, readText, UsageError } from "../io.js";
import {
  dateOption,
  integerOption,
  parseOptions,
  percent,
  resolveAsOf,
  seedOption,
  staleAfterDays,
} from "./forecast.js";

const usage = `Usage: ee clients <add|update|remove|show|list|import|export> [options]

A consultant's clients, kept in the project's database (the same one as ee draws), each under a label
you choose (a file number: letters, digits, '.', '_', '-'), with its status on a date: CRS under the
rules of that date, the streams the profile proves, the latest round of each and whether the score
reached its cut-off, and the chance of an invitation within 26 weeks.

  ee clients add --label L [--notes TEXT] FILE|-     store a new client's profile (JSON)
  ee clients update --label L [--notes TEXT] [FILE|-]  replace the profile and/or the notes
  ee clients remove --label L                        delete the client and its profile
  ee clients show --label L [--json]                 one client: notes, status, probability
  ee clients list [--json] [--sort label|crs|chance] every client, one line each (chance: 26 weeks)
  ee clients import FILE.jsonl|-                     one {"label","profile","notes"} per line;
                                                     all lines are stored, or none
  ee clients export [--json]                         every client as JSON lines (import's format),
                                                     or --json as one JSON document with timestamps

Status options (show, list):
  --as-of DATE     the date of the status (YYYY-MM-DD; default today): rules, rounds known, forecast
  --paths N        simulated futures for the probability (0 for none, else 100 to 1000000;
                   default 10000 for show, 1000 for list); every client gets the same futures (--seed)
  --seed N         random seed (default 1)
  --sort ORDER     list order: label (default), crs or chance (highest first)

  --data-dir DIR   the embedded database's folder (DATABASE_URL selects PostgreSQL)
  -h, --help       this help

Client profiles are personal data: they live only in that database. \`ee clients remove\` deletes one;
deleting the data folder (or the clients table) deletes them all.`;

const options = {
  label: { type: "string" },
  notes: { type: "string" },
  json: { type: "boolean" },
  "as-of": { type: "string" },
  sort: { type: "string" },
  paths: { type: "string" },
  seed: { type: "string" },
  "data-dir": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const subcommands = ["add", "update", "remove", "show", "list", "import", "export"] as const;
type Subcommand = (typeof subcommands)[number];
type Values = ReturnType<typeof parseOptions<typeof options>>["values"];

/** The options each subcommand accepts (besides --data-dir and --help). */
const accepted: Record<Subcommand, readonly (keyof typeof options)[]> = {
  add: ["label", "notes"],
  update: ["label", "notes"],
  remove: ["label"],
  show: ["label", "json", "as-of", "paths", "seed"],
  list: ["json", "as-of", "paths", "seed", "sort"],
  import: [],
  export: ["json"],
};

/** How many FILE arguments each subcommand takes at most. */
const mostFiles: Record<Subcommand, number> = {
  add: 1,
  update: 1,
  remove: 0,
  show: 0,
  list: 0,
  import: 1,
  export: 0,
};

function checkOptions(sub: Subcommand, values: Values, files: string[]) {
  for (const name of Object.keys(values) as (keyof typeof options)[]) {
    if (name === "data-dir" || name === "help" || accepted[sub].includes(name)) continue;
    const allowed = [...accepted[sub], "data-dir"].map((o) => `--${o}`).join(" | ");
    throw new UsageError(`ee clients ${sub}: --${name} does not apply (allowed: ${allowed})`);
  }
  const most = mostFiles[sub];
  if (files.length > most)
    throw new UsageError(
      most === 0
        ? `ee clients ${sub} takes no FILE (got ${files.join(" ")})`
        : `ee clients ${sub}: give one FILE or - (got ${files.length})`,
    );
}

/** `--notes ""` clears the notes. */
const notesOption = (values: Values): string | null | undefined =>
  values.notes === "" ? null : values.notes;

function sortOption(value: string | undefined): ClientOrder {
  if (value === undefined) return "label";
  if (!(clientOrders as readonly string[]).includes(value))
    throw new UsageError(`--sort: "${value}" is not an order (allowed: ${clientOrders.join(" | ")})`);
  return value as ClientOrder;
}

function requireLabel(sub: Subcommand, values: Values): string {
  if (values.label === undefined || values.label === "")
    throw new UsageError(
      `ee clients ${sub}: --label is required (allowed: the client's label, e.g. F-2026-017)`,
    );
  return values.label;
}

/** The profile JSON of FILE or standard input; errors name the file, never its content. */
const readProfileJson = (file: string | undefined): unknown => parseJson(readText(file), "the profile");

const now = () => new Date().toISOString();

/** Reads a JSON-lines import: each non-blank line one client; problems name the line. */
export function parseImportLines(text: string): { inputs: ClientInput[]; lineOf: number[] } {
  const inputs: ClientInput[] = [];
  const lineOf: number[] = [];
  const problems: string[] = [];
  // A byte order mark (as Windows editors and spreadsheet exports write one) is not part of line 1's JSON.
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push(
          `line ${i + 1}: is not valid JSON (allowed: one {"label","profile","notes"} object per line)`,
        );
        return;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        problems.push(`line ${i + 1}: is not a JSON object (allowed: {"label","profile","notes"})`);
        return;
      }
      const { label, profile, notes } = value as Record<string, unknown>;
      inputs.push({ label: label as string, profile, notes: notes as string | null | undefined });
      lineOf.push(i + 1);
    });
  if (problems.length > 0) throw new ImportLinesError(problems);
  return { inputs, lineOf };
}

/** An import refused before or by the database: one line per problem, naming the file's line. */
class ImportLinesError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "ImportLinesError";
  }
}

interface StatusContext {
  rounds: CompleteRound[];
  asOf: string;
  latest: Map<string, CompleteRound>;
  model: ForecastModel | undefined;
  paths: number;
  seed: number;
  /** The simulated futures every client of the list is read against (simulated once). */
  futures: FuturesCache;
}

/** The status options, checked before the database is opened. */
interface StatusOptions {
  asOf: string | undefined;
  paths: number;
  seed: number;
}

function statusOptions(values: Values, defaultPaths: number): StatusOptions {
  return {
    asOf: dateOption("as-of", values["as-of"]),
    paths: values.paths === "0" ? 0 : (integerOption("paths", values.paths, 100, 1_000_000) ?? defaultPaths),
    seed: seedOption(values.seed),
  };
}

async function statusContext(db: Db, options: StatusOptions, io: Io): Promise<StatusContext> {
  // Only rounds whose size and cut-off were read can be reached or forecast from.
  const rounds = completeRounds(await loadRounds(db));
  // The status is of the date asked for, else today: the rules and the rounds known then, and the forecast
  // from that date. A database weeks behind makes the streams look silent: say so.
  let asOf: string;
  if (options.asOf !== undefined) asOf = resolveAsOf(options.asOf, rounds, io);
  else {
    asOf = io.today;
    const latest = rounds.at(-1)?.date;
    const behind = latest ? daysBetween(latest, asOf) : null;
    if (latest && behind !== null && behind > staleAfterDays)
      io.stderr(
        `warning: the latest round in the database is ${latest}, ${behind} days before today: newer rounds are missing, and the chances read the silence since as IRCC's. Run \`ee draws update\`, or give --as-of.`,
      );
  }
  const model = options.paths > 0 ? buildForecastModel(rounds, asOf) : undefined;
  return {
    rounds,
    asOf,
    latest: latestRoundByStream(rounds, asOf),
    model,
    paths: options.paths,
    seed: options.seed,
    futures: newFuturesCache(1),
  };
}

function statusArgs(client: Client, s: StatusContext): Parameters<typeof clientStatus> {
  return [
    client.profile,
    s.rounds,
    s.asOf,
    s.model ? { model: s.model, paths: s.paths, seed: s.seed, cache: s.futures } : {},
    s.latest,
  ];
}

/** A row of the list: the status, or why the profile cannot be scored on that date. */
interface ListRow {
  client: StoredClient;
  status: ClientStatus | null;
  problems?: FieldProblem[] | undefined;
}

/** The status of a stored client, or the problems of a profile the schema now refuses or the date cannot score. */
function statusOrProblems(client: StoredClient, s: StatusContext): Omit<ListRow, "client"> {
  if (client.profileProblems) return { status: null, problems: client.profileProblems };
  return clientStatusOrProblems(...statusArgs(client, s));
}

/** A client whose stored profile the schema now refuses cannot be shown with a status: say how to correct it. */
function requireCurrentProfile(client: StoredClient, io: Io): Client {
  if (!client.profileProblems) return client;
  io.stderr(
    `error: the stored profile of ${client.label} no longer passes the profile checks (they changed after it was stored); ` +
      `correct it with \`ee clients export\` and \`ee clients update --label ${client.label} FILE\``,
  );
  throw new FieldError(client.profileProblems);
}

const within26 = (status: ClientStatus) =>
  status.probability?.within.find((w) => w.weeks === 26)?.probability ?? null;

/** "cec 482 yes", "general 483 no", "stem 510 tie?" — each latest round and whether it would have invited. */
function roundsReached(status: ClientStatus): string {
  if (status.latestRounds.length === 0) return "no round";
  return status.latestRounds
    .map((r) => `${r.stream} ${r.cutoff} ${r.invited === "unknown" ? "tie?" : r.invited ? "yes" : "no"}`)
    .join(", ");
}

function printList(io: Io, rows: ListRow[], s: StatusContext) {
  const probability = s.model
    ? `, 26-week probability from ${s.paths} simulated futures (seed ${s.seed})`
    : "";
  io.stdout(`Clients as of ${s.asOf}: ${rows.length}${probability}`);
  if (rows.length === 0) return;
  const width = Math.max(5, ...rows.map((r) => r.client.label.length));
  io.stdout(
    `${"LABEL".padEnd(width)}  CRS  ${"ELIGIBLE".padEnd(28)}  LATEST ROUNDS (cut-off, invited?)${s.model ? "  |  26 WEEKS" : ""}`,
  );
  for (const { client, status, problems } of rows) {
    if (!status) {
      const why = (problems ?? []).map(formatProblem).join("; ");
      const cannot = client.profileProblems
        ? "stored profile outdated, update it"
        : `cannot be scored on ${s.asOf}`;
      io.stdout(`${client.label.padEnd(width)}  ${cannot}: ${why}`);
      continue;
    }
    const eligible = status.eligibleStreams.join(", ") || "none proven";
    const p = within26(status);
    io.stdout(
      `${client.label.padEnd(width)}  ${String(status.crs).padStart(3)}  ${eligible.padEnd(28)}  ${roundsReached(status)}${p === null ? "" : `  |  ${percent(p)}`}`,
    );
  }
}

function printShow(io: Io, client: Client, status: ClientStatus) {
  io.stdout(`Client ${client.label} (added ${client.createdAt}, updated ${client.updatedAt})`);
  if (client.notes) io.stdout(`  notes: ${client.notes}`);
  io.stdout(`Status as of ${status.asOf}: CRS ${status.crs} (rules: ${status.ruleSet})`);
  io.stdout(
    `  age on ${status.asOf}: ${status.age}${status.ageFromBirthDate ? " (from the date of birth)" : ""}`,
  );
  io.stdout(`  eligible for: ${status.eligibleStreams.join(", ") || "no stream the profile proves"}`);
  if (status.unknownStreams.length)
    io.stdout(`  cannot tell from the profile: ${status.unknownStreams.join(", ")}`);
  if (status.latestRounds.length) io.stdout("Latest round of each eligible stream:");
  for (const r of status.latestRounds) {
    const verdict =
      r.invited === "unknown"
        ? "at the cut-off: invited only if submitted by the tie-break time, which the profile does not say"
        : r.invited
          ? r.margin === 0
            ? "invited (at the cut-off, submitted before the tie-break)"
            : "invited"
          : r.margin === 0
            ? "not invited (at the cut-off, submitted after the tie-break)"
            : "not invited";
    const version = r.version ? ` (${r.version})` : "";
    const margin = r.margin > 0 ? `+${r.margin}` : String(r.margin);
    io.stdout(
      `  ${`${r.stream}${version}`.padEnd(36)} round ${r.round}, ${r.date}, cut-off ${r.cutoff} (${margin}): ${verdict}`,
    );
  }
  if (status.streamsWithoutRounds.length)
    io.stdout(`  no round yet (on ${status.asOf}): ${status.streamsWithoutRounds.join(", ")}`);
  if (status.probability) {
    const within = status.probability.within.map((w) => `${w.weeks} wk ${percent(w.probability)}`).join(", ");
    io.stdout(`Invitation probability: ${within}`);
    io.stdout(
      `  ${status.probability.paths} simulated futures, seed ${status.probability.seed}; the score is held fixed.`,
    );
  }
}

async function withDatabase<T>(values: Values, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openRoundsDatabase({ dataDir: values["data-dir"], now: now() });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function runSub(sub: Subcommand, values: Values, files: string[], io: Io): Promise<number> {
  switch (sub) {
    case "add": {
      const label = requireLabel(sub, values);
      const profile = readProfileJson(files[0]);
      const added = await withDatabase(values, (db) =>
        addClient(db, { label, profile, notes: notesOption(values) }, now()),
      );
      io.stdout(`added client ${added.label}`);
      return 0;
    }
    case "update": {
      const label = requireLabel(sub, values);
      if (files.length === 0 && values.notes === undefined)
        throw new UsageError("ee clients update: give a profile FILE or -, and/or --notes TEXT");
      const profile = files.length > 0 ? readProfileJson(files[0]) : undefined;
      await withDatabase(values, (db) =>
        updateClient(db, label, { profile, notes: notesOption(values) }, now()),
      );
      io.stdout(`updated client ${label}`);
      return 0;
    }
    case "remove": {
      const label = requireLabel(sub, values);
      await withDatabase(values, (db) => removeClient(db, label));
      io.stdout(`removed client ${label} and its profile`);
      return 0;
    }
    case "show": {
      const label = requireLabel(sub, values);
      const options = statusOptions(values, 10_000);
      return withDatabase(values, async (db) => {
        const stored = await loadClient(db, label);
        if (!stored) throw new ClientNotFoundError(label);
        const client = requireCurrentProfile(stored, io);
        const s = await statusContext(db, options, io);
        const status = clientStatus(...statusArgs(client, s));
        if (values.json) io.stdout(JSON.stringify({ ...client, status }, null, 2));
        else printShow(io, client, status);
        return 0;
      });
    }
    case "list": {
      const options = statusOptions(values, 1000);
      const order = sortOption(values.sort);
      return withDatabase(values, async (db) => {
        const clients = await listClients(db);
        const s = await statusContext(db, options, io);
        const rows: ListRow[] = clients.map((client) => ({ client, ...statusOrProblems(client, s) }));
        const compare = compareClients(order);
        rows.sort((a, b) =>
          compare({ label: a.client.label, status: a.status }, { label: b.client.label, status: b.status }),
        );
        if (values.json)
          // The list carries the status, not the profiles: `show --json` or `export` give those.
          io.stdout(
            JSON.stringify(
              {
                asOf: s.asOf,
                paths: s.model ? s.paths : 0,
                seed: s.seed,
                clients: rows.map(
                  ({ client: { profile: _, profileProblems: __, ...rest }, status, problems }) => ({
                    ...rest,
                    status,
                    ...(problems ? { problems } : {}),
                  }),
                ),
              },
              null,
              2,
            ),
          );
        else printList(io, rows, s);
        return 0;
      });
    }
    case "import": {
      const { inputs, lineOf } = parseImportLines(readText(files[0]));
      if (inputs.length === 0) throw new UsageError("ee clients import: the file has no client lines");
      const stored = await withDatabase(values, (db) =>
        importClients(db, inputs, now()).catch((e: unknown) => {
          if (!(e instanceof ClientImportError)) throw e;
          throw new ImportLinesError(
            e.problems.map(
              ({ entry, problem: p }) =>
                `line ${lineOf[entry - 1]}: ${p.field}: ${p.problem}${p.allowed ? ` (allowed: ${p.allowed})` : ""}`,
            ),
          );
        }),
      );
      io.stdout(`imported ${stored} clients`);
      return 0;
    }
    case "export":
      return withDatabase(values, async (db) => {
        const clients = await listClients(db);
        if (values.json) io.stdout(JSON.stringify({ clients }, null, 2));
        else
          for (const c of clients)
            io.stdout(JSON.stringify({ label: c.label, profile: c.profile, notes: c.notes }));
        return 0;
      });
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(argv, options, "clients");
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  const [sub, ...files] = positionals;
  if (!sub || !(subcommands as readonly string[]).includes(sub))
    throw new UsageError(
      `ee clients: ${sub ? `"${sub}" is not a subcommand` : "give a subcommand"} (allowed: ${subcommands.join(" | ")})`,
    );
  checkOptions(sub as Subcommand, values, files);
  try {
    return await runSub(sub as Subcommand, values, files, io);
  } catch (e) {
    if (e instanceof ImportLinesError) {
      io.stderr("error: nothing was imported");
      for (const line of e.lines) io.stderr(`error: ${line}`);
      return 1;
    }
    if (e instanceof ClientExistsError || e instanceof ClientNotFoundError) {
      io.stderr(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
