// A date of birth in the profile, through every door: the CRS (engine and `ee crs --birth-date`), the advisor's
// year later, a stored client's status a year on (`ee clients show --as-of`), and the HTTP API and its OpenAPI
// document. Every expected score is worked by hand from the 2025-03-25 grid (docs/sources/crs-rules.md).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { possibleActions } from "../src/advisor/actions.js";
import { advise } from "../src/advisor/advise.js";
import { bundledRounds } from "../src/draws/index.js";
import { buildForecastModel } from "../src/forecast/index.js";
import { assessEligibility, fswGrid } from "../src/occupations/index.js";
import { scoredAge, withAgeOn } from "../src/profile/age.js";
import { profile } from "../src/profile/schema.js";
import { languageLevels, scoreBatch, scoreProfile } from "../src/rules/index.js";
import { createApp } from "../src/server/app.js";
import { createDataContext } from "../src/server/context.js";
import { runCommand } from "./support/cli.js";
import { onThisMachine } from "./support/connection.js";

// Single, master's degree, IELTS 8/7/7/7.5 (CLB 9, 9, 9, 10), no work experience; born 1995-11-25.
const master = {
  education: "masters",
  firstLanguage: { test: "ielts", listening: 8, reading: 7, writing: 7, speaking: 7.5 },
} as const;
const born = "1995-11-25";
// By hand, single column: age 20–29 → 110, 30 → 105; master's 135; first language 31 + 31 + 31 + 34 = 127;
// skill transferability, education × language (master's, CLB 9+ in every ability) 50; nothing else.
const at29 = 110 + 135 + 127 + 50; // 422
const at30 = 105 + 135 + 127 + 50; // 417

const scratch = mkdtempSync(join(tmpdir(), "ee-birthdate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

/** Runs a command module as main.ts does, with `today` fixed. */
const ee = (command: "crs" | "clients" | "eligibility", args: string[], today = "2025-11-24") => {
  const modules = {
    crs: () => import("../src/cli/commands/crs.js"),
    clients: () => import("../src/cli/commands/clients.js"),
    eligibility: () => import("../src/cli/commands/eligibility.js"),
  };
  return runCommand(modules[command](), args, today);
};

describe("a birth date scores like the age it gives", () => {
  const score = (input: object) => scoreProfile(withAgeOn(profile.parse(input)));

  it("the day before the 30th birthday: 29, the same breakdown as age 29 (422)", () => {
    const fromBirth = score({ ...master, birthDate: born, assessedOn: "2025-11-24" });
    const fromAge = score({ ...master, age: 29, assessedOn: "2025-11-24" });
    expect(fromBirth.total).toBe(at29);
    expect(fromBirth.core.age).toBe(110);
    expect(fromBirth).toEqual(fromAge);
  });

  it("on the birthday: 30, 5 points less (417)", () => {
    const r = score({ ...master, birthDate: born, assessedOn: "2025-11-25" });
    expect(r.core.age).toBe(105);
    expect(r.total).toBe(at30);
    expect(r.lines.find((l) => l.factor === "Age")?.explanation).toBe("30 years (without spouse column)");
  });

  it("ee crs --birth-date gives the score of --age, and refuses the two when they disagree", async () => {
    const flags = ["--education", "masters", "--ielts", "8,7,7,7.5", "--json"];
    const byBirth = await ee("crs", ["--birth-date", born, ...flags]); // today: 2025-11-24
    expect(byBirth.code).toBe(0);
    expect(JSON.parse(byBirth.stdout).total).toBe(at29);
    const onBirthday = await ee("crs", ["--birth-date", born, "--assessed-on", "2025-11-25", ...flags]);
    expect(JSON.parse(onBirthday.stdout).total).toBe(at30);

    const both = await ee("crs", ["--birth-date", born, "--age", "30", ...flags]);
    expect(both.code).toBe(1);
    expect(both.stderr).not.toContain(born); // an error never repeats the date of birth
    expect(both.stderr).toBe(
      "error: age: does not agree with birthDate: they give different ages on 2025-11-24 (allowed: the age in completed years on 2025-11-24, or leave out age or birthDate)",
    );
    // A flag replaces the file's way of giving the age: the file's age 40 no longer counts.
    const overFile = await ee("crs", [
      file("forty.json", { ...master, age: 40 }),
      "--birth-date",
      born,
      "--json",
    ]);
    expect(JSON.parse(overFile.stdout).total).toBe(at29);
  });

  it("ee crs with neither names age and the birth date as the other choice", async () => {
    const r = await ee("crs", ["--education", "masters", "--ielts", "8,7,7,7.5"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error: age: is required: give the age in completed years, or birthDate (the date of birth) instead (allowed: a whole number 0–120, or birthDate YYYY-MM-DD)",
    );
  });
});

describe("the engine's own doors, given a birth date and no age (no adapter ran withAgeOn)", () => {
  // A validated profile is a valid input to the pure functions: the age is the birth date's on the date they
  // score or judge for, not a refusal naming assessedOn (which the profile has).
  const bornOnly = (assessedOn: string) => profile.parse({ ...master, birthDate: born, assessedOn });

  it("scoreProfile: 422 the day before the 30th birthday, 417 on it", () => {
    expect(scoreProfile(bornOnly("2025-11-24")).total).toBe(at29);
    expect(scoreProfile(bornOnly("2025-11-25")).total).toBe(at30);
  });

  it("scoreBatch (writeProfile → scoreColumns): the same totals, no error", () => {
    const batch = scoreBatch([bornOnly("2025-11-24"), bornOnly("2025-11-25")]);
    expect(batch.errors.size).toBe(0);
    expect(Array.from(batch.totals)).toEqual([at29, at30]);
  });

  it("assessEligibility: the FSW grid's age is the age on the date judged (35 → 12 points, 36 → 11)", () => {
    // Born 1989-11-25: 35 on 2025-11-24, 36 on 2025-11-25 (IRPR 80: 12 points to 35, one less a year after).
    const p = profile.parse({ ...master, birthDate: "1989-11-25", assessedOn: "2025-11-24" });
    const fswAge = (date: string) =>
      fswGrid(p, languageLevels(p), date).lines.find((l) => l.startsWith("age "));
    expect(fswAge("2025-11-24")).toBe("age 12/12: 35");
    expect(fswAge("2025-11-25")).toBe("age 11/12: 36");
    expect(assessEligibility(p, languageLevels(p), "2025-11-24").programs.map((r) => r.program)).toContain(
      "fsw",
    );
  });

  it("without an assessment date, the scorer names assessedOn; with neither age nor birth date, age", () => {
    const noDate = { ...bornOnly("2025-11-24"), assessedOn: undefined };
    expect(() => scoredAge(noDate)).toThrow(/assessedOn: is required to work out the age from birthDate/);
    expect(() => scoredAge({})).toThrow(/age: is required/);
  });
});

describe("a file giving age and birth date, assessed on another date by a flag", () => {
  // The file's age is of its own assessedOn; on the flag's date the birth date decides (as a client's status a
  // year on does), rather than refusing the file as disagreeing with itself.
  it("ee crs --assessed-on a year on: 31 on 2026-11-25 (99 + 135 + 127 + 50 = 411)", async () => {
    const both = file("both-crs.json", { ...master, birthDate: born, age: 29, assessedOn: "2025-11-24" });
    const r = await ee("crs", [both, "--assessed-on", "2026-11-25", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ assessedOn: "2026-11-25", total: 99 + 135 + 127 + 50 });
    // On the file's own date its two fields must still agree.
    const bad = file("bad-crs.json", { ...master, birthDate: born, age: 30, assessedOn: "2025-11-24" });
    expect((await ee("crs", [bad, "--assessed-on", "2025-11-24"])).code).toBe(1);
  });

  it("ee eligibility --on the 36th birthday: the FSW grid's age is 36 (11 points)", async () => {
    const both = file("both-fsw.json", {
      ...master,
      birthDate: "1989-11-25",
      age: 35,
      assessedOn: "2025-11-24",
    });
    const r = await ee("eligibility", [both, "--on", "2025-11-25", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("age 11/12: 36");
  });
});

describe("the advisor's year later", () => {
  const abroad = (a: { id: string }) => a.id === "foreign-work-plus-one";

  it("at 120 (the grid's last age) there is no year later to score: advice without it, not a refusal", () => {
    // Born 1905-11-14: 120 on 2025-11-14, 121 a year on, past the CRS grid and the schema's 0–120.
    const model = buildForecastModel(bundledRounds(), "2025-11-14");
    for (const person of [{ birthDate: "1905-11-14" }, { age: 120 }]) {
      const p = profile.parse({ ...master, ...person, foreignWorkYears: 3, assessedOn: "2025-11-14" });
      expect(possibleActions(p, "2025-11-14").find(abroad)).toBeUndefined();
      const advice = advise(p, model, { paths: 1000 });
      // 120 scores no age points: 0 + 135 + 127 + 50 (education × language) + 50 (foreign work × language, 3 years).
      expect(advice.score).toBe(0 + 135 + 127 + 50 + 50);
      expect(advice.actions.every((a) => a.profile.age !== undefined && a.profile.age <= 120)).toBe(true);
    }
  });

  it("takes the age from the birth date: 29 on 2025-11-24, 30 a year later", () => {
    const p = profile.parse({ ...master, birthDate: born });
    const action = possibleActions(p, "2025-11-24").find(abroad)!;
    expect(action.reachedOn).toBe("2026-11-24");
    expect(action.profile.age).toBe(30);
  });

  it("born 29 February, a year after 2024-02-29 is 2025-02-28: still 24 (the birthday is 1 March)", () => {
    const p = profile.parse({ ...master, birthDate: "2000-02-29" });
    const action = possibleActions(p, "2024-02-29").find(abroad)!;
    expect(action.reachedOn).toBe("2025-02-28");
    expect(action.profile.age).toBe(24);
    // With an age only, the year adds one, as before.
    const byAge = possibleActions(profile.parse({ ...master, age: 24 }), "2024-02-29").find(abroad)!;
    expect(byAge.profile.age).toBe(25);
  });
});

describe("a stored client with a birth date, a year on", () => {
  const dataDir = join(scratch, "clients-db");
  const clients = (args: string[]) => ee("clients", [...args, "--data-dir", dataDir], "2026-11-24");

  beforeAll(async () => {
    // Saved with both (agreeing on its own assessment date, at 29).
    const added = await clients([
      "add",
      "--label",
      "B-1",
      file("b1.json", { ...master, birthDate: born, age: 29, assessedOn: "2025-11-20" }),
    ]);
    expect(added).toMatchObject({ code: 0, stdout: "added client B-1" });
  });

  it("ee clients show --as-of: 29 and 422 in 2025, 30 and 417 a year later", async () => {
    const then = await clients(["show", "--label", "B-1", "--as-of", "2025-11-20", "--paths", "0"]);
    expect(then.code).toBe(0);
    expect(then.stdout).toMatch(/^Status as of 2025-11-20: CRS 422 /m);
    expect(then.stdout).toContain("  age on 2025-11-20: 29 (from the date of birth)");

    const later = await clients([
      "show",
      "--label",
      "B-1",
      "--as-of",
      "2026-11-20",
      "--paths",
      "0",
      "--json",
    ]);
    expect(later.code).toBe(0);
    const { status } = JSON.parse(later.stdout);
    expect(status).toMatchObject({ asOf: "2026-11-20", age: 30, ageFromBirthDate: true, crs: at30 });
  });

  it("a client saved with both and no assessment date is a year older a year later, not refused", async () => {
    const saved = file("b3.json", { ...master, birthDate: born, age: 29 }); // 29 on the day it was written
    expect((await clients(["add", "--label", "B-3", saved])).code).toBe(0);
    const later = await clients([
      "show",
      "--label",
      "B-3",
      "--as-of",
      "2026-11-20",
      "--paths",
      "0",
      "--json",
    ]);
    expect(later.code).toBe(0);
    expect(JSON.parse(later.stdout).status).toMatchObject({ age: 30, crs: at30 });
  });
});

describe("the API", () => {
  const apiDir = join(scratch, "api-db");
  let app: ReturnType<typeof createApp>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const data = await createDataContext({ dataDir: apiDir, today: () => "2025-11-24" });
    app = createApp({ ...data, logError: () => {} });
    close = () => data.close();
  });
  afterAll(() => close());
  const post = (path: string, body: unknown) =>
    app.request(
      path,
      { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } },
      onThisMachine,
    );

  it("POST /api/crs accepts birthDate (today 2025-11-24: 29 → 422) and names age when both disagree", async () => {
    const ok = await post("/api/crs", { ...master, birthDate: born });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { total: number }).total).toBe(at29);

    const bad = await post("/api/crs", { ...master, birthDate: born, age: 31 });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { field: string; problem: string }[] };
    expect(body.errors).toEqual([
      expect.objectContaining({
        field: "age",
        problem: "does not agree with birthDate: they give different ages on 2025-11-24",
      }),
    ]);
  });

  it("the forecasting doors take a birth date alone: the age on their date (2025-11-14: 29 → 422; eligibility 2025-11-25: 30)", async () => {
    const body = { profile: { ...master, birthDate: born }, asOf: "2025-11-14", paths: 100 };
    const json = async (path: string, b: unknown) => {
      const r = await post(path, b);
      expect(r.status, path).toBe(200);
      return (await r.json()) as Record<string, unknown>;
    };
    expect(((await json("/api/chances", body)).crs as { total: number }).total).toBe(at29);
    expect(((await json("/api/probability", body)).candidate as { score: number }).score).toBe(at29);
    expect((await json("/api/advice", { ...body, paths: 1000 })).score).toBe(at29);
    // The FSW grid on the 30th birthday: 30 (12 points, as at any age 18–35).
    const eligibility = await json("/api/eligibility", {
      profile: { ...master, birthDate: born },
      asOf: "2025-11-25",
    });
    expect(JSON.stringify(eligibility)).toContain("age 12/12: 30");
  });

  it("POST /api/clients stores a birth date and its status a year later is worked on the new age", async () => {
    const created = await post("/api/clients", { label: "B-2", profile: { ...master, birthDate: born } });
    expect(created.status).toBe(201);
    const status = await app.request("/api/clients/B-2/status?asOf=2026-11-25&paths=0", {}, onThisMachine);
    expect(status.status).toBe(200);
    // On 2026-11-25 the client is 31: 99 age points, 99 + 135 + 127 + 50 = 411.
    expect(await status.json()).toMatchObject({
      label: "B-2",
      status: { asOf: "2026-11-25", age: 31, ageFromBirthDate: true, crs: 99 + 135 + 127 + 50 },
    });
  });

  it("the OpenAPI document lists birthDate as a date beside age in the profile", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      components: {
        schemas: { Profile: { properties: Record<string, { type?: string; description?: string }> } };
      };
    };
    const { properties } = doc.components.schemas.Profile;
    expect(properties.birthDate?.type).toBe("string");
    expect(properties.birthDate?.description).toMatch(/Date of birth/);
    expect(properties.age?.description).toMatch(/Give age or birthDate/);
  });

  it("the OpenAPI Profile says, as JSON Schema a validator reads, that one of age or birthDate is required", async () => {
    type Schema = {
      required?: string[];
      anyOf?: { required: string[] }[];
      description?: string;
      properties: Record<string, { description?: string }>;
    };
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      components: { schemas: { Profile: Schema; NewClient: { properties: { profile: Schema } } } };
    };
    const { Profile, NewClient } = doc.components.schemas;
    expect(Profile.required).not.toContain("age");
    expect(Profile.required).not.toContain("birthDate");
    expect(Profile.anyOf).toEqual([{ required: ["age"] }, { required: ["birthDate"] }]);
    expect(Profile.description).toMatch(/age or birthDate/);
    // The date the birth date's age is counted on, and its default.
    expect(Profile.properties.assessedOn?.description).toMatch(/birthDate/);
    expect(Profile.properties.assessedOn?.description).toMatch(/today/);
    // The same rule where a profile is nested (a client's).
    expect(NewClient.properties.profile.anyOf).toEqual([{ required: ["age"] }, { required: ["birthDate"] }]);
  });
});
