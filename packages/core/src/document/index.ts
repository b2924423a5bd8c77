export type {
  CellValue,
  ColumnKind,
  DocumentBlock,
  DocumentColumn,
  DocumentTable,
  ReportDocument,
} from "./document.ts";
export { formatCell, isNumericColumn } from "./format-cell.ts";
export { formatCount, formatPercent, formatUsd, formatUsdPerMTok } from "./format-number.ts";
export { printable } from "./printable.ts";
