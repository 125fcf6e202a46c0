// `ee pool`: candidate pool files (JSON Lines). `synthesize` makes a pool shaped like a published round's
// distribution; `score` turns profiles into scored candidates (CRS and eligibility computed once, kept with
// the rule set and date). The pool file helpers here are shared with `ee round run`.
import { accessSync, constants, createReadStream, createWriteStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { bundledRounds, type Round } from "../../draws/index.js";
import { isCalendarDate } from "../../profile/dates.js";
import { describeIssues, FieldError, type FieldProblem } from "../../profile/errors.js";
import { type Profile, profile as profileSchema } from "../../profile/schema.js";
import {
  type CandidatePool,
  candidateAt,
  defaultShares,
  type EligibilityShares,
  learnShapes,
  PoolBuilder,
  PoolInputError,
  poolFromCandidates,
  type ScoredCandidate,
  scoreCandidate,
  shapePoints,
  synthesizePool,
} from "../../rounds/index.js";
import { databaseOptionsFromEnv, openDatabase } from "../../storage/index.js";
import { listPools, savePoolCandidates } from "../../storage/pool.js";
import { type Io, parseCommandArgs, readText, UsageError } from "../io.js";

const usage = `Usage: ee pool synthesize --like ROUND --size N --seed S [--out FILE] [--even] [--share KEY=X …]
       ee pool score FILE|- [--date D] [--out FILE]
       ee pool save FILE|- --name NAME [--date D] [--data-dir DIR]
       ee pool list [--data-dir DIR]

synthesize   a pool whose CRS scores reproduce the published distribution of round ROUND (every bin of
             the feed's dd1…dd17, scaled to N candidates), shaped inside each bin by the other rounds'
             cut-offs (--even: spread evenly instead). The same seed gives the same pool.
             Eligibility is drawn with these shares (IRCC does not publish them; the defaults are
             assumptions, chosen only to give every stream a plausible population):
${shareHelp()}
             Change one with --share KEY=X, e.g. --share cec=0.5 --share stem=0.2.
score        reads profiles (one JSON object a line, each with "id" and "submittedAt"), scores each
             (CRS under the rule set in force on --date, default today) and checks its eligibility
             for every stream, and writes one scored candidate a line, with the rule set and date.

save         stores a pool file (scored candidates or profiles, scored as in "score") in the database
             under NAME (profiles are kept with their scores; a candidate with the same id is replaced).
             Run rounds on it with ee round run --db NAME.
list         the pools in the database: candidates, still in the pool, invited, dates and rule sets.

  --out FILE   write the JSON Lines pool there (default: standard output)
  --data-dir   the embedded database's folder (default: EE_DATA_DIR or the user data folder;
               DATABASE_URL selects a PostgreSQL server instead)
  -h, --help   this help`;

function shareHelp(): string {
  const rows = [
    ["cec", defaultShares.cec],
    ["fsw", defaultShares.fsw],
    ["fst", defaultShares.fst],
    ["pnpAbove600", defaultShares.pnpAbove600],
    ...Object.entries(defaultShares.categories),
  ];
  return rows.map(([k, v]) => `               ${String(k).padEnd(42)} ${v}`).join("\n");
}

/** A scored candidate line as written to a pool file. */
export interface PoolLine extends ScoredCandidate {
  ruleSet?: string;
  computedOn?: string;
}

/** A pool file line once read: a scored candidate, with the profile when the line was one. */
export interface ReadCandidate extends ScoredCandidate {
  ruleSet: string;
  computedOn: string;
  profile?: Profile;
}

/** One pool file line: a scored candidate (has "crs") or a profile (scored here as of `date`); null if blank. */
export function parsePoolLine(line: string, lineNumber: number, date: string): ReadCandidate | null {
  if (line.trim() === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    throw new UsageError(`pool line ${lineNumber}: not valid JSON (${(e as Error).message})`);
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new UsageError(`pool line ${lineNumber}: must be a JSON object (a profile or a scored candidate)`);
  const obj = raw as Record<string, unknown>;
  if (typeof obj.crs === "number") {
    if (!Array.isArray(obj.eligible))
      throw new UsageError(
        `pool line ${lineNumber}: eligible must be a list of stream keys (e.g. ["general","cec"])`,
      );
    const c = obj as unknown as PoolLine;
    return {
      id: String(c.id ?? `line-${lineNumber}`),
      submittedAt: String(c.submittedAt),
      crs: c.crs,
      eligible: c.eligible,
      ...(c.unknown ? { unknown: c.unknown } : {}),
      ruleSet: c.ruleSet ?? "unrecorded",
      computedOn: c.computedOn ?? date,
    };
  }
  const parsed = profileSchema.safeParse({ assessedOn: date, ...obj });
  const onLine = (problems: FieldProblem[]) =>
    new FieldError(problems.map((p) => ({ ...p, field: `line ${lineNumber}: ${p.field}` })));
  if (!parsed.success) throw onLine(describeIssues(parsed.error));
  try {
    return { ...scoreCandidate(parsed.data, parsed.data.assessedOn ?? date), profile: parsed.data };
  } catch (e) {
    if (e instanceof FieldError) throw onLine(e.problems);
    throw e;
  }
}

/** Reads a whole JSON Lines pool held in memory (for `pool save`, which keeps the profiles). */
export function readPoolLines(text: string, date: string): ReadCandidate[] {
  const out: ReadCandidate[] = [];
  text.split("\n").forEach((line, i) => {
    const c = parsePoolLine(line, i + 1, date);
    if (c) out.push(c);
  });
  return out;
}

/**
 * Streams a pool file (or standard input) straight into the pool's typed arrays: a million-line file is
 * never held as text or as objects.
 */
export async function readPool(file: string, date: string): Promise<CandidatePool> {
  let input: NodeJS.ReadableStream;
  if (file === "-") input = process.stdin;
  else {
    try {
      accessSync(file, constants.R_OK);
    } catch (e) {
      throw new UsageError(`--pool: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    input = createReadStream(file, { encoding: "utf8" });
  }
  const builder = new PoolBuilder();
  const ruleSets = new Set<string>();
  const computedOn = new Set<string>();
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    const c = parsePoolLine(line, lineNumber, date);
    if (!c) continue;
    try {
      builder.add(c);
    } catch (e) {
      if (e instanceof PoolInputError) throw new UsageError(`pool line ${lineNumber}: ${e.message}`);
      throw e;
    }
    ruleSets.add(c.ruleSet);
    computedOn.add(c.computedOn);
  }
  return builder.finish([...computedOn].join(" + ") || date, [...ruleSets].join(" + ") || "none");
}

export function poolOf(candidates: readonly ReadCandidate[], date: string): CandidatePool {
  const ruleSets = [...new Set(candidates.map((c) => c.ruleSet))].join(" + ") || "none";
  const computedOn = [...new Set(candidates.map((c) => c.computedOn))].join(" + ") || date;
  try {
    return poolFromCandidates(
      candidates.map(({ profile: _profile, ruleSet: _r, computedOn: _c, ...c }) => c),
      computedOn,
      ruleSets,
    );
  } catch (e) {
    if (e instanceof PoolInputError) throw new UsageError(`pool: ${e.message}`);
    throw e;
  }
}

function readPoolText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`--pool: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Writes the pool's active candidates as JSON Lines (to a file, or through io.stdout). */
export async function writePool(pool: CandidatePool, out: string | undefined, io: Io): Promise<void> {
  const extra = { ruleSet: pool.ruleSet, computedOn: pool.computedOn };
  const lineAt = (i: number) => JSON.stringify({ ...candidateAt(pool, i), ...extra });
  if (!out) {
    const chunk: string[] = [];
    for (let i = 0; i < pool.size; i++) {
      if (!pool.active[i]) continue;
      chunk.push(lineAt(i));
      if (chunk.length === 10_000) io.stdout(chunk.splice(0).join("\n"));
    }
    if (chunk.length) io.stdout(chunk.join("\n"));
    return;
  }
  const stream = createWriteStream(out);
  await new Promise<void>((resolve, reject) => {
    stream.on("error", (e) =>
      reject(new UsageError(`--out: cannot write ${out}: ${(e as NodeJS.ErrnoException).code}`)),
    );
    let i = 0;
    const pump = () => {
      while (i < pool.size) {
        const index = i++;
        if (!pool.active[index]) continue;
        if (!stream.write(`${lineAt(index)}\n`)) {
          stream.once("drain", pump);
          return;
        }
      }
      stream.end(resolve);
    };
    pump();
  });
}

export function findRound(rounds: readonly Round[], id: string): Round {
  const round = rounds.find((r) => r.round === id);
  if (!round)
    throw new UsageError(
      `--like: no round "${id}" in the rounds feed (allowed: 1 to ${rounds.at(-1)?.round})`,
    );
  if (!round.distribution)
    throw new UsageError(
      `--like: round ${id} (${round.date}) has no published distribution (rounds with one: ${rounds
        .filter((r) => r.distribution)
        .map((r) => r.round)
        .slice(0, 3)
        .join(", ")}, … ${rounds.filter((r) => r.distribution).at(-1)?.round})`,
    );
  return round;
}

function positiveInt(value: string | undefined, flag: string, max = 10_000_000): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(`${flag}: must be a whole number from 0 to ${max.toLocaleString("en-CA")}`);
  return n;
}

function applyShares(list: string[] | undefined): EligibilityShares {
  const shares: EligibilityShares = { ...defaultShares, categories: { ...defaultShares.categories } };
  const allowed = ["cec", "fsw", "fst", "pnpAbove600", ...Object.keys(defaultShares.categories)];
  for (const item of list ?? []) {
    const [key = "", value] = item.split("=");
    const x = Number(value);
    if (!allowed.includes(key))
      throw new UsageError(`--share: unknown key "${key}" (allowed: ${allowed.join(" | ")})`);
    if (value === undefined || !(x >= 0 && x <= 1))
      throw new UsageError(`--share ${key}: must be a number from 0 to 1`);
    if (key in shares.categories) shares.categories[key] = x;
    else (shares as unknown as Record<string, number>)[key] = x;
  }
  return shares;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const options = {
    like: { type: "string" },
    size: { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
    even: { type: "boolean" },
    json: { type: "boolean" },
    share: { type: "string", multiple: true },
    date: { type: "string" },
    name: { type: "string" },
    "data-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  } as const;
  const { values, positionals } = parseCommandArgs(argv, options, "pool");
  const [sub, ...rest] = positionals;
  if (values.help || sub === undefined) {
    io.stdout(usage);
    return values.help ? 0 : 2;
  }
  if (sub === "synthesize") {
    if (values.like === undefined) throw new UsageError("--like: required, a round number such as 294");
    const rounds = bundledRounds();
    const round = findRound(rounds, values.like);
    const size = positiveInt(values.size, "--size");
    const seed = positiveInt(values.seed, "--seed", 2 ** 32 - 1);
    const shapes = values.even ? undefined : learnShapes(shapePoints(rounds));
    const pool = synthesizePool({
      distribution: round.distribution!,
      size,
      seed,
      shares: applyShares(values.share),
      ...(shapes ? { shapes } : {}),
    });
    await writePool(pool, values.out, io);
    if (values.out)
      io.stderr(
        `wrote ${size} candidates like round ${round.round} (${round.distribution!.asOn}) to ${values.out}`,
      );
    return 0;
  }
  if (sub === "score") {
    if (rest.length !== 1) throw new UsageError("score: give one FILE of profiles (JSON Lines), or -");
    const date = values.date ?? io.today;
    if (!isCalendarDate(date)) throw new UsageError("--date: must be a date written YYYY-MM-DD");
    const pool = await readPool(rest[0]!, date);
    await writePool(pool, values.out, io);
    return 0;
  }
  if (sub === "save") {
    if (rest.length !== 1) throw new UsageError("save: give one pool FILE (JSON Lines), or -");
    if (!values.name) throw new UsageError("--name: required, the pool's name in the database");
    const date = values.date ?? io.today;
    const candidates = readPoolLines(rest[0] === "-" ? readText("-") : readPoolText(rest[0]!), date);
    poolOf(candidates, date); // the same checks as a round would make, before anything is written
    const db = await openDatabase(databaseOptionsFromEnv(values["data-dir"]));
    try {
      const saved = await savePoolCandidates(db, values.name, candidates);
      io.stdout(`saved ${saved} candidates in pool "${values.name}" (${db.location})`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (sub === "list") {
    const db = await openDatabase(databaseOptionsFromEnv(values["data-dir"]));
    try {
      const pools = await listPools(db);
      if (values.json) io.stdout(JSON.stringify(pools, null, 2));
      else if (pools.length === 0) io.stdout("no pools in the database (ee pool save FILE --name NAME)");
      else
        for (const p of pools)
          io.stdout(
            `${p.pool}: ${p.candidates} candidates, ${p.inPool} in the pool, ${p.invited} invited; computed on ${p.computedOn.join(", ")} under ${p.ruleSets.join(", ")}`,
          );
    } finally {
      await db.close();
    }
    return 0;
  }
  throw new UsageError(`unknown subcommand "${sub}" (allowed: synthesize | score | save | list)`);
}
