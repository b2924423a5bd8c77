import type {
  CacheWriteAssumption,
  CachingAssumption,
  ReasoningAssumption,
} from "../cost/conversation-options.ts";
import { TokenmeterError } from "../errors.ts";
import { type ClaudeCodeDedupe, createClaudeCodeDedupe } from "../logs/claude-code-dedupe.ts";
import { createLogReader, type LogReader } from "../logs/create-log-reader.ts";
import { DETECT_SAMPLE_BYTES, detectLogFormat } from "../logs/detect-log-format.ts";
import { findExportEntries } from "../logs/export-entries.ts";
import { LOG_RECORD_UNITS, type LogFormat } from "../logs/log-format.ts";
import type { LogReadSummary } from "../logs/log-summary.ts";
import { defaultModelId } from "../plans/default-model.ts";
import { planPriceSeries } from "../plans/list-plans.ts";
import { defaultPricingTable } from "../pricing/default-table.ts";
import { findModel, type ModelInfo } from "../pricing/find-model.ts";
import type { PricingTable } from "../pricing/schema.ts";
import { countNoun } from "../report/count-noun.ts";
import { createCoverageTracker } from "../report/coverage-tracker.ts";
import type { PlanPriceSeries } from "../report/plan-price-series.ts";
import { createReportBuilder } from "../report/report-builder.ts";
import type { EstimateReport, ReportGrouping } from "../report/report-schema.ts";
import { createAssumedModel } from "./assumed-model.ts";
import { createAssumptionNotes } from "./assumption-notes.ts";
import type { Wording } from "./command-line-wording.ts";
import type { TruncationTally } from "./conversation-pricer.ts";
import { defaultPlanIdFor } from "./default-plan.ts";
import { estimateAssumptions } from "./estimate-assumptions.ts";
import { ISSUE_DESCRIPTIONS } from "./issue-descriptions.ts";
import { createRecordProcessor } from "./record-processor.ts";
import { createRequestPricer } from "./request-pricer.ts";
import { scenarioSpecs } from "./scenario-spec.ts";
import { createInlineCounter, type TokenCounter } from "./token-counter.ts";
import {
  archiveWithoutConversations,
  type Unrecognized,
  whyUnrecognized,
} from "./unrecognized-file.ts";

/** Options of {@link createLogEstimator}. Everything but `timeZone` has a default. */
export interface LogEstimatorOptions {
  /** IANA time zone that days and months are cut in (core has no clock or locale of its own). */
  timeZone: string;
  /** The price table; default: the bundled one. */
  pricing?: PricingTable;
  /** The first assumption: where the prices come from. Default: a sentence naming the table's version. */
  pricingDescription?: string | undefined;
  /** Models (ids or aliases) to re-price everything on besides "as used", in this order. */
  models?: readonly string[];
  /** Plans (ids or aliases) each month is compared with; default: ChatGPT Plus, Claude Pro for Claude-only logs. */
  plans?: readonly string[];
  /** How rows are grouped (default `month`). */
  groupBy?: ReportGrouping;
  /** Only requests on or after this day (`YYYY-MM-DD`, in `timeZone`). */
  since?: string | undefined;
  /** Only requests on or before this day (`YYYY-MM-DD`, in `timeZone`). */
  until?: string | undefined;
  /** Read every file in this format instead of detecting it. */
  format?: LogFormat | undefined;
  /** Stop (throw `BAD_LOG`) at the first unreadable record instead of skipping and counting it. */
  strict?: boolean;
  /** Prompt caching assumed when replaying chats (default `provider-default`). */
  caching?: CachingAssumption;
  /** Breakpoint cache writes assumed for explicit-cache models (Anthropic); default none. */
  cacheWrites?: CacheWriteAssumption | undefined;
  /** Hidden reasoning assumed; default: the effort a ChatGPT slug implies, else the provider's default. */
  reasoning?: ReasoningAssumption | undefined;
  /** The model assumed for exports that record none (Claude.ai); default: what Claude Pro serves. */
  assumeModel?: string | undefined;
  /**
   * Makes the token counter, once, when the first text must be counted; the estimator closes it.
   * Default: {@link createInlineCounter} (counting in this thread).
   */
  createCounter?: () => TokenCounter;
  /** Rewrites sentences that name an option, e.g. `commandLineWording`; default: as is. */
  wording?: Wording;
}

/** Where the bytes of one log go, chunk by chunk, in order. */
export interface LogFileSink {
  write(chunk: Uint8Array): void;
  /** No more bytes. `complete` is false when the input stopped early (a truncated zip entry). */
  end(complete?: boolean): void;
}

/** The entries of one zip archive, as the caller's unzip meets them. */
export interface LogArchiveSink {
  /** A sink for an entry that is a data export's conversations file; undefined for every other entry. */
  openEntry(entryName: string): LogFileSink | undefined;
  /** The archive is read; `entryCount` is how many entries it held. Rejects one without conversations. */
  end(entryCount: number): void;
}

/** How to treat a file that turns out not to be a log. */
export interface OpenFileOptions {
  /**
   * True (default) when the person named the file itself: one that is not a log is an error
   * (`BAD_LOG`). False for a file found by walking a directory: it is listed in coverage and in
   * {@link LogEstimate.unreadFiles}, and skipped.
   */
  explicit?: boolean;
}

/** A file that was not read, and why (never its contents). */
export interface UnreadFile {
  file: string;
  reason: string;
}

/** What {@link LogEstimator.finish} returns. */
export interface LogEstimate {
  report: EstimateReport;
  /** One summary per log read (a zip's conversations file counts as one), in reading order. */
  summaries: LogReadSummary[];
  /** Files that were found but not read, in the order met. */
  unreadFiles: UnreadFile[];
}

/** The estimate pipeline, fed with the bytes of one log after another; see {@link createLogEstimator}. */
export interface LogEstimator {
  /** Starts a log file; its format is detected from the name and first 64 KiB unless `format` is set. */
  openFile(name: string, options?: OpenFileOptions): LogFileSink;
  /** Starts a zip archive (a ChatGPT or Claude.ai data export): only its conversations files are read. */
  openArchive(name: string, options?: OpenFileOptions): LogArchiveSink;
  /** Lists a file that is not read at all (not a log by its name) in coverage. */
  ignoreFile(name: string): void;
  /** Prices the records read so far; await it between chunks so counting keeps up with reading. */
  drain(): Promise<void>;
  /** Counts and prices everything left, closes the counter and builds the report. Call once, last. */
  finish(): Promise<LogEstimate>;
  /** Closes the token counter (idempotent): call it when giving up early, e.g. in a `finally`. */
  close(): Promise<void>;
}

const IGNORED_FILE_DESCRIPTION =
  "Files in the directories given that are not a log tokenmeter recognizes: not read.";

function concatBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The estimate behind `tokenmeter estimate` and the site's import page, as one pipeline both feed:
 * logs go in as bytes (files, zip entries), the {@link EstimateReport} comes out. Formats are
 * detected and read by core's log readers; exact usage is priced as it arrives; chat exports are
 * replayed turn by turn (history re-sent, caching, reasoning, truncation) with token counts from
 * the {@link TokenCounter}; every request is priced at the prices of its date on the models used and
 * on each of `models`, grouped, and each month is set against `plans`. The assumptions and coverage
 * say in words what was assumed, skipped and why. I/O stays with the caller: reading files, unzipping
 * (hand the entries to {@link LogEstimator.openArchive}), progress, where counting runs.
 *
 * @throws TokenmeterError `UNKNOWN_MODEL` (a model in `models` or `assumeModel`), `UNKNOWN_PLAN`,
 *   `INVALID_INPUT` (time zone, `since` / `until`), at once. While reading: `BAD_LOG` for a named
 *   file that is not a log (`details.reason` `UNRECOGNIZED_FILE`, `details.kind` `EMPTY`, `BINARY`,
 *   `ZIP_WITHOUT_CONVERSATIONS`, `FIRST_LINE_TOO_LONG`, `EMPTY_LIST`, `INVALID_JSON` or
 *   `UNKNOWN_FORMAT`), for the first bad record in strict
 *   mode, and from `finish()` when records were read but none could be counted
 *   (`details.reason` `NOTHING_COUNTED`).
 * @example
 * const estimator = createLogEstimator({ timeZone: "Europe/Paris", models: ["claude-sonnet-4-5"] });
 * try {
 *   const archive = estimator.openArchive("chatgpt-export.zip");
 *   // for each entry your unzip meets: const sink = archive.openEntry(name); sink?.write(bytes) … sink?.end()
 *   archive.end(entryCount);
 *   const { report } = await estimator.finish();
 *   console.log(estimateDocument(report, { inputs: "chatgpt-export.zip" }).blocks);
 * } finally {
 *   await estimator.close();
 * }
 */
export function createLogEstimator(options: LogEstimatorOptions): LogEstimator {
  const pricing = options.pricing ?? defaultPricingTable;
  const wording = options.wording ?? ((sentence: string) => sentence);
  const byPricing = { pricing };
  const repriceModels = [
    ...new Map(
      (options.models ?? [])
        .map((id) => findModel(id, byPricing))
        .map((model) => [model.id, model]),
    ).values(),
  ];
  const assumedModel = createAssumedModel(pricing, options.assumeModel);
  const standInModel: ModelInfo = findModel(defaultModelId(), byPricing);
  const chosenPlans: PlanPriceSeries[] = [
    ...new Map(
      (options.plans ?? []).map((id) => planPriceSeries(id)).map((plan) => [plan.planId, plan]),
    ).values(),
  ];
  const specs = scenarioSpecs(repriceModels);
  const builder = createReportBuilder({
    scenarios: specs.map((spec) => spec.scenario),
    groupBy: options.groupBy ?? "month",
    timeZone: options.timeZone,
    since: options.since,
    until: options.until,
    pricingVersion: pricing.version,
  });

  const coverage = createCoverageTracker();
  const notes = createAssumptionNotes(wording);
  const pricer = createRequestPricer(pricing, notes);
  const truncation = new Map<string, TruncationTally>();
  const makeCounter = options.createCounter ?? (() => createInlineCounter(pricing));
  let counter: TokenCounter | undefined;
  let closed = false;
  function activeCounter(): TokenCounter {
    if (closed) throw new Error("the log estimator's token counter is closed");
    counter ??= makeCounter();
    return counter;
  }
  const processor = createRecordProcessor({
    builder,
    coverage,
    counter: {
      methodOf: (modelId) => activeCounter().methodOf(modelId),
      countBatch: (requests) => activeCounter().countBatch(requests),
      close: async () => {},
    },
    conversation: {
      pricer,
      specs,
      notes,
      caching: options.caching ?? "provider-default",
      cacheWrites: options.cacheWrites,
      reasoning: options.reasoning,
      assumedModel,
      standInModel,
      truncation,
    },
  });

  const summaries: LogReadSummary[] = [];
  const unreadFiles: UnreadFile[] = [];
  const claudeCodeDedupe: ClaudeCodeDedupe = createClaudeCodeDedupe();
  let usedClaudeCode = false;
  const accept = processor.accept.bind(processor);

  function ignoreFile(name: string): void {
    coverage.recordNotice(name, "IGNORED_FILE", wording(IGNORED_FILE_DESCRIPTION), {});
  }

  function rejectFile(name: string, explicit: boolean, why: Unrecognized): void {
    const reason = wording(why.reason);
    if (explicit) {
      throw new TokenmeterError("BAD_LOG", `Cannot estimate ${name}: ${reason}.`, {
        details: { file: name, reason: "UNRECOGNIZED_FILE", kind: why.kind },
      });
    }
    unreadFiles.push({ file: name, reason });
    ignoreFile(name);
  }

  function startReader(name: string, format: LogFormat): LogReader {
    coverage.addFile(name, format, LOG_RECORD_UNITS[format]);
    if (format === "claude-code") usedClaudeCode = true;
    return createLogReader(format, {
      fileName: name,
      strict: options.strict === true,
      onRecord: accept,
      onIssue(issue) {
        const location = {
          ...(issue.line === undefined ? {} : { line: issue.line }),
          ...(issue.byteOffset === undefined ? {} : { byteOffset: issue.byteOffset }),
          ...(issue.path === undefined ? {} : { path: issue.path }),
        };
        const description = wording(ISSUE_DESCRIPTIONS[issue.code] ?? issue.reason);
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
    // A CSV's header line is not a record.
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
        wording(
          "Copies of the same Claude Code response (message id + request id) written while streaming: counted once.",
        ),
        undefined,
        summary.duplicates,
      );
    }
  }

  /** Holds the first bytes until the format is known, then hands everything to that reader. */
  function openFile(name: string, fileOptions?: OpenFileOptions): LogFileSink {
    const explicit = fileOptions?.explicit ?? true;
    const buffered: Uint8Array[] = [];
    let bufferedBytes = 0;
    let reader: LogReader | undefined;
    let rejected = false;
    let totalBytes = 0;
    /** `ended`: the whole file is in `buffered` (decided at its end, not after the sample). */
    function decide(ended: boolean): void {
      const sample = concatBytes(buffered, bufferedBytes);
      const format =
        totalBytes === 0 ? undefined : (options.format ?? detectLogFormat(name, sample));
      if (format === undefined) {
        rejected = true;
        buffered.length = 0;
        rejectFile(name, explicit, whyUnrecognized(sample, totalBytes, ended));
        return;
      }
      reader = startReader(name, format);
      for (const chunk of buffered) reader.write(chunk);
      buffered.length = 0;
    }
    return {
      write(chunk) {
        totalBytes += chunk.length;
        if (rejected) return;
        if (reader !== undefined) {
          reader.write(chunk);
          return;
        }
        buffered.push(chunk);
        bufferedBytes += chunk.length;
        if (bufferedBytes >= DETECT_SAMPLE_BYTES) decide(false);
      },
      end(complete = true) {
        if (reader === undefined && !rejected) decide(true);
        if (reader !== undefined) finishReader(name, reader, complete);
      },
    };
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    const open = counter;
    counter = undefined;
    await open?.close();
  }

  return {
    openFile,
    openArchive(name, fileOptions) {
      const explicit = fileOptions?.explicit ?? true;
      let entriesRead = 0;
      return {
        openEntry(entryName) {
          if (findExportEntries([entryName]).length !== 1) return undefined;
          entriesRead += 1;
          return openFile(`${name}!${entryName}`, { explicit });
        },
        end(entryCount) {
          if (entriesRead === 0)
            rejectFile(name, explicit, archiveWithoutConversations(entryCount));
        },
      };
    },
    ignoreFile,
    drain: () => processor.drain(),
    async finish() {
      if (usedClaudeCode) {
        // Claude Code writes a streamed response several times, across files: kept until the end.
        claudeCodeDedupe.drain(accept);
        await processor.drain();
      }
      await processor.finish();
      await close();
      const plans =
        chosenPlans.length > 0
          ? chosenPlans
          : [planPriceSeries(defaultPlanIdFor(summaries.map((summary) => summary.format)))];
      const { assumptions, lowerBoundReasons } = estimateAssumptions({
        pricingDescription:
          options.pricingDescription ??
          `Prices from ${pricing === defaultPricingTable ? "tokenmeter's bundled table" : "the pricing table"} ${pricing.version}, in effect on each request's date.`,
        summaries,
        stats: processor.stats,
        truncation,
        notes,
        assumedModel,
        plans,
        wording,
      });
      const report = builder.finish({
        coverage: coverage.snapshot(),
        assumptions,
        lowerBoundReasons,
        plans,
      });
      const { requestsCounted, recordsSkipped, skipped } = report.coverage;
      if (requestsCounted === 0 && recordsSkipped > 0) {
        const first = skipped[0];
        const at = first?.firstLocations[0];
        throw new TokenmeterError(
          "BAD_LOG",
          `Nothing could be counted: ${countNoun(recordsSkipped, "record")} ${recordsSkipped === 1 ? "was" : "were"} unreadable${first === undefined ? "" : ` (${first.reason}${at === undefined ? "" : ` first at ${at.file}${at.line === undefined ? "" : `:${at.line}`}${at.byteOffset === undefined ? "" : ` byte ${at.byteOffset}`}`}: ${first.description})`}.`,
          { details: { reason: "NOTHING_COUNTED", recordsSkipped } },
        );
      }
      return { report, summaries, unreadFiles };
    },
    close,
  };
}
