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
  const problems = result.error.issues.map(
    (issue) => `${issue.path.length > 0 ? flagName(issue.path[0]) : "arguments"}: ${issue.message}`,
  );
  throw usageError(
    problems.length === 1
      ? `Invalid option ${problems[0]}.`
      : `Invalid options:\n  ${problems.join("\n  ")}`,
    `Run \`tokenmeter ${command} --help\` for the expected values.`,
  );
}
