// `ee round run`: one round of invitations on a pool, as IRCC runs it (CRS, then submission time).
import { bundledRounds } from "../../draws/index.js";
import { isoDate } from "../../profile/schema.js";
import {
  type CandidatePool,
  invitedIds,
  learnShapes,
  RoundInputError,
  runRound,
  shapePoints,
  synthesizePool,
} from "../../rounds/index.js";
import { type Db, databaseOptionsFromEnv, openDatabase } from "../../storage/index.js";
import { loadPool, recordInvitations } from "../../storage/pool.js";
import { type Io, parseCommandArgs, UsageError } from "../io.js";
import { readPool, writePool } from "./pool.js";

const usage = `Usage: ee round run --stream ID --size N --date D [--pool FILE | --db NAME [--record LABEL]]
                    [--json] [--ids] [--out FILE]

Runs a round of invitations: the eligible candidates are ranked by CRS (highest first), ties go to the
earliest profile submission, exactly N are invited (fewer if the pool runs out). Prints
{"invited": N, "cutoff": S, "tieBreakAt": "…"} and a summary. Invitations expire 60 days after D.

  --stream ID    general | cec | fsw | fst | pnp | a category id from categories.json (the list
                 version in force on D applies) | category@version for one list version
  --size N       invitations to issue
  --date D       the round's date (YYYY-MM-DD)
  --pool FILE    JSON Lines pool: scored candidates (from ee pool synthesize / ee pool score) or
                 profiles with "id" and "submittedAt" (scored here as of D). Default: a synthetic
                 pool of the latest published distribution on or before D (seed 1)
  --db NAME      the pool saved in the database under NAME (ee pool save)
  --record LABEL with --db: record the invitations (round LABEL); the invited leave the stored pool
  --data-dir DIR the embedded database's folder (DATABASE_URL selects PostgreSQL instead)
  --json         print the result as JSON only
  --ids          include the invited ids (rank order) in the JSON
  --out FILE     write the pool after the round (the invited removed) as JSON Lines
  -h, --help     this help`;

function defaultPool(date: string, io: Io): CandidatePool {
  const rounds = bundledRounds();
  const latest = rounds.filter((r) => r.distribution && r.date <= date).at(-1);
  if (!latest)
    throw new UsageError(`--pool: no published distribution on or before ${date}; give --pool FILE`);
  io.stderr(
    `pool: synthetic, like the distribution of ${latest.distribution!.asOn} (round ${latest.round}), seed 1, default eligibility shares`,
  );
  return synthesizePool({
    distribution: latest.distribution!,
    seed: 1,
    shapes: learnShapes(shapePoints(rounds)),
  });
}

export async function run(argv: string[], io: Io): Promise<number> {
  const options = {
    stream: { type: "string" },
    size: { type: "string" },
    date: { type: "string" },
    pool: { type: "string" },
    json: { type: "boolean" },
    ids: { type: "boolean" },
    out: { type: "string" },
    db: { type: "string" },
    record: { type: "string" },
    "data-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  } as const;
  const { values, positionals } = parseCommandArgs(argv, options, "round");
  if (values.help || positionals[0] === undefined) {
    io.stdout(usage);
    return values.help ? 0 : 2;
  }
  if (positionals[0] !== "run") throw new UsageError(`unknown subcommand "${positionals[0]}" (allowed: run)`);
  const problems: string[] = [];
  if (!values.stream)
    problems.push("--stream: required (allowed: general | cec | fsw | fst | pnp | a category id)");
  const size = Number(values.size);
  if (values.size === undefined || !Number.isInteger(size) || size < 0)
    problems.push("--size: required, a whole number of 0 or more");
  if (!values.date || !isoDate.safeParse(values.date).success)
    problems.push("--date: required, a real date written YYYY-MM-DD");
  if (values.db && values.pool) problems.push("--pool and --db: give one of them");
  if (values.record && !values.db) problems.push("--record: only with --db (a pool file is not changed)");
  if (problems.length) {
    for (const p of problems.slice(0, -1)) io.stderr(`error: ${p}`);
    throw new UsageError(problems.at(-1)!);
  }
  const date = values.date!;
  const db = values.db ? await openDatabase(databaseOptionsFromEnv(values["data-dir"])) : null;
  try {
    return await runOn(db, values, date, size, io);
  } finally {
    await db?.close();
  }
}

async function runOn(
  db: Db | null,
  values: {
    stream?: string;
    pool?: string;
    db?: string;
    record?: string;
    json?: boolean;
    ids?: boolean;
    out?: string;
  },
  date: string,
  size: number,
  io: Io,
): Promise<number> {
  let pool: CandidatePool;
  if (db) {
    const stored = await loadPool(db, values.db!);
    if (!stored)
      throw new UsageError(`--db: no candidates left in pool "${values.db}" (ee pool list shows the pools)`);
    pool = stored;
  } else pool = values.pool ? await readPool(values.pool, date) : defaultPool(date, io);
  let result: ReturnType<typeof runRound>;
  try {
    result = runRound(pool, { date, stream: values.stream!, size });
  } catch (e) {
    if (e instanceof RoundInputError) throw new UsageError(e.message.replace(/^stream:/, "--stream:"));
    throw e;
  }
  const headline = { invited: result.invited, cutoff: result.cutoff, tieBreakAt: result.tieBreakAt };
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
          ...headline,
          stream: result.stream,
          date,
          requestedSize: size,
          expiresOn: result.expiresOn,
          eligibleBefore: result.eligibleBefore,
          tiedNotInvited: result.tiedNotInvited,
          unknownEligibility: result.unknownEligibility,
          pool: { candidates: pool.size, computedOn: pool.computedOn, ruleSet: pool.ruleSet },
          ...(values.ids ? { invitedIds: invitedIds(result) } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    io.stdout(JSON.stringify(headline));
    const s = result.stream;
    io.stdout(
      [
        `Round on ${date}, stream ${s.id}${s.version ? ` (list version ${s.version})` : ""}: ${result.invited.toLocaleString("en-CA")} of ${size.toLocaleString("en-CA")} invitations issued.`,
        result.cutoff === null
          ? "Nobody was eligible: no cut-off."
          : `Cut-off ${result.cutoff}; tie-breaking rule ${result.tieBreakAt}${result.tiedNotInvited ? ` (${result.tiedNotInvited.toLocaleString("en-CA")} candidates at ${result.cutoff} who submitted later were not invited)` : ""}.`,
        `Eligible before the round: ${result.eligibleBefore.toLocaleString("en-CA")} of ${pool.size.toLocaleString("en-CA")} candidates${result.unknownEligibility ? `; ${result.unknownEligibility.toLocaleString("en-CA")} more with unknown eligibility were not invited` : ""}.`,
        `Invitations expire on ${result.expiresOn}. Scores computed on ${pool.computedOn} under ${pool.ruleSet}.`,
        ...(s.note ? [`Note: ${s.note}`] : []),
        ...(result.invited < size
          ? [`The pool ran out: ${size - result.invited} invitations not issued.`]
          : []),
      ].join("\n"),
    );
  }
  if (values.out) await writePool(result.pool, values.out, io);
  if (db && values.record) {
    const recorded = await recordInvitations(db, values.db!, {
      ids: invitedIds(result),
      round: values.record,
      date,
      expiresOn: result.expiresOn,
    });
    if (!values.json)
      io.stdout(`Recorded ${recorded} invitations (round ${values.record}) in pool "${values.db}".`);
  }
  return 0;
}
