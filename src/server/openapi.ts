// The OpenAPI 3.1 document, generated from the operations' own zod schemas (zod 4's toJSONSchema emits
// JSON Schema 2020-12, the dialect OpenAPI 3.1 uses), and a readable HTML page rendered from it.
import { z } from "zod";
import type { AnyOperation } from "./operation.js";

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType | JsonSchema): JsonSchema {
  if (!(schema instanceof z.ZodType)) return schema;
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parametersOf(schema: z.ZodType | undefined, where: "query" | "path"): JsonSchema[] {
  if (!schema) return [];
  const object = toSchema(schema);
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function buildOpenApi(operations: readonly AnyOperation<never>[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const op of operations) {
    const entry: JsonSchema = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
    };
    const parameters = [...parametersOf(op.params, "path"), ...parametersOf(op.query, "query")];
    if (parameters.length) entry.parameters = parameters;
    if (op.body) {
      let ref: JsonSchema = toSchema(op.body);
      if (op.bodyName) {
        schemas[op.bodyName] = ref;
        ref = { $ref: `#/components/schemas/${op.bodyName}` };
      }
      const media: JsonSchema = { schema: ref };
      if (op.example !== undefined) media.example = op.example;
      entry.requestBody = { required: true, content: { "application/json": media } };
    }
    const responses: Record<string, JsonSchema> = {};
    for (const r of op.responses) {
      const key = String(r.status);
      const existing = (responses[key] ?? { description: r.description, content: {} }) as {
        description: string;
        content: Record<string, unknown>;
      };
      existing.content[r.contentType] = r.schema ? { schema: toSchema(r.schema) } : {};
      responses[key] = existing;
    }
    responses["400"] ??= {
      description: "Invalid input: each problem names the field, the problem and the allowed values",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
    // app.ts refuses these before any operation runs: say so where they apply.
    const changes = op.method !== "get";
    const personal = op.path.startsWith("/api/clients");
    if (changes || personal)
      responses["403"] ??= {
        description: [
          changes && "Sent by a page of another site (Sec-Fetch-Site, Origin): nothing is changed",
          personal &&
            "Not from the server's own machine (judged by the connection, never by headers), the server listening beyond loopback (HOST), forwarded by an unconfigured proxy, or addressed to a host name other than localhost or those in EE_CLIENTS_HOSTS",
        ]
          .filter(Boolean)
          .join("; or "),
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    // The clients live only in the database; the other operations read the rounds, which are served from
    // memory while it is away (context.ts), so only the clients depend on it answering now.
    if (personal)
      responses["503"] ??= {
        description:
          "The database cannot be reached just now: nothing was done; try again after Retry-After seconds",
        headers: { "Retry-After": { schema: { type: "integer", minimum: 1 } } },
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    responses["500"] = {
      description: "Internal error (no details are disclosed)",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
    entry.responses = responses;
    paths[op.path] ??= {};
    paths[op.path]![op.method] = entry;
  }
  const problem = {
    type: "object",
    required: ["field", "problem"],
    properties: {
      field: { type: "string", description: 'Dotted path of the field, e.g. "firstLanguage.reading"' },
      problem: { type: "string" },
      allowed: { type: "string", description: "The allowed values or range" },
    },
  };
  schemas.Error = {
    type: "object",
    required: ["error", "errors"],
    properties: { error: problem, errors: { type: "array", items: problem } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Express Entry Engine API",
      version,
      description:
        "Canada's Express Entry selection system: CRS scores under every rule set since 2015, program and " +
        "category eligibility, IRCC's rounds of invitations, reports, forecasts and advice. Every rule carries " +
        "its source and effective date; unknown facts are reported as unknown.",
      license: { name: "MIT" },
    },
    servers: [{ url: "/" }],
    paths,
    components: { schemas },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A self-contained documentation page (no external scripts), one section per operation. */
export function renderDocsPage(doc: JsonSchema): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, JsonSchema>>;
  const sections: string[] = [];
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const id = String(op.operationId);
      toc.push(`<li><a href="#${id}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></a></li>`);
      const params = ((op.parameters ?? []) as JsonSchema[])
        .map((p) => {
          const s = p.schema as JsonSchema;
          const allowed = s.enum ? (s.enum as unknown[]).join(" | ") : (s.type ?? s.pattern ?? "");
          return `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${p.in}</td><td>${
            p.required ? "yes" : "no"
          }</td><td>${escapeHtml(String(allowed))}</td><td>${escapeHtml(String(p.description ?? ""))}</td></tr>`;
        })
        .join("");
      const example = (
        (op.requestBody as JsonSchema | undefined)?.content as Record<string, JsonSchema> | undefined
      )?.["application/json"]?.example;
      const curl =
        example !== undefined
          ? `<h4>Example</h4><pre>curl -s http://localhost:8080${escapeHtml(path)} \\\n  -H 'content-type: application/json' \\\n  -d '${escapeHtml(JSON.stringify(example))}'</pre>`
          : method === "get" && !path.includes("{")
            ? `<h4>Example</h4><pre>curl -s http://localhost:8080${escapeHtml(path)}</pre>`
            : "";
      const body = op.requestBody
        ? `<h4>Request body</h4><p>JSON, schema <code>${escapeHtml(
            JSON.stringify((op.requestBody as JsonSchema).content).includes("$ref")
              ? String(JSON.stringify((op.requestBody as JsonSchema).content).match(/schemas\/(\w+)/)?.[1])
              : "inline",
          )}</code> (see <a href="#schemas">schemas</a>).</p>`
        : "";
      const responses = Object.entries(op.responses as Record<string, JsonSchema>)
        .map(
          ([status, r]) =>
            `<li><strong>${status}</strong> ${escapeHtml(String(r.description))} <small>${Object.keys(
              (r.content ?? {}) as object,
            ).join(", ")}</small></li>`,
        )
        .join("");
      sections.push(`<section id="${id}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(String(op.summary))}</p>${op.description ? `<p>${escapeHtml(String(op.description))}</p>` : ""}
${params ? `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>required</th><th>allowed</th><th>description</th></tr></thead><tbody>${params}</tbody></table>` : ""}
${body}${curl}<h4>Responses</h4><ul>${responses}</ul></section>`);
    }
  }
  const schemas = (doc.components as { schemas: Record<string, JsonSchema> }).schemas;
  const schemaBlocks = Object.entries(schemas)
    .map(
      ([name, s]) =>
        `<h3 id="schema-${name}">${name}</h3><pre>${escapeHtml(JSON.stringify(s, null, 2))}</pre>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(info.title)} — reference</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:960px;margin:0 auto;padding:1.5rem}
header{background:#26374a;color:#fff;padding:1rem 1.5rem}header a{color:#fff}
section{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:0 1rem 1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e6ea;padding:.3rem;text-align:left;vertical-align:top}
pre{background:#fff;border:1px solid #d8dde3;padding:1rem;overflow:auto;font-size:13px}
.m{display:inline-block;border-radius:4px;padding:0 .4rem;color:#fff;font-size:.8em}.get{background:#1a6a3a}.post{background:#1b4f8a}.put{background:#7a4b00}.delete{background:#8a1b1b}
a{color:#1b4f8a}
</style></head><body><header><strong>${escapeHtml(info.title)}</strong> ${escapeHtml(info.version)} ·
<a href="/api/openapi.json">openapi.json</a> · <a href="/">web app</a></header><main>
<p>${escapeHtml(info.description)}</p>
<p>Errors are JSON: <code>{"error": {"field", "problem", "allowed"}, "errors": [...]}</code>. Request bodies are limited in size.</p>
<h2>Operations</h2><ul>${toc.join("")}</ul>${sections.join("\n")}
<h2 id="schemas">Schemas</h2>${schemaBlocks}</main></body></html>`;
}
