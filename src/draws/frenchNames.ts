// IRCC's own French round names (drawName in ee_rounds_123_fr.json), keyed by the English drawName of the same
// round. Source: a 2026-10-01 snapshot of both feeds (https://www.canada.ca/content/dam/ircc/documents/json/
// ee_rounds_123_fr.json and …_en.json) kept in a public repository, compiled 2026-12-03 (docs/sources/
// french-feed.md). The strings are IRCC's, inconsistencies included ("Version"/"version", the apostrophe ’).
// Only these seven are known: every other French name in our output is our translation, and says so.

/** Where the French names below were taken from. */
export const frenchRoundNamesSource =
  "IRCC's French rounds feed (ee_rounds_123_fr.json), snapshot of 2026-10-01 (docs/sources/french-feed.md)";

const officialFrenchRoundNames: Readonly<Record<string, string>> = {
  "Trades Occupations, 2026-Version 3": "Métiers spécialisés 2026-Version 3",
  "Healthcare and Social Services Occupations, 2026-Version 3":
    "Professions de la santé et des services sociaux 2026-version 3",
  "Physicians with Canadian Work Experience, 2026-Version 1":
    "Médecins ayant de l’expérience de travail au Canada 2026-Version 1",
  "Senior managers with Canadian Work Experience, 2026-Version 1":
    "Cadres supérieurs/cadres supérieures ayant de l’expérience de travail au Canada 2026-version 1",
  "French-Language proficiency 2026-Version 2": "Compétence linguistique en français 2026-Version 2",
  "Canadian Experience Class": "Catégorie de l’expérience canadienne",
  "Provincial Nominee Program": "Programme des candidats des provinces",
};

/** IRCC's French name of a round published under `englishName`, or null when we do not know it. */
export function officialFrenchRoundName(englishName: string): string | null {
  const name = englishName.trim();
  return Object.hasOwn(officialFrenchRoundNames, name) ? officialFrenchRoundNames[name]! : null;
}

/** Every English round name whose French name we hold. */
export function englishNamesWithOfficialFrench(): string[] {
  return Object.keys(officialFrenchRoundNames);
}
