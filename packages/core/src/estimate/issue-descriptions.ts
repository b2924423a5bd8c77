import { DEFAULT_MAX_LINE_BYTES } from "../logs/create-log-reader.ts";
import type { LogIssueCode } from "../logs/log-issue.ts";

/**
 * One sentence per issue code for the coverage section: what it means and what to do. The
 * readers' own per-issue sentences name the exact line; these group them.
 */
export const ISSUE_DESCRIPTIONS: Readonly<Record<LogIssueCode, string>> = {
  BAD_JSON:
    "Not valid JSON: the record was skipped. Fix or remove it; the strict option stops at the first one instead.",
  BAD_RECORD:
    "Valid JSON or CSV, but a required field is missing or impossible: the record was skipped.",
  LINE_TOO_LONG: `A line longer than the limit per line (${DEFAULT_MAX_LINE_BYTES / 1024 / 1024} MiB unless set otherwise) was skipped without being read.`,
  BINARY: "Binary, compressed or UTF-16 data, not a text log: nothing was read from it.",
  TRUNCATED:
    "The JSON document ends before it is complete (an interrupted download or unzip): the rest is missing.",
  EMPTY_FILE: "The file is empty.",
  NO_USAGE:
    "Log entries without token usage (streaming chunks, embeddings without counts): nothing to price.",
  REQUEST_FAILED: "Failed requests: providers do not bill these.",
  SYNTHETIC_MODEL:
    "Entries written by the Claude Code client itself (<synthetic>): not billed by the API.",
  UNKNOWN_MODEL_SLUG:
    "ChatGPT model names missing from tokenmeter's slug table: those answers are listed under unpriced models.",
  NO_CURRENT_NODE:
    "Conversations without a current_node: the latest message was taken as the end of the active branch.",
  UNKNOWN_COLUMNS: "CSV columns tokenmeter does not use.",
  UNPRICED_COLUMNS:
    "Usage columns that are read but have no price in the table (e.g. audio tokens): not included.",
  EMPTY_EXPORT:
    "A usage CSV with time buckets only, which the platform writes when there was no usage.",
};
