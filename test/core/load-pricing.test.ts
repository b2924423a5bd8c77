// loadPricing: our format (table or provider file), LiteLLM conversion, merging, and errors that
// name the file, the JSON path and what was expected.
import { readFileSync } from "node:fs";
import {
  convertLiteLLMPricing,
  isTokenmeterError,
  loadPricing,
  type PricingTable,
  priceUsage,
  type TokenmeterError,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { makeTable } from "../fixtures/cost/tables.ts";

const litellmSubset: unknown = JSON.parse(
  readFileSync(new URL("../fixtures/cost/litellm-subset.json", import.meta.url), "utf8"),
);

function thrown(fn: () => unknown): TokenmeterError {
  try {
    fn();
  } catch (error) {
    if (isTokenmeterError(error)) return error;
    throw error;
  }
  throw new Error("expected a TokenmeterError");
}

const record = {
  effectiveFrom: "2025-01-01",
  inputUsdPerMTok: 2,
  outputUsdPerMTok: 8,
  source: "https://example.com/pricing",
  checked: "2025-06-01",
};
const providerFile = {
  provider: "acme",
  displayName: "Acme AI",
  pricingUrl: "https://example.com/pricing",
  models: [
    {
      id: "acme-chat",
      displayName: "Acme Chat",
      aliases: ["acme/acme-chat"],
      tokenizer: "o200k_base",
      contextWindowTokens: 128000,
      maxOutputTokens: 16000,
      reasoning: false,
      prices: [record],
    },
    {
      id: "acme-think",
      displayName: "Acme Think",
      tokenizer: "o200k_base",
      contextWindowTokens: 200000,
      maxOutputTokens: 100000,
      reasoning: true,
      prices: [{ ...record, checked: "2025-07-15", outputUsdPerMTok: 40 }],
    },
  ],
};
const clone = <T>(value: T): T => structuredClone(value);

describe("our format", () => {
  it("a whole table loads as is (defaults applied)", () => {
    const json = { version: "2025.07.15", publishedOn: "2025-07-15", providers: [providerFile] };
    const table = loadPricing(json);
    expect(table.version).toBe("2025.07.15");
    expect(table.providers[0]?.models[1]?.aliases).toEqual([]);
    // 1,000 × $2 + 1,000 × $40 per MTok = $0.042
    expect(
      priceUsage({ inputTokens: 1000, outputTokens: 1000 }, "acme-think", {
        pricing: table,
        at: "2025-03-01",
      }).totalUsd,
    ).toBeCloseTo(0.042, 15);
  });

  it("a single provider file is dated by its latest check", () => {
    const table = loadPricing(providerFile, { fileName: "acme.json" });
    expect(table.publishedOn).toBe("2025-07-15");
    expect(table.version).toBe("2025.07.15");
    const cost = priceUsage({ inputTokens: 10 }, "acme/acme-chat", { pricing: table });
    expect(cost.pricingVersion).toBe("2025.07.15");
    expect(cost.pricedOn).toBe("2025-07-15");
  });

  it("accepts JSON text", () => {
    expect(loadPricing(JSON.stringify(providerFile)).providers[0]?.provider).toBe("acme");
  });

  it("accepts JSON text that starts with a byte-order mark (as Windows editors save it)", () => {
    expect(loadPricing(`\ufeff${JSON.stringify(providerFile)}`).providers[0]?.provider).toBe(
      "acme",
    );
  });

  it("a schema error names the file, the JSON path, the expectation and what was found", () => {
    const bad = clone(providerFile) as { models: { prices: Record<string, unknown>[] }[] };
    const price = bad.models[1]?.prices[0];
    if (price === undefined) throw new Error("fixture");
    price.outputUsdPerMTok = "40";
    const json = { version: "2025.07.15", publishedOn: "2025-07-15", providers: [bad] };
    const error = thrown(() => loadPricing(json, { fileName: "mine.json" }));
    expect(error.code).toBe("INVALID_PRICING");
    expect(error.message).toContain('"mine.json"');
    expect(error.message).toContain("providers[0].models[1].prices[0].outputUsdPerMTok");
    expect(error.message).toContain("expected a price in USD per million tokens");
    expect(error.message).toContain('found "40"');
    expect(error.details).toMatchObject({
      file: "mine.json",
      path: "providers[0].models[1].prices[0].outputUsdPerMTok",
    });
  });

  it("a rule broken across records is named with its path inside a provider file", () => {
    const bad = clone(providerFile);
    const model = bad.models[0];
    if (model === undefined) throw new Error("fixture");
    model.prices = [
      { ...record, effectiveUntil: "2025-06-01" },
      { ...record, effectiveFrom: "2025-05-01" },
    ] as typeof model.prices;
    const error = thrown(() => loadPricing(bad, { fileName: "acme.json" }));
    expect(error.code).toBe("INVALID_PRICING");
    // the path points into the user's file, not into the table built around it
    expect(error.message).toMatch(/models\[0\]\.prices\[1\]\.effectiveFrom: /);
    expect(error.message).not.toContain("providers[0]");
  });

  it("text that is not JSON gives the line and column", () => {
    const text = '{\n  "provider": "acme",\n  "models": [,]\n}';
    const error = thrown(() => loadPricing(text, { fileName: "broken.json" }));
    expect(error.code).toBe("INVALID_PRICING");
    expect(error.message).toContain('"broken.json"');
    expect(error.message).toMatch(/line 3, column \d+/);
  });

  it("something that is no pricing file at all says what is accepted", () => {
    const error = thrown(() => loadPricing({ hello: "world" }, { fileName: "x.json" }));
    expect(error.code).toBe("INVALID_PRICING");
    expect(error.message).toContain("LiteLLM");
  });
});

describe("LiteLLM files", () => {
  const converted = convertLiteLLMPricing(litellmSubset, { checked: "2026-07-24" });
  const model = (id: string) =>
    converted.table.providers.flatMap((p) => p.models).find((m) => m.id === id);

  it("keeps chat models and says why the rest were skipped", () => {
    const ids = converted.table.providers.flatMap((p) => p.models.map((m) => m.id)).sort();
    expect(ids).toEqual([
      "claude-haiku-4-5",
      "claude-sonnet-4-5",
      "deepseek/deepseek-chat",
      "gemini/gemini-2.5-pro",
      "gpt-3.5-turbo",
      "gpt-4o",
      "gpt-5.6",
      "o1",
    ]);
    expect(Object.fromEntries(converted.skipped.map((s) => [s.key, s.reason]))).toEqual({
      "text-embedding-3-small": expect.stringContaining('mode "embedding"'),
      "dall-e-3": expect.stringContaining('mode "image_generation"'),
      "dashscope/qwen-flash": expect.stringContaining("tiered_pricing"),
      "anyscale/codellama/CodeLlama-34b-Instruct-hf": expect.stringContaining("unknown tokenizer"),
    });
  });

  it("converts per-token costs to USD per million tokens, tiers included", () => {
    // gpt-4o: 2.5e-6 → $2.50, 1e-5 → $10, cache 1.25e-6 → $1.25; batch 1.25e-6/5e-6; priority 4.25e-6/1.7e-5/2.125e-6
    expect(model("gpt-4o")).toMatchObject({
      tokenizer: "o200k_base",
      contextWindowTokens: 128000,
      maxOutputTokens: 16384,
      reasoning: false,
      prices: [
        {
          effectiveFrom: "2026-07-24",
          checked: "2026-07-24",
          inputUsdPerMTok: 2.5,
          cachedInputUsdPerMTok: 1.25,
          outputUsdPerMTok: 10,
          serviceTiers: {
            batch: { inputUsdPerMTok: 1.25, outputUsdPerMTok: 5 },
            priority: { inputUsdPerMTok: 4.25, cachedInputUsdPerMTok: 2.125, outputUsdPerMTok: 17 },
          },
          note: expect.stringContaining("LiteLLM keeps no price dates"),
        },
      ],
    });
  });

  it("maps cache writes, long-context tiers and DeepSeek cache hits", () => {
    expect(model("claude-haiku-4-5")?.prices[0]).toMatchObject({
      inputUsdPerMTok: 1,
      cachedInputUsdPerMTok: 0.1,
      cacheWrite5mUsdPerMTok: 1.25,
      cacheWrite1hUsdPerMTok: 2,
      outputUsdPerMTok: 5,
    });
    expect(model("claude-haiku-4-5")?.reasoning).toBe(true);
    expect(model("gemini/gemini-2.5-pro")?.prices[0]?.longContext).toEqual({
      aboveInputTokens: 200000,
      inputUsdPerMTok: 2.5,
      cachedInputUsdPerMTok: 0.25,
      outputUsdPerMTok: 15,
    });
    expect(model("gpt-5.6")?.prices[0]?.longContext).toMatchObject({
      aboveInputTokens: 272000,
      cacheWrite5mUsdPerMTok: 12.5,
    });
    // explicit 0 survives as 0 (free), not as "missing"
    expect(model("deepseek/deepseek-chat")?.prices[0]).toMatchObject({
      cachedInputUsdPerMTok: 0.028,
      cacheWrite5mUsdPerMTok: 0,
    });
    expect(model("deepseek/deepseek-chat")?.prices[0]?.source).toBe(
      "https://api-docs.deepseek.com/quick_start/pricing",
    );
  });

  it("a long-context tier that can never apply is dropped with a warning", () => {
    // LiteLLM lists claude-sonnet-4-5 with max_input_tokens 200,000 and prices above 200k
    expect(model("claude-sonnet-4-5")?.prices[0]?.longContext).toBeUndefined();
    expect(converted.warnings).toContainEqual(
      expect.stringContaining("claude-sonnet-4-5: the standard long-context tier above 200000"),
    );
  });

  it("loadPricing detects LiteLLM and prices with it", () => {
    const table = loadPricing(litellmSubset, {
      checked: "2026-07-24",
      fileName: "model_prices.json",
    });
    const cost = priceUsage({ inputTokens: 1000, outputTokens: 500 }, "gpt-4o", { pricing: table });
    // 1,000 × $2.50 + 500 × $10 per MTok = $0.0075
    expect(cost.totalUsd).toBeCloseTo(0.0075, 15);
    expect(cost.priceEffectiveFrom).toBe("2026-07-24");
    const early = thrown(() =>
      priceUsage({ inputTokens: 1 }, "gpt-4o", { pricing: table, at: "2025-01-01" }),
    );
    expect(early.code).toBe("NO_PRICE_AT_DATE");
  });

  it("needs the checked date", () => {
    const error = thrown(() => loadPricing(litellmSubset, { fileName: "model_prices.json" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("checked");
  });

  it("effectiveFrom dates the prices earlier, knowingly", () => {
    const table = loadPricing(litellmSubset, {
      checked: "2026-07-24",
      effectiveFrom: "2024-01-01",
    });
    expect(
      priceUsage({ inputTokens: 1 }, "gpt-4o", { pricing: table, at: "2025-01-01" })
        .priceEffectiveFrom,
    ).toBe("2024-01-01");
  });

  it("a bad cost names the file and the JSON path", () => {
    const bad = {
      "gpt-4o": {
        mode: "chat",
        litellm_provider: "openai",
        max_input_tokens: 128000,
        input_cost_per_token: "0.0000025",
        output_cost_per_token: 1e-5,
      },
    };
    const error = thrown(() =>
      loadPricing(bad, { format: "litellm", checked: "2026-07-24", fileName: "prices.json" }),
    );
    expect(error.code).toBe("INVALID_PRICING");
    expect(error.message).toContain('"prices.json"');
    expect(error.message).toContain('["gpt-4o"].input_cost_per_token');
    expect(error.message).toContain("expected a cost in USD per token");
  });
});

describe("merging over another table", () => {
  const base: PricingTable = makeTable([
    {
      id: "gpt-4o",
      provider: "openai",
      aliases: ["gpt-4o-2024-08-06"],
      prices: [{ effectiveFrom: "2024-05-13", inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 }],
    },
    {
      id: "gpt-4o-mini",
      provider: "openai",
      prices: [{ effectiveFrom: "2024-07-18", inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 }],
    },
  ]);
  const negotiated = {
    provider: "openai",
    displayName: "OpenAI (negotiated)",
    pricingUrl: "https://example.com/contract",
    models: [
      {
        id: "gpt-4o-2024-08-06",
        displayName: "GPT-4o (contract)",
        tokenizer: "o200k_base",
        contextWindowTokens: 128000,
        maxOutputTokens: 16384,
        reasoning: false,
        prices: [
          {
            ...record,
            effectiveFrom: "2024-01-01",
            inputUsdPerMTok: 2,
            outputUsdPerMTok: 8,
            checked: "2026-11-01",
          },
        ],
      },
    ],
  };

  it("a loaded model replaces every model sharing an id or alias; others stay", () => {
    const merged = loadPricing(negotiated, { mergeOver: base });
    expect(merged.version).toBe("2026.11.27+2026.11.01");
    // "gpt-4o" was the base model's id, its alias "gpt-4o-2024-08-06" is the loaded id: replaced
    expect(() => priceUsage({ inputTokens: 1 }, "gpt-4o", { pricing: merged })).toThrow(
      /Unknown model/,
    );
    expect(
      priceUsage({ inputTokens: 1_000_000 }, "gpt-4o-2024-08-06", { pricing: merged }).totalUsd,
    ).toBe(2);
    expect(
      priceUsage({ inputTokens: 1_000_000 }, "gpt-4o-mini", { pricing: merged }).totalUsd,
    ).toBeCloseTo(0.15, 15);
  });

  it("without mergeOver the loaded table stands alone", () => {
    const alone = loadPricing(negotiated);
    expect(() => priceUsage({ inputTokens: 1 }, "gpt-4o-mini", { pricing: alone })).toThrow(
      /Unknown model/,
    );
  });
});
