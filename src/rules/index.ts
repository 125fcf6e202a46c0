// The CRS engine: rule sets as dated data, one generic calculator, language conversions, batch scoring.
export {
  allocateColumns,
  type BatchResult,
  type CompiledRuleSets,
  compileRuleSets,
  type ProfileColumns,
  scoreBatch,
  scoreColumns,
  writeProfile,
} from "./batch.js";
export {
  type CrsLine,
  type CrsResult,
  ruleSetFor,
  type Section,
  scoreProfile,
  scoreWithRuleSet,
  unconfirmedChangeOn,
} from "./calculator.js";
export { ruleSets, unconfirmedChanges } from "./data/rule-sets.js";
export {
  type AbilityLevels,
  convertResult,
  type LanguageLevels,
  languageLevels,
  levelFromChart,
  type OfficialLanguage,
  type ProfileLanguageLevels,
  resultIn,
} from "./language.js";
export type { RuleSet } from "./rule-set.js";
