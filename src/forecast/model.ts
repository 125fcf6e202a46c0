// The forecast model as of a date: for every stream still worth forecasting, its schedule and its
// cut-off model. Everything downstream (the forecast list, invitation probabilities, the advisor)
// samples from this one model, so the numbers agree with each other.
import type { CompleteRound } from "../draws/round.js";
import type { StreamRef } from "../draws/stream.js";
import { versionInForce } from "../occupations/categories.js";
import { pick, type Random } from "../rounds/random.js";
import { type CutoffModel, cutoffModel } from "./cutoff.js";
import { dayNumber, mondayOf } from "./dates.js";
import { byStream, roundsKnownOn } from "./history.js";
import { joinCases, type StreamSchedule, skipPause, streamSchedule, yearEndPause } from "./schedule.js";

/** Streams silent for this long are dropped: IRCC has closed or paused them (e.g. FSW-only rounds). */
const forgetAfterDays = 730;
/** Streams with fewer own one-step errors borrow every stream's errors for their spread. */
const minOwnErrors = 8;

export interface StreamModel {
  key: string;
  stream: StreamRef;
  schedule: StreamSchedule;
  cutoff: CutoffModel;
  /** The cut-off errors the spread is drawn from (the stream's own, or every stream's when too few). */
  spread: number[];
  /** False when no stream has a past error to learn a spread from (the first rounds of 2015): the
   * spread is then [0], a point forecast, and the interval is reported as unknown. */
  spreadKnown: boolean;
}

export interface ForecastModel {
  asOf: string;
  /** The latest round known on `asOf`, null when none is. */
  latestRoundDate: string | null;
  streams: StreamModel[];
  pause: Set<number>;
}

/** Each forecast stream's list version (id → version): which category version a candidate must meet. */
export function streamVersionsOf(model: ForecastModel): Map<string, string | null> {
  return new Map(model.streams.map((s) => [s.key, s.stream.version]));
}

/**
 * A category stream's next rounds are drawn under the list version in force on `asOf`, which may be newer
 * than its last round's (education last drew under 2025-v1; from 2026-02-18 its 2026 list applies). When
 * no version is in force that day (a category between lists), the last round's version is kept.
 */
function listInForce(stream: StreamRef, asOf: string): StreamRef {
  if (stream.kind !== "category" || !stream.recognized) return stream;
  const inForce = versionInForce(stream.id, asOf);
  return inForce ? { ...stream, version: inForce.version.version } : stream;
}

/** Builds the model from the rounds dated on or before `asOf` (later rounds are ignored). */
export function buildForecastModel(rounds: readonly CompleteRound[], asOf: string): ForecastModel {
  const known = roundsKnownOn(rounds, asOf);
  const pause = yearEndPause(known);
  const asOfDay = dayNumber(asOf);
  const streams: StreamModel[] = [];
  const histories = [...byStream(known).values()];
  const thisWeek = mondayOf(asOfDay);
  const cases = histories.flatMap((h) =>
    joinCases(
      h.key,
      h.rounds.map((r) => dayNumber(r.date)),
      known,
      thisWeek,
    ),
  );
  for (const history of histories) {
    const lastDay = dayNumber(history.rounds[history.rounds.length - 1]!.date);
    if (asOfDay - lastDay > forgetAfterDays) continue;
    const cutoff = cutoffModel(history.rounds, known);
    streams.push({
      key: history.key,
      stream: listInForce(history.stream, asOf),
      schedule: streamSchedule(history, known, asOf, pause, cases),
      cutoff,
      spread: cutoff.errors,
      spreadKnown: true,
    });
  }
  const pooled = streams.flatMap((s) => s.cutoff.errors).sort((a, b) => a - b);
  for (const s of streams) {
    if (s.cutoff.errors.length < minOwnErrors && pooled.length) s.spread = pooled;
    if (s.spread.length === 0) {
      s.spread = [0];
      s.spreadKnown = false;
    }
  }
  return { asOf, latestRoundDate: known[known.length - 1]?.date ?? null, streams, pause };
}

export interface SimulatedRound {
  /** Index of the stream in `model.streams`. */
  stream: number;
  /** 0 for the stream's next round, 1 for the one after, … */
  index: number;
  day: number;
  cutoff: number;
}

/**
 * One possible future of one stream up to `lastDay`: whether it still draws, its dates (spacing
 * drawn from its recent spacings) and its cut-offs (around the point forecast, past errors resampled).
 */
export function simulateStream(
  model: ForecastModel,
  streamIndex: number,
  lastDay: number,
  random: Random,
  out: SimulatedRound[],
): void {
  walkStream(model, streamIndex, lastDay, random, (index, day, cutoff) => {
    out.push({ stream: streamIndex, index, day, cutoff });
  });
}

/** `simulateStream` handing each round to `emit` (index, day, cut-off) instead of building objects. */
export function walkStream(
  model: ForecastModel,
  streamIndex: number,
  lastDay: number,
  random: Random,
  emit: (index: number, day: number, cutoff: number) => void,
): void {
  const s = model.streams[streamIndex]!;
  const { schedule, cutoff } = s;
  if (random() >= schedule.activeProbability) return;
  const asOfDay = dayNumber(model.asOf);
  // Either it joins the draw week under way, or it comes after its own spacing, give or take.
  let day =
    schedule.joinDay !== null && random() < schedule.joinProbability
      ? schedule.joinDay
      : skipPause(
          shiftedLater(schedule.laterDay, 7 * pick(random, schedule.gapDeviations), asOfDay),
          model.pause,
        );
  // Every round is centred on the point forecast; a round's deviation from it carries over to the next
  // as strongly as the stream's cut-offs persist, so later rounds are less sure.
  let deviation = 0;
  for (let index = 0; day <= lastDay; index++) {
    deviation = nextDeviation(s, deviation, random);
    emit(index, day, Math.round(cutoff.next + deviation));
    const gap = Math.max(1, schedule.gapWeeks + pick(random, schedule.gapDeviations));
    day = skipPause(day + 7 * gap, model.pause);
  }
}

/**
 * A round's cut-off deviation from the point forecast, given the previous round's: as much of it as
 * the stream's cut-offs persist, plus a resampled past error. The forecast list and the Monte Carlo
 * both walk with it, so their intervals agree.
 */
export function nextDeviation(s: StreamModel, previous: number, random: Random): number {
  return s.cutoff.persistence * previous + pick(random, s.spread);
}

/** The later day moved by whole weeks, but never back to or before the forecast date. */
function shiftedLater(laterDay: number, shift: number, asOfDay: number): number {
  return laterDay + shift > asOfDay ? laterDay + shift : laterDay;
}
