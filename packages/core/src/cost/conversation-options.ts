import type { SelectPriceOptions } from "../pricing/select-price.ts";

/**
 * What prompt caching to assume for the history each turn re-sends:
 * - `"provider-default"`: what the provider does unasked (see `cachingRuleFor`): OpenAI caches
 *   prefixes of 1,024+ tokens automatically (hits in 128-token steps); Gemini 2.5+ implicitly;
 *   Anthropic (and OpenAI GPT-5.6+) only with explicit breakpoints, so nothing unless
 *   `cacheWrites` is set;
 * - `"none"` (or `"off"`): every input token at the full input price (a pessimistic bound);
 * - `{ hitRate }`: this share (0–1) of the re-sent history is billed as cache reads, on any model.
 */
export type CachingAssumption = "provider-default" | "none" | "off" | { hitRate: number };

/**
 * For models that cache only at explicit breakpoints and bill writes (Anthropic; GPT-5.6+): assume a
 * breakpoint at the end of each request, so every new prompt token is written once (5-minute or
 * 1-hour cache, at that write price) and read back on the next turn. `"none"` assumes no
 * breakpoints. Default: `"none"` under `"provider-default"`, `"5m"` under `{ hitRate }` (a cache
 * cannot be read without being written).
 */
export type CacheWriteAssumption = "none" | "5m" | "1h";

/** Reasoning effort, as the providers name the levels. */
export type ReasoningEffortLevel = "none" | "minimal" | "low" | "medium" | "high" | "xhigh";

/**
 * Hidden reasoning tokens per visible output token, by effort. An assumption, not a measurement:
 * logs rarely carry reasoning counts, and providers publish no averages. Anchors: OpenAI's
 * reasoning guide shows a medium-effort call with 1,024 reasoning and 162 visible tokens (6.3×);
 * LiteLLM's o1 test usage has 952 and 626 (1.5×). `medium` takes 3×, near the middle of the two;
 * `low` a third of that, `high` and `xhigh` about 2.5× and 5× of it, `minimal` a quarter of `low`.
 * Pass `{ multiplier }` to use your own measured ratio.
 */
export const REASONING_MULTIPLIERS: Readonly<Record<ReasoningEffortLevel, number>> = {
  none: 0,
  minimal: 0.25,
  low: 1,
  medium: 3,
  high: 8,
  xhigh: 16,
};

/** Reasoning assumption: an effort level, or your own reasoning-to-visible-output ratio. */
export type ReasoningAssumption = ReasoningEffortLevel | { multiplier: number };

/** Options shared by `estimateConversation` and `replayConversation`. */
export interface ConversationOptions extends SelectPriceOptions {
  /** Default `"provider-default"`. */
  caching?: CachingAssumption;
  /** Default: see {@link CacheWriteAssumption}. */
  cacheWrites?: CacheWriteAssumption;
  /**
   * Reasoning tokens for models the table marks as reasoning models (others never get any).
   * Default: `"medium"` (OpenAI's and Google's default effort), except Anthropic models, whose
   * extended thinking is off unless requested (no reasoning tokens).
   */
  reasoning?: ReasoningAssumption;
  /**
   * Drop the oldest exchanges when a call would not fit the context window, as chat apps do
   * (default `true`). With `false`, calls that do not fit are billed in full and flagged.
   */
  truncate?: boolean;
  /** Keep the per-turn breakdown (default `true`; `false` saves allocations in hot loops). */
  perTurn?: boolean;
}
