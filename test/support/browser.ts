// What the browser tests share: the web app built from the sources being tested, served by the real server
// on a free port with a throwaway embedded database, Debian's Chromium (driven by playwright-core) with a
// private profile, pages opened with their errors collected, and the French and axe-core checks.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type RunningServer, startServer } from "../../src/server/start.js";
import { messages } from "../../src/web/i18n.js";
import { chromiumArgs, chromiumPath } from "./chromium.js";

/** A page with the errors it reported (uncaught exceptions and console errors) since it was opened. */
export type OpenedPage = Page & { errors: string[] };

export interface BrowserApp {
  readonly server: RunningServer;
  readonly context: BrowserContext;
  /** Where screenshots go (test-artifacts/). */
  readonly artifacts: string;
  /** Opens `path` on the server in a new page and waits until the network is idle. */
  open(path: string): Promise<OpenedPage>;
  /** Saves a full-page screenshot as `<artifacts>/<name>.png`. */
  shot(page: Page, name: string): Promise<Buffer>;
  /** Closes the browser and the server and removes the scratch folder. */
  close(): Promise<void>;
}

/** The machine is shared and slow at times: wait for the page rather than fail. */
export const patient = { timeout: 20_000, interval: 100 };

/** Builds the web app, starts the server and the browser in a new scratch folder named `scratchPrefix…`. */
export async function startBrowserApp(scratchPrefix: string): Promise<BrowserApp> {
  const artifacts = join(process.cwd(), "test-artifacts");
  const scratch = mkdtempSync(join(tmpdir(), scratchPrefix));
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    // Build the web app from the sources being tested (not a possibly stale dist/).
    const webRoot = join(scratch, "web");
    const { build } = await import("vite");
    await build({
      configFile: "src/web/vite.config.ts",
      logLevel: "warn",
      build: { outDir: webRoot, emptyOutDir: true },
    });
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      dataDir: join(scratch, "db"),
      webRoot,
      logError: () => {},
    });
    context = await chromium.launchPersistentContext(join(scratch, "profile"), {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: "en-CA",
    });
    mkdirSync(artifacts, { recursive: true });
  } catch (error) {
    await close();
    throw error;
  }
  const running = { server, context };
  return {
    ...running,
    artifacts,
    close,
    async open(path) {
      const page = (await running.context.newPage()) as OpenedPage;
      page.errors = [];
      page.on("pageerror", (e) => page.errors.push(e.message));
      // Console errors include content-security-policy violations and failed requests.
      page.on("console", (m) => {
        if (m.type() === "error") page.errors.push(m.text());
      });
      await page.goto(`${running.server.url}${path}`, { waitUntil: "networkidle" });
      return page;
    },
    shot: (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true }),
  };
}

/**
 * Registers hooks that start the app (startBrowserApp) before the file's tests and close it after them;
 * the handle it returns works inside the tests.
 */
export function browserAppForFile(scratchPrefix: string): BrowserApp {
  let app: BrowserApp | undefined;
  beforeAll(async () => {
    app = await startBrowserApp(scratchPrefix);
  }, 180_000);
  afterAll(() => app?.close());
  const started = () => {
    if (!app) throw new Error("the browser app has not started: use it inside a test");
    return app;
  };
  return {
    get server() {
      return started().server;
    },
    get context() {
      return started().context;
    },
    get artifacts() {
      return started().artifacts;
    },
    open: (path) => started().open(path),
    shot: (page, name) => started().shot(page, name),
    close: async () => {
      await app?.close();
      app = undefined;
    },
  };
}

/** The profile the browser tests type into the profile form (the calculator's, also the clients page's). */
export const typedProfile = {
  age: 31,
  education: "two-or-more",
  firstLanguage: { test: "ielts", listening: 8.5, reading: 7, writing: 6.5, speaking: 7 },
  canadianWorkYears: 1,
  foreignWorkYears: 2,
} as const;

/** Types typedProfile into the profile form on the page, field by field as a person would. */
export async function typeProfile(page: Page): Promise<void> {
  const { age, education, firstLanguage: language } = typedProfile;
  await page.getByLabel("Age (completed years)").fill(String(age));
  await page.getByLabel("Highest level of education").selectOption(education);
  await page.locator("#first-test").selectOption(language.test);
  await page.locator("#first-listening").fill(String(language.listening));
  await page.locator("#first-reading").fill(String(language.reading));
  await page.locator("#first-writing").fill(String(language.writing));
  await page.locator("#first-speaking").fill(String(language.speaking));
  await page
    .getByLabel("Years of skilled work in Canada (last 10 years)")
    .fill(String(typedProfile.canadianWorkYears));
  await page
    .getByLabel("Years of skilled work outside Canada (last 10 years)")
    .fill(String(typedProfile.foreignWorkYears));
}

/** Words of the English interface that are not also words of the French one. */
function englishOnlyWords(): Set<string> {
  const words = (texts: string[]) =>
    new Set(
      texts
        .join(" ")
        .toLowerCase()
        .split(/[^a-zà-ÿ']+/)
        .flatMap((w) => w.split("'"))
        .filter((w) => w.length >= 3),
    );
  const french = words(Object.values(messages.fr));
  // Common English words too, so that English from outside the dictionary (the engine's own messages,
  // published names not marked as such) is caught as well.
  const common = words([
    "the and with your you from for this that are was were has have been which will would than then there",
    "their they when where what who year years round rounds score scores eligible below above before after",
    "none only points of occupations program programs category skilled work experience canadian",
  ]);
  return new Set([...words(Object.values(messages.en)), ...common].filter((w) => !french.has(w)));
}

/** Returns a function listing the English-only words (see englishOnlyWords) found in a text. */
export function englishFinder(): (text: string) => string[] {
  const english = englishOnlyWords();
  return (text) => [...new Set(text.toLowerCase().split(/[^a-zà-ÿ]+/))].filter((w) => english.has(w));
}

/**
 * The text a person sees or a screen reader reads (visually hidden text included), leaving out what is
 * marked lang="en" (names IRCC publishes in English only) and what is never rendered (noscript).
 */
export const visibleFrenchText = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    // Marked English inside the page (the page's own <html lang> does not count).
    const markedEnglish = (el: Element) => {
      const marked = el.closest('[lang="en"]');
      return marked !== null && marked !== document.documentElement;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || markedEnglish(parent) || parent.closest("script, noscript")) continue;
      // Style sheets, including those Plot puts inside its SVG (closest() does not see SVG <style>).
      if (parent.tagName.toLowerCase() === "style") continue;
      if (!parent.checkVisibility()) continue;
      out.push(node.textContent ?? "");
    }
    // Attributes people meet too: labels for assistive technology and tooltips.
    for (const el of document.querySelectorAll("[aria-label], [title]"))
      if (!markedEnglish(el) && !el.closest('[aria-hidden="true"]'))
        out.push(el.getAttribute("aria-label") ?? "", el.getAttribute("title") ?? "");
    return out.join(" ");
  });

const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** axe-core's serious and critical violations on the page, as `id: first targets`. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's content security policy forbids inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run();
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
  });
}
