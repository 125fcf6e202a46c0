// The `ee` command: a dispatcher that loads each command's module only when it is used, so that
// `ee crs` starts without loading the database or the forecast code.
import { type Io, processIo, reportError } from "./io.js";

export type Command = (argv: string[], io: Io) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  crs: { summary: "CRS score of a profile, every point explained", load: () => import("./commands/crs.js") },
  eligibility: {
    summary: "programs and categories a profile is eligible for",
    load: () => import("./commands/eligibility.js"),
  },
  round: {
    summary: "run a round of invitations on a pool (IRCC tie-breaking)",
    load: () => import("./commands/round.js"),
  },
  pool: {
    summary: "candidate pools: synthesize like a round, score profiles",
    load: () => import("./commands/pool.js"),
  },
  rounds: {
    summary: "replay historical general rounds: simulated vs actual cut-offs",
    load: () => import("./commands/rounds.js"),
  },
  draws: { summary: "IRCC's rounds: update, list, show, stats", load: () => import("./commands/draws.js") },
  report: {
    summary: "the report of a round of invitations (en/fr)",
    load: () => import("./commands/report.js"),
  },
  forecast: {
    summary: "the next rounds: dates, sizes, cut-off intervals",
    load: () => import("./commands/forecast.js"),
  },
  probability: {
    summary: "chance of an invitation within 2–26 weeks",
    load: () => import("./commands/probability.js"),
  },
  backtest: {
    summary: "forecast accuracy over history vs naive baselines",
    load: () => import("./commands/backtest.js"),
  },
  advise: {
    summary: "what to improve first, ranked by chance gained",
    load: () => import("./commands/advise.js"),
  },
  clients: {
    summary: "a consultant's clients: profiles, status, chances",
    load: () => import("./commands/clients.js"),
  },
};

function help(io: Io) {
  io.stdout("ee — Express Entry Engine\n\nUsage: ee <command> [options]\n\nCommands:");
  for (const [name, c] of Object.entries(commands)) io.stdout(`  ${name.padEnd(14)} ${c.summary}`);
  io.stdout("\nRun `ee <command> --help` for a command's options.");
}

async function main(argv: string[]): Promise<number> {
  const io = processIo();
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    help(io);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`error: unknown command "${name}" (allowed: ${Object.keys(commands).join(" | ")})`);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.run(rest, io);
  } catch (e) {
    return reportError(io, e);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
