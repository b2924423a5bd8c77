// priceUsage and replayConversation on the bundled table (2026.11.27.3), each number recomputed by
// hand below from the table's prices (USD per million tokens, so tokens × price is micro-dollars).
// Prices used: claude-sonnet-4-5 $3 in / $0.30 cache read / $3.75 5-min write / $6 1-h write / $15
// out, above 200k $6 / $0.60 / $7.50 / $12 / $22.50; gpt-5.4 $2.50 / $0.25 / $15, above 272k $5 /
// $0.50 / $22.50, batch ×0.5, flex $1.25 / $0.13 / $7.50, priority $5 / $0.50 / $30;
// gemini-2.5-pro $1.25 / $0.125 / $10, above 200k $2.50 / $0.25 / $15; gpt-4o $5 / $15 until
// 2024-10-02, then $2.50 / $1.25 / $10; claude-opus-4-6 $5 in, $10 above 200k until 2026-03-13.
import {
  priceUsage,
  replayConversation,
  usageFromAnthropic,
  usageFromGemini,
  usageFromOpenAI,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const MICRO = 1e-6;

describe("long context: the whole request, at the threshold and one token above", () => {
  // 150,000 + 40,000 cache reads + 6,000 5-min writes + 4,000 1-h writes = 200,000: not above.
  const usage = (inputTokens: number) =>
    usageFromAnthropic({
      input_tokens: inputTokens,
      cache_read_input_tokens: 40_000,
      cache_creation: { ephemeral_5m_input_tokens: 6_000, ephemeral_1h_input_tokens: 4_000 },
      output_tokens: 2_000,
    });

  it("exactly 200,000 input tokens: every token at the base prices", () => {
    const cost = priceUsage(usage(150_000), "claude-sonnet-4-5", { at: "2026-01-10" });
    // 150,000×3 + 40,000×0.3 + 6,000×3.75 + 4,000×6 + 2,000×15
    // = 450,000 + 12,000 + 22,500 + 24,000 + 30,000 = 538,500 µ$
    expect(cost.longContextApplied).toBe(false);
    expect(cost.totalUsd).toBeCloseTo(538_500 * MICRO, 12);
    expect(cost.cacheWriteUsd).toBeCloseTo(46_500 * MICRO, 12);
  });

  it("200,001: every token, output included, at the long-context prices", () => {
    const cost = priceUsage(usage(150_001), "claude-sonnet-4-5", { at: "2026-01-10" });
    // 150,001×6 + 40,000×0.6 + 6,000×7.5 + 4,000×12 + 2,000×22.5
    // = 900,006 + 24,000 + 45,000 + 48,000 + 45,000 = 1,062,006 µ$
    expect(cost.longContextApplied).toBe(true);
    expect(cost.totalUsd).toBeCloseTo(1_062_006 * MICRO, 12);
  });

  it("a dated record decides whether the tier exists: Opus 4.6 dropped its surcharge on 2026-03-13", () => {
    // 250,000 × 10 before, 250,000 × 5 after.
    expect(
      priceUsage({ inputTokens: 250_000 }, "claude-opus-4-6", { at: "2026-03-12" }).totalUsd,
    ).toBeCloseTo(2.5, 12);
    expect(
      priceUsage({ inputTokens: 250_000 }, "claude-opus-4-6", { at: "2026-03-13" }).totalUsd,
    ).toBeCloseTo(1.25, 12);
  });
});

describe("service tiers on gpt-5.4", () => {
  // Chat Completions: cached tokens are inside prompt_tokens, reasoning inside completion_tokens.
  const usage = usageFromOpenAI({
    prompt_tokens: 100_000,
    prompt_tokens_details: { cached_tokens: 60_000 },
    completion_tokens: 5_000,
    completion_tokens_details: { reasoning_tokens: 3_000 },
  });
  const at = "2026-06-01";

  it("splits the usage so no token is counted twice", () => {
    expect(usage).toEqual({
      inputTokens: 40_000,
      cachedInputTokens: 60_000,
      cacheWrite5mTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: 2_000,
      reasoningTokens: 3_000,
    });
  });

  it.each([
    // 40,000×2.5 + 60,000×0.25 + 2,000×15 + 3,000×15 = 100,000 + 15,000 + 30,000 + 45,000
    ["standard", 190_000],
    // half of standard
    ["batch", 95_000],
    // 40,000×1.25 + 60,000×0.13 + 5,000×7.5 = 50,000 + 7,800 + 37,500
    ["flex", 95_300],
    // 40,000×5 + 60,000×0.5 + 5,000×30 = 200,000 + 30,000 + 150,000
    ["priority", 380_000],
  ] as const)("%s: %d µ$", (serviceTier, microUsd) => {
    const cost = priceUsage(usage, "gpt-5.4", { at, serviceTier });
    expect(cost.totalUsd).toBeCloseTo(microUsd * MICRO, 12);
    expect(cost.serviceTier).toBe(serviceTier);
  });

  it("271,999 input tokens is base; 272,000 and more is long context for the whole request", () => {
    // OpenAI's standard rates are for prompts under 272K (genai-prices 0.1.8: tier above 271,999).
    // 271,999×2.5 + 1,000×15 = 679,997.5 + 15,000
    expect(
      priceUsage({ inputTokens: 271_999, outputTokens: 1_000 }, "gpt-5.4", { at }).totalUsd,
    ).toBeCloseTo(694_997.5 * MICRO, 12);
    // 272,000×5 + 1,000×22.5 = 1,360,000 + 22,500
    expect(
      priceUsage({ inputTokens: 272_000, outputTokens: 1_000 }, "gpt-5.4", { at }).totalUsd,
    ).toBeCloseTo(1_382_500 * MICRO, 12);
    // 300,000×5 + 1,000×22.5 = 1,500,000 + 22,500
    expect(
      priceUsage({ inputTokens: 300_000, outputTokens: 1_000 }, "gpt-5.4", { at }).totalUsd,
    ).toBeCloseTo(1_522_500 * MICRO, 12);
  });

  it("flex above 272k: the tier's prices × the standard long-context premium, stated", () => {
    const cost = priceUsage({ inputTokens: 300_000, outputTokens: 1_000 }, "gpt-5.4", {
      at,
      serviceTier: "flex",
    });
    // premium 5/2.5 = 2 on input, 22.5/15 = 1.5 on output: 300,000×2.5 + 1,000×11.25
    expect(cost.totalUsd).toBeCloseTo(761_250 * MICRO, 12);
    expect(cost.assumptions.join(" ")).toMatch(/flex tier of gpt-5\.4 has no long-context prices/);
  });
});

describe("provider usage objects", () => {
  it("Gemini: cached content inside the prompt, thoughts billed as output", () => {
    const usage = usageFromGemini({
      promptTokenCount: 10_000,
      cachedContentTokenCount: 8_000,
      candidatesTokenCount: 500,
      thoughtsTokenCount: 1_500,
      totalTokenCount: 12_000,
    });
    const cost = priceUsage(usage, "gemini-2.5-pro", { at: "2026-01-10" });
    // 2,000×1.25 + 8,000×0.125 + 500×10 + 1,500×10 = 2,500 + 1,000 + 5,000 + 15,000
    expect(cost.totalUsd).toBeCloseTo(23_500 * MICRO, 12);
    expect(cost.reasoningUsd).toBeCloseTo(15_000 * MICRO, 12);
    // above 200k the thoughts move to the tier's output price too: 250,000×2.5 + 1,000×15
    const long = usageFromGemini({
      promptTokenCount: 250_000,
      candidatesTokenCount: 100,
      thoughtsTokenCount: 900,
    });
    expect(priceUsage(long, "gemini-2.5-pro", { at: "2026-01-10" }).totalUsd).toBeCloseTo(
      640_000 * MICRO,
      12,
    );
  });

  it("OpenAI across gpt-4o's price change; no cache price before it is a stated upper bound", () => {
    const usage = usageFromOpenAI({
      prompt_tokens: 2_006,
      completion_tokens: 300,
      prompt_tokens_details: { cached_tokens: 1_920 },
    });
    // after: 86×2.5 + 1,920×1.25 + 300×10 = 215 + 2,400 + 3,000
    expect(priceUsage(usage, "gpt-4o", { at: "2024-11-01" }).totalUsd).toBeCloseTo(
      5_615 * MICRO,
      12,
    );
    // before: every prompt token at $5 (no cache price in that record) + 300×15 = 10,030 + 4,500
    const before = priceUsage(usage, "gpt-4o", { at: "2024-09-01" });
    expect(before.totalUsd).toBeCloseTo(14_530 * MICRO, 12);
    expect(before.assumptions.join(" ")).toMatch(/no cache-read price.*upper bound/);
  });
});

describe("replayConversation: three turns by hand", () => {
  // system 1,000; user 500, 200, 300; replies 400, 600, 100.
  const conversation = {
    systemTokens: 1_000,
    userTokens: [500, 200, 300],
    replyTokens: [[400, 600, 100]],
  };

  it("gpt-4o: history re-sent every turn, OpenAI's automatic cache in 128-token steps", () => {
    // Overhead: 3 per message + 1 for the role, 3 priming the reply. System block 1,004.
    // Turn 0: 1,004 + 504 + 3 = 1,511 sent, nothing repeated.
    // Turn 1: 1,004 + (504 + 404) + 204 + 3 = 2,119; repeated prefix = turn 0 less priming = 1,508
    //         → cached 1,024 + ⌊484/128⌋×128 = 1,408; uncached 711.
    // Turn 2: 1,004 + 908 + (204 + 604) + 304 + 3 = 3,027; repeated 2,116
    //         → cached 1,024 + ⌊1,092/128⌋×128 = 2,048; uncached 979.
    const cost = replayConversation(conversation, "gpt-4o", { at: "2025-01-15" });
    const turns = cost.models[0]?.turns ?? [];
    expect(turns.map((t) => [t.usage.inputTokens, t.usage.cachedInputTokens])).toEqual([
      [1_511, 0],
      [711, 1_408],
      [979, 2_048],
    ]);
    // (1,511 + 711 + 979)×2.5 + (1,408 + 2,048)×1.25 + 1,100×10 = 8,002.5 + 4,320 + 11,000
    expect(cost.totalUsd).toBeCloseTo(23_322.5 * MICRO, 12);
    // Without caching: all 6,657 prompt tokens × 2.5 + 11,000
    expect(
      replayConversation(conversation, "gpt-4o", { at: "2025-01-15", caching: "none" }).totalUsd,
    ).toBeCloseTo(27_642.5 * MICRO, 12);
  });

  it("claude-sonnet-4-5 with a breakpoint per request: each new token written once, read after", () => {
    // Overhead: 2 per message + 1 for the role, 6 per request. System block 1,003.
    // Turn 0: 1,003 + 503 + 6 = 1,512 written (≥ 1,024, Sonnet 4.5's minimum).
    // Turn 1: 1,003 + (503 + 403) + 203 + 6 = 2,118; the previous prompt less its 6 = 1,506 read,
    //         612 written. Turn 2: 1,003 + 906 + (203 + 603) + 303 + 6 = 3,024; 2,112 read, 912 written.
    const cost = replayConversation(conversation, "claude-sonnet-4-5", {
      at: "2026-01-10",
      cacheWrites: "5m",
    });
    const turns = cost.models[0]?.turns ?? [];
    expect(
      turns.map((t) => [
        t.usage.inputTokens,
        t.usage.cachedInputTokens,
        t.usage.cacheWrite5mTokens,
      ]),
    ).toEqual([
      [0, 0, 1_512],
      [0, 1_506, 612],
      [0, 2_112, 912],
    ]);
    // 3,036×3.75 + 3,618×0.3 + 1,100×15 = 11,385 + 1,085.4 + 16,500
    expect(cost.totalUsd).toBeCloseTo(28_970.4 * MICRO, 12);
  });
});
