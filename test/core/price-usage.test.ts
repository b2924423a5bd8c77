// priceUsage and selectPrice on small fixture tables. Model ids are fixture-* on purpose: the
// numbers are test data (most taken from the LiteLLM reference cases), not claims about real prices.
import { isTokenmeterError, priceUsage, selectPrice, type TokenmeterError } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { makeTable } from "../fixtures/cost/tables.ts";

const table = makeTable([
  {
    id: "fixture-gpt",
    provider: "openai",
    aliases: ["fixture-gpt-2024-10-02", "openai/fixture-gpt"],
    prices: [
      {
        effectiveFrom: "2024-05-13",
        effectiveUntil: "2024-10-02",
        inputUsdPerMTok: 5,
        outputUsdPerMTok: 15,
      },
      {
        effectiveFrom: "2024-10-02",
        inputUsdPerMTok: 2.5,
        cachedInputUsdPerMTok: 1.25,
        outputUsdPerMTok: 10,
        serviceTiers: {
          batch: { multiplier: 0.5 },
          priority: { inputUsdPerMTok: 4.25, cachedInputUsdPerMTok: 2.125, outputUsdPerMTok: 17 },
          flex: { inputUsdPerMTok: 1.25, outputUsdPerMTok: 5 },
        },
      },
    ],
  },
  {
    id: "fixture-claude",
    provider: "anthropic",
    prices: [
      {
        effectiveFrom: "2025-05-22",
        inputUsdPerMTok: 3,
        cachedInputUsdPerMTok: 0.3,
        cacheWrite5mUsdPerMTok: 3.75,
        cacheWrite1hUsdPerMTok: 6,
        outputUsdPerMTok: 15,
        longContext: {
          aboveInputTokens: 200_000,
          inputUsdPerMTok: 6,
          cachedInputUsdPerMTok: 0.6,
          cacheWrite5mUsdPerMTok: 7.5,
          outputUsdPerMTok: 22.5,
        },
        serviceTiers: { batch: { multiplier: 0.5 } },
      },
    ],
  },
  {
    id: "fixture-gemini",
    provider: "google",
    reasoning: true,
    prices: [
      {
        effectiveFrom: "2025-06-17",
        inputUsdPerMTok: 1.25,
        cachedInputUsdPerMTok: 0.125,
        outputUsdPerMTok: 10,
        reasoningUsdPerMTok: 10,
        longContext: { aboveInputTokens: 200_000, inputUsdPerMTok: 2.5, outputUsdPerMTok: 15 },
        serviceTiers: { flex: { inputUsdPerMTok: 0.625, outputUsdPerMTok: 5 } },
      },
    ],
  },
  {
    id: "fixture-bare",
    provider: "mistral",
    prices: [{ effectiveFrom: "2025-01-01", inputUsdPerMTok: 2, outputUsdPerMTok: 6 }],
  },
  {
    id: "fixture-free-cache",
    provider: "deepseek",
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 0.28,
        cachedInputUsdPerMTok: 0,
        cacheWrite5mUsdPerMTok: 0,
        outputUsdPerMTok: 0.42,
      },
    ],
  },
]);
const pricing = { pricing: table };

function thrown(fn: () => unknown): TokenmeterError {
  try {
    fn();
  } catch (error) {
    if (isTokenmeterError(error)) return error;
    throw error;
  }
  throw new Error("expected a TokenmeterError");
}

describe("priceUsage: worked examples", () => {
  it("prices input and output at the current record", () => {
    const cost = priceUsage({ inputTokens: 1_200, outputTokens: 300 }, "fixture-gpt", pricing);
    // 1,200 × $2.50/MTok = $0.003; 300 × $10/MTok = $0.003; total $0.006
    expect(cost.inputUsd).toBeCloseTo(0.003, 15);
    expect(cost.outputUsd).toBeCloseTo(0.003, 15);
    expect(cost.totalUsd).toBeCloseTo(0.006, 15);
    expect(cost).toMatchObject({
      model: "fixture-gpt",
      provider: "openai",
      priceEffectiveFrom: "2024-10-02",
      pricedOn: "2026-11-27",
      pricingVersion: "2026.11.27",
      serviceTier: "standard",
      longContextApplied: false,
      assumptions: [],
      usage: {
        inputTokens: 1200,
        cachedInputTokens: 0,
        cacheWrite5mTokens: 0,
        cacheWrite1hTokens: 0,
        outputTokens: 300,
        reasoningTokens: 0,
      },
    });
  });

  it("prices every kind of Anthropic token", () => {
    const cost = priceUsage(
      {
        inputTokens: 50,
        cachedInputTokens: 8_000,
        cacheWrite5mTokens: 1_200,
        cacheWrite1hTokens: 400,
        outputTokens: 700,
      },
      "fixture-claude",
      pricing,
    );
    // 50 × $3 = 150; 8,000 × $0.30 = 2,400; 1,200 × $3.75 + 400 × $6 = 4,500 + 2,400 = 6,900;
    // 700 × $15 = 10,500 (all µUSD: per MTok ÷ 1e6) → total 19,950 µUSD = $0.01995
    expect(cost.inputUsd).toBeCloseTo(0.00015, 15);
    expect(cost.cachedInputUsd).toBeCloseTo(0.0024, 15);
    expect(cost.cacheWriteUsd).toBeCloseTo(0.0069, 15);
    expect(cost.outputUsd).toBeCloseTo(0.0105, 15);
    expect(cost.totalUsd).toBeCloseTo(0.01995, 15);
    expect(cost.assumptions).toEqual([]);
  });

  it("prices reasoning at its own price when the table has one", () => {
    const cost = priceUsage(
      { inputTokens: 904, cachedInputTokens: 4_096, outputTokens: 250, reasoningTokens: 900 },
      "fixture-gemini",
      pricing,
    );
    // 904 × $1.25 = 1,130; 4,096 × $0.125 = 512; 250 × $10 = 2,500; 900 × $10 = 9,000 (µUSD)
    expect(cost.totalUsd).toBeCloseTo(0.013142, 15);
    expect(cost.reasoningUsd).toBeCloseTo(0.009, 15);
  });

  it("resolves aliases to the canonical id", () => {
    const cost = priceUsage({ inputTokens: 1 }, "OpenAI/Fixture-GPT", pricing);
    expect(cost.model).toBe("fixture-gpt");
    expect(priceUsage({ inputTokens: 1 }, "fixture-gpt-2024-10-02", pricing).model).toBe(
      "fixture-gpt",
    );
  });

  it("zero usage costs zero", () => {
    expect(priceUsage({}, "fixture-claude", pricing).totalUsd).toBe(0);
  });
});

describe("selectPrice: dates", () => {
  it.each([
    ["2024-05-13", "2024-05-13", 5], // first day of the first record (inclusive)
    ["2024-10-01", "2024-05-13", 5], // last day before the change
    ["2024-10-02", "2024-10-02", 2.5], // effectiveUntil is exclusive: the new record starts
    ["2024-10-02T03:00:00+05:00", "2024-05-13", 5], // 2024-10-01T22:00Z
    ["2024-10-01T23:30:00-05:00", "2024-10-02", 2.5], // 2024-10-02T04:30Z
    ["2026-01-01", "2024-10-02", 2.5],
  ])("at %s → record from %s ($%s/MTok input)", (at, effectiveFrom, inputUsdPerMTok) => {
    const selected = selectPrice("fixture-gpt", { at, pricing: table });
    expect(selected.record.effectiveFrom).toBe(effectiveFrom);
    expect(selected.prices.inputUsdPerMTok).toBe(inputUsdPerMTok);
  });

  it("accepts a Date and defaults to the table's publishedOn (never the clock)", () => {
    expect(
      selectPrice("fixture-gpt", { at: new Date(Date.UTC(2024, 6, 1)), pricing: table }).record
        .effectiveFrom,
    ).toBe("2024-05-13");
    expect(selectPrice("fixture-gpt", { pricing: table }).pricedOn).toBe("2026-11-27");
  });

  it("a date before the first record raises NO_PRICE_AT_DATE naming the first priced date", () => {
    const error = thrown(() =>
      priceUsage({ inputTokens: 10 }, "fixture-gpt", { at: "2023-03-01", pricing: table }),
    );
    expect(error.code).toBe("NO_PRICE_AT_DATE");
    expect(error.message).toContain("2023-03-01");
    expect(error.message).toContain("2024-05-13");
    expect(error.details).toMatchObject({ model: "fixture-gpt", firstPricedOn: "2024-05-13" });
  });

  it("a date after a closed last record, or in a gap, raises NO_PRICE_AT_DATE", () => {
    const gappy = makeTable([
      {
        id: "fixture-gap",
        prices: [
          {
            effectiveFrom: "2024-01-01",
            effectiveUntil: "2024-02-01",
            inputUsdPerMTok: 1,
            outputUsdPerMTok: 2,
          },
          {
            effectiveFrom: "2024-03-01",
            effectiveUntil: "2024-04-01",
            inputUsdPerMTok: 1,
            outputUsdPerMTok: 2,
          },
        ],
      },
    ]);
    const gap = thrown(() => selectPrice("fixture-gap", { at: "2024-02-15", pricing: gappy }));
    expect(gap.code).toBe("NO_PRICE_AT_DATE");
    expect(gap.message).toContain("gap");
    const after = thrown(() => selectPrice("fixture-gap", { at: "2024-04-01", pricing: gappy }));
    expect(after.message).toContain("ended on 2024-04-01");
  });

  it("an unreadable date raises INVALID_INPUT", () => {
    expect(
      thrown(() => selectPrice("fixture-gpt", { at: "last tuesday", pricing: table })).code,
    ).toBe("INVALID_INPUT");
    expect(
      thrown(() => selectPrice("fixture-gpt", { at: new Date(Number.NaN), pricing: table })).code,
    ).toBe("INVALID_INPUT");
  });

  it("an unknown model raises UNKNOWN_MODEL with suggestions, never $0", () => {
    const error = thrown(() => priceUsage({ inputTokens: 10 }, "fixture-gtp", pricing));
    expect(error.code).toBe("UNKNOWN_MODEL");
    expect(error.message).toContain("fixture-gpt");
  });
});

describe("service tiers", () => {
  const usage = { inputTokens: 10_000, cachedInputTokens: 2_000, outputTokens: 1_000 };

  it("a multiplier scales every price", () => {
    const cost = priceUsage(usage, "fixture-gpt", { pricing: table, serviceTier: "batch" });
    // (10,000 × 2.50 + 2,000 × 1.25 + 1,000 × 10) × 0.5 / 1e6 = (25,000 + 2,500 + 10,000) / 2 µUSD
    expect(cost.totalUsd).toBeCloseTo(0.01875, 15);
    expect(cost.serviceTier).toBe("batch");
    expect(cost.assumptions).toEqual([]);
  });

  it("explicit tier prices are used as given", () => {
    const cost = priceUsage(usage, "fixture-gpt", { pricing: table, serviceTier: "priority" });
    // 10,000 × 4.25 + 2,000 × 2.125 + 1,000 × 17 = 42,500 + 4,250 + 17,000 µUSD
    expect(cost.totalUsd).toBeCloseTo(0.06375, 15);
  });

  it("a price the tier lacks is derived from the standard one by the tier's ratio, and said", () => {
    const cost = priceUsage(usage, "fixture-gpt", { pricing: table, serviceTier: "flex" });
    // flex input 1.25 = 0.5 × 2.50, so cache reads: 1.25 × 0.5 = $0.625/MTok
    expect(cost.ratesUsdPerMTok.cachedInput).toBeCloseTo(0.625, 15);
    // 10,000 × 1.25 + 2,000 × 0.625 + 1,000 × 5 = 12,500 + 1,250 + 5,000 µUSD
    expect(cost.totalUsd).toBeCloseTo(0.01875, 15);
    expect(cost.assumptions).toEqual([
      expect.stringMatching(/flex tier of fixture-gpt has no cache-read price.*× 0\.5/),
    ]);
  });

  it("an unknown tier raises NO_SERVICE_TIER listing those offered", () => {
    const error = thrown(() =>
      priceUsage(usage, "fixture-bare", { pricing: table, serviceTier: "batch" }),
    );
    expect(error.code).toBe("NO_SERVICE_TIER");
    expect(error.message).toContain("Tiers offered: standard.");
    expect(error.details).toMatchObject({ offered: ["standard"] });
  });

  it("a multiplier tier scales the long-context prices too", () => {
    const cost = priceUsage({ inputTokens: 300_000, outputTokens: 1_000 }, "fixture-claude", {
      pricing: table,
      serviceTier: "batch",
    });
    // above 200k: (300,000 × 6 + 1,000 × 22.5) × 0.5 / 1e6 = (1,800,000 + 22,500) / 2 µUSD
    expect(cost.longContextApplied).toBe(true);
    expect(cost.totalUsd).toBeCloseTo(0.91125, 12);
  });

  it("an explicit tier without long-context prices keeps the standard premium, and says so", () => {
    const cost = priceUsage({ inputTokens: 250_000, outputTokens: 1_000 }, "fixture-gemini", {
      pricing: table,
      serviceTier: "flex",
    });
    // flex 0.625 × (2.5 / 1.25) = 1.25 input; 5 × (15 / 10) = 7.5 output
    // 250,000 × 1.25 + 1,000 × 7.5 = 312,500 + 7,500 µUSD
    expect(cost.totalUsd).toBeCloseTo(0.32, 12);
    expect(cost.assumptions).toEqual([expect.stringContaining("has no long-context prices")]);
  });
});

describe("long context: the whole request above the threshold", () => {
  it("exactly at the threshold is base price", () => {
    const cost = priceUsage({ inputTokens: 200_000, outputTokens: 100 }, "fixture-claude", pricing);
    // 200,000 × 3 + 100 × 15 = 600,000 + 1,500 µUSD
    expect(cost.longContextApplied).toBe(false);
    expect(cost.totalUsd).toBeCloseTo(0.6015, 12);
  });

  it("cache reads and writes count toward the threshold, and every token moves to the tier", () => {
    const cost = priceUsage(
      {
        inputTokens: 1_000,
        cachedInputTokens: 190_000,
        cacheWrite5mTokens: 9_001,
        outputTokens: 2_000,
      },
      "fixture-claude",
      pricing,
    );
    // whole input 1,000 + 190,000 + 9,001 = 200,001 > 200,000
    // 1,000 × 6 + 190,000 × 0.6 + 9,001 × 7.5 + 2,000 × 22.5 = 6,000 + 114,000 + 67,507.5 + 45,000 µUSD
    expect(cost.longContextApplied).toBe(true);
    expect(cost.totalUsd).toBeCloseTo(0.2325075, 12);
    expect(cost.assumptions).toEqual([]);
  });

  it("a kind the tier lacks is the standard price × the tier premium, stated", () => {
    const cost = priceUsage(
      { inputTokens: 10_000, cacheWrite1hTokens: 200_000 },
      "fixture-claude",
      pricing,
    );
    // 1-hour writes: 6 × (6 / 3) = $12/MTok; 10,000 × 6 + 200,000 × 12 = 60,000 + 2,400,000 µUSD
    expect(cost.ratesUsdPerMTok.cacheWrite1h).toBe(12);
    expect(cost.totalUsd).toBeCloseTo(2.46, 12);
    expect(cost.assumptions).toEqual([
      expect.stringContaining("1-hour cache-write price in its long-context tier"),
    ]);
  });

  it("reasoning counts as output in the tier: no price of its own → the tier's output price × premium", () => {
    const cost = priceUsage(
      { inputTokens: 250_000, reasoningTokens: 1_000 },
      "fixture-gemini",
      pricing,
    );
    // the tier has no reasoning price; standard reasoning 10 × (15 / 10) = 15
    expect(cost.ratesUsdPerMTok.reasoning).toBe(15);
  });
});

describe("missing prices are stated fallbacks; explicit zeros are free", () => {
  it("explicit $0 cache prices cost $0 with nothing to say", () => {
    const cost = priceUsage(
      { cachedInputTokens: 1_000_000, cacheWrite5mTokens: 5 },
      "fixture-free-cache",
      pricing,
    );
    expect(cost.totalUsd).toBe(0);
    expect(cost.assumptions).toEqual([]);
  });

  it("missing cache prices fall back, each with its reason, only when those tokens occur", () => {
    expect(
      priceUsage({ inputTokens: 100, outputTokens: 100 }, "fixture-bare", pricing).assumptions,
    ).toEqual([]);
    const cost = priceUsage(
      { cachedInputTokens: 1_000, cacheWrite5mTokens: 1_000, cacheWrite1hTokens: 1_000 },
      "fixture-bare",
      pricing,
    );
    // reads at input $2; 5-minute writes 1.25 × $2 = $2.50; 1-hour writes 2 × $2 = $4 (per MTok)
    expect(cost.ratesUsdPerMTok).toMatchObject({
      cachedInput: 2,
      cacheWrite5m: 2.5,
      cacheWrite1h: 4,
    });
    expect(cost.totalUsd).toBeCloseTo((1_000 * (2 + 2.5 + 4)) / 1e6, 15);
    expect(cost.assumptions).toHaveLength(3);
    expect(cost.assumptions.join(" ")).toMatch(
      /cache-read.*input price.*1\.25 × the input price.*2 × the input price/,
    );
  });

  it("reasoning without its own price is billed at the output price, not an assumption", () => {
    const cost = priceUsage({ reasoningTokens: 1_000 }, "fixture-bare", pricing);
    expect(cost.reasoningUsd).toBeCloseTo(0.006, 15);
    expect(cost.assumptions).toEqual([]);
  });
});

describe("bad usage raises INVALID_USAGE naming the field", () => {
  it.each([
    [{ inputTokens: -1 }, "usage.inputTokens", "-1"],
    [{ outputTokens: 1.5 }, "usage.outputTokens", "1.5"],
    [{ cachedInputTokens: Number.NaN }, "usage.cachedInputTokens", "NaN"],
    [{ reasoningTokens: Number.POSITIVE_INFINITY }, "usage.reasoningTokens", "Infinity"],
    [{ cacheWrite1hTokens: "12" }, "usage.cacheWrite1hTokens", "a string"],
    [{ cacheWrite5mTokens: 2 ** 60 }, "usage.cacheWrite5mTokens", String(2 ** 60)],
  ])("%o", (usage, field, shown) => {
    const error = thrown(() => priceUsage(usage as never, "fixture-gpt", pricing));
    expect(error.code).toBe("INVALID_USAGE");
    expect(error.message).toContain(field);
    expect(error.message).toContain(shown);
    expect(error.details).toMatchObject({ field });
  });

  it("a provider usage object passed as is points to the normalizer instead of pricing $0", () => {
    const error = thrown(() => priceUsage({ prompt_tokens: 10 } as never, "fixture-gpt", pricing));
    expect(error.code).toBe("INVALID_USAGE");
    expect(error.message).toContain("usageFromOpenAI");
  });

  it("a string usage never has its text echoed", () => {
    const error = thrown(() => priceUsage("my secret prompt" as never, "fixture-gpt", pricing));
    expect(error.code).toBe("INVALID_USAGE");
    expect(error.message).not.toContain("secret");
  });
});
