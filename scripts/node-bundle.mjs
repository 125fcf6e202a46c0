// The esbuild options of the Node bundles (`ee` and the server), shared by scripts/build.mjs and the CLI
// end-to-end tests (test/support/cli.ts), so that the tests run `ee` bundled exactly as `npm run build` does.
export function nodeBundleOptions(outdir) {
  return {
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    splitting: true,
    outdir,
    outExtension: { ".js": ".mjs" },
    sourcemap: false,
    logLevel: "warning",
    loader: { ".csv": "text" },
    banner: {
      js: "import { createRequire as __eeCreateRequire } from 'node:module'; const require = __eeCreateRequire(import.meta.url);",
    },
  };
}
