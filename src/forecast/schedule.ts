// When each stream draws next, learned from the rounds known on `asOf`: the weekday a stream keeps,
// its spacing, IRCC's habit of running several streams in one "draw week" (PNP Monday, CEC Tuesday,
// a category later in the week), the year-end pause, and streams that have gone quiet.
import { median, yearOf } from "../draws/analytics.js";
import type { CompleteRound } from "../draws/round.js";
import type { StreamRef } from "../draws/stream.js";
import { dayNumber, isoFromDay, mondayOf, weekdayOf } from "./dates.js";
import { type StreamHistory, streamKey } from "./history.js";

/** How many of a stream's latest rounds define its habits: recent enough to follow IRCC's changes. */
const habitRounds = 6;
/** Friday: IRCC has never held a round on a weekend. */
const lastWorkingWeekday = 4;
/** Longer silences than this are pauses, not the stream's rhythm. */
const maxRunningGapWeeks = 8;
/** Longer silences than this are not even the rhythm of a rare stream (the model forgets such streams). */
const maxRhythmWeeks = 104;
/** How far back (weeks) the stream's habit of joining a draw week is learned. */
const joinMemoryWeeks = 52;
/** Being this many weeks overdue or early (or more) counts as one case when learning to join. */
const maxDueBucket = 3;
/** Cases this much less due than now still count as comparable. */
const comparableDueWeeks = 1;
/** The latest draw weeks that tell whether a stream joins. */
const recentJoinCases = 4;
/** Fewer past cases than this: widen the cases compared. */
const minJoinCases = 3;

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
  /** The next working day, when a draw week is under way that the stream has not joined yet. */
  joinDay: number | null;
  /** Chance the stream joins the draw week under way (0 when none is). */
  joinProbability: number;
  /** The next round's day if it does not join the week under way. */
  laterDay: number;
  /** Day number of the next round (the point forecast: the more likely of the two). */
  nextDay: number;
}

/** The days around New Year on which no round has ever been held (month*100+day), learned from history. */
export function yearEndPause(rounds: readonly CompleteRound[]): Set<number> {
  const years = new Set(rounds.map((r) => yearOf(r.date)));
  const pause = new Set<number>();
  // Without at least two year-ends in the data there is no habit to learn.
  if (years.size < 3) return pause;
  const used = new Set(rounds.map((r) => monthDayOf(r.date)));
  const mmdd = (d: number) => monthDayOf(isoFromDay(d));
  const christmas = dayNumber("2001-12-25");
  for (let d = christmas; !used.has(mmdd(d)); d--) pause.add(mmdd(d));
  for (let d = christmas + 1; !used.has(mmdd(d)); d++) pause.add(mmdd(d));
  return pause;
}

/** Moves a day out of the year-end pause to the first open day with the same weekday after it. */
export function skipPause(day: number, pause: Set<number>): number {
  let d = day;
  if (pause.size === 0) return d;
  while (pause.has(monthDayOfDay(d))) d += 7;
  return d;
}

/**
 * A day number's month*100 + day, by arithmetic (the civil calendar from days, as in H. Hinnant's
 * `civil_from_days`): the simulation asks it for every simulated round, where formatting a date would cost
 * more than the rest of the round. Equal to `monthDayOf(isoFromDay(day))` (checked by a test).
 */
export function monthDayOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return month * 100 + dayOfMonth;
}

/** An ISO date's month*100 + day (1225 for 25 December): the key of the year-end pause. */
function monthDayOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7)) * 100 + Number(isoDate.slice(8, 10));
}

/** Weeks between consecutive rounds, counted Monday to Monday so that a Tuesday/Thursday pair is 0 or 1. */
function weekSpacings(days: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < days.length; i++) out.push((mondayOf(days[i]!) - mondayOf(days[i - 1]!)) / 7);
  return out;
}

/**
 * A stream's rhythm from its round days (oldest first). Pauses (a stream silent for months, then
 * back) are the job of `activeProbability`; the rhythm comes from the spacings while it was running.
 */
export function rhythm(
  days: readonly number[],
): Pick<StreamSchedule, "gapWeeks" | "gapDeviations" | "sureness"> {
  // A silence longer than two years is no rhythm: the stream was closed and reopened (CEC rounds
  // stopped in 2015 and resumed in March 2020; 266 weeks would put the next one in 2025).
  const all = weekSpacings(days.slice(-3 * habitRounds)).filter((w) => w > 0 && w <= maxRhythmWeeks);
  const running = all.filter((w) => w <= maxRunningGapWeeks);
  // A stream that has only ever drawn months apart (a rare category) keeps that rhythm.
  const spacings = (running.length ? running : all).slice(-habitRounds);
  // No spacing at all (a single round, or only reopenings): two weeks.
  const gapWeeks = Math.max(1, Math.round(median(spacings) ?? 2));
  const gapDeviations = spacings.length ? spacings.map((w) => w - gapWeeks) : [0];
  // Laplace's rule of succession: six spacings out of six on the median is likely, not certain.
  const sureness = (spacings.filter((w) => w === gapWeeks).length + 1) / (spacings.length + 2);
  return { gapWeeks, gapDeviations, sureness };
}

/** The schedule of one stream as of `asOf`, given every round known then (`known`, oldest first). */
export function streamSchedule(
  history: StreamHistory,
  known: readonly CompleteRound[],
  asOf: string,
  pause: Set<number>,
  joinCases: readonly JoinCase[],
): StreamSchedule {
  const asOfDay = dayNumber(asOf);
  const days = history.rounds.map((r) => dayNumber(r.date));
  const recent = days.slice(-habitRounds);
  const lastDay = days[days.length - 1]!;
  const weekday = Math.round(median(recent.map(weekdayOf))!); // the stream has a round
  const { gapWeeks, gapDeviations, sureness } = rhythm(days);

  const weeksSilent = (mondayOf(asOfDay) - mondayOf(lastDay)) / 7;
  const patience = 2 * gapWeeks + 2;
  const activeProbability = weeksSilent <= patience ? 1 : Math.exp(-(weeksSilent - patience) / patience);

  // A draw week under way (a round of another stream this week) that this stream has not joined yet:
  // IRCC runs the streams of a draw week on consecutive working days, so if the stream joins, it is
  // on the next working day. Whether it joins is learned from its past draw weeks.
  const thisWeek = mondayOf(asOfDay);
  const weekUnderWay =
    known.some((r) => mondayOf(dayNumber(r.date)) === thisWeek) &&
    mondayOf(lastDay) !== thisWeek &&
    weekdayOf(asOfDay + 1) <= lastWorkingWeekday;
  const joinDay = weekUnderWay ? skipPause(asOfDay + 1, pause) : null;
  const join =
    joinDay !== null
      ? joinShare(
          joinCases,
          history.key,
          relativeSilence(days, thisWeek, gapWeeks),
          openerOf(known, thisWeek),
        )
      : 0;
  const laterDay = nextDrawWeekDay(lastDay, asOfDay, weekday, gapWeeks, pause);

  return {
    key: history.key,
    stream: history.stream,
    lastDate: isoFromDay(lastDay),
    weekday,
    gapWeeks,
    gapDeviations,
    sureness,
    activeProbability,
    joinDay,
    joinProbability: join,
    laterDay,
    nextDay: joinDay !== null && join >= 0.5 ? joinDay : laterDay,
  };
}

export interface JoinCase {
  stream: string;
  /** The stream whose round opened that draw week. */
  openedBy: string;
  /** Weeks the stream had been silent, minus its usual spacing (clamped): how due it was. */
  due: number;
  joined: boolean;
}

function relativeSilence(streamDays: readonly number[], week: number, gapWeeks: number): number | null {
  let last: number | undefined;
  for (const d of streamDays) if (mondayOf(d) < week) last = d;
  if (last === undefined) return null;
  const due = (week - mondayOf(last)) / 7 - gapWeeks;
  return Math.max(-maxDueBucket, Math.min(maxDueBucket, due));
}

/**
 * The past year's draw weeks opened by another stream, from one stream's point of view: how due it was
 * and whether it joined. Learned per stream and pooled across streams to say how likely a join is.
 */
export function joinCases(
  key: string,
  streamDays: readonly number[],
  known: readonly CompleteRound[],
  thisWeek: number,
): JoinCase[] {
  const opening = new Map<number, { day: number; stream: string }>();
  for (const r of known) {
    const day = dayNumber(r.date);
    const week = mondayOf(day);
    if (week < thisWeek - 7 * joinMemoryWeeks || week >= thisWeek) continue;
    if (!opening.has(week)) opening.set(week, { day, stream: streamKey(r.stream) });
  }
  const { gapWeeks } = rhythm(streamDays);
  const cases: JoinCase[] = [];
  for (const [week, opened] of opening) {
    const own = streamDays.find((d) => mondayOf(d) === week);
    if (opened.stream === key) continue; // the stream opened that week: not a join
    const due = relativeSilence(streamDays, week, gapWeeks);
    if (due !== null) cases.push({ stream: key, openedBy: opened.stream, due, joined: own !== undefined });
  }
  return cases;
}

/**
 * Share of the stream's latest draw weeks opened by another stream that it joined, among those where
 * it was at least about as due as now (a stream that has just drawn rarely joins).
 */
export function joinShare(
  cases: readonly JoinCase[],
  key: string,
  due: number | null,
  openedBy: string | null,
): number {
  if (due === null) return 0;
  const own = cases.filter((c) => c.stream === key);
  const comparable = own.filter((c) => c.due >= due - comparableDueWeeks);
  // Habits are pairwise (CEC follows PNP): weeks opened by the same stream tell the most.
  const sameOpener = comparable.filter((c) => c.openedBy === openedBy).slice(-recentJoinCases);
  const sample =
    sameOpener.length >= minJoinCases
      ? sameOpener
      : comparable.length >= minJoinCases
        ? comparable.slice(-recentJoinCases)
        : own.slice(-recentJoinCases);
  return sample.length ? sample.filter((c) => c.joined).length / sample.length : 0;
}

/** The stream of the first round in the week starting `week`, if any. */
function openerOf(known: readonly CompleteRound[], week: number): string | null {
  const first = known.find((r) => mondayOf(dayNumber(r.date)) === week);
  return first ? streamKey(first.stream) : null;
}

/** The next round's day if the stream does not join the week under way: its own spacing after its last round. */
function nextDrawWeekDay(
  lastDay: number,
  asOfDay: number,
  weekday: number,
  gapWeeks: number,
  pause: Set<number>,
) {
  const target = Math.max(mondayOf(lastDay) + 7 * gapWeeks, mondayOf(asOfDay) + 7);
  let day = target + weekday;
  while (day <= asOfDay) day += 7 * gapWeeks;
  return skipPause(day, pause);
}
