// `ee crs`: scores a profile (file, stdin or flags) or a JSON-lines batch, and prints the breakdown.
// Thin adapter: validation is the profile schema, scoring is `rules`; this file only reads and prints.

import { parseArgs } from "node:util";
import { withExperienceFromHistory } from "../../occupations/workHistory.js";
import { reassessedOn, withAgeOn } from "../../profile/age.js";
import { FieldError, type FieldProblem } from "../../profile/errors.js";
import { type CrsResult, scoreProfile } from "../../rules/index.js";
import { type Io, parseJson, readText, UsageError } from "../io.js";
import { validProfile } from "../profile-input.js";

const usage = `Usage: ee crs [FILE|-] [--json] [profile flags]
       ee crs --batch FILE.jsonl|-

Scores a profile's Comprehensive Ranking System (CRS) points under the rules in force on its
assessedOn date (default: today), and explains every line.

  FILE | -                a profile JSON file, or - for standard input
  --json                  print the result as JSON
  --batch FILE|-          one profile JSON per line; prints one JSON result per line, in order,
                          {"line": n, "error": {...}} for a line that is not valid (exit 1 if any)

Profile flags (override the file's fields; enough on their own with --age, --education and a test):
  --assessed-on DATE      the day to score for (YYYY-MM-DD, from 2015-01-01); with a birthDate in the
                          file, the age is the one on that day (the file's age was of its own date)
  --age N                 age in completed years
  --birth-date DATE       date of birth (YYYY-MM-DD), instead of --age: the age is worked out on the
                          assessment date. Either flag replaces the file's age and birthDate; given
                          together they must agree
  --education LEVEL       less-than-secondary | secondary | one-year | two-year | bachelors |
                          two-or-more | masters | doctoral
  --canadian-education E  none | one-or-two-year | three-year-plus
  --ielts L,R,W,S         scores in the order listening,reading,writing,speaking; also
  --celpip, --pte-core, --clb (English) and --tef, --tcf, --nclc (French). The test given first is
                          the first official language, unless --first-language says otherwise
  --first-language LANG   english | french
  --english-tested-on D   test date of the English result (PTE Core: from 2024-01-30)
  --french-tested-on D    test date of the French result (TEF Canada needs it, or --tef-scale)
  --tef-scale SCALE       legacy | 2019 | 2023 (overrides the scale inferred from the test date)
  --canadian-work N       years of skilled work in Canada
  --foreign-work N        years of skilled work abroad
  --certificate           a Canadian certificate of qualification in a trade
  --sibling               a brother or sister in Canada (citizen or PR)
  --job-offer KIND        none | noc-00 | other
  --nomination            a provincial or territorial nomination
  --spouse                an accompanying spouse or common-law partner
  --spouse-citizen-or-pr  the spouse is a Canadian citizen or PR (scored as without spouse)
  --spouse-not-accompanying
  --spouse-education LEVEL, --spouse-canadian-work N,
  --spouse-language TEST:L,R,W,S   e.g. clb:5,5,5,5 or ielts:6,6,6,6
  -h, --help              this help`;

const englishTests = ["ielts", "celpip", "pte-core", "clb"] as const;
const frenchTests = ["tef", "tcf", "nclc"] as const;
const testFlags = [...englishTests, ...frenchTests];

const options = {
  json: { type: "boolean" },
  batch: { type: "string" },
  help: { type: "boolean", short: "h" },
  "assessed-on": { type: "string" },
  age: { type: "string" },
  "birth-date": { type: "string" },
  education: { type: "string" },
  "canadian-education": { type: "string" },
  ielts: { type: "string" },
  celpip: { type: "string" },
  "pte-core": { type: "string" },
  clb: { type: "string" },
  tef: { type: "string" },
  tcf: { type: "string" },
  nclc: { type: "string" },
  "first-language": { type: "string" },
  "english-tested-on": { type: "string" },
  "french-tested-on": { type: "string" },
  "tef-scale": { type: "string" },
  "canadian-work": { type: "string" },
  "foreign-work": { type: "string" },
  certificate: { type: "boolean" },
  sibling: { type: "boolean" },
  "job-offer": { type: "string" },
  nomination: { type: "boolean" },
  spouse: { type: "boolean" },
  "spouse-citizen-or-pr": { type: "boolean" },
  "spouse-not-accompanying": { type: "boolean" },
  "spouse-education": { type: "string" },
  "spouse-canadian-work": { type: "string" },
  "spouse-language": { type: "string" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>["values"];
type Raw = Record<string, unknown>;

/** "8,7,7,7.5" → the four abilities; a number that is not one is kept as text so zod names the field. */
function parseScores(flag: string, text: string) {
  const parts = text.split(",").map((s) => s.trim());
  if (parts.length !== 4 || parts.some((p) => p === ""))
    throw new UsageError(`--${flag}: give four scores, listening,reading,writing,speaking (e.g. 8,7,7,7.5)`);
  const [listening, reading, writing, speaking] = parts.map((p) => (Number.isNaN(Number(p)) ? p : Number(p)));
  return { listening, reading, writing, speaking };
}

const numberOrText = (s: string) => (s.trim() !== "" && !Number.isNaN(Number(s)) ? Number(s) : s);

/** Applies the profile flags on top of `base` (a profile read from a file, or {}). */
function applyFlags(base: Raw, v: Values, order: string[]): Raw {
  const p: Raw = v["assessed-on"] !== undefined ? reassessedOn(base, v["assessed-on"]) : { ...base };
  // The flags say how old the person is: the file's other way of saying it no longer counts.
  if (v.age !== undefined || v["birth-date"] !== undefined) {
    delete p.age;
    delete p.birthDate;
  }
  if (v.age !== undefined) p.age = numberOrText(v.age);
  if (v["birth-date"] !== undefined) p.birthDate = v["birth-date"];
  if (v.education !== undefined) p.education = v.education;
  if (v["canadian-education"] !== undefined) p.canadianEducation = v["canadian-education"];
  if (v["canadian-work"] !== undefined) p.canadianWorkYears = numberOrText(v["canadian-work"]);
  if (v["foreign-work"] !== undefined) p.foreignWorkYears = numberOrText(v["foreign-work"]);
  if (v["job-offer"] !== undefined) p.jobOffer = v["job-offer"];
  if (v.certificate) p.certificateOfQualification = true;
  if (v.sibling) p.siblingInCanada = true;
  if (v.nomination) p.provincialNomination = true;

  const given = order.filter((t) => v[t as keyof Values] !== undefined);
  const english = given.filter((t) => (englishTests as readonly string[]).includes(t));
  const french = given.filter((t) => (frenchTests as readonly string[]).includes(t));
  if (english.length > 1 || french.length > 1)
    throw new UsageError(
      `give at most one English test (${englishTests.join(" | ")}) and one French test (${frenchTests.join(" | ")})`,
    );
  const firstLanguage = v["first-language"];
  if (firstLanguage !== undefined && firstLanguage !== "english" && firstLanguage !== "french")
    throw new UsageError(`--first-language: "${firstLanguage}" is not allowed (allowed: english | french)`);
  const results = given.map((test) => {
    const isFrench = (frenchTests as readonly string[]).includes(test);
    const testedOn = isFrench ? v["french-tested-on"] : v["english-tested-on"];
    return {
      language: isFrench ? "french" : "english",
      result: {
        test,
        ...(testedOn !== undefined ? { testedOn } : {}),
        ...(test === "tef" && v["tef-scale"] !== undefined ? { scale: v["tef-scale"] } : {}),
        ...parseScores(test, v[test as keyof Values] as string),
      },
    };
  });
  if (firstLanguage)
    results.sort((a, b) => Number(b.language === firstLanguage) - Number(a.language === firstLanguage));
  if (results[0]) p.firstLanguage = results[0].result;
  if (results[1]) p.secondLanguage = results[1].result;

  const spouseFlags = [
    v.spouse,
    v["spouse-citizen-or-pr"],
    v["spouse-not-accompanying"],
    v["spouse-education"],
    v["spouse-canadian-work"],
    v["spouse-language"],
  ];
  if (spouseFlags.some((f) => f !== undefined)) {
    const s: Raw = { ...((base.spouse as Raw | undefined) ?? {}) };
    if (v["spouse-citizen-or-pr"]) s.canadianCitizenOrPR = true;
    if (v["spouse-not-accompanying"]) s.accompanying = false;
    if (v["spouse-education"] !== undefined) s.education = v["spouse-education"];
    if (v["spouse-canadian-work"] !== undefined)
      s.canadianWorkYears = numberOrText(v["spouse-canadian-work"]);
    const lang = v["spouse-language"];
    if (lang !== undefined) {
      const [test, scores] = lang.split(":");
      if (!test || scores === undefined)
        throw new UsageError("--spouse-language: write TEST:L,R,W,S, e.g. clb:5,5,5,5");
      s.firstLanguage = { test, ...parseScores("spouse-language", scores) };
    }
    p.spouse = s;
  }
  return p;
}

/** Validates a raw profile (assessedOn defaulting to today) and scores it; throws FieldError. */
function validateAndScore(raw: unknown, today: string): CrsResult {
  // Years of experience come from the work history when one is given (issue 4, item 1).
  return scoreProfile(withExperienceFromHistory(withAgeOn(validProfile(raw, today))));
}

/** The JSON of a result (the shape first, then the extras); batch lines leave out the prose lines. */
function toJson(r: CrsResult, withLines: boolean) {
  const { lines, ...rest } = r;
  return withLines ? { ...rest, lines } : rest;
}

const sectionTitles = {
  core: "A. Core / human capital factors",
  spouse: "B. Spouse or common-law partner factors",
  transferability: "C. Skill transferability factors",
  additional: "D. Additional points",
} as const;

function printHuman(r: CrsResult, io: Io) {
  const out: string[] = [];
  out.push(`CRS score: ${r.total}${r.mayBeIncomplete ? " (may be incomplete — see below)" : ""}`);
  out.push(
    `Assessed on ${r.assessedOn} under the rule set of ${r.ruleSet.effectiveFrom}: ${r.ruleSet.label}`,
  );
  out.push(
    r.withSpouse
      ? "Scored with an accompanying spouse or partner (the “with spouse” columns)"
      : "Scored without a spouse (single, spouse not accompanying, or spouse a Canadian citizen/PR)",
  );
  for (const section of ["core", "spouse", "transferability", "additional"] as const) {
    const subtotal = r[section].subtotal;
    out.push("", `${sectionTitles[section].padEnd(56)}${String(subtotal).padStart(5)}`);
    for (const line of r.lines.filter((l) => l.section === section))
      out.push(`  ${line.factor.padEnd(36)}${String(line.points).padStart(5)}   ${line.explanation}`);
  }
  out.push("", `${"Total".padEnd(56)}${String(r.total).padStart(5)}`);
  for (const w of r.warnings) out.push(`warning: ${w}`);
  if (r.ruleSet.dateNote) out.push(`note: ${r.ruleSet.dateNote}`);
  io.stdout(out.join("\n"));
}

async function runBatch(file: string, io: Io): Promise<number> {
  const lines = readText(file).split(/\r?\n/);
  let failures = 0;
  const out: string[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === "") return;
    const line = index + 1;
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        throw new FieldError([{ field: "(line)", problem: `is not valid JSON: ${(e as Error).message}` }]);
      }
      out.push(JSON.stringify({ line, ...toJson(validateAndScore(raw, io.today), false) }));
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      failures++;
      out.push(JSON.stringify({ line, error: { problems: e.problems satisfies FieldProblem[] } }));
    }
    if (out.length >= 1000) io.stdout(out.splice(0).join("\n"));
  });
  if (out.length) io.stdout(out.join("\n"));
  return failures ? 1 : 0;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; tokens: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, tokens: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (see ee crs --help)`);
  }
  const { values: v, positionals, tokens } = parsed;
  if (v.help) {
    io.stdout(usage);
    return 0;
  }
  if (v.batch !== undefined) {
    if (positionals.length)
      throw new UsageError("--batch takes its input file itself; drop the FILE argument");
    return runBatch(v.batch, io);
  }
  if (positionals.length > 1) throw new UsageError(`give one FILE (or -), not ${positionals.length}`);
  const order = tokens.flatMap((t) =>
    t.kind === "option" && testFlags.includes(t.name as never) ? [t.name] : [],
  );
  const profileFlags = Object.keys(v).filter((k) => k !== "json" && k !== "help");
  let base: Raw = {};
  if (positionals[0] !== undefined || profileFlags.length === 0) {
    const raw = parseJson(readText(positionals[0]), positionals[0] ?? "standard input");
    if (!raw || typeof raw !== "object" || Array.isArray(raw))
      throw new UsageError("the profile must be a JSON object (see the README for its fields)");
    base = raw as Raw;
  }
  const result = validateAndScore(applyFlags(base, v, order), io.today);
  if (v.json) io.stdout(JSON.stringify(toJson(result, true), null, 2));
  else printHuman(result, io);
  return 0;
}
