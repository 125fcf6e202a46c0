// The rounds module's public surface: the candidate pool, the round engine with IRCC's tie-breaking,
// synthetic pools and the replay of historical rounds. Pure: no I/O, no clock.
export * from "./candidates.js";
export * from "./engine.js";
export * from "./pool.js";
export * from "./random.js";
export * from "./replay.js";
export * from "./shapes.js";
export * from "./synthesize.js";
