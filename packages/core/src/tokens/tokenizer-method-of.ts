import type { PricingTable } from "../pricing/schema.ts";
import {
  claudeVersion,
  resolveTokenizer,
  type TokenizerResolution,
  tokenizerByPrefix,
} from "./model-tokenizer.ts";
import {
  TOKENIZER_METHODS,
  type TokenizerMethod,
  type TokenizerMethodKey,
} from "./tokenizer-methods.ts";

/** Claude Opus 4.7 (2026-04-16) introduced a new tokenizer; later Claude models are assumed to share it. */
const CLAUDE_NEW_TOKENIZER_FROM_VERSION = 4.7;

/**
 * Which counting method a resolved model uses. Claude ids at or after version 4.7 (and Claude ids
 * without a readable version, which are newer naming schemes) get the 2026 tokenizer's estimate;
 * the bare tokenizer id `claude` means the Claude 3 – 4.6 estimate. An OpenAI model the table maps
 * to `o200k_base` is counted exactly only when tiktoken's published rules (and GPT-5.x) name it;
 * otherwise (GPT-6) the same count is labelled an estimate, because the tokenizer is assumed.
 */
export function methodKeyFor(resolution: TokenizerResolution): TokenizerMethodKey {
  if (resolution.tokenizer === "o200k_base") {
    return resolution.via === "pricing-table" &&
      tokenizerByPrefix(resolution.model) !== "o200k_base"
      ? "o200k_base-assumed"
      : "o200k_base";
  }
  if (resolution.tokenizer !== "claude") return resolution.tokenizer;
  if (resolution.via === "tokenizer-id") return "claude";
  const version = claudeVersion(resolution.model);
  return version !== undefined && version < CLAUDE_NEW_TOKENIZER_FROM_VERSION
    ? "claude"
    : "claude-2026";
}

/**
 * How tokens of a model (or a tokenizer id) are counted — exact or estimated, the method and its
 * accuracy — without loading any tokenizer: for labels in lists and tables.
 *
 * @throws TokenmeterError `UNKNOWN_MODEL` as {@link resolveTokenizer}.
 * @example
 * tokenizerMethodOf("gpt-4o").exact // true
 * tokenizerMethodOf("gpt-6-sol").exact // false: o200k_base is assumed
 * tokenizerMethodOf("claude-sonnet-4-5").method // "estimate: ai-tokenizer claude BPE …"
 */
export function tokenizerMethodOf(
  modelOrTokenizerId: string,
  opts?: { pricing?: PricingTable },
): TokenizerMethod {
  return TOKENIZER_METHODS[methodKeyFor(resolveTokenizer(modelOrTokenizerId, opts))];
}
