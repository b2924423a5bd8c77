import { TokenmeterError } from "../errors.ts";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar date (`YYYY-MM-DD`) of `at` in `timeZone`. A date-only string is already a calendar
 * date and is returned as is; a timestamp or `Date` is read in the zone (default UTC), so a message
 * sent at 23:30 in New York on the last day of a month belongs to that month.
 *
 * @throws TokenmeterError `INVALID_INPUT` for an unreadable date or an unknown IANA time zone.
 */
export function localDate(at: string | Date, timeZone: string | undefined): string {
  if (typeof at === "string" && ISO_DAY.test(at)) {
    if (Number.isNaN(Date.parse(at))) throw badDate(at);
    return at;
  }
  const date = typeof at === "string" ? new Date(at) : at;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw badDate(at);
  if (timeZone === undefined || timeZone === "UTC") return date.toISOString().slice(0, 10);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(date);
  } catch (error) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `Unknown time zone "${timeZone.slice(0, 60)}": use an IANA name such as "Europe/Berlin" or "UTC".`,
      { cause: error, details: { field: "timeZone" } },
    );
  }
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Days in the calendar month of an ISO date (`2024-02-10` → 29). */
export function daysInMonthOf(isoDay: string): number {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  // Day 0 of the next month is the last day of this one; UTC avoids any local-zone shift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function badDate(at: unknown): TokenmeterError {
  const shown =
    typeof at === "string"
      ? `"${at.length > 40 ? `${at.slice(0, 37)}...` : at}"`
      : "(an invalid Date)";
  return new TokenmeterError(
    "INVALID_INPUT",
    `Cannot read the date ${shown}: use YYYY-MM-DD, an ISO timestamp such as 2026-03-01T12:00:00Z, or a Date.`,
    { details: { field: "at" } },
  );
}
