// Conversation costs. Worked examples use fixture models with round prices and the arithmetic in
// comments; the OpenAI cross-check compares each call's prompt with countChatTokens (the tokens
// module's Cookbook-confirmed count) on the bundled table.
import {
  type ChatOverhead,
  countChatTokens,
  estimateConversation,
  getTokenizer,
  isTokenmeterError,
  replayConversation,
  type TokenmeterError,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { makeTable } from "../fixtures/cost/tables.ts";

/** OpenAI's format: 3 tokens per message + 1 for the role, 3 to prime each reply. */
const OPENAI: ChatOverhead = { messageTokens: 4, replyPrimingTokens: 3, description: "test" };

const table = makeTable([
  {
    id: "fixture-gpt",
    provider: "openai",
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 2.5,
        cachedInputUsdPerMTok: 1.25,
        outputUsdPerMTok: 10,
      },
    ],
  },
  {
    id: "fixture-old-gpt",
    provider: "openai",
    tokenizer: "cl100k_base",
    prices: [{ effectiveFrom: "2025-01-01", inputUsdPerMTok: 30, outputUsdPerMTok: 60 }],
  },
  {
    id: "fixture-o",
    provider: "openai",
    reasoning: true,
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 2,
        cachedInputUsdPerMTok: 0.5,
        outputUsdPerMTok: 8,
      },
    ],
  },
  {
    id: "fixture-claude",
    provider: "anthropic",
    tokenizer: "claude",
    reasoning: true,
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 3,
        cachedInputUsdPerMTok: 0.3,
        cacheWrite5mUsdPerMTok: 3.75,
        cacheWrite1hUsdPerMTok: 6,
        outputUsdPerMTok: 15,
      },
    ],
  },
  {
    id: "gemini-2.5-fixture",
    provider: "google",
    tokenizer: "gemini",
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 1.25,
        cachedInputUsdPerMTok: 0.125,
        outputUsdPerMTok: 10,
      },
    ],
  },
  {
    id: "fixture-small",
    provider: "openai",
    contextWindowTokens: 1_000,
    maxOutputTokens: 500,
    prices: [{ effectiveFrom: "2025-01-01", inputUsdPerMTok: 1, outputUsdPerMTok: 1 }],
  },
  {
    id: "fixture-small-cache",
    provider: "openai",
    contextWindowTokens: 5_000,
    maxOutputTokens: 2_000,
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 1,
        cachedInputUsdPerMTok: 0.1,
        outputUsdPerMTok: 1,
      },
    ],
  },
  {
    id: "fixture-small-claude",
    provider: "anthropic",
    contextWindowTokens: 5_000,
    maxOutputTokens: 2_000,
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 1,
        cachedInputUsdPerMTok: 0.1,
        cacheWrite5mUsdPerMTok: 1.25,
        outputUsdPerMTok: 1,
      },
    ],
  },
  {
    id: "fixture-long",
    provider: "openai",
    prices: [
      {
        effectiveFrom: "2025-01-01",
        inputUsdPerMTok: 1,
        outputUsdPerMTok: 2,
        longContext: { aboveInputTokens: 500, inputUsdPerMTok: 2, outputUsdPerMTok: 3 },
      },
    ],
  },
]);

function thrown(fn: () => unknown): TokenmeterError {
  try {
    fn();
  } catch (error) {
    if (isTokenmeterError(error)) return error;
    throw error;
  }
  throw new Error("expected a TokenmeterError");
}
async function rejected(promise: Promise<unknown>): Promise<TokenmeterError> {
  try {
    await promise;
  } catch (error) {
    if (isTokenmeterError(error)) return error;
    throw error;
  }
  throw new Error("expected a TokenmeterError");
}
const promptOf = (usage: {
  inputTokens: number;
  cachedInputTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
}) =>
  usage.inputTokens + usage.cachedInputTokens + usage.cacheWrite5mTokens + usage.cacheWrite1hTokens;

describe("history is re-sent every turn", () => {
  const conversation = {
    systemTokens: 100,
    userTokens: [50, 30, 20],
    replyTokens: [[200, 100, 80]],
  };

  it("worked example without caching", () => {
    const cost = replayConversation(conversation, "fixture-gpt", {
      pricing: table,
      caching: "none",
      overheads: [OPENAI],
    });
    const model = cost.models[0];
    // system block 100 + 4 = 104; exchange 0 = (50 + 4) + (200 + 4) = 258; exchange 1 = 34 + 104 = 138
    // call 0: 104 + 54 + 3 = 161; call 1: 104 + 258 + 34 + 3 = 399; call 2: 104 + 258 + 138 + 24 + 3 = 527
    expect(model?.turns?.map((t) => promptOf(t.usage))).toEqual([161, 399, 527]);
    // input 1,087 × $2.50 + output 380 × $10 per MTok = 2,717.5 + 3,800 µUSD
    expect(model?.usage).toMatchObject({
      inputTokens: 1087,
      outputTokens: 380,
      cachedInputTokens: 0,
    });
    expect(cost.totalUsd).toBeCloseTo(0.0065175, 15);
    expect(model?.turns?.[2]?.totalUsd).toBeCloseTo((527 * 2.5 + 80 * 10) / 1e6, 15);
  });

  it("without a system prompt there is no system message", () => {
    const cost = replayConversation({ ...conversation, systemTokens: 0 }, "fixture-gpt", {
      pricing: table,
      caching: "none",
      overheads: [OPENAI],
    });
    expect(cost.models[0]?.turns?.map((t) => promptOf(t.usage))).toEqual([57, 295, 423]);
  });

  it("perTurn: false keeps totals and drops the breakdown", () => {
    const full = replayConversation(conversation, "fixture-gpt", { pricing: table });
    const lean = replayConversation(conversation, "fixture-gpt", {
      pricing: table,
      perTurn: false,
    });
    expect(lean.models[0]?.turns).toBeUndefined();
    expect(lean.totalUsd).toBe(full.totalUsd);
  });

  it("matches countChatTokens on every call (gpt-4o, bundled table, real text)", async () => {
    const system = "You are a concise travel agent. Answer in bullet points.";
    const turns = [
      {
        user: "Plan a 3-day trip to Lisbon in May.",
        assistant: "- Day 1: Alfama and the castle\n- Day 2: Belém\n- Day 3: Sintra",
      },
      {
        user: "Cheaper places to stay? Budget €80/night.",
        assistant: "- Guesthouses in Graça\n- Hostels near Rossio with private rooms",
      },
      {
        user: "And how do I get from the airport?",
        assistant: "Metro red line to Alameda, then green line: about 35 minutes, €1.85.",
      },
    ];
    const cost = await estimateConversation(turns, "gpt-4o", { system, caching: "none" });
    const calls = cost.models[0]?.turns ?? [];
    const messages: { role: "system" | "user" | "assistant"; content: string }[] = [
      { role: "system", content: system },
    ];
    for (const [k, turn] of turns.entries()) {
      messages.push({ role: "user", content: turn.user });
      const expected = await countChatTokens(messages, "gpt-4o");
      expect(expected.exact).toBe(true);
      expect(
        promptOf(
          calls[k]?.usage ?? {
            inputTokens: -1,
            cachedInputTokens: 0,
            cacheWrite5mTokens: 0,
            cacheWrite1hTokens: 0,
          },
        ),
      ).toBe(expected.tokens);
      messages.push({ role: "assistant", content: turn.assistant });
    }
    expect(cost.counting).toEqual([
      { model: "gpt-4o", exact: true, method: expect.stringContaining("o200k_base") },
    ]);
  });

  it("30 turns on three models, as the README promises", async () => {
    const turns = Array.from({ length: 30 }, (_, k) => ({
      user: `Question ${k}: what about <|endoftext|> and 🤖?`,
      assistant: 350 + k,
    }));
    const cost = await estimateConversation(
      turns,
      ["gpt-4o", "claude-sonnet-4-5", "gemini-2.5-pro"],
      { system: 1200 },
    );
    expect(cost.models.map((m) => m.model)).toEqual([
      "gpt-4o",
      "claude-sonnet-4-5",
      "gemini-2.5-pro",
    ]);
    expect(cost.models.every((m) => m.calls === 30 && m.totalUsd > 0)).toBe(true);
    expect(cost.totalUsd).toBeCloseTo(
      cost.models.reduce((sum, m) => sum + m.totalUsd, 0),
      12,
    );
    // the last call re-sends the system prompt and all 29 earlier replies of all three models:
    // 1,200 + 3 × Σ(350 + k for k < 29) = 1,200 + 3 × 10,556 tokens, plus the user messages
    const prompts = (cost.models[0]?.turns ?? []).map((t) => promptOf(t.usage));
    expect(prompts).toHaveLength(30);
    expect(prompts.every((p, k) => k === 0 || p > (prompts[k - 1] ?? 0))).toBe(true);
    expect(prompts[29]).toBeGreaterThan(1200 + 3 * 10_556);
    expect(cost.counting.map((c) => c.exact)).toEqual([false, false, false]); // numbers given for replies
  });
});

describe("prompt caching", () => {
  const conversation = { systemTokens: 2000, userTokens: [100, 100], replyTokens: [[500, 500]] };
  // system block 2,004; call 0 prompt 2,004 + 104 + 3 = 2,111; exchange 0 = 104 + 504 = 608
  // call 1 prompt 2,004 + 608 + 104 + 3 = 2,719; its repeated prefix = 2,004 + 104 = 2,108

  it("OpenAI: automatic from 1,024 tokens, hits in 128-token steps", () => {
    const cost = replayConversation(conversation, "fixture-gpt", {
      pricing: table,
      overheads: [OPENAI],
    });
    const [first, second] = cost.models[0]?.turns ?? [];
    expect(first?.usage.cachedInputTokens).toBe(0);
    // 1,024 + ⌊(2,108 − 1,024) / 128⌋ × 128 = 1,024 + 8 × 128 = 2,048 cached; 2,719 − 2,048 = 671 uncached
    expect(second?.usage).toMatchObject({ cachedInputTokens: 2048, inputTokens: 671 });
    // 671 × 2.50 + 2,048 × 1.25 + 500 × 10 = 1,677.5 + 2,560 + 5,000 µUSD
    expect(second?.totalUsd).toBeCloseTo(0.0092375, 15);
    expect(cost.assumptions.join(" ")).toContain("128-token steps");
  });

  it("OpenAI: a prefix under 1,024 tokens is not cached", () => {
    const cost = replayConversation(
      { systemTokens: 0, userTokens: [100, 100], replyTokens: [[500, 500]] },
      "fixture-gpt",
      { pricing: table, overheads: [OPENAI] },
    );
    expect(cost.models[0]?.usage.cachedInputTokens).toBe(0);
  });

  it("a model without a cached price gets no caching", () => {
    const cost = replayConversation(conversation, "fixture-old-gpt", {
      pricing: table,
      overheads: [OPENAI],
    });
    expect(cost.models[0]?.usage.cachedInputTokens).toBe(0);
    expect(cost.assumptions.join(" ")).toContain("no cached-input price");
  });

  it("Anthropic: nothing cached unless breakpoints are assumed", () => {
    const none = replayConversation(conversation, "fixture-claude", {
      pricing: table,
      overheads: [OPENAI],
    });
    expect(none.models[0]?.usage).toMatchObject({ cachedInputTokens: 0, cacheWrite5mTokens: 0 });
    expect(none.assumptions.join(" ")).toContain("set cacheWrites");
  });

  it("Anthropic with 5-minute writes: write the prompt, read it back next turn", () => {
    const cost = replayConversation(conversation, "fixture-claude", {
      pricing: table,
      overheads: [OPENAI],
      cacheWrites: "5m",
    });
    const [first, second] = cost.models[0]?.turns ?? [];
    // call 0: all 2,111 written; call 1: 2,108 read, 2,719 − 2,108 = 611 written
    expect(first?.usage).toMatchObject({
      cacheWrite5mTokens: 2111,
      cachedInputTokens: 0,
      inputTokens: 0,
    });
    expect(second?.usage).toMatchObject({
      cacheWrite5mTokens: 611,
      cachedInputTokens: 2108,
      inputTokens: 0,
    });
    // (2,111 + 611) × 3.75 + 2,108 × 0.30 + 1,000 × 15 = 10,207.5 + 632.4 + 15,000 µUSD
    expect(cost.totalUsd).toBeCloseTo(0.0258399, 12);
  });

  it("Anthropic with 1-hour writes uses the 1-hour price", () => {
    const cost = replayConversation(conversation, "fixture-claude", {
      pricing: table,
      overheads: [OPENAI],
      cacheWrites: "1h",
    });
    expect(cost.models[0]?.usage.cacheWrite1hTokens).toBe(2111 + 611);
    expect(cost.models[0]?.cacheWriteUsd).toBeCloseTo((2722 * 6) / 1e6, 15);
  });

  it("Gemini 2.5: implicit from 2,048 tokens", () => {
    const cost = replayConversation(conversation, "gemini-2.5-fixture", {
      pricing: table,
      overheads: [OPENAI],
    });
    // repeated prefix 2,108 ≥ 2,048, any length: all of it cached
    expect(cost.models[0]?.turns?.[1]?.usage.cachedInputTokens).toBe(2108);
  });

  it("a given hit rate applies to the re-sent history", () => {
    const cost = replayConversation(conversation, "fixture-gpt", {
      pricing: table,
      overheads: [OPENAI],
      caching: { hitRate: 0.5 },
    });
    // round(0.5 × 2,108) = 1,054 cached in call 1
    expect(cost.models[0]?.turns?.[1]?.usage).toMatchObject({
      cachedInputTokens: 1054,
      inputTokens: 2719 - 1054,
    });
  });

  it("a hit rate on Anthropic writes the new tokens by default (nothing is read unwritten)", () => {
    const cost = replayConversation(conversation, "fixture-claude", {
      pricing: table,
      overheads: [OPENAI],
      caching: { hitRate: 1 },
    });
    expect(cost.models[0]?.turns?.map((t) => t.usage.cacheWrite5mTokens)).toEqual([2111, 611]);
  });

  it("caching none is never cheaper than provider default on OpenAI", () => {
    const none = replayConversation(conversation, "fixture-gpt", {
      pricing: table,
      caching: "off",
    });
    const auto = replayConversation(conversation, "fixture-gpt", { pricing: table });
    expect(none.totalUsd).toBeGreaterThan(auto.totalUsd);
  });
});

describe("reasoning", () => {
  const conversation = { systemTokens: 0, userTokens: [10], replyTokens: [[100]] };

  it("effort sets reasoning tokens as a multiple of the visible reply, billed as output", () => {
    const cost = replayConversation(conversation, "fixture-o", {
      pricing: table,
      reasoning: "high",
    });
    // high = 8 × 100 = 800 reasoning tokens at $8/MTok
    expect(cost.models[0]?.usage.reasoningTokens).toBe(800);
    expect(cost.models[0]?.reasoningUsd).toBeCloseTo(0.0064, 15);
    expect(cost.assumptions.join(" ")).toContain('8 × the visible reply (effort "high")');
  });

  it("defaults to medium (3×) for OpenAI reasoning models, and accepts a measured multiplier", () => {
    expect(
      replayConversation(conversation, "fixture-o", { pricing: table }).models[0]?.usage
        .reasoningTokens,
    ).toBe(300);
    expect(
      replayConversation(conversation, "fixture-o", {
        pricing: table,
        reasoning: { multiplier: 1.5 },
      }).models[0]?.usage.reasoningTokens,
    ).toBe(150);
  });

  it("Anthropic thinking is opt-in: none by default, some when asked", () => {
    expect(
      replayConversation(conversation, "fixture-claude", { pricing: table }).models[0]?.usage
        .reasoningTokens,
    ).toBe(0);
    expect(
      replayConversation(conversation, "fixture-claude", { pricing: table, reasoning: "low" })
        .models[0]?.usage.reasoningTokens,
    ).toBe(100);
  });

  it("non-reasoning models never get reasoning tokens", () => {
    const cost = replayConversation(conversation, "fixture-gpt", {
      pricing: table,
      reasoning: "high",
    });
    expect(cost.models[0]?.usage.reasoningTokens).toBe(0);
    expect(cost.assumptions.join(" ")).toContain("not a reasoning model");
  });

  it("a bad effort is an INVALID_INPUT", () => {
    expect(
      thrown(() =>
        replayConversation(conversation, "fixture-o", {
          pricing: table,
          reasoning: "max" as never,
        }),
      ).code,
    ).toBe("INVALID_INPUT");
    expect(
      thrown(() =>
        replayConversation(conversation, "fixture-o", {
          pricing: table,
          reasoning: { multiplier: -1 },
        }),
      ).code,
    ).toBe("INVALID_INPUT");
  });
});

describe("truncation at the context window", () => {
  it("drops the oldest exchanges so each call fits the window less its reply", () => {
    // window 1,000; every exchange (100 + 4) + (300 + 4) = 408; system 50 + 4 = 54
    const conversation = {
      systemTokens: 50,
      userTokens: [100, 100, 100, 100],
      replyTokens: [[300, 300, 300, 300]],
    };
    const cost = replayConversation(conversation, "fixture-small", {
      pricing: table,
      overheads: [OPENAI],
    });
    const calls = cost.models[0]?.turns ?? [];
    // call 2 would send 54 + 816 + 104 + 3 = 977 > 1,000 − 300 = 700 → drop exchange 0 → 569
    expect(calls.map((t) => t.droppedTurns)).toEqual([0, 0, 1, 2]);
    expect(calls.map((t) => promptOf(t.usage))).toEqual([161, 569, 569, 569]);
    expect(calls.every((t) => promptOf(t.usage) + t.usage.outputTokens <= 1000)).toBe(true);
    expect(cost.models[0]?.truncatedCalls).toBe(2);
    expect(cost.assumptions.join(" ")).toContain("truncated");
  });

  it("a message too long for the window even alone is billed in full and flagged", () => {
    const cost = replayConversation(
      { systemTokens: 0, userTokens: [5, 2000], replyTokens: [[10, 10]] },
      "fixture-small",
      { pricing: table, overheads: [OPENAI] },
    );
    const last = cost.models[0]?.turns?.[1];
    expect(last?.exceedsContextWindow).toBe(true);
    expect(last?.droppedTurns).toBe(1);
    expect(
      promptOf(
        last?.usage ?? {
          inputTokens: 0,
          cachedInputTokens: 0,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
        },
      ),
    ).toBe(2007);
    expect(cost.models[0]?.oversizedCalls).toBe(1);
  });

  // system 1,500 → block 1,504; user 100 → 104; reply 1,500 → 1,504; an exchange is 1,608
  // call 0: 1,504 + 104 + 3 = 1,611; call 1: + 1,608 = 3,219 (fits 5,000 − 1,500 = 3,500)
  // call 2: 4,827 does not fit → exchange 0 dropped → 3,219, and the prefix changed after the system prompt
  const truncating = {
    systemTokens: 1500,
    userTokens: [100, 100, 100],
    replyTokens: [[1500, 1500, 1500]],
  };

  it("after a truncation only the unchanged start (the system prompt) can be a cache hit", () => {
    const cost = replayConversation(truncating, "fixture-small-cache", {
      pricing: table,
      overheads: [OPENAI],
    });
    const calls = cost.models[0]?.turns ?? [];
    expect(calls.map((t) => t.droppedTurns)).toEqual([0, 0, 1]);
    // call 1: prefix 1,504 + 104 = 1,608 → 1,024 + 4 × 128 = 1,536; call 2: prefix 1,504 → 1,024 + 3 × 128 = 1,408
    expect(calls.map((t) => t.usage.cachedInputTokens)).toEqual([0, 1536, 1408]);
  });

  it("after a truncation an explicit cache is written again from the start", () => {
    const cost = replayConversation(truncating, "fixture-small-claude", {
      pricing: table,
      overheads: [OPENAI],
      cacheWrites: "5m",
    });
    const calls = cost.models[0]?.turns ?? [];
    expect(calls.map((t) => [t.usage.cachedInputTokens, t.usage.cacheWrite5mTokens])).toEqual([
      [0, 1611],
      [1608, 3219 - 1608],
      [0, 3219],
    ]);
  });

  it("truncate: false keeps the whole history", () => {
    const conversation = {
      systemTokens: 50,
      userTokens: [100, 100, 100, 100],
      replyTokens: [[300, 300, 300, 300]],
    };
    const cost = replayConversation(conversation, "fixture-small", {
      pricing: table,
      overheads: [OPENAI],
      truncate: false,
    });
    expect(cost.models[0]?.turns?.map((t) => t.droppedTurns)).toEqual([0, 0, 0, 0]);
    expect(cost.models[0]?.oversizedCalls).toBe(2);
  });
});

describe("long context per call", () => {
  it("only calls above the threshold use the tier, each as a whole", () => {
    const cost = replayConversation(
      { systemTokens: 0, userTokens: [200, 200], replyTokens: [[100, 100]] },
      "fixture-long",
      { pricing: table, overheads: [OPENAI] },
    );
    const [first, second] = cost.models[0]?.turns ?? [];
    // call 0: 204 + 3 = 207 ≤ 500 → 207 × 1 + 100 × 2; call 1: 207 + 104 + 204 = 515 > 500 → 515 × 2 + 100 × 3
    expect(first?.longContextApplied).toBe(false);
    expect(second?.longContextApplied).toBe(true);
    expect(first?.totalUsd).toBeCloseTo(407e-6, 15);
    expect(second?.totalUsd).toBeCloseTo(1330e-6, 15);
    expect(cost.models[0]?.longContextCalls).toBe(1);
  });
});

describe("multi-model room", () => {
  it("every model sees every reply, and pays for its own", () => {
    // two models; user [10, 20]; model A replies [100, 200], model B [300, 400]
    const conversation = {
      systemTokens: 0,
      userTokens: [10, 20],
      replyTokens: [
        [100, 200],
        [300, 400],
      ],
    };
    const cost = replayConversation(conversation, ["fixture-gpt", "fixture-old-gpt"], {
      pricing: table,
      caching: "none",
      overheads: [OPENAI, OPENAI],
    });
    // exchange 0 as both see it: (10 + 4) + (100 + 4) + (300 + 4) = 422
    // call 0: 14 + 3 = 17 for both; call 1: 422 + 24 + 3 = 449 for both
    for (const model of cost.models)
      expect(model.turns?.map((t) => promptOf(t.usage))).toEqual([17, 449]);
    expect(cost.models[0]?.usage.outputTokens).toBe(300);
    expect(cost.models[1]?.usage.outputTokens).toBe(700);
    // A: 466 × 2.50 + 300 × 10 = 4,165 µUSD; B: 466 × 30 + 700 × 60 = 55,980 µUSD
    expect(cost.models[0]?.totalUsd).toBeCloseTo(0.004165, 15);
    expect(cost.models[1]?.totalUsd).toBeCloseTo(0.05598, 15);
    expect(cost.totalUsd).toBeCloseTo(0.060145, 15);
    expect(cost.assumptions.join(" ")).toContain("Multi-model room");
  });

  it("with text, each model counts the shared transcript in its own tokenizer", async () => {
    const replies = {
      "gpt-4o": "Lisbon has seven hills. 🏙️",
      "claude-sonnet-4-5": "Lisboa: sete colinas, elétricos e pastéis de nata.",
    };
    const cost = await estimateConversation(
      [
        { user: "Tell me about Lisbon.", assistant: replies },
        {
          user: "And Porto?",
          assistant: {
            "gpt-4o": "Porto: port wine.",
            "claude-sonnet-4-5": "O Porto fica no Douro.",
          },
        },
      ],
      ["gpt-4o", "claude-sonnet-4-5"],
      { caching: "none" },
    );
    // prompt 1 − prompt 0 = both replies and user message 1, each with the model's message overhead
    // (gpt-4o: 3 + 1 role token; Claude estimate: 2 + 1), all counted in that model's tokenizer.
    for (const [m, id, overhead] of [
      [0, "gpt-4o", 4],
      [1, "claude-sonnet-4-5", 3],
    ] as const) {
      const tokenizer = await getTokenizer(id);
      const calls = cost.models[m]?.turns ?? [];
      const [first, second] = calls.map((t) => promptOf(t.usage));
      expect((second ?? 0) - (first ?? 0)).toBe(
        tokenizer.count(replies["gpt-4o"]) +
          tokenizer.count(replies["claude-sonnet-4-5"]) +
          tokenizer.count("And Porto?") +
          3 * overhead,
      );
    }
    expect(cost.counting.map((c) => c.exact)).toEqual([true, false]);
  });

  it("a room needs a reply from every model", async () => {
    const error = await rejected(
      estimateConversation(
        [{ user: "hi", assistant: { "gpt-4o": "hello" } }],
        ["gpt-4o", "claude-sonnet-4-5"],
      ),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain('turns[0].assistant["claude-sonnet-4-5"]');
  });
});

describe("bad input", () => {
  it.each([
    [[{ user: -5, assistant: 10 }], "turns[0].user", "-5"],
    [[{ user: 1.5, assistant: 10 }], "turns[0].user", "1.5"],
    [[{ user: "ok", assistant: Number.NaN }], "turns[0].assistant", "NaN"],
    [[{ user: "ok", assistant: null }], "turns[0].assistant", "one reply per model"],
    [[null], "turns[0]", "expected"],
  ])("estimateConversation(%o) names %s", async (turns, field, shown) => {
    const error = await rejected(
      estimateConversation(turns as never, "fixture-gpt", { pricing: table }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(field);
    expect(error.message).toContain(shown);
  });

  it("never echoes message text in errors", async () => {
    const error = await rejected(
      estimateConversation([{ user: "my secret diary", assistant: -1 }], "fixture-gpt", {
        pricing: table,
      }),
    );
    expect(error.message).not.toContain("secret");
  });

  it.each([
    [{ systemTokens: -1, userTokens: [1], replyTokens: [[1]] }, "conversation.systemTokens"],
    [
      { systemTokens: 0, userTokens: [1, Number.NaN], replyTokens: [[1, 1]] },
      "conversation.userTokens[1]",
    ],
    [
      { systemTokens: 0, userTokens: [1], replyTokens: [[Number.POSITIVE_INFINITY]] },
      "conversation.replyTokens[0][0]",
    ],
    [{ systemTokens: 0, userTokens: [1, 2], replyTokens: [[1]] }, "conversation.replyTokens[0]"],
    [{ systemTokens: 0, userTokens: [1], replyTokens: [] }, "conversation.replyTokens"],
  ])("replayConversation rejects %o naming %s", (conversation, field) => {
    const error = thrown(() => replayConversation(conversation, "fixture-gpt", { pricing: table }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(field);
  });

  it("an unknown model is an error, not $0", () => {
    expect(
      thrown(() =>
        replayConversation(
          { systemTokens: 0, userTokens: [1], replyTokens: [[1]] },
          "fixture-nope",
          { pricing: table },
        ),
      ).code,
    ).toBe("UNKNOWN_MODEL");
  });

  it("fractional averages are accepted by the replay (usage profiles in words)", () => {
    const cost = replayConversation(
      { systemTokens: 0, userTokens: [13.5], replyTokens: [[100.25]] },
      "fixture-gpt",
      { pricing: table, caching: "none", overheads: [OPENAI] },
    );
    // (13.5 + 4 + 3) × 2.50 + 100.25 × 10 = 51.25 + 1,002.5 µUSD
    expect(cost.totalUsd).toBeCloseTo(0.00105375, 15);
  });

  it("an empty conversation costs nothing", async () => {
    expect((await estimateConversation([], "fixture-gpt", { pricing: table })).totalUsd).toBe(0);
  });
});
