// The reading of simulated futures (`invitationProbabilityFrom`) against the plain reading it replaced,
// kept here as the reference: per path a scan of the person's streams, counted in maps. The same futures
// and candidates must give the very same answers (counts, horizons, rounds listed, their order and dates).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledRounds } from "../draws/index.js";
import { dayNumber, isoFromDay } from "./dates.js";
import { type SimulatedFutures, simulateFutures } from "./futures.js";
import { forecastStream } from "./history.js";
import { buildForecastModel } from "./model.js";
import { type Candidate, defaultHorizons, invitationProbabilityFrom } from "./probability.js";

function referenceAnswer(
  futures: SimulatedFutures,
  candidate: Candidate,
  options: { horizons?: readonly number[]; startWeeks?: number },
) {
  const { model, paths, seed } = futures;
  const horizons = [...(options.horizons ?? defaultHorizons)].sort((a, b) => a - b);
  const startDay = dayNumber(model.asOf) + 7 * (options.startWeeks ?? 0);
  const lastDay = startDay + 7 * (horizons[horizons.length - 1] ?? 26);
  const eligible = new Set(candidate.eligibleStreams);
  const streamIndexes = model.streams.flatMap((s, i) => (eligible.has(s.key) ? [i] : []));
  const streams = streamIndexes.map((i) => futures.streams[i]!);
  const score = candidate.score;
  const known = new Set(model.streams.map((s) => s.key));
  const invitedByWeek = new Array<number>(horizons.length).fill(0);
  const firstInviting = new Map<
    number,
    { stream: number; index: number; count: number; days: Map<number, number> }
  >();
  for (let p = 0; p < paths; p++) {
    let bestDay = Number.POSITIVE_INFINITY;
    let bestStream = -1;
    let bestIndex = -1;
    for (let k = 0; k < streams.length; k++) {
      const { offsets, days, cutoffs } = streams[k]!;
      const from = offsets[p]!;
      const to = offsets[p + 1]!;
      for (let r = from; r < to; r++) {
        const day = days[r]!;
        if (day > lastDay || day >= bestDay) break;
        if (day <= startDay || cutoffs[r]! > score) continue;
        bestDay = day;
        bestStream = streamIndexes[k]!;
        bestIndex = r - from;
        break;
      }
    }
    if (bestStream < 0) continue;
    const weeksAhead = (bestDay - startDay) / 7;
    horizons.forEach((h, k) => {
      if (weeksAhead <= h) invitedByWeek[k]!++;
    });
    const key = bestStream * 100_000 + bestIndex;
    let entry = firstInviting.get(key);
    if (!entry) {
      entry = { stream: bestStream, index: bestIndex, count: 0, days: new Map() };
      firstInviting.set(key, entry);
    }
    entry.count++;
    entry.days.set(bestDay, (entry.days.get(bestDay) ?? 0) + 1);
  }
  const likelyRounds = [...firstInviting.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 5)
    .map((e) => {
      const s = model.streams[e.stream]!;
      const typicalDay = [...e.days.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
      return {
        stream: forecastStream(s.stream),
        index: e.index,
        typicalDate: isoFromDay(typicalDay),
        probability: e.count / paths,
      };
    });
  return {
    asOf: model.asOf,
    score: candidate.score,
    paths,
    seed,
    within: horizons.map((weeks, k) => ({ weeks, probability: invitedByWeek[k]! / paths })),
    likelyRounds,
    unforecastStreams: candidate.eligibleStreams.filter((k) => !known.has(k)),
  };
}

const rounds = bundledRounds();
const weekly = Array.from({ length: 26 }, (_, i) => i + 1);

describe("invitationProbabilityFrom reads the futures as the plain per-path reading did", () => {
  for (const asOf of ["2019-03-01", "2023-06-15", "2025-06-01"]) {
    const model = buildForecastModel(rounds, asOf);
    const keys = model.streams.map((s) => s.key);
    const futures = simulateFutures(model, { seed: 11, paths: 400, untilDay: dayNumber(asOf) + 7 * 60 });

    it(`on ${asOf}, for generated candidates, horizons and starts`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 250, max: 1300 }),
          fc.subarray([...keys, "not-a-stream"]),
          fc.constantFrom<readonly number[] | undefined>(undefined, weekly, [26, 1, 3], [52], [0.5, 2]),
          fc.integer({ min: 0, max: 8 }),
          (score, eligibleStreams, horizons, startWeeks) => {
            const candidate = { score, eligibleStreams };
            const options = { ...(horizons ? { horizons } : {}), startWeeks };
            expect(invitationProbabilityFrom(futures, candidate, options)).toEqual(
              referenceAnswer(futures, candidate, options),
            );
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it("gives each caller its own answer: one changed by its caller leaves the next the same", () => {
    const model = buildForecastModel(rounds, "2025-06-01");
    const futures = simulateFutures(model, {
      seed: 3,
      paths: 300,
      untilDay: dayNumber("2025-06-01") + 7 * 26,
    });
    const candidate = { score: 560, eligibleStreams: model.streams.map((s) => s.key) };
    const first = invitationProbabilityFrom(futures, candidate);
    const copy = structuredClone(first);
    first.within[0]!.probability = -1;
    first.likelyRounds.length = 0;
    expect(invitationProbabilityFrom(futures, candidate)).toEqual(copy);
  });
});
