// Walks through history: at each round, forecast it from the rounds dated strictly before it (the
// model is built as of the previous round day, so it cannot see the round itself, nor learn from
// empty days after the previous round), then compare with what happened. Also scores two naive
// baselines: next cut-off = the stream's last cut-off; next date = its last date + its median spacing.
import { median } from "../draws/analytics.js";
import type { CompleteRound } from "../draws/round.js";
import { quantile } from "./cutoff.js";
import { dayNumber, isoFromDay, mondayOf } from "./dates.js";
import {
  type DayForecastError,
  dayForecastErrors,
  type EveryDayScores,
  type HindsightBounds,
  hindsightBounds,
  scoreEveryDay,
} from "./hindsight.js";
import { byStream, type ForecastStream, forecastStream, roundsKnownOn, streamKey } from "./history.js";
import { buildForecastModel, type ForecastModel } from "./model.js";
import { type Predictions, predictAll } from "./predictors.js";

/** Synthetic profiles: scores this far from the stream's last cut-off (known before the round). */
export const syntheticOffsets = [-50, -25, -10, 0, 10, 25, 50] as const;

export interface BacktestOptions {
  from: string;
  /** Inclusive; default: the latest round. */
  to?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface BacktestRow {
  round: string;
  date: string;
  stream: ForecastStream;
  /** The day the forecast was made: the latest round day strictly before this round. */
  forecastOn: string;
  /** The stream's previous round. */
  previousDate: string;
  predictedDate: string;
  cutoff: number;
  predicted: { p10: number; p50: number; p90: number };
  /** The candidate forecast chosen for this stream on `forecastOn` (see predictors.ts). */
  method: string;
  /** Every candidate's forecast of this round, for the hindsight bounds. */
  candidates: Predictions;
  /** The two dates the forecast chose between: joining the draw week under way (null: none was), or later. */
  joinDate: string | null;
  laterDate: string;
  naive: { date: string; cutoff: number };
  /** Mean squared error of the invitation probabilities of the synthetic profiles. */
  brier: number;
  naiveBrier: number;
}

export interface Scores {
  rounds: number;
  dateMae: number;
  cutoffMae: number;
  /** Share of actual cut-offs within the forecast's 80% interval. */
  coverage80: number;
  brier: number;
  naive: { dateMae: number; cutoffMae: number; brier: number };
}

/** Why a forecast date missed, from what the forecast could know and what happened. */
export type DateMiss =
  | "exact"
  /** The stream had been silent for more than 8 weeks: nothing in its rhythm said when it would resume. */
  | "resumed after a silence"
  /** Another stream had opened the week and this one joined it, where the forecast said a later week. */
  | "joined the week under way"
  | "later than forecast"
  | "earlier than forecast";

export interface DateMisses {
  cause: DateMiss;
  rounds: number;
  /** Sum of the absolute date errors, days. */
  days: number;
}

/** Longer silences than this are pauses: the stream's next round is not in its rhythm. */
const silenceWeeks = 8;

export function dateMiss(row: BacktestRow): DateMiss {
  const error = dayNumber(row.predictedDate) - dayNumber(row.date);
  if (error === 0) return "exact";
  if (dayNumber(row.date) - dayNumber(row.previousDate) > 7 * silenceWeeks) return "resumed after a silence";
  if (error > 0 && mondayOf(dayNumber(row.date)) === mondayOf(dayNumber(row.forecastOn)))
    return "joined the week under way";
  return error > 0 ? "earlier than forecast" : "later than forecast";
}

/** The date errors split by cause: where the date MAE comes from. */
export function dateMisses(rows: readonly BacktestRow[]): DateMisses[] {
  const causes: DateMiss[] = [
    "exact",
    "resumed after a silence",
    "joined the week under way",
    "later than forecast",
    "earlier than forecast",
  ];
  return causes.map((cause) => {
    const of = rows.filter((r) => dateMiss(r) === cause);
    const days = of.reduce((sum, r) => sum + Math.abs(dayNumber(r.predictedDate) - dayNumber(r.date)), 0);
    return { cause, rounds: of.length, days };
  });
}

/**
 * The join forecasts judged on every draw week under way, whether or not the stream then drew: the
 * rows above only score rounds that happened, which rewards "every stream joins" (its misses, the
 * weeks a stream did not join, are never scored there).
 */
export interface JoinScores {
  /** (forecast day, stream) pairs where another stream had opened the week and this one had not drawn. */
  cases: number;
  /** Sum of the join probabilities: the joins the model expected. */
  expected: number;
  /** Cases where the stream did draw later that week. */
  joined: number;
  brier: number;
}

/** Scores the join forecasts of `model` against `all` rounds (the outcome: a round later that week). */
function joinOutcomes(model: ForecastModel, all: readonly CompleteRound[]): { p: number; joined: boolean }[] {
  const asOfDay = dayNumber(model.asOf);
  const week = mondayOf(asOfDay);
  return model.streams
    .filter((s) => s.schedule.joinDay !== null)
    .map((s) => ({
      p: s.schedule.joinProbability,
      joined: all.some(
        (r) =>
          streamKey(r.stream) === s.key &&
          dayNumber(r.date) > asOfDay &&
          mondayOf(dayNumber(r.date)) === week,
      ),
    }));
}

export function scoreJoins(outcomes: readonly { p: number; joined: boolean }[]): JoinScores {
  const n = outcomes.length;
  return {
    cases: n,
    expected: outcomes.reduce((sum, o) => sum + o.p, 0),
    joined: outcomes.filter((o) => o.joined).length,
    brier: n ? outcomes.reduce((sum, o) => sum + (o.p - (o.joined ? 1 : 0)) ** 2, 0) / n : Number.NaN,
  };
}

export interface BacktestReport {
  from: string;
  to: string;
  rows: BacktestRow[];
  /** Rounds left out because their stream had fewer than two earlier rounds (no spacing to learn). */
  skipped: { round: string; date: string; stream: string }[];
  byStream: ({ stream: string } & Scores)[];
  overall: Scores;
  dateMisses: DateMisses[];
  joins: JoinScores;
  /** What hindsight would have allowed (see hindsight.ts): the reach of the targets. */
  hindsight: HindsightBounds;
  /** The date forecasts of every listed stream on every round day of the period, against what happened. */
  everyRoundDay: EveryDayScores;
}

/** Probability that the cut-off is at or below `score`, from the forecast's error distribution. */
function invitedProbability(next: number, spread: readonly number[], score: number): number {
  let n = 0;
  for (const e of spread) if (Math.round(next + e) <= score) n++;
  return n / spread.length;
}

function forecastOne(
  model: ForecastModel,
  target: CompleteRound,
  earlier: CompleteRound[],
  earlierRounds: readonly CompleteRound[],
): BacktestRow | null {
  const key = streamKey(target.stream);
  const s = model.streams.find((m) => m.key === key);
  if (!s || earlier.length < 2) return null;
  const last = earlier[earlier.length - 1]!;
  const spacings = earlier.slice(1).map((r, i) => dayNumber(r.date) - dayNumber(earlier[i]!.date));
  const naiveDate = isoFromDay(dayNumber(last.date) + Math.round(median(spacings)!));
  const at = (q: number) => Math.round(s.cutoff.next + quantile(s.spread, q));
  let brier = 0;
  let naiveBrier = 0;
  for (const offset of syntheticOffsets) {
    const score = last.cutoff + offset;
    const outcome = target.cutoff <= score ? 1 : 0;
    brier += (invitedProbability(s.cutoff.next, s.spread, score) - outcome) ** 2;
    naiveBrier += ((last.cutoff <= score ? 1 : 0) - outcome) ** 2;
  }
  return {
    round: target.round,
    date: target.date,
    stream: forecastStream(target.stream),
    forecastOn: model.asOf,
    previousDate: last.date,
    predictedDate: isoFromDay(s.schedule.nextDay),
    cutoff: target.cutoff,
    // The median is the point forecast itself: adding the median past error (a bias correction)
    // made the forecasts of 2019–2023 worse.
    predicted: { p10: at(0.1), p50: Math.round(s.cutoff.next), p90: at(0.9) },
    method: s.cutoff.method,
    candidates: predictAll(earlier, earlierRounds),
    joinDate: s.schedule.joinDay === null ? null : isoFromDay(s.schedule.joinDay),
    laterDate: isoFromDay(s.schedule.laterDay),
    naive: { date: naiveDate, cutoff: last.cutoff },
    brier: brier / syntheticOffsets.length,
    naiveBrier: naiveBrier / syntheticOffsets.length,
  };
}

export function scoreRows(rows: readonly BacktestRow[]): Scores {
  const n = rows.length;
  const mean = (f: (r: BacktestRow) => number) => (n ? rows.reduce((a, r) => a + f(r), 0) / n : Number.NaN);
  const days = (a: string, b: string) => Math.abs(dayNumber(a) - dayNumber(b));
  return {
    rounds: n,
    dateMae: mean((r) => days(r.predictedDate, r.date)),
    cutoffMae: mean((r) => Math.abs(r.predicted.p50 - r.cutoff)),
    coverage80: mean((r) => (r.predicted.p10 <= r.cutoff && r.cutoff <= r.predicted.p90 ? 1 : 0)),
    brier: mean((r) => r.brier),
    naive: {
      dateMae: mean((r) => days(r.naive.date, r.date)),
      cutoffMae: mean((r) => Math.abs(r.naive.cutoff - r.cutoff)),
      brier: mean((r) => r.naiveBrier),
    },
  };
}

/** The backtest over the rounds dated from `from` to `to` (inclusive). */
export function backtest(rounds: readonly CompleteRound[], options: BacktestOptions): BacktestReport {
  const all = roundsKnownOn(rounds, "9999-12-31");
  const to = options.to ?? all[all.length - 1]?.date ?? options.from;
  const targets = all.filter((r) => r.date >= options.from && r.date <= to);
  const rows: BacktestRow[] = [];
  const skipped: BacktestReport["skipped"] = [];
  const models = new Map<string, ForecastModel>();
  const joins: { p: number; joined: boolean }[] = [];
  const everyDay: DayForecastError[] = [];
  targets.forEach((target, done) => {
    options.onProgress?.(done, targets.length);
    const earlierRounds = all.filter((r) => r.date < target.date);
    const forecastOn = earlierRounds[earlierRounds.length - 1]?.date;
    const earlier = byStream(earlierRounds).get(streamKey(target.stream))?.rounds ?? [];
    let row: BacktestRow | null = null;
    if (forecastOn) {
      let model = models.get(forecastOn);
      if (!model) {
        model = buildForecastModel(earlierRounds, forecastOn);
        models.set(forecastOn, model);
        joins.push(...joinOutcomes(model, all));
        everyDay.push(...dayForecastErrors(model, all));
      }
      row = forecastOne(model, target, earlier, earlierRounds);
    }
    if (row) rows.push(row);
    else skipped.push({ round: target.round, date: target.date, stream: target.stream.id });
  });
  options.onProgress?.(targets.length, targets.length);
  const streams = [...new Set(rows.map((r) => r.stream.id))];
  return {
    from: options.from,
    to,
    rows,
    skipped,
    byStream: streams.map((stream) => ({ stream, ...scoreRows(rows.filter((r) => r.stream.id === stream)) })),
    overall: scoreRows(rows),
    dateMisses: dateMisses(rows),
    joins: scoreJoins(joins),
    hindsight: hindsightBounds(rows),
    everyRoundDay: scoreEveryDay(everyDay),
  };
}
