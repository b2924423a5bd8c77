import { z } from "zod";

/**
 * The pricing table format. These schemas are the single definition of `pricing/models/*.json`;
 * `pricing/schema/*.schema.json` is generated from them (`npm run gen`) and a test fails when they drift.
 * All prices are USD per million tokens (`…UsdPerMTok`); all dates are ISO calendar dates (UTC).
 */

/** Tokenizers a model can declare. OpenAI encodings are exact; the others are estimators. */
export const TOKENIZER_IDS = [
  "o200k_base",
  "cl100k_base",
  "claude",
  "gemini",
  "grok",
  "deepseek",
  "mistral",
] as const;
/** A tokenizer a model declares (`o200k_base`, `cl100k_base`, or an estimator family). */
export type TokenizerId = (typeof TOKENIZER_IDS)[number];

/** Service tiers. `standard` is the base price record itself. */
export const SERVICE_TIERS = ["standard", "batch", "flex", "priority"] as const;
/** `standard`, `batch`, `flex` or `priority`. */
export type ServiceTier = (typeof SERVICE_TIERS)[number];

const usdPerMTok = z
  .number({ error: "expected a price in USD per million tokens (a number)" })
  .finite()
  .nonnegative({ error: "a price cannot be negative" });
const isoDate = z.iso.date({ error: "expected an ISO date like 2025-03-01" });
const slug = z.string().regex(/^[a-z0-9][a-z0-9._:/@-]*$/, {
  error: "expected a lowercase id (letters, digits and . _ : / @ -)",
});

/**
 * Prices for each kind of token. A field that is absent means "no price published"
 * (the cost engine says so in its assumptions); an explicit 0 means "free".
 */
export const tokenPricesSchema = z.object({
  /** Uncached input (prompt) tokens. */
  inputUsdPerMTok: usdPerMTok,
  /** Input tokens read from the provider's prompt cache (cache hits). */
  cachedInputUsdPerMTok: usdPerMTok.optional(),
  /** Tokens written to a 5-minute cache (Anthropic's default; OpenAI's where it bills writes). */
  cacheWrite5mUsdPerMTok: usdPerMTok.optional(),
  /** Tokens written to a 1-hour cache (Anthropic). */
  cacheWrite1hUsdPerMTok: usdPerMTok.optional(),
  /** Output tokens. */
  outputUsdPerMTok: usdPerMTok,
  /** Hidden reasoning tokens, only where the provider prices them apart from output. Absent → output price. */
  reasoningUsdPerMTok: usdPerMTok.optional(),
});
/** Prices per kind of token, USD per million tokens (see {@link tokenPricesSchema}). */
export type TokenPrices = z.infer<typeof tokenPricesSchema>;

/**
 * A long-context tier. When a request's whole input (uncached + cached + cache writes) exceeds
 * `aboveInputTokens`, **every** token of that request is billed at these prices (the providers' rule).
 */
export const longContextSchema = tokenPricesSchema
  .extend({
    aboveInputTokens: z.int().positive(),
  })
  .strict();
/** A long-context tier: its threshold in input tokens and its prices (see {@link longContextSchema}). */
export type LongContextPrices = z.infer<typeof longContextSchema>;

/** A service tier: either a multiplier on the standard prices, or its own explicit prices. */
export const serviceTierPricesSchema = z.union([
  z.object({ multiplier: z.number().finite().positive() }).strict(),
  tokenPricesSchema.extend({ longContext: longContextSchema.optional() }).strict(),
]);
/** A service tier as a multiplier or explicit prices (see {@link serviceTierPricesSchema}). */
export type ServiceTierPrices = z.infer<typeof serviceTierPricesSchema>;

/** One dated price record: in effect from `effectiveFrom` (inclusive) until `effectiveUntil` (exclusive). */
export const priceRecordSchema = tokenPricesSchema
  .extend({
    effectiveFrom: isoDate,
    /** Absent while the price is current. */
    effectiveUntil: isoDate.optional(),
    longContext: longContextSchema.optional(),
    serviceTiers: z
      .object({
        batch: serviceTierPricesSchema.optional(),
        flex: serviceTierPricesSchema.optional(),
        priority: serviceTierPricesSchema.optional(),
      })
      .strict()
      .optional(),
    /** Where the numbers come from: the provider's page, or the dataset that cites it. */
    source: z.url({ error: "expected the URL the price was taken from" }),
    /** When a person or a script last confirmed the price against `source`. */
    checked: isoDate,
    note: z.string().optional(),
  })
  .strict();
/** One dated price record (see {@link priceRecordSchema}). */
export type PriceRecord = z.infer<typeof priceRecordSchema>;

/** One model of a provider file: ids, tokenizer, limits and dated prices. */
export const modelSchema = z
  .object({
    /** Canonical id, as the provider's API spells it (`gpt-4o`, `claude-sonnet-4-5`, `gemini-2.5-pro`). */
    id: slug,
    displayName: z.string().min(1),
    /** Other ids that mean this model: dated snapshots, provider-prefixed ids. Unique across the table. */
    aliases: z.array(slug).default([]),
    tokenizer: z.enum(TOKENIZER_IDS),
    contextWindowTokens: z.int().positive(),
    /**
     * The most input tokens one request may carry, where the provider caps input below the context
     * window (GPT-5: 272,000 of 400,000). Absent → `contextWindowTokens`.
     */
    maxInputTokens: z.int().positive().optional(),
    maxOutputTokens: z.int().positive(),
    /** True when the model produces hidden reasoning tokens billed as output. */
    reasoning: z.boolean(),
    releasedOn: isoDate.optional(),
    /** Retired from the API on this date (logs before it still price). */
    deprecatedOn: isoDate.optional(),
    /** Oldest first. Periods must not overlap. */
    prices: z.array(priceRecordSchema).min(1),
  })
  .strict();
/** A validated model entry (see {@link modelSchema}). */
export type ModelEntry = z.infer<typeof modelSchema>;
/** A model entry as written in a provider file (`aliases` optional). */
export type ModelEntryInput = z.input<typeof modelSchema>;

/** One provider file, `pricing/models/<provider>.json`. */
export const providerFileSchema = z
  .object({
    $schema: z.string().optional(),
    provider: slug,
    displayName: z.string().min(1),
    /** The provider's own pricing page. */
    pricingUrl: z.url(),
    models: z.array(modelSchema),
  })
  .strict();
/** A validated provider file (see {@link providerFileSchema}). */
export type ProviderFile = z.infer<typeof providerFileSchema>;
/** A provider file as written. */
export type ProviderFileInput = z.input<typeof providerFileSchema>;

/** The whole table: every provider, stamped with a version (`YYYY.MM.DD`, optionally `.N`). */
export const pricingTableSchema = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, {
      error: "expected a version like 2026.11.27",
    }),
    publishedOn: isoDate,
    providers: z.array(providerFileSchema).min(1),
  })
  .strict();
/** A validated pricing table: every provider, with `version` and `publishedOn`. */
export type PricingTable = z.infer<typeof pricingTableSchema>;
/** A pricing table as written (before defaults). */
export type PricingTableInput = z.input<typeof pricingTableSchema>;
