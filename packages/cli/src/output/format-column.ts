import { type CellValue, type ColumnKind, type DocumentTable, formatCell } from "@tokenmeter/core";

const MAX_USD_DECIMALS = 6;

function fixed(decimals: number): Intl.NumberFormat {
  return new Intl.NumberFormat("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/**
 * How many decimals a column of dollar amounts shows, the same for every cell so that the
 * amounts line up and a total never looks smaller than a part (`$0.10` under `$0.0049`):
 * cents once any amount reaches a dollar (sub-cent detail is noise next to dollars); below, enough
 * for two significant digits of the smallest non-zero amount (at least two, at most six decimals).
 */
export function usdColumnDecimals(amounts: readonly number[]): number {
  const magnitudes = amounts.filter((usd) => Number.isFinite(usd)).map((usd) => Math.abs(usd));
  const nonZero = magnitudes.filter((usd) => usd > 0);
  if (nonZero.length === 0 || Math.max(...magnitudes) >= 1) return 2;
  const smallest = Math.min(...nonZero);
  return Math.min(MAX_USD_DECIMALS, Math.max(2, Math.ceil(-Math.log10(smallest)) + 1));
}

/** `usd` with `decimals` decimals; a non-zero amount that would round to zero shows as `<$0.01`. */
export function formatUsdFixed(usd: number, decimals: number): string {
  if (!Number.isFinite(usd)) return "n/a";
  const sign = usd < 0 ? "-" : "";
  const magnitude = Math.abs(usd);
  const smallestShown = 10 ** -decimals;
  if (magnitude > 0 && magnitude < smallestShown / 2) {
    return `${sign}<$${fixed(decimals).format(smallestShown)}`;
  }
  return `${sign}$${fixed(decimals).format(magnitude)}`;
}

/**
 * A price per million tokens: cents when it is a whole number of cents (`$2.50`, `$1.10`), up to
 * six significant digits otherwise (`$0.075`). Tolerates binary fractions: 1.1 × 100 is not 110.
 */
export function formatUsdPerMTokCell(usdPerMTok: number): string {
  if (!Number.isFinite(usdPerMTok)) return "n/a";
  const cents = usdPerMTok * 100;
  if (
    Math.abs(usdPerMTok) >= 0.01 &&
    Math.abs(cents - Math.round(cents)) < 1e-9 * Math.max(1, Math.abs(cents))
  ) {
    return `${usdPerMTok < 0 ? "-" : ""}$${fixed(2).format(Math.abs(usdPerMTok))}`;
  }
  return `$${Number(usdPerMTok.toPrecision(6))}`;
}

/**
 * The cells of one column as people read them, in a terminal or in Markdown. Dollar columns share
 * one number of decimals ({@link usdColumnDecimals}); other kinds are formatted cell by cell by
 * core's `formatCell`.
 */
export function formatColumn(values: readonly CellValue[], kind: ColumnKind): string[] {
  if (kind === "usd") {
    const decimals = usdColumnDecimals(
      values.filter((value): value is number => typeof value === "number"),
    );
    return values.map((value) =>
      typeof value === "number" ? formatUsdFixed(value, decimals) : formatCell(value, kind),
    );
  }
  if (kind === "usdPerMTok") {
    return values.map((value) =>
      typeof value === "number" ? formatUsdPerMTokCell(value) : formatCell(value, kind),
    );
  }
  return values.map((value) => formatCell(value, kind));
}

/** Every cell of `table` formatted column by column (the footer is part of its column). */
export function formatTableCells(table: DocumentTable): {
  rows: string[][];
  footer: string[] | undefined;
} {
  const all = table.footer === undefined ? table.rows : [...table.rows, table.footer];
  const columns = table.columns.map((column, index) =>
    formatColumn(
      all.map((row) => row[index] ?? null),
      column.kind,
    ),
  );
  const rowAt = (rowIndex: number) => columns.map((cells) => cells[rowIndex] ?? "");
  return {
    rows: table.rows.map((_, rowIndex) => rowAt(rowIndex)),
    footer: table.footer === undefined ? undefined : rowAt(table.rows.length),
  };
}
