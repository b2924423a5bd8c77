import { TokenmeterError } from "../errors.ts";
import { describe } from "./_describe-value.ts";
import type { Usage, UsageInput } from "./usage.ts";

const USAGE_FIELDS = [
  "inputTokens",
  "cachedInputTokens",
  "cacheWrite5mTokens",
  "cacheWrite1hTokens",
  "outputTokens",
  "reasoningTokens",
] as const satisfies readonly (keyof Usage)[];

const KNOWN_FIELDS: ReadonlySet<string> = new Set(USAGE_FIELDS);

/** Provider field names people pass by mistake, and the normalizer that reads them. */
const PROVIDER_HINTS: Readonly<Record<string, string>> = {
  prompt_tokens: "usageFromOpenAI",
  completion_tokens: "usageFromOpenAI",
  input_tokens: "usageFromOpenAI (Responses API) or usageFromAnthropic",
  output_tokens: "usageFromOpenAI (Responses API) or usageFromAnthropic",
  promptTokenCount: "usageFromGemini",
  candidatesTokenCount: "usageFromGemini",
};

/**
 * Checks a {@link UsageInput} and fills omitted fields with 0.
 *
 * Every field must be a finite, non-negative whole number of tokens. Unknown fields are rejected
 * so that a provider usage object passed by mistake (`{ prompt_tokens: … }`) is not priced as zero.
 *
 * @param label what the usage belongs to, used in error messages (default `usage`).
 * @throws TokenmeterError `INVALID_USAGE` naming the field and what was expected.
 * @example
 * normalizeUsage({ inputTokens: 1200, outputTokens: 300 })
 * // { inputTokens: 1200, cachedInputTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0, outputTokens: 300, reasoningTokens: 0 }
 */
export function normalizeUsage(input: UsageInput, label = "usage"): Usage {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new TokenmeterError(
      "INVALID_USAGE",
      `${label} must be an object like { inputTokens, outputTokens }, got ${describe(input)}.`,
      { details: { field: label } },
    );
  }
  for (const key in input) {
    if (!KNOWN_FIELDS.has(key)) unknownField(label, key);
  }
  return {
    inputTokens: tokenCount(input.inputTokens, label, "inputTokens"),
    cachedInputTokens: tokenCount(input.cachedInputTokens, label, "cachedInputTokens"),
    cacheWrite5mTokens: tokenCount(input.cacheWrite5mTokens, label, "cacheWrite5mTokens"),
    cacheWrite1hTokens: tokenCount(input.cacheWrite1hTokens, label, "cacheWrite1hTokens"),
    outputTokens: tokenCount(input.outputTokens, label, "outputTokens"),
    reasoningTokens: tokenCount(input.reasoningTokens, label, "reasoningTokens"),
  };
}

/** A token count: `undefined` → 0; anything but a finite non-negative integer throws. */
function tokenCount(value: unknown, label: string, field: string): number {
  if (value === undefined) return 0;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new TokenmeterError(
    "INVALID_USAGE",
    `${label}.${field} must be a whole, non-negative number of tokens, got ${describe(value)}.`,
    { details: { field: `${label}.${field}` } },
  );
}

function unknownField(label: string, key: string): never {
  const shown = key.length > 40 ? `${key.slice(0, 37)}...` : key;
  const hint = PROVIDER_HINTS[key];
  const next =
    hint === undefined
      ? `Known fields: ${USAGE_FIELDS.join(", ")}.`
      : `That is a provider field: convert the provider's usage object with ${hint} first.`;
  throw new TokenmeterError("INVALID_USAGE", `${label} has an unknown field "${shown}". ${next}`, {
    details: { field: `${label}.${shown}` },
  });
}
