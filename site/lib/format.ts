// Number and date formatting for every page, through Intl. The locale is fixed (en-US) so that the
// HTML rendered at build time and the numbers computed in the browser read the same; amounts are USD.

const LOCALE = "en-US";

const usdWhole = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const usdCents = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
// Two significant digits, trailing zero kept ($0.0070, not $0.007), so a column of small amounts
// reads at one precision.
const usdSmall = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  minimumSignificantDigits: 2,
  maximumSignificantDigits: 2,
});
const usdPrice = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat(LOCALE, {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const monthYear = new Intl.DateTimeFormat(LOCALE, {
  year: "numeric",
  month: "short",
  timeZone: "UTC",
});

/**
 * A dollar amount at a precision that fits its size: `$1,234`, `$12.34`, `$0.42`, `$0.0031`.
 * Amounts under ten cents keep two significant digits so they never read as `$0.00`.
 */
export function formatUsd(amountUsd: number): string {
  if (!Number.isFinite(amountUsd)) return "—";
  const size = Math.abs(amountUsd);
  if (size === 0) return usdCents.format(0);
  if (size >= 1000) return usdWhole.format(amountUsd);
  if (size >= 0.1) return usdCents.format(amountUsd);
  return usdSmall.format(amountUsd);
}

/** A whole-dollar amount without cents (`$15`), cents kept otherwise: for limits people type. */
export function formatUsdLimit(amountUsd: number): string {
  return Number.isInteger(amountUsd) ? usdWhole.format(amountUsd) : formatUsd(amountUsd);
}

/** A price in USD per million tokens, e.g. `$2.50`, `$0.075`. */
export function formatUsdPerMTok(usdPerMTok: number): string {
  return usdPrice.format(usdPerMTok);
}

/** A token or message count with thousands separators: `12,345`. */
export function formatCount(count: number): string {
  return integer.format(count);
}

/** A count with at most one decimal: `3.5`, `1,234`. */
export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}

/**
 * Messages a day as the verdict sentences write them (core's rule): one decimal below 10, whole
 * numbers from 10, so a break-even reads "about 13" in the sentence, the facts and the table alike.
 */
export function formatMessagesPerDay(messagesPerDay: number): string {
  // toFixed and Math.round, as core's sentences round (Intl would round 0.35 up from its shortest
  // decimal form, where toFixed rounds the stored binary value 0.34999… down).
  const tenths = Math.round(messagesPerDay * 10) / 10;
  if (messagesPerDay < 10 && !Number.isInteger(tenths)) return messagesPerDay.toFixed(1);
  return integer.format(Math.round(messagesPerDay));
}

/** A large count in short form: `128K`, `1M`. */
export function formatCompact(count: number): string {
  return compact.format(count);
}

/** A share between 0 and 1 as a percentage: `25%`. */
export function formatPercent(share: number): string {
  return percent.format(share);
}

/** An ISO calendar date (`2025-07-04`) for people: `Jul 4, 2025`. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : longDate.format(date);
}

const localDate = new Intl.DateTimeFormat(LOCALE, {
  year: "numeric",
  month: "short",
  day: "numeric",
});

/**
 * A moment (ISO 8601 timestamp) as the calendar date in the browser's own time zone: `Nov 27, 2026`.
 * Only for things that happen in the browser (a scenario's save time), never in build-time HTML.
 */
export function formatLocalDate(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? isoTimestamp : localDate.format(date);
}

/** An ISO month or date as `Jul 2025`. */
export function formatMonth(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : monthYear.format(date);
}
