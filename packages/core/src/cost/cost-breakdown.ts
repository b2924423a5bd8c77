import type { ServiceTier } from "../pricing/schema.ts";
import type { Usage } from "../usage/usage.ts";
import type { RatesUsdPerMTok } from "./rates.ts";

/**
 * The cost of one usage (one API call, or the sum of several priced alike), in US dollars at full
 * precision (round only when formatting). `totalUsd` = the five components.
 */
export interface CostBreakdown {
  /** Canonical model id from the pricing table (an alias or prefixed id resolves to it). */
  readonly model: string;
  /** Provider id, e.g. `openai`. */
  readonly provider: string;
  /** The usage that was priced, normalized (omitted fields are 0). */
  readonly usage: Readonly<Usage>;
  /** Uncached input tokens × input price. */
  readonly inputUsd: number;
  /** Cache-read tokens × cache-read price. */
  readonly cachedInputUsd: number;
  /** 5-minute and 1-hour cache-write tokens × their prices. */
  readonly cacheWriteUsd: number;
  /** Visible output tokens × output price. */
  readonly outputUsd: number;
  /** Reasoning tokens × reasoning price (the output price unless the provider prices it apart). */
  readonly reasoningUsd: number;
  /** The sum of the five components, in USD. */
  readonly totalUsd: number;
  /** `effectiveFrom` of the price record used (`YYYY-MM-DD`). */
  readonly priceEffectiveFrom: string;
  /** The UTC date the usage was priced at (`at`, or the table's `publishedOn` when omitted). */
  readonly pricedOn: string;
  /** Version of the pricing table used. */
  readonly pricingVersion: string;
  readonly serviceTier: ServiceTier;
  /** True when the request's whole input exceeded the long-context threshold, so every token was billed at the long-context prices. */
  readonly longContextApplied: boolean;
  /**
   * Present only for a record with peak hours: whether its peak or off-peak prices were applied
   * (by the UTC time of `at`; the peak prices when `at` had no time of day, stated in `assumptions`).
   */
  readonly timeOfDay?: "peak" | "off-peak";
  /** The prices applied, USD per million tokens, after fallbacks. */
  readonly ratesUsdPerMTok: Readonly<RatesUsdPerMTok>;
  /** Every fallback or estimate that affected this result, in words. Empty when the table priced everything. */
  readonly assumptions: readonly string[];
}
