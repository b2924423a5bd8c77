import { createReadStream } from "node:fs";
import {
  type ClaudeCodeDedupe,
  type CoverageTracker,
  createClaudeCodeDedupe,
  createLogReader,
  DETECT_SAMPLE_BYTES,
  detectLogFormat,
  findExportEntries,
  LOG_RECORD_UNITS,
  type LogFormat,
  type LogReader,
  type LogReadSummary,
  type LogRecord,
} from "@tokenmeter/core";
import { badInput } from "../cli-error.ts";
import type { ByteSink } from "../input/byte-sink.ts";
import type { InputFile } from "../input/collect-inputs.ts";
import { isZip, streamZip } from "../input/zip-stream.ts";
import type { Progress } from "../output/progress-bar.ts";
import { ISSUE_DESCRIPTIONS } from "./issue-descriptions.ts";

/** Options of {@link readInputs}. */
export interface ReadInputsOptions {
  files: readonly InputFile[];
  /** `--format`: skip detection and read every file in this format. */
  format: LogFormat | undefined;
  strict: boolean;
  coverage: CoverageTracker;
  /** Receives every record, synchronously, as the readers produce them. */
  onRecord: (record: LogRecord) => void;
  /** Runs after each chunk (so queued records can be processed before more are read). */
  afterChunk: () => Promise<void>;
  progress: Progress;
}

/** What reading all inputs gave, besides the records. */
export interface ReadInputsResult {
  summaries: LogReadSummary[];
  /** Files (or zip entries) that were not read, and why. */
  unread: { file: string; reason: string }[];
}

const CHUNK_BYTES = 1 << 16;

function whyUnrecognized(sample: Uint8Array, totalBytes: number): string {
  if (totalBytes === 0) return "it is empty";
  if (isZip(sample)) return "it is a zip archive without conversations.json";
  if (sample.includes(0)) return "it contains binary data, not text";
  if (sample.length >= DETECT_SAMPLE_BYTES && !sample.includes(0x0a)) {
    return `its first line is longer than ${DETECT_SAMPLE_BYTES / 1024} KiB, too long to tell the format from: pass --format`;
  }
  return "it is not a log format tokenmeter knows (ChatGPT or Claude.ai export, OpenAI API JSONL or usage CSV, Claude Code logs, generic JSONL)";
}

/**
 * Reads every input with core's chunk-fed log readers: files are streamed in 1 MiB chunks, zip
 * archives through the streaming unzip (only `conversations.json` entries are inflated). Each
 * file's format is detected from its name and first 64 KiB unless `--format` is given.
 *
 * A file the user named that cannot be read as a log is an error (exit 1); a file found while
 * walking a directory is listed in coverage and skipped. Claude Code logs are de-duplicated
 * across all files (streaming snapshots are written to several lines and files).
 */
export async function readInputs(options: ReadInputsOptions): Promise<ReadInputsResult> {
  const { coverage, progress } = options;
  const summaries: LogReadSummary[] = [];
  const unread: { file: string; reason: string }[] = [];
  const claudeCodeDedupe: ClaudeCodeDedupe = createClaudeCodeDedupe();
  let usedClaudeCode = false;
  const totalBytes = options.files.reduce((sum, file) => sum + file.sizeBytes, 0);
  let doneBytes = 0;

  function skipFile(file: string, explicit: boolean, reason: string): void {
    if (explicit) {
      throw badInput(`Cannot estimate ${file}: ${reason}.`, {
        hint: "Pass a ChatGPT or Claude.ai data export (the .zip), OpenAI API JSONL, an OpenAI usage CSV, Claude Code logs or tokenmeter's generic JSONL; --format names the format when detection fails.",
      });
    }
    unread.push({ file, reason });
    coverage.recordNotice(
      file,
      "IGNORED_FILE",
      "Files in the directories given that are not a log tokenmeter recognizes: not read.",
      {},
    );
  }

  function startReader(name: string, format: LogFormat): LogReader {
    coverage.addFile(name, format, LOG_RECORD_UNITS[format]);
    if (format === "claude-code") usedClaudeCode = true;
    return createLogReader(format, {
      fileName: name,
      strict: options.strict,
      onRecord: options.onRecord,
      onIssue(issue) {
        const location = {
          ...(issue.line === undefined ? {} : { line: issue.line }),
          ...(issue.byteOffset === undefined ? {} : { byteOffset: issue.byteOffset }),
          ...(issue.path === undefined ? {} : { path: issue.path }),
        };
        const description = ISSUE_DESCRIPTIONS[issue.code] ?? issue.reason;
        if (issue.severity === "skipped")
          coverage.recordSkipped(issue.file, issue.code, description, location);
        else coverage.recordNotice(issue.file, issue.code, description, location);
      },
      ...(format === "claude-code" ? { claudeCodeDedupe } : {}),
    });
  }

  function finishReader(name: string, reader: LogReader, complete: boolean): void {
    const summary = reader.end();
    if (!complete) summary.complete = false;
    summaries.push(summary);
    const jsonDocument = summary.format === "chatgpt-export" || summary.format === "claude-export";
    const read = jsonDocument
      ? summary.records.conversation + summary.recordsSkipped
      : Math.max(
          0,
          summary.linesRead -
            (summary.format === "openai-usage-csv" && summary.linesRead > 0 ? 1 : 0),
        );
    coverage.recordRead(name, read);
    if (summary.duplicates > 0) {
      coverage.recordNotice(
        name,
        "DUPLICATE",
        "Copies of the same Claude Code response (message id + request id) written while streaming: counted once.",
        undefined,
        summary.duplicates,
      );
    }
  }

  /** A sink that sniffs the first bytes, then hands everything to a reader of the detected format. */
  function detectingSink(name: string, explicit: boolean): ByteSink {
    const buffered: Uint8Array[] = [];
    let bufferedBytes = 0;
    let reader: LogReader | undefined;
    let rejected = false;
    let total = 0;
    function decide(): void {
      const sample = Buffer.concat(buffered, bufferedBytes);
      const format = total === 0 ? undefined : (options.format ?? detectLogFormat(name, sample));
      if (format === undefined) {
        rejected = true;
        buffered.length = 0;
        skipFile(name, explicit, whyUnrecognized(sample, total));
        return;
      }
      reader = startReader(name, format);
      for (const chunk of buffered) reader.write(chunk);
      buffered.length = 0;
    }
    return {
      write(chunk) {
        total += chunk.length;
        if (rejected) return;
        if (reader !== undefined) {
          reader.write(chunk);
          return;
        }
        buffered.push(chunk);
        bufferedBytes += chunk.length;
        if (bufferedBytes >= DETECT_SAMPLE_BYTES) decide();
      },
      end(complete) {
        if (reader === undefined && !rejected) decide();
        if (reader !== undefined) finishReader(name, reader, complete);
      },
    };
  }

  for (const file of options.files) {
    progress.label(file.displayName);
    const first = await readStart(file.path);
    if (isZip(first)) {
      const scan = await streamZip(
        file.path,
        file.displayName,
        (entryName) =>
          findExportEntries([entryName]).length === 1
            ? detectingSink(`${file.displayName}!${entryName}`, file.explicit)
            : undefined,
        (bytesRead) => progress.update(doneBytes + bytesRead),
        options.afterChunk,
      );
      if (scan.entriesRead.length === 0) {
        skipFile(
          file.displayName,
          file.explicit,
          `the zip archive has no conversations.json (it holds ${scan.entryNames.length} file(s)); tokenmeter reads ChatGPT and Claude.ai data exports as downloaded`,
        );
      }
    } else {
      const sink = detectingSink(file.displayName, file.explicit);
      let bytesRead = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK_BYTES })) {
        const bytes = chunk as Buffer;
        bytesRead += bytes.length;
        sink.write(bytes);
        progress.update(doneBytes + bytesRead);
        await options.afterChunk();
      }
      sink.end(true);
      await options.afterChunk();
    }
    doneBytes += file.sizeBytes;
  }
  if (usedClaudeCode) {
    claudeCodeDedupe.drain(options.onRecord);
    await options.afterChunk();
  }
  progress.update(totalBytes);
  return { summaries, unread };
}

async function readStart(path: string): Promise<Uint8Array> {
  const stream = createReadStream(path, { start: 0, end: 3 });
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
