// Analytics over parsed rounds: filtering (`ee draws list`) and per-stream statistics (`ee draws
// stats`). Pure functions over plain rounds; dates are ISO strings, never the clock.
import { dayNumber } from "../occupations/workHistory.js";
import { completeRounds, type Round } from "./round.js";

export interface RoundFilter {
  /** A stream id: general, cec, fsw, fst, pnp, or a category id. */
  stream?: string;
  year?: number;
  /** Rounds on or after this ISO date. */
  since?: string;
}

export function filterRounds(rounds: readonly Round[], filter: RoundFilter): Round[] {
  return rounds.filter(
    (r) =>
      (filter.stream === undefined || r.stream.id === filter.stream) &&
      (filter.year === undefined || yearOf(r.date) === filter.year) &&
      (filter.since === undefined || r.date >= filter.since),
  );
}

export const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/** Whole days from one ISO date to another (on occupations' day numbers, the project's one day count). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The arithmetic mean; null for none. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The median; the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface StreamStats {
  stream: string;
  kind: Round["stream"]["kind"];
  rounds: number;
  /** Rounds whose size or cut-off could not be read: counted in `rounds`, not in the figures. */
  incompleteRounds: number;
  invitations: number;
  /** Null when no round of the stream has a readable cut-off. */
  minCutoff: number | null;
  medianCutoff: number | null;
  maxCutoff: number | null;
  firstDate: string;
  lastDate: string;
  /** Median days between consecutive rounds of the stream; null with fewer than two rounds. */
  typicalSpacingDays: number | null;
}

/** Statistics per stream, largest number of invitations first. */
export function streamStats(
  rounds: readonly Round[],
  filter: Omit<RoundFilter, "stream"> = {},
): StreamStats[] {
  const byStream = new Map<string, Round[]>();
  for (const r of filterRounds(rounds, filter)) {
    const list = byStream.get(r.stream.id) ?? [];
    list.push(r);
    byStream.set(r.stream.id, list);
  }
  const stats: StreamStats[] = [];
  for (const [stream, list] of byStream) {
    const complete = completeRounds(list);
    const cutoffs = complete.map((r) => r.cutoff);
    const dates = list.map((r) => r.date).sort();
    const gaps = dates.slice(1).map((d, i) => daysBetween(dates[i]!, d));
    stats.push({
      stream,
      kind: list[0]!.stream.kind,
      rounds: list.length,
      incompleteRounds: list.length - complete.length,
      invitations: complete.reduce((sum, r) => sum + r.size, 0),
      minCutoff: cutoffs.length > 0 ? Math.min(...cutoffs) : null,
      medianCutoff: median(cutoffs),
      maxCutoff: cutoffs.length > 0 ? Math.max(...cutoffs) : null,
      firstDate: dates[0]!,
      lastDate: dates.at(-1)!,
      typicalSpacingDays: median(gaps),
    });
  }
  return stats.sort((a, b) => b.invitations - a.invitations || a.stream.localeCompare(b.stream));
}

/** The stream ids present in `rounds`, for error messages. */
export function streamIdsIn(rounds: readonly Round[]): string[] {
  return [...new Set(rounds.map((r) => r.stream.id))].sort();
}

export interface DataFreshness {
  /** The latest stored round ("434"), null when none is stored. */
  latestRound: string | null;
  latestRoundDate: string | null;
  /** Whole days from the latest round to `today`; null when no round is stored. */
  daysBehindToday: number | null;
}

/** How far the stored rounds lag behind `today` (YYYY-MM-DD, the caller's clock). `rounds` oldest first. */
export function dataFreshness(rounds: readonly Round[], today: string): DataFreshness {
  const latest = rounds.at(-1);
  return {
    latestRound: latest?.round ?? null,
    latestRoundDate: latest?.date ?? null,
    daysBehindToday: latest ? daysBetween(latest.date, today) : null,
  };
}
