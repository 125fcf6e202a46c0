// The clients page in a real browser (Debian's Chromium driven by playwright-core) against the real server
// on a free port with a throwaway embedded database: a client added through the calculator's form shows in
// the table with the CRS the API gives, is edited and removed after a confirmation; the profile never
// enters the page address; the page in French has no English left; axe-core finds nothing serious.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/start.js";
import { messages } from "../../src/web/i18n.js";
import { chromiumArgs, chromiumPath } from "../support/chromium.js";

const artifacts = join(process.cwd(), "test-artifacts");
const scratch = mkdtempSync(join(tmpdir(), "ee-browser-clients-"));
let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
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
    hostname: "127.0.0.1",
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
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function open(path: string): Promise<Page & { errors: string[] }> {
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") page.errors.push(m.text());
  });
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  return page;
}

/** The machine is shared and slow at times: wait for the page rather than fail. */
const patient = { timeout: 20_000, interval: 100 };

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

interface Listed {
  count: number;
  clients: { label: string; status: { crs: number } }[];
}
const listed = async (): Promise<Listed> =>
  (await fetch(`${server.url}/api/clients`)).json() as Promise<Listed>;

describe("clients page", () => {
  it("adds a client through the form, shows the API's CRS, edits it, and removes it after confirming", async () => {
    const page = await open("/clients");
    await expect.poll(() => page.getByTestId("clients-empty").isVisible(), patient).toBe(true);
    await page.getByRole("button", { name: "Add a client" }).click();
    await page.getByLabel("Label (your file number)").fill("F-2026-017");
    await page.getByLabel("Notes").fill("first meeting");
    await page.getByLabel("Age (completed years)").fill("31");
    await page.getByLabel("Highest level of education").selectOption("two-or-more");
    await page.locator("#first-test").selectOption("ielts");
    await page.locator("#first-listening").fill("8.5");
    await page.locator("#first-reading").fill("7");
    await page.locator("#first-writing").fill("6.5");
    await page.locator("#first-speaking").fill("7");
    await page.getByLabel("Years of skilled work in Canada (last 10 years)").fill("1");
    await page.getByLabel("Years of skilled work outside Canada (last 10 years)").fill("2");
    await page.getByRole("button", { name: "Save" }).click();

    const row = page.locator('tr[data-label="F-2026-017"]');
    await expect.poll(() => row.isVisible(), patient).toBe(true);
    const api = await listed();
    expect(api.clients.map((c) => c.label)).toEqual(["F-2026-017"]);
    const crs = api.clients[0]!.status.crs;
    // A hand check that the form sent what was typed: with no nomination or job offer, well under 600.
    expect(crs).toBeGreaterThan(300);
    expect(crs).toBeLessThan(600);
    expect(await row.getByTestId("client-crs").innerText()).toBe(crs.toLocaleString("en-CA"));
    expect(await row.innerText()).toContain("first meeting");
    // The profile never goes into the address (the calculator's does, as ?p=).
    expect(new URL(page.url()).search).toBe("");
    await shot(page, "clients-en");

    // Edit: ten years older scores fewer age points; the table follows the API.
    await row.getByRole("button", { name: "Edit F-2026-017" }).click();
    await expect.poll(() => page.getByLabel("Age (completed years)").inputValue(), patient).toBe("31");
    await page.getByLabel("Age (completed years)").fill("41");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await listed()).clients[0]?.status.crs, patient).toBeLessThan(crs);
    const edited = (await listed()).clients[0]!.status.crs;
    await expect
      .poll(() => row.getByTestId("client-crs").innerText(), patient)
      .toBe(edited.toLocaleString("en-CA"));
    expect(new URL(page.url()).search).toBe("");

    // Remove: nothing happens until the confirmation.
    await row.getByRole("button", { name: "Remove F-2026-017" }).click();
    const confirm = page.getByTestId("confirm-remove");
    await expect.poll(() => confirm.isVisible(), patient).toBe(true);
    expect((await listed()).count).toBe(1);
    await confirm.getByRole("button", { name: "Yes, remove" }).click();
    await expect.poll(() => page.getByTestId("clients-empty").isVisible(), patient).toBe(true);
    expect((await listed()).count).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("names a label already in use, and keeps the stored client", async () => {
    const body = {
      label: "DUP-1",
      profile: {
        age: 29,
        education: "bachelors",
        firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
      },
    };
    const created = await fetch(`${server.url}/api/clients`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    const page = await open("/clients");
    await page.getByRole("button", { name: "Add a client" }).click();
    await page.getByLabel("Label (your file number)").fill("DUP-1");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => page.locator("#client-label-error").innerText(), patient)
      .toBe("A client already has this label.");
    expect(await page.locator("#client-label").getAttribute("aria-invalid")).toBe("true");
    expect((await listed()).count).toBe(1);
    await page.close();
    await fetch(`${server.url}/api/clients/DUP-1`, { method: "DELETE" });
  });

  it("says why the clients are not shown when the server refuses the host the page was opened at", async () => {
    const page = await context.newPage();
    // The server's answer to a page opened at another host name than localhost (test/server-clients.test.ts
    // checks the server gives it); here, what the page makes of it.
    const problem = {
      field: "(host)",
      problem: "the clients are not served to requests addressed to ee.lan",
    };
    await page.route("**/api/clients?**", (route) =>
      route.fulfill({ status: 403, json: { error: problem, errors: [problem] } }),
    );
    await page.goto(`${server.url}/clients`, { waitUntil: "networkidle" });
    await expect
      .poll(() => page.getByTestId("clients-error").innerText(), patient)
      .toBe(messages.en["clients.hostRefused"]);
    await page.close();
  });

  it("does not overwrite a change someone saved after the client was opened, and says so", async () => {
    const profile = {
      age: 29,
      education: "bachelors",
      firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
    };
    const created = await fetch(`${server.url}/api/clients`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ label: "SHARED-1", profile, notes: "as opened" }),
    });
    expect(created.status).toBe(201);
    const page = await open("/clients");
    const row = page.locator('tr[data-label="SHARED-1"]');
    await expect.poll(() => row.isVisible(), patient).toBe(true);
    await row.getByRole("button", { name: "Edit SHARED-1" }).click();
    await expect.poll(() => page.getByLabel("Notes").inputValue(), patient).toBe("as opened");
    // A colleague saves while the form is open.
    const theirs = await fetch(`${server.url}/api/clients/SHARED-1`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ notes: "their change" }),
    });
    expect(theirs.status).toBe(200);
    await page.getByLabel("Notes").fill("my change");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => page.getByRole("alert").innerText(), patient)
      .toBe(messages.en["clients.changed"]);
    const stored = (await (await fetch(`${server.url}/api/clients/SHARED-1`)).json()) as { notes: string };
    expect(stored.notes).toBe("their change");
    expect(page.errors.filter((e) => !/409/.test(e))).toEqual([]);
    await page.close();
    await fetch(`${server.url}/api/clients/SHARED-1`, { method: "DELETE" });
  });
});

/** Words of the English interface that are not also words of the French one (as test/browser/app.test.ts). */
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
  const common = words([
    "the and with your you from for this that are was were has have been which will would than then there",
    "their they when where what who year years round rounds score scores eligible below above before after",
    "none only points of occupations program programs category skilled work experience canadian",
  ]);
  return new Set([...words(Object.values(messages.en)), ...common].filter((w) => !french.has(w)));
}

/** The text a person sees or a screen reader reads, leaving out what is marked lang="en". */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const markedEnglish = (el: Element) => {
      const marked = el.closest('[lang="en"]');
      return marked !== null && marked !== document.documentElement;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || markedEnglish(parent) || parent.closest("script, noscript, style")) continue;
      if (!parent.checkVisibility()) continue;
      out.push(node.textContent ?? "");
    }
    for (const el of document.querySelectorAll("[aria-label], [title]"))
      if (!markedEnglish(el) && !el.closest('[aria-hidden="true"]'))
        out.push(el.getAttribute("aria-label") ?? "", el.getAttribute("title") ?? "");
    return out.join(" ");
  });

describe("clients page in French, and accessibility", () => {
  const english = englishOnlyWords();
  const englishIn = (text: string) =>
    [...new Set(text.toLowerCase().split(/[^a-zà-ÿ]+/))].filter((w) => english.has(w));

  beforeAll(async () => {
    // A client whose profile proves the CEC (a year of TEER 1 work in Canada), so the table lists streams
    // and rounds, not only "none".
    const res = await fetch(`${server.url}/api/clients`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        label: "FR-1",
        notes: "dossier ouvert",
        profile: {
          age: 29,
          education: "bachelors",
          firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
          workHistory: [
            { noc: "21231", from: "2023-09-01", to: "2025-06-30", hoursPerWeek: 40, country: "CA" },
          ],
        },
      }),
    });
    expect(res.status).toBe(201);
  });

  it("the check finds English on the English page (so it can fail)", async () => {
    const page = await open("/clients");
    await expect.poll(() => page.locator('tr[data-label="FR-1"]').isVisible(), patient).toBe(true);
    expect(englishIn(await visibleText(page)).length).toBeGreaterThan(10);
    await page.close();
  });

  it("shows the table and the form in French with no English left", async () => {
    const page = await open("/clients?lang=fr");
    const row = page.locator('tr[data-label="FR-1"]');
    await expect.poll(() => row.isVisible(), patient).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Clients");
    expect(await row.innerText()).toContain("Catégorie de l'expérience canadienne"); // the CEC in French
    expect(englishIn(await visibleText(page))).toEqual([]);
    await shot(page, "clients-fr");
    await page.getByRole("button", { name: "Ajouter un client" }).click();
    await expect
      .poll(() => page.getByLabel("Référence (votre numéro de dossier)").isVisible(), patient)
      .toBe(true);
    expect(englishIn(await visibleText(page))).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");
  for (const [path, openEditor] of [
    ["/clients", false],
    ["/clients", true],
    ["/clients?lang=fr", false],
  ] as const) {
    it(`has no serious or critical violation on ${path}${openEditor ? " with the form open" : ""}`, async () => {
      const page = await open(path);
      await expect.poll(() => page.locator('tr[data-label="FR-1"]').isVisible(), patient).toBe(true);
      if (openEditor) await page.getByRole("button", { name: "Add a client" }).click();
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
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
      expect(violations).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  }
});
