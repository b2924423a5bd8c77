import {
  defaultPricingTable,
  findModel,
  isTokenmeterError,
  listModels,
  type PricingTable,
  TokenmeterError,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

/** A small private table, as a user would bring for negotiated prices. */
const privateTable: PricingTable = {
  version: "2026.11.27.1",
  publishedOn: "2026-11-27",
  providers: [
    {
      provider: "acme",
      displayName: "Acme AI",
      pricingUrl: "https://acme.example/pricing",
      models: [
        {
          id: "acme-large",
          displayName: "Acme Large",
          aliases: ["acme-large-2025-01-01", "gpt-4o"],
          tokenizer: "o200k_base",
          contextWindowTokens: 64000,
          maxOutputTokens: 4096,
          reasoning: false,
          prices: [
            {
              effectiveFrom: "2025-01-01",
              effectiveUntil: "2025-07-01",
              inputUsdPerMTok: 1,
              outputUsdPerMTok: 2,
              source: "https://acme.example/pricing",
              checked: "2025-01-01",
            },
          ],
        },
      ],
    },
  ],
};

describe("findModel", () => {
  it.each([
    // canonical ids
    ["gpt-4o", "gpt-4o", "openai"],
    ["claude-sonnet-4-5", "claude-sonnet-4-5", "anthropic"],
    ["gemini-2.5-pro", "gemini-2.5-pro", "google"],
    // dated snapshots and -latest pointers
    ["gpt-4o-2024-11-20", "gpt-4o", "openai"],
    ["gpt-4o-mini-2024-07-18", "gpt-4o-mini", "openai"],
    ["claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "anthropic"],
    ["claude-3-5-sonnet-latest", "claude-3-5-sonnet-20241022", "anthropic"],
    ["grok-4-latest", "grok-4-0709", "xai"],
    ["mistral-large-latest", "mistral-large-2512", "mistral"],
    // dotted Claude names people write
    ["claude-3.5-sonnet", "claude-3-5-sonnet-20241022", "anthropic"],
    ["claude-3.7-sonnet", "claude-3-7-sonnet-20250219", "anthropic"],
    ["claude-opus-4.1", "claude-opus-4-1", "anthropic"],
    // provider prefixes
    ["openai/gpt-4o", "gpt-4o", "openai"],
    ["openai/gpt-4o-2024-08-06", "gpt-4o-2024-08-06", "openai"],
    ["anthropic/claude-3-5-haiku-20241022", "claude-3-5-haiku-20241022", "anthropic"],
    ["models/gemini-2.5-pro", "gemini-2.5-pro", "google"],
    ["gemini/gemini-2.5-flash", "gemini-2.5-flash", "google"],
    ["google/gemini-2.0-flash", "gemini-2.0-flash", "google"],
    ["xai/grok-3", "grok-3", "xai"],
    ["x-ai/grok-4", "grok-4-0709", "xai"],
    ["deepseek/deepseek-chat", "deepseek-chat", "deepseek"],
    ["mistral/mistral-small-latest", "mistral-small-2506", "mistral"],
    ["mistralai/codestral-latest", "codestral-2508", "mistral"],
    // prefixes not listed as aliases are stripped when they fit the provider
    ["openai/o3-2025-04-16", "o3", "openai"],
    ["models/gemini-2.5-pro-preview-06-05", "gemini-2.5-pro", "google"],
    ["openrouter/anthropic/claude-sonnet-4-5", "claude-sonnet-4-5", "anthropic"],
    // case and whitespace
    ["GPT-4o", "gpt-4o", "openai"],
    ["  Claude-3.5-Sonnet \n", "claude-3-5-sonnet-20241022", "anthropic"],
    ["OpenAI/GPT-4O-MINI", "gpt-4o-mini", "openai"],
  ])("resolves %j to %s (%s)", (input, id, provider) => {
    const info = findModel(input);
    expect(info.id).toBe(id);
    expect(info.provider).toBe(provider);
  });

  it("returns the model entry with its provider's names", () => {
    const info = findModel("claude-sonnet-4-5");
    expect(info.providerDisplayName).toBe("Anthropic");
    expect(info.tokenizer).toBe("claude");
    const entry = defaultPricingTable.providers
      .find((p) => p.provider === "anthropic")
      ?.models.find((m) => m.id === "claude-sonnet-4-5");
    expect(info.prices).toEqual(entry?.prices);
    expect(info.aliases).toEqual(entry?.aliases);
  });

  it("returns the same object for every spelling (one index per table)", () => {
    expect(findModel("openai/gpt-4o")).toBe(findModel("GPT-4O"));
  });

  it("does not strip a prefix that names another provider", () => {
    expect(() => findModel("anthropic/gpt-4o")).toThrow(TokenmeterError);
    expect(() => findModel("models/gpt-4o")).toThrow(TokenmeterError);
  });

  it("raises UNKNOWN_MODEL with up to three close ids", () => {
    const error = (() => {
      try {
        findModel("gpt4o-mini");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isTokenmeterError(error, "UNKNOWN_MODEL")).toBe(true);
    const details = (error as TokenmeterError).details as { suggestions: string[]; model: string };
    expect(details.model).toBe("gpt4o-mini");
    expect(details.suggestions[0]).toBe("gpt-4o-mini");
    expect(details.suggestions.length).toBeLessThanOrEqual(3);
    expect((error as Error).message).toContain('Did you mean "gpt-4o-mini"');
    expect((error as Error).message).toContain("2026.11.27");
  });

  it.each([
    ["claude-sonet-4-5", "claude-sonnet-4-5"],
    ["gemini-2.5-prro", "gemini-2.5-pro"],
    ["openai/gpt-4.1-mimi", "gpt-4.1-mini"],
    ["o3-mni", "o3-mini"],
  ])("suggests %s → %s", (typo, expected) => {
    try {
      findModel(typo);
      expect.unreachable();
    } catch (error) {
      expect((error as TokenmeterError).code).toBe("UNKNOWN_MODEL");
      expect((error as TokenmeterError).details.suggestions).toContain(expected);
    }
  });

  it("gives no suggestions for something unlike any model, and never prices it", () => {
    try {
      findModel("totally-unrelated-thing-9000");
      expect.unreachable();
    } catch (error) {
      expect((error as TokenmeterError).details.suggestions).toEqual([]);
      expect((error as Error).message).toMatch(/never priced/);
    }
  });

  it("keeps odd input short and printable in the error", () => {
    const weird = `x\u0000${"y".repeat(500)}<|endoftext|>`;
    try {
      findModel(weird);
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain("\u0000");
      expect(message.length).toBeLessThan(400);
    }
  });

  it("searches a table passed in opts.pricing, separately from the default", () => {
    expect(findModel("gpt-4o", { pricing: privateTable }).id).toBe("acme-large");
    expect(findModel("gpt-4o").id).toBe("gpt-4o");
    expect(findModel("acme/acme-large-2025-01-01", { pricing: privateTable }).provider).toBe(
      "acme",
    );
    expect(() => findModel("claude-sonnet-4-5", { pricing: privateTable })).toThrow(
      /2026\.11\.27\.1/,
    );
  });
});

describe("listModels", () => {
  it("lists every model in table order", () => {
    const all = listModels();
    const count = defaultPricingTable.providers.reduce((n, p) => n + p.models.length, 0);
    expect(all).toHaveLength(count);
    expect(all[0]?.provider).toBe("openai");
    expect(all.at(-1)?.provider).toBe("mistral");
  });

  it("filters by provider (case-insensitive)", () => {
    const anthropic = listModels({ provider: "Anthropic" });
    expect(anthropic.length).toBeGreaterThan(10);
    expect(anthropic.every((m) => m.provider === "anthropic")).toBe(true);
  });

  it("rejects an unknown provider with the known ones", () => {
    expect(() => listModels({ provider: "openia" })).toThrow(/Known providers: openai, anthropic/);
  });

  it("with `at`, lists only models priced on that date", () => {
    const early = listModels({ provider: "openai", at: "2023-06-01" }).map((m) => m.id);
    // Only GPT-4 (launched 2023-03-14) had a documented price on 2023-06-01.
    expect(early).toEqual(["gpt-4", "gpt-4-32k"]);
    const ids = listModels({ at: "2024-07-01" }).map((m) => m.id);
    expect(ids).toContain("gpt-4o");
    expect(ids).toContain("claude-3-5-sonnet-20240620");
    expect(ids).not.toContain("gpt-4o-mini"); // released 2024-07-18
    expect(ids).not.toContain("o3");
  });

  it("treats `at` as a UTC calendar date, from strings or Dates", () => {
    const ids = (at: string | Date) => listModels({ provider: "openai", at }).map((m) => m.id);
    expect(ids("2024-07-18")).toContain("gpt-4o-mini");
    expect(ids("2024-07-17T23:59:59Z")).not.toContain("gpt-4o-mini");
    expect(ids("2024-07-18T01:00:00+02:00")).not.toContain("gpt-4o-mini"); // 2024-07-17 23:00 UTC
    expect(ids(new Date(Date.UTC(2024, 6, 18, 12)))).toContain("gpt-4o-mini");
    // A record's effectiveUntil is exclusive: deepseek-v4-pro has no price on 2026-08-16.
    expect(listModels({ provider: "deepseek", at: "2026-08-15" }).map((m) => m.id)).toContain(
      "deepseek-v4-pro",
    );
    expect(listModels({ provider: "deepseek", at: "2026-08-16" })).toEqual([]);
  });

  it.each(["2024-02-30", "yesterday", "07/18/2024", ""])("rejects the unreadable date %j", (at) => {
    expect(() => listModels({ at })).toThrow(/Cannot read the date/);
  });

  it("returns a fresh array that callers may sort without touching the index", () => {
    const first = listModels({ provider: "xai" });
    first.reverse();
    expect(listModels({ provider: "xai" })[0]?.id).toBe("grok-2-1212");
  });

  it("lists a private table's models", () => {
    expect(listModels({ pricing: privateTable }).map((m) => m.id)).toEqual(["acme-large"]);
    expect(listModels({ pricing: privateTable, at: "2025-07-01" })).toEqual([]);
  });
});
