// The request body limit, without building a web `Request` when it need not.
//
// Hono's `bodyLimit` starts by reading `c.req.raw.body`. Under @hono/node-server that getter turns the
// lightweight request into a full undici `Request` (an AbortController, a web stream over Node's
// IncomingMessage): about a fifth of the time of a `POST /api/crs` under load. A request that declares
// its length (every JSON POST from a browser, curl or fetch) can be judged on that header alone — Node's
// HTTP parser never delivers more bytes than it declares — and its body is then read by the handler's
// `c.req.text()`, which @hono/node-server reads straight from the IncomingMessage. Requests without a
// declared length (chunked uploads) still go through Hono's `bodyLimit`, which counts as it reads.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/** Refuses bodies over `maxBytes` with `onTooLarge`'s response, before reading what it can refuse unread. */
export function limitBodySize(
  maxBytes: number,
  onTooLarge: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const counting = bodyLimit({ maxSize: maxBytes, onError: onTooLarge });
  return async (c, next) => {
    // A GET or HEAD request has no body to limit (fetch's Request cannot carry one).
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const declared = declaredLength(c.req.raw.headers);
    if (declared === undefined) return counting(c, next);
    if (declared > maxBytes) return onTooLarge(c);
    return next();
  };
}

/** The body's length as declared by a lone, well-formed Content-Length; undefined when the length is
 * only known by reading (chunked transfer, no header, or a header the limit should not trust). */
function declaredLength(headers: Headers): number | undefined {
  if (headers.has("transfer-encoding")) return undefined;
  const value = headers.get("content-length");
  if (value === null || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
