import { isTokenmeterError, printable } from "@tokenmeter/core";
import { type ArgsDef, type CommandDef, runCommand } from "citty";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, usageError } from "./cli-error.ts";
import { renderHelp } from "./help.ts";
import { stderrLines } from "./output/diagnostics.ts";
import { colorEnabled, createStyle, stripAnsi } from "./output/style.ts";

const HELP_FLAGS = new Set(["--help", "-h"]);
const VERSION_FLAGS = new Set(["--version", "-v"]);

// citty's own usage errors (unknown command, missing positional, bad enum value) carry these codes.
const CITTY_USAGE_CODES = new Set(["EARG", "E_UNKNOWN_COMMAND", "E_NO_COMMAND"]);

function beforeDoubleDash(rawArgs: readonly string[]): readonly string[] {
  const end = rawArgs.indexOf("--");
  return end === -1 ? rawArgs : rawArgs.slice(0, end);
}

/** Levenshtein distance, for "did you mean" on a mistyped command name (short strings only). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Rejects an unknown command before citty does, with the closest command names (citty's own
 * message neither quotes the name nor suggests one).
 */
async function checkCommandName(
  main: CommandDef<ArgsDef>,
  rawArgs: readonly string[],
): Promise<void> {
  const subCommands = await (typeof main.subCommands === "function"
    ? main.subCommands()
    : main.subCommands);
  if (subCommands === undefined) return;
  // The first token that is not a flag, as citty picks the command.
  const name = beforeDoubleDash(rawArgs).find((token) => !token.startsWith("-"));
  if (name === undefined || name in subCommands) return;
  const names = Object.keys(subCommands);
  const shown = printable(name.length > 40 ? `${name.slice(0, 37)}...` : name);
  const close = names
    .map((candidate) => ({ candidate, distance: editDistance(name.toLowerCase(), candidate) }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance)
    .map(({ candidate }) => `"${candidate}"`);
  throw usageError(
    `Unknown command "${shown}".${close.length > 0 ? ` Did you mean ${close.join(" or ")}?` : ""}`,
    `The commands are ${names.join(", ")}; run \`tokenmeter --help\` for what each does.`,
  );
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

function report(error: unknown, debug: boolean, commandName: string | undefined): number {
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
    hint =
      commandName === undefined
        ? "Run `tokenmeter --help` to see the commands and their options."
        : `Run \`tokenmeter ${commandName} --help\` to see its options.`;
    if (typeof code === "string" && !CITTY_USAGE_CODES.has(code)) exitCode = EXIT_BAD_INPUT;
  } else if (isTokenmeterError(error)) {
    message = error.message;
  } else {
    message = `Unexpected internal error (${error instanceof Error ? error.name : typeof error}). This is a bug in tokenmeter; please report it${debug ? " with the stack below" : ", with the output of the same command run with --debug"}.`;
  }
  write(stderrLines("error:", message, style.red));
  if (hint !== undefined) write(style.dim(stderrLines("", hint)));
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
    await checkCommandName(main, rawArgs);
    await runCommand(main, { rawArgs: [...rawArgs] });
    return EXIT_OK;
  } catch (error) {
    const command = beforeDoubleDash(rawArgs).find((token) => !token.startsWith("-"));
    const known = command !== undefined && (await subCommandOf(main, rawArgs)) !== undefined;
    return report(error, debug, known ? command : undefined);
  }
}
