import { availableParallelism } from "node:os";
import {
  type CachingAssumption,
  createCoverageTracker,
  createReportBuilder,
  defaultModelId,
  findModel,
  isTokenmeterError,
  type ModelInfo,
  type PlanPriceSeries,
  type PricingTable,
  planInfo,
  planPriceSeries,
  type ReasoningAssumption,
} from "@tokenmeter/core";
import type { ArgsDef } from "citty";
import { positionals, repeatedOption } from "../args/argv.ts";
import { outputArgs, pricingArg } from "../args/common-args.ts";
import { parseOptions } from "../args/parse-options.ts";
import { badInput, usageError } from "../cli-error.ts";
import { defineTokenmeterCommand } from "../command.ts";
import { createAssumptionNotes } from "../estimate/assumption-notes.ts";
import type { TruncationTally } from "../estimate/conversation-pricer.ts";
import { defaultPlanIdFor, estimateAssumptions } from "../estimate/estimate-assumptions.ts";
import { estimateOptionsSchema } from "../estimate/estimate-options.ts";
import { readInputs } from "../estimate/read-inputs.ts";
import { createRecordProcessor } from "../estimate/record-processor.ts";
import { renderEstimate } from "../estimate/render-estimate.ts";
import { createRequestPricer } from "../estimate/request-pricer.ts";
import { scenarioSpecs } from "../estimate/scenario-spec.ts";
import { createInlineCounter, type TokenCounter } from "../estimate/token-counter.ts";
import { createWorkerCounter } from "../estimate/worker-counter.ts";
import { collectInputs } from "../input/collect-inputs.ts";
import { warn } from "../output/diagnostics.ts";
import { emit, pickOutputFormat } from "../output/emit.ts";
import { createProgress } from "../output/progress-bar.ts";
import { asModelUsageError } from "../pricing/model-errors.ts";
import { pricingFromOption } from "../pricing/pricing-option.ts";

const estimateArgs = {
  files: {
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
    alias: "m",
    valueHint: "id",
    description: "Also price everything on this model; repeat for several",
  },
  plan: {
    type: "string",
    valueHint: "id",
    description:
      "Compare each month with this plan; repeat for several (default: chatgpt-plus, or claude-pro for Claude logs)",
  },
  by: {
    type: "enum",
    options: ["month", "day", "model", "conversation"],
    default: "month",
    description: "Group rows by",
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

function resolveModel(id: string, pricing: Parameters<typeof findModel>[1]): ModelInfo {
  try {
    return findModel(id, pricing);
  } catch (error) {
    throw asModelUsageError(error);
  }
}

function resolvePlan(id: string): PlanPriceSeries {
  try {
    return planPriceSeries(id);
  } catch (error) {
    if (isTokenmeterError(error, "UNKNOWN_PLAN")) {
      throw usageError(error.message, "Run `tokenmeter compare --help` to see the plan ids.");
    }
    throw error;
  }
}

/** The plan a Claude-only history is compared with when no --plan is given. */
const CLAUDE_PLAN_ID = "claude-pro";

function claudeProModel(): string {
  const models = planInfo(CLAUDE_PLAN_ID).terms.equivalentModels;
  return (models.find((model) => model.role === "primary") ?? models[0])?.model ?? defaultModelId();
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
  async run({ args, rawArgs }) {
    const format = pickOutputFormat(args);
    const plans = repeatedOption(rawArgs, ["plan"]);
    const options = parseOptions(
      estimateOptionsSchema,
      {
        files: positionals(rawArgs, estimateArgs),
        format: args.format,
        models: repeatedOption(rawArgs, ["model", "m"]),
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
    const byPricing = { pricing };
    const repriceModels = [
      ...new Map(
        options.models.map((id) => resolveModel(id, byPricing)).map((model) => [model.id, model]),
      ).values(),
    ];
    const assumedModel = resolveModel(options.assumeModel ?? claudeProModel(), byPricing);
    const standInModel = resolveModel(defaultModelId(), byPricing);
    const chosenPlans = [
      ...new Map(
        options.plans.map((id) => resolvePlan(id)).map((plan) => [plan.planId, plan]),
      ).values(),
    ];
    const specs = scenarioSpecs(repriceModels);

    let builder: ReturnType<typeof createReportBuilder>;
    try {
      builder = createReportBuilder({
        scenarios: specs.map((spec) => spec.scenario),
        groupBy: options.by,
        timeZone: options.tz,
        since: options.since,
        until: options.until,
        pricingVersion: pricing.version,
      });
    } catch (error) {
      if (isTokenmeterError(error, "INVALID_INPUT")) throw usageError(error.message);
      throw error;
    }

    const { files, ignored } = await collectInputs(options.files);
    const coverage = createCoverageTracker();
    for (const file of ignored) {
      coverage.recordNotice(
        file.displayName,
        "IGNORED_FILE",
        "Files in the directories given that are not a log tokenmeter recognizes: not read.",
        {},
      );
    }
    if (files.length === 0) {
      throw badInput(
        `No log files found in ${options.files.join(", ")} (looked for .json, .jsonl, .ndjson, .csv and .zip).`,
      );
    }
    const notes = createAssumptionNotes();
    const pricer = createRequestPricer(pricing, notes);
    const truncation = new Map<string, TruncationTally>();
    const counter = createCounter(pricing, files);
    const processor = createRecordProcessor({
      builder,
      coverage,
      counter,
      conversation: {
        pricer,
        specs,
        notes,
        caching: options.caching as CachingAssumption,
        cacheWrites: options.cacheWrites,
        reasoning: options.reasoning as ReasoningAssumption | undefined,
        assumedModel,
        standInModel,
        truncation,
      },
    });
    const progress = createProgress(
      files.reduce((sum, file) => sum + file.sizeBytes, 0),
      "reading",
    );
    let read: Awaited<ReturnType<typeof readInputs>>;
    try {
      read = await readInputs({
        files,
        format: options.format,
        strict: options.strict,
        coverage,
        onRecord: (record) => processor.accept(record),
        afterChunk: () => processor.drain(),
        progress,
      });
      await processor.finish();
    } catch (error) {
      if (isTokenmeterError(error, "BAD_LOG")) throw badInput(error.message, { cause: error });
      throw error;
    } finally {
      progress.done();
      await counter.close();
    }
    if (read.summaries.length === 0) {
      throw badInput(
        `None of the ${files.length} file(s) found is a log tokenmeter recognizes: ${read.unread
          .slice(0, 3)
          .map((file) => `${file.file} (${file.reason})`)
          .join("; ")}${read.unread.length > 3 ? "; …" : ""}.`,
        {
          hint: "Pass --format if you know the format, or point at the export .zip or the log files themselves.",
        },
      );
    }

    const { summaries } = read;
    const planSeries =
      chosenPlans.length > 0
        ? chosenPlans
        : [resolvePlan(defaultPlanIdFor(summaries.map((summary) => summary.format)))];
    const { assumptions, lowerBoundReasons } = estimateAssumptions({
      pricingDescription: pricingChoice.description,
      summaries,
      stats: processor.stats,
      truncation,
      notes,
      assumedModel,
      plans: planSeries,
      assumedModelHint: "change with --assume-model",
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
      throw badInput(
        `Nothing could be counted: ${report.coverage.recordsSkipped} record(s) were unreadable${first === undefined ? "" : ` (${first.reason}${at === undefined ? "" : ` first at ${at.file}${at.line === undefined ? "" : `:${at.line}`}${at.byteOffset === undefined ? "" : ` byte ${at.byteOffset}`}`}: ${first.description})`}.`,
      );
    }
    for (const skipped of report.coverage.skipped) {
      const at = skipped.firstLocations[0];
      warn(
        `${skipped.recordCount} record(s) skipped (${skipped.reason})${at === undefined ? "" : `, first at ${at.file}${at.line === undefined ? "" : ` line ${at.line}`}${at.byteOffset === undefined ? "" : ` byte ${at.byteOffset}`}`}; see Coverage.`,
      );
    }
    if (report.coverage.requestsCounted === 0)
      warn("No requests were counted (check --since/--until and the files given).");
    const shownInputs =
      options.files.length === 1 ? (options.files[0] ?? "") : `${options.files.length} inputs`;
    emit(renderEstimate(report, shownInputs), format);
  },
});
