// The draws module's public surface: parsing IRCC's rounds feed, stream classification, the bundled
// snapshot, analytics and draw reports. Pure: no I/O, no clock.

export {
  type DataFreshness,
  dataFreshness,
  daysBetween,
  filterRounds,
  mean,
  median,
  type RoundFilter,
  type StreamStats,
  streamIdsIn,
  streamStats,
  yearOf,
} from "./analytics.js";
export { bundledFeed, bundledFeedObject, bundledFeedSource, bundledRounds } from "./bundled.js";
export {
  compareRounds,
  FeedError,
  issueWarning,
  type ParsedFeed,
  type ParseOptions,
  parseCount,
  parseFeed,
  parseFeedObject,
  type RawRow,
} from "./feed.js";
export { formatCount, formatDate, formatTimestamp, ordinal } from "./format.js";
export {
  englishNamesWithOfficialFrench,
  frenchRoundNamesSource,
  officialFrenchRoundName,
} from "./frenchNames.js";
export { frenchLabelsNote, hasLabel, type Lang, type StreamLabel, streamLabel } from "./labels.js";
export {
  type AboveCutoff,
  aboveCutoff,
  type DrawReport,
  drawReport,
  ReportError,
  type ReportFormat,
  type RoundMention,
  renderReport,
} from "./report.js";
export {
  type CompleteRound,
  completeRounds,
  finestScoreBins,
  isComplete,
  type PoolDistribution,
  poolDistributionFields,
  type Round,
  type RoundIssue,
  type ScoreBin,
} from "./round.js";
export { type ProgramId, programIds, type StreamKind, type StreamRef } from "./stream.js";
export { type Classification, classifyDrawName, knownStreamIds, unrecognizedCategoryId } from "./streams.js";
export { type ParsedTimestamp, parseFeedDate, parseFeedDateTime } from "./timestamps.js";
