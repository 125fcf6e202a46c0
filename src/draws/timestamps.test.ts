import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledFeedObject } from "./bundled.js";
import { parseFeedDate, parseFeedDateTime } from "./timestamps.js";

const fullMonths =
  "January February March April May June July August September October November December".split(" ");
const weekdays = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(" ");

// The expected instant of a real string comes from an independent reader: V8's own Date.parse, after
// removing what it does not take (ordinal suffixes, "at", commas and periods, a repeated ISO date, AM/PM
// after a 24-hour time). A string without a four-digit year has no certain instant (V8 would guess one).
function oracle(text: string): string | null {
  if (!/\b\d{4}\b/.test(text.replace(/\d{4}-\d{2}-\d{2}/g, ""))) return null;
  let t = text
    .replace(/(\d{1,2})(st|nd|rd|th)\b/gi, "$1")
    .replace(/\bat(?=\s|\d)/gi, " ")
    .replace(/\d{4}-\d{2}-\d{2}/g, " ")
    .replace(/[,.]/g, " ");
  const hour = Number(/(\d{1,2}):\d{2}/.exec(t)?.[1]);
  if (hour >= 13) t = t.replace(/\b[AP]M\b/gi, " ");
  if (!/\b(UTC|GMT)\b/i.test(t)) t += " UTC";
  const ms = Date.parse(t.replace(/\s+/g, " ").trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

type Row = Record<string, string>;
const rowsOf = (feed: unknown) => (feed as { rounds: Row[] }).rounds;
/** Every tie-break and draw time IRCC published, in the bundled snapshot (the feed of 2026-08-07). */
const realTimes = [
  ...new Set(
    rowsOf(bundledFeedObject())
      .flatMap((r) => [r.drawCutOff, r.drawDateTime])
      .filter((t): t is string => typeof t === "string" && t.trim() !== ""),
  ),
];

describe("parseFeedDateTime on every time IRCC published", () => {
  it("agrees with an independent reader on each of them", () => {
    expect(realTimes.length).toBeGreaterThan(500);
    for (const text of realTimes) {
      expect({ text, iso: parseFeedDateTime(text)?.iso ?? null }).toEqual({ text, iso: oracle(text) });
    }
  });

  it('reads round 432\'s "July 3rd 2026 at 21:35:13 UTC"', () => {
    expect(parseFeedDateTime("July 3rd 2026 at 21:35:13 UTC")).toEqual({
      iso: "2026-07-03T21:35:13Z",
      notes: [],
    });
  });

  it("law: a real time, respaced, recased, with commas and periods swapped, reads the same", () => {
    const readable = realTimes.filter((t) => oracle(t) !== null);
    fc.assert(
      fc.property(
        fc.constantFrom(...readable),
        fc.array(fc.constantFrom(" ", "  ", "\t"), { minLength: 1, maxLength: 40 }),
        fc.constantFrom("none", "lower", "upper"),
        fc.boolean(),
        (text, spaces, casing, swapPunctuation) => {
          let i = 0;
          let variant = text.replace(/ /g, () => spaces[i++ % spaces.length]!);
          variant = ` ${variant}  `;
          if (casing === "lower") variant = variant.toLowerCase();
          if (casing === "upper") variant = variant.toUpperCase();
          // A comma after the day written as a period, or the other way round (never inside a time).
          if (swapPunctuation)
            variant = variant.replace(/(\d)([,.])(\s)/g, (_, d, p, s) => `${d}${p === "," ? "." : ","}${s}`);
          expect(parseFeedDateTime(variant)?.iso).toBe(oracle(text));
        },
      ),
    );
  });
});

/** One way a person may write an instant; the test writes the instant first, then the text. */
interface Form {
  order: "month-day" | "day-month" | "iso";
  month: "full" | "short" | "short." | "lower" | "upper";
  day: "plain" | "padded" | "ordinal";
  afterDay: "," | "." | "" | ", ";
  join: " at " | " " | ", " | ", at " | " at" | "  at  ";
  clock: "24" | "24-unpadded" | "12" | "12-lower" | "12-dots" | "12-dots-upper";
  seconds: boolean;
  zone: " UTC" | "" | " GMT" | "UTC" | " utc" | " +00:00";
  weekday: boolean;
  pad: "" | " " | "  ";
}

const ordinalSuffix = (d: number) =>
  d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th";
const two = (n: number) => String(n).padStart(2, "0");

/** The date part of a form (day, month and year, with the weekday when the form has one). */
function renderDate(when: Date, f: Form): string {
  const y = when.getUTCFullYear();
  const mo = when.getUTCMonth();
  const d = when.getUTCDate();
  const full = fullMonths[mo]!;
  const month = {
    full,
    short: full.slice(0, 3),
    "short.": `${full.slice(0, 3)}.`,
    lower: full.toLowerCase(),
    upper: full.toUpperCase(),
  }[f.month];
  const day = { plain: String(d), padded: two(d), ordinal: `${d}${ordinalSuffix(d)}` }[f.day];
  const date =
    f.order === "month-day" ? `${month} ${day}${f.afterDay} ${y}` : `${day} ${month}${f.afterDay} ${y}`;
  return `${f.weekday ? `${weekdays[when.getUTCDay()]}, ` : ""}${date}`;
}

function render(when: Date, f: Form): string {
  const y = when.getUTCFullYear();
  const mo = when.getUTCMonth();
  const d = when.getUTCDate();
  const h = when.getUTCHours();
  const mi = when.getUTCMinutes();
  const s = when.getUTCSeconds();
  const seconds = f.seconds || s !== 0 ? `:${two(s)}` : "";
  if (f.order === "iso") {
    return `${f.pad}${y}-${two(mo + 1)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}Z${f.pad}`;
  }
  let time: string;
  if (f.clock.startsWith("12")) {
    const h12 = h % 12 === 0 ? 12 : h % 12;
    const am = h < 12;
    const marker = {
      "12": am ? "AM" : "PM",
      "12-lower": am ? "am" : "pm",
      "12-dots": am ? "a.m." : "p.m.",
      "12-dots-upper": am ? "A.M." : "P.M.",
    }[f.clock as "12"];
    time = `${h12}:${two(mi)}${seconds} ${marker}`;
  } else {
    time = `${f.clock === "24" ? two(h) : String(h)}:${two(mi)}${seconds}`;
  }
  return `${f.pad}${renderDate(when, f)}${f.join}${time}${f.zone}${f.pad}`;
}

const form: fc.Arbitrary<Form> = fc.record({
  order: fc.constantFrom("month-day", "day-month", "iso"),
  month: fc.constantFrom("full", "short", "short.", "lower", "upper"),
  day: fc.constantFrom("plain", "padded", "ordinal"),
  afterDay: fc.constantFrom(",", ".", "", ", "),
  join: fc.constantFrom(" at ", " ", ", ", ", at ", " at", "  at  "),
  clock: fc.constantFrom("24", "24-unpadded", "12", "12-lower", "12-dots", "12-dots-upper"),
  seconds: fc.boolean(),
  zone: fc.constantFrom(" UTC", "", " GMT", "UTC", " utc", " +00:00"),
  weekday: fc.boolean(),
  pad: fc.constantFrom("", " ", "  "),
});

const asIso = (when: Date) => when.toISOString().replace(/\.\d{3}Z$/, "Z");

describe("parseFeedDateTime: every form a person reads without doubt", () => {
  it("law: any instant, written in any form, reads back to itself", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2015-01-01T00:00:00Z"),
          max: new Date("2035-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        form,
        (when, f) => {
          when.setUTCMilliseconds(0);
          const text = render(when, f);
          expect({ text, iso: parseFeedDateTime(text)?.iso }).toEqual({ text, iso: asIso(when) });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("law: every real tie-break's instant, written in any form, reads back to it", () => {
    const instants = realTimes.map(oracle).filter((iso): iso is string => iso !== null);
    fc.assert(
      fc.property(fc.constantFrom(...instants), form, (iso, f) => {
        const text = render(new Date(iso), f);
        expect({ text, iso: parseFeedDateTime(text)?.iso }).toEqual({ text, iso });
      }),
      { numRuns: 2000 },
    );
  });

  // One fixture per form.
  const forms: [string, string][] = [
    ["November 14, 2025 at 11:53:39 UTC", "2025-11-14T11:53:39Z"],
    ["July 3rd 2026 at 21:35:13 UTC", "2026-07-03T21:35:13Z"], // ordinal day
    ["July 1st, 2026 at 09:00:00 UTC", "2026-07-01T09:00:00Z"],
    ["July 2nd, 2026 at 09:00:00 UTC", "2026-07-02T09:00:00Z"],
    ["July 12th, 2026 at 09:00:00 UTC", "2026-07-12T09:00:00Z"],
    ["February 18 2021 at 05:05:15 UTC", "2021-02-18T05:05:15Z"], // no comma
    ["March 02. 2024 at 01:58:34 UTC", "2024-03-02T01:58:34Z"], // a period for the comma
    ["April 26,2023 18:10:04 UTC", "2023-04-26T18:10:04Z"], // no space after the comma
    ["July 06, 2023 14:25:05 UTC", "2023-07-06T14:25:05Z"], // no "at"
    ["December 12, 2022, at 10:48:12 UTC", "2022-12-12T10:48:12Z"], // a comma before "at"
    ["May 31, 2024 at12:48:30 UTC", "2024-05-31T12:48:30Z"], // no space after "at"
    ["May 21, 2026 at  12:14:09 UTC", "2026-05-21T12:14:09Z"], // repeated spaces
    [" January 17, 2018 at 12:33:00 UTC ", "2018-01-17T12:33:00Z"], // stray spaces around
    ["October 18, 2025 at  7:18:52 UTC", "2025-10-18T07:18:52Z"], // one-digit hour
    ["September 05, 2025 at 0:59:13 UTC", "2025-09-05T00:59:13Z"],
    ["September 30, 2023 at 04:22:17 PM UTC", "2023-09-30T16:22:17Z"], // 12-hour clock
    ["September 30, 2023 at 12:05:00 AM UTC", "2023-09-30T00:05:00Z"],
    ["September 30, 2023 at 12:05:00 PM UTC", "2023-09-30T12:05:00Z"],
    ["September 30, 2023 at 4:22:17 p.m. UTC", "2023-09-30T16:22:17Z"], // a.m./p.m.
    ["September 30, 2023 at 4:22:17 a.m.", "2023-09-30T04:22:17Z"],
    ["September 30, 2023 at 9:35 PM", "2023-09-30T21:35:00Z"], // no seconds
    ["2026-07-03T21:35:13Z", "2026-07-03T21:35:13Z"], // ISO 8601
    ["2026-07-03 21:35:13", "2026-07-03T21:35:13Z"],
    ["2026-07-03T23:35:13+02:00", "2026-07-03T21:35:13Z"], // an explicit offset
    ["3 July 2026 at 21:35:13 UTC", "2026-07-03T21:35:13Z"], // day first
    ["3rd of July, 2026, 21:35:13", "2026-07-03T21:35:13Z"],
    ["Jul 3, 2026 21:35:13 UTC", "2026-07-03T21:35:13Z"], // abbreviated month
    ["Sept. 5, 2025 at 00:59:13 UTC", "2025-09-05T00:59:13Z"],
    ["March 05, 2025 at 05:10:48", "2025-03-05T05:10:48Z"], // no "UTC": the feed's times are UTC
    ["Friday, July 3, 2026 at 21:35:13 UTC", "2026-07-03T21:35:13Z"], // with its weekday
    ["January 23, 2025 at 2025-01-23 15:30:04 UTC", "2025-01-23T15:30:04Z"], // a repeated ISO date
  ];
  it.each(forms)("%s", (text, iso) => {
    expect(parseFeedDateTime(text)).toEqual({ iso, notes: [] });
  });

  it("reads AM/PM after a 24-hour time, with a note (nothing else can be meant)", () => {
    expect(parseFeedDateTime("June 22, 2021 at 20:19:59 PM UTC")).toEqual({
      iso: "2021-06-22T20:19:59Z",
      notes: ['"PM" after a 24-hour time; read as 20:19:59'],
    });
    expect(parseFeedDateTime("October 25, 2023 at 15:48:39 AM UTC")?.iso).toBe("2023-10-25T15:48:39Z");
  });

  // One fixture per refusal: what a person could not read with certainty is not guessed.
  const refusals: [string, string][] = [
    ["no year", "October 7 at 16:38:21 UTC"],
    ["no day", "July 2026 at 21:35:13 UTC"],
    ["no month", "3 2026 at 21:35:13 UTC"],
    ["no time", "July 3, 2026"],
    ["February 30", "February 30, 2025 at 10:00:00 UTC"],
    ["February 29 of a common year", "February 29, 2025 at 10:00:00 UTC"],
    ["numeric day and month, either order", "07/03/2026 21:35:13"],
    ["two days", "July 3 4, 2026 at 21:35:13 UTC"],
    ["two years", "July 3, 2026 2025 at 21:35:13 UTC"],
    ["two times", "July 3, 2026 at 21:35:13 22:00:00 UTC"],
    ["an hour of 24", "March 3, 2025 at 24:00:00 UTC"],
    ["61 minutes", "March 3, 2025 at 10:61:00 UTC"],
    ["0 on a 12-hour clock after noon", "March 3, 2025 at 0:30 PM UTC"],
    ["an unknown month", "Smarch 3, 2025 at 10:00:00 UTC"],
    ["an unknown word", "July 3, 2026 around 21:35:13 UTC"],
    ["an unknown zone", "July 3, 2026 at 21:35:13 EST"],
    ["a weekday that is not the date's", "Monday, July 3, 2026 at 21:35:13 UTC"],
    ["a repeated date that differs", "January 23, 2025 at 2025-01-24 15:30:04 UTC"],
    ["AM/PM without a time", "July 3, 2026 PM"],
    ["empty", "   "],
    ["three-digit number", "July 123, 2026 at 21:35:13 UTC"],
  ];
  it.each(refusals)("refuses %s", (_why, text) => {
    expect(parseFeedDateTime(text)).toBeNull();
  });
});

describe("parseFeedDate", () => {
  const dates: [string, string][] = [
    ["November 9, 2025", "2025-11-09"],
    ["November 09 2025", "2025-11-09"],
    ["November 9. 2025", "2025-11-09"],
    ["9th November 2025", "2025-11-09"],
    ["Nov. 9th, 2025", "2025-11-09"],
    ["  november  9 ,2025 ", "2025-11-09"],
    ["2025-11-09", "2025-11-09"],
    ["Sunday, November 9, 2025", "2025-11-09"],
  ];
  it.each(dates)("%s", (text, iso) => expect(parseFeedDate(text)).toBe(iso));

  const refusals = [
    "November 2025",
    "November 9",
    "February 30, 2025",
    "09/11/2025",
    "2025-02-30",
    "November 9, 2025 at 10:00",
  ];
  it.each(refusals)("refuses %s", (text) => expect(parseFeedDate(text)).toBeNull());

  it("law: any date written with any month, day and separator style reads back to itself", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2015-01-01T00:00:00Z"),
          max: new Date("2035-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        form,
        (when, f) => {
          const text =
            f.order === "iso" ? when.toISOString().slice(0, 10) : `${f.pad}${renderDate(when, f)}${f.pad}`;
          expect({ text, date: parseFeedDate(text) }).toEqual({
            text,
            date: when.toISOString().slice(0, 10),
          });
        },
      ),
    );
  });
});
