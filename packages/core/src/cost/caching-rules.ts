import type { ModelInfo } from "../pricing/find-model.ts";
import type { PriceRecord } from "../pricing/schema.ts";

/**
 * How a provider caches a repeated prompt prefix when nobody asks (the `"provider-default"`
 * assumption of a conversation):
 * - `automatic`: the provider caches prefixes by itself and bills hits at the cached price
 *   (OpenAI up to GPT-5.5, Gemini 2.5 and newer, xAI, DeepSeek);
 * - `explicit`: caching happens only where the request marks a cache breakpoint, and writes are
 *   billed at a premium (Anthropic; OpenAI from GPT-5.6, whose table prices writes above input);
 * - `none`: no cached price in the table, or a model the provider does not cache implicitly.
 */
export interface CachingRule {
  readonly kind: "automatic" | "explicit" | "none";
  /** Prompts (prefixes) shorter than this are never cached, in tokens. */
  readonly minPrefixTokens: number;
  /** Cache hits come in steps of this many tokens above the minimum (OpenAI: 128); 1 = any length. */
  readonly incrementTokens: number;
  /** The rule in words, with its source, for the assumptions list. */
  readonly description: string;
}

/** OpenAI: "works automatically for prompts containing 1024 tokens or more, with cache hits occurring in increments of 128 tokens" (Prompt Caching 201, OpenAI Cookbook). */
const OPENAI_MIN_TOKENS = 1024;
const OPENAI_INCREMENT_TOKENS = 128;

/**
 * Anthropic's minimum cacheable prompt length per model (Anthropic prompt-caching docs, as
 * tabulated by docs.orq.ai in 2026): 4,096 for Opus 4.5+ and Haiku 4.5; 2,048 for Sonnet 4.6 and
 * Haiku 3 / 3.5; 1,024 for the others.
 */
function anthropicMinTokens(id: string): { min: number; documented: boolean } {
  if (/opus-4-[5-9]|haiku-4/.test(id)) return { min: 4096, documented: true };
  if (/sonnet-4-[6-9]|3-haiku|3-5-haiku/.test(id)) return { min: 2048, documented: true };
  // Models newer than the published table: assume the latest generation's minimum.
  if (/claude-[a-z]+-(?:[5-9]|\d{2})(?:$|[-.])/.test(id)) return { min: 4096, documented: false };
  return { min: 1024, documented: true };
}

/**
 * Gemini implicit caching: "enabled by default for all Gemini 2.5 and newer models", minimum 2,048
 * tokens for 2.5 Flash and Pro, 4,096 for Gemini 3 and newer (ai.google.dev/gemini-api/docs/caching,
 * updated 2026-10-13). `undefined` for older Gemini models, which only cache explicitly.
 */
function geminiMinTokens(id: string): number | undefined {
  const match = /gemini-(\d+)(?:\.(\d+))?/.exec(id);
  if (match === null) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2] ?? 0);
  if (major > 2) return 4096;
  if (major === 2 && minor >= 5) return 2048;
  return undefined;
}

/** The caching rule of a model under its price record (standard tier). */
export function cachingRuleFor(model: ModelInfo, record: PriceRecord): CachingRule {
  const hasCachedPrice = record.cachedInputUsdPerMTok !== undefined;
  const writePremium =
    record.cacheWrite5mUsdPerMTok !== undefined &&
    record.cacheWrite5mUsdPerMTok > record.inputUsdPerMTok;
  if (model.provider === "anthropic") {
    const { min, documented } = anthropicMinTokens(model.id);
    return {
      kind: "explicit",
      minPrefixTokens: min,
      incrementTokens: 1,
      description: `Anthropic caches only at explicit cache breakpoints, writes billed at a premium; prompts under ${min} tokens are never cached for ${model.id}${documented ? "" : " (assumed: the model is newer than Anthropic's published minimums)"}`,
    };
  }
  if (writePremium) {
    return {
      kind: "explicit",
      minPrefixTokens: OPENAI_MIN_TOKENS,
      incrementTokens: 1,
      description: `${model.id} bills cache writes above the input price, so caching needs explicit breakpoints (as OpenAI's GPT-5.6 and later); prompts under ${OPENAI_MIN_TOKENS} tokens assumed uncacheable`,
    };
  }
  if (!hasCachedPrice) {
    return {
      kind: "none",
      minPrefixTokens: 0,
      incrementTokens: 1,
      description: `${model.id} has no cached-input price in the table, so no caching is assumed`,
    };
  }
  if (model.provider === "openai") {
    return {
      kind: "automatic",
      minPrefixTokens: OPENAI_MIN_TOKENS,
      incrementTokens: OPENAI_INCREMENT_TOKENS,
      description: `OpenAI caches repeated prefixes automatically: prompts of ${OPENAI_MIN_TOKENS}+ tokens, hits in ${OPENAI_INCREMENT_TOKENS}-token steps (OpenAI Cookbook, Prompt Caching 201)`,
    };
  }
  if (model.provider === "google") {
    const min = geminiMinTokens(model.id);
    if (min === undefined) {
      return {
        kind: "none",
        minPrefixTokens: 0,
        incrementTokens: 1,
        description: `Gemini caches implicitly only from Gemini 2.5 on; ${model.id} caches only with explicit context caching, which is not assumed`,
      };
    }
    return {
      kind: "automatic",
      minPrefixTokens: min,
      incrementTokens: 1,
      description: `Gemini 2.5+ caches repeated prefixes implicitly from ${min} tokens (ai.google.dev caching docs); hits are not guaranteed by Google`,
    };
  }
  return {
    kind: "automatic",
    minPrefixTokens: OPENAI_MIN_TOKENS,
    incrementTokens: 1,
    description: `${model.provider} is assumed to cache repeated prefixes automatically (the table has a cached price) from ${OPENAI_MIN_TOKENS} tokens`,
  };
}
