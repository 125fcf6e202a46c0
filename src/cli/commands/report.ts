// `ee report ROUND|latest`: the draw report, written entirely from the stored rounds (facts as they
// stood on the round's date). Thin adapter over `draws` (drawReport, renderReport) and `storage`.
import { parseArgs } from "node:util";
import { drawReport, type Lang, type ReportFormat, renderReport } from "../../draws/index.js";
import { loadRounds, openRoundsDatabase } from "../../storage/index.js";
import { type Io, UsageError } from "../io.js";

const usage = `Usage: ee report ROUND|latest [--lang en|fr] [--format md|json] [--data-dir DIR]

Writes the report of a round of invitations from IRCC's data: the key facts, where the round
stands in its stream that year, the change since the stream's previous round, the recent rounds
across all streams, and the pool's distribution at the time. Only that round and earlier ones are
used. ROUND is a round number as published (e.g. 379 or 91a), or latest.

  --lang en|fr        language of the Markdown report (default en)
  --format md|json    Markdown, or the same facts as JSON fields (default md)
  --data-dir DIR      PGlite data directory (default: EE_DATA_DIR or the user's data directory);
                      DATABASE_URL selects PostgreSQL instead
  -h, --help          this help`;

const options = {
  lang: { type: "string" },
  format: { type: "string" },
  "data-dir": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (allowed: --lang --format --data-dir --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('ROUND: give one round (e.g. "379", "91a" or "latest")');
  const lang = values.lang ?? "en";
  if (lang !== "en" && lang !== "fr")
    throw new UsageError(`--lang: "${lang}" is not a language (allowed: en | fr)`);
  const format = values.format ?? "md";
  if (format !== "md" && format !== "json")
    throw new UsageError(`--format: "${format}" is not a format (allowed: md | json)`);
  const db = await openRoundsDatabase({ dataDir: values["data-dir"], now: new Date().toISOString() });
  try {
    const rounds = await loadRounds(db);
    let report: ReturnType<typeof drawReport>;
    try {
      report = drawReport(rounds, positionals[0]!);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    io.stdout(renderReport(report, lang as Lang, format as ReportFormat));
    return 0;
  } finally {
    await db.close();
  }
}
