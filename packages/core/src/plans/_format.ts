/**
 * Number formatting for verdict sentences. Locale-independent on purpose (no Intl), so the CLI, the
 * site and tests print the same characters everywhere. Rounding happens only here.
 */

/** `$1,234.56`; amounts under a cent as `$0.004`, so tiny costs do not print as $0.00. */
export function usd(amount: number): string {
  if (amount !== 0 && Math.abs(amount) < 0.01) return `$${amount.toPrecision(1)}`;
  return `$${grouped(amount.toFixed(2))}`;
}

/** A count with at most one decimal below 10 and none above: `7.5`, `58`, `1,240`. */
export function count(value: number): string {
  if (value < 10 && !Number.isInteger(Math.round(value * 10) / 10)) return value.toFixed(1);
  return grouped(Math.round(value).toFixed(0));
}

function grouped(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign === "" ? whole : whole.slice(1);
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${withCommas}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** "3 hours", "5 hours", "day", "week" for a cap window. */
export function windowName(hours: number): string {
  if (hours === 24) return "day";
  if (hours === 168) return "week";
  return `${count(hours)} hours`;
}
