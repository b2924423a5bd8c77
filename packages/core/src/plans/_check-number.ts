import { TokenmeterError } from "../errors.ts";
import { describe } from "../usage/_describe-value.ts";

/**
 * `value` when it is a finite number at or above `min`; otherwise `INVALID_INPUT` naming the field
 * and the value (numbers are shown, anything else only by its type).
 */
export function checkedNumber(value: unknown, field: string, min = 0): number {
  if (typeof value === "number" && Number.isFinite(value) && value >= min) return value;
  throw new TokenmeterError(
    "INVALID_INPUT",
    `${field} must be a finite number of at least ${min}, got ${describe(value)}.`,
    { details: { field } },
  );
}
