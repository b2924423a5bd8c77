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

/** Days of the week, as `peakHours.offPeakAllDay.weekdays` names them. */
export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
/** A day of the week (`sunday` … `saturday`). */
export type Weekday = (typeof WEEKDAYS)[number];

const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
  error: 'expected a UTC time of day "HH:MM" from "00:00" to "24:00", such as "01:00"',
});

/** Minutes since midnight of an `HH:MM` time (`24:00` → 1440). @internal */
function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * A daily peak window in UTC: from `from` (inclusive) until `until` (exclusive), so `01:00`–`04:00`
 * covers 01:00:00.000 to 03:59:59.999 and a request at 04:00:00 exactly is off-peak. A window
 * never crosses midnight: write 22:00–02:00 as 22:00–24:00 and 00:00–02:00.
 */
export const peakWindowSchema = z.object({ from: timeOfDay, until: timeOfDay }).strict();
/** One daily peak window (see {@link peakWindowSchema}). */
export type PeakWindow = z.infer<typeof peakWindowSchema>;

/**
 * Time-of-day prices: inside one of `windowsUtc` (every day) these prices apply; outside them, the
 * record's own (off-peak) prices. `offPeakAllDay` names weekdays, counted in a fixed UTC offset
 * (DeepSeek's weekends are Beijing time, `+08:00`), on which no window applies.
 */
export const peakHoursSchema = tokenPricesSchema
  .extend({
    windowsUtc: z.array(peakWindowSchema).min(1, { error: "list at least one peak window" }),
    offPeakAllDay: z
      .object({
        weekdays: z.array(z.enum(WEEKDAYS)).min(1),
        utcOffset: z.string().regex(/^[+-](?:[01]\d|2[0-3]):[0-5]\d$/, {
          error: 'expected a UTC offset like "+08:00"',
        }),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((peak, ctx) => {
    const spans: { from: number; until: number; index: number; text: string }[] = [];
    peak.windowsUtc.forEach((window, index) => {
      const from = minutesOfTime(window.from);
      const until = minutesOfTime(window.until);
      const text = `${window.from}–${window.until}`;
      if (from >= until) {
        ctx.addIssue({
          code: "custom",
          path: ["windowsUtc", index, "until"],
          message:
            from === until
              ? `peak window ${text} is empty: "until" must be later than "from".`
              : `peak window ${text} ends before it starts: a window cannot cross midnight, so write it as two windows (${window.from}–24:00 and 00:00–${window.until}).`,
        });
        return;
      }
      spans.push({ from, until, index, text });
    });
    spans.sort((a, b) => a.from - b.from);
    for (let i = 1; i < spans.length; i++) {
      const before = spans[i - 1] as (typeof spans)[number];
      const span = spans[i] as (typeof spans)[number];
      if (span.from < before.until) {
        ctx.addIssue({
          code: "custom",
          path: ["windowsUtc", span.index],
          message: `peak windows ${before.text} and ${span.text} overlap: merge them into one window or correct the times ("until" is exclusive, so 01:00–04:00 and 04:00–06:00 do not overlap).`,
        });
      }
    }
  });
/** Time-of-day prices of a record (see {@link peakHoursSchema}). */
export type PeakHoursPrices = z.infer<typeof peakHoursSchema>;

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
    /**
     * Time-of-day prices: inside a window the peak prices apply; outside, this record's prices
     * (off-peak). Not combined with `longContext` or `serviceTiers`.
     */
    peakHours: peakHoursSchema.optional(),
    /** Where the numbers come from: the provider's page, or the dataset that cites it. */
    source: z.url({ error: "expected the URL the price was taken from" }),
    /** When a person or a script last confirmed the price against `source`. */
    checked: isoDate,
    note: z.string().optional(),
  })
  .strict()
  .superRefine((record, ctx) => {
    if (record.peakHours === undefined) return;
    for (const field of ["longContext", "serviceTiers"] as const) {
      if (record[field] !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["peakHours"],
          message: `peakHours cannot be combined with ${field} in one record: the format does not say which applies when both do. Drop one of them, or split the record.`,
        });
      }
    }
  });
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
