// Forecasts as of a date: next rounds per stream, cut-off distributions, invitation probability,
// and the backtest that measures them. Pure; randomness comes from a seeded generator.

export { type Random, seededRandom } from "../rounds/random.js";
export {
  type BacktestOptions,
  type BacktestReport,
  type BacktestRow,
  backtest,
  type DateMiss,
  type DateMisses,
  dateMiss,
  dateMisses,
  type JoinScores,
  type Scores,
  scoreJoins,
  scoreRows,
  syntheticOffsets,
} from "./backtest.js";
export { assumingUnknownEligible, candidateFromProfile, type ForecastCandidate } from "./candidate.js";
export { type CutoffModel, choosePredictor, cutoffModel, quantile } from "./cutoff.js";
export { addDays, daysBetween } from "./dates.js";
export { type ForecastOptions, type ForecastRound, forecastRounds } from "./forecast.js";
export {
  cachedFutures,
  type FuturesCache,
  newFuturesCache,
  type SimulatedFutures,
  type StreamFutures,
  simulateFutures,
} from "./futures.js";
export { roundsKnownOn, streamKey } from "./history.js";
export {
  buildForecastModel,
  type ForecastModel,
  type StreamModel,
  simulateStream,
  streamVersionsOf,
} from "./model.js";
export { type Predictions, type PredictorName, predictAll, predictorNames } from "./predictors.js";
export {
  type Candidate,
  defaultHorizons,
  type InvitationProbability,
  type InvitingRound,
  invitationProbability,
  invitationProbabilityFrom,
  type ProbabilityOptions,
} from "./probability.js";
export { type StreamSchedule, yearEndPause } from "./schedule.js";
