// Parses IRCC's rounds feed (ee_rounds_123_en.json: {"classes", "rounds": [row, …]}, every value a
// string). Tolerant in what it reads, with two kinds of fault and two answers:
// - the feed as a whole cannot be trusted (an empty body, an HTML page, truncated JSON, no "rounds"
//   list, a row that is not a row, a round that cannot be identified or dated, the same round twice
//   with different facts): FeedError, one line per problem, so that a bad fetch never changes stored data;
// - one field of a row cannot be read (a tie-break, a date-time, a distribution, a count): the round is
//   kept with everything else, the field is null, and the round carries the published text as an issue
//   with a warning. A round without a readable size or cut-off is kept too, marked incomplete.
// Values that are read but implausible (a CRS above 1,200, misplaced thousands separators, a round
// dated after the fetch, a tie-break after the draw, sub-bands that do not add up) are kept and flagged.
import { type PoolDistribution, poolDistributionFields, type Round, type RoundIssue } from "./round.js";
import { classifyDrawName } from "./streams.js";
import { parseFeedDate, parseFeedDateTime, squeeze } from "./timestamps.js";

/** A row exactly as published (every field a string in IRCC's feed). */
export type RawRow = Record<string, string>;

export interface ParsedFeed {
  /** In chronological order (date, then round number: "91a" before "91b"). */
  rounds: Round[];
  /** The raw rows, aligned with `rounds` (rows[i] is the published row of rounds[i]). */
  rows: RawRow[];
  /** One line per field unread, implausible or read with an assumption; never fatal. */
  warnings: string[];
}

export interface ParseOptions {
  /** The day the feed was fetched (YYYY-MM-DD): a round dated later is flagged. */
  fetchedOn?: string;
}

/** The feed cannot be used; `problems` has one line per problem. */
export class FeedError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length > 12
        ? [...problems.slice(0, 12), `… and ${problems.length - 12} more problems`].join("\n")
        : problems.join("\n"),
    );
    this.name = "FeedError";
  }
}

/** Parses the feed's text as fetched. Throws FeedError for anything that is not a usable feed. */
export function parseFeed(text: string, options: ParseOptions = {}): ParsedFeed {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (body === "") throw new FeedError(["feed: the body is empty (expected IRCC's rounds JSON)"]);
  if (body.startsWith("<")) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
    throw new FeedError([
      `feed: got an HTML page${title ? ` ("${squeeze(title)}")` : ""}, not IRCC's rounds JSON`,
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    throw new FeedError([`feed: not valid JSON, perhaps truncated (${(e as Error).message})`]);
  }
  return parseFeedObject(json, options);
}

/** The feed's names of the distribution's counts: dd1..dd18, in poolDistributionFields' order. */
const ddFields = poolDistributionFields.map((_, i) => `dd${i + 1}`);

/** Parses an already-decoded feed object (the bundled snapshot is imported as JSON). */
export function parseFeedObject(json: unknown, options: ParseOptions = {}): ParsedFeed {
  if (typeof json !== "object" || json === null || !Array.isArray((json as { rounds?: unknown }).rounds)) {
    throw new FeedError(['feed: no "rounds" array (expected {"classes", "rounds": [...]})']);
  }
  const input = (json as { rounds: unknown[] }).rounds;
  if (input.length === 0) throw new FeedError(['feed: the "rounds" array is empty']);
  const problems: string[] = [];
  const warnings: string[] = [];
  const parsed: { round: Round; row: RawRow }[] = [];
  const seen = new Map<string, RawRow>();
  input.forEach((item, index) => {
    const row = asRawRow(item);
    if (!row) {
      problems.push(`rounds[${index}]: not an object of string fields`);
      return;
    }
    const result = parseRow(row, index, options);
    problems.push(...result.problems);
    if (!result.round) return;
    const first = seen.get(result.round.round);
    if (first) {
      // The same row twice is a harmless repeat; the same round with other facts cannot be settled.
      if (sameRow(first, row))
        warnings.push(`round ${result.round.round}: published twice, identically; read once`);
      else problems.push(`round ${result.round.round}: published twice with different facts`);
      return;
    }
    seen.set(result.round.round, row);
    warnings.push(...result.warnings);
    parsed.push({ round: result.round, row });
  });
  if (problems.length > 0) throw new FeedError(problems);
  parsed.sort((a, b) => compareRounds(a.round, b.round));
  return { rounds: parsed.map((p) => p.round), rows: parsed.map((p) => p.row), warnings };
}

/** Chronological order: date, then the numeric round, then its suffix ("91a" < "91b"). */
export function compareRounds(a: Round, b: Round): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.roundNumber !== b.roundNumber) return a.roundNumber - b.roundNumber;
  return a.round < b.round ? -1 : a.round > b.round ? 1 : 0;
}

function asRawRow(item: unknown): RawRow | null {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return null;
  const row: RawRow = {};
  for (const [key, value] of Object.entries(item)) {
    if (typeof value === "string") row[key] = value;
    else if (typeof value === "number") row[key] = String(value);
    else if (value === null) row[key] = "";
    else return null;
  }
  return row;
}

function sameRow(a: RawRow, b: RawRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/** Thousands separators: a comma, a space, a no-break space, a narrow no-break space (French feed). */
const separators = /[,\s\u00A0\u202F]/g;

/** "3,500", " 3500 ", "3 500" → 3500; null when it is not a whole number. */
export function parseCount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const digits = text.replace(separators, "");
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/** True when a count's separators are where thousands are ("12,345", "1 234 567"), or absent. */
function separatorsInPlace(text: string): boolean {
  const t = text.trim();
  return /^\d+$/.test(t) || /^\d{1,3}(?:[,\s\u00A0\u202F]\d{3})+$/.test(t);
}

interface RowResult {
  round: Round | null;
  /** Whole-feed problems: the row cannot be identified or dated. */
  problems: string[];
  warnings: string[];
}

/** The highest CRS a profile can score. */
const maxCrs = 1200;

function parseRow(row: RawRow, index: number, options: ParseOptions): RowResult {
  const problems: string[] = [];
  const issues: RoundIssue[] = [];
  const notes: string[] = [];
  const unreadable = (field: string, problem: string) =>
    issues.push({ kind: "unreadable", field, text: row[field] ?? "", problem });
  const implausible = (field: string, problem: string) =>
    issues.push({ kind: "implausible", field, text: row[field] ?? "", problem });

  const roundText = squeeze(row.drawNumber ?? "");
  const roundMatch = /^(\d+)([a-z]?)$/i.exec(roundText);
  const label = roundMatch ? `round ${roundText.toLowerCase()}` : `rounds[${index}]`;
  if (!roundMatch) {
    problems.push(
      `${label}: drawNumber "${row.drawNumber ?? ""}" is not a round number (e.g. "379" or "91a")`,
    );
  }
  const date = readDate(row, label, problems, notes);
  const name = squeeze(row.drawName ?? "");
  if (name === "") problems.push(`${label}: drawName is empty (expected the round's name)`);
  if (problems.length > 0 || !roundMatch || !date) return { round: null, problems, warnings: [] };

  const size = readCount(row, "drawSize", unreadable, implausible);
  const cutoff = readCount(row, "drawCRS", unreadable, implausible);
  if (cutoff !== null && cutoff > maxCrs)
    implausible("drawCRS", `above ${maxCrs.toLocaleString("en-CA")}, the highest possible CRS`);
  if (options.fetchedOn && date > options.fetchedOn) {
    implausible("drawDate", `after the day the feed was fetched (${options.fetchedOn})`);
  }
  const classification = classifyDrawName(name);
  if (classification.warning) notes.push(`${label}: ${classification.warning}`);
  const drawnAt = readTimestamp(row, "drawDateTime", label, notes, unreadable);
  const tieBreakAt = readTimestamp(row, "drawCutOff", label, notes, unreadable);
  // Rounds held in Ottawa's evening are the next day in UTC; further off, one of the two dates is wrong.
  if (drawnAt && (drawnAt.slice(0, 10) < date || drawnAt.slice(0, 10) > nextDay(date))) {
    implausible("drawDateTime", `not on the round's date (${date}) or the day after in UTC`);
  }
  // Profiles submitted up to the tie-break were invited: it precedes the draw (or the end of the day
  // after the round's date, the latest the draw can be in UTC).
  const drawEnd = drawnAt ?? `${nextDay(date)}T23:59:59Z`;
  if (tieBreakAt && tieBreakAt > drawEnd) {
    implausible("drawCutOff", `after the draw (${drawnAt ?? date})`);
  }
  const distribution = readDistribution(row, unreadable, implausible);
  const round: Round = {
    round: roundText.toLowerCase(),
    roundNumber: Number(roundMatch[1]),
    date,
    name,
    programs: squeeze(row.drawText2 ?? ""),
    stream: classification.stream,
    size,
    cutoff,
    incomplete: size === null || cutoff === null,
    drawnAt,
    tieBreakAt,
    distribution,
    issues,
  };
  const warnings = [...notes, ...issues.map((issue) => issueWarning(label, issue))];
  if (round.incomplete)
    warnings.push(
      `${label}: incomplete (no readable ${size === null ? "size" : "cut-off"}); listed without it`,
    );
  return { round, problems, warnings };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `round 432: drawCutOff "July 3rd 2026 …" cannot be read (not a date and time); stored as null`. */
export function issueWarning(label: string, issue: RoundIssue): string {
  return issue.kind === "unreadable"
    ? `${label}: ${issue.field} ${JSON.stringify(issue.text)} cannot be read (${issue.problem}); stored as null`
    : `${label}: ${issue.field} ${JSON.stringify(issue.text)} looks wrong (${issue.problem}); kept as read`;
}

type Report = (field: string, problem: string) => void;

function readCount(row: RawRow, field: string, unreadable: Report, implausible: Report): number | null {
  const text = row[field] ?? "";
  const value = parseCount(text);
  if (value === null) {
    unreadable(field, squeeze(text) === "" ? "empty" : "not a whole number");
    return null;
  }
  if (!separatorsInPlace(text)) implausible(field, `thousands separators out of place; read as ${value}`);
  return value;
}

function readDate(row: RawRow, label: string, problems: string[], warnings: string[]): string | null {
  const fromIso = parseFeedDate(row.drawDate ?? "");
  const fromFull = row.drawDateFull ? parseFeedDate(row.drawDateFull) : null;
  if (fromIso && fromFull && fromIso !== fromFull) {
    warnings.push(
      `${label}: drawDate ${fromIso} and drawDateFull "${row.drawDateFull}" differ; used drawDate`,
    );
  }
  const date = fromIso ?? fromFull;
  if (!date) {
    problems.push(
      `${label}: drawDate "${row.drawDate ?? ""}" is not a date (expected YYYY-MM-DD, or drawDateFull like "November 14, 2025")`,
    );
  }
  return date;
}

function readTimestamp(
  row: RawRow,
  field: "drawDateTime" | "drawCutOff",
  label: string,
  warnings: string[],
  unreadable: Report,
): string | null {
  const text = squeeze(row[field] ?? "");
  if (text === "") return null; // the early rounds published no tie-breaking time
  const parsed = parseFeedDateTime(text);
  if (!parsed) {
    unreadable(field, "not one certain date and time");
    return null;
  }
  for (const note of parsed.notes) warnings.push(`${label}: ${field} "${row[field]}": ${note}`);
  return parsed.iso;
}

function readDistribution(row: RawRow, unreadable: Report, implausible: Report): PoolDistribution | null {
  const values: number[] = [];
  let readable = true;
  for (const field of ddFields) {
    const raw = row[field];
    if (raw === undefined || squeeze(raw) === "") {
      values.push(0);
      continue;
    }
    const value = readCount(row, field, unreadable, implausible);
    if (value === null) readable = false;
    values.push(value ?? 0);
  }
  // IRCC publishes "0" everywhere when it did not publish the distribution (most rounds before
  // 2022): that is "not published", never an empty pool.
  if (readable && values.every((v) => v === 0)) return null;
  const asOn = parseFeedDate(row.drawDistributionAsOn ?? "");
  if (!asOn) unreadable("drawDistributionAsOn", "not a date");
  // A distribution with one count or its date unreadable is not used at all: the pool models need every
  // count of one day. The counts that were read stay in the published row.
  if (!readable || !asOn) return null;
  const dd = (n: number) => values[n - 1]!;
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let n = from; n <= to; n++) total += dd(n);
    return total;
  };
  // The sub-ranges should add up; IRCC's own numbers sometimes do not (round 247: dd3 55,867 but
  // dd4..dd8 add up to 55,687). Keep what was published and flag the band.
  const checks: [string, string, number, number][] = [
    ["dd3", "dd3 (451–500) should equal dd4..dd8", dd(3), sum(4, 8)],
    ["dd9", "dd9 (401–450) should equal dd10..dd14", dd(9), sum(10, 14)],
    [
      "dd18",
      "dd18 (total) should equal dd1+dd2+dd3+dd9+dd15+dd16+dd17",
      dd(18),
      dd(1) + dd(2) + dd(3) + dd(9) + dd(15) + dd(16) + dd(17),
    ],
  ];
  for (const [field, rule, published, added] of checks) {
    if (published !== added)
      implausible(field, `distribution does not add up: ${rule}, but ${published} ≠ ${added}`);
  }
  const counts = Object.fromEntries(poolDistributionFields.map((field, i) => [field, values[i]!]));
  return { asOn, ...counts } as PoolDistribution;
}
