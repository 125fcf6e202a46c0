// Stream identifiers shared by the whole project (draws, rounds, forecast, the API and the web app).
// A stream is general, a program, or a category across its list versions.

export const programIds = ["cec", "fsw", "fst", "pnp"] as const;
export type ProgramId = (typeof programIds)[number];

export type StreamKind = "general" | "program" | "category";

export interface StreamRef {
  kind: StreamKind;
  /** `general`; `cec` | `fsw` | `fst` | `pnp`; or a category id from categories.json. */
  id: string;
  /** The category list version in force for a round (e.g. "2025-v2"); null for general and programs. */
  version: string | null;
  /** False for a round name never seen before: stored as-is, reported with a warning. */
  recognized: boolean;
}
