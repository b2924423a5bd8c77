import { z } from "zod";

/** `YYYY-MM-DD` that is a real calendar date. */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date like 2025-03-01" })
  .refine(
    (value) => {
      // Runs even after the regex failed, so it must not throw on any string.
      const time = Date.parse(`${value}T00:00:00Z`);
      return Number.isFinite(time) && new Date(time).toISOString().startsWith(value);
    },
    { error: "not a calendar date", abort: true },
  );

/** Today's date in UTC, `YYYY-MM-DD`: the CLI's default "now" for prices. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
