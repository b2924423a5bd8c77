import type { CellValue, ColumnKind } from "./document.ts";
import { formatCount, formatPercent, formatUsd, formatUsdPerMTok } from "./format-number.ts";
import { printable } from "./style.ts";

/** A cell as people read it (terminal and Markdown). */
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

/** Numbers line up on the right. */
export function isNumeric(kind: ColumnKind): boolean {
  return kind !== "text" && kind !== "flag";
}
