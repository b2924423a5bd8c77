import { TokenmeterError } from "../errors.ts";

/** Calendar days and months of instants, in one IANA time zone. */
export interface Calendar {
  readonly timeZone: string;
  /** `YYYY-MM-DD` of the instant (ms since the Unix epoch) in the calendar's time zone. */
  dayKey(epochMs: number): string;
  /** `YYYY-MM` of the instant in the calendar's time zone. */
  monthKey(epochMs: number): string;
}

// Every time zone in use since 1970 has offsets (and DST switches) on 15-minute boundaries, so
// all instants of one 15-minute bucket share a calendar day: one Intl call per bucket, not per record.
const BUCKET_MS = 15 * 60 * 1000;
const MAX_CACHED_BUCKETS = 200_000;

/**
 * A calendar for `timeZone` (an IANA name such as `Europe/Paris`, or `UTC`).
 * Throws `INVALID_INPUT` for a name the runtime does not know.
 *
 * @example createCalendar("America/New_York").dayKey(Date.UTC(2025, 0, 1, 3)) // "2024-12-31"
 */
export function createCalendar(timeZone: string): Calendar {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      calendar: "iso8601",
      numberingSystem: "latn",
    });
  } catch (cause) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `Unknown time zone "${timeZone}". Use an IANA name such as "UTC", "Europe/Paris" or "America/New_York".`,
      { cause, details: { timeZone } },
    );
  }
  const resolvedTimeZone = format.resolvedOptions().timeZone;
  const cache = new Map<number, string>();

  function dayKey(epochMs: number): string {
    if (!Number.isFinite(epochMs)) {
      throw new TokenmeterError("INVALID_INPUT", `Not a valid instant: ${String(epochMs)}.`);
    }
    const bucket = Math.floor(epochMs / BUCKET_MS);
    const cached = cache.get(bucket);
    if (cached !== undefined) return cached;
    let year = "";
    let month = "";
    let day = "";
    for (const part of format.formatToParts(new Date(bucket * BUCKET_MS))) {
      if (part.type === "year") year = part.value;
      else if (part.type === "month") month = part.value;
      else if (part.type === "day") day = part.value;
    }
    const key = `${year.padStart(4, "0")}-${month}-${day}`;
    if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
    cache.set(bucket, key);
    return key;
  }

  return {
    timeZone: resolvedTimeZone,
    dayKey,
    monthKey: (epochMs) => dayKey(epochMs).slice(0, 7),
  };
}

/** Number of days in a `YYYY-MM` month. */
export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const monthIndex = Number(month.slice(5, 7));
  return new Date(Date.UTC(year, monthIndex, 0)).getUTCDate();
}

/** Every `YYYY-MM` from `first` to `last`, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const endYear = Number(last.slice(0, 4));
  const endMonth = Number(last.slice(5, 7));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
