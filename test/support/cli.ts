// The `ee` command as a user runs it, for the CLI end-to-end tests: bundled the way `npm run build`
// does it, but into a private folder so that parallel test files do not race on dist/, then spawned.
// And one command module run in the test's own process, for tests that need no bundle.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll } from "vitest";
import { nodeBundleOptions } from "../../scripts/node-bundle.mjs";
import { type Io, reportError } from "../../src/cli/io.js";
import type { Command } from "../../src/cli/main.js";

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

export interface BundledCli {
  /** The private folder holding the bundle; tests may put their own files in it. */
  readonly dir: string;
  /** Runs `ee <args>` with `input` on stdin and `env` as the environment (the test's own by default). */
  run(args: string[], options?: { input?: string | undefined; env?: NodeJS.ProcessEnv }): CliResult;
  /** Writes a file into the private folder (strings as they are, anything else as JSON); returns its path. */
  file(name: string, content: unknown): string;
}

/** Registers hooks that bundle the CLI before the file's tests and remove the folder after them. */
export function bundledCli(folderPrefix: string): BundledCli {
  let dir = "";
  let cli = "";

  beforeAll(async () => {
    mkdirSync("node_modules/.cache", { recursive: true });
    // Inside the repository so that the bundle's external packages (zod) resolve from node_modules.
    dir = mkdtempSync(join("node_modules/.cache", folderPrefix));
    await build({ ...nodeBundleOptions(dir), entryPoints: { ee: "src/cli/main.ts" }, logLevel: "error" });
    cli = join(dir, "ee.mjs");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  return {
    get dir() {
      return dir;
    },
    run(args, { input, env } = {}) {
      const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: "utf8", env });
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
      return path;
    },
  };
}

/** What a command run in this process returned and printed (lines joined with newlines). */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command module in this process as src/cli/main.ts does: on `today`, not on a terminal, and what it
 * throws reported on stderr with an exit code, never thrown to the test.
 */
export async function runCommand(
  command: Promise<{ run: Command }>,
  args: string[],
  today: string,
): Promise<CommandResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    today,
    isTTY: false,
  };
  const { run } = await command;
  let code: number;
  try {
    code = await run(args, io);
  } catch (e) {
    code = reportError(io, e); // what main.ts does
  }
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
