/**
 * How a column's raw values are shown: CSV and JSON keep the raw numbers, tables for people format
 * them with {@link formatCell}.
 */
export type ColumnKind = "text" | "usd" | "usdPerMTok" | "tokens" | "count" | "percent" | "flag";

/** A raw cell value. `null` is shown as `—` in tables for people and left empty in CSV. */
export type CellValue = string | number | boolean | null;

/** One column of a {@link DocumentTable}. */
export interface DocumentColumn {
  /** CSV header and JSON-style key, with its unit (`totalUsd`, `inputTokens`). */
  key: string;
  /** Header for people. */
  header: string;
  kind: ColumnKind;
  /** Longest text a terminal table shows before cutting it with `…`, in terminal cells. */
  maxWidth?: number;
}

/** A table of raw values: rows hold one {@link CellValue} per column. */
export interface DocumentTable {
  columns: DocumentColumn[];
  rows: CellValue[][];
  /** A last row set apart (totals). */
  footer?: CellValue[];
}

/** A block of a report's human-readable output, in reading order. */
export type DocumentBlock =
  | { kind: "heading"; text: string }
  | { kind: "table"; table: DocumentTable }
  | { kind: "text"; lines: string[]; tone?: "plain" | "note" | "warning" | "good" | "bad" }
  | { kind: "list"; title?: string; items: string[] };

/**
 * A report laid out once for every renderer: blocks for people (the CLI's terminal and Markdown
 * renderers, the site's DOM), one primary table for CSV, and an object for JSON. Values stay raw;
 * renderers format them with {@link formatCell}, so every edge shows the same characters.
 *
 * @example
 * const document = estimateDocument(report, { inputs: "chatgpt-export.zip" });
 * document.blocks[0]; // { kind: "heading", text: "tokenmeter estimate · chatgpt-export.zip · …" }
 */
export interface ReportDocument {
  blocks: DocumentBlock[];
  /** The table a CSV export holds. */
  csv: DocumentTable;
  /** What a JSON export holds. */
  json: unknown;
}
