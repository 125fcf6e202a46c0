// The simulated futures of every stream, shared by everyone who asks on the same model, seed and number of
// paths: the dates and cut-offs of each stream's rounds, path by path. They depend on the rounds and the
// forecast date, never on the person, so they are simulated once and each person is answered by reading
// them (their score against the cut-offs of their own streams).
//
// Each (path, stream) draws from its own generator, seeded from (seed, path, stream key). Two things follow:
// - a stream's future is the same whichever other streams are simulated beside it, so one set of futures
//   serves every combination of streams, and adding a stream to a person never changes the others' rounds
//   (the chance never falls when a person becomes eligible for one more stream);
// - a future simulated further ahead starts with exactly the rounds of a shorter one, so futures
//   simulated to 78 weeks answer a 26-week question exactly as futures simulated to 26 weeks would.
import { seededRandom } from "../rounds/random.js";
import { type ForecastModel, walkStream } from "./model.js";

/** A copy twice as long (the rounds of a stream over all paths are not known before they are simulated). */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** One stream's rounds in every path: path p's rounds are entries offsets[p] to offsets[p + 1] − 1, in day order. */
export interface StreamFutures {
  offsets: Int32Array;
  days: Int32Array;
  cutoffs: Int32Array;
}

export interface SimulatedFutures {
  model: ForecastModel;
  seed: number;
  paths: number;
  /** Rounds are simulated up to and including this day number. */
  untilDay: number;
  /** One entry per `model.streams` (same order); null for a stream that was not simulated. */
  streams: (StreamFutures | null)[];
}

/** 32-bit avalanche mix (murmur3's finalizer): neighbouring inputs give unrelated seeds. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a of a stream key: a stream's generators follow its key, not its place in the model. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The seed of one stream's generator in one path. mulberry32 seeds that differ by a multiple of its
 * increment would give shifted copies of one sequence; mixing makes such overlaps as unlikely as chance. */
export function pathSeed(seed: number, path: number, streamKey: string): number {
  return mix(mix(mix(seed) ^ keyHash(streamKey)) + path);
}

export interface SimulateFuturesOptions {
  seed: number;
  paths: number;
  /** Simulate rounds up to and including this day number. */
  untilDay: number;
  /** Indexes in `model.streams` to simulate (default: every stream). */
  streams?: readonly number[];
}

/** Simulates the futures of the chosen streams (all by default). Pure: the same arguments give the same futures. */
export function simulateFutures(model: ForecastModel, options: SimulateFuturesOptions): SimulatedFutures {
  const { seed, paths, untilDay } = options;
  const chosen = new Set(options.streams ?? model.streams.map((_, i) => i));
  let days = new Int32Array(1024);
  let cutoffs = new Int32Array(1024);
  let n = 0;
  const emit = (_index: number, day: number, cutoff: number) => {
    if (n === days.length) {
      days = grown(days);
      cutoffs = grown(cutoffs);
    }
    days[n] = day;
    cutoffs[n++] = cutoff;
  };
  const streams = model.streams.map((s, i): StreamFutures | null => {
    if (!chosen.has(i)) return null;
    const offsets = new Int32Array(paths + 1);
    n = 0;
    for (let p = 0; p < paths; p++) {
      walkStream(model, i, untilDay, seededRandom(pathSeed(seed, p, s.key)), emit);
      offsets[p + 1] = n;
    }
    return { offsets, days: days.slice(0, n), cutoffs: cutoffs.slice(0, n) };
  });
  return { model, seed, paths, untilDay, streams };
}

/**
 * Futures kept for reuse, bounded (least recently used dropped first). A plain object the adapter owns and
 * passes in: the domain keeps no state of its own.
 */
export interface FuturesCache {
  entries: Map<string, SimulatedFutures>;
  /** At most this many futures are kept (each is paths × streams × rounds numbers). */
  limit: number;
}

export function newFuturesCache(limit = 4): FuturesCache {
  return { entries: new Map(), limit };
}

/**
 * Futures of every stream of `model` covering `untilDay`, from the cache when it holds them (for this very
 * model object: a model rebuilt from new rounds is another model), simulated and kept otherwise. Simulating
 * further than asked never changes an answer (see the top of the file), so one entry per (date, seed, paths)
 * is kept and lengthened when a longer question comes.
 */
export function cachedFutures(
  cache: FuturesCache,
  model: ForecastModel,
  options: { seed: number; paths: number; untilDay: number },
): SimulatedFutures {
  const key = `${model.asOf}/${options.seed}/${options.paths}`;
  const held = cache.entries.get(key);
  cache.entries.delete(key);
  let futures: SimulatedFutures;
  if (held && held.model === model && held.untilDay >= options.untilDay) futures = held;
  else {
    const untilDay =
      held && held.model === model ? Math.max(held.untilDay, options.untilDay) : options.untilDay;
    futures = simulateFutures(model, { seed: options.seed, paths: options.paths, untilDay });
  }
  cache.entries.set(key, futures);
  while (cache.entries.size > cache.limit) cache.entries.delete(cache.entries.keys().next().value!);
  return futures;
}
