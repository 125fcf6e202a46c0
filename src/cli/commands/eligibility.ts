// `ee eligibility`: which programs (FSW, CEC, FST, PNP) and which category list versions a profile is
// eligible for, with the reasons. Thin adapter over `occupations`; also looks up NOC 2021 unit groups.
import {
  assessEligibility,
  type EligibilityReport,
  type Eligible,
  searchNoc,
  withExperienceFromHistory,
} from "../../occupations/index.js";
import { reassessedOn, withAgeOn } from "../../profile/age.js";
import { isoDate } from "../../profile/schema.js";
import { languageLevels } from "../../rules/index.js";
import { type Io, parseCommandArgs, parseJson, readText, UsageError } from "../io.js";
import { validProfile } from "../profile-input.js";

const usage = `Usage: ee eligibility [FILE|-] [--on DATE] [--json] [--all]
       ee eligibility --noc CODE-OR-WORDS

Checks a profile against the minimum requirements of the Federal Skilled Worker Program (with the
67-point grid), the Canadian Experience Class, the Federal Skilled Trades Program and provincial
nomination, and against every category list version (docs/sources/programs.md, categories.json),
as of the profile's assessedOn date (default: today). Each answer is yes, no or unknown, with the
reasons: which occupation and how many months qualify, or what is missing. Give a workHistory
for the work-experience rules.

  FILE | -          a profile JSON file, or - for standard input
  --on DATE         assess as of DATE (YYYY-MM-DD) instead of the profile's assessedOn (with a
                    birthDate, the age is the one on DATE; the file's age was of its own date)
  --json            print {"assessedOn","programs":[…],"categories":[…]} as JSON
  --all             list every category version (default: only those in force on the date)
  --noc QUERY       look up NOC 2021 unit groups by code (or code prefix) or title words
  -h, --help        this help`;

const word = (e: Eligible) => (e === true ? "yes" : e === false ? "no" : "unknown");

function printNoc(io: Io, query: string, json: boolean): number {
  const found = searchNoc(query);
  if (json) io.stdout(JSON.stringify(found));
  else if (found.length === 0) io.stdout(`no NOC 2021 unit group matches "${query}"`);
  else for (const g of found) io.stdout(`${g.code}  TEER ${g.teer}  ${g.title}`);
  return found.length ? 0 : 1;
}

function printReport(io: Io, report: EligibilityReport, all: boolean) {
  io.stdout(`Eligibility on ${report.assessedOn}\n\nPrograms`);
  for (const p of report.programs) {
    io.stdout(`  ${p.program.toUpperCase().padEnd(4)} ${word(p.eligible)}`);
    for (const r of p.reasons) io.stdout(`       - ${r}`);
  }
  const shown = all ? report.categories : report.categories.filter((c) => c.inForce !== false);
  io.stdout(
    `\nCategories${all ? "" : ` (list versions in force on ${report.assessedOn}; --all for every version)`}`,
  );
  for (const c of shown) {
    const force =
      c.inForce === true ? "" : c.inForce === "unknown" ? " (in force: unconfirmed)" : " (not in force)";
    io.stdout(`  ${`${c.category} ${c.version}`.padEnd(50)} ${word(c.eligible)}${force}`);
    for (const r of c.reasons) io.stdout(`       - ${r}`);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const options = {
    json: { type: "boolean" },
    all: { type: "boolean" },
    noc: { type: "string" },
    on: { type: "string" },
    help: { type: "boolean", short: "h" },
  } as const;
  const { values, positionals } = parseCommandArgs(argv, options, "eligibility");
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.noc !== undefined) return printNoc(io, values.noc, Boolean(values.json));
  if (positionals.length > 1) throw new UsageError(`expected one FILE or -, got ${positionals.length}`);

  const raw = parseJson(readText(positionals[0]), "the profile");
  if (values.on !== undefined && !isoDate.safeParse(values.on).success)
    throw new UsageError("--on: must be a real date written YYYY-MM-DD");
  const isObject = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  const onDate =
    isObject && values.on !== undefined ? reassessedOn(raw as Record<string, unknown>, values.on) : raw;
  const profile = withExperienceFromHistory(withAgeOn(validProfile(onDate, io.today)));
  const date = profile.assessedOn!;
  const report = assessEligibility(profile, languageLevels(profile), date);
  if (values.json) io.stdout(JSON.stringify(report, null, 2));
  else printReport(io, report, Boolean(values.all));
  return 0;
}
