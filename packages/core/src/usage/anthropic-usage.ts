import { z } from "zod";
import { countAt, INVALID, objectAt } from "./_fast-count.ts";
import { optionalTokenCountSchema } from "./_token-count-schema.ts";
import { usageObjectOf } from "./_usage-object.ts";
import { usageSchemaError } from "./_usage-schema-error.ts";
import type { Usage } from "./usage.ts";

/**
 * Anthropic Messages API `usage`. `input_tokens` **excludes** cache reads and writes, which are
 * reported beside it. `cache_creation` splits the writes by cache lifetime (5 minutes, 1 hour);
 * older responses only have the total `cache_creation_input_tokens`. Extra fields
 * (`server_tool_use`, `service_tier`, `speed`…) are allowed.
 */
export const anthropicUsageSchema = z.looseObject({
  input_tokens: optionalTokenCountSchema,
  output_tokens: optionalTokenCountSchema,
  cache_creation_input_tokens: optionalTokenCountSchema,
  cache_read_input_tokens: optionalTokenCountSchema,
  cache_creation: z
    .looseObject({
      ephemeral_5m_input_tokens: optionalTokenCountSchema,
      ephemeral_1h_input_tokens: optionalTokenCountSchema,
    })
    .nullish(),
});
/** Anthropic's `usage` object (see {@link anthropicUsageSchema}). */
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

const WHAT = "Anthropic usage";
const COUNT_FIELDS = [
  "input_tokens",
  "output_tokens",
  "cache_creation_input_tokens",
  "cache_read_input_tokens",
  "cache_creation",
] as const;

/**
 * Converts an Anthropic usage object into a {@link Usage}, in tokens. A whole message
 * (`{ usage: {…} }`) is accepted too.
 *
 * When `cache_creation` carries the 5-minute / 1-hour split it is used (as ccusage does) and
 * `cache_creation_input_tokens` is ignored; without it, the total counts as 5-minute writes, the
 * API's default. Extended-thinking tokens are inside `output_tokens` and Anthropic does not report
 * them apart, so they stay in `outputTokens` (same price) and `reasoningTokens` is 0.
 *
 * @throws TokenmeterError `INVALID_USAGE` naming the bad field.
 * @example
 * usageFromAnthropic({ input_tokens: 50, output_tokens: 400, cache_read_input_tokens: 8000,
 *   cache_creation: { ephemeral_5m_input_tokens: 1200, ephemeral_1h_input_tokens: 0 } })
 * // { inputTokens: 50, cachedInputTokens: 8000, cacheWrite5mTokens: 1200, cacheWrite1hTokens: 0,
 * //   outputTokens: 400, reasoningTokens: 0 }
 */
export function usageFromAnthropic(u: unknown): Usage {
  const raw = usageObjectOf(u, "usage", COUNT_FIELDS, WHAT, "input_tokens and output_tokens");
  const fast = fastAnthropic(raw);
  if (fast !== undefined) return fast;
  const parsed = anthropicUsageSchema.safeParse(raw);
  if (!parsed.success) throw usageSchemaError(WHAT, parsed.error, raw);
  const usage = parsed.data;
  const split = usage.cache_creation;
  const hasSplit =
    split !== null &&
    split !== undefined &&
    (typeof split.ephemeral_5m_input_tokens === "number" ||
      typeof split.ephemeral_1h_input_tokens === "number");
  return {
    inputTokens: usage.input_tokens ?? 0,
    cachedInputTokens: usage.cache_read_input_tokens ?? 0,
    cacheWrite5mTokens: hasSplit
      ? (split.ephemeral_5m_input_tokens ?? 0)
      : (usage.cache_creation_input_tokens ?? 0),
    cacheWrite1hTokens: hasSplit ? (split.ephemeral_1h_input_tokens ?? 0) : 0,
    outputTokens: usage.output_tokens ?? 0,
    reasoningTokens: 0,
  };
}

/** The common, valid case without zod; `undefined` sends the object through the schema. */
function fastAnthropic(raw: object): Usage | undefined {
  const split = objectAt(raw, "cache_creation");
  if (split === null) return undefined;
  const input = countAt(raw, "input_tokens");
  const output = countAt(raw, "output_tokens");
  const created = countAt(raw, "cache_creation_input_tokens");
  const read = countAt(raw, "cache_read_input_tokens");
  const fiveMinutes = split === undefined ? 0 : countAt(split, "ephemeral_5m_input_tokens");
  const oneHour = split === undefined ? 0 : countAt(split, "ephemeral_1h_input_tokens");
  if ([input, output, created, read, fiveMinutes, oneHour].includes(INVALID)) return undefined;
  const hasSplit =
    split !== undefined &&
    (typeof (split as Record<string, unknown>).ephemeral_5m_input_tokens === "number" ||
      typeof (split as Record<string, unknown>).ephemeral_1h_input_tokens === "number");
  return {
    inputTokens: input,
    cachedInputTokens: read,
    cacheWrite5mTokens: hasSplit ? fiveMinutes : created,
    cacheWrite1hTokens: hasSplit ? oneHour : 0,
    outputTokens: output,
    reasoningTokens: 0,
  };
}
