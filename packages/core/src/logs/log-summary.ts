import type { LogFormat } from "./log-format.ts";
import type { LogIssueCode } from "./log-issue.ts";
import type { UnpricedItemKind } from "./log-record.ts";

/** How many locations of one issue code a summary keeps. */
export const MAX_ISSUE_LOCATIONS = 5;

/** Issues of one code in one file: how many, and where the first few are. */
export interface LogIssueTally {
  count: number;
  /** The first {@link MAX_ISSUE_LOCATIONS} locations (line, byte offset or JSON path). */
  first: { line?: number; byteOffset?: number; path?: string }[];
}

/**
 * What a reader saw in one file, returned by `LogReader.end()`. Everything a coverage section
 * needs: records read, records skipped and why, unknown models, content that was not priced.
 */
export interface LogReadSummary {
  format: LogFormat;
  file: string;
  bytesRead: number;
  /** Lines seen (line-oriented formats only; 0 for JSON documents). */
  linesRead: number;
  /** Records emitted, by kind. */
  records: { usage: number; conversation: number; call: number };
  /** Records that were not emitted because of a `skipped` issue. */
  recordsSkipped: number;
  /** Issues by code. */
  issues: Partial<Record<LogIssueCode, LogIssueTally>>;
  /** Log entries folded into a later copy of the same entry (Claude Code streaming snapshots). */
  duplicates: number;
  /** Lines that are not usage entries and are expected not to be (Claude Code user and tool lines). */
  ignoredLines: number;
  /**
   * Answers whose model could not be mapped to an API model, by the raw slug as recorded
   * (`(not recorded)` when the export names none).
   */
  unmappedModels: Record<string, number>;
  /** Non-text items (images, audio, files) seen in messages, by kind: not priced. */
  unpricedItems: Record<UnpricedItemKind, number>;
  /** Messages left out of conversations, by reason (see `SkippedMessageCounts`). */
  skippedMessages: Record<string, number>;
  /** False when reading stopped before the end of the file (truncated JSON, binary data). */
  complete: boolean;
}
