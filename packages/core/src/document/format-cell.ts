import type { CellValue, ColumnKind } from "./document.ts";
import { formatCount, formatPercent, formatUsd, formatUsdPerMTok } from "./format-number.ts";
import { printable } from "./printable.ts";

/**
 * A cell as people read it, the same in a terminal, in Markdown and on the site: `null` as `—`,
 * booleans as `yes`/`no`, text made {@link printable}, numbers by their column's kind.
 *
 * @example
 * formatCell(4.8, "usd");        // "$4.80"
 * formatCell(1234567, "tokens"); // "1,234,567"
 */
export function formatCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return printable(value);
  switch (kind) {
    case "usd":
      return formatUsd(value);
    case "usdPerMTok":
      return formatUsdPerMTok(value);
    case "tokens":
    case "count":
      return formatCount(value);
    case "percent":
      return formatPercent(value);
    default:
      return String(value);
  }
}

/** True for columns of numbers, which line up on the right. */
export function isNumericColumn(kind: ColumnKind): boolean {
  return kind !== "text" && kind !== "flag";
}
