// Bundles the CLI and the server with esbuild (our code only; packages stay external) so that
// `npx ee` starts fast, and builds the web app with Vite when it exists.
import { existsSync } from "node:fs";
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  splitting: true,
  outdir: "dist",
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
  const { build: viteBuild } = await import("vite");
  await viteBuild({ configFile: "src/web/vite.config.ts", logLevel: "warn" });
}
