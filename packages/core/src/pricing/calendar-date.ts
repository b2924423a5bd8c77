import { TokenmeterError } from "../errors.ts";
import { shownValue, typeOfValue } from "./shown-value.ts";

/**
 * ISO 8601 calendar date, optionally with a time (`T` or a space) and a zone (`Z`, `±hh:mm`, `±hhmm`).
 * Only this form is read: other formats would parse in the machine's local time zone, which core
 * must never depend on.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** A date read from text: a calendar day (no time given) or an instant. */
export type ReadDate =
  | { readonly kind: "day"; readonly day: string }
  | { readonly kind: "instant"; readonly date: Date };

/**
 * Reads an ISO 8601 date (`2025-03-01`) or date-time (`2025-03-01T12:00:00Z`). A time without a zone
 * is read as UTC. `undefined` when the text is not of that form or names a day that does not exist
 * (`2025-02-29`: JavaScript's Date would roll it over to March 1).
 */
export function readIsoDate(value: string): ReadDate | undefined {
  const text = value.trim();
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, year = "", month = "", day = "", hour, , , zone] = match;
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return undefined;
  const isoDay = `${year}-${month}-${day}`;
  if (hour === undefined) return { kind: "day", day: isoDay };
  const date = new Date(`${isoDay}T${text.slice(11)}${zone === undefined ? "Z" : ""}`);
  return Number.isNaN(date.getTime()) ? undefined : { kind: "instant", date };
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Reads `at` (an ISO date or date-time string, or a `Date`) for a function's `field` option.
 * @throws TokenmeterError `INVALID_INPUT` naming the field and the forms accepted.
 */
export function readDateOption(at: unknown, field = "at"): ReadDate {
  if (at instanceof Date) {
    // Years outside 1–9999 have no YYYY-MM-DD form to compare with the table's dates.
    const year = at.getUTCFullYear();
    if (year >= 1 && year <= 9999) return { kind: "instant", date: at };
  } else if (typeof at === "string") {
    const read = readIsoDate(at);
    if (read !== undefined) return read;
  }
  const shown =
    typeof at === "string"
      ? `"${shownValue(at, 40)}"`
      : at instanceof Date
        ? "(an invalid Date)"
        : typeOfValue(at);
  throw new TokenmeterError(
    "INVALID_INPUT",
    `Cannot read the date ${shown} (${field}): use YYYY-MM-DD, an ISO timestamp such as 2025-03-01T12:00:00Z, or a Date.`,
    { details: { field } },
  );
}

/**
 * The UTC calendar date (`YYYY-MM-DD`) of a date-only string, an ISO timestamp or a `Date`. A
 * timestamp without a zone is read as UTC; a date that does not exist (`2025-02-29`) is refused.
 * @throws TokenmeterError `INVALID_INPUT` when the value is not a readable date.
 * @example toPriceDate("2025-03-01T23:30:00-05:00") // "2025-03-02"
 */
export function toPriceDate(at: string | Date): string {
  const read = readDateOption(at);
  return read.kind === "day" ? read.day : read.date.toISOString().slice(0, 10);
}
