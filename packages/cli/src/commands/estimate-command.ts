import { availableParallelism } from "node:os";
import {
  type CachingAssumption,
  commandLineWording,
  createInlineCounter,
  createLogEstimator,
  estimateDocument,
  isTokenmeterError,
  type LogEstimate,
  type LogEstimator,
  type PricingTable,
  type ReasoningAssumption,
  type TokenCounter,
} from "@tokenmeter/core";
import type { ArgsDef } from "citty";
import { positionals, repeatedOption } from "../args/argv.ts";
import { outputArgs, pricingArg } from "../args/common-args.ts";
import { parseOptions } from "../args/parse-options.ts";
import { badInput, usageError } from "../cli-error.ts";
import { defineTokenmeterCommand } from "../command.ts";
import { estimateOptionsSchema } from "../estimate/estimate-options.ts";
import { readInputs } from "../estimate/read-inputs.ts";
import { createWorkerCounter } from "../estimate/worker-counter.ts";
import { collectInputs, type InputFile } from "../input/collect-inputs.ts";
import { warn } from "../output/diagnostics.ts";
import { emit, pickOutputFormat } from "../output/emit.ts";
import { createProgress } from "../output/progress-bar.ts";
import { asModelUsageError, asPlanUsageError } from "../pricing/model-errors.ts";
import { pricingFromOption } from "../pricing/pricing-option.ts";

const estimateArgs = {
  files: {
    // Checked by the command itself, which says what to pass rather than citty's generic message.
    type: "positional",
    required: false,
    description:
      "Files or directories: a ChatGPT/Claude.ai export .zip, conversations.json, API logs, usage CSVs…",
  },
  format: {
    type: "string",
    valueHint: "format",
    description:
      "Skip detection: chatgpt-export, claude-export, openai-api, openai-usage-csv, claude-code or generic-jsonl",
  },
  model: {
    type: "string",
    alias: ["m", "models"],
    valueHint: "id",
    description: "Also price everything on this model; repeat for several",
  },
  plan: {
    type: "string",
    alias: "plans",
    valueHint: "id",
    description:
      "Compare each month with this plan; repeat for several (default: chatgpt-plus, or claude-pro for Claude logs)",
  },
  by: {
    // A string, not a citty enum, so a wrong value gets the same message as every other option.
    type: "string",
    valueHint: "grouping",
    default: "month",
    description: "Group rows by month, day, model or conversation",
  },
  since: {
    type: "string",
    valueHint: "YYYY-MM-DD",
    description: "Only requests on or after this day (in --tz)",
  },
  until: {
    type: "string",
    valueHint: "YYYY-MM-DD",
    description: "Only requests on or before this day (in --tz)",
  },
  tz: {
    type: "string",
    valueHint: "zone",
    description: "IANA time zone for days and months (default: this machine's, from TZ)",
  },
  strict: {
    type: "boolean",
    description: "Fail (exit 1) at the first unreadable record instead of skipping and counting it",
  },
  caching: {
    type: "string",
    valueHint: "mode",
    description:
      "Prompt caching assumed when replaying chats: provider-default, none, or a hit rate 0–1 (default: provider-default)",
  },
  "cache-writes": {
    type: "string",
    valueHint: "none|5m|1h",
    description:
      "For models that cache only at explicit breakpoints (Anthropic): assume one per request, written to the 5-minute or 1-hour cache (default: none)",
  },
  reasoning: {
    type: "string",
    valueHint: "effort",
    description:
      "Hidden reasoning assumed for reasoning models: none, minimal, low, medium, high, xhigh, or tokens per visible output token",
  },
  "assume-model": {
    type: "string",
    valueHint: "id",
    description:
      "The model assumed for exports that record none (Claude.ai); default: what Claude Pro serves",
  },
  ...pricingArg,
  ...outputArgs,
} satisfies ArgsDef;

/** Inputs above this size are worth a worker thread for token counting. */
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;

/**
 * Token counting runs in a worker thread for large inputs on machines with more than one CPU, so
 * the main thread keeps reading while the tokenizer runs. `TOKENMETER_WORKERS` overrides the
 * choice: 0 counts in the main thread, N uses N workers.
 */
function createCounter(
  pricing: PricingTable,
  files: readonly { sizeBytes: number }[],
): TokenCounter {
  const forced = process.env.TOKENMETER_WORKERS;
  const total = files.reduce((sum, file) => sum + file.sizeBytes, 0);
  const workers =
    forced !== undefined && /^\d+$/.test(forced)
      ? Number(forced)
      : availableParallelism() > 1 && total >= WORKER_THRESHOLD_BYTES
        ? 1
        : 0;
  return workers === 0 ? createInlineCounter(pricing) : createWorkerCounter(pricing, workers);
}

function defaultTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Core's errors about the options themselves, as usage errors (exit 2) in the CLI's words. */
function asEstimateUsageError(error: unknown): unknown {
  if (isTokenmeterError(error, "UNKNOWN_MODEL")) return asModelUsageError(error);
  if (isTokenmeterError(error, "UNKNOWN_PLAN")) return asPlanUsageError(error);
  if (isTokenmeterError(error, "INVALID_INPUT")) return usageError(error.message);
  return error;
}

export const estimateCommand = defineTokenmeterCommand({
  name: "estimate",
  description:
    "Price a real usage log month by month, on the models used and on others, against a subscription",
  args: estimateArgs,
  examples: [
    {
      command: "tokenmeter estimate chatgpt-export.zip",
      description: "your ChatGPT history, month by month, against ChatGPT Plus",
    },
    {
      command:
        "tokenmeter estimate chatgpt-export.zip --model claude-sonnet-4-5 --model gpt-4o-mini --plan plus --plan claude-pro",
      description: "the same chats re-priced on two other models, against two plans",
    },
    {
      command:
        "tokenmeter estimate ~/.claude/projects --by day --since 2025-06-01 --tz Europe/Paris",
      description: "Claude Code logs, per day",
    },
    {
      command: "tokenmeter estimate api-logs/ --json > report.json",
      description: "a directory of OpenAI API JSONL logs, as JSON",
    },
  ],
  usage: "tokenmeter estimate <file|dir…> [options]",
  async run({ args, rawArgs }) {
    const format = pickOutputFormat(args);
    const files = positionals(rawArgs, estimateArgs);
    if (files.length === 0) {
      throw usageError(
        "No file given: name a ChatGPT or Claude.ai export .zip, a log file or a directory.",
        "For example: tokenmeter estimate chatgpt-export.zip (tokenmeter estimate --help lists the formats).",
      );
    }
    const plans = repeatedOption(rawArgs, ["plan", "plans"]);
    const options = parseOptions(
      estimateOptionsSchema,
      {
        files,
        format: args.format,
        models: repeatedOption(rawArgs, ["model", "m", "models"]),
        plans,
        by: args.by ?? "month",
        since: args.since,
        until: args.until,
        tz: args.tz ?? defaultTimeZone(),
        strict: args.strict === true,
        caching: args.caching ?? "provider-default",
        reasoning: args.reasoning,
        cacheWrites: args["cache-writes"],
        assumeModel: args["assume-model"],
      },
      "estimate",
    );
    const pricingChoice = pricingFromOption(args.pricing);
    const pricing = pricingChoice.table;
    let inputFiles: InputFile[] = [];
    let estimator: LogEstimator;
    try {
      estimator = createLogEstimator({
        pricing,
        pricingDescription: pricingChoice.description,
        models: options.models,
        plans: options.plans,
        groupBy: options.by,
        timeZone: options.tz,
        since: options.since,
        until: options.until,
        format: options.format,
        strict: options.strict,
        caching: options.caching as CachingAssumption,
        cacheWrites: options.cacheWrites,
        reasoning: options.reasoning as ReasoningAssumption | undefined,
        assumeModel: options.assumeModel,
        // Made when the first text is counted, by then the inputs (and their sizes) are known.
        createCounter: () => createCounter(pricing, inputFiles),
        wording: commandLineWording,
      });
    } catch (error) {
      throw asEstimateUsageError(error);
    }

    const collected = await collectInputs(options.files);
    inputFiles = collected.files;
    for (const file of collected.ignored) estimator.ignoreFile(file.displayName);
    if (inputFiles.length === 0) {
      throw badInput(
        `No log files found in ${options.files.join(", ")} (looked for .json, .jsonl, .ndjson, .csv and .zip).`,
      );
    }
    const progress = createProgress(
      inputFiles.reduce((sum, file) => sum + file.sizeBytes, 0),
      "reading",
    );
    let estimate: LogEstimate;
    try {
      await readInputs(estimator, inputFiles, progress);
      estimate = await estimator.finish();
    } catch (error) {
      if (isTokenmeterError(error, "BAD_LOG")) {
        throw badInput(
          error.message,
          // The list of formats helps when the format is the problem, not for an empty export.
          error.details.reason === "UNRECOGNIZED_FILE" &&
            (error.details.kind === "UNKNOWN_FORMAT" ||
              error.details.kind === "FIRST_LINE_TOO_LONG")
            ? {
                cause: error,
                hint: "Pass a ChatGPT or Claude.ai data export (the .zip), OpenAI API JSONL, an OpenAI usage CSV, Claude Code logs or tokenmeter's generic JSONL; --format names the format when detection fails.",
              }
            : { cause: error },
        );
      }
      throw error;
    } finally {
      progress.done();
      await estimator.close();
    }
    const { report, summaries, unreadFiles } = estimate;
    if (summaries.length === 0) {
      throw badInput(
        `${inputFiles.length === 1 ? "The file found is not" : `None of the ${inputFiles.length} files found is`} a log tokenmeter recognizes: ${unreadFiles
          .slice(0, 3)
          .map((file) => `${file.file} (${file.reason})`)
          .join("; ")}${unreadFiles.length > 3 ? "; …" : ""}.`,
        {
          hint: "Pass --format if you know the format, or point at the export .zip or the log files themselves.",
        },
      );
    }
    for (const skipped of report.coverage.skipped) {
      const at = skipped.firstLocations[0];
      warn(
        `${skipped.recordCount} ${skipped.recordCount === 1 ? "record" : "records"} skipped (${skipped.reason})${at === undefined ? "" : `, first at ${at.file}${at.line === undefined ? "" : ` line ${at.line}`}${at.byteOffset === undefined ? "" : ` byte ${at.byteOffset}`}`}; see Coverage.`,
      );
    }
    if (report.coverage.requestsCounted === 0)
      warn("No requests were counted (check --since/--until and the files given).");
    const shownInputs =
      options.files.length === 1 ? (options.files[0] ?? "") : `${options.files.length} inputs`;
    emit(estimateDocument(report, { inputs: shownInputs, wording: commandLineWording }), format);
  },
});
