// Bundles the CLI and the server with esbuild (our code only; packages stay external) so that
// `npx ee` starts fast, and builds the web app with Vite when it exists.
// EE_DIST_DIR builds elsewhere than dist/ (the build's own test); EE_SKIP_WEB_BUILD skips Vite.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { nodeBundleOptions } from "./node-bundle.mjs";

const outdir = process.env.EE_DIST_DIR || "dist";

// Whatever this build did not write is removed from the output folder afterwards: a folder that holds a
// project (a mistyped EE_DIST_DIR=.) would lose it, so such a folder is refused before anything is done.
const notABuildFolder = ["package.json", ".git", "src", "node_modules"].filter((name) =>
  existsSync(join(outdir, name)),
);
if (notABuildFolder.length > 0) {
  process.stderr.write(
    `error: EE_DIST_DIR: ${resolve(outdir)} holds ${notABuildFolder.join(", ")}, not a build (allowed: an empty folder or a previous build's); nothing was built or removed\n`,
  );
  process.exit(2);
}
mkdirSync(outdir, { recursive: true });

const entryPoints = { ee: "src/cli/main.ts" };
if (existsSync("src/server/main.ts")) entryPoints.server = "src/server/main.ts";
// The server's worker threads load this file, found beside the bundle (src/server/heavy/pool.ts).
if (existsSync("src/server/heavy/worker.ts")) entryPoints["heavy-worker"] = "src/server/heavy/worker.ts";
const { metafile } = await build({ ...nodeBundleOptions(outdir), entryPoints, metafile: true });

// esbuild names its chunks by content hash and never deletes one, so every build used to leave the
// previous build's chunks behind (hundreds of them). They are removed once the new files are written, so
// that dist/ee.mjs is never missing while a build runs (an `ee` started meanwhile still finds it). web/ is
// kept: Vite empties that one itself when it builds it, and it must survive EE_SKIP_WEB_BUILD.
const written = new Set(Object.keys(metafile.outputs).map((file) => resolve(file)));
for (const entry of readdirSync(outdir))
  if (entry !== "web" && !written.has(resolve(outdir, entry)))
    rmSync(join(outdir, entry), { recursive: true, force: true });

if (existsSync("src/web/index.html") && !process.env.EE_SKIP_WEB_BUILD) {
  if (process.env.EE_DIST_DIR && !process.env.EE_WEB_OUT_DIR)
    process.env.EE_WEB_OUT_DIR = resolve(outdir, "web");
  const { build: viteBuild } = await import("vite");
  await viteBuild({ configFile: "src/web/vite.config.ts", logLevel: "warn" });
}
