// Builders of small, hand-made round histories for the tests of this folder (not used by the product).
import type { CompleteRound, PoolDistribution } from "../draws/round.js";
import type { StreamRef } from "../draws/stream.js";

const streams: Record<string, StreamRef> = {
  general: { kind: "general", id: "general", version: null, recognized: true },
  cec: { kind: "program", id: "cec", version: null, recognized: true },
  pnp: { kind: "program", id: "pnp", version: null, recognized: true },
  stem: { kind: "category", id: "stem", version: "2023-v1", recognized: true },
};

let counter = 0;

/** A round of `stream` ("general", "cec", "pnp" or "stem") on `date`. */
export function round(
  stream: keyof typeof streams,
  date: string,
  cutoff: number,
  size = 1000,
  distribution: PoolDistribution | null = null,
): CompleteRound {
  counter++;
  return {
    round: String(counter),
    roundNumber: counter,
    date,
    name: stream,
    programs: stream,
    stream: streams[stream]!,
    size,
    cutoff,
    incomplete: false,
    drawnAt: null,
    tieBreakAt: null,
    distribution,
    issues: [],
  };
}

/** A pool with `counts` in the 10-point bands 491–500 … 401–410 and nothing elsewhere. */
export function pool(asOn: string, counts: Partial<PoolDistribution> = {}): PoolDistribution {
  return {
    asOn,
    r601to1200: 0,
    r501to600: 0,
    r451to500: 0,
    r491to500: 0,
    r481to490: 0,
    r471to480: 0,
    r461to470: 0,
    r451to460: 0,
    r401to450: 0,
    r441to450: 0,
    r431to440: 0,
    r421to430: 0,
    r411to420: 0,
    r401to410: 0,
    r351to400: 0,
    r301to350: 0,
    r0to300: 0,
    total: 0,
    ...counts,
  };
}
