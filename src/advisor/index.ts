// What a candidate can change, ranked by the invitation probability it adds. Pure.
export { type ActionKind, type CandidateAction, higherEducation, possibleActions } from "./actions.js";
export {
  type Action,
  type Advice,
  type AdviceOptions,
  adviceHorizonWeeks,
  advise,
  type PublishedAdvice,
  withoutChangedProfiles,
} from "./advise.js";
export {
  type ClientOrder,
  type ClientStatus,
  type ClientStatusOptions,
  checkAgainstRound,
  clientOrders,
  clientStatus,
  clientStatusOrProblems,
  compareClients,
  type LatestRoundCheck,
  latestRoundByStream,
} from "./clients.js";
