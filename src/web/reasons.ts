// The eligibility engine explains itself in the API's words (field names such as settlementFundsCad): a
// page says instead which part of the form to fill in. The reasons are English text (shown marked
// lang="en"), so the fields are named by the English form's labels.
import { messages } from "./i18n.js";

const en = messages.en;
const quoted = (label: string) => `“${label}”`;

/** The API field names the engine's reasons use, and what the form calls them. */
const formWords: readonly (readonly [RegExp, string])[] = [
  [/\bsettlementFundsCad not given\b/g, `${quoted(en["form.settlementFunds"])} not filled in`],
  [/\bfamilySize not given\b/g, `${quoted(en["form.familySize"])} not filled in`],
  [/\bgive workHistory\b/g, `add the jobs under ${quoted(en["form.history"])}`],
  [/\bsettlementFundsCad\b/g, quoted(en["form.settlementFunds"])],
  [/\bfamilySize\b/g, quoted(en["form.familySize"])],
  [/\bworkHistory\b/g, quoted(en["form.history"])],
];

/** An engine reason with the API's field names replaced by the form's. */
export function reasonForPage(reason: string): string {
  return formWords.reduce((text, [pattern, words]) => text.replace(pattern, words), reason);
}
