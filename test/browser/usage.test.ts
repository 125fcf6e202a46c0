// The app as people use it, in a real browser (Debian's Chromium driven by playwright-core) against the real
// server: what a person can enter and read on each page, in English and French, on a laptop (1366×900) and
// on a phone (390×844). Every state reached is also checked with axe-core.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Lang, messages } from "../../src/web/i18n.js";
import { starterProfile } from "../../src/web/profile-state.js";
import { encodeState } from "../../src/web/router.js";
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

      const chances = await openAt(`/chances?p=${profile}`, lang, size);
      await expect.poll(() => badgeOf(chances, lang, "fsw"), patient).toBe(t["chances.eligibleYes"]);
      await accessible(chances);
      await chances.close();
    });
  }
});
