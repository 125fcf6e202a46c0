// Classifies a round by its published name (drawName) using the category data compiled in
// src/occupations/data/categories.json: `drawNameIndex` maps every category round name IRCC has used
// to a category and list version; `nonCategoryDrawNames` lists the general and program round names.
// A name in neither is a category IRCC added after the data was compiled: it is kept as published,
// classified as an unrecognized category, and reported with a warning (never a failure).
import categoryData from "../occupations/data/categories.json" with { type: "json" };
import { type ProgramId, programIds, type StreamRef } from "./stream.js";

interface CategoryIndexEntry {
  categoryId: string;
  version: string;
}

const drawNameIndex: Record<string, CategoryIndexEntry> = categoryData.drawNameIndex;
const nonCategoryDrawNames: Record<string, string> = categoryData.nonCategoryDrawNames;

/**
 * The non-category names, read from their descriptions in categories.json:
 * "general round (…)" or "program-specific round (CEC)".
 */
function nonCategoryStream(name: string): StreamRef | null {
  const description = nonCategoryDrawNames[name];
  if (description === undefined) return null;
  if (description.startsWith("general round")) {
    return { kind: "general", id: "general", version: null, recognized: true };
  }
  const program = /\(([A-Z]{3})\)/.exec(description)?.[1]?.toLowerCase();
  if (program && (programIds as readonly string[]).includes(program)) {
    return { kind: "program", id: program as ProgramId, version: null, recognized: true };
  }
  return null;
}

/** A stable id for a category name nobody has mapped yet, so its rounds group together. */
export function unrecognizedCategoryId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `unrecognized-${slug || "unnamed"}`;
}

export interface Classification {
  stream: StreamRef;
  /** Set when the name was not recognized. */
  warning: string | null;
}

export function classifyDrawName(drawName: string): Classification {
  const name = drawName.trim();
  const category = drawNameIndex[name];
  if (category) {
    return {
      stream: { kind: "category", id: category.categoryId, version: category.version, recognized: true },
      warning: null,
    };
  }
  const other = nonCategoryStream(name);
  if (other) return { stream: other, warning: null };
  return {
    stream: { kind: "category", id: unrecognizedCategoryId(name), version: null, recognized: false },
    warning: `round name "${name}" is not in categories.json (drawNameIndex or nonCategoryDrawNames): stored as an unrecognized category`,
  };
}

/** Every stream id the category data knows: general, the programs, and each category id. */
export function knownStreamIds(): string[] {
  const categories = categoryData.categories.map((c) => c.id);
  return ["general", ...programIds, ...categories];
}
