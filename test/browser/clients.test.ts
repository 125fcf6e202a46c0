// The clients page in a real browser (Debian's Chromium driven by playwright-core) against the real server
// on a free port with a throwaway embedded database: a client added through the calculator's form shows in
// the table with the CRS the API gives, is edited and removed after a confirmation; the profile never
// enters the page address; the page in French has no English left; axe-core finds nothing serious.
import { beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/web/i18n.js";
import {
  browserAppForFile,
  englishFinder,
  patient,
  seriousViolations,
  typeProfile,
  visibleFrenchText,
} from "../support/browser.js";

const app = browserAppForFile("ee-browser-clients-");
const { open, shot } = app;

interface Listed {
  count: number;
  clients: { label: string; status: { crs: number } }[];
}

/** Stores a client through the API (not the page), as someone else at the firm would. */
const storeClient = (client: { label: string; profile: unknown; notes?: string }) =>
  fetch(`${app.server.url}/api/clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(client),
  });

/** A profile the page can score: 29, a bachelor's, IELTS 8/7/7/7, no work. */
const basicProfile = {
  age: 29,
  education: "bachelors",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
};

const listed = async (): Promise<Listed> =>
  (await fetch(`${app.server.url}/api/clients`)).json() as Promise<Listed>;

describe("clients page", () => {
  it("adds a client through the form, shows the API's CRS, edits it, and removes it after confirming", async () => {
    const page = await open("/clients");
    await expect.poll(() => page.getByTestId("clients-empty").isVisible(), patient).toBe(true);
    await page.getByRole("button", { name: "Add a client" }).click();
    await page.getByLabel("Label (your file number)").fill("F-2026-017");
    await page.getByLabel("Notes").fill("first meeting");
    await typeProfile(page);
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
    const created = await storeClient({ label: "DUP-1", profile: basicProfile });
    expect(created.status).toBe(201);
    const page = await open("/clients");
    await page.getByRole("button", { name: "Add a client" }).click();
    await page.getByLabel("Label (your file number)").fill("DUP-1");
    await typeProfile(page);
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => page.locator("#client-label-error").innerText(), patient)
      .toBe("A client already has this label.");
    expect(await page.locator("#client-label").getAttribute("aria-invalid")).toBe("true");
    expect((await listed()).count).toBe(1);
    await page.close();
    await fetch(`${app.server.url}/api/clients/DUP-1`, { method: "DELETE" });
  });

  it("says why the clients are not shown when the server refuses the host the page was opened at", async () => {
    const page = await app.context.newPage();
    // The server's answer to a page opened at another host name than localhost (test/server-clients.test.ts
    // checks the server gives it); here, what the page makes of it.
    const problem = {
      field: "(host)",
      problem: "the clients are not served to requests addressed to ee.lan",
    };
    await page.route("**/api/clients?**", (route) =>
      route.fulfill({ status: 403, json: { error: problem, errors: [problem] } }),
    );
    await page.goto(`${app.server.url}/clients`, { waitUntil: "networkidle" });
    await expect
      .poll(() => page.getByTestId("clients-error").innerText(), patient)
      .toBe(messages.en["clients.hostRefused"]);
    await page.close();
  });

  it("does not overwrite a change someone saved after the client was opened, and says so", async () => {
    const created = await storeClient({ label: "SHARED-1", profile: basicProfile, notes: "as opened" });
    expect(created.status).toBe(201);
    const page = await open("/clients");
    const row = page.locator('tr[data-label="SHARED-1"]');
    await expect.poll(() => row.isVisible(), patient).toBe(true);
    await row.getByRole("button", { name: "Edit SHARED-1" }).click();
    await expect.poll(() => page.getByLabel("Notes").inputValue(), patient).toBe("as opened");
    // A colleague saves while the form is open.
    const theirs = await fetch(`${app.server.url}/api/clients/SHARED-1`, {
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
    const stored = (await (await fetch(`${app.server.url}/api/clients/SHARED-1`)).json()) as {
      notes: string;
    };
    expect(stored.notes).toBe("their change");
    expect(page.errors.filter((e) => !/409/.test(e))).toEqual([]);
    await page.close();
    await fetch(`${app.server.url}/api/clients/SHARED-1`, { method: "DELETE" });
  });
});

describe("clients page in French, and accessibility", () => {
  const englishIn = englishFinder();

  beforeAll(async () => {
    // A client whose profile proves the CEC (a year of TEER 1 work in Canada), so the table lists streams
    // and rounds, not only "none".
    const res = await storeClient({
      label: "FR-1",
      notes: "dossier ouvert",
      profile: {
        ...basicProfile,
        workHistory: [
          { noc: "21231", from: "2023-09-01", to: "2025-06-30", hoursPerWeek: 40, country: "CA" },
        ],
      },
    });
    expect(res.status).toBe(201);
  });

  it("the check finds English on the English page (so it can fail)", async () => {
    const page = await open("/clients");
    await expect.poll(() => page.locator('tr[data-label="FR-1"]').isVisible(), patient).toBe(true);
    expect(englishIn(await visibleFrenchText(page)).length).toBeGreaterThan(10);
    await page.close();
  });

  it("shows the table and the form in French with no English left", async () => {
    const page = await open("/clients?lang=fr");
    const row = page.locator('tr[data-label="FR-1"]');
    await expect.poll(() => row.isVisible(), patient).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Clients");
    expect(await row.innerText()).toContain("Catégorie de l'expérience canadienne"); // the CEC in French
    expect(englishIn(await visibleFrenchText(page))).toEqual([]);
    await shot(page, "clients-fr");
    await page.getByRole("button", { name: "Ajouter un client" }).click();
    await expect
      .poll(() => page.getByLabel("Référence (votre numéro de dossier)").isVisible(), patient)
      .toBe(true);
    expect(englishIn(await visibleFrenchText(page))).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  for (const [path, openEditor] of [
    ["/clients", false],
    ["/clients", true],
    ["/clients?lang=fr", false],
  ] as const) {
    it(`has no serious or critical violation on ${path}${openEditor ? " with the form open" : ""}`, async () => {
      const page = await open(path);
      await expect.poll(() => page.locator('tr[data-label="FR-1"]').isVisible(), patient).toBe(true);
      if (openEditor) await page.getByRole("button", { name: "Add a client" }).click();
      expect(await seriousViolations(page)).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  }
});
