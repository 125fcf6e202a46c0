// Replays IRCC's historical general rounds: each round with a published distribution is run on a pool
// synthesized from that distribution, with within-bin shapes learned leave-one-out (the round's own
// cut-off never informs its own simulation), and the simulated cut-off is compared with the actual one.
import { mean } from "../draws/analytics.js";
import type { CompleteRound } from "../draws/round.js";
import { runRound } from "./engine.js";
import { type BinShape, evenShapes, learnShapes, shapePoints } from "./shapes.js";
import { synthesizePool } from "./synthesize.js";

export interface ReplayRound {
  round: string;
  date: string;
  size: number;
  actual: number;
  simulated: number | null;
  /** simulated − actual. */
  error: number | null;
}

export interface ReplayResult {
  rounds: ReplayRound[];
  meanAbsoluteError: number | null;
  /** "learned" (leave-one-out shapes) or "even" (even spreading inside bins, the baseline). */
  method: "learned" | "even";
}

/** General rounds (no program specified) with a published distribution. */
export const replayableRounds = (rounds: readonly CompleteRound[]) =>
  rounds.filter((r) => r.stream.kind === "general" && r.distribution !== null);

export function replayRound(round: CompleteRound, shapes: readonly BinShape[], seed: number): ReplayRound {
  const pool = synthesizePool({ distribution: round.distribution!, seed, shapes });
  const result = runRound(pool, { date: round.date, stream: "general", size: round.size });
  const simulated = result.cutoff;
  return {
    round: round.round,
    date: round.date,
    size: round.size,
    actual: round.cutoff,
    simulated,
    error: simulated === null ? null : simulated - round.cutoff,
  };
}

export function replayHistory(
  rounds: readonly CompleteRound[],
  options: { method?: "learned" | "even"; seed?: number } = {},
): ReplayResult {
  const method = options.method ?? "learned";
  const seed = options.seed ?? 1;
  const points = shapePoints(rounds);
  const out = replayableRounds(rounds).map((r) => {
    const shapes = method === "even" ? evenShapes() : learnShapes(points.filter((p) => p.round !== r.round));
    return replayRound(r, shapes, seed);
  });
  const errors = out.filter((r) => r.error !== null).map((r) => Math.abs(r.error!));
  return {
    rounds: out,
    meanAbsoluteError: mean(errors),
    method,
  };
}
