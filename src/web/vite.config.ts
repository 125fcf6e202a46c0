// Builds the web app from src/web into dist/web (served by the API server). Preact's JSX runtime;
// pages other than the calculator and the charts library are split into chunks loaded on demand.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: process.env.EE_WEB_OUT_DIR ?? here("../../dist/web"),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { "/api": "http://localhost:8080", "/healthz": "http://localhost:8080" } },
});
