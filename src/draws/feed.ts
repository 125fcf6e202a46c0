// Parses IRCC's rounds feed (ee_rounds_123_en.json: {"classes", "rounds": [row, …]}, every value a
// string). The whole feed is rejected with one line per problem when it cannot be trusted (an empty
// body, an HTML page, truncated JSON, a row whose round, date, size or cut-off cannot be read), so that
// a bad fetch never changes stored data. Oddities that still leave the facts certain are read, and
// anything that needed an assumption or does not add up in IRCC's own numbers becomes a warning.
import { isCalendarDate } from "../profile/dates.js";
import { type PoolDistribution, poolDistributionFields, type Round } from "./round.js";
import { classifyDrawName } from "./streams.js";
import { parseFeedTimestamp, parseLongDate, squeeze } from "./timestamps.js";

/** A row exactly as published (every field a string in IRCC's feed). */
export type RawRow = Record<string, string>;

export interface ParsedFeed {
  /** In chronological order (date, then round number: "91a" before "91b"). */
  rounds: Round[];
  /** The raw rows, aligned with `rounds` (rows[i] is the published row of rounds[i]). */
  rows: RawRow[];
  /** One line per oddity that needed an assumption or does not add up; never fatal. */
  warnings: string[];
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
export function parseFeed(text: string): ParsedFeed {
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
  return parseFeedObject(json);
}

/** The feed's names of the distribution's counts: dd1..dd18, in poolDistributionFields' order. */
const ddFields = poolDistributionFields.map((_, i) => `dd${i + 1}`);

/** Parses an already-decoded feed object (the bundled snapshot is imported as JSON). */
export function parseFeedObject(json: unknown): ParsedFeed {
  if (typeof json !== "object" || json === null || !Array.isArray((json as { rounds?: unknown }).rounds)) {
    throw new FeedError(['feed: no "rounds" array (expected {"classes", "rounds": [...]})']);
  }
  const input = (json as { rounds: unknown[] }).rounds;
  if (input.length === 0) throw new FeedError(['feed: the "rounds" array is empty']);
  const problems: string[] = [];
  const warnings: string[] = [];
  const parsed: { round: Round; row: RawRow }[] = [];
  const seen = new Set<string>();
  input.forEach((item, index) => {
    const row = asRawRow(item);
    if (!row) {
      problems.push(`rounds[${index}]: not an object of string fields`);
      return;
    }
    const result = parseRow(row, index);
    problems.push(...result.problems);
    warnings.push(...result.warnings);
    if (result.round) {
      if (seen.has(result.round.round)) problems.push(`round ${result.round.round}: published twice`);
      seen.add(result.round.round);
      parsed.push({ round: result.round, row });
    }
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

/** "3,500", " 3500 ", "3 500" → 3500; null when it is not a whole number. */
export function parseCount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const digits = text.replace(/[,\s\u00A0\u202F]/g, "");
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

interface RowResult {
  round: Round | null;
  problems: string[];
  warnings: string[];
}

function parseRow(row: RawRow, index: number): RowResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const roundText = squeeze(row.drawNumber ?? "");
  const roundMatch = /^(\d+)([a-z]?)$/i.exec(roundText);
  const label = roundMatch ? `round ${roundText}` : `rounds[${index}]`;
  if (!roundMatch) {
    problems.push(
      `${label}: drawNumber "${row.drawNumber ?? ""}" is not a round number (e.g. "379" or "91a")`,
    );
  }
  const date = readDate(row, label, problems, warnings);
  const size = parseCount(row.drawSize);
  if (size === null) problems.push(`${label}: drawSize "${row.drawSize ?? ""}" is not a whole number`);
  const cutoff = parseCount(row.drawCRS);
  if (cutoff === null) problems.push(`${label}: drawCRS "${row.drawCRS ?? ""}" is not a whole number`);
  const name = squeeze(row.drawName ?? "");
  if (name === "") problems.push(`${label}: drawName is empty (expected the round's name)`);
  if (problems.length > 0 || !roundMatch || !date || size === null || cutoff === null) {
    return { round: null, problems, warnings };
  }
  const classification = classifyDrawName(name);
  if (classification.warning) warnings.push(`${label}: ${classification.warning}`);
  const drawnAt = readTimestamp(row, "drawDateTime", date, label, problems, warnings);
  const tieBreakAt = readTimestamp(row, "drawCutOff", date, label, problems, warnings);
  const distribution = readDistribution(row, label, problems, warnings);
  if (problems.length > 0) return { round: null, problems, warnings };
  const round: Round = {
    round: roundText.toLowerCase(),
    roundNumber: Number(roundMatch[1]),
    date,
    name,
    programs: squeeze(row.drawText2 ?? ""),
    stream: classification.stream,
    size,
    cutoff,
    drawnAt,
    tieBreakAt,
    distribution,
  };
  return { round, problems, warnings };
}

function readDate(row: RawRow, label: string, problems: string[], warnings: string[]): string | null {
  const iso = squeeze(row.drawDate ?? "");
  const fromIso = isCalendarDate(iso) ? iso : null;
  const fromFull = row.drawDateFull ? parseLongDate(row.drawDateFull) : null;
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
  roundDate: string,
  label: string,
  problems: string[],
  warnings: string[],
): string | null {
  const text = squeeze(row[field] ?? "");
  if (text === "") return null; // the early rounds published no tie-breaking time
  const parsed = parseFeedTimestamp(text, roundDate);
  if (!parsed) {
    problems.push(
      `${label}: ${field} "${row[field]}" is not a date and time (expected "Month D, YYYY at HH:MM:SS UTC")`,
    );
    return null;
  }
  for (const note of parsed.notes) warnings.push(`${label}: ${field} "${row[field]}": ${note}`);
  return parsed.iso;
}

function readDistribution(
  row: RawRow,
  label: string,
  problems: string[],
  warnings: string[],
): PoolDistribution | null {
  const values: number[] = [];
  for (const field of ddFields) {
    const raw = row[field];
    const value = raw === undefined || squeeze(raw) === "" ? 0 : parseCount(raw);
    if (value === null) {
      problems.push(`${label}: ${field} "${raw}" is not a whole number`);
      return null;
    }
    values.push(value);
  }
  // IRCC publishes "0" everywhere when it did not publish the distribution (most rounds before
  // 2022): that is "not published", never an empty pool.
  if (values.every((v) => v === 0)) return null;
  const dd = (n: number) => values[n - 1]!;
  const asOn = parseLongDate(row.drawDistributionAsOn ?? "");
  if (!asOn) {
    problems.push(
      `${label}: drawDistributionAsOn "${row.drawDistributionAsOn ?? ""}" is not a date (expected "Month D, YYYY")`,
    );
    return null;
  }
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let n = from; n <= to; n++) total += dd(n);
    return total;
  };
  // The sub-ranges should add up; IRCC's own numbers sometimes do not (round 247: dd3 55,867 but
  // dd4..dd8 add up to 55,687). Keep what was published and say so.
  const checks: [string, number, number][] = [
    ["dd3 (451–500) should equal dd4..dd8", dd(3), sum(4, 8)],
    ["dd9 (401–450) should equal dd10..dd14", dd(9), sum(10, 14)],
    [
      "dd18 (total) should equal dd1+dd2+dd3+dd9+dd15+dd16+dd17",
      dd(18),
      dd(1) + dd(2) + dd(3) + dd(9) + dd(15) + dd(16) + dd(17),
    ],
  ];
  for (const [rule, published, added] of checks) {
    if (published !== added) {
      warnings.push(`${label}: distribution does not add up: ${rule}, but ${published} ≠ ${added}`);
    }
  }
  const counts = Object.fromEntries(poolDistributionFields.map((field, i) => [field, values[i]!]));
  return { asOn, ...counts } as PoolDistribution;
}
