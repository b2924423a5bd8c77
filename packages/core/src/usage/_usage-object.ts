import { TokenmeterError } from "../errors.ts";
import { describe } from "./_describe-value.ts";

/**
 * The provider usage object in `value`: `value` itself when it has one of `countFields`, else its
 * `wrapper` property (a whole response or message was passed). Logs omit zero counts, so no single
 * field is required, but an object with none of them is not usage.
 *
 * @throws TokenmeterError `INVALID_USAGE` saying what was expected (`expected`, e.g. "input_tokens
 *   and output_tokens") and what came instead, by type only.
 */
export function usageObjectOf(
  value: unknown,
  wrapper: string,
  countFields: readonly string[],
  what: string,
  expected: string,
): object {
  const hasCount = (object: object): boolean => countFields.some((field) => field in object);
  let raw = value;
  if (typeof value === "object" && value !== null && !hasCount(value)) {
    const inner = (value as Record<string, unknown>)[wrapper];
    if (typeof inner === "object" && inner !== null) raw = inner;
  }
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw) && hasCount(raw)) return raw;
  throw new TokenmeterError(
    "INVALID_USAGE",
    `Invalid ${what}: expected an object with ${expected}, got ${describe(raw)}${typeof raw === "object" && raw !== null ? " without any token count" : ""}.`,
    { details: { field: countFields[0] ?? "" } },
  );
}
