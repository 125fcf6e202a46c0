// Turns validation failures into one plain problem per field, naming the allowed values.
// Used by the CLI (one line per field, non-zero exit) and the API (a 400 with a JSON body).
import type { z } from "zod";

export interface FieldProblem {
  /** Dotted path of the field, e.g. "firstLanguage.reading" or "spouse.education". */
  field: string;
  problem: string;
  /** The allowed values or range, when there is a short way to say them. */
  allowed?: string;
}

export function describeIssues(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "(profile)";
    const out: FieldProblem = { field, problem: issue.message };
    if (issue.code === "invalid_value" && "values" in issue) {
      out.allowed = (issue.values as unknown[]).map(String).join(" | ");
      out.problem = `must be one of the allowed values`;
    } else if (issue.code === "too_big" || issue.code === "too_small") {
      const i = issue as z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall;
      const bound = String(
        i.origin === "array"
          ? `${"maximum" in i ? i.maximum : i.minimum} items`
          : "maximum" in i
            ? i.maximum
            : i.minimum,
      );
      out.problem =
        issue.code === "too_big" ? `is too large (at most ${bound})` : `is too small (at least ${bound})`;
    } else if (issue.code === "invalid_type") {
      // zod says "Invalid input: expected object, received undefined" for a missing field.
      out.problem = /received undefined$/.test(issue.message)
        ? `is required (expected ${issue.expected})`
        : issue.message;
    }
    const allowedFromParams = (issue as { params?: { allowed?: string } }).params?.allowed;
    if (allowedFromParams) out.allowed = allowedFromParams;
    return out;
  });
}

export function formatProblem(p: FieldProblem): string {
  return `${p.field}: ${p.problem}${p.allowed ? ` (allowed: ${p.allowed})` : ""}`;
}

/** A domain error about one field that schema validation cannot see (e.g. a test used before IRCC accepted it). */
export class FieldError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "FieldError";
  }
}
