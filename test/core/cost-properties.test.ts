// Properties of the cost engine, checked with fast-check on fixture tables whose prices follow the
// providers' shape (cached ≤ input ≤ write premium; long-context prices ≥ base prices).
import {
  type CachingAssumption,
  type ConversationOptions,
  priceUsage,
  replayConversation,
  type ServiceTier,
  type UsageInput,
} from "@tokenmeter/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeTable } from "../fixtures/cost/tables.ts";

const table = makeTable([
  {
    id: "p-openai",
    provider: "openai",
    contextWindowTokens: 128_000,
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 2.5,
        cachedInputUsdPerMTok: 1.25,
        outputUsdPerMTok: 10,
        serviceTiers: {
          batch: { multiplier: 0.5 },
          priority: { inputUsdPerMTok: 4.25, cachedInputUsdPerMTok: 2.125, outputUsdPerMTok: 17 },
        },
      },
    ],
  },
  {
    id: "p-openai-reasoning",
    provider: "openai",
    reasoning: true,
    contextWindowTokens: 400_000,
    maxInputTokens: 272_000,
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 1.25,
        cachedInputUsdPerMTok: 0.125,
        outputUsdPerMTok: 10,
        longContext: {
          aboveInputTokens: 100_000,
          inputUsdPerMTok: 2.5,
          cachedInputUsdPerMTok: 0.25,
          outputUsdPerMTok: 15,
        },
        serviceTiers: { flex: { inputUsdPerMTok: 0.625, outputUsdPerMTok: 5 } },
      },
    ],
  },
  {
    id: "p-anthropic",
    provider: "anthropic",
    reasoning: true,
    contextWindowTokens: 200_000,
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 3,
        cachedInputUsdPerMTok: 0.3,
        cacheWrite5mUsdPerMTok: 3.75,
        cacheWrite1hUsdPerMTok: 6,
        outputUsdPerMTok: 15,
        longContext: {
          aboveInputTokens: 150_000,
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
    id: "p-bare",
    provider: "mistral",
    contextWindowTokens: 32_000,
    prices: [{ effectiveFrom: "2025-01-01", inputUsdPerMTok: 2, outputUsdPerMTok: 6 }],
  },
]);
const MODELS = ["p-openai", "p-openai-reasoning", "p-anthropic", "p-bare"] as const;
const TIERS: Record<(typeof MODELS)[number], ServiceTier[]> = {
  "p-openai": ["standard", "batch", "priority"],
  "p-openai-reasoning": ["standard", "flex"],
  "p-anthropic": ["standard", "batch"],
  "p-bare": ["standard"],
};
const FIELDS = [
  "inputTokens",
  "cachedInputTokens",
  "cacheWrite5mTokens",
  "cacheWrite1hTokens",
  "outputTokens",
  "reasoningTokens",
] as const;

const tokens = fc.integer({ min: 0, max: 400_000 });
const usageArb = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f, tokens])) as Record<
    (typeof FIELDS)[number],
    fc.Arbitrary<number>
  >,
);
const modelAndTier = fc
  .constantFrom(...MODELS)
  .chain((model) =>
    fc.record({ model: fc.constant(model), tier: fc.constantFrom(...TIERS[model]) }),
  );

describe("priceUsage properties", () => {
  it("costs are finite and never negative", () => {
    fc.assert(
      fc.property(usageArb, modelAndTier, (usage, { model, tier }) => {
        const cost = priceUsage(usage, model, { pricing: table, serviceTier: tier });
        for (const value of [
          cost.inputUsd,
          cost.cachedInputUsd,
          cost.cacheWriteUsd,
          cost.outputUsd,
          cost.reasoningUsd,
          cost.totalUsd,
        ]) {
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("zero usage costs zero, on every model and tier", () => {
    fc.assert(
      fc.property(modelAndTier, ({ model, tier }) => {
        expect(priceUsage({}, model, { pricing: table, serviceTier: tier }).totalUsd).toBe(0);
      }),
    );
  });

  it("more tokens of any kind never cost less (long-context crossings included)", () => {
    fc.assert(
      fc.property(
        usageArb,
        modelAndTier,
        fc.constantFrom(...FIELDS),
        fc.integer({ min: 1, max: 300_000 }),
        (usage, { model, tier }, field, extra) => {
          const before = priceUsage(usage, model, { pricing: table, serviceTier: tier }).totalUsd;
          const more: UsageInput = { ...usage, [field]: usage[field] + extra };
          const after = priceUsage(more, model, { pricing: table, serviceTier: tier }).totalUsd;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it("the total is the sum of the components", () => {
    fc.assert(
      fc.property(usageArb, modelAndTier, (usage, { model, tier }) => {
        const c = priceUsage(usage, model, { pricing: table, serviceTier: tier });
        expect(c.totalUsd).toBeCloseTo(
          c.inputUsd + c.cachedInputUsd + c.cacheWriteUsd + c.outputUsd + c.reasoningUsd,
          12,
        );
      }),
    );
  });
});

/** A random conversation: up to 40 turns, messages up to 3,000 tokens. */
const conversationArb = fc
  .record({
    systemTokens: fc.integer({ min: 0, max: 5_000 }),
    turns: fc.array(
      fc.record({
        user: fc.integer({ min: 0, max: 3_000 }),
        reply: fc.integer({ min: 0, max: 3_000 }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .map(({ systemTokens, turns }) => ({
    systemTokens,
    userTokens: turns.map((t) => t.user),
    replyTokens: [turns.map((t) => t.reply)],
  }));
const cachingArb: fc.Arbitrary<ConversationOptions> = fc.oneof(
  fc.constant<ConversationOptions>({ caching: "provider-default" }),
  fc.constant<ConversationOptions>({ caching: "provider-default", cacheWrites: "5m" }),
  fc.constant<ConversationOptions>({ caching: "provider-default", cacheWrites: "1h" }),
  fc.constant<ConversationOptions>({ caching: "none" }),
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((hitRate): ConversationOptions => ({ caching: { hitRate } })),
);

describe("conversation properties", () => {
  it("a conversation never costs less than its messages priced alone", () => {
    fc.assert(
      fc.property(
        conversationArb,
        fc.constantFrom(...MODELS),
        cachingArb,
        (conversation, model, caching) => {
          const cost = replayConversation(conversation, model, {
            pricing: table,
            ...caching,
            perTurn: false,
          });
          // every user message sent once as fresh input, every reply produced once, nothing else
          let aloneUsd = priceUsage({ inputTokens: conversation.systemTokens }, model, {
            pricing: table,
          }).totalUsd;
          conversation.userTokens.forEach((user, k) => {
            aloneUsd += priceUsage(
              { inputTokens: user, outputTokens: conversation.replyTokens[0]?.[k] ?? 0 },
              model,
              { pricing: table },
            ).totalUsd;
          });
          expect(cost.totalUsd).toBeGreaterThanOrEqual(aloneUsd * (1 - 1e-12));
        },
      ),
    );
  });

  it("caching never raises an OpenAI bill", () => {
    fc.assert(
      fc.property(
        conversationArb,
        fc.constantFrom("p-openai", "p-openai-reasoning"),
        fc.oneof(
          fc.constant<CachingAssumption>("provider-default"),
          fc
            .double({ min: 0, max: 1, noNaN: true })
            .map((hitRate): CachingAssumption => ({ hitRate })),
        ),
        (conversation, model, caching) => {
          const cached = replayConversation(conversation, model, {
            pricing: table,
            caching,
            perTurn: false,
          });
          const uncached = replayConversation(conversation, model, {
            pricing: table,
            caching: "none",
            perTurn: false,
          });
          expect(cached.totalUsd).toBeLessThanOrEqual(uncached.totalUsd * (1 + 1e-12));
        },
      ),
    );
  });

  it("each call's prompt never exceeds the context window after truncation, unless flagged", () => {
    fc.assert(
      fc.property(conversationArb, fc.constantFrom(...MODELS), (conversation, model) => {
        const cost = replayConversation(conversation, model, { pricing: table });
        const limit = table.providers.flatMap((p) => p.models).find((m) => m.id === model);
        for (const turn of cost.models[0]?.turns ?? []) {
          const u = turn.usage;
          const prompt =
            u.inputTokens + u.cachedInputTokens + u.cacheWrite5mTokens + u.cacheWrite1hTokens;
          if (!turn.exceedsContextWindow) {
            expect(prompt + u.outputTokens + u.reasoningTokens).toBeLessThanOrEqual(
              limit?.contextWindowTokens ?? 0,
            );
            expect(prompt).toBeLessThanOrEqual(
              limit?.maxInputTokens ?? limit?.contextWindowTokens ?? 0,
            );
          }
        }
      }),
    );
  });

  it("costs are finite and never negative, rooms included", () => {
    fc.assert(
      fc.property(conversationArb, cachingArb, (conversation, caching) => {
        const room = {
          ...conversation,
          replyTokens: [conversation.replyTokens[0] ?? [], conversation.replyTokens[0] ?? []],
        };
        const cost = replayConversation(room, ["p-openai", "p-anthropic"], {
          pricing: table,
          ...caching,
          reasoning: "high",
        });
        for (const m of cost.models) {
          expect(Number.isFinite(m.totalUsd)).toBe(true);
          expect(m.totalUsd).toBeGreaterThanOrEqual(0);
          for (const t of m.turns ?? [])
            expect(Object.values(t.usage).every((n) => n >= 0)).toBe(true);
        }
      }),
    );
  });
});
