// HTTP plumbing shared by every route: the JSON error shape, reading and validating bodies and
// query strings with the project's zod schemas. No stack trace or input echo ever leaves here.
import { z } from "zod";
import { describeIssues, FieldError, type FieldProblem } from "../profile/errors.js";
import { DatabaseUnavailableError } from "../storage/index.js";

/** A `seed`: a 32-bit whole number, 1 when not given (the same seed gives the same answer). */
const seedOf = <N extends z.ZodNumber | z.ZodCoercedNumber>(n: N) =>
  n
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1);

/** A body's `seed` (a JSON number). */
export const seedSchema = seedOf(z.number());

/** A query string's `seed` (text read as a number). */
export const seedQuery = seedOf(z.coerce.number());

/** The body of every error response: the first problem in `error`, all of them in `errors`. */
export interface ErrorBody {
  error: FieldProblem;
  errors: FieldProblem[];
}

/** An error that becomes a JSON response with `status`; thrown by handlers and validation. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 500 | 503,
    readonly problems: FieldProblem[],
    /** Headers the answer carries besides the body's (e.g. Retry-After on a 503). */
    readonly headers: Record<string, string> = {},
  ) {
    super(problems.map((p) => `${p.field}: ${p.problem}`).join("; "));
    this.name = "ApiError";
  }
}

export function errorBody(problems: FieldProblem[]): ErrorBody {
  const first = problems[0] ?? { field: "(request)", problem: "is invalid" };
  return { error: first, errors: problems.length ? problems : [first] };
}

/**
 * Maps anything thrown by a handler to a status, a safe body (internal errors say nothing more) and the
 * headers that go with it (Retry-After when the database is away).
 */
export function toErrorResponse(e: unknown): {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
} {
  if (e instanceof ApiError) return { status: e.status, body: errorBody(e.problems), headers: e.headers };
  if (e instanceof FieldError) return { status: 400, body: errorBody(e.problems) };
  if (e instanceof DatabaseUnavailableError)
    return {
      status: 503,
      body: errorBody([
        {
          field: "(database)",
          problem: "cannot be reached just now: the request was not completed",
          allowed: `the same request again in ${e.retryAfterSeconds} s or later (Retry-After)`,
        },
      ]),
      headers: { "retry-after": String(e.retryAfterSeconds) },
    };
  return {
    status: 500,
    body: errorBody([{ field: "(server)", problem: "internal error; the request was not processed" }]),
  };
}

/** Validates `value` with `schema`, throwing a 400 naming every bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = describeIssues(result.error).map((p) =>
    prefix ? { ...p, field: p.field === "(profile)" ? prefix : `${prefix}.${p.field}` } : p,
  );
  throw new ApiError(400, problems);
}

/** Parses a request body as JSON, with a clear error when it is not. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") {
    throw new ApiError(400, [
      { field: "(body)", problem: "is empty", allowed: "a JSON document (Content-Type: application/json)" },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, [
      {
        field: "(body)",
        problem: "is not valid JSON",
        allowed: "a JSON document (Content-Type: application/json)",
      },
    ]);
  }
}
