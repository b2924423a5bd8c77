import type { z } from "zod";
import { usageError } from "../cli-error.ts";

function flagName(key: PropertyKey | undefined): string {
  if (typeof key !== "string") return "argument";
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * Validates a command's parsed arguments with its zod schema. A failure is a usage error that
 * names each flag and what it expects; values are not echoed back beyond the flag name.
 */
export function parseOptions<T extends z.ZodType>(
  schema: T,
  input: unknown,
  command: string,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // One problem per flag: a malformed date also fails the calendar check, which says less.
  const byFlag = new Map<string, string>();
  for (const issue of result.error.issues) {
    const flag = issue.path.length > 0 ? flagName(issue.path[0]) : "arguments";
    if (!byFlag.has(flag)) byFlag.set(flag, issue.message);
  }
  const problems = [...byFlag].map(([flag, message]) => `${flag}: ${message}`);
  throw usageError(
    problems.length === 1
      ? `Invalid option ${problems[0]}.`
      : `Invalid options:\n  ${problems.join("\n  ")}`,
    `Run \`tokenmeter ${command} --help\` for the expected values.`,
  );
}
