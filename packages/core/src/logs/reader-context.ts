import { TokenmeterError } from "../errors.ts";
import type { LogFormat } from "./log-format.ts";
import { type LogIssue, type LogIssueCode, logIssueSeverity } from "./log-issue.ts";
import type { LogRecord, SkippedMessageCounts, UnpricedItemKind } from "./log-record.ts";
import { type LogReadSummary, MAX_ISSUE_LOCATIONS } from "./log-summary.ts";

/** Where in the file, for issues. */
export interface IssueLocation {
  line?: number;
  byteOffset?: number;
  path?: string;
}

/** What every format reader shares: emitting records and issues, the summary, strict mode. */
export interface ReaderContext {
  readonly file: string;
  readonly format: LogFormat;
  readonly summary: LogReadSummary;
  emit(record: LogRecord): void;
  /**
   * Reports an issue. A `skipped` issue counts one skipped record (unless `countsRecord` is false)
   * and throws `BAD_LOG` in strict mode.
   */
  issue(code: LogIssueCode, reason: string, location?: IssueLocation, countsRecord?: boolean): void;
  /** Marks the file as not read to the end. */
  incomplete(): void;
  countUnmappedModel(slug: string): void;
  countUnpriced(kind: UnpricedItemKind): void;
  countSkippedMessages(skipped: SkippedMessageCounts): void;
}

export interface ReaderContextOptions {
  file: string;
  format: LogFormat;
  strict: boolean;
  onRecord: (record: LogRecord) => void;
  onIssue: ((issue: LogIssue) => void) | undefined;
}

/** `file:12`, `file at byte 3456`, `file $[3]` — how messages locate a problem. */
function describeLocation(file: string, location: IssueLocation | undefined): string {
  if (location?.line !== undefined) {
    return `${file}:${location.line}${location.byteOffset === undefined ? "" : ` (byte ${location.byteOffset})`}`;
  }
  const parts = [file];
  if (location?.path !== undefined) parts.push(location.path);
  if (location?.byteOffset !== undefined) parts.push(`at byte ${location.byteOffset}`);
  return parts.join(" ");
}

export function createReaderContext(options: ReaderContextOptions): ReaderContext {
  const { file, format, strict, onRecord, onIssue } = options;
  const summary: LogReadSummary = {
    format,
    file,
    bytesRead: 0,
    linesRead: 0,
    records: { usage: 0, conversation: 0, call: 0 },
    recordsSkipped: 0,
    issues: {},
    duplicates: 0,
    ignoredLines: 0,
    unmappedModels: {},
    unpricedItems: { image: 0, audio: 0, video: 0, file: 0, other: 0 },
    skippedMessages: {},
    complete: true,
  };

  return {
    file,
    format,
    summary,
    emit(record) {
      summary.records[record.kind] += 1;
      onRecord(record);
    },
    issue(code, reason, location, countsRecord = true) {
      const severity = logIssueSeverity(code);
      const issue: LogIssue = { file, ...location, code, severity, reason };
      let tally = summary.issues[code];
      if (tally === undefined) {
        tally = { count: 0, first: [] };
        summary.issues[code] = tally;
      }
      tally.count += 1;
      if (tally.first.length < MAX_ISSUE_LOCATIONS && location !== undefined) {
        tally.first.push({ ...location });
      }
      if (severity === "skipped" && countsRecord) summary.recordsSkipped += 1;
      if (strict && severity === "skipped") {
        throw new TokenmeterError(
          "BAD_LOG",
          `${describeLocation(file, location)}: ${reason}. In strict mode tokenmeter stops at the first unreadable record; without --strict, such records are skipped, counted and listed under Coverage.`,
          { details: { file, ...location, issue: code } },
        );
      }
      onIssue?.(issue);
    },
    incomplete() {
      summary.complete = false;
    },
    countUnmappedModel(slug) {
      summary.unmappedModels[slug] = (summary.unmappedModels[slug] ?? 0) + 1;
    },
    countUnpriced(kind) {
      summary.unpricedItems[kind] += 1;
    },
    countSkippedMessages(skipped) {
      for (const [reason, count] of Object.entries(skipped)) {
        if (count > 0)
          summary.skippedMessages[reason] = (summary.skippedMessages[reason] ?? 0) + count;
      }
    },
  };
}
