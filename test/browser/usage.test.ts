// The app as people use it, in a real browser (Debian's Chromium driven by playwright-core) against the real
// server: what a person can enter and read on each page, in English and French, on a laptop (1366×900) and
// on a phone (390×844). Every state reached is also checked with axe-core.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Lang, messages } from "../../src/web/i18n.js";
import { browserAppForFile, patient, seriousViolations } from "../support/browser.js";

const app = browserAppForFile("ee-browser-usage-");

const sizes = {
  laptop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
type Size = keyof typeof sizes;

const combinations = (["en", "fr"] as const).flatMap((lang) =>
  (Object.keys(sizes) as Size[]).map((size) => [lang, size] as const),
);

/** `path` with the language's parameter added (French only, as the app writes it). */
const inLang = (path: string, lang: Lang) =>
  lang === "en" ? path : `${path}${path.includes("?") ? "&" : "?"}lang=fr`;

/** Opens `path` in `lang` at `size`. */
async function openAt(path: string, lang: Lang, size: Size) {
  const page = await app.open(inLang(path, lang));
  await page.setViewportSize(sizes[size]);
  return page;
}

/** axe-core finds nothing serious, and the page reported no error. */
async function accessible(page: Page & { errors: string[] }) {
  expect(await seriousViolations(page)).toEqual([]);
  expect(page.errors).toEqual([]);
}

/** A program's or category's badge on the chances page ("Eligible", "Cannot tell"…). */
const badgeOf = (page: Page, lang: Lang, stream: string) =>
  page
    .locator("li", { hasText: messages[lang][`stream.${stream}` as keyof (typeof messages)["en"]] })
    .first()
    .locator(".badge")
    .innerText();

/** Adds a job in Canada from `from` (ongoing) through the work-history part of the profile form. */
async function addCanadianJob(page: Page, noc: string, from: string) {
  const history = page.locator("details.history");
  if (!(await history.evaluate((d) => (d as HTMLDetailsElement).open)))
    await history.locator("summary").click();
  await page.locator("#noc-search").fill(noc);
  await page.locator("#noc-results button", { hasText: noc }).first().click();
  const index = (await page.locator("fieldset.period").count()) - 1;
  await page.locator(`#job-${index}-from`).fill(from);
}

describe("settlement funds and family size: FSW can be proven from the form", () => {
  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: the form asks for both, and the chances page then proves FSW`, async () => {
      const t = messages[lang];
      // Before: the reasons name the form's fields, not the API's.
      const before = await openAt("/chances", lang, size);
      await expect.poll(() => badgeOf(before, lang, "fsw"), patient).toBe(t["chances.unknown"]);
      await before.locator("details", { hasText: t["chances.reasons"] }).locator("summary").click();
      const reasons = await before.locator("details", { hasText: t["chances.reasons"] }).innerText();
      expect(reasons).not.toMatch(/settlementFundsCad|familySize|workHistory/);
      expect(reasons).toContain(messages.en["form.settlementFunds"]);
      expect(reasons).toContain(messages.en["form.history"]);
      await accessible(before);
      await before.close();

      const page = await openAt("/?asOf=2025-06-01", lang, size);
      await page.getByLabel(t["form.settlementFunds"]).fill("20000");
      await page.getByLabel(t["form.familySize"]).fill("1");
      await addCanadianJob(page, "21231", "2023-01-01");
      await expect.poll(() => page.url(), patient).toContain("p=");
      await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).not.toBe("—");
      await accessible(page);
      const profile = new URL(page.url()).searchParams.get("p") ?? "";
      await page.close();

      // On the date the profile was made: the proof-of-funds amounts in force from mid-2026 are not in the
      // sources, so on the latest round's date (2026-08-07) FSW is rightly "cannot tell".
      const chances = await openAt(`/chances?p=${profile}&forecastOn=2025-06-01`, lang, size);
      await expect.poll(() => badgeOf(chances, lang, "fsw"), patient).toBe(t["chances.eligibleYes"]);
      await accessible(chances);
      await chances.close();
    });
  }
});

/** Stores a client through the API, as someone else at the firm would. */
const storeClient = async (client: { label: string; profile: unknown }) => {
  const res = await fetch(`${app.server.url}/api/clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(client),
  });
  expect(res.status).toBe(201);
};

/** The element lies within the viewport's width (not off-screen to the right). */
async function inView(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width + 1;
}

describe("clients: every row says what to do next", () => {
  // A nominated client with years of work but no work history: 600 points more, yet no program proven.
  const nominated = {
    age: 29,
    education: "bachelors",
    firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
    canadianWorkYears: 1,
    foreignWorkYears: 3,
    provincialNomination: true,
  };

  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: a client without a work history is told what to add, not shown a row of nothing`, async () => {
      const t = messages[lang];
      const label = `NOM-${lang}-${size}`;
      await storeClient({ label, profile: nominated });
      const page = await openAt("/clients", lang, size);
      const row = page.locator(`tr[data-label="${label}"]`);
      await expect.poll(() => row.isVisible(), patient).toBe(true);
      const next = await row.getByTestId("client-next").innerText();
      expect(next).toContain(t["clients.next.decide"].split(":")[0]!);
      expect(next).toContain(t["stream.pnp"]);
      expect(await row.innerText()).not.toContain(t["clients.noRound"]);
      expect(await row.getByTestId("client-chance").innerText()).toBe(t["clients.chanceNone"]);
      // The decisive cells are on screen, on a phone too.
      expect(await inView(page, `tr[data-label="${label}"] [data-testid=client-next]`)).toBe(true);
      expect(await inView(page, `tr[data-label="${label}"] [data-testid=client-chance]`)).toBe(true);
      await accessible(page);
      await app.shot(page, `clients-${lang}-${size}`);

      // A new client's form is empty and speaks of the client, not of "you".
      await page.getByRole("button", { name: t["clients.add"] }).click();
      await expect.poll(() => page.getByLabel(t["form.age"]).isVisible(), patient).toBe(true);
      expect(await page.getByLabel(t["form.age"]).inputValue()).toBe("");
      expect(await page.locator("#first-listening").inputValue()).toBe("");
      expect(await page.locator(".client-editor legend").allInnerTexts()).toContain(t["form.theClient"]);
      expect(await page.locator(".client-editor legend").allInnerTexts()).not.toContain(t["form.you"]);
      expect(await page.getByTestId("editor-crs").innerText()).toBe(t["clients.fillIn"]);
      // The client's proof of funds can be entered too (FSW and FST need it).
      expect(await page.getByLabel(t["form.settlementFunds"]).isVisible()).toBe(true);
      expect(await page.getByLabel(t["form.familySize"]).isVisible()).toBe(true);
      // Nothing is flagged before Save is tried; everything missing is, after.
      expect(await page.locator(".client-editor [aria-invalid=true]").count()).toBe(0);
      await accessible(page);
      await page.getByLabel(t["clients.label"]).fill(`NEW-${lang}-${size}`);
      await page.getByRole("button", { name: t["clients.save"] }).click();
      await expect
        .poll(() => page.locator(".client-editor [aria-invalid=true]").count(), patient)
        .toBeGreaterThan(0);
      await accessible(page);
      await page.close();
      await fetch(`${app.server.url}/api/clients/${label}`, { method: "DELETE" });
    });
  }
});

describe("advice: no misleading zero, and units that say what they count", () => {
  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: a nomination's chance gained is "cannot tell" while programs are undecided, in percentage points once counted`, async () => {
      const t = messages[lang];
      const nominationGain = (page: Page) =>
        page
          .locator("[data-testid=advice] tr", { hasText: t["advice.nomination"] })
          .locator(`td[data-label="${t["advice.gain"]}"]`)
          .innerText();
      const page = await openAt("/chances", lang, size);
      await page.waitForSelector("[data-testid=advice] tbody tr", patient);
      expect(await nominationGain(page)).toBe(t["advice.gainUnknown"]);
      expect(await page.getByTestId("advice-undecided").isVisible()).toBe(true);
      // CRS points and percentage points are named as such.
      const head = await page.locator("[data-testid=advice] thead").textContent();
      expect(head).toContain(t["advice.points"]);
      expect(t["advice.points"]).toMatch(/CRS|SCG/);
      expect(await inView(page, "[data-testid=advice] tbody tr td:nth-child(4)")).toBe(true);
      await accessible(page);
      await page.close();

      const counted = await openAt("/chances?assume=1", lang, size);
      await counted.waitForSelector("[data-testid=advice] tbody tr", patient);
      expect(await nominationGain(counted)).toMatch(
        lang === "en" ? /^\+[\d.]+ percentage points$/ : /^\+[\d,]+ points de pourcentage$/,
      );
      expect(await counted.getByTestId("advice-undecided").count()).toBe(0);
      await accessible(counted);
      await counted.close();
    });
  }
});

describe("categories in force: each list named once", () => {
  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: a category with two lists in force shows each with its list's year`, async () => {
      const t = messages[lang];
      const page = await openAt("/chances", lang, size);
      const card = page.getByTestId("eligibility");
      await expect.poll(() => card.isVisible(), patient).toBe(true);
      const items = await card
        .locator("h3", { hasText: t["chances.categories"] })
        .locator("xpath=following-sibling::ul[1]/li")
        .allInnerTexts();
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items).size).toBe(items.length);
      const french = items.filter((i) => i.includes(t["stream.french-language-proficiency"]));
      expect(french.length).toBe(2);
      for (const item of french) expect(item).toMatch(lang === "en" ? /\d{4} list/ : /liste de \d{4}/);
      expect(french.some((i) => i.includes(t["chances.listDatesUnconfirmed"]))).toBe(true);
      await accessible(page);
      await page.close();
    });
  }
});

describe("a possibly incomplete score: said once, with its reason and date, alike in both languages", () => {
  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: the notice names the reported change's date and the rules applied`, async () => {
      const t = messages[lang];
      const page = await openAt("/?asOf=2026-12-01", lang, size);
      await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).not.toBe("—");
      const text = await page.locator("main").innerText();
      expect(text.split(t["calc.incomplete"]).length - 1).toBe(1);
      const notice = page.locator(".score-card [role=note]", { hasText: t["calc.incomplete"] });
      expect(await notice.count()).toBe(1);
      const date = new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-CA", {
        dateStyle: "long",
        timeZone: "UTC",
      }).format(new Date("2026-11-03T12:00:00Z"));
      expect(await notice.innerText()).toContain(date);
      expect(await notice.innerText()).toContain("IRCC");
      // The engine's English sentence is not shown beside it.
      expect(text).not.toContain("this score uses the rule set");
      // Before the reported change, no notice.
      const earlier = await openAt("/?asOf=2025-06-01", lang, size);
      await expect.poll(() => earlier.getByTestId("crs-total").innerText(), patient).not.toBe("—");
      expect(await earlier.locator("main").innerText()).not.toContain(t["calc.incomplete"]);
      await accessible(page);
      await earlier.close();
      await page.close();
    });
  }
});

describe("draws: an empty result says so", () => {
  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: reversed dates and a filter with no round are named, with no empty chart`, async () => {
      const t = messages[lang];
      const reversed = await openAt("/draws?from=2025-06-01&to=2024-01-01", lang, size);
      const empty = reversed.getByTestId("draws-empty");
      await expect.poll(() => empty.isVisible(), patient).toBe(true);
      expect(await empty.innerText()).toContain(t["draws.reversed"].split("(")[0]!.trim());
      expect(await reversed.locator("#to").getAttribute("aria-invalid")).toBe("true");
      expect(await reversed.locator("[data-chart=cutoff], [data-chart=monthly]").count()).toBe(0);
      expect(await reversed.getByTestId("rounds-table").count()).toBe(0);
      await accessible(reversed);
      await reversed.close();

      // STEM rounds began in 2023: none before.
      const none = await openAt("/draws?stream=stem&from=2015-01-01&to=2022-12-31", lang, size);
      const noneText = none.getByTestId("draws-empty");
      await expect.poll(() => noneText.isVisible(), patient).toBe(true);
      expect(await noneText.innerText()).toContain(t["stream.stem"]);
      expect(await none.locator("[data-chart=cutoff], [data-chart=monthly]").count()).toBe(0);
      await accessible(none);
      await none.getByRole("button", { name: t["draws.clearFilters"] }).click();
      await expect.poll(() => none.getByTestId("rounds-table").isVisible(), patient).toBe(true);
      await none.close();
    });
  }
});

describe("the cut-off chart: no line across a pause, no cut-off under the axis", () => {
  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: CEC's and PNP's pauses split their lines; the lowest cut-off is within the axis`, async () => {
      const linePaths = (page: Page) =>
        page.locator('[data-chart=cutoff] svg g[aria-label="line"] path').count();
      const chartReady = (page: Page) =>
        page.waitForSelector("[data-chart=cutoff][data-ready=true] svg", patient);
      for (const stream of ["cec", "pnp"]) {
        const page = await openAt(`/draws?stream=${stream}`, lang, size);
        await chartReady(page);
        // One stream, so more than one path means the line is broken at the pause.
        expect(await linePaths(page)).toBeGreaterThan(1);
        await page.close();
      }
      const page = await openAt("/draws", lang, size);
      await chartReady(page);
      const rounds = (
        (await (await fetch(`${app.server.url}/api/draws`)).json()) as {
          rounds: { cutoff: number }[];
        }
      ).rounds;
      const lowest = Math.min(...rounds.map((r) => r.cutoff));
      const ticks = (
        await page.locator('[data-chart=cutoff] svg g[aria-label="y-axis tick label"] text').allTextContents()
      ).map((text) => Number(text.replace(/\D/g, "")));
      expect(Math.min(...ticks)).toBeLessThanOrEqual(lowest);
      await accessible(page);
      await page.close();
    });
  }
});

describe("unknown pages and page titles", () => {
  it("answers 404 (with the app, which says so) at an address the app has no page for, 200 at its pages", async () => {
    const status = async (path: string) => (await fetch(`${app.server.url}${path}`)).status;
    for (const path of [
      "/",
      "/draws",
      "/draws/",
      "/chances",
      "/clients",
      "/rounds/379",
      "/rounds/91a",
      "/?lang=fr",
    ])
      expect(await status(path), path).toBe(200);
    for (const path of ["/no-such-page", "/rounds/abc", "/draws/2025", "/assets/missing.js"])
      expect(await status(path), path).toBe(404);
    const body = await (await fetch(`${app.server.url}/no-such-page`)).text();
    expect(body).toContain('<div id="app">');
  });

  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: an unknown address shows a "page not found" heading and title`, async () => {
      const t = messages[lang];
      const page = await openAt("/no-such-page", lang, size);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).innerText(), patient)
        .toBe(t["notFound.title"]);
      expect(await page.title()).toBe(`${t["notFound.title"]} — ${t["app.name"]}`);
      expect(await seriousViolations(page)).toEqual([]);
      // The one error is the page's own 404, as the browser reports it.
      expect(page.errors.filter((e) => !e.includes("status of 404"))).toEqual([]);
      await page.close();
      const calculator = await openAt("/", lang, size);
      await expect.poll(() => calculator.title(), patient).toBe(`${t["nav.calculator"]} — ${t["app.name"]}`);
      // The work history opened, before any search: axe finds nothing (aria-controls names a real element).
      await calculator.locator("details.history summary").click();
      await expect.poll(() => calculator.locator("#noc-search").isVisible(), patient).toBe(true);
      await accessible(calculator);
      await calculator.close();
    });
  }
});

describe("layout on a phone and a laptop", () => {
  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: a thin header, steady checkboxes, whole dates in the page's format, tables in view`, async () => {
      const t = messages[lang];
      const page = await openAt("/?asOf=2025-06-01", lang, size);
      await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).not.toBe("—");
      const header = await page.locator("header.top").boundingBox();
      expect(header?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(sizes[size].height * 0.2);
      // Every checkbox the same size, whether its label fits on one line or wraps.
      const boxes = await page
        .locator('.check input[type="checkbox"]')
        .evaluateAll((inputs) => inputs.map((i) => Math.round(i.getBoundingClientRect().width)));
      expect(new Set(boxes).size).toBe(1);
      // Dates are written YYYY-MM-DD (AAAA-MM-JJ) in both languages, whatever the browser's own format.
      const asOf = page.locator("#asOf");
      expect(await asOf.getAttribute("type")).toBe("text");
      expect(await asOf.getAttribute("placeholder")).toBe(t["form.dateFormat"]);
      expect(await asOf.inputValue()).toBe("2025-06-01");
      // A job's dates fit their fields.
      await addCanadianJob(page, "21231", "2023-01-01");
      const from = page.locator("#job-0-from");
      expect(await from.evaluate((i) => i.scrollWidth <= i.clientWidth)).toBe(true);
      expect((await from.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(120);
      await accessible(page);
      await app.shot(page, `calculator-${lang}-${size}`);
      await page.close();

      // The forecast's decisive column (the expected cut-off) is on screen.
      const chances = await openAt("/chances", lang, size);
      await chances.waitForSelector("[data-testid=forecast] tbody tr", patient);
      expect(await inView(chances, "[data-testid=forecast] tbody tr td:nth-child(3)")).toBe(true);
      await accessible(chances);
      await app.shot(chances, `chances-${lang}-${size}`);
      await chances.close();
    });
  }
});

describe("where the answers go, said exactly", () => {
  for (const [lang, size] of combinations) {
    it(`${lang}, ${size}: typing sends nothing; "Your chances" posts the profile, and both pages say so`, async () => {
      const t = messages[lang];
      const page = await openAt("/?asOf=2025-06-01", lang, size);
      const sent: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/api/")) sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
      });
      await page.getByLabel(t["form.age"]).fill("33");
      await expect.poll(() => new URL(page.url()).searchParams.get("p") !== null, patient).toBe(true);
      expect(sent).toEqual([]);
      const text = await page.locator("main").innerText();
      expect(text).not.toMatch(/never sent anywhere|envoyées nulle part/);
      expect(await page.getByTestId("calc-privacy").innerText()).toContain(t["nav.chances"]);
      await accessible(page);
      await page.close();

      const chances = await openAt("/chances", lang, size);
      expect(await chances.getByTestId("chances-sent").innerText()).toBe(t["chances.sent"]);
      await accessible(chances);
      await chances.close();
    });
  }
});
