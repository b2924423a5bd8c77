import {
  commandLineWording,
  comparePlans,
  DEFAULT_PLAN_ID,
  type DocumentBlock,
  type DocumentTable,
  findModel,
  formatCount,
  formatUsd,
  isTokenmeterError,
  type MonthlyProjection,
  PRESET_NAMES,
  planInfo,
  projectMonthly,
  type SubscriptionComparison,
  USAGE_PRESETS,
  type UsageProfileInput,
} from "@tokenmeter/core";
import type { ArgsDef } from "citty";
import { z } from "zod";
import { repeatedOption } from "../args/argv.ts";
import { outputArgs, pricingArg } from "../args/common-args.ts";
import { isoDaySchema, todayUtc } from "../args/dates.ts";
import { parseOptions } from "../args/parse-options.ts";
import { badInput, usageError } from "../cli-error.ts";
import { defineTokenmeterCommand } from "../command.ts";
import { emit, pickOutputFormat } from "../output/emit.ts";
import { asModelUsageError, asPlanUsageError } from "../pricing/model-errors.ts";
import { pricingFromOption } from "../pricing/pricing-option.ts";

const positiveNumber = z.coerce
  .number({ error: "expected a number" })
  .refine(Number.isFinite, { error: "expected a finite number" })
  .refine((value) => value >= 0, { error: "cannot be negative" });

const optionsSchema = z.object({
  profile: z.enum(PRESET_NAMES, { error: `expected one of ${PRESET_NAMES.join(", ")}` }),
  messagesPerDay: positiveNumber.optional(),
  messagesPerWeek: positiveNumber.optional(),
  activeDays: positiveNumber.optional(),
  turns: positiveNumber.optional(),
  promptWords: positiveNumber.optional(),
  replyWords: positiveNumber.optional(),
  reasoningShare: positiveNumber
    .pipe(z.number().max(1, { error: "is a share: at most 1" }))
    .optional(),
  caching: z
    .enum(["provider-default", "off"], { error: "expected provider-default or off" })
    .optional(),
  cacheWrites: z.enum(["none", "5m", "1h"], { error: "expected none, 5m or 1h" }).optional(),
  models: z.array(z.string().min(1)),
  plans: z.array(z.string().min(1)),
  billing: z.enum(["monthly", "annual"], { error: "expected monthly or annual" }),
  at: isoDaySchema.optional(),
});

const compareArgs = {
  profile: {
    type: "string",
    valueHint: "preset",
    default: "moderate",
    description: `A usage preset to start from: ${PRESET_NAMES.join(", ")}`,
  },
  "messages-per-day": {
    type: "string",
    valueHint: "n",
    description: "Messages you send per active day (overrides the preset)",
  },
  "messages-per-week": {
    type: "string",
    valueHint: "n",
    description: "Or messages per week, spread over the active days",
  },
  "active-days": {
    type: "string",
    valueHint: "n",
    description: "Days a month you chat (overrides the preset)",
  },
  turns: {
    type: "string",
    valueHint: "n",
    description: "Messages per conversation before a new chat (overrides the preset)",
  },
  "prompt-words": {
    type: "string",
    valueHint: "n",
    description: "Words in a typical message you type",
  },
  "reply-words": { type: "string", valueHint: "n", description: "Words in a typical reply" },
  "reasoning-share": {
    type: "string",
    valueHint: "0-1",
    description: "Share of messages sent to a reasoning model",
  },
  caching: { type: "string", valueHint: "mode", description: "provider-default or off" },
  "cache-writes": {
    type: "string",
    valueHint: "none|5m|1h",
    description:
      "For models that cache only at explicit breakpoints (Anthropic): assume one per request, written to the 5-minute or 1-hour cache (default: none)",
  },
  model: {
    type: "string",
    alias: ["m", "models"],
    valueHint: "id",
    description:
      "A model to price the usage on; repeat for several; join with + for a multi-model room (default: each plan's own model)",
  },
  plan: {
    type: "string",
    alias: "plans",
    valueHint: "id",
    description: "A plan to compare with; repeat for several (default: chatgpt-plus)",
  },
  billing: {
    type: "string",
    valueHint: "monthly|annual",
    description: "Plan billing cadence (default: monthly)",
  },
  at: {
    type: "string",
    valueHint: "YYYY-MM-DD",
    description: "Prices in effect on this date (default: today, UTC)",
  },
  ...pricingArg,
  ...outputArgs,
} satisfies ArgsDef;

function planModel(planId: string): string {
  try {
    const models = planInfo(planId).terms.equivalentModels;
    return (models.find((model) => model.role === "primary") ?? models[0])?.model ?? planId;
  } catch (error) {
    throw asPlanUsageError(error);
  }
}

function projectionJson(projection: MonthlyProjection) {
  return {
    label: projection.label,
    models: projection.models,
    room: projection.room,
    month: projection.month,
    pricedOn: projection.pricedOn,
    messagesPerActiveDay: projection.messagesPerActiveDay,
    activeDays: projection.activeDays,
    messagesPerMonth: projection.messagesPerMonth,
    conversationsPerMonth: projection.conversationsPerMonth,
    expectedUsd: projection.expected,
    usdPerMessage: projection.usdPerMessage,
    lowUsd: projection.range.lowUsd,
    highUsd: projection.range.highUsd,
    rangeQuantiles: [projection.range.lowQuantile, projection.range.highQuantile],
    rangeSamples: projection.range.samples,
    tokens: projection.tokens,
    perModel: projection.perModel,
  };
}

function comparisonJson(comparison: SubscriptionComparison) {
  return {
    planId: comparison.plan.id,
    planName: comparison.plan.displayName,
    billing: comparison.plan.billing,
    planUsdPerMonth: comparison.plan.usdPerMonth,
    planPriceEffectiveFrom: comparison.plan.priceEffectiveFrom,
    planSource: comparison.plan.source,
    scenario: comparison.scenario.label,
    apiUsd: comparison.apiUsd,
    apiLowUsd: comparison.apiLowUsd,
    apiHighUsd: comparison.apiHighUsd,
    differenceUsd: comparison.differenceUsd,
    cheaper: comparison.cheaper,
    breakEvenMessagesPerDay: comparison.breakEven.messagesPerDay,
    breakEvenMessagesPerMonth: comparison.breakEven.messagesPerMonth,
    breakEvenExplanation: comparison.breakEven.explanation,
    capsStatus: comparison.caps.status,
    canServeAtItsPrice: comparison.canServeAtItsPrice,
    spendingLimitUsd: comparison.spendingLimit.usd,
    spendingLimitExplanation: comparison.spendingLimit.explanation,
    notPricedInTokens: comparison.notPricedInTokens,
    verdict: comparison.verdict,
    notes: comparison.notes,
  };
}

/** `cheaper` as a table cell: who is cheaper this month. */
const CHEAPER_WORDS: Readonly<Record<string, string>> = {
  api: "API",
  plan: "plan",
  depends: "depends",
};

/** `caps.status` as a table cell under "Fits the caps". */
const CAPS_WORDS: Readonly<Record<string, string>> = {
  within: "yes",
  "may-exceed": "maybe",
  exceeds: "no",
  unknown: "not published",
};

export const compareCommand = defineTokenmeterCommand({
  name: "compare",
  description:
    "Project a usage profile onto a month of API calls and compare it with subscription plans",
  args: compareArgs,
  examples: [
    {
      command: "tokenmeter compare --profile moderate",
      description: "the moderate preset on ChatGPT Plus's model, against Plus",
    },
    {
      command:
        "tokenmeter compare --profile heavy --messages-per-day 80 -m gpt-5.5 -m claude-sonnet-5 --plan plus --plan claude-pro",
      description: "a heavier month on two models, against two plans",
    },
    {
      command: "tokenmeter compare --profile light -m gpt-5.5+claude-sonnet-5 --json",
      description: "a multi-model room, as JSON",
    },
  ],
  run({ args, rawArgs }) {
    const format = pickOutputFormat(args);
    const options = parseOptions(
      optionsSchema,
      {
        profile: args.profile ?? "moderate",
        messagesPerDay: args["messages-per-day"],
        messagesPerWeek: args["messages-per-week"],
        activeDays: args["active-days"],
        turns: args.turns,
        promptWords: args["prompt-words"],
        replyWords: args["reply-words"],
        reasoningShare: args["reasoning-share"],
        caching: args.caching,
        cacheWrites: args["cache-writes"],
        models: repeatedOption(rawArgs, ["model", "m", "models"]),
        plans: repeatedOption(rawArgs, ["plan", "plans"]),
        billing: args.billing ?? "monthly",
        at: args.at,
      },
      "compare",
    );
    const pricing = pricingFromOption(args.pricing).table;
    const at = options.at ?? todayUtc();
    const plans = options.plans.length > 0 ? options.plans : [DEFAULT_PLAN_ID];

    const preset = USAGE_PRESETS[options.profile];
    const profile: UsageProfileInput = {
      ...preset,
      ...(options.messagesPerDay === undefined && options.messagesPerWeek === undefined
        ? {}
        : options.messagesPerWeek !== undefined
          ? { messagesPerDay: undefined, messagesPerWeek: options.messagesPerWeek }
          : { messagesPerDay: options.messagesPerDay, messagesPerWeek: undefined }),
      ...(options.activeDays === undefined ? {} : { activeDaysPerMonth: options.activeDays }),
      ...(options.turns === undefined ? {} : { turnsPerConversation: options.turns }),
      ...(options.promptWords === undefined ? {} : { prompt: { words: options.promptWords } }),
      ...(options.replyWords === undefined ? {} : { reply: { words: options.replyWords } }),
      ...(options.reasoningShare === undefined
        ? {}
        : {
            reasoning: {
              shareOfMessages: options.reasoningShare,
              effort: preset.reasoning?.effort ?? "medium",
            },
          }),
      ...(options.caching === undefined ? {} : { caching: options.caching }),
    };
    // Scenarios: --model values (a `+` joins a room), else the preset's own room, else each plan's model.
    const requested =
      options.models.length > 0
        ? options.models.map((value) =>
            value.includes("+") ? value.split("+").filter((id) => id !== "") : value,
          )
        : preset.models !== undefined
          ? [preset.models]
          : [...new Set(plans.map(planModel))];
    const scenarios = requested.map((scenario) => {
      try {
        return typeof scenario === "string"
          ? findModel(scenario, { pricing }).id
          : scenario.map((id) => findModel(id, { pricing }).id);
      } catch (error) {
        throw asModelUsageError(error);
      }
    });

    let projections: MonthlyProjection[];
    let comparisons: SubscriptionComparison[];
    try {
      projections = projectMonthly(profile, scenarios, {
        at,
        pricing,
        timeZone: "UTC",
        ...(options.cacheWrites === undefined ? {} : { cacheWrites: options.cacheWrites }),
      });
      comparisons = comparePlans(
        projections,
        plans.map((plan) => ({ plan, billing: options.billing })),
        { at },
      );
    } catch (error) {
      if (isTokenmeterError(error, "UNKNOWN_PLAN")) throw asPlanUsageError(error);
      if (isTokenmeterError(error, "INVALID_INPUT")) {
        throw usageError(error.message, "Run `tokenmeter compare --help` for the options.");
      }
      if (isTokenmeterError(error, "NO_PRICE_AT_DATE"))
        throw badInput(error.message, { cause: error });
      throw asModelUsageError(error);
    }

    const first = projections[0];
    const table: DocumentTable = {
      columns: [
        { key: "scenario", header: "Model", kind: "text" },
        { key: "expectedUsd", header: "API per month", kind: "usd" },
        { key: "lowUsd", header: "Low (p10)", kind: "usd" },
        { key: "highUsd", header: "High (p90)", kind: "usd" },
        { key: "usdPerMessage", header: "Per message", kind: "usd" },
        { key: "inputTokens", header: "Input tokens", kind: "tokens" },
        { key: "outputTokens", header: "Output tokens", kind: "tokens" },
      ],
      rows: projections.map((projection) => [
        projection.label,
        projection.expected.totalUsd,
        projection.range.lowUsd,
        projection.range.highUsd,
        projection.usdPerMessage,
        Math.round(
          projection.tokens.inputTokens +
            projection.tokens.cachedInputTokens +
            projection.tokens.cacheWriteTokens,
        ),
        Math.round(projection.tokens.outputTokens + projection.tokens.reasoningTokens),
      ]),
    };
    const versus: DocumentTable = {
      columns: [
        { key: "plan", header: "Plan", kind: "text" },
        { key: "planUsdPerMonth", header: "Plan per month", kind: "usd" },
        { key: "scenario", header: "Model", kind: "text" },
        { key: "apiUsd", header: "API per month", kind: "usd" },
        { key: "cheaper", header: "Cheaper", kind: "text" },
        { key: "breakEvenMessagesPerDay", header: "Break-even msgs/day", kind: "count" },
        { key: "caps", header: "Fits the caps", kind: "text" },
        { key: "spendingLimitUsd", header: "API limit to set", kind: "usd" },
      ],
      rows: comparisons.map((comparison) => [
        comparison.plan.displayName,
        comparison.plan.usdPerMonth,
        comparison.scenario.label,
        comparison.apiUsd,
        comparison.cheaper,
        comparison.breakEven.messagesPerDay === null
          ? null
          : Math.round(comparison.breakEven.messagesPerDay),
        comparison.caps.status,
        comparison.spendingLimit.usd,
      ]),
    };
    // People read words; the CSV (and JSON) keep the codes.
    const versusShown: DocumentTable = {
      columns: versus.columns,
      rows: versus.rows.map((row) =>
        row.map((value, index) => {
          const key = versus.columns[index]?.key;
          if (key === "cheaper" && typeof value === "string") return CHEAPER_WORDS[value] ?? value;
          if (key === "caps" && typeof value === "string") return CAPS_WORDS[value] ?? value;
          return value;
        }),
      ),
    };
    const blocks: DocumentBlock[] = [
      {
        kind: "heading",
        text: `Profile "${options.profile}"${first === undefined ? "" : `: ${formatCount(Math.round(first.messagesPerActiveDay))} messages a day on ${formatCount(first.activeDays)} days (${formatCount(Math.round(first.messagesPerMonth))} a month)`} · prices of ${at} · pricing table ${pricing.version}`,
      },
      { kind: "table", table },
      { kind: "heading", text: "Against the plans" },
      { kind: "table", table: versusShown },
      {
        kind: "list",
        title: "Verdicts",
        items: comparisons.map((comparison) => comparison.verdict),
      },
      {
        kind: "list",
        title: "Break-even and spending limits",
        items: comparisons.flatMap((comparison) => [
          `${comparison.plan.displayName} vs ${comparison.scenario.label}: ${comparison.breakEven.explanation}`,
          `Spending limit on ${comparison.scenario.label}: ${formatUsd(comparison.spendingLimit.usd)} a month (${comparison.spendingLimit.explanation}).`,
        ]),
      },
    ];
    const notes = [...new Set(comparisons.flatMap((comparison) => comparison.notes))];
    if (notes.length > 0) blocks.push({ kind: "list", title: "Notes", items: notes });
    const assumptions = [
      ...new Set(
        projections.flatMap((projection) => projection.assumptions.map(commandLineWording)),
      ),
    ];
    blocks.push({ kind: "list", title: "Assumptions", items: assumptions });
    emit(
      {
        blocks,
        csv: versus,
        json: {
          pricingVersion: pricing.version,
          plansVersion: comparisons[0]?.plan.plansVersion ?? null,
          at,
          profile: first?.profile ?? null,
          projections: projections.map(projectionJson),
          comparisons: comparisons.map(comparisonJson),
          assumptions,
        },
      },
      format,
    );
  },
});
