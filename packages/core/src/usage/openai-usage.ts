import { z } from "zod";
import { TokenmeterError } from "../errors.ts";
import { describe } from "./_describe-value.ts";
import { countAt, INVALID, objectAt } from "./_fast-count.ts";
import { optionalTokenCountSchema, tokenCountSchema } from "./_token-count-schema.ts";
import { assertPartOf, usageSchemaError } from "./_usage-schema-error.ts";
import type { Usage } from "./usage.ts";

/**
 * OpenAI Chat Completions `usage`. `prompt_tokens` **includes** `prompt_tokens_details.cached_tokens`
 * (and cache writes where billed); `completion_tokens` **includes** `completion_tokens_details.reasoning_tokens`.
 * Also accepts LiteLLM's top-level `cache_read_input_tokens` / `cache_creation_input_tokens`, which it
 * counts inside `prompt_tokens` as well. Extra fields are allowed.
 */
export const openAIChatUsageSchema = z.looseObject({
  prompt_tokens: tokenCountSchema,
  completion_tokens: optionalTokenCountSchema,
  total_tokens: optionalTokenCountSchema,
  prompt_tokens_details: z
    .looseObject({
      cached_tokens: optionalTokenCountSchema,
      /** GPT-5.6 and later bill cache writes; the Chat API reports them here. */
      cache_write_tokens: optionalTokenCountSchema,
      /** LiteLLM's name for the same count. */
      cache_creation_tokens: optionalTokenCountSchema,
      audio_tokens: optionalTokenCountSchema,
    })
    .nullish(),
  completion_tokens_details: z
    .looseObject({
      reasoning_tokens: optionalTokenCountSchema,
      audio_tokens: optionalTokenCountSchema,
      accepted_prediction_tokens: optionalTokenCountSchema,
      rejected_prediction_tokens: optionalTokenCountSchema,
    })
    .nullish(),
  cache_read_input_tokens: optionalTokenCountSchema,
  cache_creation_input_tokens: optionalTokenCountSchema,
});
/** OpenAI Chat Completions `usage` (see {@link openAIChatUsageSchema}). */
export type OpenAIChatUsage = z.infer<typeof openAIChatUsageSchema>;

/**
 * OpenAI Responses API `usage`. `input_tokens` **includes** `input_tokens_details.cached_tokens`
 * (and `cache_write_tokens`); `output_tokens` **includes** `output_tokens_details.reasoning_tokens`.
 */
export const openAIResponsesUsageSchema = z.looseObject({
  input_tokens: tokenCountSchema,
  output_tokens: optionalTokenCountSchema,
  total_tokens: optionalTokenCountSchema,
  input_tokens_details: z
    .looseObject({
      cached_tokens: optionalTokenCountSchema,
      cache_write_tokens: optionalTokenCountSchema,
    })
    .nullish(),
  output_tokens_details: z
    .looseObject({
      reasoning_tokens: optionalTokenCountSchema,
    })
    .nullish(),
});
/** OpenAI Responses API `usage` (see {@link openAIResponsesUsageSchema}). */
export type OpenAIResponsesUsage = z.infer<typeof openAIResponsesUsageSchema>;

const CHAT = "OpenAI Chat Completions usage";
const RESPONSES = "OpenAI Responses API usage";

/**
 * Converts an OpenAI usage object (Chat Completions or Responses API, detected by its fields) into
 * a {@link Usage}, in tokens. A whole response object (`{ usage: {…} }`) is accepted too.
 *
 * Cached and cache-write tokens are taken out of the prompt total and reasoning tokens out of the
 * completion total, so no token is counted twice. Cache writes (GPT-5.6+) land in
 * `cacheWrite5mTokens`, the table's default cache-write price. Audio and image input tokens stay in
 * `inputTokens` (priced as text: the table has no audio prices).
 *
 * @throws TokenmeterError `INVALID_USAGE` naming the field (negative, fractional, NaN, a string…), or
 *   when a part exceeds its total (`cached_tokens` > `prompt_tokens`).
 * @example
 * usageFromOpenAI({ prompt_tokens: 2006, completion_tokens: 300,
 *   prompt_tokens_details: { cached_tokens: 1920 }, completion_tokens_details: { reasoning_tokens: 128 } })
 * // { inputTokens: 86, cachedInputTokens: 1920, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0,
 * //   outputTokens: 172, reasoningTokens: 128 }
 */
export function usageFromOpenAI(u: unknown): Usage {
  const usage = unwrap(u);
  if (typeof usage === "object" && usage !== null && !Array.isArray(usage)) {
    if ("prompt_tokens" in usage) return fromChat(usage);
    if ("input_tokens" in usage) return fromResponses(usage);
  }
  throw new TokenmeterError(
    "INVALID_USAGE",
    `Invalid OpenAI usage: expected an object with prompt_tokens (Chat Completions) or input_tokens (Responses API), got ${describe(usage)}${typeof usage === "object" && usage !== null ? " without either field" : ""}.`,
    { details: { field: "prompt_tokens" } },
  );
}

function unwrap(u: unknown): unknown {
  if (typeof u === "object" && u !== null && !("prompt_tokens" in u) && !("input_tokens" in u)) {
    const inner = (u as { usage?: unknown }).usage;
    if (typeof inner === "object" && inner !== null) return inner;
  }
  return u;
}

function fromChat(raw: object): Usage {
  const fast = fastChat(raw);
  if (fast !== undefined) return fast;
  const parsed = openAIChatUsageSchema.safeParse(raw);
  if (!parsed.success) throw usageSchemaError(CHAT, parsed.error, raw);
  const u = parsed.data;
  const promptTokens = u.prompt_tokens;
  const completionTokens = u.completion_tokens ?? 0;
  const cachedTokens = u.prompt_tokens_details?.cached_tokens ?? u.cache_read_input_tokens ?? 0;
  const cacheWriteTokens =
    u.prompt_tokens_details?.cache_write_tokens ??
    u.prompt_tokens_details?.cache_creation_tokens ??
    u.cache_creation_input_tokens ??
    0;
  const reasoningTokens = u.completion_tokens_details?.reasoning_tokens ?? 0;
  assertPartOf(
    CHAT,
    "cached + cache-write tokens",
    cachedTokens + cacheWriteTokens,
    "prompt_tokens",
    promptTokens,
  );
  assertPartOf(
    CHAT,
    "completion_tokens_details.reasoning_tokens",
    reasoningTokens,
    "completion_tokens",
    completionTokens,
  );
  return {
    inputTokens: promptTokens - cachedTokens - cacheWriteTokens,
    cachedInputTokens: cachedTokens,
    cacheWrite5mTokens: cacheWriteTokens,
    cacheWrite1hTokens: 0,
    outputTokens: completionTokens - reasoningTokens,
    reasoningTokens,
  };
}

function fromResponses(raw: object): Usage {
  const fast = fastResponses(raw);
  if (fast !== undefined) return fast;
  const parsed = openAIResponsesUsageSchema.safeParse(raw);
  if (!parsed.success) throw usageSchemaError(RESPONSES, parsed.error, raw);
  const u = parsed.data;
  const inputTokens = u.input_tokens;
  const outputTokens = u.output_tokens ?? 0;
  const cachedTokens = u.input_tokens_details?.cached_tokens ?? 0;
  const cacheWriteTokens = u.input_tokens_details?.cache_write_tokens ?? 0;
  const reasoningTokens = u.output_tokens_details?.reasoning_tokens ?? 0;
  assertPartOf(
    RESPONSES,
    "cached + cache-write tokens",
    cachedTokens + cacheWriteTokens,
    "input_tokens",
    inputTokens,
  );
  assertPartOf(
    RESPONSES,
    "output_tokens_details.reasoning_tokens",
    reasoningTokens,
    "output_tokens",
    outputTokens,
  );
  return {
    inputTokens: inputTokens - cachedTokens - cacheWriteTokens,
    cachedInputTokens: cachedTokens,
    cacheWrite5mTokens: cacheWriteTokens,
    cacheWrite1hTokens: 0,
    outputTokens: outputTokens - reasoningTokens,
    reasoningTokens,
  };
}

/** The common, valid case without zod; `undefined` sends the object through the schema. */
function fastChat(raw: object): Usage | undefined {
  if (typeof (raw as { prompt_tokens?: unknown }).prompt_tokens !== "number") return undefined;
  const prompt = objectAt(raw, "prompt_tokens_details");
  const completion = objectAt(raw, "completion_tokens_details");
  if (prompt === null || completion === null) return undefined;
  const promptTokens = countAt(raw, "prompt_tokens");
  const completionTokens = countAt(raw, "completion_tokens");
  const total = countAt(raw, "total_tokens");
  const topRead = countAt(raw, "cache_read_input_tokens");
  const topWrite = countAt(raw, "cache_creation_input_tokens");
  const cached = prompt === undefined ? 0 : countAt(prompt, "cached_tokens");
  const written = prompt === undefined ? 0 : countAt(prompt, "cache_write_tokens");
  const created = prompt === undefined ? 0 : countAt(prompt, "cache_creation_tokens");
  const audio = prompt === undefined ? 0 : countAt(prompt, "audio_tokens");
  const reasoning = completion === undefined ? 0 : countAt(completion, "reasoning_tokens");
  if (
    [
      promptTokens,
      completionTokens,
      total,
      topRead,
      topWrite,
      cached,
      written,
      created,
      audio,
      reasoning,
    ].includes(INVALID)
  ) {
    return undefined;
  }
  const has = (key: string, object: object | undefined) =>
    object !== undefined && (object as Record<string, unknown>)[key] != null;
  const cachedTokens = has("cached_tokens", prompt) ? cached : topRead;
  const cacheWriteTokens = has("cache_write_tokens", prompt)
    ? written
    : has("cache_creation_tokens", prompt)
      ? created
      : topWrite;
  if (cachedTokens + cacheWriteTokens > promptTokens || reasoning > completionTokens)
    return undefined;
  return {
    inputTokens: promptTokens - cachedTokens - cacheWriteTokens,
    cachedInputTokens: cachedTokens,
    cacheWrite5mTokens: cacheWriteTokens,
    cacheWrite1hTokens: 0,
    outputTokens: completionTokens - reasoning,
    reasoningTokens: reasoning,
  };
}

function fastResponses(raw: object): Usage | undefined {
  if (typeof (raw as { input_tokens?: unknown }).input_tokens !== "number") return undefined;
  const input = objectAt(raw, "input_tokens_details");
  const output = objectAt(raw, "output_tokens_details");
  if (input === null || output === null) return undefined;
  const inputTokens = countAt(raw, "input_tokens");
  const outputTokens = countAt(raw, "output_tokens");
  const total = countAt(raw, "total_tokens");
  const cached = input === undefined ? 0 : countAt(input, "cached_tokens");
  const written = input === undefined ? 0 : countAt(input, "cache_write_tokens");
  const reasoning = output === undefined ? 0 : countAt(output, "reasoning_tokens");
  if ([inputTokens, outputTokens, total, cached, written, reasoning].includes(INVALID))
    return undefined;
  if (cached + written > inputTokens || reasoning > outputTokens) return undefined;
  return {
    inputTokens: inputTokens - cached - written,
    cachedInputTokens: cached,
    cacheWrite5mTokens: written,
    cacheWrite1hTokens: 0,
    outputTokens: outputTokens - reasoning,
    reasoningTokens: reasoning,
  };
}
