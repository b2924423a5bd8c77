import { TokenmeterError } from "../errors.ts";
import { readDateOption } from "../pricing/calendar-date.ts";
import { shownValue, typeOfValue } from "../pricing/shown-value.ts";

/**
 * The calendar date (`YYYY-MM-DD`) of `at` in `timeZone`. A date-only string is already a calendar
 * date and is returned as is; a timestamp or `Date` is read in the zone (default UTC), so a message
 * sent at 23:30 in New York on the last day of a month belongs to that month. A timestamp without a
 * zone is read as UTC, never in the machine's own zone.
 *
 * @throws TokenmeterError `INVALID_INPUT` for an unreadable or non-existent date, or an unknown IANA
 *   time zone.
 */
export function localDate(at: string | Date, timeZone: string | undefined): string {
  const read = readDateOption(at);
  if (read.kind === "day") return read.day;
  if (timeZone === undefined || timeZone === "UTC") return read.date.toISOString().slice(0, 10);
  let parts: Intl.DateTimeFormatPart[];
  try {
    if (typeof timeZone !== "string") throw new TypeError("not a string");
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(read.date);
  } catch (error) {
    const shown =
      typeof timeZone === "string" ? `"${shownValue(timeZone, 60)}"` : typeOfValue(timeZone);
    throw new TokenmeterError(
      "INVALID_INPUT",
      `Unknown time zone ${shown}: use an IANA name such as "Europe/Berlin" or "UTC".`,
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
