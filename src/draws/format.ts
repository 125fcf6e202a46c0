// Dates, numbers and ordinals written the way English and French readers expect. Pure (no Intl
// locale data needed, so the output is the same in every runtime).
import type { Lang } from "./labels.js";

export const monthNames: Record<Lang, readonly string[]> = {
  en: "January February March April May June July August September October November December".split(" "),
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" "),
};

/** "2025-11-14" → "14 November 2025" / "14 novembre 2025" ("1er" in French). */
export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = lang === "fr" && d === 1 ? "1er" : String(d);
  return `${day} ${monthNames[lang][m - 1]} ${y}`;
}

/** "2024-12-02T22:19:41Z" → "2 December 2024 at 22:19:41 UTC" / "2 décembre 2024 à 22:19:41 UTC". */
export function formatTimestamp(iso: string, lang: Lang): string {
  const [h, min, s] = iso.slice(11, 19).split(":");
  return lang === "en"
    ? `${formatDate(iso, lang)} at ${h}:${min}:${s} UTC`
    : `${formatDate(iso, lang)} à ${h}:${min}:${s} UTC`;
}

/** 3500 → "3,500" / "3 500" (a no-break space, as French typography wants). */
export function formatCount(n: number, lang: Lang): string {
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : "\u00a0");
  return n < 0 ? `-${digits}` : digits;
}

const englishOrdinals = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
];
const frenchOrdinals = [
  "première",
  "deuxième",
  "troisième",
  "quatrième",
  "cinquième",
  "sixième",
  "septième",
  "huitième",
  "neuvième",
  "dixième",
  "onzième",
  "douzième",
  "treizième",
  "quatorzième",
  "quinzième",
  "seizième",
  "dix-septième",
  "dix-huitième",
  "dix-neuvième",
  "vingtième",
];

/** 6 → "sixth" / "sixième"; 23 → "23rd" / "23e". French forms are feminine (une ronde). */
export function ordinal(n: number, lang: Lang): string {
  const word = (lang === "en" ? englishOrdinals : frenchOrdinals)[n - 1];
  if (word) return word;
  if (lang === "fr") return `${n}e`;
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
