// The next rounds of every stream within a horizon: date (and how sure), likely size, and the
// cut-off's median and 80% interval.
import { seededRandom } from "../rounds/random.js";
import { quantile } from "./cutoff.js";
import { dayNumber, isoFromDay } from "./dates.js";
import { type ForecastStream, forecastStream } from "./history.js";
import { type ForecastModel, nextDeviation } from "./model.js";
import { type StreamSchedule, skipPause } from "./schedule.js";

/** Streams less likely than this to still be drawing are left out of the list. */
export const minActiveProbability = 0.5;

export interface ForecastRound {
  stream: ForecastStream;
  /** The most likely date of this round. */
  date: string;
  /** 0..1: how likely the round falls on that date's week, given the stream's regularity and activity. */
  dateConfidence: number;
  size: number;
  /** p10 and p90 are null when there is no past error to learn the spread from. */
  cutoff: { p10: number | null; p50: number; p90: number | null };
}

export interface ForecastOptions {
  weeks: number;
  /** Cut-off intervals of rounds after the next are simulated; the seed makes them reproducible. */
  seed?: number;
  paths?: number;
}

/** The next rounds of each stream dated within `weeks` weeks after the model's date, in date order. */
export function forecastRounds(model: ForecastModel, options: ForecastOptions): ForecastRound[] {
  const lastDay = dayNumber(model.asOf) + 7 * options.weeks;
  const random = seededRandom(options.seed ?? 1);
  const paths = options.paths ?? 2000;
  const out: ForecastRound[] = [];
  for (const s of model.streams) {
    // A stream more likely closed than drawing is not listed (the probability still weighs it).
    if (s.schedule.activeProbability < minActiveProbability) continue;
    const days: number[] = [];
    for (let day = s.schedule.nextDay; day <= lastDay; ) {
      days.push(day);
      day = skipPause(day + 7 * s.schedule.gapWeeks, model.pause);
    }
    if (days.length === 0) continue;
    // Simulate the cut-off series (the k-th column holds the k-th round's cut-offs). Typed arrays sort
    // numerically without a comparator, several times faster for the same order.
    const columns = days.map(() => new Float64Array(paths));
    for (let p = 0; p < paths; p++) {
      let deviation = 0;
      for (const column of columns) {
        deviation = nextDeviation(s, deviation, random);
        column[p] = s.cutoff.next + deviation;
      }
    }
    days.forEach((day, k) => {
      const sorted = columns[k]!.sort();
      // The next round's interval is exact (the past errors themselves); later ones are simulated.
      const at = (q: number) =>
        Math.round(k === 0 ? s.cutoff.next + quantile(s.spread, q) : quantile(sorted, q));
      out.push({
        stream: forecastStream(s.stream),
        date: isoFromDay(day),
        dateConfidence: round2(firstRoundConfidence(s.schedule) * s.schedule.sureness ** k),
        size: s.cutoff.size,
        // The point forecast is flat: every round ahead is centred on it.
        cutoff: {
          p10: s.spreadKnown ? at(0.1) : null,
          p50: Math.round(s.cutoff.next),
          p90: s.spreadKnown ? at(0.9) : null,
        },
      });
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.stream.id.localeCompare(b.stream.id));
}

/** The chance the next round falls on its forecast day's week: it joins (or not) and keeps its rhythm. */
function firstRoundConfidence(s: StreamSchedule): number {
  const onTime = s.nextDay === s.joinDay ? s.joinProbability : (1 - s.joinProbability) * s.sureness;
  return s.activeProbability * onTime;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
