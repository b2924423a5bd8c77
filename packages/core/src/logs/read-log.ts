import { createLogReader, type LogReaderOptions } from "./create-log-reader.ts";
import type { LogFormat } from "./log-format.ts";
import type { LogIssue } from "./log-issue.ts";
import type { LogRecord } from "./log-record.ts";
import type { LogReadSummary } from "./log-summary.ts";

/** Everything {@link readLog} collected from one file. */
export interface LogReadResult {
  records: LogRecord[];
  issues: LogIssue[];
  summary: LogReadSummary;
}

/**
 * Reads a whole log from chunks (an array, a generator, a Node stream, a `ReadableStream`
 * iterator) and collects every record and issue. Convenient for tests and small files; for large
 * exports use {@link createLogReader} with callbacks, which holds nothing.
 *
 * @example
 * const { records, summary } = await readLog("openai-api", [bytes], { fileName: "api.jsonl" });
 */
export async function readLog(
  format: LogFormat,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: Omit<LogReaderOptions, "onRecord" | "onIssue">,
): Promise<LogReadResult> {
  const records: LogRecord[] = [];
  const issues: LogIssue[] = [];
  const reader = createLogReader(format, {
    ...options,
    onRecord: (record) => records.push(record),
    onIssue: (issue) => issues.push(issue),
  });
  for await (const chunk of chunks) reader.write(chunk);
  const summary = reader.end();
  return { records, issues, summary };
}
