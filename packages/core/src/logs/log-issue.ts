/**
 * Why a reader skipped something or wants the user to know something. Codes are stable: callers
 * match on them, and coverage reports group by them.
 */
export const LOG_ISSUE_CODES = {
  // Data was lost: the record (or the rest of the file) was not read. `strict` mode throws on these.
  /** A line (JSONL) or the document (JSON) is not valid JSON. */
  BAD_JSON: "skipped",
  /** Valid JSON or CSV, but a required field is missing or impossible. The reason names the field. */
  BAD_RECORD: "skipped",
  /** A line longer than `maxLineBytes`: skipped without being held in memory. */
  LINE_TOO_LONG: "skipped",
  /** The file is binary (or compressed, or UTF-16): nothing was read. */
  BINARY: "skipped",
  /** The JSON document ends before it is complete (an interrupted download or unzip). */
  TRUNCATED: "skipped",
  /** The file is empty or only whitespace. */
  EMPTY_FILE: "skipped",
  // Nothing billable was lost; the user may still want to know.
  /** A log entry without token usage (a streaming chunk without `usage`, an embedding without counts). */
  NO_USAGE: "notice",
  /** A failed request (Batch error line, non-200 status): providers do not bill these. */
  REQUEST_FAILED: "notice",
  /** A Claude Code `<synthetic>` entry (written by the client, not billed by the API). */
  SYNTHETIC_MODEL: "notice",
  /** A ChatGPT model slug that is not in the slug table: its answers carry no `apiModel`. */
  UNKNOWN_MODEL_SLUG: "notice",
  /** A ChatGPT conversation whose `current_node` is missing: the latest leaf was taken instead. */
  NO_CURRENT_NODE: "notice",
  /** CSV columns this reader does not use (listed by name). */
  UNKNOWN_COLUMNS: "notice",
  /** Usage columns that are read but cannot be priced (audio tokens in the usage CSV). */
  UNPRICED_COLUMNS: "notice",
  /** A usage CSV with time buckets only: the platform writes this when there was no usage. */
  EMPTY_EXPORT: "notice",
} as const;

/** A stable issue code, see {@link LOG_ISSUE_CODES}. */
export type LogIssueCode = keyof typeof LOG_ISSUE_CODES;

/** `skipped`: data was not read (strict mode throws). `notice`: informational, nothing lost. */
export type LogIssueSeverity = (typeof LOG_ISSUE_CODES)[LogIssueCode];

/**
 * Something a reader skipped or noticed. Locates the problem and says what to do, and never
 * contains the user's text: no message content, no titles, no JSON snippets.
 */
export interface LogIssue {
  file: string;
  /** 1-based line (JSONL, CSV). */
  line?: number;
  /** 0-based byte offset into the (decompressed) file. */
  byteOffset?: number;
  /** JSON path, e.g. `$[12]` (the 13th conversation). */
  path?: string;
  code: LogIssueCode;
  severity: LogIssueSeverity;
  /** A sentence for a person: what is wrong, where, and what to do. Never quotes the record. */
  reason: string;
}

/** The severity of an issue code. */
export function logIssueSeverity(code: LogIssueCode): LogIssueSeverity {
  return LOG_ISSUE_CODES[code];
}
