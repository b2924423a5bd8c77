import type { ArgsDef } from "citty";
import { usageError } from "../cli-error.ts";

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function flagNames(name: string, alias: string | string[] | undefined): string[] {
  const aliases = alias === undefined ? [] : Array.isArray(alias) ? alias : [alias];
  return [name, kebab(name), ...aliases];
}

/** Tokens of `rawArgs` before `--`, with the option name split from an inline `=value`. */
function* options(
  rawArgs: readonly string[],
): Generator<{ index: number; name: string; inline: boolean }> {
  for (let index = 0; index < rawArgs.length; index += 1) {
    const token = rawArgs[index] ?? "";
    if (token === "--") return;
    if (!token.startsWith("-") || token === "-" || /^-\d/.test(token)) continue;
    const body = token.replace(/^--?/, "");
    const equals = body.indexOf("=");
    yield { index, name: equals === -1 ? body : body.slice(0, equals), inline: equals !== -1 };
  }
}

/**
 * Rejects flags the command does not define (citty itself accepts anything), so a typo such as
 * `--sice` is a usage error rather than silently ignored.
 */
export function rejectUnknownFlags(
  rawArgs: readonly string[],
  argsDef: ArgsDef,
  command: string,
): void {
  const known = new Map<string, "boolean" | "value">([
    ["help", "boolean"],
    ["h", "boolean"],
  ]);
  for (const [name, def] of Object.entries(argsDef)) {
    if (def.type === "positional") continue;
    for (const flag of flagNames(name, "alias" in def ? def.alias : undefined)) {
      known.set(flag, def.type === "boolean" ? "boolean" : "value");
      if (def.type === "boolean") known.set(`no-${flag}`, "boolean");
    }
  }
  let skipNext = -1;
  for (const option of options(rawArgs)) {
    if (option.index === skipNext) continue;
    const kind = known.get(option.name);
    if (kind === undefined) {
      const shown = option.name.length > 40 ? `${option.name.slice(0, 37)}...` : option.name;
      throw usageError(
        `Unknown option "${option.name.length === 1 ? "-" : "--"}${shown}" for \`tokenmeter ${command}\`.`,
        `Run \`tokenmeter ${command} --help\` to see its options.`,
      );
    }
    if (kind === "value" && !option.inline) skipNext = option.index + 1;
  }
}

/**
 * Every value of a repeatable option, in order: `--model a --model b,c` → `["a", "b", "c"]`
 * (citty keeps only the last one).
 */
export function repeatedOption(rawArgs: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  for (const option of options(rawArgs)) {
    if (!names.includes(option.name)) continue;
    const token = rawArgs[option.index] ?? "";
    const value = option.inline ? token.slice(token.indexOf("=") + 1) : rawArgs[option.index + 1];
    if (value === undefined || (!option.inline && value.startsWith("--"))) {
      throw usageError(`--${names[0]} needs a value.`, `For example: --${names[0]} gpt-4o`);
    }
    values.push(
      ...value
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== ""),
    );
  }
  return values;
}

/** Positional arguments (files), skipping option values. */
export function positionals(rawArgs: readonly string[], argsDef: ArgsDef): string[] {
  const valueFlags = new Set<string>();
  for (const [name, def] of Object.entries(argsDef)) {
    if (def.type === "string" || def.type === "enum") {
      for (const flag of flagNames(name, "alias" in def ? def.alias : undefined))
        valueFlags.add(flag);
    }
  }
  const out: string[] = [];
  for (let index = 0; index < rawArgs.length; index += 1) {
    const token = rawArgs[index] ?? "";
    if (token === "--") {
      out.push(...rawArgs.slice(index + 1));
      break;
    }
    if (token.startsWith("-") && token !== "-" && !/^-\d/.test(token)) {
      const name = token.replace(/^--?/, "");
      if (!name.includes("=") && valueFlags.has(name)) index += 1;
      continue;
    }
    out.push(token);
  }
  return out;
}
