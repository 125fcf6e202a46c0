// Helpers shared by the `ee` commands: reading a profile from a file or stdin, printing errors.
import { readFileSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { FieldError, formatProblem } from "../profile/errors.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Today's date (YYYY-MM-DD); the core never reads the clock, the edges pass it in. */
  today: string;
  isTTY: boolean;
}

// `ee … | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
let pipeGuardInstalled = false;
function exitQuietlyOnClosedPipe() {
  if (pipeGuardInstalled) return;
  pipeGuardInstalled = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

export const processIo = (): Io => {
  exitQuietlyOnClosedPipe();
  return {
    stdout: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
    today: new Date().toISOString().slice(0, 10),
    isTTY: Boolean(process.stdout.isTTY),
  };
};

/** Reads FILE, or standard input for "-" (or when no file is given and stdin is not a terminal). */
export function readText(file: string | undefined): string {
  if (file === undefined || file === "-") {
    if (file === undefined && process.stdin.isTTY)
      throw new UsageError("no input: give a FILE or pipe JSON into -");
    return readFileSync(0, "utf8");
  }
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Parses a command's options and positionals; a mistake becomes one usage line pointing at `ee <command> --help`. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: O,
  command: string,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (run ee ${command} --help)`);
  }
}

/** Prints an error the way every command does and returns the exit code. */
export function reportError(io: Io, e: unknown): number {
  if (e instanceof FieldError) {
    for (const p of e.problems) io.stderr(`error: ${formatProblem(p)}`);
    return 1;
  }
  if (e instanceof UsageError) {
    io.stderr(`error: ${e.message}`);
    return 2;
  }
  io.stderr(`error: ${(e as Error)?.message ?? String(e)}`);
  return 1;
}
