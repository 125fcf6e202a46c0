// The web app in a real browser (Debian's Chromium driven by playwright-core), against the real server
// on a free port with a throwaway embedded database: the calculator against the engine, one profile
// scored the same by the CLI, the API and the page, round 379's page, French with no English left,
// the forecast chart, and axe-core on every page. Screenshots go to test-artifacts/.
import { spawnSync } from "node:child_process";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { profile as profileSchema } from "../../src/profile/schema.js";
import { scoreProfile } from "../../src/rules/index.js";
import { starterProfile } from "../../src/web/profile-state.js";
import { decodeState, encodeState } from "../../src/web/router.js";
import {
  browserAppForFile,
  englishFinder,
  patient,
  seriousViolations,
  typedProfile,
  typeProfile,
  visibleFrenchText,
} from "../support/browser.js";

const app = browserAppForFile("ee-browser-");
const { open, shot } = app;

/** Waits until every chart on the page has drawn its SVG. */
async function chartsDrawn(page: Page) {
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll("[data-chart]")];
    return (
      charts.length > 0 &&
      charts.every((c) => c.getAttribute("data-ready") === "true" && c.querySelector("svg"))
    );
  });
}

// A profile worked by hand in test/server.test.ts (429 on 2025-06-01); here with a spouse and French
// as well, so that more of the engine is crossed.
const fullProfile = {
  age: 34,
  education: "masters",
  canadianEducation: "one-or-two-year",
  firstLanguage: { test: "celpip", listening: 9, reading: 8, writing: 9, speaking: 10 },
  secondLanguage: {
    test: "tef",
    testedOn: "2024-05-01",
    listening: 500,
    reading: 450,
    writing: 420,
    speaking: 430,
  },
  canadianWorkYears: 2,
  foreignWorkYears: 1,
  siblingInCanada: true,
  spouse: { accompanying: true, canadianCitizenOrPR: false, education: "bachelors", canadianWorkYears: 1 },
  assessedOn: "2025-06-01",
};

describe("calculator", () => {
  it("shows the engine's score for a profile typed into the form, updating as you type", async () => {
    const page = await open("/?asOf=2025-06-01");
    await typeProfile(page);
    await page.getByLabel("Provincial or territorial nomination").check();
    const expected = scoreProfile(
      profileSchema.parse({
        ...typedProfile,
        provincialNomination: true,
        assessedOn: "2025-06-01",
      }),
    );
    await expect
      .poll(() => page.getByTestId("crs-total").innerText(), patient)
      .toBe(expected.total.toLocaleString("en-CA"));
    // The nomination alone is worth 600 under every rule set, so this total cannot be a stale one.
    expect(expected.additional.provincialNomination).toBe(600);
    // The state is in the URL: reopening the link shows the same score.
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await again.getByTestId("crs-total").innerText()).toBe(expected.total.toLocaleString("en-CA"));
    await shot(page, "calculator-en");
    await again.close();
    await page.close();
  });

  it("scores a date of birth like the age it gives on the assessment date, and names age when both disagree", async () => {
    // The starter profile (bachelor's, IELTS 8/7/7/7, 3 years abroad) on 2025-06-01, single.
    const starter = {
      education: "bachelors",
      firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7 },
      foreignWorkYears: 3,
      assessedOn: "2025-06-01",
    };
    const totalAt = (age: number) =>
      scoreProfile(profileSchema.parse({ ...starter, age })).total.toLocaleString("en-CA");
    // 30 is worth 105 points, 31 only 99 (single column): the two totals differ by 6.
    expect(scoreProfile(profileSchema.parse({ ...starter, age: 30 })).total).toBe(
      scoreProfile(profileSchema.parse({ ...starter, age: 31 })).total + 6,
    );
    const page = await open("/?asOf=2025-06-01");
    await page.getByLabel("Age (completed years)").fill("");
    // Born 1994-06-02: the 31st birthday is the day after the assessment, so 30.
    await page.getByLabel("Date of birth").fill("1994-06-02");
    await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).toBe(totalAt(30));
    expect(await page.getByText(/^30 years old\./).count()).toBe(1);
    // Born one day earlier: 31 on the day.
    await page.getByLabel("Date of birth").fill("1994-06-01");
    await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).toBe(totalAt(31));
    // Both, disagreeing: no score, and the age field says the age the birth date gives.
    await page.getByLabel("Age (completed years)").fill("29");
    await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).toBe("—");
    expect(await page.locator("#age").getAttribute("aria-invalid")).toBe("true");
    // The error names the disagreement, never the submitted date or the age it gives.
    expect(await page.locator("#age-error").innerText()).toContain("Does not agree with birthDate");
    await page.close();
  });

  it("keeps the date of birth out of the page's address (a shared link carries the age on the date), and says so", async () => {
    const profileInUrl = (page: Page) => {
      const text = JSON.stringify(decodeState(new URL(page.url()).searchParams.get("p") ?? ""));
      return { text, profile: JSON.parse(text) as { age?: number; birthDate?: string } };
    };
    const page = await open("/?asOf=2025-06-01");
    await page.getByLabel("Age (completed years)").fill("");
    await page.getByLabel("Date of birth").fill("1994-06-02");
    await expect.poll(() => profileInUrl(page).profile.age, patient).toBe(30);
    expect(profileInUrl(page).text).not.toContain("birthDate");
    expect(profileInUrl(page).text).not.toContain("1994");
    expect(page.url()).not.toContain("1994");
    // The form says where the date goes; the age field shows the age the URL carries.
    expect(await page.locator("#birthDate-hint").innerText()).toContain("stays on this page only");
    expect(await page.locator("#age").inputValue()).toBe("30");
    // Another answer changed: still no date in the address, and the date is still in the form.
    await page.getByLabel("Brother or sister in Canada", { exact: false }).first().check();
    await expect.poll(() => profileInUrl(page).text, patient).toContain("siblingInCanada");
    expect(profileInUrl(page).text).not.toContain("1994");
    expect(await page.getByLabel("Date of birth").inputValue()).toBe("1994-06-02");
    // A new assessment date: the age in the address is the one on that date (31 on the 31st birthday).
    await page.getByLabel("Score as of").fill("2025-06-02");
    await expect.poll(() => profileInUrl(page).profile.age, patient).toBe(31);
    // The copied link, opened elsewhere, scores the same without ever holding the date.
    const total = await page.getByTestId("crs-total").innerText();
    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await expect.poll(() => shared.getByTestId("crs-total").innerText(), patient).toBe(total);
    expect(await shared.getByLabel("Date of birth").inputValue()).toBe("");
    await shared.close();
    await page.close();
  });

  it("forgets the date of birth when the profile is replaced: Start over scores the starter profile (29)", async () => {
    const page = await open("/?asOf=2025-06-01");
    const starterTotal = await page.getByTestId("crs-total").innerText();
    await page.getByLabel("Age (completed years)").fill("");
    await page.getByLabel("Date of birth").fill("1994-06-02"); // 30 on 2025-06-01
    await expect.poll(() => page.locator("#age").inputValue(), patient).toBe("30");
    await page.getByRole("link", { name: "Start over" }).click();
    // The starter's age, no date of birth left to disagree with it, and its score.
    await expect.poll(() => page.locator("#age").inputValue(), patient).toBe("29");
    expect(await page.getByLabel("Date of birth").inputValue()).toBe("");
    await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).toBe(starterTotal);
    await page.close();
  });

  it("rewrites an older link that holds a date of birth: the date moves into the page, the address keeps the age", async () => {
    const p = encodeState({ ...starterProfile, age: undefined, birthDate: "1994-06-02" });
    const page = await open(`/?asOf=2025-06-01&p=${p}`);
    await expect.poll(() => page.url(), patient).not.toContain(p);
    const inUrl = decodeState(new URL(page.url()).searchParams.get("p") ?? "") as Record<string, unknown>;
    expect(inUrl.birthDate).toBeUndefined();
    expect(inUrl.age).toBe(30);
    expect(await page.getByLabel("Date of birth").inputValue()).toBe("1994-06-02");
    await page.close();
  });

  it("names the bad answer instead of showing a score", async () => {
    const page = await open("/?asOf=2025-06-01");
    await page.locator("#first-reading").fill("9.7");
    await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).toBe("—");
    expect(await page.locator("#first-reading").getAttribute("aria-invalid")).toBe("true");
    await page.close();
  });
});

describe("work history", () => {
  it("finds an occupation by title, adds the job, and the chances page judges the CEC from it", async () => {
    const page = await open("/?asOf=2025-06-01");
    await page.getByText("Work history (for program eligibility)").click();
    await page.getByLabel("Occupation title or NOC code").fill("software engineers");
    await page.getByRole("button", { name: /21231/ }).click();
    await page.locator("#job-0-from").fill("2023-01-01");
    await expect.poll(() => page.getByTestId("crs-total").innerText(), patient).not.toBe("—");
    // Two years and more of full-time work in Canada in a TEER 1 job with CLB 9 (the starter profile's
    // IELTS 8/7/7/7): the CEC's 12 months and CLB 7 are met.
    await page.getByRole("link", { name: "Your chances" }).click();
    await expect
      .poll(
        () =>
          page.locator("li", { hasText: "Canadian Experience Class" }).first().locator(".badge").innerText(),
        patient,
      )
      .toBe("Eligible");
    await page.close();
  });
});

describe("one profile, one score", () => {
  it("scores the same in the CLI, the API and the page", async () => {
    const cli = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "crs", "-", "--json"], {
      input: JSON.stringify(fullProfile),
      encoding: "utf8",
    });
    expect(cli.status, cli.stderr).toBe(0);
    const cliTotal = (JSON.parse(cli.stdout) as { total: number }).total;

    const res = await fetch(`${app.server.url}/api/crs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(fullProfile),
    });
    const apiTotal = ((await res.json()) as { total: number }).total;

    const { assessedOn, ...formProfile } = fullProfile;
    const encoded = Buffer.from(JSON.stringify(formProfile)).toString("base64url");
    const page = await open(`/?asOf=${assessedOn}&p=${encoded}`);
    const pageTotal = Number((await page.getByTestId("crs-total").innerText()).replace(/\D/g, ""));

    expect(apiTotal).toBe(cliTotal);
    expect(pageTotal).toBe(cliTotal);
    // Spouse, second language and Canadian education points all counted (not a partial profile).
    const parts = scoreProfile(profileSchema.parse(fullProfile));
    expect(parts.spouse.subtotal).toBeGreaterThan(0);
    expect(parts.core.secondLanguage).toBeGreaterThan(0);
    expect(parts.additional.canadianEducation).toBeGreaterThan(0);
    await page.close();
  });
});

describe("draws and rounds", () => {
  it("draws the cut-off, monthly and pool charts and lists the rounds", async () => {
    const page = await open("/draws");
    await chartsDrawn(page);
    // The bundled feed's latest round is 434 (2026-08-07, transport 2026-Version 2).
    expect(await page.locator("[data-testid=rounds-table] tbody tr").first().innerText()).toContain("434");
    // Every 2026 stream of the feed can be chosen, under its name.
    const streams = await page.locator("select#stream option").allInnerTexts();
    for (const name of [
      "Physicians with Canadian work experience",
      "Senior managers with Canadian work experience",
      "Skilled military recruits",
      "Transport occupations",
      "French-language proficiency",
      "Healthcare and social services occupations",
      "Trade occupations",
    ])
      expect(streams).toContain(name);
    const csv = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const text = await (await fetch(`${app.server.url}${csv}`)).text();
    expect(text.split("\r\n")[0]).toMatch(/^round,date,name,/);
    await shot(page, "draws-en");
    await page.close();
  });

  it("opens round 379's page with its facts, charts and report", async () => {
    const page = await open("/rounds/379");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText(), patient).toBe("Round 379");
    // IRCC's feed: round 379 (2025-11-14) invited 3,500 with a cut-off of 462.
    expect(await page.getByTestId("round-cutoff").innerText()).toBe("462");
    await chartsDrawn(page);
    await expect.poll(() => page.locator(".report").innerText(), patient).toContain("3,500");
    await shot(page, "round-379-en");
    await page.close();
  });
});

describe("your chances", () => {
  it("shows the 26-week probability chart and the forecast", async () => {
    const page = await open("/chances");
    await page.waitForSelector("[data-chart=probability][data-ready=true] svg", { timeout: 30_000 });
    await chartsDrawn(page);
    expect(await page.getByTestId("chances-score").innerText()).toMatch(/^\d{3}$/);
    // The advisor's ranked actions: a nomination is always among them for a person without one.
    await page.waitForSelector("[data-testid=advice] tbody tr");
    expect(await page.getByTestId("advice").innerText()).toContain("A provincial or territorial nomination");
    await shot(page, "chances-en");
    await page.close();
  });
});

describe("French", () => {
  const englishIn = englishFinder();

  it("the check finds English on an English page (so it can fail)", async () => {
    const page = await open("/draws");
    await chartsDrawn(page);
    expect(englishIn(await visibleFrenchText(page)).length).toBeGreaterThan(10);
    await page.close();
  });

  for (const [name, path] of [
    ["calculator", "/?lang=fr&asOf=2025-06-01"],
    ["draws", "/draws?lang=fr"],
    ["round-379", "/rounds/379?lang=fr"],
    ["chances", "/chances?lang=fr"],
  ] as const) {
    it(`leaves no English on the ${name} page`, async () => {
      const page = await open(path);
      if (name !== "calculator") await chartsDrawn(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
      expect(englishIn(await visibleFrenchText(page))).toEqual([]);
      await shot(page, `${name}-fr`);
      await page.close();
    });
  }

  it("switches language with the button and keeps the page", async () => {
    const page = await open("/draws");
    await page.getByRole("button", { name: "Afficher en français" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText(), patient)
      .toBe("Rondes d'invitations");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("fr");
    await page.close();
  });
});

describe("accessibility (axe-core)", () => {
  for (const path of [
    "/",
    "/draws",
    "/rounds/379",
    "/chances",
    "/?lang=fr",
    "/draws?lang=fr",
    "/chances?lang=fr",
  ]) {
    it(`has no serious or critical violation on ${path}`, async () => {
      const page = await open(path);
      if (path.startsWith("/draws") || path.startsWith("/rounds") || path.startsWith("/chances"))
        await chartsDrawn(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  }
});
