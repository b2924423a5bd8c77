import { TokenmeterError } from "../errors.ts";
import { type ByteSink, withBinaryCheck } from "./byte-prelude.ts";
import { readChatGptConversation } from "./chatgpt-conversation.ts";
import { type ClaudeCodeDedupe, createClaudeCodeDedupe } from "./claude-code-dedupe.ts";
import { readClaudeCodeLine } from "./claude-code-line.ts";
import { readClaudeConversation } from "./claude-conversation.ts";
import { readGenericLine } from "./generic-jsonl-line.ts";
import { createJsonDocumentStream } from "./json-document-stream.ts";
import { createJsonlReader } from "./jsonl-reader.ts";
import { isLogFormat, LOG_FORMATS, type LogFormat } from "./log-format.ts";
import type { LogIssue } from "./log-issue.ts";
import type { LogRecord } from "./log-record.ts";
import type { LogReadSummary } from "./log-summary.ts";
import { readOpenAIApiLine } from "./openai-api-line.ts";
import { createOpenAIUsageCsvReader } from "./openai-usage-csv-reader.ts";
import { createReaderContext, type ReaderContext } from "./reader-context.ts";

/** Longest JSONL line read by default, in bytes (32 MiB). Longer lines are skipped and reported. */
export const DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024;

/** Options of {@link createLogReader}. */
export interface LogReaderOptions {
  /**
   * The name to report in sources and issues: a path, or `export.zip!conversations.json` for a zip
   * entry. Only used as a label; readers never open files.
   */
  fileName: string;
  /** Called with each record as soon as it is complete (synchronously, inside `write()` or `end()`). */
  onRecord: (record: LogRecord) => void;
  /** Called with each issue. Issues never contain the user's text. */
  onIssue?: (issue: LogIssue) => void;
  /**
   * Throw `TokenmeterError("BAD_LOG")` at the first record that cannot be read (a `skipped` issue)
   * instead of skipping and counting it. Notices never throw. Default false.
   */
  strict?: boolean;
  /** JSONL lines longer than this are skipped unread (default {@link DEFAULT_MAX_LINE_BYTES}). */
  maxLineBytes?: number;
  /**
   * `claude-code` only: a deduper shared by the readers of several files. Records are then NOT
   * emitted by `end()`: call `dedupe.drain(onRecord)` after the last file. Without it, each file
   * is de-duplicated on its own and its records are emitted by `end()`.
   */
  claudeCodeDedupe?: ClaudeCodeDedupe;
}

/**
 * A push parser for one log file: feed it the file's bytes in chunks of any size, then call
 * `end()`. Records and issues arrive through the callbacks; `end()` returns the file's summary.
 * Pure and synchronous: the same code runs in Node (chunks from `fs`) and in a browser Web Worker
 * (chunks from `File.stream()` or an unzipped entry).
 */
export interface LogReader {
  /** Feeds the next bytes. May emit records. Throws `BAD_LOG` in strict mode, and for a CSV without its required columns. */
  write(chunk: Uint8Array): void;
  /** Signals the end of the file, flushes the last records and returns the summary. */
  end(): LogReadSummary;
}

/**
 * Creates a reader for one file in one format (see `detectLogFormat` to pick the format).
 *
 * @example
 * // Node: stream a file through the reader.
 * const reader = createLogReader("openai-api", {
 *   fileName: "api.jsonl",
 *   onRecord: (record) => records.push(record),
 *   onIssue: (issue) => console.error(`${issue.file}:${issue.line}: ${issue.reason}`),
 * });
 * for await (const chunk of fs.createReadStream("api.jsonl")) reader.write(chunk);
 * const summary = reader.end(); // { records: { usage: 41, … }, recordsSkipped: 1, issues: { BAD_JSON: … } }
 */
export function createLogReader(format: LogFormat, options: LogReaderOptions): LogReader {
  if (!isLogFormat(format)) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `Unknown log format; expected one of ${LOG_FORMATS.join(", ")}.`,
      { details: { known: [...LOG_FORMATS] } },
    );
  }
  const ctx = createReaderContext({
    file: options.fileName,
    format,
    strict: options.strict ?? false,
    onRecord: options.onRecord,
    onIssue: options.onIssue,
  });
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let finish: () => void = () => {};
  let inner: ByteSink;
  switch (format) {
    case "chatgpt-export": {
      const state = { reportedSlugs: new Set<string>() };
      inner = createJsonDocumentStream(
        ctx,
        (value, index, byteOffset) => readChatGptConversation(value, index, byteOffset, ctx, state),
        "conversation",
      );
      break;
    }
    case "claude-export":
      inner = createJsonDocumentStream(
        ctx,
        (value, index, byteOffset) => readClaudeConversation(value, index, byteOffset, ctx),
        "conversation",
      );
      break;
    case "openai-api":
      inner = createJsonlReader(ctx, maxLineBytes, (value, location) =>
        readOpenAIApiLine(value, location, ctx),
      );
      break;
    case "generic-jsonl":
      inner = createJsonlReader(ctx, maxLineBytes, (value, location) =>
        readGenericLine(value, location, ctx),
      );
      break;
    case "openai-usage-csv":
      inner = createOpenAIUsageCsvReader(ctx);
      break;
    case "claude-code": {
      const shared = options.claudeCodeDedupe;
      const dedupe = shared ?? createClaudeCodeDedupe();
      let kept = 0;
      inner = createJsonlReader(ctx, maxLineBytes, (value, location) =>
        readClaudeCodeLine(value, location, ctx, (key, record) => {
          if (dedupe.add(key, record)) ctx.summary.duplicates += 1;
          else kept += 1;
        }),
      );
      finish = () => {
        // With a shared deduper nothing is emitted per file; the summary still counts this file's
        // new entries, so the summaries add up to what drain() emits.
        if (shared === undefined) dedupe.drain((record) => ctx.emit(record));
        else ctx.summary.records.usage += kept;
      };
      break;
    }
  }
  return createReader(ctx, withBinaryCheck(ctx, inner), () => finish());
}

function createReader(ctx: ReaderContext, sink: ByteSink, finish: () => void): LogReader {
  let ended = false;
  return {
    write(chunk) {
      if (ended) {
        throw new TokenmeterError(
          "INVALID_INPUT",
          `${ctx.file}: write() after end() on a log reader.`,
        );
      }
      sink.write(chunk);
    },
    end() {
      if (!ended) {
        ended = true;
        sink.end();
        finish();
      }
      return ctx.summary;
    },
  };
}
