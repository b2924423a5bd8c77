import type { z } from "zod";
import { TokenmeterError } from "../errors.ts";
import { formatJsonPath, issuePath, valueAtPath } from "../pricing/json-path.ts";
import { describe } from "./_describe-value.ts";

/**
 * Turns a failed parse of a provider usage object into an `INVALID_USAGE` error that names each
 * bad field and what it held (numbers are shown, other values only by type: never echo text).
 */
export function usageSchemaError(
  what: string,
  error: z.ZodError,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): TokenmeterError {
  const problems = error.issues.slice(0, 3).map((issue) => {
    const path = [...prefix, ...issue.path];
    const field = path.length === 0 ? "(the object itself)" : formatJsonPath(issuePath(path));
    const value = valueAtPath(input, issue.path);
    const got = value === undefined ? "it is missing" : `got ${describe(value)}`;
    return `${field}: ${issue.message}, ${got}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  const first = error.issues[0];
  return new TokenmeterError("INVALID_USAGE", `Invalid ${what}: ${problems.join("; ")}${more}.`, {
    cause: error,
    details: {
      field: first === undefined ? "" : formatJsonPath(issuePath([...prefix, ...first.path])),
    },
  });
}

/** Throws `INVALID_USAGE` when a part of a usage object is larger than the total that includes it. */
export function assertPartOf(
  what: string,
  partField: string,
  partTokens: number,
  wholeField: string,
  wholeTokens: number,
): void {
  if (partTokens > wholeTokens) {
    throw new TokenmeterError(
      "INVALID_USAGE",
      `Invalid ${what}: ${partField} (${partTokens}) is larger than ${wholeField} (${wholeTokens}), which includes it. The usage object is inconsistent; check that it comes from one response.`,
      { details: { field: partField } },
    );
  }
}
