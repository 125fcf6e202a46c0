// Names of the streams in reports, in English and French. The English names follow IRCC's names
// (the round names in the feed and `irccName` in categories.json). IRCC's French round names are known
// for only seven round names (frenchNames.ts); a program whose round name is one of them (CEC, PNP) is
// named in French as IRCC names it. Every other French label here is OUR translation, and reports in
// French say so.
import { officialFrenchRoundName } from "./frenchNames.js";
import type { StreamRef } from "./stream.js";

export type Lang = "en" | "fr";

export interface StreamLabel {
  en: string;
  fr: string;
  /** True when `fr` is our translation; false when it is IRCC's French name, or an unrecognized category named as published. */
  frIsOurTranslation: boolean;
}

/** Shown beside the stream names of `frenchStreamName` (the web app's), which are all ours. */
export const frenchLabelsNote = {
  en: "French stream names are our translation, not IRCC's official names.",
  fr: "Les noms des volets en français sont notre traduction, pas des noms officiels d'IRCC.",
};

// The French names are written to stand alone (a page heading, a table cell) and to be quoted in a
// report's sentence (« … »): capitalised, complete program names. The web app shows these same names
// (src/web/i18n.ts reads them through frenchStreamName), so a report and the page it sits on agree.
const labels = {
  general: { en: "general", fr: "Tous les programmes (ronde générale)" },
  cec: { en: "Canadian Experience Class", fr: "Catégorie de l'expérience canadienne" },
  fsw: { en: "Federal Skilled Worker", fr: "Programme des travailleurs qualifiés (fédéral)" },
  // Named like the FSW ("Programme des travailleurs …"); the web and the reports once had two versions.
  fst: { en: "Federal Skilled Trades", fr: "Programme des travailleurs de métiers spécialisés (fédéral)" },
  pnp: { en: "Provincial Nominee Program", fr: "Programme des candidats des provinces" },
  "french-language-proficiency": {
    en: "French-language proficiency",
    fr: "Compétence linguistique en français",
  },
  "healthcare-social-services": {
    en: "healthcare and social services",
    fr: "Professions des soins de santé et des services sociaux",
  },
  stem: { en: "STEM", fr: "Professions en sciences, technologie, génie et mathématiques (STGM)" },
  trades: { en: "trade", fr: "Métiers" },
  transport: { en: "transport", fr: "Professions du transport" },
  "agriculture-agri-food": {
    en: "agriculture and agri-food",
    fr: "Professions de l'agriculture et de l'agroalimentaire",
  },
  education: { en: "education", fr: "Professions de l'éducation" },
  "physicians-canadian-work-experience": {
    en: "physicians with Canadian work experience",
    fr: "Médecins ayant une expérience de travail au Canada",
  },
  "senior-managers-canadian-work-experience": {
    en: "senior managers with Canadian work experience",
    fr: "Cadres supérieurs ayant une expérience de travail au Canada",
  },
  "researchers-canadian-work-experience": {
    en: "researchers with Canadian work experience",
    fr: "Chercheurs ayant une expérience de travail au Canada",
  },
  "skilled-military-recruits": { en: "skilled military recruits", fr: "Recrues militaires qualifiées" },
} as const satisfies Record<string, { en: string; fr: string }>;

/** The id of a stream this table names. */
export type LabelledStreamId = keyof typeof labels;

/** A stream's French name (our translation, see above): the one source for reports and the web app. */
export function frenchStreamName(id: LabelledStreamId): string {
  return labels[id].fr;
}

/** The label of a stream; an unrecognized category is named by its round name as published. */
export function streamLabel(
  stream: Pick<StreamRef, "id"> & Partial<Pick<StreamRef, "kind">>,
  publishedName?: string,
): StreamLabel {
  if (hasLabel(stream.id)) {
    // A program's round name is the program's name: IRCC's French one, when known, names the stream.
    const official =
      stream.kind === "program" && publishedName !== undefined
        ? officialFrenchRoundName(publishedName)
        : null;
    if (official !== null) return { en: labels[stream.id].en, fr: official, frIsOurTranslation: false };
    return { ...labels[stream.id], frIsOurTranslation: true };
  }
  const name = publishedName ?? stream.id;
  return { en: name, fr: name, frIsOurTranslation: false };
}

export function hasLabel(streamId: string): streamId is LabelledStreamId {
  return Object.hasOwn(labels, streamId);
}
