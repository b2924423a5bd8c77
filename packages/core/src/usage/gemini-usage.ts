import { z } from "zod";
import { countAt, INVALID } from "./_fast-count.ts";
import { optionalTokenCountSchema } from "./_token-count-schema.ts";
import { usageObjectOf } from "./_usage-object.ts";
import { assertPartOf, usageSchemaError } from "./_usage-schema-error.ts";
import type { Usage } from "./usage.ts";

/**
 * Gemini `usageMetadata` (Gemini API and Vertex AI, camelCase as in REST responses).
 * `promptTokenCount` **includes** `cachedContentTokenCount`; `candidatesTokenCount` is the visible
 * output and excludes `thoughtsTokenCount`; `toolUsePromptTokenCount` (results of built-in tools
 * fed back to the model) is reported apart from the prompt and billed as input. Counts the API
 * leaves out are zero. Extra fields (`promptTokensDetails`, `trafficType`…) are allowed.
 */
export const geminiUsageMetadataSchema = z.looseObject({
  promptTokenCount: optionalTokenCountSchema,
  candidatesTokenCount: optionalTokenCountSchema,
  cachedContentTokenCount: optionalTokenCountSchema,
  thoughtsTokenCount: optionalTokenCountSchema,
  toolUsePromptTokenCount: optionalTokenCountSchema,
  totalTokenCount: optionalTokenCountSchema,
});
/** Gemini's `usageMetadata` object (see {@link geminiUsageMetadataSchema}). */
export type GeminiUsageMetadata = z.infer<typeof geminiUsageMetadataSchema>;

const WHAT = "Gemini usageMetadata";
const COUNT_FIELDS = [
  "promptTokenCount",
  "candidatesTokenCount",
  "cachedContentTokenCount",
  "thoughtsTokenCount",
  "toolUsePromptTokenCount",
  "totalTokenCount",
] as const;

/**
 * Converts a Gemini `usageMetadata` object into a {@link Usage}, in tokens. A whole response
 * (`{ usageMetadata: {…} }`) is accepted too.
 *
 * Input = prompt − cached + tool-use prompt; cached = `cachedContentTokenCount`; output =
 * candidates; reasoning = thoughts (billed at the output price unless the table prices it apart).
 *
 * @throws TokenmeterError `INVALID_USAGE` naming the bad field, or when the cached count exceeds the prompt.
 * @example
 * usageFromGemini({ promptTokenCount: 5000, cachedContentTokenCount: 4096, candidatesTokenCount: 250,
 *   thoughtsTokenCount: 900, totalTokenCount: 6150 })
 * // { inputTokens: 904, cachedInputTokens: 4096, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0,
 * //   outputTokens: 250, reasoningTokens: 900 }
 */
export function usageFromGemini(usageMetadata: unknown): Usage {
  const raw = usageObjectOf(
    usageMetadata,
    "usageMetadata",
    COUNT_FIELDS,
    WHAT,
    "promptTokenCount and candidatesTokenCount",
  );
  const fast = fastGemini(raw);
  if (fast !== undefined) return fast;
  const parsed = geminiUsageMetadataSchema.safeParse(raw);
  if (!parsed.success) throw usageSchemaError(WHAT, parsed.error, raw);
  const u = parsed.data;
  const promptTokens = u.promptTokenCount ?? 0;
  const cachedTokens = u.cachedContentTokenCount ?? 0;
  assertPartOf(WHAT, "cachedContentTokenCount", cachedTokens, "promptTokenCount", promptTokens);
  return {
    inputTokens: promptTokens - cachedTokens + (u.toolUsePromptTokenCount ?? 0),
    cachedInputTokens: cachedTokens,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens: u.candidatesTokenCount ?? 0,
    reasoningTokens: u.thoughtsTokenCount ?? 0,
  };
}

/** The common, valid case without zod; `undefined` sends the object through the schema. */
function fastGemini(raw: object): Usage | undefined {
  const counts = COUNT_FIELDS.map((field) => countAt(raw, field));
  if (counts.includes(INVALID)) return undefined;
  const [prompt = 0, candidates = 0, cached = 0, thoughts = 0, toolUse = 0] = counts;
  if (cached > prompt) return undefined;
  return {
    inputTokens: prompt - cached + toolUse,
    cachedInputTokens: cached,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens: candidates,
    reasoningTokens: thoughts,
  };
}
