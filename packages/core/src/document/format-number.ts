// The locale is fixed (en-US), not the machine's: the CLI, the site and tests print the same characters.
const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const TWO_DECIMALS = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * US dollars for people: two decimals from ten cents up (`$4.80`, `$1,234.50`), three significant
 * digits below (`$0.0169`, `$0.000123`), so a single message's cost never shows as `$0.00`.
 * Rounding happens here only; reports keep the raw amounts.
 *
 * @example
 * formatUsd(1234.5); // "$1,234.50"
 * formatUsd(0.0169); // "$0.0169"
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return "n/a";
  const sign = usd < 0 ? "-" : "";
  const magnitude = Math.abs(usd);
  if (magnitude === 0) return "$0.00";
  if (magnitude >= 0.1) return `${sign}$${TWO_DECIMALS.format(magnitude)}`;
  const rounded = Number(magnitude.toPrecision(3));
  const digits = rounded
    .toFixed(Math.max(2, 2 - Math.floor(Math.log10(rounded))))
    .replace(/0+$/, "");
  return `${sign}$${digits}`;
}

/** A price per million tokens: `$2.50`, `$0.075`. */
export function formatUsdPerMTok(usdPerMTok: number): string {
  if (usdPerMTok >= 0.01 && Math.round(usdPerMTok * 100) === usdPerMTok * 100) {
    return `$${TWO_DECIMALS.format(usdPerMTok)}`;
  }
  return `$${Number(usdPerMTok.toPrecision(6))}`;
}

/** A whole count with thousands separators: `1,234,567`. */
export function formatCount(count: number): string {
  return INTEGER.format(count);
}

/** A ratio as a percentage with one decimal: `12.5%`. */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
