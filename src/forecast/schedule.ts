// When each stream draws next, learned from the rounds known on `asOf`: the weekday a stream keeps,
// its spacing, IRCC's habit of running several streams in one "draw week" (PNP Monday, CEC Tuesday,
// a category later in the week), the year-end pause, and streams that have gone quiet.
import type { Round } from "../draws/round.js";
import type { StreamRef } from "../draws/stream.js";
import { dayNumber, isoFromDayNumber, mondayOf, weekdayOf } from "./dates.js";
import type { StreamHistory } from "./history.js";

/** How many of a stream's latest rounds define its habits: recent enough to follow IRCC's changes. */
const habitRounds = 6;
/** How many draw weeks (weeks with any round) define IRCC's overall cadence. */
const cadenceWeeks = 10;

export interface StreamSchedule {
  key: string;
  stream: StreamRef;
  lastDate: string;
  /** Usual weekday (0 = Monday) of the stream's recent rounds. */
  weekday: number;
  /** Median spacing of the stream's recent rounds, in weeks (at least 1). */
  gapWeeks: number;
  /** Recent spacings minus the median, in weeks: the spread the Monte Carlo draws from. */
  gapDeviations: number[];
  /** Share of recent spacings equal to the median: how sure the dates are. */
  sureness: number;
  /** Chance the stream still draws at all; falls once it has been silent for far longer than its spacing. */
  activeProbability: number;
  /** Day number of the next round (the point forecast). */
  nextDay: number;
}

/** The days around New Year on which no round has ever been held (month*100+day), learned from history. */
export function yearEndPause(rounds: readonly Round[]): Set<number> {
  const years = new Set(rounds.map((r) => Number(r.date.slice(0, 4))));
  const pause = new Set<number>();
  // Without at least two year-ends in the data there is no habit to learn.
  if (years.size < 3) return pause;
  const used = new Set(rounds.map((r) => Number(r.date.slice(5, 7)) * 100 + Number(r.date.slice(8, 10))));
  const mmdd = (d: number) => {
    const iso = isoFromDayNumber(d);
    return Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
  };
  const christmas = dayNumber("2001-12-25");
  for (let d = christmas; !used.has(mmdd(d)); d--) pause.add(mmdd(d));
  for (let d = christmas + 1; !used.has(mmdd(d)); d++) pause.add(mmdd(d));
  return pause;
}

/** Moves a day out of the year-end pause to the first open day with the same weekday after it. */
export function skipPause(day: number, pause: Set<number>): number {
  let d = day;
  const mmdd = (x: number) => {
    const iso = isoFromDayNumber(x);
    return Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
  };
  while (pause.has(mmdd(d))) d += 7;
  return d;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Weeks between consecutive rounds, counted Monday to Monday so that a Tuesday/Thursday pair is 0 or 1. */
function weekSpacings(days: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < days.length; i++) out.push((mondayOf(days[i]!) - mondayOf(days[i - 1]!)) / 7);
  return out;
}

/** The schedule of one stream as of `asOf`, given every round known then (`known`, oldest first). */
export function streamSchedule(
  history: StreamHistory,
  known: readonly Round[],
  asOf: string,
  pause: Set<number>,
): StreamSchedule {
  const asOfDay = dayNumber(asOf);
  const days = history.rounds.map((r) => dayNumber(r.date));
  const recent = days.slice(-habitRounds);
  const lastDay = days[days.length - 1]!;
  const weekday = Math.round(median(recent.map(weekdayOf)));
  const spacings = weekSpacings(recent).filter((w) => w > 0);
  const gapWeeks = spacings.length ? Math.max(1, Math.round(median(spacings))) : 2;
  const gapDeviations = spacings.length ? spacings.map((w) => w - gapWeeks) : [0];
  const sureness = spacings.length ? spacings.filter((w) => w === gapWeeks).length / spacings.length : 0.25;

  const weeksSilent = (mondayOf(asOfDay) - mondayOf(lastDay)) / 7;
  const patience = 2 * gapWeeks + 2;
  const activeProbability = weeksSilent <= patience ? 1 : Math.exp(-(weeksSilent - patience) / patience);

  return {
    key: history.key,
    stream: history.stream,
    lastDate: isoFromDayNumber(lastDay),
    weekday,
    gapWeeks,
    gapDeviations,
    sureness,
    activeProbability,
    nextDay: nextRoundDay(history, known, asOfDay, weekday, gapWeeks, pause),
  };
}

function nextRoundDay(
  history: StreamHistory,
  known: readonly Round[],
  asOfDay: number,
  weekday: number,
  gapWeeks: number,
  pause: Set<number>,
): number {
  const lastDay = dayNumber(history.rounds[history.rounds.length - 1]!.date);
  const thisWeek = mondayOf(asOfDay);
  const drawWeeks = [...new Set(known.map((r) => mondayOf(dayNumber(r.date))))].sort((a, b) => a - b);
  const weeksSinceLast = (thisWeek - mondayOf(lastDay)) / 7;

  // A draw week under way (a round of another stream this week) that this stream has not joined yet:
  // IRCC runs the streams of a draw week on consecutive days, so it joins later this week if it is due.
  const drawWeekUnderWay = drawWeeks[drawWeeks.length - 1] === thisWeek && mondayOf(lastDay) !== thisWeek;
  if (drawWeekUnderWay && weeksSinceLast >= gapWeeks - 0.5) {
    const day = Math.max(thisWeek + weekday, asOfDay + 1);
    if (mondayOf(day) === thisWeek) return skipPause(day, pause);
  }

  // Otherwise the next draw week: the stream's own spacing, snapped to IRCC's overall cadence.
  const cadence = weekSpacings(drawWeeks.slice(-cadenceWeeks)).filter((w) => w > 0);
  const cadenceWeeksGap = cadence.length ? Math.max(1, Math.round(median(cadence))) : gapWeeks;
  const lastDrawWeek = drawWeeks[drawWeeks.length - 1] ?? thisWeek;
  const target = Math.max(mondayOf(lastDay) + 7 * gapWeeks, thisWeek + 7);
  let grid = lastDrawWeek + 7 * cadenceWeeksGap;
  while (grid < target) grid += 7 * cadenceWeeksGap;
  const week = Math.abs(grid - target) >= 7 ? target : grid;
  let day = week + weekday;
  while (day <= asOfDay) day += 7 * gapWeeks;
  return skipPause(day, pause);
}
