import { readIsoDate } from "../pricing/calendar-date.ts";

/** Unix times below this are seconds; at or above, milliseconds (10^11 s is the year 5138). */
const MILLISECONDS_FROM = 1e11;

/** The latest instant a JavaScript Date can hold, in milliseconds. */
const MAX_DATE_MS = 8.64e15;

/** ISO 8601 (UTC, millisecond precision) of a Unix time in seconds, or undefined when impossible. */
export function isoFromEpochSeconds(seconds: number): string | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const ms = Math.round(seconds * 1000);
  if (Math.abs(ms) > MAX_DATE_MS) return undefined;
  return new Date(ms).toISOString();
}

/** ISO 8601 of a Unix time given in seconds or milliseconds (told apart by size). */
function isoFromEpoch(value: number): string | undefined {
  return Math.abs(value) >= MILLISECONDS_FROM
    ? isoFromEpochSeconds(value / 1000)
    : isoFromEpochSeconds(value);
}

/**
 * Normalizes an ISO 8601 date or date-time to ISO 8601 in UTC. A time without a zone is read as
 * UTC (core never depends on the machine's time zone). Undefined when it cannot be read, or when
 * the calendar date does not exist (`2024-02-30`).
 */
export function isoFromString(value: string): string | undefined {
  const read = readIsoDate(value);
  if (read === undefined) return undefined;
  return read.kind === "day" ? `${read.day}T00:00:00.000Z` : read.date.toISOString();
}

/** ISO 8601 in UTC from a logged timestamp: an ISO string or a Unix time (s or ms). */
export function isoFromTimestamp(value: unknown): string | undefined {
  if (typeof value === "number") return isoFromEpoch(value);
  if (typeof value === "string") return isoFromString(value);
  return undefined;
}

/** True for an ISO 8601 date without a time of day (`2025-03-01`): it names a day, not an instant. */
export function isDateOnly(value: unknown): boolean {
  return typeof value === "string" && readIsoDate(value)?.kind === "day";
}
