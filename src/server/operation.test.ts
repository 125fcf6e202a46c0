import { describe, expect, it } from "vitest";
import { jsonWith } from "./operation.js";

describe("jsonWith", () => {
  it("gives the same JSON as the fields spread before the object's, whatever is empty", () => {
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { data: { asOf: "2025-06-01", stale: false } },
        { crs: { total: 480 }, forecast: [1, 2], note: 'é "q"' },
      ],
      [{ data: null }, {}],
      [{}, { a: 1 }],
      [{}, {}],
      [{ a: [1, { b: "}" }] }, { c: "{" }],
    ];
    for (const [fields, object] of cases) {
      const reply = jsonWith(fields, JSON.stringify(object));
      expect(reply).toMatchObject({ kind: "text", contentType: "application/json" });
      expect(reply.kind === "text" && reply.body).toBe(JSON.stringify({ ...fields, ...object }));
    }
  });
});
