// The built web app (dist/web), loaded into memory once with a gzip copy of each file, so serving it
// costs no disk access. Unknown paths that are not files get index.html: the app routes by URL (with a 404
// status where the app's index.html declares no page, see appHasPage).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

export interface Asset {
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
  contentType: string;
  /** Vite names assets by content hash: they can be cached for a year. */
  immutable: boolean;
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Reads every file under `root` (keys are URL paths such as `/assets/index-abc.js`). */
export function loadAssets(root: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(join(root, "index.html"))) return assets;
  for (const file of walk(root)) {
    const urlPath = `/${relative(root, file).split(sep).join("/")}`;
    // Copied into plain ArrayBuffers: the form Response bodies accept.
    const body = new Uint8Array(readFileSync(file));
    const contentType = contentTypes[extname(file)] ?? "application/octet-stream";
    const compressible = /text|json|svg|javascript/.test(contentType) && body.length > 512;
    assets.set(urlPath, {
      body,
      gzip: compressible ? new Uint8Array(gzipSync(body, { level: 9 })) : null,
      contentType,
      immutable: urlPath.startsWith("/assets/"),
    });
  }
  return assets;
}

const pagePatterns = new WeakMap<Asset, RegExp[] | null>();

/**
 * Whether the web app has a page at `path`, from the list its index.html declares (`<meta name="app-pages">`,
 * one pattern per page): another address is answered with index.html and a 404, the app saying "page not
 * found". An index.html without the list has a page everywhere, as before.
 */
export function appHasPage(index: Asset, path: string): boolean {
  let patterns = pagePatterns.get(index);
  if (patterns === undefined) {
    const html = new TextDecoder().decode(index.body);
    const content = /<meta name="app-pages" content="([^"]*)"/.exec(html)?.[1];
    patterns = content ? content.split(/\s+/).map((source) => new RegExp(source)) : null;
    pagePatterns.set(index, patterns);
  }
  const page = path.replace(/\/+$/, "") || "/";
  return patterns === null || patterns.some((pattern) => pattern.test(page));
}
