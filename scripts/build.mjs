// Bundles the CLI and the server with esbuild (our code only; packages stay external) so that
// `npx ee` starts fast, and builds the web app with Vite when it exists.
// EE_DIST_DIR builds elsewhere than dist/ (the build's own test); EE_SKIP_WEB_BUILD skips Vite.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const outdir = process.env.EE_DIST_DIR || "dist";

// esbuild names its chunks by content hash and never deletes one, so every build used to leave the
// previous build's chunks behind (hundreds of them). Everything in the output folder is ours to remove,
// except web/: Vite empties that one itself when it builds it, and it must survive EE_SKIP_WEB_BUILD.
mkdirSync(outdir, { recursive: true });
for (const entry of readdirSync(outdir))
  if (entry !== "web") rmSync(join(outdir, entry), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  splitting: true,
  outdir,
  sourcemap: false,
  logLevel: "warning",
  loader: { ".csv": "text" },
  banner: {
    js: "import { createRequire as __eeCreateRequire } from 'node:module'; const require = __eeCreateRequire(import.meta.url);",
  },
};

const entryPoints = { ee: "src/cli/main.ts" };
if (existsSync("src/server/main.ts")) entryPoints.server = "src/server/main.ts";
await build({ ...common, entryPoints, outExtension: { ".js": ".mjs" } });

if (existsSync("src/web/index.html") && !process.env.EE_SKIP_WEB_BUILD) {
  if (process.env.EE_DIST_DIR && !process.env.EE_WEB_OUT_DIR)
    process.env.EE_WEB_OUT_DIR = resolve(outdir, "web");
  const { build: viteBuild } = await import("vite");
  await viteBuild({ configFile: "src/web/vite.config.ts", logLevel: "warn" });
}
