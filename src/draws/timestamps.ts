// Reading the dates and times IRCC writes by hand in its rounds feed. The published strings vary:
// "November 14, 2025 at 11:53:39 UTC", "July 06, 2023 14:25:05 UTC" (no "at"), "April 26,2023 …",
// "March 02. 2024 …", "February 02 2022 …", "May 31, 2024 at12:48:30 UTC", "… 20:19:59 PM UTC",
// "January 23, 2025 at 2025-01-23 15:30:04 UTC", "October 7 at 16:38:21 UTC" (no year) and
// "March 27, 2015 at 23:59:47" (no time zone). Cosmetic variations are read silently; anything that
// needed an assumption (a missing year or time zone, a contradictory AM/PM) is reported as a note.
import { monthNames } from "./format.js";

/** "january" → 1 … "december" → 12: the feed writes English month names. */
const monthNumbers: Record<string, number> = Object.fromEntries(
  monthNames.en.map((name, i) => [name.toLowerCase(), i + 1]),
);

export interface ParsedTimestamp {
  /** ISO 8601 UTC, e.g. "2024-12-02T22:19:41Z". */
  iso: string;
  /** Assumptions made while reading it (empty when the string was unambiguous). */
  notes: string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Collapses runs of whitespace (IRCC's strings have double, leading and trailing spaces). */
export const squeeze = (text: string) => text.replace(/\s+/g, " ").trim();

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "November 9, 2025" (also "November 09 2025", "November 9. 2025") → "2025-11-09"; null if unreadable. */
export function parseLongDate(text: string): string | null {
  const m = /^([A-Za-z]+)\.? (\d{1,2})[,.]? ?(\d{4})$/.exec(squeeze(text));
  if (!m) return null;
  const month = monthNumbers[m[1]!.toLowerCase()];
  if (!month) return null;
  return isoDate(Number(m[3]), month, Number(m[2]));
}

const timestampPattern = new RegExp(
  [
    "^([A-Za-z]+)\\.? ?(\\d{1,2})", // month and day
    "(?:[,.]? ?(\\d{4}))?", // year (missing once in the real feed)
    ",? ?(?:at ?)?", // optional "at", sometimes with a comma before it or no space after it
    "(?:(\\d{4})-(\\d{2})-(\\d{2}) )?", // an ISO date repeated inside the time, seen in 2024-2025
    "(\\d{1,2}):(\\d{2}):(\\d{2})",
    " ?(AM|PM)?",
    " ?(UTC|GMT|Z)?$",
  ].join(""),
  "i",
);

/**
 * Reads one of the feed's timestamps. `roundDate` (ISO) is the round's own date, used only to
 * supply a missing year: the latest year that does not put the timestamp after the round.
 * Returns null when the string cannot be read at all.
 */
export function parseFeedTimestamp(text: string, roundDate: string): ParsedTimestamp | null {
  const m = timestampPattern.exec(squeeze(text));
  if (!m) return null;
  const notes: string[] = [];
  const month = monthNumbers[m[1]!.toLowerCase()];
  if (!month) return null;
  const day = Number(m[2]);
  let year: number;
  if (m[3]) {
    year = Number(m[3]);
  } else {
    // A tie-breaking time precedes the round it belongs to: take the round's year unless that
    // would put the time after the round, then the year before.
    const [roundYear, roundMonth, roundDay] = roundDate.split("-").map(Number) as [number, number, number];
    year = month > roundMonth || (month === roundMonth && day > roundDay) ? roundYear - 1 : roundYear;
    notes.push(`no year published; read as ${year}, the latest year not after the round's date`);
  }
  const date = isoDate(year, month, day);
  if (!date) return null;
  if (m[4]) {
    const repeated = isoDate(Number(m[4]), Number(m[5]), Number(m[6]));
    if (repeated !== date) notes.push(`repeats a different date (${m[4]}-${m[5]}-${m[6]}); used ${date}`);
  }
  let hour = Number(m[7]);
  const minute = Number(m[8]);
  const second = Number(m[9]);
  const meridiem = m[10]?.toUpperCase();
  if (meridiem) {
    if (hour >= 1 && hour <= 12) {
      if (meridiem === "PM" && hour < 12) hour += 12;
      if (meridiem === "AM" && hour === 12) hour = 0;
    } else {
      notes.push(`"${meridiem}" after a 24-hour time; read as ${pad(hour)}:${pad(minute)}:${pad(second)}`);
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (!m[11]) notes.push("no time zone published; read as UTC like the rest of the feed");
  return { iso: `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`, notes };
}
