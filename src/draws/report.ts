// Draw reports written entirely from the data. A report states the facts as they stood when the round
// happened: it looks only at that round and the ones before it (in chronological order), never later
// ones. Ranks count ties the usual way (1, 2, 2, 4). `drawReport` computes the facts (the JSON
// output); `renderReport` writes them as Markdown in English or French.
import { daysBetween, yearOf } from "./analytics.js";
import { compareRounds } from "./feed.js";
import { formatCount, formatDate, formatTimestamp, ordinal } from "./format.js";
import { officialFrenchRoundName } from "./frenchNames.js";
import { type Lang, type StreamLabel, streamLabel } from "./labels.js";
import {
  type CompleteRound,
  completeRounds,
  finestScoreBins,
  type PoolDistribution,
  type Round,
} from "./round.js";
import type { StreamRef } from "./stream.js";

export interface RoundMention {
  round: string;
  date: string;
  cutoff: number;
  size: number;
}

export interface AboveCutoff {
  /** The distribution's date (IRCC's drawDistributionAsOn), usually a few days before the round. */
  asOn: string;
  /** Profiles with a CRS score strictly above the cut-off: at least / at most (equal when exact). */
  atLeast: number;
  atMost: number;
  exact: boolean;
  /** The published range that contains the cut-off, when the count is not exact. */
  splitRange: { from: number; to: number; count: number } | null;
  poolTotal: number;
}

export interface DrawReport {
  round: string;
  date: string;
  name: string;
  /** IRCC's French name of the round (its French feed's drawName); null when not in our data. */
  nameFr: string | null;
  programs: string;
  stream: StreamRef;
  streamLabel: StreamLabel;
  size: number;
  cutoff: number;
  drawnAt: string | null;
  /** ISO 8601 UTC; null for the early rounds that published none. */
  tieBreakAt: string | null;
  /** The tie-break as published when it could not be read (tieBreakAt is then null). */
  unreadableTieBreak: string | null;
  /** This round is the n-th of its stream in its calendar year. */
  streamOrdinalInYear: number;
  /** 1 = largest among the stream's rounds of the year so far (this one included). */
  sizeRankInYear: number;
  sizeRankTied: boolean;
  /** 1 = lowest cut-off among the stream's rounds of the year so far. */
  cutoffRankInYear: number;
  cutoffRankInYearTied: boolean;
  /** 1 = lowest cut-off among the rounds of the same list version so far (for programs and general: the stream). */
  cutoffRankInVersion: number;
  cutoffRankInVersionTied: boolean;
  roundsInVersion: number;
  /** Across list versions, this round and earlier ones; the earliest round when several share it. */
  lowestCutoffEver: { round: string; date: string; cutoff: number };
  highestCutoffEver: { round: string; date: string; cutoff: number };
  roundsInStreamEver: number;
  previousInStream: RoundMention | null;
  /** This round minus the previous one of the stream (null for the stream's first round). */
  changeFromPrevious: { cutoff: number; size: number; days: number } | null;
  /** The latest rounds across all streams, this one first. */
  recentRounds: (RoundMention & { stream: string; name: string; nameFr: string | null })[];
  distribution: PoolDistribution | null;
  /** Null when IRCC published no distribution for the round. */
  aboveCutoffInPool: AboveCutoff | null;
}

export class ReportError extends Error {
  override name = "ReportError";
}

/** Competition ranking: 1 + how many are strictly better; tied when another shares the value. */
function rank(values: number[], value: number, better: (a: number, b: number) => boolean) {
  const ahead = values.filter((v) => better(v, value)).length;
  const same = values.filter((v) => v === value).length;
  return { rank: ahead + 1, tied: same > 1 };
}

const mention = (r: CompleteRound): RoundMention => ({
  round: r.round,
  date: r.date,
  cutoff: r.cutoff,
  size: r.size,
});

/** The facts of a report on `roundId` ("379", "91a" or "latest"). `rounds` need not be sorted. */
export function drawReport(rounds: readonly Round[], roundId: string, recentCount = 6): DrawReport {
  const ordered = [...rounds].sort(compareRounds);
  if (ordered.length === 0) throw new ReportError("no rounds are stored");
  const wanted = roundId.trim().toLowerCase();
  // "latest" is the latest round with figures to report on.
  const index =
    wanted === "latest"
      ? ordered.findLastIndex((r) => !r.incomplete)
      : ordered.findIndex((r) => r.round === wanted);
  if (index < 0) {
    throw new ReportError(
      `round: "${roundId}" is not a stored round (allowed: a round number from ${ordered[0]!.round} to ${ordered.at(-1)!.round}, e.g. "91a", or "latest")`,
    );
  }
  const wantedRound = ordered[index]!;
  if (wantedRound.incomplete) {
    const missing = [wantedRound.size === null && "size", wantedRound.cutoff === null && "cut-off"].filter(
      Boolean,
    );
    throw new ReportError(
      `round: ${wantedRound.round} is incomplete (IRCC's ${missing.join(" and ")} could not be read), so there is no report to write`,
    );
  }
  const target = wantedRound as CompleteRound;
  // Facts as they stood: this round and the ones before it, never later ones; only rounds whose figures
  // were read can be ranked or compared.
  const history = completeRounds(ordered.slice(0, index + 1));
  const stream = history.filter((r) => r.stream.id === target.stream.id);
  const year = yearOf(target.date);
  const streamYear = stream.filter((r) => yearOf(r.date) === year);
  const version = stream.filter((r) => r.stream.version === target.stream.version);
  const size = rank(
    streamYear.map((r) => r.size),
    target.size,
    (a, b) => a > b,
  );
  const lower = (a: number, b: number) => a < b;
  const cutoffYear = rank(
    streamYear.map((r) => r.cutoff),
    target.cutoff,
    lower,
  );
  const cutoffVersion = rank(
    version.map((r) => r.cutoff),
    target.cutoff,
    lower,
  );
  const lowest = stream.reduce((best, r) => (r.cutoff < best.cutoff ? r : best));
  const highest = stream.reduce((best, r) => (r.cutoff > best.cutoff ? r : best));
  const previous = stream.at(-2) ?? null;
  return {
    round: target.round,
    date: target.date,
    name: target.name,
    nameFr: officialFrenchRoundName(target.name),
    programs: target.programs,
    stream: { ...target.stream },
    streamLabel: streamLabel(target.stream, target.name),
    size: target.size,
    cutoff: target.cutoff,
    drawnAt: target.drawnAt,
    tieBreakAt: target.tieBreakAt,
    unreadableTieBreak:
      target.issues.find((i) => i.kind === "unreadable" && i.field === "drawCutOff")?.text ?? null,
    streamOrdinalInYear: streamYear.length,
    sizeRankInYear: size.rank,
    sizeRankTied: size.tied,
    cutoffRankInYear: cutoffYear.rank,
    cutoffRankInYearTied: cutoffYear.tied,
    cutoffRankInVersion: cutoffVersion.rank,
    cutoffRankInVersionTied: cutoffVersion.tied,
    roundsInVersion: version.length,
    lowestCutoffEver: { round: lowest.round, date: lowest.date, cutoff: lowest.cutoff },
    highestCutoffEver: { round: highest.round, date: highest.date, cutoff: highest.cutoff },
    roundsInStreamEver: stream.length,
    previousInStream: previous ? mention(previous) : null,
    changeFromPrevious: previous
      ? {
          cutoff: target.cutoff - previous.cutoff,
          size: target.size - previous.size,
          days: daysBetween(previous.date, target.date),
        }
      : null,
    recentRounds: history
      .slice(-recentCount)
      .reverse()
      .map((r) => ({
        ...mention(r),
        stream: r.stream.id,
        name: r.name,
        nameFr: officialFrenchRoundName(r.name),
      })),
    distribution: target.distribution,
    aboveCutoffInPool: target.distribution ? aboveCutoff(target.distribution, target.cutoff) : null,
  };
}

/**
 * Profiles above the cut-off from the published ranges. A range entirely above counts in full; the
 * range containing the cut-off is split in unknown proportions, so the answer is a bracket.
 */
export function aboveCutoff(d: PoolDistribution, cutoff: number): AboveCutoff {
  let atLeast = 0;
  let splitRange: AboveCutoff["splitRange"] = null;
  for (const { lo: from, hi: to, field } of finestScoreBins) {
    const count = d[field];
    if (from > cutoff) atLeast += count;
    else if (cutoff < to && count > 0) splitRange = { from, to, count };
  }
  const atMost = atLeast + (splitRange?.count ?? 0);
  return { asOn: d.asOn, atLeast, atMost, exact: atLeast === atMost, splitRange, poolTotal: d.total };
}

// ---------------------------------------------------------------------------------------------
// Writing the report

export type ReportFormat = "md" | "json";

export function renderReport(report: DrawReport, lang: Lang, format: ReportFormat): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  return lang === "en" ? englishReport(report) : frenchReport(report);
}

/** "the second largest", "tied for the largest". */
function rankPhraseEn(rankValue: number, tied: boolean, superlative: string): string {
  const words = rankValue === 1 ? `the ${superlative}` : `the ${ordinal(rankValue, "en")} ${superlative}`;
  return tied ? `tied for ${words}` : words;
}

function rankPhraseFr(rankValue: number, tied: boolean, superlative: string): string {
  const words = rankValue === 1 ? `la ${superlative}` : `la ${ordinal(rankValue, "fr")} ${superlative}`;
  return tied ? `${words} (à égalité)` : words;
}

function signedEn(n: number, unit: string, more: string, less: string): string {
  if (n === 0) return `the same number of ${unit}`;
  return `${formatCount(Math.abs(n), "en")} ${n > 0 ? more : less} ${unit}`;
}

function englishReport(r: DrawReport): string {
  const n = (x: number) => formatCount(x, "en");
  const d = (x: string) => formatDate(x, "en");
  const label = r.streamLabel.en;
  const year = r.date.slice(0, 4);
  const lines: string[] = [];
  lines.push(`# Round ${r.round}, ${d(r.date)}: ${r.name}`, "");
  const kind =
    r.stream.kind === "category"
      ? r.stream.recognized
        ? `Category-based round: ${label}, list version ${r.stream.version}.`
        : `Category-based round under a name not in our category data ("${r.name}"): reported as published.`
      : r.stream.kind === "program"
        ? `Program round: ${label}.`
        : "General round (all programs).";
  lines.push(kind, `Programs invited: ${r.programs}.`, "");
  lines.push(`- Invitations: ${n(r.size)}`);
  lines.push(`- CRS cut-off: ${r.cutoff}`);
  lines.push(
    `- Tie-breaking rule: ${r.tieBreakAt ? formatTimestamp(r.tieBreakAt, "en") : r.unreadableTieBreak !== null ? `published as "${r.unreadableTieBreak}", which is not one certain date and time` : "not published for this round"}`,
  );
  if (r.drawnAt) lines.push(`- Round held: ${formatTimestamp(r.drawnAt, "en")}`);
  lines.push(
    "",
    "## Where it stands",
    "",
    "Counting this round and the ones before it, never later ones:",
    "",
  );
  const inStream =
    r.stream.kind === "category"
      ? "in its category"
      : r.stream.kind === "program"
        ? "in its program"
        : "among general rounds";
  lines.push(
    r.streamOrdinalInYear === 1
      ? `It was the first ${label} round of ${year}.`
      : `It was the ${ordinal(r.streamOrdinalInYear, "en")} ${label} round of ${year}, and ${rankPhraseEn(r.sizeRankInYear, r.sizeRankTied, "largest")} of the year ${inStream}.`,
  );
  const versioned = r.stream.kind === "category" && r.stream.version !== null;
  const inYear =
    r.streamOrdinalInYear > 1
      ? `${rankPhraseEn(r.cutoffRankInYear, r.cutoffRankInYearTied, "lowest")} of the ${year} ${label} rounds`
      : null;
  if (r.roundsInVersion > 1) {
    const group = versioned
      ? `the ${r.roundsInVersion} ${label} rounds under list version ${r.stream.version}`
      : `the ${r.roundsInVersion} ${label} rounds`;
    const versionRank = `${rankPhraseEn(r.cutoffRankInVersion, r.cutoffRankInVersionTied, "lowest")} of ${group}`;
    lines.push(`Its cut-off of ${r.cutoff} was ${versionRank}${inYear ? `, and ${inYear}` : ""}.`);
  } else if (versioned) {
    lines.push(
      `It was the first round under list version ${r.stream.version}${inYear ? `; its cut-off of ${r.cutoff} was ${inYear}` : ""}.`,
    );
  }
  const low = r.lowestCutoffEver;
  const high = r.highestCutoffEver;
  const across = versioned ? " (all list versions)" : "";
  if (r.roundsInStreamEver === 1) {
    lines.push(`It was the first ${label} round.`);
  } else {
    lines.push(
      low.round === r.round
        ? `It was the lowest ${label} cut-off up to then${across}.`
        : `The lowest ${label} cut-off up to this round${across} was ${low.cutoff}, in round ${low.round} (${d(low.date)})${low.cutoff === r.cutoff ? ", equalled by this round" : ""}.`,
    );
    lines.push(
      high.round === r.round
        ? `It was the highest ${label} cut-off up to then${across}.`
        : `The highest was ${high.cutoff}, in round ${high.round} (${d(high.date)})${high.cutoff === r.cutoff ? ", equalled by this round" : ""}.`,
    );
  }
  lines.push("", `## Since the previous ${label} round`, "");
  if (r.previousInStream && r.changeFromPrevious) {
    const p = r.previousInStream;
    const c = r.changeFromPrevious;
    lines.push(
      `Round ${p.round} (${d(p.date)}, ${c.days} ${c.days === 1 ? "day" : "days"} earlier) invited ${n(p.size)} with a cut-off of ${p.cutoff}. This round sent ${signedEn(c.size, "invitations", "more", "fewer")}, with a cut-off ${c.cutoff === 0 ? "unchanged" : `${Math.abs(c.cutoff)} ${Math.abs(c.cutoff) === 1 ? "point" : "points"} ${c.cutoff > 0 ? "higher" : "lower"}`}.`,
    );
  } else {
    lines.push(`This was the first ${label} round.`);
  }
  lines.push(
    "",
    "## Recent rounds, all streams",
    "",
    "| Round | Date | Round name | Invitations | Cut-off |",
    "|---|---|---|---:|---:|",
  );
  for (const x of r.recentRounds)
    lines.push(`| ${x.round} | ${x.date} | ${x.name} | ${n(x.size)} | ${x.cutoff} |`);
  lines.push("", "## The pool", "");
  lines.push(poolSentenceEn(r));
  lines.push("", "_Written from IRCC's rounds feed; facts as they stood on the day of the round._");
  return `${lines.join("\n")}\n`;
}

function poolSentenceEn(r: DrawReport): string {
  const a = r.aboveCutoffInPool;
  if (!a) return "IRCC did not publish the pool's score distribution for this round.";
  const n = (x: number) => formatCount(x, "en");
  const count = a.exact
    ? `${n(a.atLeast)} had a CRS score above ${r.cutoff}`
    : `between ${n(a.atLeast)} and ${n(a.atMost)} had a CRS score above ${r.cutoff} (the published range ${a.splitRange!.from}–${a.splitRange!.to}, ${n(a.splitRange!.count)} profiles, is not split further)`;
  return `On ${formatDate(a.asOn, "en")} the pool held ${n(a.poolTotal)} profiles; ${count}. These counts cover the whole pool, not only the candidates eligible for this round.`;
}

function frenchReport(r: DrawReport): string {
  const n = (x: number) => formatCount(x, "fr");
  const d = (x: string) => formatDate(x, "fr");
  const label = `« ${r.streamLabel.fr} »`;
  const year = r.date.slice(0, 4);
  const lines: string[] = [];
  // IRCC's French round name when we know it; otherwise the English name as published, marked.
  let englishNames = false;
  const roundName = (name: string, nameFr: string | null) => {
    if (nameFr !== null) return nameFr;
    englishNames = true;
    return `${name} (en anglais)`;
  };
  lines.push(`# Ronde ${r.round}, ${d(r.date)} : ${roundName(r.name, r.nameFr)}`, "");
  const kind =
    r.stream.kind === "category"
      ? r.stream.recognized
        ? `Ronde par catégorie : ${label}, version ${r.stream.version} de la liste.`
        : `Ronde par catégorie sous un nom absent de nos données (« ${r.name} ») : présentée telle que publiée.`
      : r.stream.kind === "program"
        ? `Ronde propre à un programme : ${label}.`
        : "Ronde générale (tous les programmes).";
  lines.push(kind, `Programmes visés (libellé publié par IRCC en anglais) : ${r.programs}.`, "");
  lines.push(`- Invitations : ${n(r.size)}`);
  lines.push(`- Note limite (SCG) : ${r.cutoff}`);
  lines.push(
    `- Règle de départage : ${r.tieBreakAt ? formatTimestamp(r.tieBreakAt, "fr") : r.unreadableTieBreak !== null ? `publiée sous la forme « ${r.unreadableTieBreak} », qui n'est pas une date et une heure certaines` : "non publiée pour cette ronde"}`,
  );
  if (r.drawnAt) lines.push(`- Ronde tenue le ${formatTimestamp(r.drawnAt, "fr")}`);
  lines.push("", "## Sa place", "", "En comptant cette ronde et les précédentes, jamais les suivantes :", "");
  lines.push(
    r.streamOrdinalInYear === 1
      ? `C'était la première ronde du volet ${label} en ${year}.`
      : `C'était la ${ordinal(r.streamOrdinalInYear, "fr")} ronde du volet ${label} en ${year}, et ${rankPhraseFr(r.sizeRankInYear, r.sizeRankTied, "plus importante")} de l'année dans ce volet.`,
  );
  const versioned = r.stream.kind === "category" && r.stream.version !== null;
  const inYear =
    r.streamOrdinalInYear > 1
      ? `${rankPhraseFr(r.cutoffRankInYear, r.cutoffRankInYearTied, "plus basse")} des rondes de ce volet en ${year}`
      : null;
  if (r.roundsInVersion > 1) {
    const group = versioned
      ? `des ${r.roundsInVersion} rondes de la version ${r.stream.version} de la liste`
      : `des ${r.roundsInVersion} rondes de ce volet`;
    const versionRank = `${rankPhraseFr(r.cutoffRankInVersion, r.cutoffRankInVersionTied, "plus basse")} ${group}`;
    lines.push(`Sa note limite, ${r.cutoff}, était ${versionRank}${inYear ? `, et ${inYear}` : ""}.`);
  } else if (versioned) {
    lines.push(
      `C'était la première ronde de la version ${r.stream.version} de la liste${inYear ? ` ; sa note limite, ${r.cutoff}, était ${inYear}` : ""}.`,
    );
  }
  const low = r.lowestCutoffEver;
  const high = r.highestCutoffEver;
  const across = versioned ? " (toutes versions de la liste confondues)" : "";
  if (r.roundsInStreamEver === 1) {
    lines.push("C'était la première ronde de ce volet.");
  } else {
    lines.push(
      low.round === r.round
        ? `C'était la note limite la plus basse de ce volet jusque-là${across}.`
        : `Jusqu'à cette ronde, la note limite la plus basse de ce volet${across} a été de ${low.cutoff}, à la ronde ${low.round} (${d(low.date)})${low.cutoff === r.cutoff ? ", égalée par cette ronde" : ""}.`,
    );
    lines.push(
      high.round === r.round
        ? "C'était la note limite la plus haute de ce volet jusque-là."
        : `La plus haute a été de ${high.cutoff}, à la ronde ${high.round} (${d(high.date)})${high.cutoff === r.cutoff ? ", égalée par cette ronde" : ""}.`,
    );
  }
  lines.push("", "## Depuis la ronde précédente du volet", "");
  if (r.previousInStream && r.changeFromPrevious) {
    const p = r.previousInStream;
    const c = r.changeFromPrevious;
    const sizeChange =
      c.size === 0
        ? "le même nombre d'invitations"
        : `${n(Math.abs(c.size))} invitations de ${c.size > 0 ? "plus" : "moins"}`;
    const cutoffChange =
      c.cutoff === 0
        ? "une note limite inchangée"
        : `une note limite ${c.cutoff > 0 ? "supérieure" : "inférieure"} de ${Math.abs(c.cutoff)} ${Math.abs(c.cutoff) === 1 ? "point" : "points"}`;
    lines.push(
      `La ronde ${p.round} (${d(p.date)}, ${c.days} ${c.days === 1 ? "jour" : "jours"} plus tôt) a invité ${n(p.size)} candidats avec une note limite de ${p.cutoff}. Cette ronde : ${sizeChange}, ${cutoffChange}.`,
    );
  } else {
    lines.push("C'était la première ronde de ce volet.");
  }
  lines.push(
    "",
    "## Rondes récentes, tous volets",
    "",
    "| Ronde | Date | Nom de la ronde | Invitations | Note limite |",
    "|---|---|---|---:|---:|",
  );
  for (const x of r.recentRounds)
    lines.push(`| ${x.round} | ${x.date} | ${roundName(x.name, x.nameFr)} | ${n(x.size)} | ${x.cutoff} |`);
  lines.push("", "## Le bassin", "");
  const a = r.aboveCutoffInPool;
  if (!a) lines.push("IRCC n'a pas publié la répartition des notes du bassin pour cette ronde.");
  else {
    const count = a.exact
      ? `${n(a.atLeast)} avaient une note supérieure à ${r.cutoff}`
      : `entre ${n(a.atLeast)} et ${n(a.atMost)} avaient une note supérieure à ${r.cutoff} (la tranche publiée ${a.splitRange!.from}–${a.splitRange!.to}, ${n(a.splitRange!.count)} profils, n'est pas subdivisée)`;
    lines.push(
      `Le ${d(a.asOn)}, le bassin comptait ${n(a.poolTotal)} profils ; ${count}. Ces nombres portent sur tout le bassin, pas seulement sur les candidats admissibles à cette ronde.`,
    );
  }
  const notes = [
    "Rédigé à partir du fichier des rondes d'IRCC ; faits tels qu'ils étaient le jour de la ronde.",
    englishNames
      ? "Un nom de ronde suivi de « (en anglais) » est le nom publié par IRCC en anglais : son nom officiel en français ne figure pas dans nos données ; les autres noms de rondes sont ceux du fichier français d'IRCC."
      : "Les noms de rondes sont ceux du fichier français d'IRCC.",
    r.streamLabel.frIsOurTranslation
      ? `Le nom du volet ${label} est notre traduction, pas un nom officiel d'IRCC.`
      : null,
  ].filter((x) => x !== null);
  lines.push("", `_${notes.join(" ")}_`);
  return `${lines.join("\n")}\n`;
}
