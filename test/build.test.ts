// `npm run build` (scripts/build.mjs) empties its output folder first: esbuild names chunks by content
// hash and never removes one, so stale chunks used to pile up by the hundred. Built here into a private
// folder (EE_DIST_DIR) so that the shared dist/ is left alone.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

mkdirSync("node_modules/.cache", { recursive: true });
// Inside the repository, so that the bundle's external packages resolve from node_modules.
const outDir = mkdtempSync(join("node_modules/.cache", "ee-build-test-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const buildInto = () =>
  spawnSync(process.execPath, ["scripts/build.mjs"], {
    env: { ...process.env, EE_DIST_DIR: outDir, EE_SKIP_WEB_BUILD: "1" },
    encoding: "utf8",
  });

describe("scripts/build.mjs", () => {
  it("removes the previous build's leftovers, keeps the web app, and the CLI it writes runs", () => {
    writeFileSync(join(outDir, "chunk-STALE123.mjs"), "export {};");
    mkdirSync(join(outDir, "old-folder"));
    writeFileSync(join(outDir, "old-folder", "x.mjs"), "");
    mkdirSync(join(outDir, "web"));
    writeFileSync(join(outDir, "web", "index.html"), "<!doctype html>");

    const first = buildInto();
    expect(first.status, first.stderr).toBe(0);
    const files = readdirSync(outDir);
    expect(files).not.toContain("chunk-STALE123.mjs");
    expect(files).not.toContain("old-folder");
    expect(files).toContain("ee.mjs");
    expect(files).toContain("server.mjs");
    // The server's worker threads load it from beside the bundle (src/server/heavy/pool.ts).
    expect(files).toContain("heavy-worker.mjs");
    // web/ is Vite's to empty (it does so when it builds), and this build skipped Vite.
    expect(existsSync(join(outDir, "web", "index.html"))).toBe(true);

    // A second build of the same sources leaves exactly the same files: nothing accumulates.
    const second = buildInto();
    expect(second.status, second.stderr).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual([...files].sort());

    const help = spawnSync(process.execPath, [join(outDir, "ee.mjs"), "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("crs");
  });

  it("refuses an output folder that holds a project, and removes nothing from it", () => {
    const project = mkdtempSync(join("node_modules/.cache", "ee-build-project-"));
    try {
      writeFileSync(join(project, "package.json"), "{}");
      writeFileSync(join(project, "notes.md"), "mine");
      const refused = spawnSync(process.execPath, ["scripts/build.mjs"], {
        env: { ...process.env, EE_DIST_DIR: project, EE_SKIP_WEB_BUILD: "1" },
        encoding: "utf8",
      });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^error: EE_DIST_DIR: .* holds package\.json, not a build/);
      expect(readdirSync(project).sort()).toEqual(["notes.md", "package.json"]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
