// How good could the backtest's figures be? Bounds computed with hindsight, which no forecast can
// have: per stream, the one constant or the one candidate forecast that fits the scored rounds best,
// and the dates when it is known for each round whether it joined the draw week under way. They tell
// a model's shortfall from what is knowable apart from a target that the history itself puts out of
// reach. Also the date forecasts judged on every round day, not only on the days before a round of
// the stream (the backtest's rows), which would reward forecasting that every stream joins every week.
import { mean, median } from "../draws/analytics.js";
import type { CompleteRound } from "../draws/round.js";
import { dayNumber, mondayOf } from "./dates.js";
import { minActiveProbability } from "./forecast.js";
import { streamKey } from "./history.js";
import type { ForecastModel } from "./model.js";
import { type Predictions, type PredictorName, predictorNames } from "./predictors.js";

/** What a hindsight bound needs of one backtest row. */
export interface HindsightRow {
  date: string;
  stream: { id: string };
  forecastOn: string;
  cutoff: number;
  /** Every candidate's forecast of this round (predictors.ts), made before it. */
  candidates: Predictions;
  /** The forecast's two dates: joining the draw week under way (null when none was), or later. */
  joinDate: string | null;
  laterDate: string;
}

export interface HindsightBounds {
  cutoff: {
    /** Cut-off MAE with, per stream, the single value closest to all its scored cut-offs (their median). */
    bestConstantPerStream: number;
    /** Cut-off MAE with, per stream, the single candidate forecast that was best over the scored rounds. */
    bestCandidatePerStream: number;
    /** That candidate, per stream. */
    candidates: Record<string, PredictorName>;
  };
  date: {
    /** Date MAE knowing whether each round joined the draw week under way (its join day if it did). */
    knowingJoins: number;
    /** Date MAE if every stream joined every draw week under way: the shortcut the rows reward. */
    alwaysJoin: number;
  };
}

const absSum = (xs: readonly number[]) => xs.reduce((sum, x) => sum + Math.abs(x), 0);

/** The bounds over the backtest's rows (NaN when there are none). */
export function hindsightBounds(rows: readonly HindsightRow[]): HindsightBounds {
  const n = rows.length;
  const streams = new Map<string, HindsightRow[]>();
  for (const r of rows) streams.set(r.stream.id, [...(streams.get(r.stream.id) ?? []), r]);
  let constantError = 0;
  let candidateError = 0;
  const candidates: Record<string, PredictorName> = {};
  for (const [id, of] of streams) {
    // The median minimises the sum of absolute deviations.
    const best = median(of.map((r) => r.cutoff))!;
    constantError += absSum(of.map((r) => r.cutoff - best));
    let bestName: PredictorName = predictorNames[0];
    let bestError = Number.POSITIVE_INFINITY;
    for (const name of predictorNames) {
      const error = absSum(of.map((r) => r.candidates[name] - r.cutoff));
      if (error < bestError - 1e-9) {
        bestName = name;
        bestError = error;
      }
    }
    candidates[id] = bestName;
    candidateError += bestError;
  }
  const days = (a: string, b: string) => Math.abs(dayNumber(a) - dayNumber(b));
  const joinedWeekUnderWay = (r: HindsightRow) =>
    r.joinDate !== null && mondayOf(dayNumber(r.date)) === mondayOf(dayNumber(r.forecastOn));
  return {
    cutoff: {
      bestConstantPerStream: constantError / n,
      bestCandidatePerStream: candidateError / n,
      candidates,
    },
    date: {
      knowingJoins:
        rows.reduce((s, r) => s + days(joinedWeekUnderWay(r) ? r.joinDate! : r.laterDate, r.date), 0) / n,
      alwaysJoin: rows.reduce((s, r) => s + days(r.joinDate ?? r.laterDate, r.date), 0) / n,
    },
  };
}

/** One stream's date forecast on one round day, against its actual next round. */
export interface DayForecastError {
  /** Days between the forecast date and the stream's actual next round. */
  error: number;
  /** The same if the stream were forecast to join every draw week under way. */
  alwaysJoinError: number;
}

/**
 * The date forecasts `ee forecast` would list on `model.asOf` (streams likely still drawing), each
 * against the stream's actual next round in `all` (streams that never drew again are left out).
 */
export function dayForecastErrors(model: ForecastModel, all: readonly CompleteRound[]): DayForecastError[] {
  const asOfDay = dayNumber(model.asOf);
  const out: DayForecastError[] = [];
  for (const s of model.streams) {
    if (s.schedule.activeProbability < minActiveProbability) continue;
    const next = all.find((r) => dayNumber(r.date) > asOfDay && streamKey(r.stream) === s.key);
    if (!next) continue;
    const actual = dayNumber(next.date);
    out.push({
      error: Math.abs(s.schedule.nextDay - actual),
      alwaysJoinError: Math.abs((s.schedule.joinDay ?? s.schedule.laterDay) - actual),
    });
  }
  return out;
}

export interface EveryDayScores {
  /** (round day, listed stream) pairs judged. */
  forecasts: number;
  dateMae: number;
  medianDateError: number;
  /** The same for the always-join shortcut. */
  alwaysJoin: { dateMae: number; medianDateError: number };
}

export function scoreEveryDay(errors: readonly DayForecastError[]): EveryDayScores {
  const n = errors.length;
  const own = errors.map((e) => e.error);
  const join = errors.map((e) => e.alwaysJoinError);
  return {
    forecasts: n,
    dateMae: mean(own) ?? Number.NaN,
    medianDateError: median(own) ?? Number.NaN,
    alwaysJoin: { dateMae: mean(join) ?? Number.NaN, medianDateError: median(join) ?? Number.NaN },
  };
}
