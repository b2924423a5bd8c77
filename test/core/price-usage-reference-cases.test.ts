// Cross-checks priceUsage against the cost cases of LiteLLM and ccusage (test/fixtures/cost/SOURCES.md),
// each with the prices pinned in the case. Where tokenmeter's rule differs on purpose, the test says
// so, shows the other tool's arithmetic, and asserts ours.
import { readFileSync } from "node:fs";
import {
  convertLiteLLMPricing,
  priceUsage,
  usageFromAnthropic,
  usageFromOpenAI,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { makeTable, tableFromLiteLLM } from "../fixtures/cost/tables.ts";

interface Case {
  id: string;
  usage?: Record<string, unknown>;
  prices?: Record<string, unknown> | string;
  expected?: Record<string, unknown>;
}
const read = (name: string): { cases: Case[] } =>
  JSON.parse(readFileSync(new URL(`../fixtures/cost/${name}`, import.meta.url), "utf8"));
const litellm = read("litellm-cost-cases.json").cases;
const ccusage = read("ccusage-cost-cases.json").cases;

function byId(cases: Case[], id: string): Case {
  const found = cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`case ${id} missing from the fixture`);
  return found;
}
const num = (value: unknown): number => {
  if (typeof value !== "number") throw new Error(`expected a number, got ${typeof value}`);
  return value;
};
const prices = (c: Case): Record<string, unknown> => {
  if (typeof c.prices !== "object") throw new Error(`${c.id} has no inline prices`);
  return c.prices;
};
const usageOf = (c: Case): Record<string, unknown> => {
  if (c.usage === undefined) throw new Error(`${c.id} has no usage`);
  return c.usage;
};

/** LiteLLM's prompt cost = fresh input + cache reads + cache writes (it itemizes the cache parts inside). */
const promptUsd = (cost: { inputUsd: number; cachedInputUsd: number; cacheWriteUsd: number }) =>
  cost.inputUsd + cost.cachedInputUsd + cost.cacheWriteUsd;

const handled = new Set<string>();
function reproduce(id: string, title: string, body: () => void): void {
  handled.add(id);
  it(`${id}: ${title}`, body);
}

describe("LiteLLM cost cases", () => {
  reproduce(
    "litellm-o1-reasoning-no-separate-price",
    "reasoning billed at the output price",
    () => {
      const c = byId(litellm, "litellm-o1-reasoning-no-separate-price");
      const table = tableFromLiteLLM({ o1: prices(c) });
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "o1", { pricing: table });
      // 17 × $15/MTok = $0.000255; (626 visible + 952 reasoning) × $60/MTok = $0.09468
      expect(cost.usage).toMatchObject({
        inputTokens: 17,
        outputTokens: 626,
        reasoningTokens: 952,
      });
      expect(cost.inputUsd).toBeCloseTo(num(c.expected?.prompt_cost), 12);
      expect(cost.outputUsd + cost.reasoningUsd).toBeCloseTo(num(c.expected?.completion_cost), 12);
      expect(cost.totalUsd).toBeCloseTo(num(c.expected?.total), 12);
      expect(cost.assumptions).toEqual([]); // reasoning at the output price is the rule, not a guess
    },
  );

  reproduce(
    "litellm-gemini-2.5-flash-reasoning-priced-separately",
    "reasoning at its own price",
    () => {
      const c = byId(litellm, "litellm-gemini-2.5-flash-reasoning-priced-separately");
      const table = tableFromLiteLLM({ "gemini-2.5-flash": prices(c) }, "gemini");
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "gemini-2.5-flash", { pricing: table });
      // 17 × $0.30/MTok = $0.0000051; 626 × $2.50 + 952 × $2.50 (reasoning price) per MTok = $0.003945
      expect(cost.ratesUsdPerMTok.reasoning).toBe(2.5);
      expect(cost.inputUsd).toBeCloseTo(num(c.expected?.prompt_cost), 12);
      expect(cost.outputUsd + cost.reasoningUsd).toBeCloseTo(num(c.expected?.completion_cost), 12);
      expect(cost.totalUsd).toBeCloseTo(num(c.expected?.total), 12);
    },
  );

  reproduce(
    "litellm-image-output-tokens-custom-rate",
    "DIFFERS: image output tokens are priced as text output",
    () => {
      const c = byId(litellm, "litellm-image-output-tokens-custom-rate");
      const table = tableFromLiteLLM({ "test-model": prices(c) });
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "test-model", { pricing: table });
      // LiteLLM: 600 × $2/MTok + 1,120 image tokens × $5/MTok = $0.0068. tokenmeter prices text chat
      // and has no image-token price, so all 1,720 completion tokens are output: 1,720 × $2/MTok.
      expect(num(c.expected?.completion_cost)).toBeCloseTo(600 * 2e-6 + 1120 * 5e-6, 12);
      expect(cost.outputUsd).toBeCloseTo((1720 * 2) / 1e6, 12);
      expect(cost.inputUsd).toBeCloseTo(num(c.expected?.prompt_cost), 12);
    },
  );

  for (const id of [
    "litellm-image-output-tokens-fallback-to-output-rate",
    "litellm-video-output-tokens-fallback",
  ]) {
    reproduce(id, "modality tokens without their own price fall back to output", () => {
      const c = byId(litellm, id);
      const table = tableFromLiteLLM({ "test-model": prices(c) });
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "test-model", { pricing: table });
      // 14 × $1/MTok = $0.000014; 1,720 × $2/MTok = $0.00344
      expect(cost.inputUsd).toBeCloseTo(num(c.expected?.prompt_cost), 12);
      expect(cost.outputUsd).toBeCloseTo(num(c.expected?.completion_cost), 12);
    });
  }

  reproduce(
    "litellm-gemini-2.5-pro-above-200k-whole-request",
    "whole request at the long-context prices",
    () => {
      const c = byId(litellm, "litellm-gemini-2.5-pro-above-200k-whole-request");
      const table = tableFromLiteLLM({ "gemini-2.5-pro": prices(c) }, "gemini");
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "gemini-2.5-pro", { pricing: table });
      // 220,000,000 × $2.50/MTok = $550; 150 × $15/MTok = $0.00225 (both at the >200k prices)
      expect(cost.longContextApplied).toBe(true);
      expect(cost.inputUsd).toBeCloseTo(num(c.expected?.prompt_cost), 9);
      expect(cost.outputUsd).toBeCloseTo(num(c.expected?.completion_cost), 12);
    },
  );

  reproduce(
    "litellm-highest-crossed-tier",
    "DIFFERS: several thresholds cannot be held; one tier uses the whole-request rule",
    () => {
      const c = byId(litellm, "litellm-highest-crossed-tier");
      // Our format holds one long-context tier per record, so the converter refuses the entry
      // rather than silently keep one threshold and misprice requests between 90k and 128k.
      const converted = convertLiteLLMPricing(
        {
          companion: {
            mode: "chat",
            litellm_provider: "openai",
            max_input_tokens: 1_000_000,
            input_cost_per_token: 1e-6,
            output_cost_per_token: 2e-6,
          },
          "tiered-test": {
            mode: "chat",
            litellm_provider: "openai",
            max_input_tokens: 1_000_000,
            ...prices(c),
          },
        },
        { checked: "2026-11-27", defaultTokenizer: "o200k_base" },
      );
      expect(converted.skipped).toEqual([
        {
          key: "tiered-test",
          reason: expect.stringContaining("several long-context thresholds (90k, 128k)"),
        },
      ]);
      // With the one tier the request crosses (128k), our rule gives LiteLLM's selected rate:
      // 150,000 > 128,000 → 150,000 × $9/MTok = $1.35.
      const table = makeTable([
        {
          id: "tiered-test",
          prices: [
            {
              effectiveFrom: "2020-01-01",
              inputUsdPerMTok: 1,
              outputUsdPerMTok: 2,
              longContext: { aboveInputTokens: 128_000, inputUsdPerMTok: 9, outputUsdPerMTok: 2 },
            },
          ],
        },
      ]);
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "tiered-test", { pricing: table });
      expect(cost.ratesUsdPerMTok.input).toBeCloseTo(
        num(c.expected?.prompt_rate_selected) * 1e6,
        9,
      );
      expect(cost.inputUsd).toBeCloseTo(num(c.expected?.prompt_cost_derived), 12);
    },
  );

  for (const id of [
    "litellm-openai-style-cache-read",
    "litellm-openai-style-cache-write",
    "litellm-openai-style-cache-read-and-write",
  ]) {
    reproduce(id, "prompt_tokens includes cache reads and writes", () => {
      const c = byId(litellm, id);
      const table = tableFromLiteLLM({ "gpt-5-cache-test": prices(c) });
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "gpt-5-cache-test", { pricing: table });
      // fresh = prompt − cached − writes = 100 tokens × $5/MTok = $0.0005; reads × $0.50/MTok;
      // writes × $6.25/MTok; 50 output × $30/MTok = $0.0015
      expect(cost.usage.inputTokens).toBe(100);
      expect(cost.cachedInputUsd).toBeCloseTo(num(c.expected?.cache_read_cost), 12);
      expect(cost.cacheWriteUsd).toBeCloseTo(num(c.expected?.cache_creation_cost), 12);
      expect(promptUsd(cost)).toBeCloseTo(num(c.expected?.input_cost), 12);
      expect(cost.outputUsd).toBeCloseTo(num(c.expected?.output_cost), 12);
      expect(cost.totalUsd).toBeCloseTo(num(c.expected?.total_cost), 12);
    });
  }

  reproduce(
    "litellm-anthropic-style-top-level-cache-keys",
    "LiteLLM's top-level cache keys",
    () => {
      const c = byId(litellm, "litellm-anthropic-style-top-level-cache-keys");
      const table = tableFromLiteLLM({ "gpt-5-cache-test": prices(c) });
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "gpt-5-cache-test", { pricing: table });
      // fresh = 5,100 − 2,000 − 3,000 = 100 → $0.0005; 2,000 × $0.50/MTok = $0.001;
      // 3,000 × $6.25/MTok = $0.01875; prompt $0.02025; + 50 × $30/MTok = $0.02175
      expect(cost.cachedInputUsd).toBeCloseTo(num(c.expected?.cache_read_cost), 12);
      expect(cost.cacheWriteUsd).toBeCloseTo(num(c.expected?.cache_creation_cost), 12);
      expect(promptUsd(cost)).toBeCloseTo(num(c.expected?.input_cost_derived), 12);
      expect(cost.totalUsd).toBeCloseTo(num(c.expected?.total_cost_derived), 12);
    },
  );

  reproduce(
    "litellm-tiered-explicit-zero-cache-rate",
    "explicit 0 is a price; missing falls back",
    () => {
      const c = byId(litellm, "litellm-tiered-explicit-zero-cache-rate");
      const withZero = tableFromLiteLLM({
        m: {
          input_cost_per_token: 1e-6,
          output_cost_per_token: 2e-6,
          cache_read_input_token_cost: 0,
        },
      });
      const without = tableFromLiteLLM({
        m: { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
      });
      const usage = { cachedInputTokens: 10_000 };
      const zero = priceUsage(usage, "m", { pricing: withZero });
      const missing = priceUsage(usage, "m", { pricing: without });
      // explicit $0/MTok → $0 and no assumption; missing → 10,000 × $1/MTok (input) = $0.01, stated
      expect(zero.cachedInputUsd).toBe(num(c.expected?.cache_read_cost_with_explicit_zero));
      expect(zero.assumptions).toEqual([]);
      expect(missing.cachedInputUsd).toBeCloseTo(
        num(c.expected?.cache_read_cost_when_key_missing_falls_back_to_input_rate),
        12,
      );
      expect(missing.assumptions).toEqual([expect.stringContaining("no cache-read price")]);
    },
  );

  reproduce(
    "litellm-gemini-2.0-flash-audio-input",
    "DIFFERS: audio input tokens are priced as text input",
    () => {
      const c = byId(litellm, "litellm-gemini-2.0-flash-audio-input");
      const table = tableFromLiteLLM({ "gemini-2.0-flash-001": prices(c) }, "gemini");
      const cost = priceUsage(usageFromOpenAI(usageOf(c)), "gemini-2.0-flash-001", {
        pricing: table,
      });
      // LiteLLM: 10 text × $0.15 + 90 audio × $1 + 100 out × $0.60 (per MTok) = $0.0001515.
      // tokenmeter has no audio prices (text chat only): 100 × $0.15 + 100 × $0.60 = $0.000075.
      expect(num(c.expected?.total)).toBeCloseTo((10 * 0.15 + 90 * 1 + 100 * 0.6) / 1e6, 12);
      expect(cost.totalUsd).toBeCloseTo((100 * 0.15 + 100 * 0.6) / 1e6, 12);
    },
  );

  reproduce(
    "litellm-openai-cache-write-chat",
    "GPT-5.6 cache writes, Chat and Responses alike",
    () => {
      const c = byId(litellm, "litellm-openai-cache-write-chat");
      // gpt-5.6 prices from the LiteLLM map of 2026-07-24 (SOURCES.md): input 5e-6, cache write
      // 6.25e-6, cache read 5e-7, output 3e-5 USD per token.
      const table = tableFromLiteLLM({
        "gpt-5.6": {
          input_cost_per_token: 5e-6,
          cache_creation_input_token_cost: 6.25e-6,
          cache_read_input_token_cost: 5e-7,
          output_cost_per_token: 3e-5,
        },
      });
      const chat = priceUsage(usageFromOpenAI(usageOf(c)), "gpt-5.6", { pricing: table });
      const responses = priceUsage(
        usageFromOpenAI({
          input_tokens: 12317,
          output_tokens: 5,
          input_tokens_details: { cached_tokens: 0, cache_write_tokens: 12314 },
        }),
        "gpt-5.6",
        { pricing: table },
      );
      // (12,317 − 12,314) × $5/MTok + 12,314 × $6.25/MTok = $0.000015 + $0.0769625 = $0.0769775
      expect(promptUsd(chat)).toBeCloseTo(3 * 5e-6 + 12314 * 6.25e-6, 12);
      expect(chat.outputUsd).toBeCloseTo(5 * 3e-5, 12);
      expect(promptUsd(chat)).toBeGreaterThan(12317 * 5e-6);
      expect(responses.totalUsd).toBe(chat.totalUsd);
    },
  );
});

describe("ccusage cost cases", () => {
  reproduce("ccusage-ts-basic", "Claude-style usage: input excludes cache reads", () => {
    const c = byId(ccusage, "ccusage-ts-basic");
    const table = tableFromLiteLLM({ "gpt-5": prices(c) });
    const cost = priceUsage(usageFromAnthropic(usageOf(c)), "gpt-5", { pricing: table });
    // 1,000 × $1.25 + 500 × $10 + 200 × $0.125 (per MTok) = $0.00125 + $0.005 + $0.000025
    expect(cost.totalUsd).toBeCloseTo(num((c as { expected_cost?: unknown }).expected_cost), 12);
  });

  reproduce(
    "ccusage-ts-tiered-200k-each-bucket",
    "DIFFERS: ccusage splits each field at 200k; providers bill the whole request",
    () => {
      const c = byId(ccusage, "ccusage-ts-tiered-200k-each-bucket");
      const table = tableFromLiteLLM({ "claude-4-sonnet": prices(c) }, "anthropic");
      const cost = priceUsage(usageFromAnthropic(usageOf(c)), "claude-4-sonnet", {
        pricing: table,
      });
      // ccusage (marginal, per field): (200k×3 + 100k×6) + (200k×15 + 50k×22.5)
      //   + (200k×3.75 + 100k×7.5) + (200k×0.3 + 50k×0.6), all /1e6 = 1.2 + 4.125 + 1.5 + 0.09 = $6.915
      const ccusageUsd = num((c as { expected_cost?: unknown }).expected_cost);
      expect(ccusageUsd).toBeCloseTo(1.2 + 4.125 + 1.5 + 0.09, 12);
      // tokenmeter: whole input = 300k + 300k writes + 250k reads = 850k > 200k, so every token is at
      // the tier prices: 300k×6 + 250k×22.5 + 300k×7.5 + 250k×0.6, /1e6 = 1.8 + 5.625 + 2.25 + 0.15
      expect(cost.longContextApplied).toBe(true);
      expect(cost.totalUsd).toBeCloseTo(9.825, 12);
    },
  );

  reproduce("ccusage-ts-no-tier-keys", "no tier, no premium", () => {
    const c = byId(ccusage, "ccusage-ts-no-tier-keys");
    const table = tableFromLiteLLM({ "gpt-5": prices(c) });
    const cost = priceUsage(usageFromAnthropic(usageOf(c)), "gpt-5", { pricing: table });
    // 300,000 × $1 + 250,000 × $2 per MTok = $0.8
    expect(cost.totalUsd).toBeCloseTo(num((c as { expected_cost?: unknown }).expected_cost), 12);
  });

  reproduce(
    "ccusage-ts-boundary",
    "exactly at the threshold is base; DIFFERS above it (whole request)",
    () => {
      const c = byId(ccusage, "ccusage-ts-boundary") as Case & {
        usage_variants: { input_tokens: number; output_tokens: number; expected_cost: number }[];
      };
      // The case has no output price; output tokens are 0 in every variant, so any output price
      // gives the same cost. $15/MTok is Sonnet 4's.
      const table = tableFromLiteLLM(
        { "claude-4-sonnet": { ...prices(c), output_cost_per_token: 1.5e-5 } },
        "anthropic",
      );
      const at = (input: number) =>
        priceUsage({ inputTokens: input }, "claude-4-sonnet", { pricing: table });
      const [exactly, above, zero] = c.usage_variants;
      // 200,000 is not above 200,000: 200,000 × $3/MTok = $0.6 (both tools agree)
      expect(at(200_000).totalUsd).toBeCloseTo(num(exactly?.expected_cost), 12);
      expect(at(0).totalUsd).toBe(num(zero?.expected_cost));
      // ccusage: 200,000 × $3 + 1 × $6 (per MTok) = $0.600006. tokenmeter: all 200,001 × $6 = $1.200006
      expect(num(above?.expected_cost)).toBeCloseTo(0.6 + 6e-6, 12);
      expect(at(200_001).totalUsd).toBeCloseTo(1.200006, 12);
    },
  );

  reproduce(
    "ccusage-ts-tier-only-prices",
    "DIFFERS: a model without base prices is not priced at all",
    () => {
      const c = byId(ccusage, "ccusage-ts-tier-only-prices");
      // ccusage bills only the part above 200k ($1.725) and $0 below; tokenmeter never prices a
      // model it has no base price for (no silent $0): the converter skips the entry and says why.
      const converted = convertLiteLLMPricing(
        {
          companion: {
            mode: "chat",
            litellm_provider: "openai",
            max_input_tokens: 1_000_000,
            input_cost_per_token: 1e-6,
            output_cost_per_token: 2e-6,
          },
          "theoretical-model": {
            mode: "chat",
            litellm_provider: "openai",
            max_input_tokens: 1_000_000,
            ...prices(c),
          },
        },
        { checked: "2026-11-27", defaultTokenizer: "o200k_base" },
      );
      expect(converted.skipped).toEqual([
        { key: "theoretical-model", reason: "no input_cost_per_token and output_cost_per_token" },
      ]);
    },
  );

  reproduce("ccusage-ts-fast-multiplier", "a whole-cost multiplier", () => {
    const c = byId(ccusage, "ccusage-ts-fast-multiplier");
    // Anthropic's "fast" speed is not a service tier of our schema; the case's arithmetic (the whole
    // cost × 6) is what a multiplier tier does, so it is reproduced with one.
    const table = makeTable([
      {
        id: "claude-opus-4-6",
        prices: [
          {
            effectiveFrom: "2020-01-01",
            inputUsdPerMTok: 5,
            outputUsdPerMTok: 25,
            serviceTiers: { priority: { multiplier: 6 } },
          },
        ],
      },
    ]);
    const expected = (c as { expected_cost?: unknown }).expected_cost as {
      standard: number;
      fast: number;
    };
    const usage = usageFromAnthropic(usageOf(c));
    // 1,000 × $5 + 500 × $25 (per MTok) = $0.0175; × 6 = $0.105
    expect(priceUsage(usage, "claude-opus-4-6", { pricing: table }).totalUsd).toBeCloseTo(
      expected.standard,
      12,
    );
    expect(
      priceUsage(usage, "claude-opus-4-6", { pricing: table, serviceTier: "priority" }).totalUsd,
    ).toBeCloseTo(expected.fast, 12);
  });

  reproduce(
    "ccusage-rs-cache-creation-breakdown",
    "5m/1h split; 1h at 2 × input without its own price",
    () => {
      const c = byId(ccusage, "ccusage-rs-cache-creation-breakdown");
      const table = tableFromLiteLLM({ "test-model": prices(c) }, "anthropic");
      const cost = priceUsage(usageFromAnthropic(usageOf(c)), "test-model", { pricing: table });
      // the split replaces the flat 999: 10 × $1.25 + 20 × (2 × $1.00) + 30 × $0.10 (per token) = $55.5
      expect(cost.usage).toMatchObject({ cacheWrite5mTokens: 10, cacheWrite1hTokens: 20 });
      expect(cost.totalUsd).toBeCloseTo(num((c as { expected_cost?: unknown }).expected_cost), 9);
      expect(cost.assumptions).toEqual([expect.stringContaining("2 × the input price")]);
    },
  );

  reproduce("ccusage-rs-cache-creation-flat", "flat total counts as 5-minute writes", () => {
    const c = byId(ccusage, "ccusage-rs-cache-creation-flat");
    const table = tableFromLiteLLM(
      { "test-model": prices(byId(ccusage, "ccusage-rs-cache-creation-breakdown")) },
      "anthropic",
    );
    const cost = priceUsage(usageFromAnthropic(usageOf(c)), "test-model", { pricing: table });
    // 10 × $1.25 per token = $12.5
    expect(cost.totalUsd).toBeCloseTo(num((c as { expected_cost?: unknown }).expected_cost), 9);
  });

  reproduce(
    "ccusage-rs-codex-openai-semantics",
    "OpenAI semantics, daily sums, 2× priority",
    () => {
      const c = byId(ccusage, "ccusage-rs-codex-openai-semantics") as Case & {
        prices: Record<string, Record<string, unknown>>;
        events: {
          timestamp: string;
          model: string | null;
          input_tokens: number;
          cached_input_tokens?: number;
          output_tokens: number;
          reasoning_output_tokens?: number;
        }[];
        expected: {
          daily: Record<string, { costUSD: number }>;
          totals_costUSD: number;
          session_fast_costUSD: { total: number };
        };
      };
      const table = tableFromLiteLLM(c.prices);
      // Codex logs carry OpenAI Responses semantics; "fast" mode is priced at 2×, our priority slot.
      const fast = makeTable(
        Object.entries(c.prices).map(([id, p]) => ({
          id,
          prices: [
            {
              effectiveFrom: "2020-01-01",
              inputUsdPerMTok: num(p.input_cost_per_token) * 1e6,
              outputUsdPerMTok: num(p.output_cost_per_token) * 1e6,
              ...(p.cache_read_input_token_cost === undefined
                ? {}
                : { cachedInputUsdPerMTok: num(p.cache_read_input_token_cost) * 1e6 }),
              serviceTiers: { priority: { multiplier: 2 } },
            },
          ],
        })),
      );
      const daily = new Map<string, number>();
      let total = 0;
      let fastTotal = 0;
      for (const event of c.events) {
        if (event.model === null) continue; // ccusage ignores events without a model
        const usage = usageFromOpenAI({
          input_tokens: event.input_tokens,
          output_tokens: event.output_tokens,
          input_tokens_details: { cached_tokens: event.cached_input_tokens ?? 0 },
          output_tokens_details: { reasoning_tokens: event.reasoning_output_tokens ?? 0 },
        });
        const cost = priceUsage(usage, event.model, { pricing: table, at: event.timestamp });
        const day = event.timestamp.slice(0, 10);
        daily.set(day, (daily.get(day) ?? 0) + cost.totalUsd);
        total += cost.totalUsd;
        fastTotal += priceUsage(usage, event.model, {
          pricing: fast,
          serviceTier: "priority",
        }).totalUsd;
      }
      // 2026-01-02: 100 uncached × $1.75 + 110 cached × $0.175 + 15 output × $14 (per MTok) = $0.00040425
      for (const [day, expected] of Object.entries(c.expected.daily)) {
        expect(daily.get(day)).toBeCloseTo(expected.costUSD, 12);
      }
      expect(total).toBeCloseTo(c.expected.totals_costUSD, 12);
      expect(fastTotal).toBeCloseTo(c.expected.session_fast_costUSD.total, 12);
    },
  );

  reproduce("ccusage-ts-cost-modes", "calculate mode with the LiteLLM snapshot prices", () => {
    const c = byId(ccusage, "ccusage-ts-cost-modes") as Case & {
      entry: { message: { usage: Record<string, unknown> } };
    };
    // The case quotes the snapshot prices: 3e-6 / 1.5e-5 / 3.75e-6 (write) / 3e-7 (read) per token.
    const table = tableFromLiteLLM(
      {
        "claude-sonnet-4-20250514": {
          input_cost_per_token: 3e-6,
          output_cost_per_token: 1.5e-5,
          cache_creation_input_token_cost: 3.75e-6,
          cache_read_input_token_cost: 3e-7,
        },
      },
      "anthropic",
    );
    const cost = priceUsage(usageFromAnthropic(c.entry.message.usage), "claude-sonnet-4-20250514", {
      pricing: table,
    });
    // 1,000 × $3 + 500 × $15 + 200 × $3.75 + 100 × $0.30 (per MTok) = $0.01128
    expect(cost.totalUsd).toBeCloseTo(0.01128, 12);
  });

  reproduce("ccusage-fixture-files", "project-alpha priced line by line", () => {
    const lines = readFileSync(
      new URL(
        "../fixtures/cost/ccusage--project-alpha--session-alpha--chat.jsonl",
        import.meta.url,
      ),
      "utf8",
    )
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { message: { model: string; usage: unknown } });
    // Sonnet 4 and Opus 4 from the LiteLLM map of 2026-07-24 (SOURCES.md), USD per token.
    const table = tableFromLiteLLM(
      {
        "claude-sonnet-4-20250514": {
          input_cost_per_token: 3e-6,
          output_cost_per_token: 1.5e-5,
          cache_creation_input_token_cost: 3.75e-6,
          cache_read_input_token_cost: 3e-7,
        },
        "claude-opus-4-20250514": {
          input_cost_per_token: 1.5e-5,
          output_cost_per_token: 7.5e-5,
          cache_creation_input_token_cost: 1.875e-5,
          cache_read_input_token_cost: 1.5e-6,
        },
      },
      "anthropic",
    );
    const total = lines.reduce(
      (sum, line) =>
        sum +
        priceUsage(usageFromAnthropic(line.message.usage), line.message.model, { pricing: table })
          .totalUsd,
      0,
    );
    // $0.00114675 + $0.0095925 + $0.002787 = $0.01352625 (the case's derived calculate-mode total)
    const c = byId(ccusage, "ccusage-fixture-files") as Case & {
      derived_calculate_mode_with_litellm_snapshot: { "project-alpha": number };
    };
    expect(total).toBeCloseTo(c.derived_calculate_mode_with_litellm_snapshot["project-alpha"], 12);
  });
});

/** Cases about reading logs, not pricing: they belong to the log readers' tests. */
const OUT_OF_SCOPE: Record<string, string> = {
  "ccusage-rs-dedupe-keep-most-complete":
    "deduplicating streamed log lines is the log readers' job",
  "ccusage-ts-daily-display-sum":
    "sums costUSD already in the log (display mode); nothing is priced",
};

it("every reference case is reproduced or listed as out of scope with a reason", () => {
  const ids = [...litellm, ...ccusage].map((c) => c.id);
  const unaccounted = ids.filter((id) => !handled.has(id) && OUT_OF_SCOPE[id] === undefined);
  expect(unaccounted).toEqual([]);
  expect(Object.keys(OUT_OF_SCOPE).every((id) => ids.includes(id))).toBe(true);
});
