// Provider usage objects → Usage. Expected values are worked out by hand from each provider's
// documented semantics (comments); the shapes follow the providers' API references.
import {
  isTokenmeterError,
  normalizeUsage,
  type TokenmeterError,
  type Usage,
  usageFromAnthropic,
  usageFromGemini,
  usageFromOpenAI,
} from "@tokenmeter/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const usage = (partial: Partial<Usage>): Usage => ({
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  ...partial,
});

function thrown(fn: () => unknown): TokenmeterError {
  try {
    fn();
  } catch (error) {
    if (isTokenmeterError(error)) return error;
    throw error;
  }
  throw new Error("expected a TokenmeterError");
}

describe("usageFromOpenAI", () => {
  it.each([
    [
      "Chat Completions: cached inside prompt, reasoning inside completion",
      {
        prompt_tokens: 2006,
        completion_tokens: 300,
        total_tokens: 2306,
        prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 128,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
      // 2,006 − 1,920 = 86 uncached; 300 − 128 = 172 visible
      usage({ inputTokens: 86, cachedInputTokens: 1920, outputTokens: 172, reasoningTokens: 128 }),
    ],
    [
      "Chat Completions without details (older models)",
      { prompt_tokens: 17, completion_tokens: 5, total_tokens: 22 },
      usage({ inputTokens: 17, outputTokens: 5 }),
    ],
    [
      "Chat Completions with null details (OpenAI-compatible servers)",
      {
        prompt_tokens: 17,
        completion_tokens: 5,
        prompt_tokens_details: null,
        completion_tokens_details: null,
      },
      usage({ inputTokens: 17, outputTokens: 5 }),
    ],
    [
      "Chat Completions, GPT-5.6 cache writes",
      {
        prompt_tokens: 12317,
        completion_tokens: 5,
        prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 12314 },
      },
      // 12,317 − 12,314 = 3 uncached
      usage({ inputTokens: 3, cacheWrite5mTokens: 12314, outputTokens: 5 }),
    ],
    [
      "Responses API",
      {
        input_tokens: 75,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 1186,
        output_tokens_details: { reasoning_tokens: 1024 },
        total_tokens: 1261,
      },
      // OpenAI's reasoning guide example: 1,186 − 1,024 = 162 visible
      usage({ inputTokens: 75, outputTokens: 162, reasoningTokens: 1024 }),
    ],
    [
      "Responses API with cache reads and writes",
      {
        input_tokens: 5000,
        output_tokens: 10,
        input_tokens_details: { cached_tokens: 3207, cache_write_tokens: 1700 },
      },
      // 5,000 − 3,207 − 1,700 = 93
      usage({
        inputTokens: 93,
        cachedInputTokens: 3207,
        cacheWrite5mTokens: 1700,
        outputTokens: 10,
      }),
    ],
    [
      "a whole response object",
      {
        id: "chatcmpl-1",
        object: "chat.completion",
        usage: { prompt_tokens: 9, completion_tokens: 12 },
      },
      usage({ inputTokens: 9, outputTokens: 12 }),
    ],
  ])("%s", (_, raw, expected) => {
    expect(usageFromOpenAI(raw)).toEqual(expected);
  });

  it.each([
    [{ prompt_tokens: -1, completion_tokens: 2 }, "prompt_tokens", "-1"],
    [{ prompt_tokens: 10, completion_tokens: 2.5 }, "completion_tokens", "2.5"],
    [
      { prompt_tokens: 10, prompt_tokens_details: { cached_tokens: Number.NaN } },
      "prompt_tokens_details.cached_tokens",
      "NaN",
    ],
    [{ input_tokens: 10, output_tokens: Number.POSITIVE_INFINITY }, "output_tokens", "Infinity"],
    [{ input_tokens: "ten" }, "input_tokens", "a string"],
    [{ prompt_tokens: 100, prompt_tokens_details: { cached_tokens: 101 } }, "prompt_tokens", "101"],
    [
      {
        prompt_tokens: 1,
        completion_tokens: 10,
        completion_tokens_details: { reasoning_tokens: 11 },
      },
      "reasoning_tokens",
      "11",
    ],
    [{ total_tokens: 5 }, "prompt_tokens", "an object"],
    [null, "prompt_tokens", "null"],
  ])("rejects %o naming %s", (raw, field, shown) => {
    const error = thrown(() => usageFromOpenAI(raw));
    expect(error.code).toBe("INVALID_USAGE");
    expect(error.message).toContain(field);
    expect(error.message).toContain(shown);
  });

  it("never echoes text found in a usage object", () => {
    const error = thrown(() => usageFromOpenAI({ prompt_tokens: "my password is hunter2" }));
    expect(error.message).not.toContain("hunter2");
  });
});

describe("usageFromAnthropic", () => {
  it.each([
    [
      "input excludes cache reads and writes; 5m/1h split",
      {
        input_tokens: 50,
        output_tokens: 400,
        cache_read_input_tokens: 8000,
        cache_creation_input_tokens: 1500,
        cache_creation: { ephemeral_5m_input_tokens: 1200, ephemeral_1h_input_tokens: 300 },
        service_tier: "standard",
        server_tool_use: { web_search_requests: 0 },
      },
      usage({
        inputTokens: 50,
        cachedInputTokens: 8000,
        cacheWrite5mTokens: 1200,
        cacheWrite1hTokens: 300,
        outputTokens: 400,
      }),
    ],
    [
      "older responses: the flat total counts as 5-minute writes",
      {
        input_tokens: 100,
        output_tokens: 50,
        cache_creation_input_tokens: 25,
        cache_read_input_tokens: 10,
      },
      usage({ inputTokens: 100, cachedInputTokens: 10, cacheWrite5mTokens: 25, outputTokens: 50 }),
    ],
    [
      "null cache fields",
      {
        input_tokens: 12,
        output_tokens: 3,
        cache_creation_input_tokens: null,
        cache_read_input_tokens: null,
        cache_creation: null,
      },
      usage({ inputTokens: 12, outputTokens: 3 }),
    ],
    [
      "a whole message",
      { id: "msg_1", type: "message", usage: { input_tokens: 7, output_tokens: 9 } },
      usage({ inputTokens: 7, outputTokens: 9 }),
    ],
  ])("%s", (_, raw, expected) => {
    expect(usageFromAnthropic(raw)).toEqual(expected);
  });

  it.each([
    [{ input_tokens: -5, output_tokens: 1 }, "input_tokens", "-5"],
    [
      { input_tokens: 5, cache_creation: { ephemeral_1h_input_tokens: 0.5 } },
      "cache_creation.ephemeral_1h_input_tokens",
      "0.5",
    ],
    [{ model: "claude" }, "input_tokens", "without any token count"],
  ])("rejects %o naming %s", (raw, field, shown) => {
    const error = thrown(() => usageFromAnthropic(raw));
    expect(error.code).toBe("INVALID_USAGE");
    expect(error.message).toContain(field);
    expect(error.message).toContain(shown);
  });
});

describe("usageFromGemini", () => {
  it.each([
    [
      "cached inside prompt; thoughts apart from candidates",
      {
        promptTokenCount: 5000,
        cachedContentTokenCount: 4096,
        candidatesTokenCount: 250,
        thoughtsTokenCount: 900,
        totalTokenCount: 6150,
      },
      // 5,000 − 4,096 = 904 uncached
      usage({ inputTokens: 904, cachedInputTokens: 4096, outputTokens: 250, reasoningTokens: 900 }),
    ],
    [
      "tool-use prompt tokens are input",
      {
        promptTokenCount: 300,
        toolUsePromptTokenCount: 1200,
        candidatesTokenCount: 80,
        totalTokenCount: 1580,
      },
      // total = prompt + tool use + candidates: 300 + 1,200 + 80 = 1,580
      usage({ inputTokens: 1500, outputTokens: 80 }),
    ],
    [
      "candidates omitted when the model returned nothing",
      {
        usageMetadata: {
          promptTokenCount: 42,
          totalTokenCount: 42,
          promptTokensDetails: [{ modality: "TEXT", tokenCount: 42 }],
        },
      },
      usage({ inputTokens: 42 }),
    ],
  ])("%s", (_, raw, expected) => {
    expect(usageFromGemini(raw)).toEqual(expected);
  });

  it.each([
    [{ promptTokenCount: 10, cachedContentTokenCount: 11 }, "cachedContentTokenCount", "11"],
    [{ promptTokenCount: 10, thoughtsTokenCount: -2 }, "thoughtsTokenCount", "-2"],
    [{ prompt_token_count: 10 }, "promptTokenCount", "without any token count"],
  ])("rejects %o naming %s", (raw, field, shown) => {
    const error = thrown(() => usageFromGemini(raw));
    expect(error.code).toBe("INVALID_USAGE");
    expect(error.message).toContain(field);
    expect(error.message).toContain(shown);
  });
});

describe("normalizeUsage", () => {
  it("fills omitted fields with 0", () => {
    expect(normalizeUsage({ outputTokens: 3 })).toEqual(usage({ outputTokens: 3 }));
  });

  it("names the label in errors", () => {
    const error = thrown(() => normalizeUsage({ inputTokens: -1 }, "turn 3 usage"));
    expect(error.message).toContain("turn 3 usage.inputTokens");
  });
});

describe("normalizers on random valid objects (fast path) and with a bad field (schema path)", () => {
  const count = fc.integer({ min: 0, max: 2_000_000 });

  it("OpenAI Chat Completions: parts come out of their totals", () => {
    fc.assert(
      fc.property(
        count,
        count,
        count,
        count,
        count,
        fc.boolean(),
        (uncached, cached, written, visible, reasoning, nullDetails) => {
          const raw = {
            prompt_tokens: uncached + cached + written,
            completion_tokens: visible + reasoning,
            prompt_tokens_details: nullDetails
              ? null
              : { cached_tokens: cached, cache_write_tokens: written, audio_tokens: 0 },
            completion_tokens_details: nullDetails ? null : { reasoning_tokens: reasoning },
            extra: { anything: "is ignored" },
          };
          const expected = nullDetails
            ? usage({ inputTokens: uncached + cached + written, outputTokens: visible + reasoning })
            : usage({
                inputTokens: uncached,
                cachedInputTokens: cached,
                cacheWrite5mTokens: written,
                outputTokens: visible,
                reasoningTokens: reasoning,
              });
          expect(usageFromOpenAI(raw)).toEqual(expected);
          // the same object with one bad count goes through the schema and names the field
          const bad = { ...raw, total_tokens: -1 };
          expect(() => usageFromOpenAI(bad)).toThrow(/total_tokens/);
        },
      ),
    );
  });

  it("Anthropic and Gemini", () => {
    fc.assert(
      fc.property(count, count, count, count, count, (input, read, w5, w1, output) => {
        expect(
          usageFromAnthropic({
            input_tokens: input,
            output_tokens: output,
            cache_read_input_tokens: read,
            cache_creation_input_tokens: w5 + w1,
            cache_creation: { ephemeral_5m_input_tokens: w5, ephemeral_1h_input_tokens: w1 },
          }),
        ).toEqual(
          usage({
            inputTokens: input,
            cachedInputTokens: read,
            cacheWrite5mTokens: w5,
            cacheWrite1hTokens: w1,
            outputTokens: output,
          }),
        );
        expect(
          usageFromGemini({
            promptTokenCount: input + read,
            cachedContentTokenCount: read,
            candidatesTokenCount: output,
            thoughtsTokenCount: w5,
            toolUsePromptTokenCount: w1,
          }),
        ).toEqual(
          usage({
            inputTokens: input + w1,
            cachedInputTokens: read,
            outputTokens: output,
            reasoningTokens: w5,
          }),
        );
        expect(() =>
          usageFromAnthropic({ input_tokens: input, output_tokens: output + 0.5 }),
        ).toThrow(/output_tokens/);
        expect(() =>
          usageFromGemini({ promptTokenCount: input, candidatesTokenCount: -output - 1 }),
        ).toThrow(/candidatesTokenCount/);
      }),
    );
  });
});
