import { parse } from "csv-parse/browser/esm/sync";
import { isTokenmeterError, TokenmeterError } from "../errors.ts";
import { usageFromOpenAI } from "../usage/openai-usage.ts";
import type { Usage } from "../usage/usage.ts";
import type { ByteSink } from "./byte-prelude.ts";
import { safeLabel } from "./json-value.ts";
import type { UsageLogRecord } from "./log-record.ts";
import type { ReaderContext } from "./reader-context.ts";
import { serviceTierFromLog } from "./service-tier.ts";
import { isDateOnly, isoFromEpochSeconds, isoFromString } from "./timestamps.ts";

/**
 * Columns of the OpenAI platform's completions usage export that this reader uses. Token columns
 * follow the Usage API's completions result: `input_tokens` INCLUDES `input_cached_tokens`;
 * `output_tokens` includes reasoning (not reported apart); audio tokens are counted apart.
 */
export const OPENAI_USAGE_CSV_COLUMNS = {
  required: ["model", "input_tokens", "output_tokens"],
  /** At least one of these. */
  time: ["start_time", "start_time_iso"],
  optional: [
    "end_time",
    "end_time_iso",
    "input_cached_tokens",
    "num_model_requests",
    "batch",
    "service_tier",
  ],
  /** Read, never priced: tokenmeter has no audio or image token prices. */
  unpriced: [
    "input_audio_tokens",
    "output_audio_tokens",
    "input_image_tokens",
    "output_image_tokens",
  ],
  /** Grouping and naming columns: known, not needed for pricing. */
  ignored: [
    "project_id",
    "project_name",
    "user_id",
    "user_email",
    "api_key_id",
    "api_key_name",
    "api_key_redacted_value",
    "organization_id",
    "organization_name",
    "input_uncached_tokens",
    "input_text_tokens",
    "output_text_tokens",
    "input_cached_text_tokens",
    "input_cached_audio_tokens",
    "input_cached_image_tokens",
    "object",
  ],
} as const;

const BATCH_SIZE_CHARS = 256 * 1024;
const QUOTE = 34;
const NEWLINE = 10;

/**
 * Reads `completions_usage_*.csv` as exported from platform.openai.com: one usage record per row
 * (a time bucket × model × any grouping). Numbers may be written as floats (`1234.0`), `batch` as
 * TRUE/FALSE. Rows are parsed with csv-parse in batches cut at record boundaries, so memory stays
 * at one batch. Missing required columns throw `BAD_LOG` naming them (whatever `strict` says:
 * nothing could be read); unknown columns are listed in an `UNKNOWN_COLUMNS` notice.
 */
export function createOpenAIUsageCsvReader(ctx: ReaderContext): ByteSink {
  const decoder = new TextDecoder("utf-8");
  let text = "";
  let scanned = 0; // chars of `text` already scanned for quotes and newlines
  let inQuotes = false;
  let lastCut = 0; // end of the last complete record in `text`
  let newlinesBeforeCut = 0;
  let newlinesScanned = 0;
  let linesDone = 0; // lines of earlier batches
  let columns: Map<string, number> | undefined;
  let emptyExport = false;
  let stopped = false;
  let sawAnyText = false;
  let reportedUnpriced = false;

  function scan(): void {
    for (let i = scanned; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) inQuotes = !inQuotes;
      else if (code === NEWLINE) {
        newlinesScanned += 1;
        if (!inQuotes) {
          lastCut = i + 1;
          newlinesBeforeCut = newlinesScanned;
        }
      }
    }
    scanned = text.length;
  }

  function parseRows(
    batch: string,
    toLine?: number,
  ): { record: string[]; info: { lines: number } }[] {
    return parse(batch, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n"],
      ...(toLine === undefined ? {} : { to_line: toLine }),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  }

  function parseBatch(batch: string, lineBase: number): void {
    let rows: { record: string[]; info: { lines: number } }[];
    let failure: { line: number; code: string } | undefined;
    try {
      rows = parseRows(batch);
    } catch (error) {
      // Keep the rows before the bad one, then stop: after a broken quote nothing lines up.
      const badLine = lineOf(error);
      failure = { line: lineBase + badLine, code: codeOf(error) };
      try {
        rows = badLine > 1 ? parseRows(batch, badLine - 1) : [];
      } catch {
        rows = [];
      }
    }
    for (const { record, info } of rows) {
      if (stopped) return;
      // csv-parse counts the line a record ends on; a quoted field may span lines.
      let spanned = 0;
      for (const field of record) spanned += countNewlines(field);
      const line = lineBase + info.lines - spanned;
      if (columns === undefined) {
        columns = readHeader(record);
        continue;
      }
      if (!emptyExport) readRow(record, line);
    }
    if (failure !== undefined) {
      stopped = true;
      ctx.incomplete();
      ctx.issue(
        "BAD_RECORD",
        `malformed CSV near line ${failure.line} (${failure.code}); the rows before it were read, the rest of the file was not`,
        { line: failure.line },
      );
    }
  }

  function readHeader(record: string[]): Map<string, number> {
    const map = new Map<string, number>();
    record.forEach((name, index) => {
      const key = name.trim().toLowerCase();
      if (!map.has(key)) map.set(key, index);
    });
    const has = (name: string) => map.has(name);
    const known = new Set<string>([
      ...OPENAI_USAGE_CSV_COLUMNS.required,
      ...OPENAI_USAGE_CSV_COLUMNS.time,
      ...OPENAI_USAGE_CSV_COLUMNS.optional,
      ...OPENAI_USAGE_CSV_COLUMNS.unpriced,
      ...OPENAI_USAGE_CSV_COLUMNS.ignored,
    ]);
    const unknown = [...map.keys()].filter((name) => !known.has(name) && name !== "");
    const missing: string[] = OPENAI_USAGE_CSV_COLUMNS.required.filter((name) => !has(name));
    if (!OPENAI_USAGE_CSV_COLUMNS.time.some(has)) missing.push("start_time (or start_time_iso)");
    const hasTime = OPENAI_USAGE_CSV_COLUMNS.time.some(has);
    if (
      hasTime &&
      OPENAI_USAGE_CSV_COLUMNS.required.every((name) => !has(name)) &&
      unknown.length === 0
    ) {
      emptyExport = true;
      ctx.issue(
        "EMPTY_EXPORT",
        "the usage CSV has time buckets but no usage columns: the platform writes this when the exported range had no usage (or the export was not grouped by model)",
        { line: 1 },
      );
      return map;
    }
    if (missing.length > 0) {
      throw new TokenmeterError(
        "BAD_LOG",
        `${ctx.file}: missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Expected OpenAI's completions usage export (completions_usage_*.csv from platform.openai.com/usage, grouped by model); found ${map.size} columns${
          unknown.length > 0
            ? ` including unknown ones: ${unknown
                .slice(0, 10)
                .map((name) => safeLabel(name, 40))
                .join(", ")}`
            : ""
        }`,
        { details: { file: ctx.file, line: 1, missingColumns: missing } },
      );
    }
    if (unknown.length > 0) {
      ctx.issue(
        "UNKNOWN_COLUMNS",
        `ignored column${unknown.length > 1 ? "s" : ""} this reader does not know: ${unknown
          .slice(0, 20)
          .map((name) => safeLabel(name, 40))
          .join(", ")}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ""}`,
        { line: 1 },
      );
    }
    return map;
  }

  function cell(record: string[], name: string): string | undefined {
    const index = columns?.get(name);
    return index === undefined ? undefined : (record[index] ?? "").trim();
  }

  function count(record: string[], name: string, line: number): number | undefined | "bad" {
    const value = cell(record, name);
    if (value === undefined || value === "") return undefined;
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < 0) {
      ctx.issue("BAD_RECORD", `column ${name}: expected a whole, non-negative number of tokens`, {
        line,
      });
      return "bad";
    }
    return number;
  }

  function readRow(record: string[], line: number): void {
    const model = cell(record, "model") ?? "";
    const input = count(record, "input_tokens", line);
    if (input === "bad") return;
    const output = count(record, "output_tokens", line);
    if (output === "bad") return;
    const cached = count(record, "input_cached_tokens", line);
    if (cached === "bad") return;
    const requests = count(record, "num_model_requests", line);
    if (requests === "bad") return;
    if (model === "") {
      if ((input ?? 0) === 0 && (output ?? 0) === 0) {
        // An empty time bucket: the export lists every bucket of the range.
        ctx.summary.ignoredLines += 1;
        return;
      }
      ctx.issue("BAD_RECORD", "column model: empty on a row with tokens; cannot price it", {
        line,
      });
      return;
    }
    const timestamp = bucketTime(record, "start_time", "start_time_iso");
    if (timestamp === undefined) {
      ctx.issue(
        "BAD_RECORD",
        "column start_time: expected a Unix time in seconds (or start_time_iso: an ISO date-time)",
        { line },
      );
      return;
    }
    const batch = cell(record, "batch")?.toLowerCase();
    if (batch !== undefined && !["", "true", "false", "1", "0"].includes(batch)) {
      ctx.issue("BAD_RECORD", "column batch: expected TRUE or FALSE", { line });
      return;
    }
    let usage: Usage;
    try {
      usage = usageFromOpenAI({
        input_tokens: input ?? 0,
        output_tokens: output ?? 0,
        input_tokens_details: { cached_tokens: cached ?? 0 },
      });
    } catch (error) {
      if (!isTokenmeterError(error, "INVALID_USAGE")) throw error;
      ctx.issue(
        "BAD_RECORD",
        `input_cached_tokens is larger than input_tokens, which includes it`,
        { line },
      );
      return;
    }
    for (const name of OPENAI_USAGE_CSV_COLUMNS.unpriced) {
      const value = cell(record, name);
      if (!reportedUnpriced && value !== undefined && value !== "" && Number(value) > 0) {
        reportedUnpriced = true;
        ctx.issue(
          "UNPRICED_COLUMNS",
          `${name} and other audio or image token columns are not priced (the pricing table has no audio or image token prices): totals are a lower bound`,
          { line },
        );
      }
    }
    const usageRecord: UsageLogRecord = {
      kind: "usage",
      format: "openai-usage-csv",
      timestamp,
      model,
      usage,
      // Without num_model_requests a row is at least one request.
      requestCount: requests ?? 1,
      source: { file: ctx.file, line },
    };
    const periodEnd = bucketTime(record, "end_time", "end_time_iso");
    if (periodEnd !== undefined) usageRecord.periodEnd = periodEnd;
    if (isDateOnly(cell(record, "start_time_iso"))) usageRecord.dateOnly = true;
    const tier =
      batch === "true" || batch === "1"
        ? "batch"
        : serviceTierFromLog(cell(record, "service_tier"));
    if (tier !== undefined) usageRecord.serviceTier = tier;
    ctx.emit(usageRecord);
  }

  function bucketTime(
    record: string[],
    epochColumn: string,
    isoColumn: string,
  ): string | undefined {
    const epoch = cell(record, epochColumn);
    if (epoch !== undefined && epoch !== "") {
      const seconds = Number(epoch);
      if (Number.isFinite(seconds)) return isoFromEpochSeconds(seconds);
    }
    const iso = cell(record, isoColumn);
    return iso === undefined || iso === "" ? undefined : isoFromString(iso);
  }

  function flush(final: boolean): void {
    if (stopped) return;
    scan();
    const cut = final ? text.length : lastCut;
    if (cut === 0 || (!final && cut < BATCH_SIZE_CHARS)) return;
    const batch = text.slice(0, cut);
    const lines = final ? newlinesScanned + (text.endsWith("\n") ? 0 : 1) : newlinesBeforeCut;
    text = text.slice(cut);
    scanned -= cut;
    lastCut = 0;
    newlinesScanned -= newlinesBeforeCut;
    newlinesBeforeCut = 0;
    const base = linesDone;
    linesDone += lines;
    if (batch.trim().length > 0) sawAnyText = true;
    parseBatch(batch, base);
  }

  return {
    write(chunk) {
      if (stopped) return;
      text += decoder.decode(chunk, { stream: true });
      scan();
      if (lastCut >= BATCH_SIZE_CHARS) flush(false);
      ctx.summary.linesRead = linesDone;
    },
    end() {
      if (stopped) return;
      text += decoder.decode();
      flush(true);
      ctx.summary.linesRead = linesDone;
      if (!sawAnyText && columns === undefined) {
        ctx.issue("EMPTY_FILE", "the file is empty: there is nothing to read", { line: 1 });
      }
    },
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}

function lineOf(error: unknown): number {
  if (
    typeof error === "object" &&
    error !== null &&
    "lines" in error &&
    typeof error.lines === "number"
  ) {
    return error.lines;
  }
  return 1;
}

/** csv-parse's error code (`CSV_INVALID_CLOSING_QUOTE`…): its messages quote the input, so only the code is shown. */
function codeOf(error: unknown): string {
  if (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string"
  ) {
    return safeLabel(error.code, 60);
  }
  return "unreadable CSV";
}
