// Category-based selection: every category and list version recorded in data/categories.json (each with its
// own source, dates, rule and `complete` flag), and which version is in force on a date.
import categoriesData from "./data/categories.json" with { type: "json" };
import { addDays } from "./workHistory.js";

export type ProgramCode = "FSW" | "CEC" | "FST";

export interface CategoryWorkRule {
  minMonths: number | null;
  minHours: number | null;
  /** Null when the sources do not say whether the months must be continuous. */
  continuous: boolean | null;
  fullTimeOrEquivalentPartTime?: boolean;
  withinYears: number | null;
  singleOccupation: boolean | null;
  location: "canada-or-abroad" | "canada" | string;
  notes?: string;
}

export interface CategoryLanguageRule {
  language: "french" | "english";
  benchmark: string;
  min: number;
  abilities: string[];
}

export interface CategoryEligibilityRule {
  kind: "language" | "work-experience" | "canadian-work-experience" | "military" | string;
  mustBeEligibleFor: ProgramCode[];
  language?: CategoryLanguageRule;
  workExperience: CategoryWorkRule | null;
  additional?: string[];
  text: string;
  sources: string[];
}

export interface CategoryOccupation {
  noc: string;
  title: string;
  teer: number;
}

export interface CategoryVersion {
  version: string;
  irccName: string;
  feedNames: string[];
  from: string | null;
  to: string | null;
  fromNote?: string;
  toNote?: string;
  /** When `from` is not confirmed: the earliest day it can have started, from a recorded fact (`notBeforeNote`). */
  notBefore?: string;
  notBeforeNote?: string;
  eligibility: CategoryEligibilityRule;
  occupations: CategoryOccupation[] | null;
  occupationCount: number | null;
  source: string;
  complete: boolean;
  gaps?: string;
  notes?: string;
}

export interface Category {
  id: string;
  versions: CategoryVersion[];
}

export const categories: readonly Category[] = (categoriesData as unknown as { categories: Category[] })
  .categories;

export const categoryIds: readonly string[] = categories.map((c) => c.id);

export function categoryById(id: string): Category | undefined {
  return categories.find((c) => c.id === id);
}

export interface VersionInForce {
  categoryId: string;
  version: CategoryVersion;
  /** False when a start or end date the choice relied on is not confirmed in the data. */
  certain: boolean;
  note: string | null;
}

/**
 * The earliest date a version can have applied. When `from` is not confirmed, the version label's year
 * ("2026-v2" names the 2026 list) is the only fact we have: the version cannot predate that year.
 */
function lowerBound(v: CategoryVersion): { date: string; known: boolean } {
  if (v.from) return { date: v.from, known: true };
  const year = /^(\d{4})/.exec(v.version)?.[1];
  return { date: year ? `${year}-01-01` : "0000-01-01", known: false };
}

/** The bounds of every version; an unconfirmed end is taken as the day before the next version starts. */
const boundsCache = new WeakMap<Category, VersionBounds[]>();

export interface VersionBounds {
  version: CategoryVersion;
  from: string;
  to: string | null;
  certain: boolean;
}

export function versionBounds(category: Category): VersionBounds[] {
  let bounds = boundsCache.get(category);
  if (!bounds) {
    bounds = computeBounds(category);
    boundsCache.set(category, bounds);
  }
  return bounds;
}

function computeBounds(category: Category): VersionBounds[] {
  return category.versions.map((v, i) => {
    const start = lowerBound(v);
    const next = category.versions[i + 1];
    let to = v.to;
    let endKnown = true;
    if (to === null && next) {
      to = addDays(lowerBound(next).date, -1);
      endKnown = false;
    }
    return { version: v, from: start.date, to, certain: start.known && endKnown };
  });
}

/** The version of a category in force on `date`, or null when none applied (before it existed, after it ended). */
export function versionInForce(categoryId: string, date: string): VersionInForce | null {
  const category = categoryById(categoryId);
  if (!category) return null;
  for (const b of versionBounds(category)) {
    if (b.from <= date && (b.to === null || date <= b.to)) {
      return {
        categoryId,
        version: b.version,
        certain: b.certain,
        note: b.certain
          ? null
          : `the dates of ${categoryId} ${b.version.version} are not all confirmed (${[b.version.fromNote, b.version.toNote].filter(Boolean).join(" ") || "see categories.json"}); taken as ${b.from} to ${b.to ?? "open"}`,
      };
    }
  }
  return null;
}

/** Key of one category version, used for pool eligibility bits and stream references: "trades@2025-v2". */
export const versionKey = (categoryId: string, version: string) => `${categoryId}@${version}`;

export const allVersionKeys: readonly string[] = categories.flatMap((c) =>
  c.versions.map((v) => versionKey(c.id, v.version)),
);
