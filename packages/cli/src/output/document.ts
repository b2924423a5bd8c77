/** How a column's raw values are shown: CSV and JSON keep raw numbers, tables format them. */
export type ColumnKind = "text" | "usd" | "usdPerMTok" | "tokens" | "count" | "percent" | "flag";

/** A raw cell value. `null` is shown as `—` in tables and left empty in CSV. */
export type CellValue = string | number | boolean | null;

export interface Column {
  /** CSV header, with its unit (`totalUsd`, `inputTokens`). */
  key: string;
  /** Header for people. */
  header: string;
  kind: ColumnKind;
  /** Longest text shown in a terminal table before it is cut with `…`. */
  maxWidth?: number;
}

export interface Table {
  columns: Column[];
  rows: CellValue[][];
  /** A last row set apart (totals). */
  footer?: CellValue[];
}

/** A block of a command's human-readable output. */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "table"; table: Table }
  | { kind: "text"; lines: string[]; tone?: "plain" | "note" | "warning" | "good" | "bad" }
  | { kind: "list"; title?: string; items: string[] };

/** A command's output: blocks for people, one primary table for CSV, an object for JSON. */
export interface Document {
  blocks: Block[];
  /** The table `--csv` prints. */
  csv: Table;
  /** What `--json` prints. */
  json: unknown;
}
