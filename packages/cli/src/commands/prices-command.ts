import {
  type CellValue,
  type DocumentBlock,
  type DocumentColumn,
  type DocumentTable,
  describePeakWindows,
  findModel,
  formatCount,
  formatUsdPerMTok,
  isTokenmeterError,
  listModels,
  type ModelInfo,
  type PriceRecord,
  type PricingTable,
  type ReportDocument,
  tokenizerMethodOf,
} from "@tokenmeter/core";
import { z } from "zod";
import { outputArgs, pricingArg } from "../args/common-args.ts";
import { isoDaySchema, todayUtc } from "../args/dates.ts";
import { parseOptions } from "../args/parse-options.ts";
import { usageError } from "../cli-error.ts";
import { defineTokenmeterCommand } from "../command.ts";
import { emit, pickOutputFormat } from "../output/emit.ts";
import { asModelUsageError } from "../pricing/model-errors.ts";
import { priceRecordOn } from "../pricing/price-at.ts";
import { pricingFromOption } from "../pricing/pricing-option.ts";

const optionsSchema = z.object({
  model: z.string().min(1).optional(),
  at: isoDaySchema.optional(),
  history: z.boolean(),
  provider: z.string().min(1).optional(),
});

const PRICE_COLUMNS: DocumentColumn[] = [
  { key: "inputUsdPerMTok", header: "Input", kind: "usdPerMTok" },
  { key: "cachedInputUsdPerMTok", header: "Cached in", kind: "usdPerMTok" },
  { key: "cacheWrite5mUsdPerMTok", header: "Write 5m", kind: "usdPerMTok" },
  { key: "cacheWrite1hUsdPerMTok", header: "Write 1h", kind: "usdPerMTok" },
  { key: "outputUsdPerMTok", header: "Output", kind: "usdPerMTok" },
];

/**
 * The table for people: without the columns listed in `dropKeys`, nor the price columns no row
 * has a value in (cache writes in a list of OpenAI models), so it fits a terminal, and with
 * undated prices said so. CSV and JSON keep every column and value.
 */
function forPeople(table: DocumentTable, dropKeys: readonly string[]): DocumentTable {
  const keep = table.columns.map(
    (column, index) =>
      !dropKeys.includes(column.key) &&
      (column.kind !== "usdPerMTok" || table.rows.some((row) => row[index] !== null)),
  );
  const pick = <T>(values: readonly T[]) => values.filter((_, index) => keep[index]);
  const undated = (row: readonly CellValue[]) =>
    row.map((value, index) =>
      table.columns[index]?.key === "effectiveFrom" && value === UNDATED_FROM ? "undated" : value,
    );
  return { columns: pick(table.columns), rows: table.rows.map((row) => pick(undated(row))) };
}

/**
 * The start core gives prices that carry no date (a LiteLLM map): shown as "undated" to people,
 * kept as is in CSV and JSON.
 */
const UNDATED_FROM = "1970-01-01";

function priceCells(record: PriceRecord | undefined): CellValue[] {
  return [
    record?.inputUsdPerMTok ?? null,
    record?.cachedInputUsdPerMTok ?? null,
    record?.cacheWrite5mUsdPerMTok ?? null,
    record?.cacheWrite1hUsdPerMTok ?? null,
    record?.outputUsdPerMTok ?? null,
  ];
}

/** A price record for JSON: absent prices are `null`, so every key is always present. */
function priceJson(record: PriceRecord) {
  return {
    effectiveFrom: record.effectiveFrom,
    effectiveUntil: record.effectiveUntil ?? null,
    inputUsdPerMTok: record.inputUsdPerMTok,
    cachedInputUsdPerMTok: record.cachedInputUsdPerMTok ?? null,
    cacheWrite5mUsdPerMTok: record.cacheWrite5mUsdPerMTok ?? null,
    cacheWrite1hUsdPerMTok: record.cacheWrite1hUsdPerMTok ?? null,
    outputUsdPerMTok: record.outputUsdPerMTok,
    reasoningUsdPerMTok: record.reasoningUsdPerMTok ?? null,
    longContext: record.longContext ?? null,
    serviceTiers: record.serviceTiers ?? null,
    peakHours: record.peakHours ?? null,
    source: record.source,
    checked: record.checked,
    note: record.note ?? null,
  };
}

function modelJson(model: ModelInfo, prices: readonly PriceRecord[], pricing: PricingTable) {
  return {
    model: model.id,
    displayName: model.displayName,
    provider: model.provider,
    aliases: model.aliases,
    tokenizer: model.tokenizer,
    tokenCountsExact: tokenizerMethodOf(model.id, { pricing }).exact,
    contextWindowTokens: model.contextWindowTokens,
    maxOutputTokens: model.maxOutputTokens,
    reasoning: model.reasoning,
    deprecatedOn: model.deprecatedOn ?? null,
    prices: prices.map(priceJson),
  };
}

function tierLines(record: PriceRecord): string[] {
  const lines: string[] = [];
  if (record.longContext !== undefined) {
    const tier = record.longContext;
    lines.push(
      `Long context: above ${formatCount(tier.aboveInputTokens)} input tokens the whole request costs ${formatUsdPerMTok(tier.inputUsdPerMTok)} in / ${formatUsdPerMTok(tier.outputUsdPerMTok)} out per 1M tokens.`,
    );
  }
  if (record.peakHours !== undefined) {
    const peak = record.peakHours;
    const cached =
      peak.cachedInputUsdPerMTok === undefined
        ? ""
        : ` / ${formatUsdPerMTok(peak.cachedInputUsdPerMTok)} cached`;
    lines.push(
      `Peak hours (${describePeakWindows(peak)}): ${formatUsdPerMTok(peak.inputUsdPerMTok)} in${cached} / ${formatUsdPerMTok(peak.outputUsdPerMTok)} out per 1M tokens. The prices above are off-peak (every other hour); a window's end is exclusive. Estimates price each request by its UTC time, and use the peak prices when only a date is known.`,
    );
  }
  for (const [tier, prices] of Object.entries(record.serviceTiers ?? {})) {
    if (prices === undefined) continue;
    lines.push(
      "multiplier" in prices
        ? `${tier}: ${prices.multiplier}× the standard prices.`
        : `${tier}: ${formatUsdPerMTok(prices.inputUsdPerMTok)} in / ${formatUsdPerMTok(prices.outputUsdPerMTok)} out per 1M tokens.`,
    );
  }
  if (record.reasoningUsdPerMTok !== undefined) {
    lines.push(
      `Reasoning tokens: ${formatUsdPerMTok(record.reasoningUsdPerMTok)} per 1M (billed apart from output).`,
    );
  }
  return lines;
}

/** One line per price record that starts after `day` (`YYYY-MM-DD`): what is already announced. */
function scheduledLines(prices: readonly PriceRecord[], day: string): string[] {
  return prices
    .filter((record) => record.effectiveFrom > day)
    .map((record) => {
      const cached =
        record.cachedInputUsdPerMTok === undefined
          ? ""
          : `, cached in ${formatUsdPerMTok(record.cachedInputUsdPerMTok)}`;
      const peak =
        record.peakHours === undefined
          ? ""
          : ` off-peak, ${formatUsdPerMTok(record.peakHours.inputUsdPerMTok)} in, ${formatUsdPerMTok(record.peakHours.outputUsdPerMTok)} out in peak hours (${describePeakWindows(record.peakHours)})`;
      return `Scheduled from ${record.effectiveFrom}: ${formatUsdPerMTok(record.inputUsdPerMTok)} in${cached}, ${formatUsdPerMTok(record.outputUsdPerMTok)} out per 1M tokens${peak} (--history lists every record).`;
    });
}

export const pricesCommand = defineTokenmeterCommand({
  name: "prices",
  description:
    "Show the pricing table, one model's prices or its price history (USD per 1M tokens)",
  args: {
    model: {
      type: "positional",
      required: false,
      description: "A model id or alias (gpt-4o, claude-sonnet-4-5, openai/gpt-4o)",
    },
    at: {
      type: "string",
      valueHint: "YYYY-MM-DD",
      description: "Prices in effect on this date (default: today, UTC)",
    },
    history: {
      type: "boolean",
      description: "Every dated price record of the model, oldest first",
    },
    provider: {
      type: "string",
      valueHint: "id",
      description: "Only this provider's models (openai, anthropic, google…)",
    },
    ...pricingArg,
    ...outputArgs,
  },
  examples: [
    { command: "tokenmeter prices", description: "every model's current price per 1M tokens" },
    {
      command: "tokenmeter prices gpt-4o --at 2024-06-01",
      description: "what GPT-4o cost on 1 June 2024",
    },
    {
      command: "tokenmeter prices gpt-4o --history --json",
      description: "GPT-4o's price history as JSON",
    },
  ],
  run({ args }) {
    const format = pickOutputFormat(args);
    const options = parseOptions(
      optionsSchema,
      { model: args.model, at: args.at, history: args.history === true, provider: args.provider },
      "prices",
    );
    const pricing = pricingFromOption(args.pricing).table;
    const at = options.at ?? todayUtc();
    const header = `Pricing table ${pricing.version} (published ${pricing.publishedOn}) · USD per 1M tokens`;

    if (options.model === undefined) {
      if (options.history)
        throw usageError(
          "--history needs a model.",
          "For example: tokenmeter prices gpt-4o --history",
        );
      let models: ModelInfo[];
      try {
        models = listModels({
          pricing,
          ...(options.provider === undefined ? {} : { provider: options.provider }),
        });
      } catch (error) {
        if (isTokenmeterError(error, "INVALID_INPUT")) throw usageError(error.message);
        throw error;
      }
      const rows = models.map((model) => ({ model, record: priceRecordOn(model.prices, at) }));
      const table: DocumentTable = {
        columns: [
          { key: "provider", header: "Provider", kind: "text" },
          { key: "model", header: "Model", kind: "text" },
          ...PRICE_COLUMNS,
          { key: "contextWindowTokens", header: "Context", kind: "tokens" },
          { key: "effectiveFrom", header: "Since", kind: "text" },
          { key: "checked", header: "Checked", kind: "text" },
        ],
        rows: rows.map(({ model, record }) => [
          model.provider,
          model.id,
          ...priceCells(record),
          model.contextWindowTokens,
          record?.effectiveFrom ?? null,
          record?.checked ?? null,
        ]),
      };
      const unpriced = rows.filter(({ record }) => record === undefined).length;
      const withPeakHours = rows.filter(({ record }) => record?.peakHours !== undefined);
      const blocks: DocumentBlock[] = [
        { kind: "heading", text: `${header} · in effect on ${at}` },
        { kind: "table", table: forPeople(table, ["checked"]) },
        {
          kind: "text",
          tone: "note",
          lines: [
            "— means no price published for that kind of token.",
            ...(withPeakHours.length > 0
              ? [
                  `${withPeakHours.map(({ model }) => model.id).join(", ")}: off-peak prices shown; peak hours cost more (tokenmeter prices <model> shows them).`,
                ]
              : []),
            ...(unpriced > 0
              ? [
                  `${unpriced} ${unpriced === 1 ? "model has" : "models have"} no price in effect on ${at}.`,
                ]
              : []),
            "Sources, the date each price was checked and the history: tokenmeter prices <model> --history",
          ],
        },
      ];
      const document: ReportDocument = {
        blocks,
        csv: table,
        json: {
          pricingVersion: pricing.version,
          publishedOn: pricing.publishedOn,
          at,
          models: rows.map(({ model, record }) =>
            modelJson(model, record === undefined ? [] : [record], pricing),
          ),
        },
      };
      emit(document, format);
      return;
    }

    let model: ModelInfo;
    try {
      model = findModel(options.model, { pricing });
    } catch (error) {
      throw asModelUsageError(error);
    }
    const records = options.history
      ? model.prices
      : [priceRecordOn(model.prices, at)].filter((record) => record !== undefined);
    const table: DocumentTable = {
      columns: [
        { key: "effectiveFrom", header: "From", kind: "text" },
        { key: "effectiveUntil", header: "Until", kind: "text" },
        ...PRICE_COLUMNS,
        { key: "checked", header: "Checked", kind: "text" },
        { key: "source", header: "Source", kind: "text" },
      ],
      rows: records.map((record) => [
        record.effectiveFrom,
        record.effectiveUntil ?? null,
        ...priceCells(record),
        record.checked,
        record.source,
      ]),
    };
    const method = tokenizerMethodOf(model.id, { pricing });
    const counts = method.exact
      ? "exact counts"
      : `estimated counts: ${method.method.replace(/^estimate: /, "")}`;
    const blocks: DocumentBlock[] = [
      {
        kind: "heading",
        text: `${model.displayName} (${model.id}) · ${model.providerDisplayName}`,
      },
      {
        kind: "text",
        lines: [
          `Tokenizer: ${model.tokenizer} (${counts}) · context ${formatCount(model.contextWindowTokens)} tokens · max output ${formatCount(model.maxOutputTokens)}${model.reasoning ? " · reasoning model (hidden reasoning billed as output)" : ""}`,
          ...(model.aliases.length > 0 ? [`Also known as: ${model.aliases.join(", ")}`] : []),
          ...(model.deprecatedOn === undefined
            ? []
            : [`Retired from the API on ${model.deprecatedOn}.`]),
        ],
      },
      {
        kind: "heading",
        text: options.history
          ? "Price history · USD per 1M tokens"
          : `${header} · in effect on ${at}`,
      },
    ];
    if (records.length === 0) {
      const first = model.prices[0]?.effectiveFrom;
      blocks.push({
        kind: "text",
        tone: "warning",
        lines: [
          `No price in effect on ${at}${first === undefined ? "" : ` (first price: ${first})`}.`,
        ],
      });
    } else {
      blocks.push({ kind: "table", table: forPeople(table, []) });
      const current = records.at(-1);
      const tiers = current === undefined ? [] : tierLines(current);
      // A price already announced for a later date (an introductory price ending) is part of
      // what a person deciding today needs; --history shows the whole record.
      const scheduled = options.history ? [] : scheduledLines(model.prices, at);
      if (tiers.length + scheduled.length > 0) {
        blocks.push({ kind: "list", items: [...tiers, ...scheduled] });
      }
      const notes = records.flatMap((record) =>
        record.note === undefined
          ? []
          : [
              `${record.effectiveFrom === UNDATED_FROM ? "undated" : record.effectiveFrom}: ${record.note}`,
            ],
      );
      if (notes.length > 0) blocks.push({ kind: "list", title: "Notes", items: notes });
    }
    blocks.push({ kind: "text", tone: "note", lines: [`Pricing table ${pricing.version}.`] });
    emit(
      {
        blocks,
        csv: table,
        json: {
          pricingVersion: pricing.version,
          publishedOn: pricing.publishedOn,
          at: options.history ? null : at,
          models: [modelJson(model, records, pricing)],
        },
      },
      format,
    );
  },
});
