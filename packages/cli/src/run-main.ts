import { isTokenmeterError, printable } from "@tokenmeter/core";
import { type ArgsDef, type CommandDef, runCommand } from "citty";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from "./cli-error.ts";
import { renderHelp } from "./help.ts";
import { colorEnabled, createStyle, stripAnsi } from "./output/style.ts";

const HELP_FLAGS = new Set(["--help", "-h"]);
const VERSION_FLAGS = new Set(["--version", "-v"]);

// citty's own usage errors (unknown command, missing positional, bad enum value) carry these codes.
const CITTY_USAGE_CODES = new Set(["EARG", "E_UNKNOWN_COMMAND", "E_NO_COMMAND"]);

function beforeDoubleDash(rawArgs: readonly string[]): readonly string[] {
  const end = rawArgs.indexOf("--");
  return end === -1 ? rawArgs : rawArgs.slice(0, end);
}

async function subCommandOf(
  main: CommandDef<ArgsDef>,
  rawArgs: readonly string[],
): Promise<CommandDef<ArgsDef> | undefined> {
  const subCommands = await (typeof main.subCommands === "function"
    ? main.subCommands()
    : main.subCommands);
  if (subCommands === undefined) return undefined;
  const name = beforeDoubleDash(rawArgs).find((token) => !token.startsWith("-"));
  if (name === undefined || !(name in subCommands)) return undefined;
  const sub = subCommands[name];
  return (await (typeof sub === "function" ? sub() : sub)) as CommandDef<ArgsDef>;
}

function describeCause(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 4) return [];
  const lines = [error.stack ?? `${error.name}: ${error.message}`];
  if (error.cause !== undefined) lines.push("Caused by:", ...describeCause(error.cause, depth + 1));
  return lines;
}

function report(error: unknown, debug: boolean): number {
  const style = createStyle(colorEnabled(process.stderr, process.env));
  const write = (text: string) => process.stderr.write(`${text}\n`);
  let exitCode = EXIT_BAD_INPUT;
  let message: string;
  let hint: string | undefined;
  if (error instanceof CliError) {
    exitCode = error.exitCode;
    message = error.message;
    hint = error.hint;
  } else if (error instanceof Error && error.name === "CLIError") {
    exitCode = EXIT_USAGE;
    const code = (error as Error & { code?: unknown }).code;
    message = stripAnsi(error.message);
    hint = "Run `tokenmeter --help` to see the commands and their options.";
    if (typeof code === "string" && !CITTY_USAGE_CODES.has(code)) exitCode = EXIT_BAD_INPUT;
  } else if (isTokenmeterError(error)) {
    message = error.message;
  } else {
    message = `Unexpected internal error (${error instanceof Error ? error.name : typeof error}). This is a bug in tokenmeter; please report it${debug ? " with the stack below" : ", with the output of the same command run with --debug"}.`;
  }
  write(`${style.red("error:")} ${printable(message)}`);
  if (hint !== undefined) write(`${style.dim(printable(hint))}`);
  if (debug) write(describeCause(error).join("\n"));
  return exitCode;
}

/** Reads the CLI's own version from its package.json (next to `dist/`). */
export function readVersion(readFile: (url: URL) => string): string {
  try {
    const parsed: unknown = JSON.parse(readFile(new URL("../package.json", import.meta.url)));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "version" in parsed &&
      typeof parsed.version === "string"
    ) {
      return parsed.version;
    }
  } catch {
    // Fall through: a missing version is not worth failing a command for.
  }
  return "unknown";
}

/**
 * The one place the CLI catches errors and chooses the exit code (0 ok, 1 bad input, 2 usage).
 * Messages go to stderr; the stack only with `--debug`. Returns the exit code.
 */
export async function runMain(
  main: CommandDef<ArgsDef>,
  rawArgs: readonly string[],
  version: string,
): Promise<number> {
  const args = beforeDoubleDash(rawArgs);
  const debug = args.includes("--debug");
  try {
    if (args.some((token) => HELP_FLAGS.has(token))) {
      process.stdout.write(await renderHelp(main, (await subCommandOf(main, rawArgs)) ?? main));
      return EXIT_OK;
    }
    if (rawArgs.length === 1 && VERSION_FLAGS.has(rawArgs[0] ?? "")) {
      process.stdout.write(`${version}\n`);
      return EXIT_OK;
    }
    if (rawArgs.length === 0) {
      process.stderr.write(await renderHelp(main, main));
      return EXIT_USAGE;
    }
    await runCommand(main, { rawArgs: [...rawArgs] });
    return EXIT_OK;
  } catch (error) {
    return report(error, debug);
  }
}
