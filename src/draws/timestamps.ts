// Reading the dates and times IRCC types by hand in its rounds feed. One reader for every date and
// date-time field (drawDateFull, drawDateTime, drawCutOff, drawDistributionAsOn), accepting every form a
// person reads without doubt: "November 14, 2025 at 11:53:39 UTC", "July 3rd 2026 at 21:35:13 UTC",
// "March 02. 2024 …", "May 31, 2024 at12:48:30 UTC", "July 06, 2023  14:25:05", "3 July 2026, 9:35:13 p.m.",
// "Jul. 3, 2026 9:35 PM", "2026-07-03T21:35:13Z", "Friday, July 3, 2026 …", a repeated ISO date
// ("January 23, 2025 at 2025-01-23 15:30:04 UTC"). The feed's times are UTC: a missing zone is UTC.
// What a person could not read with certainty is not guessed: no year, no day, two candidate days
// ("07/08/2026"), an impossible date (February 30), an hour of 24, "PM" after 0:30, a repeated date or
// a weekday that contradicts the date, any word we do not know. Those return null.
import { monthNames } from "./format.js";

export interface ParsedTimestamp {
  /** ISO 8601 UTC, e.g. "2024-12-02T22:19:41Z". */
  iso: string;
  /** What needed a reading beyond the literal text (e.g. "PM" after a 24-hour time); empty otherwise. */
  notes: string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Collapses runs of whitespace (IRCC's strings have double, leading and trailing spaces). */
export const squeeze = (text: string) => text.replace(/\s+/g, " ").trim();

/** "january", "jan", "sept" → 1, 1, 9: full English names and their usual abbreviations. */
const monthNumbers: Record<string, number> = Object.fromEntries(
  monthNames.en.flatMap((name, i) => {
    const full = name.toLowerCase();
    const forms = [full, full.slice(0, 3)];
    if (full === "september") forms.push("sept");
    return forms.map((form) => [form, i + 1]);
  }),
);

/** Sunday = 0 … Saturday = 6, full names and three-letter (and "tues", "thur(s)") abbreviations. */
const weekdayNumbers: Record<string, number> = Object.fromEntries(
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].flatMap((name, i) => {
    const forms = [name, name.slice(0, 3)];
    if (name === "tuesday") forms.push("tues");
    if (name === "thursday") forms.push("thur", "thurs");
    return forms.map((form) => [form, i]);
  }),
);

/** Words that join the parts and carry no meaning of their own. */
const fillerWords = new Set(["at", "of", "on", "the"]);
const utcWords = new Set(["utc", "gmt", "z"]);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

type Token =
  | { kind: "isoDate"; year: number; month: number; day: number }
  | { kind: "time"; hour: number; minute: number; second: number }
  | { kind: "offset"; minutes: number }
  | { kind: "number"; text: string }
  | { kind: "ordinal"; day: number }
  | { kind: "word"; text: string };

// One token at a time, in this order: an ISO date, a time (seconds optional, a fraction dropped), a
// numeric UTC offset, an ordinal day, a number, a word. Commas, periods and spaces only separate.
const tokenPattern =
  /(\d{4})-(\d{2})-(\d{2})|(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?|([+-])(\d{2}):?(\d{2})|(\d{1,2})(st|nd|rd|th)(?![a-z])|(\d+)|([a-z]+)|([\s,.]+)/y;

function tokenize(text: string): Token[] | null {
  // "a.m." / "p.m." are words with periods in them; everything else is matched case-insensitively.
  const input = text
    .toLowerCase()
    .replace(/\b([ap])\.\s?m\.?(?![a-z])/g, "$1m")
    // "PMUTC": the clock's half and the zone typed together.
    .replace(/(\d\s*[ap]m)(utc|gmt)\b/g, "$1 $2")
    // ISO 8601's "T" between the date and the time.
    .replace(/(\d{4}-\d{2}-\d{2})t(?=\d)/g, "$1 ");
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < input.length) {
    const m = tokenPattern.exec(input);
    if (!m) return null; // a character that is neither part of a date nor a separator
    if (m[1]) tokens.push({ kind: "isoDate", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
    else if (m[4])
      tokens.push({ kind: "time", hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) });
    else if (m[7]) {
      const minutes = Number(m[8]) * 60 + Number(m[9]);
      tokens.push({ kind: "offset", minutes: m[7] === "-" ? -minutes : minutes });
    } else if (m[10]) tokens.push({ kind: "ordinal", day: Number(m[10]) });
    else if (m[12]) tokens.push({ kind: "number", text: m[12] });
    else if (m[13]) tokens.push({ kind: "word", text: m[13] });
  }
  return tokens;
}

interface Reading {
  date: string;
  time: { hour: number; minute: number; second: number } | null;
  /** Minutes east of UTC (0 when the text names UTC or no zone). */
  offset: number;
  notes: string[];
}

interface Parts {
  month: number | null;
  day: number | null;
  year: number | null;
  iso: { year: number; month: number; day: number } | null;
  weekday: number | null;
  time: { hour: number; minute: number; second: number } | null;
  meridiem: "am" | "pm" | null;
  zone: "utc" | null;
  offset: number | null;
}

/** Files one token under its part; false when it is unknown or its part is already taken. */
function readToken(
  token: Token,
  parts: Parts,
  once: <K extends keyof Parts>(key: K, value: NonNullable<Parts[K]>) => boolean,
): boolean {
  switch (token.kind) {
    case "isoDate":
      return once("iso", token);
    case "time":
      return once("time", token);
    case "offset":
      return once("offset", token.minutes);
    case "ordinal":
      return once("day", token.day);
    case "number":
      if (token.text.length === 4) return once("year", Number(token.text));
      if (token.text.length <= 2) return once("day", Number(token.text));
      return false;
    case "word": {
      const w = token.text;
      if (fillerWords.has(w)) return true;
      if (w === "am" || w === "pm") return parts.time !== null && once("meridiem", w);
      if (utcWords.has(w)) return once("zone", "utc");
      const month = monthNumbers[w];
      if (month !== undefined) return once("month", month);
      const weekday = weekdayNumbers[w];
      if (weekday !== undefined) return once("weekday", weekday);
      return false;
    }
  }
}

/** Reads the tokens into a date and an optional time; null at the first doubt. */
function read(text: string): Reading | null {
  const tokens = tokenize(squeeze(text));
  if (!tokens || tokens.length === 0) return null;
  const parts: Parts = {
    month: null,
    day: null,
    year: null,
    iso: null,
    weekday: null,
    time: null,
    meridiem: null,
    zone: null,
    offset: null,
  };
  // Each part may appear once: a second day, month, year or time is a doubt, not a choice.
  const once = <K extends keyof Parts>(key: K, value: NonNullable<Parts[K]>): boolean => {
    if (parts[key] !== null) return false;
    parts[key] = value;
    return true;
  };
  for (const token of tokens) {
    if (!readToken(token, parts, once)) return null;
  }
  const { month, day, year, iso, weekday, meridiem, zone, offset } = parts;
  let { time } = parts;
  // The date: from the words (month, day, year), or from an ISO date; when both, they must agree.
  let date: string | null = null;
  if (month !== null || day !== null || year !== null) {
    if (month === null || day === null || year === null) return null;
    date = isoDate(year, month, day);
    if (!date) return null;
    if (iso && isoDate(iso.year, iso.month, iso.day) !== date) return null;
  } else if (iso) {
    date = isoDate(iso.year, iso.month, iso.day);
  }
  if (!date) return null;
  if (weekday !== null && new Date(`${date}T00:00:00Z`).getUTCDay() !== weekday) return null;
  const notes: string[] = [];
  if (time) {
    let { hour } = time;
    if (meridiem) {
      if (hour >= 1 && hour <= 12) {
        if (meridiem === "pm" && hour < 12) hour += 12;
        if (meridiem === "am" && hour === 12) hour = 0;
      } else if (hour === 0 && meridiem === "am") {
        // "0:30 AM" is half past midnight either way.
      } else if (hour >= 13 && hour <= 23) {
        // "20:19:59 PM", "15:48:39 AM": a 24-hour time cannot be read on a 12-hour clock, so the
        // stray marker changes nothing; say so.
        notes.push(
          `"${meridiem.toUpperCase()}" after a 24-hour time; read as ${pad(hour)}:${pad(time.minute)}:${pad(time.second)}`,
        );
      } else {
        return null; // "0:30 PM", "25:00 AM": no reading is certain
      }
    }
    if (hour > 23 || time.minute > 59 || time.second > 59) return null;
    time = { ...time, hour };
  } else if (meridiem || zone || offset !== null) {
    return null;
  }
  return { date, time, offset: offset ?? 0, notes };
}

/**
 * Reads a date as a person types it ("November 9, 2025", "9th November 2025", "Nov. 9 2025",
 * "2025-11-09") → "2025-11-09"; null when it is not certainly one date, or when it carries a time.
 */
export function parseFeedDate(text: string): string | null {
  const reading = read(text);
  return reading && !reading.time ? reading.date : null;
}

/**
 * Reads a date and time as a person types it (the time is UTC unless the text says otherwise) →
 * ISO 8601 UTC; null when a person could not read one instant from it with certainty.
 */
export function parseFeedDateTime(text: string): ParsedTimestamp | null {
  const reading = read(text);
  if (!reading?.time) return null;
  const { hour, minute, second } = reading.time;
  const [y, mo, d] = reading.date.split("-").map(Number) as [number, number, number];
  const instant = new Date(Date.UTC(y, mo - 1, d, hour, minute - reading.offset, second));
  return { iso: instant.toISOString().replace(/\.\d{3}Z$/, "Z"), notes: reading.notes };
}
