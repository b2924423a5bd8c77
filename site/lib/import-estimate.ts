// The import page's estimate, run in a Web Worker: the same pipeline as `tokenmeter estimate`
// (core's chunk-fed log readers, the CLI's record processor, request and conversation pricers,
// assumption notes and report renderer), fed from File objects instead of the file system.
//
// The CLI's estimate modules are isomorphic but live in packages/cli/src/estimate; they are
// imported from there (not copied) so both always compute the same report. The orchestration
// below mirrors packages/cli/src/commands/estimate-command.ts and read-inputs.ts step for step;
// the golden e2e test compares the two on the same export.
import {
  type CachingAssumption,
  type ClaudeCodeDedupe,
  type CoverageTracker,
  createClaudeCodeDedupe,
  createCoverageTracker,
  createLogReader,
  createReportBuilder,
  DEFAULT_PLAN_ID,
  DETECT_SAMPLE_BYTES,
  defaultModelId,
  defaultPricingTable,
  detectLogFormat,
  type EstimateReport,
  findExportEntries,
  findModel,
  isTokenmeterError,
  LOG_RECORD_UNITS,
  type LogFormat,
  type LogReader,
  type LogReadSummary,
  type ModelInfo,
  type PlanPriceSeries,
  planInfo,
  planPriceSeries,
  type ReportAssumption,
  type ReportDocument,
  type ReportGrouping,
} from "@tokenmeter/core";
import { Unzip, type UnzipFile, UnzipInflate } from "fflate";
import { createAssumptionNotes } from "../../packages/cli/src/estimate/assumption-notes.ts";
import type { TruncationTally } from "../../packages/cli/src/estimate/conversation-pricer.ts";
import { ISSUE_DESCRIPTIONS } from "../../packages/cli/src/estimate/issue-descriptions.ts";
import { createRecordProcessor } from "../../packages/cli/src/estimate/record-processor.ts";
import { renderEstimate } from "../../packages/cli/src/estimate/render-estimate.ts";
import { createRequestPricer } from "../../packages/cli/src/estimate/request-pricer.ts";
import { scenarioSpecs } from "../../packages/cli/src/estimate/scenario-spec.ts";
import {
  skippedMessagesNote,
  toolMessagesNote,
  unpricedItemsNote,
} from "../../packages/cli/src/estimate/summary-notes.ts";
import { createInlineCounter } from "../../packages/cli/src/estimate/token-counter.ts";

/** A file the person dropped or picked. */
export interface ImportFile {
  name: string;
  sizeBytes: number;
  /** The first bytes (to recognise a zip). */
  start(bytes: number): Promise<Uint8Array>;
  /** The whole file, in chunks. */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface ImportOptions {
  /** Plans to compare each month with; empty → ChatGPT Plus, or Claude Pro for Claude-only logs. */
  plans: string[];
  /** Models to re-price everything on, besides "as used". */
  models: string[];
  groupBy: ReportGrouping;
  /** IANA time zone for days and months. */
  timeZone: string;
}

export interface ImportProgress {
  doneBytes: number;
  totalBytes: number;
  file: string;
}

export interface ImportResult {
  report: EstimateReport;
  /** What `tokenmeter estimate` prints for this report (blocks for people, CSV table, JSON). */
  document: ReportDocument;
}

/** A problem the person can act on; never contains the file's contents. */
export class ImportError extends Error {
  override name = "ImportError";
}

interface ByteSink {
  write(chunk: Uint8Array): void;
  end(complete: boolean): void;
}

const CLAUDE_PLAN_ID = "claude-pro";

function isZip(start: Uint8Array): boolean {
  return start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function whyUnrecognized(sample: Uint8Array, totalBytes: number): string {
  if (totalBytes === 0) return "it is empty";
  if (isZip(sample)) return "it is a zip archive without conversations.json";
  if (sample.includes(0)) return "it contains binary data, not text";
  return "it is not a log format tokenmeter knows (ChatGPT or Claude.ai export, OpenAI API JSONL or usage CSV, Claude Code logs, generic JSONL)";
}

function claudeProModel(): string {
  const models = planInfo(CLAUDE_PLAN_ID).terms.equivalentModels;
  return (models.find((model) => model.role === "primary") ?? models[0])?.model ?? defaultModelId();
}

/** Yields to the event loop so progress messages go out while a big file is read. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Estimates the cost of the given logs: the same report `tokenmeter estimate` produces for the
 * same files and options. Files are read in chunks (zips through fflate's streaming inflate), so
 * an export is never held whole in memory.
 *
 * @throws ImportError when a file is not a log, an archive is damaged, or nothing could be counted.
 */
export async function estimateFiles(
  files: readonly ImportFile[],
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const pricing = defaultPricingTable;
  const byPricing = { pricing };
  const repriceModels = [
    ...new Map(
      options.models.map((id) => findModel(id, byPricing)).map((model) => [model.id, model]),
    ).values(),
  ];
  const assumedModel: ModelInfo = findModel(claudeProModel(), byPricing);
  const standInModel: ModelInfo = findModel(defaultModelId(), byPricing);
  const chosenPlans = [
    ...new Map(
      options.plans.map((id) => planPriceSeries(id)).map((plan) => [plan.planId, plan]),
    ).values(),
  ];
  const specs = scenarioSpecs(repriceModels);
  const builder = createReportBuilder({
    scenarios: specs.map((spec) => spec.scenario),
    groupBy: options.groupBy,
    timeZone: options.timeZone,
    since: undefined,
    until: undefined,
    pricingVersion: pricing.version,
  });
  const coverage = createCoverageTracker();
  const notes = createAssumptionNotes();
  const pricer = createRequestPricer(pricing, notes);
  const truncation = new Map<string, TruncationTally>();
  // Counting runs inline: this whole function already runs in a Web Worker.
  const counter = createInlineCounter(pricing);
  const caching: CachingAssumption = "provider-default";
  const processor = createRecordProcessor({
    builder,
    coverage,
    counter,
    conversation: {
      pricer,
      specs,
      notes,
      caching,
      cacheWrites: undefined,
      reasoning: undefined,
      assumedModel,
      standInModel,
      truncation,
    },
  });

  let summaries: LogReadSummary[];
  try {
    summaries = await readFiles(files, coverage, processor, onProgress);
    await processor.finish();
  } catch (error) {
    if (isTokenmeterError(error, "BAD_LOG")) throw new ImportError(error.message, { cause: error });
    throw error;
  } finally {
    await counter.close();
  }

  const stats = processor.stats;
  const assumptions: ReportAssumption[] = [
    {
      id: "pricing",
      description: `Prices from tokenmeter's bundled table ${pricing.version}, in effect on each request's date.`,
    },
  ];
  const lowerBoundReasons: string[] = [];
  const formats = new Set(summaries.map((summary) => summary.format));
  if (stats.conversations > 0) {
    assumptions.push({
      id: "history-resent",
      description:
        "Chat exports record text, not tokens: each answer is replayed as one API call whose input is the visible conversation so far (active branch only, custom instructions as the system prompt). Each message is counted once with the model's tokenizer; the history is a running sum.",
    });
  }
  if (formats.has("chatgpt-export")) {
    assumptions.push({
      id: "model-map",
      description:
        "ChatGPT model names (metadata.model_slug) are mapped to API models by tokenmeter's slug table; names it does not know are reported as unpriced, never priced at $0.",
    });
    lowerBoundReasons.push(
      "ChatGPT adds its own system prompt, memory and tool definitions to every call; the export does not contain them, so they are not counted.",
    );
  }
  if (stats.assumedModelConversations > 0) {
    assumptions.push({
      id: "assumed-model",
      description: `Claude.ai exports do not record the model: ${stats.assumedModelConversations} conversation(s) priced as ${assumedModel.id} (${assumedModel.displayName}; change with --assume-model).`,
    });
  }
  if (stats.repricedAcrossTokenizers > 0) {
    assumptions.push({
      id: "reprice-token-counts",
      description:
        "Re-pricing recorded usage on a model with another tokenizer reuses the recorded token counts; that model would count the same text differently (those columns are estimates).",
    });
  }
  if (stats.fastModeRequests > 0) {
    lowerBoundReasons.push(
      `${stats.fastModeRequests} request(s) used Anthropic's fast mode, billed at a premium the pricing table does not hold: priced at standard rates.`,
    );
  }
  const leftOut = skippedMessagesNote(summaries);
  if (leftOut !== undefined) assumptions.push({ id: "left-out", description: leftOut });
  for (const note of [unpricedItemsNote(summaries), toolMessagesNote(summaries)]) {
    if (note !== undefined) lowerBoundReasons.push(note);
  }
  for (const summary of summaries) {
    if (!summary.complete)
      lowerBoundReasons.push(`${summary.file} was not read to the end (see coverage.skipped).`);
  }
  const claudeOnly = [...formats].every(
    (name) => name === "claude-export" || name === "claude-code",
  );
  const planSeries: PlanPriceSeries[] =
    chosenPlans.length > 0
      ? chosenPlans
      : [planPriceSeries(claudeOnly ? CLAUDE_PLAN_ID : DEFAULT_PLAN_ID)];
  assumptions.push(...notes.list());
  for (const [model, tally] of truncation) {
    if (tally.truncatedCalls > 0) {
      assumptions.push({
        id: "truncation",
        description: `${model}: history truncated to fit its context window (${tally.contextWindowTokens.toLocaleString("en-US")} tokens), oldest exchanges first, in ${tally.truncatedCalls} of ${tally.calls} calls, as chat apps do.`,
      });
    }
    if (tally.oversizedCalls > 0) {
      lowerBoundReasons.push(
        `${model}: ${tally.oversizedCalls} call(s) did not fit its context window even without history; billed as sent (the API would refuse them).`,
      );
    }
  }
  assumptions.push({
    id: "plans",
    description: `Each month is compared with the plan's monthly price in effect on its first day (${planSeries.map((plan) => plan.planName).join(", ")}); a month with no usage still costs the plan's price.`,
  });

  const report = builder.finish({
    coverage: coverage.snapshot(),
    assumptions,
    lowerBoundReasons,
    plans: planSeries,
  });
  if (report.coverage.requestsCounted === 0 && report.coverage.recordsSkipped > 0) {
    const first = report.coverage.skipped[0];
    const at = first?.firstLocations[0];
    throw new ImportError(
      `Nothing could be counted: ${report.coverage.recordsSkipped} record(s) were unreadable${first === undefined ? "" : ` (${first.reason}${at === undefined ? "" : ` first at ${at.file}${at.line === undefined ? "" : `:${at.line}`}${at.byteOffset === undefined ? "" : ` byte ${at.byteOffset}`}`}: ${first.description})`}.`,
    );
  }
  const shownInputs = files.length === 1 ? (files[0]?.name ?? "") : `${files.length} inputs`;
  return { report, document: renderEstimate(report, shownInputs) };
}

interface Processor {
  accept(record: Parameters<Parameters<typeof createLogReader>[1]["onRecord"]>[0]): void;
  drain(): Promise<void>;
}

/** Mirrors the CLI's readInputs for File objects: detect, unzip, read, count coverage. */
async function readFiles(
  files: readonly ImportFile[],
  coverage: CoverageTracker,
  processor: Processor,
  onProgress: (progress: ImportProgress) => void,
): Promise<LogReadSummary[]> {
  const summaries: LogReadSummary[] = [];
  const claudeCodeDedupe: ClaudeCodeDedupe = createClaudeCodeDedupe();
  let usedClaudeCode = false;
  const totalBytes = files.reduce((sum, file) => sum + file.sizeBytes, 0);
  let doneBytes = 0;

  function skipFile(file: string, reason: string): never {
    throw new ImportError(`Cannot estimate ${file}: ${reason}.`);
  }

  function startReader(name: string, format: LogFormat): LogReader {
    coverage.addFile(name, format, LOG_RECORD_UNITS[format]);
    if (format === "claude-code") usedClaudeCode = true;
    return createLogReader(format, {
      fileName: name,
      strict: false,
      onRecord: (record) => processor.accept(record),
      onIssue(issue) {
        const location = {
          ...(issue.line === undefined ? {} : { line: issue.line }),
          ...(issue.byteOffset === undefined ? {} : { byteOffset: issue.byteOffset }),
          ...(issue.path === undefined ? {} : { path: issue.path }),
        };
        const description = ISSUE_DESCRIPTIONS[issue.code] ?? issue.reason;
        if (issue.severity === "skipped") {
          coverage.recordSkipped(issue.file, issue.code, description, location);
        } else coverage.recordNotice(issue.file, issue.code, description, location);
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

  function detectingSink(name: string): ByteSink {
    const buffered: Uint8Array[] = [];
    let bufferedBytes = 0;
    let reader: LogReader | undefined;
    let total = 0;
    function decide(): void {
      const sample = concat(buffered, bufferedBytes);
      const format = total === 0 ? undefined : detectLogFormat(name, sample);
      if (format === undefined) skipFile(name, whyUnrecognized(sample, total));
      reader = startReader(name, format);
      for (const chunk of buffered) reader.write(chunk);
      buffered.length = 0;
    }
    return {
      write(chunk) {
        total += chunk.length;
        if (reader !== undefined) {
          reader.write(chunk);
          return;
        }
        buffered.push(chunk);
        bufferedBytes += chunk.length;
        if (bufferedBytes >= DETECT_SAMPLE_BYTES) decide();
      },
      end(complete) {
        if (reader === undefined) decide();
        if (reader !== undefined) finishReader(name, reader, complete);
      },
    };
  }

  for (const file of files) {
    const first = await file.start(4);
    if (isZip(first)) {
      const entriesRead = await readZip(
        file,
        (entryName) =>
          findExportEntries([entryName]).length === 1
            ? detectingSink(`${file.name}!${entryName}`)
            : undefined,
        (bytesRead) =>
          onProgress({ doneBytes: doneBytes + bytesRead, totalBytes, file: file.name }),
        () => processor.drain(),
      );
      if (entriesRead.read.length === 0) {
        skipFile(
          file.name,
          `the zip archive has no conversations.json (it holds ${entriesRead.names.length} file(s)); tokenmeter reads ChatGPT and Claude.ai data exports as downloaded`,
        );
      }
    } else {
      const sink = detectingSink(file.name);
      let bytesRead = 0;
      for await (const chunk of file.chunks()) {
        bytesRead += chunk.length;
        sink.write(chunk);
        onProgress({ doneBytes: doneBytes + bytesRead, totalBytes, file: file.name });
        await processor.drain();
        await tick();
      }
      sink.end(true);
      await processor.drain();
    }
    doneBytes += file.sizeBytes;
  }
  if (usedClaudeCode) {
    claudeCodeDedupe.drain((record) => processor.accept(record));
    await processor.drain();
  }
  onProgress({ doneBytes: totalBytes, totalBytes, file: "" });
  return summaries;
}

const COMPRESSION_NAMES: Readonly<Record<number, string>> = {
  9: "Deflate64 (Windows Explorer's format for large files)",
  12: "BZIP2",
  14: "LZMA",
  93: "Zstandard",
  95: "XZ",
  99: "AES encryption",
};

/** Streams a zip through fflate's Unzip, inflating only the entries `select` wants. */
async function readZip(
  file: ImportFile,
  select: (entryName: string) => ByteSink | undefined,
  onBytes: (bytesRead: number) => void,
  afterChunk: () => Promise<void>,
): Promise<{ names: string[]; read: string[] }> {
  const names: string[] = [];
  const read: string[] = [];
  const open = new Map<string, ByteSink>();
  let failure: { error: unknown } | undefined;
  const unzip = new Unzip((entry: UnzipFile) => {
    names.push(entry.name);
    if (failure !== undefined) return;
    const sink = select(entry.name);
    if (sink === undefined) return;
    read.push(entry.name);
    open.set(entry.name, sink);
    entry.ondata = (error, data, final) => {
      if (failure !== undefined) return;
      if (error !== null) {
        failure = {
          error: new ImportError(
            `${file.name}: the entry ${entry.name} is damaged and cannot be inflated. Download the export again, or unzip it and drop the file inside.`,
            { cause: error },
          ),
        };
        return;
      }
      try {
        if (data.length > 0) sink.write(data);
        if (final) {
          open.delete(entry.name);
          sink.end(true);
        }
      } catch (sinkError) {
        failure = { error: sinkError };
      }
    };
    try {
      entry.start();
    } catch (cause) {
      const method = COMPRESSION_NAMES[entry.compression] ?? `method ${entry.compression}`;
      failure = {
        error: new ImportError(
          `${file.name}: ${entry.name} is compressed with ${method}, which tokenmeter cannot read. Unzip the archive with another tool and drop ${entry.name} itself.`,
          { cause },
        ),
      };
    }
  });
  unzip.register(UnzipInflate);

  let bytesRead = 0;
  let finalPush = false;
  try {
    for await (const chunk of file.chunks()) {
      bytesRead += chunk.length;
      unzip.push(chunk);
      onBytes(bytesRead);
      if (failure !== undefined) break;
      await afterChunk();
      await tick();
    }
    finalPush = true;
    if (failure === undefined) {
      unzip.push(new Uint8Array(0), true);
      await afterChunk();
    }
  } catch (cause) {
    if (failure === undefined) {
      failure = {
        error: new ImportError(
          finalPush
            ? `${file.name} ends before the archive is complete (after ${bytesRead} bytes): the download was probably cut short. Download the export again.`
            : `${file.name} is not a readable zip archive (damaged near byte ${bytesRead}). Download the export again; if it opens elsewhere, unzip it and drop conversations.json.`,
          { cause },
        ),
      };
    }
  }
  if (failure !== undefined) throw failure.error;
  for (const sink of open.values()) sink.end(false);
  return { names, read };
}
