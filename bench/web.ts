// The web app's figures: JavaScript sent on first load, gzipped (target < 200 KB), and the time for the
// Draws page to show its cut-off chart in Chromium (cold cache, median of 5 loads).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { build } from "vite";
import { spawnServer } from "../src/server/spawn.js";
import { freePort } from "../src/server/start.js";
import { chromiumArgs, chromiumPath } from "../test/support/chromium.js";

const scratch = mkdtempSync(join(tmpdir(), "ee-bench-web-"));
const webRoot = join(scratch, "web");
await build({
  configFile: "src/web/vite.config.ts",
  logLevel: "warn",
  build: { outDir: webRoot, emptyOutDir: true },
});

// What index.html makes the browser fetch before the first page can run: its module script, the
// chunks it preloads, and the style sheet. Pages other than the calculator and the charts come later.
const html = readFileSync(join(webRoot, "index.html"), "utf8");
const scripts = [
  ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1]!);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
const gzipped = (path: string) => gzipSync(readFileSync(join(webRoot, path)), { level: 9 }).length;
const jsBytes = scripts.reduce((sum, s) => sum + gzipped(s), 0);
const cssBytes = styles.reduce((sum, s) => sum + gzipped(s), 0);
console.log("Web app, first load (the calculator page)");
console.log(
  `  JavaScript, gzipped: ${(jsBytes / 1024).toFixed(1)} KB in ${scripts.length} file(s) (target < 200 KB)`,
);
console.log(`  CSS, gzipped: ${(cssBytes / 1024).toFixed(1)} KB`);

const server = await spawnServer({ port: await freePort(), dataDir: join(scratch, "db"), webRoot });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(`${server.url}/draws`);
    await page.waitForSelector("[data-chart=cutoff][data-ready=true] svg", { timeout: 60_000 });
    const elapsed = performance.now() - start;
    if (i > 0) times.push(elapsed); // the first load warms the server, not the browser cache
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log("Draws page, navigation to the cut-off chart drawn (Chromium, cold browser cache, loopback)");
  console.log(
    `  median ${Math.round(times[2]!)} ms, fastest ${Math.round(times[0]!)} ms, slowest ${Math.round(times[4]!)} ms (5 loads)`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
