// One API operation = its HTTP shape (zod schemas for query, path and body), its documentation and its
// handler. The same object drives validation, the router and the OpenAPI document, so they cannot drift.
import type { z } from "zod";

export type Method = "get" | "post" | "put" | "delete";

/** What a handler returns: JSON, or a text document (CSV, Markdown) with an optional download name. */
export type Reply =
  | { kind: "json"; body: unknown; status?: number }
  | { kind: "text"; body: string; contentType: string; filename?: string };

export const json = (body: unknown, status?: number): Reply => ({ kind: "json", body, status });
/**
 * A JSON answer made of `fields` (serialized here, first) and the fields of an object already serialized
 * elsewhere (a worker thread's result as JSON text): the same bytes as `json({...fields, ...object})` when
 * their keys differ, without rebuilding the object in this thread.
 */
export const jsonWith = (fields: Record<string, unknown>, objectText: string): Reply => {
  const head = JSON.stringify(fields);
  const rest = objectText.slice(1);
  return {
    kind: "text",
    body: head === "{}" ? objectText : rest === "}" ? head : `${head.slice(0, -1)},${rest}`,
    contentType: "application/json",
  };
};
export const text = (body: string, contentType: string, filename?: string): Reply => ({
  kind: "text",
  body,
  contentType,
  filename,
});

/** A handler's input: the validated request, and the signal of the client going away. */
export interface OperationInput<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  query: z.output<Q>;
  params: z.output<P>;
  body: z.output<B>;
  /** Aborted when the client disconnects before its answer: a long computation for it may stop. */
  readonly signal: AbortSignal;
}

export interface ResponseDoc {
  status: number;
  description: string;
  contentType: string;
  /** A zod schema, or a JSON Schema written by hand for results described only by TypeScript types. */
  schema?: z.ZodType | Record<string, unknown>;
}

export interface Operation<
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  Ctx = unknown,
> {
  method: Method;
  /** OpenAPI-style path, e.g. `/api/rounds/{round}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  query?: Q;
  params?: P;
  body?: B;
  /** Name of the body schema in `components.schemas`, so the document stays readable. */
  bodyName?: string;
  /** A request body that works, shown in the document and the docs page. */
  example?: unknown;
  responses: ResponseDoc[];
  // Method syntax on purpose: a list of operations with different schemas must fit one array type.
  handle(input: OperationInput<Q, P, B>, ctx: Ctx): Reply | Promise<Reply>;
}

/** Any operation, whatever its schemas (for lists of operations). */
export type AnyOperation<Ctx = unknown> = Operation<z.ZodType, z.ZodType, z.ZodType, Ctx>;

/** Declares an operation with its input types inferred from its schemas. */
export function operation<Ctx, Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType>(
  op: Operation<Q, P, B, Ctx>,
): Operation<Q, P, B, Ctx> {
  return op;
}

/** `/api/rounds/{round}` → `/api/rounds/:round` (Hono's router syntax). */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ":$1");
}
