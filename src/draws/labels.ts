// Names of the streams in reports, in English and French. The English names follow IRCC's names
// (the round names in the feed and `irccName` in categories.json). IRCC's official French names are
// not in the project's data (we have no copy of the French feed, ee_rounds_123_fr.json), so every
// French label here is OUR translation, and reports in French say so.
import type { StreamRef } from "./stream.js";

export type Lang = "en" | "fr";

export interface StreamLabel {
  en: string;
  fr: string;
  /** True for every label in the table (see the note above); false for an unrecognized category, named as published. */
  frIsOurTranslation: boolean;
}

export const frenchLabelsNote = {
  en: "French stream names are our translation: IRCC's official French names are not in our data.",
  fr: "Les noms des volets en français sont notre traduction : les noms officiels d'IRCC en français ne figurent pas dans nos données.",
};

const labels: Record<string, { en: string; fr: string }> = {
  general: { en: "general", fr: "général (tous les programmes)" },
  cec: { en: "Canadian Experience Class", fr: "Catégorie de l'expérience canadienne" },
  fsw: { en: "Federal Skilled Worker", fr: "Programme des travailleurs qualifiés (fédéral)" },
  fst: { en: "Federal Skilled Trades", fr: "Programme des métiers spécialisés (fédéral)" },
  pnp: { en: "Provincial Nominee Program", fr: "Programme des candidats des provinces" },
  "french-language-proficiency": {
    en: "French-language proficiency",
    fr: "compétence linguistique en français",
  },
  "healthcare-social-services": {
    en: "healthcare and social services",
    fr: "professions des soins de santé et des services sociaux",
  },
  stem: { en: "STEM", fr: "professions des sciences, technologies, génie et mathématiques (STGM)" },
  trades: { en: "trade", fr: "métiers" },
  transport: { en: "transport", fr: "professions du transport" },
  "agriculture-agri-food": {
    en: "agriculture and agri-food",
    fr: "professions de l'agriculture et de l'agroalimentaire",
  },
  education: { en: "education", fr: "professions de l'éducation" },
  "physicians-canadian-work-experience": {
    en: "physicians with Canadian work experience",
    fr: "médecins ayant une expérience de travail au Canada",
  },
  "senior-managers-canadian-work-experience": {
    en: "senior managers with Canadian work experience",
    fr: "cadres supérieurs ayant une expérience de travail au Canada",
  },
  "researchers-canadian-work-experience": {
    en: "researchers with Canadian work experience",
    fr: "chercheurs ayant une expérience de travail au Canada",
  },
  "skilled-military-recruits": { en: "skilled military recruits", fr: "recrues militaires qualifiées" },
};

/** The label of a stream; an unrecognized category is named by its round name as published. */
export function streamLabel(stream: Pick<StreamRef, "id">, publishedName?: string): StreamLabel {
  const known = labels[stream.id];
  if (known) return { ...known, frIsOurTranslation: true };
  const name = publishedName ?? stream.id;
  return { en: name, fr: name, frIsOurTranslation: false };
}

export function hasLabel(streamId: string): boolean {
  return streamId in labels;
}
